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
