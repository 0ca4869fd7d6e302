/**
 * A host simulated in memory for tests: a writer of the core's resolved plans, like the ExcelJS,
 * Office.js and SpreadsheetApp writers. Formula cells get a null value (nothing is
 * recalculated) and their formula; strings stay text even when they start with `=`.
 * Number formats, validations, widths, frozen rows and charts are kept on the returned sheets so
 * tests can assert them.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/cells.js';
import type { Plan, SheetPlan } from '../../core/plan.js';
import { isFormula } from '../../core/plan.js';
import {
  type ResolvedPlan,
  type ResolvedSheet,
  type ResolveOptions,
  resolvePlan,
} from '../../core/writes.js';

export interface AppliedSheet extends SheetSnapshot {
  formulas: (string | null)[][];
  notes: (string | null)[][];
  fills: (string | null)[][];
  numberFormats: (string | null)[][];
  bold: boolean[][];
  validations: NonNullable<SheetPlan['validations']>;
  columnWidths: NonNullable<SheetPlan['columnWidths']>;
  frozenRows?: number;
  charts: NonNullable<SheetPlan['charts']>;
  hidden?: boolean;
}

export interface AppliedWorkbook extends WorkbookSnapshot {
  sheets: AppliedSheet[];
}

function grid<T>(rows: number, cols: number, fill: T, from?: T[][]): T[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const v = from?.[r]?.[c];
      return v === undefined ? fill : v;
    }),
  );
}

function cloneValue(value: CellValue): CellValue {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

function toApplied(sheet: SheetSnapshot): AppliedSheet {
  const a = sheet as Partial<AppliedSheet>;
  const rows = sheet.values.length;
  const cols = Math.max(0, ...sheet.values.map((r) => r.length));
  return {
    name: sheet.name,
    values: grid<CellValue>(rows, cols, null, sheet.values).map((r) => r.map(cloneValue)),
    formulas: grid<string | null>(rows, cols, null, sheet.formulas),
    notes: grid<string | null>(rows, cols, null, sheet.notes),
    fills: grid<string | null>(rows, cols, null, sheet.fills),
    numberFormats: grid<string | null>(rows, cols, null, a.numberFormats),
    bold: grid<boolean>(rows, cols, false, a.bold),
    validations: [...(a.validations ?? [])],
    columnWidths: [...(a.columnWidths ?? [])],
    frozenRows: a.frozenRows,
    charts: [...(a.charts ?? [])],
    hidden: a.hidden,
  };
}

function emptySheet(name: string): AppliedSheet {
  return toApplied({ name, values: [] });
}

/** Grows every grid of the sheet so that (row, col) exists, keeping it rectangular. */
function ensureSize(sheet: AppliedSheet, rows: number, cols: number): void {
  const width = Math.max(cols, sheet.values[0]?.length ?? 0);
  const height = Math.max(rows, sheet.values.length);
  const grow = <T>(g: T[][], fill: T) => {
    for (const row of g) while (row.length < width) row.push(fill);
    while (g.length < height) g.push(new Array<T>(width).fill(fill));
  };
  grow<CellValue>(sheet.values, null);
  grow<string | null>(sheet.formulas, null);
  grow<string | null>(sheet.notes, null);
  grow<string | null>(sheet.fills, null);
  grow<string | null>(sheet.numberFormats, null);
  grow<boolean>(sheet.bold, false);
}

/** Writes one resolved sheet: the same writer interface the hosts implement, in memory. */
function writeSheet(sheet: AppliedSheet, resolved: ResolvedSheet): void {
  if (resolved.clear) {
    const cleared = emptySheet(sheet.name);
    Object.assign(sheet, cleared);
  }
  for (const run of resolved.runs) {
    const width = run.values[0]?.length ?? 0;
    ensureSize(sheet, run.row + run.values.length, run.col + width);
    run.values.forEach((row, i) => {
      row.forEach((value, j) => {
        const r = run.row + i;
        const c = run.col + j;
        if (isFormula(value)) {
          sheet.values[r][c] = null;
          sheet.formulas[r][c] = value.formula;
        } else {
          sheet.values[r][c] = cloneValue(value);
          sheet.formulas[r][c] = null;
        }
        const format = run.numberFormats?.[i]?.[j];
        if (format !== undefined && format !== null) sheet.numberFormats[r][c] = format;
        if (run.bold) sheet.bold[r][c] = true;
        if (run.fill) sheet.fills[r][c] = run.fill;
      });
    });
  }
  for (const mark of resolved.marks) {
    ensureSize(sheet, mark.row + 1, mark.col + 1);
    if (mark.fill !== undefined) sheet.fills[mark.row][mark.col] = mark.fill;
    if (mark.note !== undefined) sheet.notes[mark.row][mark.col] = mark.note;
  }
  for (const v of resolved.validations) sheet.validations.push({ range: v.range, list: v.items });
  if (resolved.columnWidths.length > 0) sheet.columnWidths = [...resolved.columnWidths];
  if (resolved.frozenRows !== undefined) sheet.frozenRows = resolved.frozenRows;
  sheet.charts.push(...resolved.charts);
  if (resolved.hidden !== undefined) sheet.hidden = resolved.hidden;
}

/** A new workbook with the resolved writes applied: the input is never modified. */
export function applyResolved(snapshot: WorkbookSnapshot, resolved: ResolvedPlan): AppliedWorkbook {
  const sheets = snapshot.sheets.map(toApplied);
  for (const plan of resolved.sheets) {
    let sheet = sheets.find((s) => s.name === plan.name);
    if (plan.create) {
      if (sheet) throw new Error(`Sheet already exists: ${plan.name}`);
      sheet = emptySheet(plan.name);
      sheets.push(sheet);
    }
    if (!sheet) throw new Error(`Writes for a missing sheet: ${plan.name}`);
    writeSheet(sheet, plan);
  }
  return { sheets };
}

/** Resolves the plan on the snapshot it was made from, then writes it in memory. */
export function applyPlanToSnapshot(
  snapshot: WorkbookSnapshot,
  plan: Plan,
  options: ResolveOptions = {},
): AppliedWorkbook {
  return applyResolved(snapshot, resolvePlan(plan, snapshot, options).resolved);
}

/** A sheet by name, failing the test clearly when it is absent. */
export function sheetOf(workbook: WorkbookSnapshot, name: string): AppliedSheet {
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`No sheet named ${name}`);
  return sheet as AppliedSheet;
}
