/** The staff sheets of the workbook contract, and reading their cells into values plus issues. */
import { cellAddress, columnLetters } from '../a1.js';
import {
  type CellValue,
  isBlank,
  isErrorValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../cells.js';
import { isGeneratedSheet } from '../generated.js';
import { type Issue, type IssueCode, issue, type ParamsArg } from '../issues.js';
import { endDateIso, parseDate } from '../values/dates.js';
import { rememberingSplitter } from '../values/lists.js';
import { memoize } from '../values/memo.js';
import { parseMoney } from '../values/money.js';
import { headerKey } from '../values/text.js';
import { cellAt, type SheetLayout } from './headers.js';

export type StaffSheet = 'settings' | 'budget' | 'projects' | 'selection' | 'payments' | 'decisions';

/** Canonical French name first, then the English alias. */
export const STAFF_SHEET_NAMES: Record<StaffSheet, readonly [string, string]> = {
  settings: ['Paramètres', 'Settings'],
  budget: ['Budget prévisionnel', 'Forecast budget'],
  projects: ['Projets', 'Projects'],
  selection: ['Grille de sélection', 'Selection grid'],
  payments: ['Versements', 'Payments'],
  /** Optional: the history of the council's decisions (without it, Projets is the source). */
  decisions: ['Décisions', 'Decisions'],
};

/** A staff sheet by its French or English name; sheets the tool generated never count. */
export function findStaffSheet(snapshot: WorkbookSnapshot, kind: StaffSheet): SheetSnapshot | undefined {
  const keys = STAFF_SHEET_NAMES[kind].map(headerKey);
  return snapshot.sheets.find(
    (sheet) =>
      typeof sheet?.name === 'string' && keys.includes(headerKey(sheet.name)) && !isGeneratedSheet(sheet),
  );
}

/** Cell text shown back in a message: long cells are cut so that a message stays a message. */
export function shownValue(value: CellValue, max = 80): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A project number as typed: trimmed, inner spaces collapsed; `1` (a number) → `1`. */
export function projectIdText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return flatText(String(value));
}

const SPACE_RUN = /[\s\u00A0\u202F\u2009\u2007\u200A]+/g;
const NEEDS_FLATTENING =
  /^[\s\u00A0\u202F\u2009\u2007\u200A]|[\s\u00A0\u202F\u2009\u2007\u200A]$|[\s\u00A0\u202F\u2009\u2007\u200A]{2}|[^\S ]/;

/** Spaces of every kind → one space, trimmed; most cells need nothing, so they are returned as is. */
export function flatText(text: string): string {
  return NEEDS_FLATTENING.test(text) ? text.replace(SPACE_RUN, ' ').trim() : text;
}

/** Project numbers compare without case, accents or extra spaces (`p-001` is `P-001`). */
export function projectIdKey(id: string): string {
  // Plain ASCII numbers (the usual `P-001`) skip the Unicode work `headerKey` does for accents.
  return /^[\x21-\x7e]+$/.test(id) ? id.toLowerCase().replace(/:+$/, '') : headerKey(id);
}

/** Options every sheet reader takes. */
export interface ReaderOptions {
  /**
   * false: leave the issues in the order they were found. analyzeWorkbook sorts the whole
   * workbook's issues once (a stable sort by place), which gives the same result.
   */
  sortIssues?: boolean;
}

const ROW = Symbol('row');

/**
 * field → A1 address of a record's cells. The addresses are built when read: a big workbook has
 * hundreds of thousands of cells with an origin and only those with an issue are ever asked for,
 * so the records hold their row and share getters (one class per sheet layout). Read them by
 * field (`origin.cells.id`) or `JSON.stringify`; a spread `{ ...cells }` sees no fields.
 */
export function originCells<Field extends string>(
  columns: Record<string, number>,
): (row: number) => Partial<Record<Field, string>> {
  class Cells {
    constructor(row: number) {
      Object.defineProperty(this, ROW, { value: row });
    }

    toJSON(): Record<string, string> {
      const plain: Record<string, string> = {};
      for (const field in this) plain[field] = (this as unknown as Record<string, string>)[field];
      return plain;
    }
  }
  for (const [field, col] of Object.entries(columns)) {
    const letters = columnLetters(col);
    Object.defineProperty(Cells.prototype, field, {
      enumerable: true,
      get(this: { [ROW]: number }) {
        return letters + (this[ROW] + 1);
      },
    });
  }
  return (row) => new Cells(row) as unknown as Partial<Record<Field, string>>;
}

/** Above this, a number of dollars goes through parseMoney (which knows when cents stop being exact). */
const WHOLE_DOLLARS_MAX = 1e12;

/** Error values all start with `#`: most cells are told apart without the full check. */
const ERROR_START = /^\s*#/;

/**
 * The rows of a grid that carry a project number, with the number as typed. A row without one is
 * an error at its `No` cell and stops being a row of the grid (`layout.rows` keeps the others).
 */
export function numberedRows(reader: CellReader, layout: SheetLayout): { row: number; typed: string }[] {
  const idColumn = layout.columns.id;
  const numbered: { row: number; typed: string }[] = [];
  for (const row of layout.rows) {
    const typed = projectIdText(reader.value(row, idColumn));
    if (typed !== '') numbered.push({ row, typed });
    else if (idColumn !== undefined) reader.report('cell.idMissing', 'error', row, idColumn);
  }
  layout.rows = numbered.map((n) => n.row);
  return numbered;
}

/** What a record reader walks: a cell reader over the grid, its numbered rows, each row's cells. */
export function gridRows<Field extends string>(sheet: SheetSnapshot, layout: SheetLayout) {
  const reader = new CellReader(sheet);
  return { reader, rows: numberedRows(reader, layout), cellsOf: originCells<Field>(layout.columns) };
}

/**
 * A reader's issues: those of its header, then those of its cells, sorted by place unless the
 * caller sorts a whole workbook's at once. A loop, since push(...) of 100 000 issues overflows the stack.
 */
export function readerIssues(
  headerIssues: Issue[],
  reader: CellReader,
  options: { sortIssues?: boolean },
): Issue[] {
  for (const item of reader.issues) headerIssues.push(item);
  return options.sortIssues === false ? headerIssues : sortIssues(headerIssues, [reader.sheet.name]);
}

/**
 * Reads typed values out of one sheet's cells, pushing each problem as an issue at its cell.
 * Error values (`#N/A`, `#REF!`…) are reported once and read as blank; a formula's value is used.
 */
export class CellReader {
  readonly issues: Issue[] = [];
  /** Amount cells that hold something no reading gives a number for (text, an error value): A1. */
  readonly unreadableAmounts: string[] = [];
  // Staff columns repeat the same texts (dates typed as text, « - $ », town lists): parse each once.
  private readonly moneyText = memoize(parseMoney);
  private readonly dateText = memoize(parseDate);
  private readonly splitCell = rememberingSplitter();

  constructor(readonly sheet: SheetSnapshot) {}

  address(row: number, col: number): string {
    return cellAddress(row, col);
  }

  at(row: number, col: number): { sheet: string; cell: string } {
    return { sheet: this.sheet.name, cell: cellAddress(row, col) };
  }

  report<C extends IssueCode>(
    code: C,
    severity: Issue['severity'],
    row: number,
    col: number,
    ...params: ParamsArg<C>
  ): void {
    this.issues.push(issue(code, severity, this.at(row, col), ...params));
  }

  /** The raw value, or null; an error value is reported and read as null. */
  value(row: number, col: number | undefined): CellValue {
    if (col === undefined) return null;
    const value = cellAt(this.sheet, row, col);
    if (typeof value === 'string' && ERROR_START.test(value) && isErrorValue(value)) {
      const formula = this.sheet.formulas?.[row]?.[col];
      this.report('cell.errorValue', 'error', row, col, {
        value: value.trim().toUpperCase(),
        formula: typeof formula === 'string' && formula !== '' ? formula : undefined,
      });
      return null;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) return null;
    if (value instanceof Date && Number.isNaN(value.getTime())) return null;
    return value;
  }

  /** Text with spaces collapsed; numbers and dates as they read. */
  text(row: number, col: number | undefined): string {
    const value = this.value(row, col);
    if (value === null) return '';
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
    return flatText(String(value));
  }

  /** `splitList` of a cell, each distinct piece cleaned once. */
  list(row: number, col: number | undefined, allowComma = false): string[] {
    return this.splitCell(this.value(row, col), allowComma);
  }

  /**
   * Cents, or null when blank. Text that parses is used with a warning (Reformater fixes it); text
   * that does not is an error and counts as 0; a negative amount is an error (kept as typed).
   */
  money(row: number, col: number | undefined, options: { allowNegative?: boolean } = {}): number | null {
    if (col === undefined) return null;
    const raw = this.value(row, col);
    if (raw === null) {
      // An error value reads as nothing, but the amount is not known: it is not a blank.
      if (!isBlank(cellAt(this.sheet, row, col))) this.unreadableAmounts.push(cellAddress(row, col));
      return null;
    }
    // Whole dollars, the usual case, need none of parseMoney's decimal care.
    if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= WHOLE_DOLLARS_MAX)
      return raw * 100 + 0;
    const parsed = typeof raw === 'string' ? this.moneyText(raw) : parseMoney(raw);
    if (parsed.kind === 'blank') return null;
    if (parsed.kind === 'invalid') {
      this.report(parsed.code, 'error', row, col, { ...parsed.params, value: shownValue(raw) });
      this.unreadableAmounts.push(cellAddress(row, col));
      return 0;
    }
    if (parsed.fromText) this.report('cell.moneyAsText', 'warning', row, col, { value: shownValue(raw) });
    if (parsed.cents < 0 && !options.allowNegative) {
      this.report('cell.moneyNegative', 'error', row, col, { amount: parsed.cents });
    }
    return parsed.cents;
  }

  /**
   * ISO date, or null when blank or unreadable (unreadable is an error; text is a warning).
   * `endOfPeriod`: « Mars 2023 » in an end-date column means its last day.
   */
  date(row: number, col: number | undefined, options: { endOfPeriod?: boolean } = {}): string | null {
    if (col === undefined) return null;
    const raw = this.value(row, col);
    if (raw === null) return null;
    const parsed = typeof raw === 'string' ? this.dateText(raw) : parseDate(raw, this.sheet.date1904);
    if (parsed.kind === 'blank') return null;
    if (parsed.kind === 'invalid') {
      this.report(parsed.code, 'error', row, col, { ...parsed.params, value: shownValue(raw) });
      return null;
    }
    if (parsed.fromText) this.report('cell.dateAsText', 'warning', row, col, { value: shownValue(raw) });
    return options.endOfPeriod ? endDateIso(parsed) : parsed.iso;
  }
}

/**
 * One number that orders issues by place: sheet, then row, then column (-1 for « none », so that
 * workbook-level and sheet-level issues come first). Exact: 2^10 sheets × 2^24 rows × 2^16 columns.
 */
function placeKey(sheet: number, cell: string | undefined): number {
  let col = 0;
  let row = 0;
  let i = 0;
  if (cell !== undefined) {
    if (cell.charCodeAt(i) === 36) i++; // $
    for (; i < cell.length; i++) {
      const code = cell.charCodeAt(i) & ~32; // upper case
      if (code < 65 || code > 90) break;
      col = col * 26 + (code - 64);
    }
    if (cell.charCodeAt(i) === 36) i++;
    for (; i < cell.length; i++) {
      const digit = cell.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      row = row * 10 + digit;
    }
    if (i !== cell.length || col === 0 || row === 0) col = row = 0;
  }
  // row and col are 1-based here; 0 stands for « none ».
  return ((sheet + 1) * 2 ** 24 + Math.min(row, 2 ** 24 - 1)) * 2 ** 16 + Math.min(col, 2 ** 16 - 1);
}

function sameParams(a: Issue['params'], b: Issue['params']): boolean {
  if (a === b) return true;
  const keysA = Object.keys(a ?? {}).filter((k) => a?.[k] !== undefined);
  const keysB = Object.keys(b ?? {}).filter((k) => b?.[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => a?.[k] === b?.[k]);
}

function sameIssue(a: Issue, b: Issue): boolean {
  return (
    a.code === b.code &&
    a.severity === b.severity &&
    a.sheet === b.sheet &&
    a.cell === b.cell &&
    sameParams(a.params, b.params)
  );
}

function issueKey(item: Issue): string {
  const params = Object.entries(item.params ?? {}).filter(([, v]) => v !== undefined);
  return JSON.stringify([item.code, item.severity, item.sheet, item.cell, params.sort()]);
}

/**
 * Workbook-level issues first, then by the sheets' order in the workbook, then row, then column;
 * equal places keep their order (the sort is stable). With `dedupe`, the same problem reported
 * twice (same code, place, severity and parameters) is kept once: duplicates share a place, so
 * they are looked for among neighbours only.
 */
export function sortIssues(
  issues: readonly Issue[],
  sheetOrder: readonly string[],
  options: { dedupe?: boolean } = {},
): Issue[] {
  const order = new Map<string, number>();
  sheetOrder.forEach((name, i) => {
    if (!order.has(name)) order.set(name, i);
  });
  const keys = new Float64Array(issues.length);
  const indexes: number[] = new Array(issues.length);
  for (let i = 0; i < issues.length; i++) {
    const item = issues[i];
    const sheet = item.sheet === undefined ? -1 : (order.get(item.sheet) ?? sheetOrder.length);
    keys[i] = placeKey(sheet, item.cell);
    indexes[i] = i;
  }
  indexes.sort((a, b) => keys[a] - keys[b] || a - b);
  if (!options.dedupe) return indexes.map((i) => issues[i]);

  const result: Issue[] = [];
  let runStart = 0;
  let runKeys: Set<string> | null = null;
  for (let n = 0; n < indexes.length; n++) {
    const item = issues[indexes[n]];
    if (n > 0 && keys[indexes[n]] !== keys[indexes[n - 1]]) {
      runStart = result.length;
      runKeys = null;
    }
    // A long run (many issues on one cell or one sheet) switches from pairwise checks to keys.
    if (runKeys === null && result.length - runStart > 16) {
      runKeys = new Set(result.slice(runStart).map(issueKey));
    }
    if (runKeys !== null) {
      const key = issueKey(item);
      if (runKeys.has(key)) continue;
      runKeys.add(key);
    } else {
      let duplicate = false;
      for (let k = runStart; k < result.length && !duplicate; k++) duplicate = sameIssue(result[k], item);
      if (duplicate) continue;
    }
    result.push(item);
  }
  return result;
}
