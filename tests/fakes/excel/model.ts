/**
 * The in-memory workbook behind the fake Office.js: plain data, no proxies. Tests load it from a
 * WorkbookSnapshot, let the adapter work on it through `FakeRequestContext`, then look at cells.
 */
import { cellAddress, parseCellAddress } from '../../../core/a1.js';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../core/cells.js';
import { breakReferences, evaluateRefFormula, parseRefFormula } from './formula.js';

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
  /** `format.wrapText` (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-wraptext-member). */
  wrapText: boolean;
  /** `format.horizontalAlignment`: `General` until set. */
  horizontalAlignment: string;
}

export interface FakeChart {
  type: string;
  title: string;
  seriesBy: string;
  series: { name: string; values: string; categories: string | null }[];
  anchor: string | null;
  /** The cell `setPosition(start, end)` made the chart cover up to. */
  end: string | null;
  width: number | null;
  height: number | null;
}

/**
 * A worksheet's print settings as `Worksheet.pageLayout` sets them (ExcelApi 1.9,
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout).
 */
export interface FakePageLayout {
  orientation: 'Portrait' | 'Landscape';
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** `$4:$4`, as set. */
  printTitleRows: string | null;
  printArea: string | null;
  footer: { left: string; center: string; right: string };
}

export interface FakeValidation {
  /** A1 range on the sheet. */
  range: string;
  list: { inCellDropDown: boolean; source: string };
  /** Whether Excel stops a value outside the list (Office.js shows a blocking alert by default). */
  showAlert?: boolean;
  /** The input message shown when a cell is selected. */
  prompt?: { showPrompt: boolean; title: string; message: string };
}

/** A dynamic array: the formula lives in the anchor cell, its results fill `values` from there. */
export interface FakeSpill {
  row: number;
  col: number;
  values: FakeScalar[][];
}

/** Excel's `WorksheetProtectionOptions` the fake honours (all false by default, as in Excel). */
export interface FakeProtectionOptions {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowEditObjects?: boolean;
}

export interface FakeSheetProtection {
  protected: boolean;
  password: string | null;
  options: FakeProtectionOptions;
}

/**
 * An Excel Table over `row..row+rows-1` × `col..col+cols-1`: its first row is the header row when
 * shown, its last the totals row when shown (https://learn.microsoft.com/javascript/api/excel/excel.table).
 */
export interface FakeTable {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  showHeaders: boolean;
  showTotals: boolean;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  /** The workbook holding the sheet (formulas that point at other sheets are computed through it). */
  book: FakeWorkbookModel | null = null;
  /** Dynamic arrays by anchor key (`row,col`); see `setSpill`. */
  readonly spills = new Map<string, FakeSpill>();
  // A protected sheet refuses edits of its locked cells (https://support.microsoft.com/office/3179efdb-1285-4d49-a9c3-f4ca36276de6).
  readonly protection: FakeSheetProtection = { protected: false, password: null, options: {} };
  /** Cells whose `format.protection.locked` is false (by key); every cell is locked by default. */
  readonly unlocked = new Set<string>();
  /** Notes by A1 address. */
  readonly notes = new Map<string, string>();
  readonly tables: FakeTable[] = [];
  /** Column widths in points, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly validations: FakeValidation[] = [];
  readonly charts: FakeChart[] = [];
  /** `Chart.name` of each chart (kept apart so that tests can compare charts as plain data). */
  readonly chartNames = new Map<FakeChart, string>();
  frozenRows = 0;
  readonly pageLayout: FakePageLayout = {
    orientation: 'Portrait',
    zoom: { scale: 100 },
    printTitleRows: null,
    printArea: null,
    footer: { left: '', center: '', right: '' },
  };
  /** Manual page breaks: the 0-based rows they precede (`horizontalPageBreaks`). */
  readonly rowBreaks: number[] = [];
  /** Rows `format.autofitRows()` was called on (0-based). */
  readonly autofitRows = new Set<number>();
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

  /** Value of an A1 cell as Excel shows it (`''` when empty): computed references, spilled values. */
  valueAt(address: string): FakeScalar {
    const { row, col } = parseCellAddress(address);
    return this.displayValue(row, col);
  }

  /** The formula typed in the cell (null for a constant, and for a cell a dynamic array fills). */
  formulaAt(address: string): string | null {
    const { row, col } = parseCellAddress(address);
    return this.cell(row, col)?.formula ?? null;
  }

  /** What `range.values` shows for one cell. */
  displayValue(row: number, col: number, depth = 0): FakeScalar {
    const k = key(row, col);
    const anchored = this.spills.get(k);
    if (anchored) return this.spillIsActive(anchored) ? (anchored.values[0]?.[0] ?? '') : '#SPILL!';
    const cell = this.cells.get(k);
    if (!cellHasContent(cell)) {
      const spill = this.spillCovering(row, col);
      if (spill && this.spillIsActive(spill)) return spill.values[row - spill.row][col - spill.col] ?? '';
    }
    if (!cell) return '';
    if (cell.formula !== null && this.book && depth < 64) {
      const parsed = parseRefFormula(cell.formula);
      // Excel shows 0 for a reference to an empty cell (undocumented here; as Excel's grid shows).
      if (parsed) {
        return evaluateRefFormula(
          parsed,
          (name, r, c) => this.book?.find(name)?.displayValue(r, c, depth + 1),
          0,
        ) as FakeScalar;
      }
    }
    return cell.value;
  }

  /**
   * What `range.formulas` shows for one cell: the formula, else the shown value ("If a cell has no
   * formula, its value is returned instead": https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member),
   * so a cell a dynamic array fills gives its spilled value, not the anchor's formula.
   */
  displayFormula(row: number, col: number): FakeScalar {
    return this.cell(row, col)?.formula ?? this.displayValue(row, col);
  }

  /**
   * Test setup: a dynamic-array formula at `anchor` whose results are `values` (anchor first), as
   * if Excel had computed it. Real Excel spills into the neighbouring cells and shows `#SPILL!` in
   * the anchor while any of them holds something ("Spill range isn't blank": https://support.microsoft.com/excel/how-to-correct-a-spill-error).
   */
  setSpill(anchor: string, formula: string, values: FakeScalar[][]): void {
    const { row, col } = parseCellAddress(anchor);
    const cell = this.cellForWrite(row, col);
    cell.formula = formula.startsWith('=') ? formula : `=${formula}`;
    cell.value = values[0]?.[0] ?? '';
    cell.quotePrefix = false;
    this.spills.set(key(row, col), { row, col, values: values.map((r) => [...r]) });
  }

  /** The dynamic array whose rectangle holds the cell (anchor included), if any. */
  spillCovering(row: number, col: number): FakeSpill | null {
    for (const spill of this.spills.values()) {
      const rows = spill.values.length;
      const cols = spill.values[0]?.length ?? 0;
      if (row >= spill.row && row < spill.row + rows && col >= spill.col && col < spill.col + cols)
        return spill;
    }
    return null;
  }

  /** A dynamic array spills while every cell of its rectangle but the anchor is empty. */
  spillIsActive(spill: FakeSpill): boolean {
    for (let r = 0; r < spill.values.length; r++) {
      for (let c = 0; c < (spill.values[r]?.length ?? 0); c++) {
        if (r === 0 && c === 0) continue;
        if (cellHasContent(this.cell(spill.row + r, spill.col + c))) return false;
      }
    }
    return true;
  }

  /** The name Excel gives a new chart: `Chart 1`, `Chart 2`… (the first one free on the sheet). */
  nextChartName(): string {
    const taken = new Set(this.chartNames.values());
    let n = this.charts.length + 1;
    while (taken.has(`Chart ${n}`)) n++;
    return `Chart ${n}`;
  }

  /** Test setup: a staff chart on the sheet. */
  addChart(name: string, chart: Partial<FakeChart> = {}): FakeChart {
    const created: FakeChart = {
      type: 'ColumnClustered',
      title: '',
      seriesBy: 'Auto',
      series: [],
      anchor: null,
      end: null,
      width: null,
      height: null,
      ...chart,
    };
    this.charts.push(created);
    this.chartNames.set(created, name);
    return created;
  }

  /** Test setup: a Table over `address` (`A1:D5`), as staff would with Insert → Table. */
  addTable(
    name: string,
    address: string,
    options: { showHeaders?: boolean; showTotals?: boolean } = {},
  ): FakeTable {
    const [start, end = start] = address.split(':');
    const a = parseCellAddress(start);
    const b = parseCellAddress(end);
    const table: FakeTable = {
      name,
      row: a.row,
      col: a.col,
      rows: b.row - a.row + 1,
      cols: b.col - a.col + 1,
      showHeaders: options.showHeaders ?? true,
      showTotals: options.showTotals ?? false,
    };
    this.tables.push(table);
    return table;
  }

  /** Test setup: protects the sheet, as staff would with Review → Protect Sheet. */
  protect(options: FakeProtectionOptions = {}, password: string | null = null): void {
    Object.assign(this.protection, { protected: true, password, options: { ...options } });
  }

  unprotect(): void {
    Object.assign(this.protection, { protected: false, password: null, options: {} });
  }

  /** Test setup: unlocks cells (`A1` or `A1:B3`) so that they stay editable under protection. */
  unlock(address: string): void {
    const [start, end = start] = address.split(':');
    const a = parseCellAddress(start);
    const b = parseCellAddress(end);
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) this.unlocked.add(key(r, c));
    }
  }

  /** Bounds of the cells holding a value or a formula (Excel's `getUsedRange(true)`), or null. */
  usedBounds(): { row: number; col: number; rows: number; cols: number } | null {
    let minRow = Number.POSITIVE_INFINITY;
    let minCol = Number.POSITIVE_INFINITY;
    let maxRow = -1;
    let maxCol = -1;
    const include = (row: number, col: number) => {
      if (row < minRow) minRow = row;
      if (col < minCol) minCol = col;
      if (row > maxRow) maxRow = row;
      if (col > maxCol) maxCol = col;
    };
    for (const [k, cell] of this.cells) {
      if (cell.value === '' && cell.formula === null) continue;
      const [row, col] = k.split(',').map(Number);
      include(row, col);
    }
    // Cells a dynamic array fills hold values: they belong to the used range.
    for (const spill of this.spills.values()) {
      if (!this.spillIsActive(spill)) continue;
      include(spill.row + spill.values.length - 1, spill.col + (spill.values[0]?.length ?? 1) - 1);
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
  /**
   * Which Excel the undo model follows: some calls clear the user's undo history only on Windows
   * and Mac, others only on the web (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
   */
  undoPlatform: 'desktop' | 'web' = 'desktop';
  /**
   * The ExcelApi minor version the host supports (1.20 → 20). Below 18 the Notes API is absent and
   * its calls fail with ApiNotFound (https://learn.microsoft.com/javascript/api/excel/excel.notecollection
   * says « API set: ExcelApi 1.18 »; the code: https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
   */
  excelApiMinor = 20;
  /**
   * The workbook counts dates from 1904-01-01 = 0 (Excel's « Use 1904 date system »; ECMA-376
   * Part 1, §18.17.4.1): the same day is 1462 less than in the 1900 system. Cells hold serials.
   */
  date1904 = false;
  /** Test hook: syncs that may still run before every later one fails, as when staff switch workbooks mid-action. */
  syncsBeforeInterruption: number | null = null;
  /** How many times a call cleared the user's whole undo history. */
  undoStackCleared = 0;
  /** The API name of each call that cleared it (`Worksheet.delete`, `Worksheet.position`…). */
  readonly undoClearedBy: string[] = [];
  /** Undo records on the stack: one per sync that changed something, one per run with `mergeUndoGroup`. */
  undoRecords = 0;

  static fromSnapshot(snapshot: WorkbookSnapshot): FakeWorkbookModel {
    const model = new FakeWorkbookModel();
    for (const sheet of snapshot.sheets) {
      const created = sheetFromSnapshot(sheet);
      created.book = model;
      model.sheets.push(created);
    }
    model.activeSheet = model.sheets[0]?.name ?? null;
    return model;
  }

  /** Appends an empty sheet (no name check: `worksheets.add` does that). */
  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    sheet.book = this;
    this.sheets.push(sheet);
    return sheet;
  }

  /** @internal Records a call that empties the user's undo stack. */
  clearUndo(api: string): void {
    this.undoStackCleared += 1;
    this.undoClearedBy.push(api);
    this.undoRecords = 0;
  }

  /**
   * What deleting `name` does to the formulas left in the workbook: each reference to it becomes
   * `#REF!` followed by its address (`='Sommaire budgétaire'!B6` → `=#REF!B6`) and shows `#REF!`;
   * a sheet added later under the same name does not bring them back. Undocumented by Microsoft;
   * observed in Excel by https://github.com/spreadsheetlab/XLParser/issues/76 (`Sheet1!A1` → `#REF!A1`).
   */
  breakReferencesTo(name: string): void {
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) {
        if (cell.formula === null) continue;
        const broken = breakReferences(cell.formula, name, (address) => `#REF!${address}`);
        if (broken !== cell.formula) {
          cell.formula = broken;
          cell.value = '#REF!';
        }
      }
    }
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
    wrapText: false,
    horizontalAlignment: 'General',
  };
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

function cellHasContent(cell: FakeCell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== null);
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
      const shown = sheet.displayValue(r, c);
      valueRow.push(shown !== '' ? shown : null);
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
