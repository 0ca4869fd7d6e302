/// <reference types="google-apps-script" />
/**
 * An in-memory SpreadsheetApp with the subset of Apps Script the adapter, the menu and the sidebar
 * server functions use, wrapped in a call counter. It behaves like Sheets where it matters to us:
 * `setValues` parses strings as if typed (a leading `'` keeps text), ranges outside the grid throw,
 * `getValues` returns `''` for empty cells, `getBackgrounds` `#ffffff` for no fill.
 */

import { columnIndex, columnLetters } from '../../core/a1.js';
import type { CellValue, WorkbookSnapshot } from '../../core/cells.js';
import { breakReferences, evaluateRefFormula, parseRefFormula } from '../fakes/excel/formula.js';

type Raw = string | number | boolean | Date;

interface Cell {
  value: Raw;
  formula: string;
  note: string;
  background: string;
  numberFormat: string;
  fontWeight: string;
  /** `setWrap(s)`: text wraps inside the cell (https://developers.google.com/apps-script/reference/spreadsheet/range#setwrapisWrapEnabled). */
  wrap: boolean;
  /** `setHorizontalAlignment(s)`: `left`, `center`, `right` or `general` (https://developers.google.com/apps-script/reference/spreadsheet/range#sethorizontalalignmentalignment). */
  horizontalAlignment: string;
  /** Text with runs (links) set through `setRichTextValue(s)`; null for plain content. */
  richText?: FakeRichTextValue | null;
}

/** What a read shows for one cell: its value (computed or spilled) and its own formula. */
interface Shown {
  value: Raw;
  formula: string;
}

// An Apps Script edit of a cell the user may not edit throws this (undocumented text; observed in https://github.com/Blacksmoke16/GESI/issues/48; who may edit: https://developers.google.com/apps-script/reference/spreadsheet/protection).
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

// Lock.waitLock « timing out with an exception » (https://developers.google.com/apps-script/reference/lock/lock#waitlocktimeoutinmillis); the message text is undocumented, as Apps Script projects quote it.
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FORMAT = '';
/** Format > Number > Plain text. */
const PLAIN_TEXT = '@';

/** One bulk read or write of cell contents, as `PayloadMeter` records it. */
export interface RangeTransfer {
  sheet: string;
  /** `Range.getValues`, `Range.setNotes`… */
  method: string;
  /** 1-based first row, and the size of the range. */
  row: number;
  rows: number;
  columns: number;
  /** UTF-8 bytes of the JSON of what crossed (dates as ISO text): what the script moved. */
  bytes: number;
}

/**
 * Bytes read from and written to ranges, per call (bench and tests only: the JSON of every array
 * is measured, so it is off unless a meter is set on the counter).
 */
export class PayloadMeter {
  readonly transfers: RangeTransfer[] = [];

  /** Bytes read (`read`) or written (`written`), optionally of one sheet only. */
  bytes(direction: 'read' | 'written', sheet?: string): number {
    let sum = 0;
    for (const t of this.transfers)
      if (isRead(t.method) === (direction === 'read') && (sheet === undefined || t.sheet === sheet))
        sum += t.bytes;
    return sum;
  }

  /** The reads of one sheet (each with the rows it covered). */
  reads(sheet: string): RangeTransfer[] {
    return this.transfers.filter((t) => t.sheet === sheet && isRead(t.method));
  }
}

const isRead = (method: string) => /^Range\.get/.test(method);
const RANGE_READS = new Set([
  'getValues',
  'getValue',
  'getFormulas',
  'getFormula',
  'getNotes',
  'getNote',
  'getBackgrounds',
  'getBackground',
  'getNumberFormats',
  'getFontWeights',
  'getRichTextValues',
  'getRichTextValue',
  'getWraps',
  'getHorizontalAlignments',
  'getDisplayValues',
]);
const RANGE_WRITES = new Set([
  'setValues',
  'setValue',
  'setFormulas',
  'setFormula',
  'setNotes',
  'setNote',
  'setBackgrounds',
  'setBackground',
  'setNumberFormats',
  'setNumberFormat',
  'setFontWeights',
  'setRichTextValues',
  'setRichTextValue',
  'setWraps',
  'setHorizontalAlignments',
]);

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/** Counts every method call on every fake object, by `Kind.method`. */
export class CallCounter {
  readonly counts = new Map<string, number>();
  /** Set to measure the bytes each range call moves. */
  meter: PayloadMeter | null = null;

  track<T extends object>(kind: string, target: T): T {
    return new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
        return (...args: unknown[]) => {
          const key = `${kind}.${prop}`;
          this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
          const result = value.apply(obj, args);
          if (this.meter && obj instanceof FakeRange && (RANGE_READS.has(prop) || RANGE_WRITES.has(prop))) {
            this.meter.transfers.push({
              sheet: obj.sheet.name,
              method: key,
              row: obj.row,
              rows: obj.numRows,
              columns: obj.numColumns,
              bytes: jsonBytes(RANGE_READS.has(prop) ? result : args[0]),
            });
          }
          return result;
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

/**
 * Sheets keeps a date as a day and time on the spreadsheet's clock (its time zone), and Apps Script
 * gives and takes it as the instant that reading is in that zone, whatever the script's zone
 * (https://gist.github.com/erickoledadevrel/6cf5d1e764839cba8701, « the dates and times in the
 * spreadsheet refer to exact moments in time »; http://tmdean.blogspot.com/2015/06/: « Google
 * Sheets stores time internally … using the time zone set in the spreadsheet »). The fake stores
 * the reading (a Date whose UTC fields are it) and converts at getValues and setValues.
 */
export function readingIn(zone: string, instant: number): Date {
  // Swedish dates read « 2026-12-03 13:04:05 », on a 24-hour clock.
  const [year, month, day, hour, minute, second] = new Date(instant)
    .toLocaleString('sv-SE', { timeZone: zone })
    .split(/\D+/)
    .map(Number);
  const ms = ((instant % 1000) + 1000) % 1000;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
}

/** The instant whose reading in `zone` is `reading`: one of the zone's offsets around it fits. */
export function instantIn(zone: string, reading: Date): number {
  const wall = reading.getTime();
  const day = 86_400_000;
  const offsets = [wall - day, wall + day].map((t) => readingIn(zone, t).getTime() - t);
  for (const offset of offsets) if (readingIn(zone, wall - offset).getTime() === wall) return wall - offset;
  // A reading the clock skips (the hour lost in spring): the offset before the change.
  return wall - offsets[0];
}

/** `Utilities.formatDate` for the patterns of SimpleDateFormat the adapter uses (https://developers.google.com/apps-script/reference/utilities/utilities#formatdatedate,-timezone,-format). */
function formatDate(date: Date, zone: string, format: string): string {
  const r = readingIn(zone, date.getTime());
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const fields: Record<string, string> = {
    yyyy: pad(r.getUTCFullYear(), 4),
    MM: pad(r.getUTCMonth() + 1),
    dd: pad(r.getUTCDate()),
    HH: pad(r.getUTCHours()),
    mm: pad(r.getUTCMinutes()),
    ss: pad(r.getUTCSeconds()),
  };
  return format.replace(/'([^']*)'|yyyy|MM|dd|HH|mm|ss/g, (token, quoted) => quoted ?? fields[token]);
}

/** What Sheets shows for `=HYPERLINK("url","label")`: the label (a number label stays a number). */
function hyperlinkLabel(formula: string): Raw | null {
  const match = /^=HYPERLINK\("(?:[^"]|"")*",\s*(?:"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?))\)$/i.exec(formula);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/""/g, '"') : Number(match[2]);
}

/**
 * A number as typed in the spreadsheet's locale: `1,5` and `12 500,25` in fr_CA, `1.5` and
 * `12,500.25` in en_US (« the locale … affects formatting details such as functions, dates, and
 * currency »: https://support.google.com/docs/answer/58515).
 */
function typedNumber(text: string, locale: string): number | null {
  const frenchStyle = /^(fr|de|es|it|pt)/i.test(locale);
  const pattern = frenchStyle
    ? /^[-+]?\d{1,3}(?:[ \u00A0\u202F]?\d{3})*(?:,\d+)?$/
    : /^[-+]?\d{1,3}(?:,?\d{3})*(?:\.\d+)?$/;
  const trimmed = text.trim();
  if (!pattern.test(trimmed)) return null;
  const plain = frenchStyle
    ? trimmed.replace(/[ \u00A0\u202F]/g, '').replace(',', '.')
    : trimmed.replace(/,/g, '');
  return Number(plain);
}

/** What Sheets makes of a string typed in a cell (the subset our tests need). */
function parseTyped(text: string, locale: string): { value: Raw; formula: string } {
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (text.startsWith('=')) return { value: hyperlinkLabel(text) ?? '', formula: text };
  const number = typedNumber(text, locale);
  if (number !== null) return { value: number, formula: '' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const [y, m, d] = text.split('-').map(Number);
    return { value: new Date(Date.UTC(y, m - 1, d)), formula: '' };
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
  /** What `ui.alert` answers to a question (YES by default); an OK-only alert answers OK. */
  alertAnswer?: 'YES' | 'NO' | 'OK';
  /** Files `HtmlService.createHtmlOutputFromFile` can open. */
  htmlFiles?: Record<string, string>;
  /** The spreadsheet's time zone (File > Settings), America/Montreal unless said. */
  timeZone?: string;
  /** The spreadsheet's locale: how typed numbers read (`1,5` in fr_CA). */
  locale?: string;
  /** The script's time zone (appsscript.json), which the adapter must not depend on. */
  scriptTimeZone?: string;
  /** The user running the script (`Session.getEffectiveUser()`). */
  user?: string;
  /** The spreadsheet's owner, who can always edit protected ranges. */
  owner?: string;
  /**
   * How `getSheetByName` compares names. Undocumented: the reference page says nothing about case
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getsheetbynamename),
   * so `exact` (the default) and `ignoreCase` let a test try both.
   */
  sheetNameLookup?: 'exact' | 'ignoreCase';
  /**
   * `NONE`: the script runs as an editor add-on's `onOpen` before the user authorized it, where
   * every service that needs authorization throws but the add-on menu can still be built
   * (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle). Unsaid: fully authorized.
   */
  authMode?: 'NONE';
}

/** One link of a rich text value: characters [start, end) point at `url`. */
export interface FakeTextLink {
  start: number;
  end: number;
  url: string;
}

/**
 * A `RichTextValue` (https://developers.google.com/apps-script/reference/spreadsheet/rich-text-value):
 * text whose runs may carry links. `getRuns()` cuts the text where a link starts or ends.
 */
export class FakeRichTextValue {
  constructor(
    readonly text: string,
    readonly links: readonly FakeTextLink[] = [],
    private readonly offset = 0,
  ) {}

  getText(): string {
    return this.text;
  }
  getStartIndex(): number {
    return this.offset;
  }
  getEndIndex(): number {
    return this.offset + this.text.length;
  }
  /** The link of the whole value: null when there is none or the runs link to different places. */
  getLinkUrl(start?: number, end?: number): string | null {
    const from = start ?? 0;
    const to = end ?? this.text.length;
    const covering = this.links.filter((l) => l.start <= from && l.end >= to);
    return covering.length === 1 ? covering[0].url : null;
  }
  getRuns(): FakeRichTextValue[] {
    const cuts = new Set([0, this.text.length]);
    for (const link of this.links) {
      cuts.add(link.start);
      cuts.add(link.end);
    }
    const sorted = [...cuts].filter((n) => n >= 0 && n <= this.text.length).sort((a, b) => a - b);
    const runs: FakeRichTextValue[] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [from, to] = [sorted[i], sorted[i + 1]];
      const link = this.links.find((l) => l.start <= from && l.end >= to);
      runs.push(
        new FakeRichTextValue(
          this.text.slice(from, to),
          link ? [{ start: 0, end: to - from, url: link.url }] : [],
          from,
        ),
      );
    }
    return runs;
  }
  copy() {
    return newRichTextBuilder(this.text, [...this.links]);
  }
}

/** `SpreadsheetApp.newRichTextValue()`: setText, setLinkUrl(url) or setLinkUrl(start, end, url), build. */
export function newRichTextBuilder(text = '', links: FakeTextLink[] = []) {
  let current = text;
  const builder = {
    setText(value: string) {
      current = value;
      links.length = 0;
      return builder;
    },
    setLinkUrl(startOrUrl: number | string | null, end?: number, url?: string | null) {
      if (typeof startOrUrl === 'number') {
        if (url) links.push({ start: startOrUrl, end: end ?? current.length, url });
      } else {
        links.length = 0;
        if (startOrUrl) links.push({ start: 0, end: current.length, url: startOrUrl });
      }
      return builder;
    },
    setTextStyle(..._args: unknown[]) {
      return builder;
    },
    build: () => new FakeRichTextValue(current, [...links]),
  };
  return builder;
}

/** An array formula placed by `FakeSheet.setArrayFormula`: the anchor holds the formula. */
export interface FakeArrayFormula {
  row: number;
  column: number;
  values: Raw[][];
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

  /** Like `map`, over what Sheets shows: computed references, array formula results. */
  private mapShown<T>(read: (shown: Shown) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.numColumns; c++)
        row.push(read(this.sheet.shownAt(this.row + r, this.column + c)));
      out.push(row);
    }
    return out;
  }

  private write<T>(
    grid: T[][],
    apply: (cell: Cell, value: T) => void,
    what: string,
    content = false,
  ): FakeRange {
    if (grid.length !== this.numRows || grid.some((row) => row.length !== this.numColumns)) {
      throw new Error(
        `The number of rows or columns in the data does not match the range (${what}: ${grid.length}×${grid[0]?.length} for ${this.numRows}×${this.numColumns}).`,
      );
    }
    // All or nothing: a write that touches a protected cell changes no cell.
    this.sheet.book.refuseIfProtected(this.sheet, this.row, this.column, this.numRows, this.numColumns);
    grid.forEach((row, r) => {
      row.forEach((value, c) => {
        // Writing into the anchor replaces the array formula; into its results, blocks it (#REF!).
        if (content) this.sheet.arrays.delete(`${this.row + r},${this.column + c}`);
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
    const start = `${columnLetters(this.column - 1)}${this.row}`;
    if (this.numRows === 1 && this.numColumns === 1) return start;
    return `${start}:${columnLetters(this.column + this.numColumns - 2)}${this.row + this.numRows - 1}`;
  }

  getValues(): Raw[][] {
    const book = this.sheet.book;
    return this.mapShown((cell) =>
      isDateLike(cell.value) ? book.makeDate(instantIn(book.timeZone, cell.value)) : cell.value,
    );
  }
  // « Entries in the 2D array are empty strings for cells with no formula »: the cells an array formula fills have none (https://developers.google.com/apps-script/reference/spreadsheet/range#getformulas).
  getFormulas(): string[][] {
    return this.mapShown((cell) => cell.formula);
  }
  /** Per-cell read: present so that the counter can catch it. */
  getFormula(): string {
    return this.getFormulas()[0][0];
  }
  // « Returns the Rich Text values for the cells in the range », null for a cell whose value is not text (https://developers.google.com/apps-script/reference/spreadsheet/range#getrichtextvalues).
  getRichTextValues(): (FakeRichTextValue | null)[][] {
    return this.mapShown((shown) => shown.value).map((row, r) =>
      row.map((value, c) => {
        const rich = this.sheet.cellAt(this.row + r, this.column + c).richText;
        if (rich) return rich;
        return typeof value === 'string' ? new FakeRichTextValue(value) : null;
      }),
    );
  }
  getRichTextValue(): FakeRichTextValue | null {
    return this.getRichTextValues()[0][0];
  }
  setRichTextValues(values: FakeRichTextValue[][]): FakeRange {
    return this.write(
      values,
      (cell, rich) => {
        cell.value = rich.getText();
        cell.formula = '';
        cell.richText = rich.links.length > 0 ? rich : null;
      },
      'setRichTextValues',
      true,
    );
  }
  setRichTextValue(value: FakeRichTextValue): FakeRange {
    return this.setRichTextValues([[value]]);
  }
  /** `Range.protect()`: a RANGE protection over these cells, editors mirroring the spreadsheet's. */
  protect(): FakeProtection {
    return this.sheet.book.addProtection('RANGE', this.sheet, this);
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
    const { timeZone, locale } = this.sheet.book;
    return this.write(values, (cell, value) => setTyped(cell, value, timeZone, locale), 'setValues', true);
  }
  setFormulas(formulas: string[][]): FakeRange {
    const { timeZone, locale } = this.sheet.book;
    return this.write(
      formulas,
      (cell, value) => setTyped(cell, value, timeZone, locale),
      'setFormulas',
      true,
    );
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
  setWraps(wraps: boolean[][]): FakeRange {
    return this.write(
      wraps,
      (cell, wrap) => {
        cell.wrap = wrap;
      },
      'setWraps',
    );
  }
  setWrap(wrap: boolean): FakeRange {
    return this.setWraps(this.map(() => wrap));
  }
  getWraps(): boolean[][] {
    return this.map((cell) => cell.wrap);
  }
  setHorizontalAlignments(alignments: (string | null)[][]): FakeRange {
    return this.write(
      alignments,
      (cell, alignment) => {
        cell.horizontalAlignment = alignment ?? 'general';
      },
      'setHorizontalAlignments',
    );
  }
  setHorizontalAlignment(alignment: string | null): FakeRange {
    return this.setHorizontalAlignments(this.map(() => alignment));
  }
  getHorizontalAlignments(): string[][] {
    return this.map((cell) => cell.horizontalAlignment);
  }
  setDataValidation(rule: FakeValidation): FakeRange {
    this.sheet.book.refuseIfProtected(this.sheet, this.row, this.column, this.numRows, this.numColumns);
    this.sheet.validations.push({ range: this.getA1Notation(), rule });
    return this;
  }
  clearDataValidations(): FakeRange {
    this.sheet.book.refuseIfProtected(this.sheet, this.row, this.column, this.numRows, this.numColumns);
    this.sheet.validations = [];
    return this;
  }
  clear(): FakeRange {
    return this.write(
      this.map(() => 0),
      (cell) => Object.assign(cell, emptyCell()),
      'clear',
      true,
    );
  }
  activate(): FakeRange {
    this.sheet.book.active = this.sheet;
    this.sheet.activeRange = this.getA1Notation();
    return this;
  }
}

// A plain value replaces a rich text cell: its runs and links go (undocumented; setValues takes plain values only: https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluesvalues).
function setTyped(cell: Cell, value: unknown, zone: string, locale: string): void {
  cell.richText = null;
  if (value === null || value === undefined || value === '') {
    cell.value = '';
    cell.formula = '';
  } else if (typeof value === 'string' && cell.numberFormat === PLAIN_TEXT) {
    // A plain-text cell parses nothing: an apostrophe stays part of the text (https://github.com/getodk/collect/issues/3703, https://github.com/vlucas/sheetquery/issues/20).
    cell.value = value;
    cell.formula = '';
  } else if (typeof value === 'string') {
    const typed = parseTyped(value, locale);
    // The same formula written back computes the same value (the fake does not evaluate formulas).
    if (typed.formula !== '' && typed.formula === cell.formula) return;
    cell.value = typed.value;
    cell.formula = typed.formula;
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    cell.value = value;
    cell.formula = '';
  } else if (isDateLike(value)) {
    cell.value = readingIn(zone, value.getTime());
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
    wrap: false,
    horizontalAlignment: 'general',
  };
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
  /** Shown beside a selected cell of the range. */
  helpText?: string;
}

export interface FakeChart {
  type: string;
  ranges: string[];
  position: [number, number, number, number];
  options: Record<string, unknown>;
}

export class FakeSheet {
  readonly cells = new Map<number, Map<number, Cell>>();
  /** Array formulas by anchor (`row,column`, 1-based); see `setArrayFormula`. */
  readonly arrays = new Map<string, FakeArrayFormula>();
  /** Deleted through `deleteSheet`. */
  removed = false;
  validations: { range: string; rule: FakeValidation }[] = [];
  charts: FakeChart[] = [];
  frozenRows = 0;
  hidden = false;
  columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  activeRange: string | null = null;
  maxRows = 1000;
  maxColumns = 26;
  /**
   * `GRID`, or a sheet that has no cells: `OBJECT` (a chart moved to its own sheet) or `DATASOURCE`
   * (a connected data source) (https://developers.google.com/apps-script/reference/spreadsheet/sheet-type).
   */
  type: 'GRID' | 'OBJECT' | 'DATASOURCE' = 'GRID';
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

  /** What reads show for a cell (1-based): array formula results, computed cross-sheet references. */
  shownAt(row: number, column: number, depth = 0): Shown {
    const anchored = this.arrays.get(`${row},${column}`);
    const cell = this.cellAt(row, column);
    if (anchored) {
      return {
        value: this.arrayIsActive(anchored) ? (anchored.values[0]?.[0] ?? '') : '#REF!',
        formula: cell.formula,
      };
    }
    if (!this.hasContent(cell)) {
      const array = this.arrayCovering(row, column);
      if (array && this.arrayIsActive(array)) {
        return { value: array.values[row - array.row]?.[column - array.column] ?? '', formula: '' };
      }
    }
    if (cell.formula !== '' && depth < 64) {
      const parsed = parseRefFormula(cell.formula);
      // Sheets shows a reference to an empty cell as empty (undocumented here).
      if (parsed) {
        const value = evaluateRefFormula(
          parsed,
          (name, r, c) => this.book.findSheet(name)?.shownAt(r + 1, c + 1, depth + 1).value,
          '',
        );
        return { value, formula: cell.formula };
      }
    }
    return { value: cell.value, formula: cell.formula };
  }

  /**
   * Test setup: an array formula (`=ARRAYFORMULA(…)`, `=QUERY(…)`, `=FILTER(…)`…) at `anchor`
   * whose results are `values`, anchor first. Only the anchor holds the formula; while any other
   * cell of the rectangle holds something the anchor shows `#REF!` and the results disappear
   * (« Array result was not expanded because it would overwrite data in … »; undocumented by
   * Google, observed in https://github.com/googleapis/google-api-go-client/issues/1041).
   */
  setArrayFormula(anchor: string, formula: string, values: Raw[][]): void {
    const { row, column } = parseA1(anchor, this.maxRows);
    const cell = this.cellFor(row, column);
    cell.formula = formula.startsWith('=') ? formula : `=${formula}`;
    cell.value = values[0]?.[0] ?? '';
    cell.richText = null;
    this.arrays.set(`${row},${column}`, { row, column, values: values.map((r) => [...r]) });
    this.maxRows = Math.max(this.maxRows, row + values.length - 1);
    this.maxColumns = Math.max(this.maxColumns, column + (values[0]?.length ?? 1) - 1);
  }

  /** The array formula whose rectangle holds the cell (anchor included), if any. */
  arrayCovering(row: number, column: number): FakeArrayFormula | null {
    for (const array of this.arrays.values()) {
      const rows = array.values.length;
      const cols = array.values[0]?.length ?? 0;
      if (
        row >= array.row &&
        row < array.row + rows &&
        column >= array.column &&
        column < array.column + cols
      )
        return array;
    }
    return null;
  }

  /** An array formula expands while every cell of its rectangle but the anchor is empty. */
  arrayIsActive(array: FakeArrayFormula): boolean {
    for (let r = 0; r < array.values.length; r++) {
      for (let c = 0; c < (array.values[r]?.length ?? 0); c++) {
        if (r === 0 && c === 0) continue;
        if (this.hasContent(this.cellAt(array.row + r, array.column + c))) return false;
      }
    }
    return true;
  }

  /** Test setup: a cell with rich text (`links` as character ranges), as staff make with Insert link. */
  setRichText(a1: string, text: string, links: FakeTextLink[] = []): void {
    const { row, column } = parseA1(a1, this.maxRows);
    const cell = this.cellFor(row, column);
    cell.value = text;
    cell.formula = '';
    cell.richText = new FakeRichTextValue(text, links);
  }

  /** `Sheet.protect()`: a SHEET protection, editors mirroring the spreadsheet's. */
  protect(): FakeProtection {
    return this.book.addProtection('SHEET', this, null);
  }

  /** `Sheet.getProtections(type)`: the sheet's protected ranges, or its own protection. */
  getProtections(type: string): FakeProtection[] {
    return this.book.protections.filter((p) => p.sheet === this && p.type === type && !p.removed);
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
    for (const array of this.arrays.values()) {
      if (this.arrayIsActive(array)) last = Math.max(last, array.row + array.values.length - 1);
    }
    return last;
  }
  getLastColumn(): number {
    let last = 0;
    for (const line of this.cells.values()) {
      for (const [column, cell] of line) if (this.hasContent(cell)) last = Math.max(last, column);
    }
    for (const array of this.arrays.values()) {
      if (this.arrayIsActive(array)) last = Math.max(last, array.column + (array.values[0]?.length ?? 1) - 1);
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

  getType() {
    return this.type;
  }

  getRange(a1OrRow: string | number, column?: number, numRows = 1, numColumns = 1): FakeRange {
    // A sheet without a grid has no range to give (the message is undocumented; only a GRID sheet has cells).
    if (this.type !== 'GRID')
      throw new Error(`This operation is not supported on a sheet of type ${this.type}.`);
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
    this.book.refuseIfProtected(this, 1, 1, this.maxRows, this.maxColumns);
    this.cells.clear();
    this.arrays.clear();
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

  /** Test helper (not counted): the sheet as shown, `''` → null, from A1 to the last cell. */
  valuesForTest(): CellValue[][] {
    const rows = this.getLastRow();
    const cols = this.getLastColumn();
    const out: CellValue[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row: CellValue[] = [];
      for (let c = 1; c <= cols; c++) {
        const value = this.shownAt(r, c).value;
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
  readonly alerts: { title: string; prompt: string; buttons?: string }[] = [];
  /** Protected ranges and sheets (`range.protect()`, `sheet.protect()`). */
  readonly protections: FakeProtection[] = [];
  /** The one document lock every execution on this spreadsheet shares (`LockService.getDocumentLock()`). */
  readonly documentLock = new FakeDocumentLock();
  readonly user: string;
  readonly owner: string;
  private alertHandler: AlertHandler | null = null;
  /** Menus added to the UI; `addon` for `createAddonMenu()`, which has no title of its own (the add-on's name). */
  readonly menus: { title: string | null; addon: boolean; items: { label: string; handler: string }[] }[] =
    [];
  readonly sidebars: { title: string; content: string }[] = [];
  flushes = 0;
  private nextId = 0;
  readonly makeDate: (time: number) => Date;
  readonly tracked: FakeSpreadsheet;

  constructor(readonly options: FakeOptions = {}) {
    this.makeDate = options.makeDate ?? ((time) => new Date(time));
    this.user = options.user ?? 'personnel@mrc.example';
    this.owner = options.owner ?? 'proprietaire@mrc.example';
    this.tracked = this.counter.track('Spreadsheet', this);
  }

  /**
   * Test hook: runs while a question (`ui.alert` with YES_NO, YES_NO_CANCEL or OK_CANCEL) is open,
   * as when a colleague edits during the confirmation: Apps Script suspends the script while the
   * dialog is open (https://developers.google.com/apps-script/reference/base/ui#alerttitle,-prompt,-buttons).
   * The handler may return the button the user presses.
   */
  onAlert(handler: AlertHandler | null): void {
    this.alertHandler = handler;
  }

  /** @internal */
  handleAlert(alert: { title: string; prompt: string; buttons: string }): string | undefined {
    return this.alertHandler?.(alert) ?? undefined;
  }

  /** Test hook: the script ends; « the lock is automatically released when the script terminates » (https://developers.google.com/apps-script/reference/lock/lock#releaselock). */
  endExecution(): void {
    this.documentLock.releaseHeldHere();
  }

  /** A sheet by name as formulas resolve it (without regard to case). */
  findSheet(name: string): FakeSheet | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  /** @internal */
  addProtection(type: 'RANGE' | 'SHEET', sheet: FakeSheet, range: FakeRange | null): FakeProtection {
    const protection = new FakeProtection(this, type, sheet, range);
    this.protections.push(protection);
    return this.counter.track('Protection', protection);
  }

  /** @internal Throws Sheets' error when the current user may not edit one of these cells (1-based). */
  refuseIfProtected(sheet: FakeSheet, row: number, column: number, rows: number, columns: number): void {
    if (this.protections.length === 0) return;
    for (const protection of this.protections) {
      if (protection.sheet !== sheet || !protection.blocks(this.user)) continue;
      if (protection.touches(row, column, rows, columns)) throw new Error(PROTECTED_MESSAGE);
    }
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

  // Sheet names are unique without regard to case: « trying to create 2 sheets with the same name but different cases fails, whether you do it from the spreadsheet UI or the API » (https://github.com/socialpoint-labs/sheetfu/pull/26); message as the Sheets API gives it.
  addSheet(name: string): FakeSheet {
    if (this.findSheet(name))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
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
    if (this.options.sheetNameLookup === 'ignoreCase') return this.findSheet(name)?.tracked ?? null;
    return this.sheets.find((s) => s.name === name)?.tracked ?? null;
  }
  // « Inserts a new sheet into the spreadsheet with the given name. The new sheet becomes the active sheet. » (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheetsheetname)
  insertSheet(name?: string, index?: number) {
    let sheetName = name;
    for (let n = this.sheets.length + 1; sheetName === undefined; n++) {
      if (!this.findSheet(`Sheet${n}`)) sheetName = `Sheet${n}`;
    }
    const sheet = this.addSheet(sheetName);
    if (index !== undefined) {
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
      this.sheets.splice(Math.min(index, this.sheets.length), 0, sheet);
    }
    this.active = sheet;
    return sheet.tracked;
  }
  /**
   * `deleteSheet(sheet)`: references to it in the other sheets' formulas become `#REF!` and stay
   * so when a sheet of that name comes back. Undocumented by Google; the fake writes `#REF!` in
   * place of the whole reference (`='Sommaire budgétaire'!B6` → `=#REF!`).
   */
  deleteSheet(sheet: FakeSheet) {
    // Compared by identity: a lookup through the tracked proxy would count calls the script never made.
    const target = this.sheets.find((s) => s === sheet || s.tracked === sheet);
    if (!target) throw new Error('Sheet not found');
    for (const protection of target.getProtections('SHEET')) {
      if (protection.blocks(this.user)) throw new Error(PROTECTED_MESSAGE);
    }
    this.sheets.splice(this.sheets.indexOf(target), 1);
    target.removed = true;
    for (const protection of this.protections) if (protection.sheet === target) protection.removed = true;
    if (this.active === target) this.active = this.sheets[0] ?? null;
    for (const other of this.sheets) {
      for (const line of other.cells.values()) {
        for (const cell of line.values()) {
          if (cell.formula === '') continue;
          const broken = breakReferences(cell.formula, target.name, () => '#REF!');
          if (broken !== cell.formula) {
            cell.formula = broken;
            cell.value = '#REF!';
          }
        }
      }
    }
  }
  /** `Spreadsheet.getProtections(type)`: every protection of that type in the spreadsheet. */
  getProtections(type: string): FakeProtection[] {
    return this.protections.filter((p) => p.type === type && !p.removed);
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
    return this.timeZone;
  }
  /** @internal */
  get timeZone(): string {
    return this.options.timeZone ?? 'America/Montreal';
  }
  /** The spreadsheet's locale (File > Settings), fr_CA unless said. */
  getSpreadsheetLocale() {
    return this.locale;
  }
  /** @internal */
  get locale(): string {
    return this.options.locale ?? 'fr_CA';
  }
}

type AlertHandler = (alert: { title: string; prompt: string; buttons: string }) => string | undefined;

/** A Sheets user as `Protection.getEditors()` and `Session` give it. */
export interface FakeUser {
  getEmail(): string;
}

function fakeUser(email: string): FakeUser {
  return { getEmail: () => email, toString: () => email } as FakeUser;
}

/**
 * A protected range or sheet (https://developers.google.com/apps-script/reference/spreadsheet/protection).
 * Until the script changes its editors, they mirror the spreadsheet's (the owner and the current
 * user here), so the range stays editable; « the spreadsheet owner is always able to edit ». A
 * warning-only protection does not stop a script (undocumented).
 */
export class FakeProtection {
  editors: string[];
  description = '';
  warningOnly = false;
  domainEdit = true;
  removed = false;
  unprotected: FakeRange[] = [];

  constructor(
    private readonly book: FakeSpreadsheet,
    readonly type: 'RANGE' | 'SHEET',
    readonly sheet: FakeSheet,
    private readonly range: FakeRange | null,
  ) {
    this.editors = [...new Set([book.owner, book.user])];
  }

  /** @internal Whether `user` is kept out of the protected cells. */
  blocks(user: string): boolean {
    return !this.removed && !this.warningOnly && user !== this.book.owner && !this.editors.includes(user);
  }

  /** @internal Whether the protected cells meet this rectangle (1-based). */
  touches(row: number, column: number, rows: number, columns: number): boolean {
    const overlaps = (r: FakeRange) =>
      row <= r.row + r.numRows - 1 &&
      row + rows - 1 >= r.row &&
      column <= r.column + r.numColumns - 1 &&
      column + columns - 1 >= r.column;
    if (this.range) return overlaps(this.range);
    // A protected sheet: every cell but its unprotected ranges.
    for (let r = row; r < row + Math.min(rows, 5000); r++) {
      for (let c = column; c < column + columns; c++) {
        const inside = (u: FakeRange) =>
          r >= u.row && r < u.row + u.numRows && c >= u.column && c < u.column + u.numColumns;
        if (!this.unprotected.some(inside)) return true;
      }
    }
    return false;
  }

  getProtectionType() {
    return this.type;
  }
  getRange() {
    return this.range ?? this.sheet.getRange(1, 1, this.sheet.maxRows, this.sheet.maxColumns);
  }
  canEdit() {
    return !this.blocks(this.book.user);
  }
  addEditor(user: string | FakeUser) {
    const email = typeof user === 'string' ? user : user.getEmail();
    if (!this.editors.includes(email)) this.editors.push(email);
    return this;
  }
  addEditors(users: (string | FakeUser)[]) {
    for (const user of users) this.addEditor(user);
    return this;
  }
  removeEditor(user: string | FakeUser) {
    const email = typeof user === 'string' ? user : user.getEmail();
    this.editors = this.editors.filter((e) => e !== email);
    return this;
  }
  removeEditors(users: (string | FakeUser)[]) {
    for (const user of users) this.removeEditor(user);
    return this;
  }
  getEditors(): FakeUser[] {
    return this.editors.map(fakeUser);
  }
  canDomainEdit() {
    return this.domainEdit;
  }
  setDomainEdit(editable: boolean) {
    this.domainEdit = editable;
    return this;
  }
  getDescription() {
    return this.description;
  }
  setDescription(description: string) {
    this.description = description;
    return this;
  }
  isWarningOnly() {
    return this.warningOnly;
  }
  setWarningOnly(warningOnly: boolean) {
    this.warningOnly = warningOnly;
    return this;
  }
  getUnprotectedRanges() {
    return [...this.unprotected];
  }
  setUnprotectedRanges(ranges: FakeRange[]) {
    this.unprotected = [...ranges];
    return this;
  }
  remove() {
    this.removed = true;
  }
}

/**
 * The document lock of one spreadsheet, shared by every `LockService.getDocumentLock()` call
 * (https://developers.google.com/apps-script/reference/lock/lock-service#getdocumentlock). A test
 * makes another execution hold it with `holdElsewhere()`.
 */
export class FakeDocumentLock {
  /** The Lock object holding it, `elsewhere` for another execution, or null. */
  holder: FakeLock | 'elsewhere' | null = null;
  /** How long the other execution keeps it once someone waits (null: past any timeout). */
  private releaseAfterMs: number | null = null;
  /** Every tryLock / waitLock, in order. */
  readonly attempts: { method: 'tryLock' | 'waitLock'; timeoutMs: number; acquired: boolean }[] = [];

  /** Test setup: another execution holds the lock, for `releaseAfterMs` more of waiting (or forever). */
  holdElsewhere(releaseAfterMs: number | null = null): void {
    this.holder = 'elsewhere';
    this.releaseAfterMs = releaseAfterMs;
  }

  /** Test setup: the other execution lets the lock go. */
  releaseElsewhere(): void {
    if (this.holder === 'elsewhere') this.holder = null;
  }

  /** @internal */
  releaseHeldHere(): void {
    if (this.holder !== 'elsewhere') this.holder = null;
  }

  /** @internal */
  acquire(lock: FakeLock, method: 'tryLock' | 'waitLock', timeoutMs: number): boolean {
    let acquired: boolean;
    if (this.holder === lock) acquired = true;
    else if (this.holder === null) acquired = true;
    else if (
      this.holder === 'elsewhere' &&
      this.releaseAfterMs !== null &&
      this.releaseAfterMs <= timeoutMs
    ) {
      acquired = true;
    } else {
      // Held by another execution, or by another Lock object of this one (undocumented: Apps
      // Script's locks are not reentrant across getDocumentLock() calls, as users report).
      acquired = false;
    }
    if (acquired) this.holder = lock;
    this.attempts.push({ method, timeoutMs, acquired });
    return acquired;
  }
}

/** A `Lock` (https://developers.google.com/apps-script/reference/lock/lock). */
export class FakeLock {
  constructor(private readonly state: FakeDocumentLock) {}

  /** « Attempts to acquire the lock, timing out after the provided number of milliseconds. » */
  tryLock(timeoutInMillis: number): boolean {
    return this.state.acquire(this, 'tryLock', timeoutInMillis);
  }
  /** Like tryLock, but « timing out with an exception ». */
  waitLock(timeoutInMillis: number): void {
    if (!this.state.acquire(this, 'waitLock', timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
  releaseLock(): void {
    if (this.state.holder === this) this.state.holder = null;
  }
  hasLock(): boolean {
    return this.state.holder === this;
  }
}

export const BUTTON_SET = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
};
export const BUTTON = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };

/**
 * In AuthMode.NONE, a call that needs authorization throws (its text is undocumented: this is how
 * Apps Script users quote it); what `allowed` names, and every non-function property, still works.
 */
function unauthorized<T extends object>(kind: string, target: T, allowed: readonly string[] = []): T {
  return new Proxy(target, {
    get: (obj, prop, receiver) => {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string' || allowed.includes(prop)) return value;
      return () => {
        throw new Error(`You do not have permission to call ${kind}.${prop}`);
      };
    },
  });
}

/** The Apps Script globals our code uses, over one fake spreadsheet, each counted. */
export function fakeServices(book: FakeSpreadsheet) {
  const counter = book.counter;
  const newMenu = (title: string | null) => {
    const entry = { title, addon: title === null, items: [] as { label: string; handler: string }[] };
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
  };
  const ui = counter.track('Ui', {
    ButtonSet: BUTTON_SET,
    Button: BUTTON,
    createMenu: (title: string) => newMenu(title),
    // The add-on's menu under Extensions (https://developers.google.com/apps-script/reference/base/ui#createAddonMenu()).
    createAddonMenu: () => newMenu(null),
    // alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons) (https://developers.google.com/apps-script/reference/base/ui#alertprompt).
    alert(first: string, second?: string, third?: string) {
      const buttonSets = Object.values(BUTTON_SET);
      let alert: { title: string; prompt: string; buttons?: string };
      if (third !== undefined) alert = { title: first, prompt: second ?? '', buttons: third };
      else if (second !== undefined && buttonSets.includes(second))
        alert = { title: '', prompt: first, buttons: second };
      else if (second !== undefined) alert = { title: first, prompt: second };
      else alert = { title: '', prompt: first };
      book.alerts.push(alert);
      const buttons = alert.buttons ?? BUTTON_SET.OK;
      if (buttons === BUTTON_SET.OK) return BUTTON.OK;
      const answer = book.handleAlert({ title: alert.title, prompt: alert.prompt, buttons });
      return answer ?? BUTTON[book.options.alertAnswer ?? 'YES'];
    },
    showSidebar(output: { getTitle(): string; getContent(): string }) {
      book.sidebars.push({ title: output.getTitle(), content: output.getContent() });
    },
  });
  const SpreadsheetApp = counter.track('SpreadsheetApp', {
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    SheetType: { GRID: 'GRID', OBJECT: 'OBJECT', DATASOURCE: 'DATASOURCE' },
    newRichTextValue: () => newRichTextBuilder(),
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
        // « Sets the help text that appears when the user hovers over the cell on which data
        // validation is set » (developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setHelpText(String)).
        setHelpText(text: string) {
          rule.helpText = text;
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
  const Session = {
    getScriptTimeZone: () => book.options.scriptTimeZone ?? 'America/Montreal',
    getEffectiveUser: () => fakeUser(book.user),
    getActiveUser: () => fakeUser(book.user),
  };
  const LockService = counter.track('LockService', {
    getDocumentLock: () => counter.track('Lock', new FakeLock(book.documentLock)),
  });
  const Utilities = counter.track('Utilities', { formatDate });
  const services = { SpreadsheetApp, HtmlService, Charts, Logger, Session, LockService, Utilities };
  if (book.options.authMode !== 'NONE') return services;
  return {
    ...services,
    SpreadsheetApp: unauthorized('SpreadsheetApp', SpreadsheetApp, ['getUi']),
    HtmlService: unauthorized('HtmlService', HtmlService),
    Session: unauthorized('Session', Session, ['getScriptTimeZone']),
    LockService: unauthorized('LockService', LockService),
  };
}

/** The fake as the adapter's types see it. */
export function asSpreadsheet(book: FakeSpreadsheet): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return book.tracked as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
}

export function asServices(services: ReturnType<typeof fakeServices>) {
  return services as unknown as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    Charts: GoogleAppsScript.Charts.Charts;
    Utilities: GoogleAppsScript.Utilities.Utilities;
  };
}
