/**
 * Header rows of staff sheets: found by name in any order, below any title rows, with aliases.
 * Matching ignores case, accents, extra spaces and a trailing colon (`headerKey`).
 */
import { cellAddress } from '../a1.js';
import type { CellValue, SheetSnapshot } from '../cells.js';
import { type Issue, issue } from '../issues.js';
import { headerKey } from '../values/text.js';

/** Where a table sits in a staff sheet. Other code writes live formulas over it: keep it exact. */
export interface SheetLayout {
  sheet: string;
  /** 0-based row of the headers. */
  headerRow: number;
  /** field → 0-based column. */
  columns: Record<string, number>;
  /** 0-based rows that hold records (blank rows skipped), in sheet order. */
  rows: number[];
}

/** A known column: its field, its canonical French header first, then aliases. */
export interface ColumnSpec {
  field: string;
  names: readonly string[];
  required?: boolean;
}

/** Header text → field, or null for a column this reader does not know (kept, just not read). */
export type HeaderClassifier = (text: string) => string | null;

/** The first rows searched for headers: title blocks above a table are rarely longer. */
export const HEADER_SCAN_ROWS = 30;

export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const value = sheet.values[row]?.[col];
  return value === undefined ? null : value;
}

/** Widest row: snapshots should be rectangular, but a reader never trusts it. */
export function sheetWidth(sheet: SheetSnapshot): number {
  let width = 0;
  for (const row of sheet.values) if (row && row.length > width) width = row.length;
  return width;
}

/** Header cells are text; a number or date there is not a header name. */
function headerText(value: CellValue): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text === '' ? null : text;
}

/** A classifier from column specs (exact keys), with an optional fallback for patterned headers. */
export function classifierFor(specs: readonly ColumnSpec[], fallback?: HeaderClassifier): HeaderClassifier {
  const byKey = new Map<string, string>();
  for (const spec of specs) {
    for (const name of spec.names) {
      const key = headerKey(name);
      if (!byKey.has(key)) byKey.set(key, spec.field);
    }
  }
  return (text) => byKey.get(headerKey(text)) ?? fallback?.(text) ?? null;
}

interface Candidate {
  row: number;
  fields: Set<string>;
  hasRequired: boolean;
}

function candidateAt(
  sheet: SheetSnapshot,
  row: number,
  classify: HeaderClassifier,
  required: readonly string[],
) {
  const fields = new Set<string>();
  const cells = sheet.values[row] ?? [];
  for (const value of cells) {
    const text = headerText(value);
    if (text === null || text.length > 200) continue;
    const field = classify(text);
    if (field !== null) fields.add(field);
  }
  return { row, fields, hasRequired: required.every((f) => fields.has(f)) };
}

/**
 * The header row among the first rows: the one that names the most known columns, a row with every
 * required column winning a tie. A single known header counts only when it is a required one, so
 * that a title such as « Projets » never passes for headers.
 */
export function findHeaderRow(
  sheet: SheetSnapshot,
  classify: HeaderClassifier,
  required: readonly string[],
): number | null {
  let best: Candidate | null = null;
  const last = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  for (let row = 0; row < last; row++) {
    const candidate = candidateAt(sheet, row, classify, required);
    if (candidate.fields.size === 0) continue;
    if (
      best === null ||
      candidate.fields.size > best.fields.size ||
      (candidate.fields.size === best.fields.size && candidate.hasRequired && !best.hasRequired)
    ) {
      best = candidate;
    }
  }
  if (best === null) return null;
  if (!best.hasRequired && best.fields.size < 2) return null;
  return best.row;
}

/** The header row of an Excel Table on the sheet that names every required column, if any. */
function tableHeaderRow(
  sheet: SheetSnapshot,
  classify: HeaderClassifier,
  required: readonly string[],
): number | null {
  for (const table of sheet.tables ?? []) {
    if (table.headerRow === null) continue;
    const candidate = candidateAt(sheet, table.headerRow, classify, required);
    if (required.every((field) => candidate.fields.has(field))) return table.headerRow;
  }
  return null;
}

export interface HeaderReading {
  layout: SheetLayout | null;
  /** 0-based columns whose header is not a known one: left untouched. */
  unknownColumns: number[];
  issues: Issue[];
}

export interface HeaderOptions {
  classify: HeaderClassifier;
  /** Required fields and the header to name when one is missing. */
  required: readonly { field: string; label: string }[];
  /** Fields whose presence alone makes a row a record (default: every known column). */
  recordFields?: readonly string[];
}

/** Reads the header row, its columns, and the rows that hold records (blank rows skipped). */
export function readHeader(sheet: SheetSnapshot, options: HeaderOptions): HeaderReading {
  const issues: Issue[] = [];
  const where = (row: number, col: number) => ({ sheet: sheet.name, cell: cellAddress(row, col) });
  const requiredFields = options.required.map((r) => r.field);
  const headerRow =
    tableHeaderRow(sheet, options.classify, requiredFields) ??
    findHeaderRow(sheet, options.classify, requiredFields);
  if (headerRow === null) {
    // An empty sheet loses nothing by being skipped; a sheet with content that cannot be read does.
    const empty = sheet.values.every((row) => !row || row.every((value) => isBlankCell(value)));
    issues.push(
      issue(
        'header.notFound',
        empty ? 'warning' : 'error',
        { sheet: sheet.name },
        {
          column: options.required[0]?.label ?? '',
        },
      ),
    );
    return { layout: null, unknownColumns: [], issues };
  }

  const columns: Record<string, number> = {};
  const unknownColumns: number[] = [];
  const cells = sheet.values[headerRow] ?? [];
  let firstHeaderCol = -1;
  for (let col = 0; col < cells.length; col++) {
    const text = headerText(cells[col]);
    if (text === null) continue;
    if (firstHeaderCol < 0) firstHeaderCol = col;
    const field = text.length > 200 ? null : options.classify(text);
    if (field === null) {
      unknownColumns.push(col);
    } else if (Object.hasOwn(columns, field)) {
      issues.push(
        issue('header.duplicate', 'warning', where(headerRow, col), {
          column: text,
          first: cellAddress(headerRow, columns[field]),
        }),
      );
    } else {
      columns[field] = col;
    }
  }
  for (const { field, label } of options.required) {
    if (!Object.hasOwn(columns, field)) {
      issues.push(
        issue('header.missing', 'error', where(headerRow, Math.max(firstHeaderCol, 0)), {
          column: label,
          row: headerRow + 1,
        }),
      );
    }
  }

  const recordColumns = (options.recordFields ?? Object.keys(columns))
    .filter((field) => Object.hasOwn(columns, field))
    .map((field) => columns[field]);
  const rows: number[] = [];
  // A Table's totals row sums the records: it is none of them.
  const totals = new Set((sheet.tables ?? []).map((t) => t.totalsRow).filter((r) => r !== null));
  for (let row = headerRow + 1; row < sheet.values.length; row++) {
    const values = sheet.values[row];
    if (!values || totals.has(row)) continue;
    if (recordColumns.some((col) => !isBlankCell(values[col]))) rows.push(row);
  }
  return { layout: { sheet: sheet.name, headerRow, columns, rows }, unknownColumns, issues };
}

function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** `2020-2021`, `2020 - 2021`, `2020–2021`: a fiscal-year label, or null. */
export function fiscalYearLabel(text: string): string | null {
  const match = /^(\d{4})\s*[-\u2010-\u2015\u2212]\s*(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const first = Number(match[1]);
  return Number(match[2]) === first + 1 ? `${first}-${first + 1}` : null;
}

/** `Demandé 2020-2021`, `Montant accordé (2020 – 2021)`, `Requested amount 2020-2021`… (after headerKey). */
const AMOUNT_BY_YEAR =
  /^(?:(?:montant|amount)\s+)?(demande|demandee|demandes|requested|accorde|accordee|accordes|granted)(?:\s+(?:amount|en|pour|for|in))?\s*\(?\s*(\d{4}\s*[-\u2010-\u2015\u2212]\s*\d{4})\s*\)?$/;

/** `Demandé 2020-2021` → `requested 2020-2021`, `Granted 2021–2022` → `granted 2021-2022`, else null. */
export function yearAmountField(text: string): string | null {
  const match = AMOUNT_BY_YEAR.exec(headerKey(text));
  if (!match) return null;
  const year = fiscalYearLabel(match[2]);
  if (year === null) return null;
  return `${match[1].startsWith('demand') || match[1] === 'requested' ? 'requested' : 'granted'} ${year}`;
}
