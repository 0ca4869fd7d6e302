/**
 * A host simulated in memory for tests: applies a Plan to a WorkbookSnapshot literally, the way the
 * ExcelJS, Office.js and SpreadsheetApp adapters do. Formula cells get a null value (nothing is
 * recalculated) and their formula; strings stay text even when they start with `=`.
 * Number formats, validations, widths, frozen rows and charts are kept on the returned sheets so
 * tests can assert them.
 */
import { parseCellAddress } from '../../core/a1.js';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/cells.js';
import { isBlank } from '../../core/cells.js';
import type { Plan, SheetPlan } from '../../core/plan.js';
import { isFormula } from '../../core/plan.js';

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

/** Index of the first row below the last row holding a value or a formula. */
export function firstFreeRow(sheet: SheetSnapshot): number {
  for (let r = sheet.values.length - 1; r >= 0; r--) {
    const used = sheet.values[r].some((v, c) => !isBlank(v) || Boolean(sheet.formulas?.[r]?.[c]));
    if (used) return r + 1;
  }
  return 0;
}

function applySheetPlan(sheet: AppliedSheet, plan: SheetPlan): void {
  const offset = plan.mode === 'append' ? firstFreeRow(sheet) : 0;
  for (const block of plan.blocks) {
    const width = block.values[0]?.length ?? 0;
    block.values.forEach((row) => {
      if (row.length !== width) throw new Error(`Block at ${block.row},${block.col} is not rectangular`);
    });
    ensureSize(sheet, offset + block.row + block.values.length, block.col + width);
    block.values.forEach((row, i) => {
      row.forEach((value, j) => {
        const r = offset + block.row + i;
        const c = block.col + j;
        if (isFormula(value)) {
          sheet.values[r][c] = null;
          sheet.formulas[r][c] = value.formula;
        } else {
          sheet.values[r][c] = cloneValue(value);
          sheet.formulas[r][c] = null;
        }
        const format = block.numberFormats?.[i]?.[j];
        if (format !== undefined && format !== null) sheet.numberFormats[r][c] = format;
        if (block.bold) sheet.bold[r][c] = true;
        if (block.fill) sheet.fills[r][c] = block.fill;
      });
    });
  }
  for (const mark of plan.marks ?? []) {
    const { row, col } = parseCellAddress(mark.cell);
    ensureSize(sheet, row + 1, col + 1);
    if (mark.fill !== undefined) sheet.fills[row][col] = mark.fill;
    if (mark.note !== undefined) sheet.notes[row][col] = mark.note;
  }
  if (plan.validations) sheet.validations.push(...plan.validations);
  if (plan.columnWidths) sheet.columnWidths = [...plan.columnWidths];
  if (plan.frozenRows !== undefined) sheet.frozenRows = plan.frozenRows;
  if (plan.charts) sheet.charts.push(...plan.charts);
  if (plan.hidden !== undefined) sheet.hidden = plan.hidden;
}

/** A new workbook: the input is never modified. */
export function applyPlanToSnapshot(snapshot: WorkbookSnapshot, plan: Plan): AppliedWorkbook {
  const sheets = snapshot.sheets.map(toApplied);
  for (const sheetPlan of plan.sheets) {
    const index = sheets.findIndex((s) => s.name === sheetPlan.sheet);
    if (sheetPlan.mode === 'edit' && index < 0) {
      throw new Error(`An edit plan targets a missing sheet: ${sheetPlan.sheet}`);
    }
    let sheet: AppliedSheet;
    if (sheetPlan.mode === 'replace' || index < 0) {
      sheet = emptySheet(sheetPlan.sheet);
      if (index < 0) sheets.push(sheet);
      else sheets[index] = sheet;
    } else {
      sheet = sheets[index];
    }
    applySheetPlan(sheet, sheetPlan);
  }
  return { sheets };
}

/** A sheet by name, failing the test clearly when it is absent. */
export function sheetOf(workbook: WorkbookSnapshot, name: string): AppliedSheet {
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`No sheet named ${name}`);
  return sheet as AppliedSheet;
}
