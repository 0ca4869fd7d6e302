/**
 * The Budget prévisionnel sheet: the plan's forecast grid as staff typed it. A label column, one
 * column per fiscal year (`2019-2020`…), then `Total`; title rows above; amounts as numbers or as
 * text (`195 007 $`, `- $`). Each year's envelope is the `Total` row when there is one, else the
 * sum of the rows. The plan's own grid ends with an unlabelled row of column totals and a row
 * holding only the grand total: both are recognized so that nothing is counted twice.
 */
import { cellAddress, parseCellAddress } from '../a1.js';
import type { SheetSnapshot } from '../cells.js';
import { type Issue, issue } from '../issues.js';
import type { CellPlace } from '../records.js';
import type { ProgramYear, Settings } from '../settings.js';
import { fiscalYearsBetween } from '../values/dates.js';
import { headerKey } from '../values/text.js';
import { cellAt, fiscalYearLabel, HEADER_SCAN_ROWS, sheetWidth } from './headers.js';
import { CellReader, sortIssues } from './sheets.js';

export interface BudgetLayout {
  sheet: string;
  /** 0-based row of the year headers. */
  headerRow: number;
  /** Fiscal year label → 0-based column. */
  yearColumns: Record<string, number>;
  totalColumn: number | null;
  /** 0-based row whose cells are the envelopes, or null when envelopes are the sum of `rows`. */
  totalRow: number | null;
  /** 0-based rows of amounts (total rows excluded). */
  rows: number[];
}

export interface BudgetReading {
  /** Program years in order, with their envelopes. */
  years: ProgramYear[];
  layout: BudgetLayout | null;
  issues: Issue[];
}

const TOTAL_LABEL = /^(total|totaux|grand total)\b/;
const SUBTOTAL_LABEL = /^sous[- ]?totaux?\b/;

function sumCents(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}

/** The row among the first ones that holds the most fiscal-year headers. */
function findYearHeaderRow(sheet: SheetSnapshot): number | null {
  let best: { row: number; count: number } | null = null;
  const last = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  for (let row = 0; row < last; row++) {
    let count = 0;
    for (const value of sheet.values[row] ?? []) {
      if (typeof value === 'string' && value.length < 40 && fiscalYearLabel(value) !== null) count++;
    }
    if (count > 0 && (best === null || count > best.count)) best = { row, count };
  }
  return best?.row ?? null;
}

interface AmountRow {
  row: number;
  label: string;
  /** Cents by year index; null for a blank cell. */
  years: (number | null)[];
  total: number | null;
}

/** A row's label: the first text left of the year columns (the label column may be A or B…). */
function rowLabel(reader: CellReader, row: number, firstYearCol: number): string {
  for (let col = 0; col < firstYearCol; col++) {
    const text = reader.text(row, col);
    if (text !== '') return text;
  }
  return '';
}

export function readForecastBudget(sheet: SheetSnapshot | undefined, settings: Settings): BudgetReading {
  const issues: Issue[] = [];
  const presetTotal = sumCents(settings.years.map((y) => y.envelopeCents));
  if (sheet === undefined) {
    issues.push(issue('forecast.sheetMissing', 'info', {}, { total: presetTotal }));
    return { years: settings.years.map((y) => ({ ...y })), layout: null, issues };
  }
  const headerRow = findYearHeaderRow(sheet);
  if (headerRow === null) {
    issues.push(issue('forecast.noYears', 'warning', { sheet: sheet.name }));
    return { years: settings.years.map((y) => ({ ...y })), layout: null, issues };
  }

  // Year and Total columns.
  const at = (row: number, col: number) => ({ sheet: sheet.name, cell: cellAddress(row, col) });
  const headerCell = (col: number) => at(headerRow, col);
  const yearColumns: Record<string, number> = {};
  let totalColumn: number | null = null;
  const width = sheetWidth(sheet);
  for (let col = 0; col < width; col++) {
    const value = cellAt(sheet, headerRow, col);
    if (typeof value !== 'string' || value.length > 200) continue;
    const year = fiscalYearLabel(value);
    if (year !== null) {
      if (Object.hasOwn(yearColumns, year)) {
        issues.push(
          issue('header.duplicate', 'warning', headerCell(col), {
            column: year,
            first: cellAddress(headerRow, yearColumns[year]),
          }),
        );
      } else {
        yearColumns[year] = col;
      }
    } else if (totalColumn === null && TOTAL_LABEL.test(headerKey(value))) {
      totalColumn = col;
    }
  }
  const labels = Object.keys(yearColumns).sort();
  const columns = labels.map((label) => yearColumns[label]);
  const firstYearCol = Math.min(...columns);

  // Amount rows below the headers; notes and blank rows hold no amount and are passed over.
  const reader = new CellReader(sheet);
  const dataRows: AmountRow[] = [];
  const totalRows: AmountRow[] = [];
  const grandTotalRows: AmountRow[] = [];
  const running = labels.map(() => 0);
  for (let row = headerRow + 1; row < sheet.values.length; row++) {
    const years = columns.map((col) => reader.money(row, col, { allowNegative: true }));
    const total = totalColumn === null ? null : reader.money(row, totalColumn, { allowNegative: true });
    const hasYears = years.some((cents) => cents !== null);
    if (!hasYears && total === null) continue;
    const label = rowLabel(reader, row, firstYearCol);
    const amounts: AmountRow = { row, label, years, total };
    const key = headerKey(label);
    if (SUBTOTAL_LABEL.test(key)) continue;
    if (TOTAL_LABEL.test(key)) {
      totalRows.push(amounts);
    } else if (!hasYears) {
      grandTotalRows.push(amounts);
    } else if (
      key === '' &&
      dataRows.length >= 2 &&
      years.every((cents, i) => cents !== null && cents === running[i]) &&
      running.some((cents) => cents !== 0)
    ) {
      totalRows.push(amounts);
      issues.push(issue('forecast.implicitTotal', 'info', at(row, columns[0]), { row: row + 1 }));
    } else {
      dataRows.push(amounts);
      years.forEach((cents, i) => {
        running[i] += cents ?? 0;
      });
    }
  }

  // Each row's Total is the sum of its years.
  for (const amounts of [...dataRows, ...totalRows]) {
    if (amounts.total === null || totalColumn === null) continue;
    const expected = sumCents(amounts.years.map((cents) => cents ?? 0));
    if (amounts.total !== expected) {
      issues.push(
        issue('forecast.rowTotal', 'error', at(amounts.row, totalColumn), {
          found: amounts.total,
          expected,
        }),
      );
    }
  }

  // The Total row is the sum of the rows above it; it gives the envelopes.
  for (const totals of totalRows) {
    // A Total row alone (no detail row with an amount above it) is the envelope itself: nothing to add up.
    const above = dataRows.filter((r) => r.row < totals.row);
    if (!above.some((r) => r.years.some((cents) => (cents ?? 0) !== 0))) continue;
    labels.forEach((year, i) => {
      const expected = sumCents(above.map((r) => r.years[i] ?? 0));
      const found = totals.years[i] ?? 0;
      if (found !== expected) {
        issues.push(
          issue('forecast.columnTotal', 'error', at(totals.row, columns[i]), {
            year,
            found,
            expected,
          }),
        );
      }
    });
  }
  const totalRow = totalRows.length > 0 ? totalRows[totalRows.length - 1] : null;
  const envelopes = labels.map((_, i) => (totalRow ? (totalRow.years[i] ?? 0) : running[i]));
  const grandTotal = sumCents(envelopes);

  for (const amounts of grandTotalRows) {
    if (totalColumn === null || amounts.total === null || amounts.total === grandTotal) continue;
    issues.push(
      issue('forecast.grandTotalMismatch', 'error', at(amounts.row, totalColumn), {
        found: amounts.total,
        expected: grandTotal,
      }),
    );
  }
  labels.forEach((year, i) => {
    if (envelopes[i] < 0) {
      const row = totalRow?.row ?? headerRow;
      issues.push(
        issue('forecast.negativeEnvelope', 'error', at(row, columns[i]), { year, amount: envelopes[i] }),
      );
    }
  });

  // Grand total against the action plan's, and years against the program's.
  const grandTotalRow = totalRow !== null && totalRow.total !== null ? totalRow.row : grandTotalRows[0]?.row;
  const grandTotalWhere =
    grandTotalRow !== undefined && totalColumn !== null
      ? at(grandTotalRow, totalColumn)
      : { sheet: sheet.name };
  issues.push(
    issue('forecast.grandTotal', 'info', grandTotalWhere, {
      total: grandTotal,
      count: labels.length,
    }),
  );
  // Program years follow Début and Fin du programme: an extended program adds years, not « extras ».
  const programYears = [
    ...new Set([
      ...settings.years.map((y) => y.label),
      ...fiscalYearsBetween(settings.programStart, settings.programEnd),
    ]),
  ].sort();
  const planYears = settings.years.map((y) => y.label);
  const sameYearsAsPlan = labels.length === planYears.length && planYears.every((y) => labels.includes(y));
  // The action plan's total means something only over the plan's own years.
  if (sameYearsAsPlan && grandTotal !== presetTotal) {
    issues.push(
      issue('forecast.programTotalDiffers', 'info', grandTotalWhere, {
        total: grandTotal,
        expected: presetTotal,
        difference: grandTotal - presetTotal,
      }),
    );
  }
  for (const year of labels) {
    if (!programYears.includes(year)) {
      issues.push(
        issue('forecast.yearExtra', 'warning', headerCell(yearColumns[year]), {
          year,
          years: programYears,
        }),
      );
    }
  }
  const envelopeByYear = new Map(labels.map((year, i) => [year, envelopes[i]]));
  for (const year of programYears) {
    if (!envelopeByYear.has(year)) {
      issues.push(issue('forecast.yearMissing', 'warning', headerCell(firstYearCol), { year }));
      envelopeByYear.set(year, 0);
    }
  }
  // The cells an envelope is read from (its Total row's, or the rows summed) that hold no amount.
  const unreadableByYear = new Map<string, CellPlace[]>();
  const totalsRows = new Set([...totalRows, ...grandTotalRows].map((r) => r.row));
  const countsIn = (row: number) => (totalRow ? row === totalRow.row : !totalsRows.has(row));
  for (const address of reader.unreadableAmounts) {
    const { row, col } = parseCellAddress(address);
    const i = columns.indexOf(col);
    if (i < 0 || !countsIn(row)) continue;
    const cells = unreadableByYear.get(labels[i]) ?? [];
    cells.push({ sheet: sheet.name, cell: address });
    unreadableByYear.set(labels[i], cells);
  }
  const years: ProgramYear[] = [...envelopeByYear.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, envelopeCents]) => {
      const unreadableCells = unreadableByYear.get(label);
      return unreadableCells ? { label, envelopeCents, unreadableCells } : { label, envelopeCents };
    });

  // A loop: push(...) of 100 000 issues would overflow the call stack.
  for (const item of reader.issues) issues.push(item);
  return {
    years,
    layout: {
      sheet: sheet.name,
      headerRow,
      yearColumns,
      totalColumn,
      totalRow: totalRow?.row ?? null,
      rows: dataRows.map((r) => r.row),
    },
    issues: sortIssues(issues, [sheet.name]),
  };
}
