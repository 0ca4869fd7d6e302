/**
 * The in-memory workbook behind the fake Office.js: plain data, no proxies. Tests load it from a
 * WorkbookSnapshot, let the adapter work on it through `FakeRequestContext`, then look at cells.
 */
import { cellAddress, parseCellAddress } from '../../core/a1.js';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/cells.js';

export type FakeScalar = string | number | boolean;

export interface FakeCell {
  /** What `range.values` returns: `''` for an empty cell, the result (or `''`) for a formula. */
  value: FakeScalar;
  /** Invariant formula, or null for a constant. */
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  /** The cell was entered with a leading apostrophe: its text is never a number or a formula. */
  quotePrefix: boolean;
  hyperlink: string | null;
}

export interface FakeChart {
  type: string;
  title: string;
  seriesBy: string;
  series: { name: string; values: string; categories: string | null }[];
  anchor: string | null;
  width: number | null;
  height: number | null;
}

export interface FakeValidation {
  /** A1 range on the sheet. */
  range: string;
  list: { inCellDropDown: boolean; source: string };
  /** Whether Excel stops a value outside the list (Office.js shows a blocking alert by default). */
  showAlert?: boolean;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  /** Notes by A1 address. */
  readonly notes = new Map<string, string>();
  /** Column widths in points, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly validations: FakeValidation[] = [];
  readonly charts: FakeChart[] = [];
  frozenRows = 0;
  /** Deleted from the workbook: proxies bound to it fail, as in Excel. */
  removed = false;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';

  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** The cell, created empty when absent (writes). */
  cellForWrite(row: number, col: number): FakeCell {
    const k = key(row, col);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** Value of an A1 cell as a test reads it (`''` when empty). */
  valueAt(address: string): FakeScalar {
    const { row, col } = parseCellAddress(address);
    return this.cell(row, col)?.value ?? '';
  }

  formulaAt(address: string): string | null {
    const { row, col } = parseCellAddress(address);
    return this.cell(row, col)?.formula ?? null;
  }

  /** Bounds of the cells holding a value or a formula (Excel's `getUsedRange(true)`), or null. */
  usedBounds(): { row: number; col: number; rows: number; cols: number } | null {
    let minRow = Number.POSITIVE_INFINITY;
    let minCol = Number.POSITIVE_INFINITY;
    let maxRow = -1;
    let maxCol = -1;
    for (const [k, cell] of this.cells) {
      if (cell.value === '' && cell.formula === null) continue;
      const [row, col] = k.split(',').map(Number);
      if (row < minRow) minRow = row;
      if (col < minCol) minCol = col;
      if (row > maxRow) maxRow = row;
      if (col > maxCol) maxCol = col;
    }
    if (maxRow < 0) return null;
    return { row: minRow, col: minCol, rows: maxRow - minRow + 1, cols: maxCol - minCol + 1 };
  }
}

export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  /** Last cell selected through `range.select()`: `Projets!F7`. */
  selection: string | null = null;

  static fromSnapshot(snapshot: WorkbookSnapshot): FakeWorkbookModel {
    const model = new FakeWorkbookModel();
    for (const sheet of snapshot.sheets) model.sheets.push(sheetFromSnapshot(sheet));
    model.activeSheet = model.sheets[0]?.name ?? null;
    return model;
  }

  /** Sheet names compare without case, like Excel's. */
  find(name: string): FakeSheet | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  sheet(name: string): FakeSheet {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`No sheet named ${name}`);
    return sheet;
  }

  /** What a host would read: the same shape the adapter builds (values from A1, formulas). */
  toSnapshot(): WorkbookSnapshot {
    return { sheets: this.sheets.map(sheetToSnapshot) };
  }
}

export function emptyCell(): FakeCell {
  return {
    value: '',
    formula: null,
    numberFormat: 'General',
    fill: null,
    bold: false,
    quotePrefix: false,
    hyperlink: null,
  };
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_DAYS = 25_569;

/** Excel keeps dates as day serials (1900 system); snapshots may hold Date objects. */
export function dateToSerial(date: Date): number {
  return date.getTime() / DAY_MS + SERIAL_EPOCH_DAYS;
}

function sheetFromSnapshot(snapshot: SheetSnapshot): FakeSheet {
  const sheet = new FakeSheet(snapshot.name);
  snapshot.values.forEach((row, r) => {
    row.forEach((value, c) => {
      const formula = snapshot.formulas?.[r]?.[c] ?? null;
      if ((value === null || value === '') && !formula) return;
      const cell = sheet.cellForWrite(r, c);
      cell.formula = formula;
      cell.value = toScalar(value);
      if (value instanceof Date) cell.numberFormat = 'yyyy-mm-dd';
      // Text that Excel would not keep as text without an apostrophe came in with one.
      if (typeof value === 'string' && coerceTyped(value) !== value) cell.quotePrefix = true;
    });
  });
  snapshot.notes?.forEach((row, r) => {
    row.forEach((note, c) => {
      if (note) sheet.notes.set(cellAddress(r, c), note);
    });
  });
  snapshot.fills?.forEach((row, r) => {
    row.forEach((fill, c) => {
      if (fill) sheet.cellForWrite(r, c).fill = fill;
    });
  });
  return sheet;
}

function toScalar(value: CellValue): FakeScalar {
  if (value === null) return '';
  if (value instanceof Date) return dateToSerial(value);
  return value;
}

function sheetToSnapshot(sheet: FakeSheet): SheetSnapshot {
  const bounds = sheet.usedBounds();
  if (!bounds) return { name: sheet.name, values: [] };
  const rows = bounds.row + bounds.rows;
  const cols = bounds.col + bounds.cols;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let anyFormula = false;
  for (let r = 0; r < rows; r++) {
    const valueRow: CellValue[] = [];
    const formulaRow: (string | null)[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = sheet.cell(r, c);
      valueRow.push(cell && cell.value !== '' ? cell.value : null);
      formulaRow.push(cell?.formula ?? null);
      if (cell?.formula) anyFormula = true;
    }
    values.push(valueRow);
    formulas.push(formulaRow);
  }
  return anyFormula ? { name: sheet.name, values, formulas } : { name: sheet.name, values };
}

/**
 * What Excel makes of text typed into a cell (and of strings written through `range.values`):
 * numbers and booleans become typed values. A simplified but faithful model of the coercions that
 * matter here: plain and fr-CA numbers (`195 007 $`, `12,5`), percentages, TRUE/FALSE/VRAI/FAUX.
 */
export function coerceTyped(text: string): FakeScalar {
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'VRAI') return true;
  if (upper === 'FALSE' || upper === 'FAUX') return false;
  const money = /^([-+]?)\$?\s*(\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?\s*\$?\s*(%?)$/.exec(
    trimmed,
  );
  if (money) {
    const whole = money[2].replace(/[\s\u00a0\u202f]/g, '');
    const n = Number(`${money[1]}${whole}${money[3] ? `.${money[3]}` : ''}`);
    return money[4] ? n / 100 : n;
  }
  return text;
}
