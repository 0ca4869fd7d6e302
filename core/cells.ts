/** What a host hands to core: plain values, whatever the spreadsheet. */

/** A cell's value. Error cells arrive as their error text (`#N/A`, `#REF!`…). */
export type CellValue = string | number | boolean | Date | null;

/** One sheet as read in one batch by a host. All arrays are row-major and rectangular from A1. */
export interface SheetSnapshot {
  name: string;
  values: CellValue[][];
  /** Invariant (English) formulas such as `=SUM(B2:B5)`, or null where the cell holds a plain value. */
  formulas?: (string | null)[][];
  /** Cell notes (comments), when the host can read them. */
  notes?: (string | null)[][];
  /** Cell fills as `#RRGGBB`, or null for none, when the host can read them. */
  fills?: (string | null)[][];
  /**
   * Cells whose value an array formula or a dynamic array produces (not the anchor, which holds the
   * formula): never written, like formula cells. Rectangles, 0-based.
   */
  computed?: CellArea[];
  /** Names of the charts on the sheet, when the host reads them (a regenerated sheet's are redrawn). */
  chartNames?: string[];
  /**
   * The sheet is protected for this user (Excel: Review → Protect Sheet; Sheets: a protected sheet):
   * no action writes into it, except inside `editableAreas`.
   */
  protected?: boolean;
  /** Of a protected sheet, the ranges left editable (Sheets' « except certain cells »). */
  editableAreas?: CellArea[];
  /** Ranges this user may not edit (Sheets' protected ranges): no action writes into them. */
  lockedAreas?: CellArea[];
  /**
   * Its workbook counts dates from 1904-01-01 = 0 (Excel's « Use 1904 date system »): a date
   * serial read here is 1462 days less than in the 1900 system every other reader assumes.
   */
  date1904?: boolean;
  /** Excel Tables on the sheet, when the host reads them: their header row, their totals row. */
  tables?: SheetTable[];
  /**
   * The host read only the first rows of this sheet (the action does not need the rest,
   * `core/reads.ts`): `values` holds them. Core decides nothing from the rows it did not read and
   * never edits the sheet; it appends below `partial.rows`.
   */
  partial?: PartialSheet;
}

/** What a host read of a sheet beyond its first rows. */
export interface PartialSheet {
  /** Rows the sheet uses: the 1-based number of its last row with content (Sheet.getLastRow()). */
  rows: number;
  /** The values of that last row, when read (the Journal's last operation). */
  lastRow?: CellValue[];
}

/** An Excel Table: its header row (null when hidden) and totals row (null when off), 0-based. */
export interface SheetTable {
  name: string;
  headerRow: number | null;
  totalsRow: number | null;
}

/** A rectangle of cells, 0-based. */
export interface CellArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

const ERROR_VALUES = new Set([
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#ERROR!',
]);

export function isErrorValue(value: unknown): value is string {
  // Every error value holds a `#`: most text is told apart without trimming and upper-casing it.
  return typeof value === 'string' && value.includes('#') && ERROR_VALUES.has(value.trim().toUpperCase());
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Text that a spreadsheet would take for a formula if written as a plain value. */
export function looksLikeFormula(value: unknown): boolean {
  return typeof value === 'string' && /^[=+\-@]/.test(value);
}

/** What a cell holds: its plain value, or its invariant formula; `computed` when an array fills it. */
export interface CellState {
  value: CellValue;
  formula: string | null;
  computed?: boolean;
}

export function isComputedCell(sheet: SheetSnapshot, row: number, col: number): boolean {
  for (const area of sheet.computed ?? []) {
    if (row >= area.row && row < area.row + area.rows && col >= area.col && col < area.col + area.cols)
      return true;
  }
  return false;
}

/** The cell at (row, col) of a snapshot sheet; outside the grid is empty. */
export function cellState(sheet: SheetSnapshot, row: number, col: number): CellState {
  const formula = sheet.formulas?.[row]?.[col] ?? null;
  const value = sheet.values[row]?.[col] ?? null;
  const state: CellState = { value: value === undefined ? null : value, formula: formula ? formula : null };
  if (sheet.computed && isComputedCell(sheet, row, col)) state.computed = true;
  return state;
}
