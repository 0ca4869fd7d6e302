/// <reference types="google-apps-script" />
/**
 * An in-memory SpreadsheetApp with the subset of Apps Script the adapter, the menu and the sidebar
 * server functions use, wrapped in a call counter. It behaves like Sheets where it matters to us:
 * `setValues` parses strings as if typed (a leading `'` keeps text), ranges outside the grid throw,
 * `getValues` returns `''` for empty cells, `getBackgrounds` `#ffffff` for no fill.
 */

import { columnIndex } from '../../core/a1.js';
import type { CellValue, WorkbookSnapshot } from '../../core/cells.js';

type Raw = string | number | boolean | Date;

interface Cell {
  value: Raw;
  formula: string;
  note: string;
  background: string;
  numberFormat: string;
  fontWeight: string;
}

const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FORMAT = '';

/** Counts every method call on every fake object, by `Kind.method`. */
export class CallCounter {
  readonly counts = new Map<string, number>();

  track<T extends object>(kind: string, target: T): T {
    return new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
        return (...args: unknown[]) => {
          const key = `${kind}.${prop}`;
          this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
          return value.apply(obj, args);
        };
      },
    });
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  reset(): void {
    this.counts.clear();
  }

  /** Sorted `Kind.method=count` list, handy to compare two runs. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}

export function isDateLike(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** What Sheets shows for `=HYPERLINK("url","label")`: the label (a number label stays a number). */
function hyperlinkLabel(formula: string): Raw | null {
  const match = /^=HYPERLINK\("(?:[^"]|"")*",\s*(?:"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?))\)$/i.exec(formula);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/""/g, '"') : Number(match[2]);
}

/** What Sheets makes of a string typed in a cell (the subset our tests need). */
function parseTyped(text: string): { value: Raw; formula: string } {
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=')) return { value: hyperlinkLabel(text) ?? '', formula: text };
  if (/^[-+]?\d+(\.\d+)?$/.test(text.trim())) return { value: Number(text), formula: '' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const [y, m, d] = text.split('-').map(Number);
    return { value: new Date(y, m - 1, d), formula: '' };
  }
  if (/^(true|false)$/i.test(text.trim()))
    return { value: text.trim().toLowerCase() === 'true', formula: '' };
  // `+x`, `-x` and `@x` are formula starts in Sheets: an unprotected one would break the cell.
  if (/^[+\-@]/.test(text) && text.trim().length > 1) return { value: '#ERROR!', formula: `=${text}` };
  return { value: text, formula: '' };
}

export interface FakeOptions {
  /** Makes the Dates `getValues` returns, e.g. in another `vm` realm. */
  makeDate?: (time: number) => Date;
  /** What `ui.alert` answers (YES by default). */
  alertAnswer?: 'YES' | 'NO' | 'OK';
  /** Files `HtmlService.createHtmlOutputFromFile` can open. */
  htmlFiles?: Record<string, string>;
  timeZone?: string;
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private map<T>(read: (cell: Cell) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.numColumns; c++)
        row.push(read(this.sheet.cellAt(this.row + r, this.column + c)));
      out.push(row);
    }
    return out;
  }

  private write<T>(grid: T[][], apply: (cell: Cell, value: T) => void, what: string): FakeRange {
    if (grid.length !== this.numRows || grid.some((row) => row.length !== this.numColumns)) {
      throw new Error(
        `The number of rows or columns in the data does not match the range (${what}: ${grid.length}×${grid[0]?.length} for ${this.numRows}×${this.numColumns}).`,
      );
    }
    grid.forEach((row, r) => {
      row.forEach((value, c) => {
        apply(this.sheet.cellFor(this.row + r, this.column + c), value);
      });
    });
    return this;
  }

  getRow() {
    return this.row;
  }
  getColumn() {
    return this.column;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numColumns;
  }
  getSheet() {
    return this.sheet.tracked;
  }
  getA1Notation(): string {
    const start = `${letters(this.column)}${this.row}`;
    if (this.numRows === 1 && this.numColumns === 1) return start;
    return `${start}:${letters(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
  }

  getValues(): Raw[][] {
    return this.map((cell) =>
      isDateLike(cell.value) ? this.sheet.book.makeDate(cell.value.getTime()) : cell.value,
    );
  }
  getFormulas(): string[][] {
    return this.map((cell) => cell.formula);
  }
  getNotes(): string[][] {
    return this.map((cell) => cell.note);
  }
  getBackgrounds(): string[][] {
    return this.map((cell) => cell.background);
  }
  getNumberFormats(): string[][] {
    return this.map((cell) => cell.numberFormat);
  }
  getFontWeights(): string[][] {
    return this.map((cell) => cell.fontWeight);
  }
  /** Per-cell read: present so that the counter can catch it. */
  getValue(): Raw {
    return this.getValues()[0][0];
  }

  setValues(values: unknown[][]): FakeRange {
    return this.write(values, (cell, value) => setTyped(cell, value), 'setValues');
  }
  setFormulas(formulas: string[][]): FakeRange {
    return this.write(formulas, (cell, value) => setTyped(cell, value), 'setFormulas');
  }
  /** Per-cell write: present so that the counter can catch it. */
  setValue(value: unknown): FakeRange {
    return this.setValues([[value]]);
  }
  setNotes(notes: (string | null)[][]): FakeRange {
    return this.write(
      notes,
      (cell, note) => {
        cell.note = note ?? '';
      },
      'setNotes',
    );
  }
  setNote(note: string | null): FakeRange {
    return this.setNotes(this.map(() => note));
  }
  clearNote(): FakeRange {
    return this.setNotes(this.map(() => ''));
  }
  setBackgrounds(colors: (string | null)[][]): FakeRange {
    return this.write(
      colors,
      (cell, color) => {
        cell.background = color ?? DEFAULT_BACKGROUND;
      },
      'setBackgrounds',
    );
  }
  setBackground(color: string | null): FakeRange {
    return this.setBackgrounds(this.map(() => color));
  }
  setNumberFormats(formats: string[][]): FakeRange {
    return this.write(
      formats,
      (cell, format) => {
        cell.numberFormat = format;
      },
      'setNumberFormats',
    );
  }
  setNumberFormat(format: string): FakeRange {
    return this.setNumberFormats(this.map(() => format));
  }
  setFontWeights(weights: (string | null)[][]): FakeRange {
    return this.write(
      weights,
      (cell, weight) => {
        cell.fontWeight = weight ?? 'normal';
      },
      'setFontWeights',
    );
  }
  setFontWeight(weight: string | null): FakeRange {
    return this.setFontWeights(this.map(() => weight));
  }
  setDataValidation(rule: FakeValidation): FakeRange {
    this.sheet.validations.push({ range: this.getA1Notation(), rule });
    return this;
  }
  clearDataValidations(): FakeRange {
    this.sheet.validations = [];
    return this;
  }
  clear(): FakeRange {
    return this.write(
      this.map(() => 0),
      (cell) => Object.assign(cell, emptyCell()),
      'clear',
    );
  }
  activate(): FakeRange {
    this.sheet.book.active = this.sheet;
    this.sheet.activeRange = this.getA1Notation();
    return this;
  }
}

function setTyped(cell: Cell, value: unknown): void {
  if (value === null || value === undefined || value === '') {
    cell.value = '';
    cell.formula = '';
  } else if (typeof value === 'string') {
    const typed = parseTyped(value);
    // The same formula written back computes the same value (the fake does not evaluate formulas).
    if (typed.formula !== '' && typed.formula === cell.formula) return;
    cell.value = typed.value;
    cell.formula = typed.formula;
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    cell.value = value;
    cell.formula = '';
  } else if (isDateLike(value)) {
    cell.value = new Date(value.getTime());
    cell.formula = '';
  } else {
    throw new Error(`setValues: unsupported value ${String(value)}`);
  }
}

function emptyCell(): Cell {
  return {
    value: '',
    formula: '',
    note: '',
    background: DEFAULT_BACKGROUND,
    numberFormat: DEFAULT_FORMAT,
    fontWeight: 'normal',
  };
}

function letters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `B3`, `B3:D10`, `M2:M1000`, `A:B` → 1-based row, column and size within a grid. */
function parseA1(
  a1: string,
  maxRows: number,
): { row: number; column: number; rows: number; columns: number } {
  const [start, end = start] = a1.replace(/\$/g, '').split(':');
  const parse = (part: string, isEnd: boolean) => {
    const match = /^([A-Za-z]+)(\d*)$/.exec(part);
    if (!match) throw new Error(`Range not found: ${a1}`);
    const row = match[2] === '' ? (isEnd ? maxRows : 1) : Number(match[2]);
    return { row, column: columnIndex(match[1]) + 1 };
  };
  const a = parse(start, false);
  const b = parse(end, true);
  return { row: a.row, column: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

export interface FakeValidation {
  list: string[];
  allowInvalid: boolean;
}

export interface FakeChart {
  type: string;
  ranges: string[];
  position: [number, number, number, number];
  options: Record<string, unknown>;
}

export class FakeSheet {
  readonly cells = new Map<number, Map<number, Cell>>();
  validations: { range: string; rule: FakeValidation }[] = [];
  charts: FakeChart[] = [];
  frozenRows = 0;
  hidden = false;
  columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  activeRange: string | null = null;
  maxRows = 1000;
  maxColumns = 26;
  tracked: FakeSheet;

  constructor(
    readonly book: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {
    this.tracked = book.counter.track('Sheet', this);
  }

  cellAt(row: number, column: number): Cell {
    return this.cells.get(row)?.get(column) ?? emptyCell();
  }

  cellFor(row: number, column: number): Cell {
    let line = this.cells.get(row);
    if (!line) {
      line = new Map();
      this.cells.set(row, line);
    }
    let cell = line.get(column);
    if (!cell) {
      cell = emptyCell();
      line.set(column, cell);
    }
    return cell;
  }

  private hasContent(cell: Cell): boolean {
    return cell.value !== '' || cell.formula !== '';
  }

  getName() {
    return this.name;
  }
  getSheetId() {
    return this.id;
  }
  getLastRow(): number {
    let last = 0;
    for (const [row, line] of this.cells) {
      for (const cell of line.values()) if (this.hasContent(cell)) last = Math.max(last, row);
    }
    return last;
  }
  getLastColumn(): number {
    let last = 0;
    for (const line of this.cells.values()) {
      for (const [column, cell] of line) if (this.hasContent(cell)) last = Math.max(last, column);
    }
    return last;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  insertRowsAfter(_after: number, count: number) {
    this.maxRows += count;
    return this.tracked;
  }
  insertColumnsAfter(_after: number, count: number) {
    this.maxColumns += count;
    return this.tracked;
  }

  getRange(a1OrRow: string | number, column?: number, numRows = 1, numColumns = 1): FakeRange {
    let range: { row: number; column: number; rows: number; columns: number };
    if (typeof a1OrRow === 'string') range = parseA1(a1OrRow, this.maxRows);
    else range = { row: a1OrRow, column: column ?? 1, rows: numRows, columns: numColumns };
    if (range.rows < 1 || range.columns < 1)
      throw new Error('The number of rows in the range must be at least 1.');
    if (range.row + range.rows - 1 > this.maxRows || range.column + range.columns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.book.counter.track(
      'Range',
      new FakeRange(this, range.row, range.column, range.rows, range.columns),
    );
  }

  getDataRange(): FakeRange {
    return this.getRange(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  getRangeList(a1s: string[]) {
    const ranges = a1s.map((a1) => this.getRange(a1));
    const list = this.book.counter.track('RangeList', {
      setBackground(color: string | null) {
        for (const range of ranges) range.setBackground(color);
        return list;
      },
      setFontWeight(weight: string | null) {
        for (const range of ranges) range.setFontWeight(weight);
        return list;
      },
      getRanges: () => ranges,
    });
    return list;
  }
  clear() {
    this.cells.clear();
    return this.tracked;
  }
  hideColumns(column: number, count = 1) {
    for (let c = column; c < column + count; c++) this.hiddenColumns.add(c);
  }
  setFrozenRows(rows: number) {
    this.frozenRows = rows;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  setColumnWidth(column: number, width: number) {
    this.columnWidths.set(column, width);
    return this.tracked;
  }
  setColumnWidths(start: number, count: number, width: number) {
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, width);
    return this.tracked;
  }
  newChart() {
    const chart: FakeChart = { type: '', ranges: [], position: [0, 0, 0, 0], options: {} };
    const builder = {
      setChartType: (type: string) => {
        chart.type = type;
        return tracked;
      },
      addRange: (range: FakeRange) => {
        chart.ranges.push(`${range.sheet.name}!${range.getA1Notation()}`);
        return tracked;
      },
      setPosition: (row: number, column: number, x: number, y: number) => {
        chart.position = [row, column, x, y];
        return tracked;
      },
      setOption: (name: string, value: unknown) => {
        chart.options[name] = value;
        return tracked;
      },
      build: () => chart,
    };
    const tracked = this.book.counter.track('EmbeddedChartBuilder', builder);
    return tracked;
  }
  insertChart(chart: FakeChart) {
    this.charts.push(chart);
  }
  getCharts() {
    return [...this.charts];
  }
  removeChart(chart: FakeChart) {
    this.charts = this.charts.filter((c) => c !== chart);
  }
  hideSheet() {
    this.hidden = true;
    return this.tracked;
  }
  showSheet() {
    this.hidden = false;
    return this.tracked;
  }
  isSheetHidden() {
    return this.hidden;
  }
  activate() {
    this.book.active = this;
    return this.tracked;
  }
  setActiveRange(range: FakeRange) {
    this.book.active = this;
    this.activeRange = range.getA1Notation();
    return range;
  }

  /** Test helper (not counted): the sheet as plain values, `''` → null, from A1 to the last cell. */
  valuesForTest(): CellValue[][] {
    const rows = this.getLastRow();
    const cols = this.getLastColumn();
    const out: CellValue[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row: CellValue[] = [];
      for (let c = 1; c <= cols; c++) {
        const value = this.cellAt(r, c).value;
        row.push(value === '' ? null : value);
      }
      out.push(row);
    }
    return out;
  }
}

export class FakeSpreadsheet {
  readonly counter = new CallCounter();
  readonly sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  readonly toasts: string[] = [];
  readonly alerts: { title: string; prompt: string }[] = [];
  readonly menus: { title: string; items: { label: string; handler: string }[] }[] = [];
  readonly sidebars: { title: string; content: string }[] = [];
  flushes = 0;
  private nextId = 0;
  readonly makeDate: (time: number) => Date;
  readonly tracked: FakeSpreadsheet;

  constructor(readonly options: FakeOptions = {}) {
    this.makeDate = options.makeDate ?? ((time) => new Date(time));
    this.tracked = this.counter.track('Spreadsheet', this);
  }

  /** A spreadsheet holding a core snapshot: values, formulas, notes and fills, written uncounted. */
  static fromSnapshot(snapshot: WorkbookSnapshot, options: FakeOptions = {}): FakeSpreadsheet {
    const book = new FakeSpreadsheet(options);
    for (const source of snapshot.sheets) {
      const sheet = book.addSheet(source.name);
      sheet.maxRows = Math.max(sheet.maxRows, source.values.length);
      sheet.maxColumns = Math.max(sheet.maxColumns, ...source.values.map((row) => row.length));
      source.values.forEach((row, r) => {
        row.forEach((value, c) => {
          const formula = source.formulas?.[r]?.[c] ?? null;
          const note = source.notes?.[r]?.[c] ?? null;
          const fill = source.fills?.[r]?.[c] ?? null;
          if (value === null && !formula && !note && !fill) return;
          const cell = sheet.cellFor(r + 1, c + 1);
          cell.value = value === null ? '' : isDateLike(value) ? new Date(value.getTime()) : value;
          cell.formula = formula ?? '';
          cell.note = note ?? '';
          cell.background = fill ?? DEFAULT_BACKGROUND;
        });
      });
    }
    book.active = book.sheets[0] ?? null;
    return book;
  }

  addSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name === name))
      throw new Error(`A sheet with the name "${name}" already exists.`);
    const sheet = new FakeSheet(this, name, this.nextId++);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`No sheet ${name}`);
    return found;
  }

  getId() {
    return 'fake-spreadsheet';
  }
  getSheets() {
    return this.sheets.map((s) => s.tracked);
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name)?.tracked ?? null;
  }
  insertSheet(name: string) {
    return this.addSheet(name).tracked;
  }
  getActiveSheet() {
    return (this.active ?? this.sheets[0])?.tracked ?? null;
  }
  setActiveSheet(sheet: FakeSheet) {
    this.active = this.sheets.find((s) => s.name === sheet.getName()) ?? null;
    return sheet;
  }
  getRange(a1: string) {
    const bang = a1.lastIndexOf('!');
    const sheetName = a1.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
    return this.sheet(sheetName).tracked.getRange(a1.slice(bang + 1));
  }
  toast(message: string) {
    this.toasts.push(message);
  }
  getSpreadsheetTimeZone() {
    return this.options.timeZone ?? 'America/Montreal';
  }
}

export const BUTTON_SET = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
};
export const BUTTON = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };

/** The Apps Script globals our code uses, over one fake spreadsheet, each counted. */
export function fakeServices(book: FakeSpreadsheet) {
  const counter = book.counter;
  const ui = counter.track('Ui', {
    ButtonSet: BUTTON_SET,
    Button: BUTTON,
    createMenu(title: string) {
      const entry = { title, items: [] as { label: string; handler: string }[] };
      const menu = counter.track('Menu', {
        addItem(label: string, handler: string) {
          entry.items.push({ label, handler });
          return menu;
        },
        addSeparator() {
          return menu;
        },
        addToUi() {
          book.menus.push(entry);
        },
      });
      return menu;
    },
    alert(title: string, prompt?: string) {
      book.alerts.push({ title, prompt: prompt ?? '' });
      return BUTTON[book.options.alertAnswer ?? 'YES'];
    },
    showSidebar(output: { getTitle(): string; getContent(): string }) {
      book.sidebars.push({ title: output.getTitle(), content: output.getContent() });
    },
  });
  const SpreadsheetApp = counter.track('SpreadsheetApp', {
    getActiveSpreadsheet: () => book.tracked,
    getActive: () => book.tracked,
    getUi: () => ui,
    flush: () => {
      book.flushes++;
    },
    newDataValidation() {
      const rule: FakeValidation = { list: [], allowInvalid: true };
      const builder = counter.track('DataValidationBuilder', {
        requireValueInList(list: string[]) {
          rule.list = [...list];
          return builder;
        },
        setAllowInvalid(allow: boolean) {
          rule.allowInvalid = allow;
          return builder;
        },
        build: () => rule,
      });
      return builder;
    },
  });
  const htmlOutput = (content: string) => {
    let title = '';
    const output = counter.track('HtmlOutput', {
      setTitle(t: string) {
        title = t;
        return output;
      },
      getTitle: () => title,
      getContent: () => content,
    });
    return output;
  };
  const HtmlService = counter.track('HtmlService', {
    createHtmlOutput: (html: string) => htmlOutput(html),
    createHtmlOutputFromFile(name: string) {
      const file = book.options.htmlFiles?.[name];
      if (file === undefined) throw new Error(`No HTML file named ${name} was found.`);
      return htmlOutput(file);
    },
  });
  const Charts = { ChartType: { COLUMN: 'COLUMN', LINE: 'LINE', BAR: 'BAR', PIE: 'PIE' } };
  const Logger = { log: (..._args: unknown[]) => Logger };
  const Session = { getScriptTimeZone: () => book.options.timeZone ?? 'America/Montreal' };
  return { SpreadsheetApp, HtmlService, Charts, Logger, Session };
}

/** The fake as the adapter's types see it. */
export function asSpreadsheet(book: FakeSpreadsheet): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return book.tracked as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
}

export function asServices(services: ReturnType<typeof fakeServices>) {
  return services as unknown as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    Charts: GoogleAppsScript.Charts.Charts;
  };
}
