/** The staff sheets of the workbook contract, and reading their cells into values plus issues. */
import { cellAddress, columnLetters } from '../a1.js';
import { type CellValue, isErrorValue, type SheetSnapshot, type WorkbookSnapshot } from '../cells.js';
import { isGeneratedSheet } from '../generated.js';
import { type Issue, type IssueParams, issue } from '../issues.js';
import { endOfMonth, parseDate } from '../values/dates.js';
import { splitList } from '../values/lists.js';
import { formatMoney, parseMoney } from '../values/money.js';
import { headerKey } from '../values/text.js';
import { cellAt } from './headers.js';

export type StaffSheet = 'settings' | 'budget' | 'projects' | 'selection' | 'payments';

/** Canonical French name first, then the English alias. */
export const STAFF_SHEET_NAMES: Record<StaffSheet, readonly [string, string]> = {
  settings: ['Paramètres', 'Settings'],
  budget: ['Budget prévisionnel', 'Forecast budget'],
  projects: ['Projets', 'Projects'],
  selection: ['Grille de sélection', 'Selection grid'],
  payments: ['Versements', 'Payments'],
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

/**
 * A one-argument function remembered by argument: columns such as Décision or Conflit d’intérêts
 * repeat a handful of values over thousands of rows, and their keys cost Unicode work.
 */
export function memoize<T>(read: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined && !cache.has(text)) {
      result = read(text);
      if (text.length <= 200) cache.set(text, result);
    }
    return result as T;
  };
}

/** field → A1 address of a record's cells, with the column letters worked out once per sheet. */
export function originCells<Field extends string>(
  columns: Record<string, number>,
): (row: number) => Partial<Record<Field, string>> {
  const letters = Object.entries(columns).map(([field, col]) => [field, columnLetters(col)] as const);
  return (row) => {
    const cells: Partial<Record<string, string>> = {};
    const number = String(row + 1);
    for (const [field, column] of letters) cells[field] = column + number;
    return cells as Partial<Record<Field, string>>;
  };
}

/** Error values all start with `#`: most cells are told apart without the full check. */
const ERROR_START = /^\s*#/;

/**
 * Reads typed values out of one sheet's cells, pushing each problem as an issue at its cell.
 * Error values (`#N/A`, `#REF!`…) are reported once and read as blank; a formula's value is used.
 */
export class CellReader {
  readonly issues: Issue[] = [];

  constructor(readonly sheet: SheetSnapshot) {}

  address(row: number, col: number): string {
    return cellAddress(row, col);
  }

  at(row: number, col: number): { sheet: string; cell: string } {
    return { sheet: this.sheet.name, cell: cellAddress(row, col) };
  }

  report(
    code: Issue['code'],
    severity: Issue['severity'],
    row: number,
    col: number,
    params?: IssueParams,
  ): void {
    this.issues.push(issue(code, severity, this.at(row, col), params));
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

  list(row: number, col: number | undefined, allowComma = false): string[] {
    return splitList(this.value(row, col), { allowComma });
  }

  /**
   * Cents, or null when blank. Text that parses is used with a warning (Reformater fixes it); text
   * that does not is an error and counts as 0; a negative amount is an error (kept as typed).
   */
  money(row: number, col: number | undefined, options: { allowNegative?: boolean } = {}): number | null {
    if (col === undefined) return null;
    const raw = this.value(row, col);
    if (raw === null) return null;
    const parsed = parseMoney(raw);
    if (parsed.kind === 'blank') return null;
    if (parsed.kind === 'invalid') {
      this.report(parsed.code, 'error', row, col, { ...parsed.params, value: shownValue(raw) });
      return 0;
    }
    if (parsed.fromText) this.report('cell.moneyAsText', 'warning', row, col, { value: shownValue(raw) });
    if (parsed.cents < 0 && !options.allowNegative) {
      this.report('cell.moneyNegative', 'error', row, col, { amount: formatMoney(parsed.cents) });
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
    const parsed = parseDate(raw);
    if (parsed.kind === 'blank') return null;
    if (parsed.kind === 'invalid') {
      this.report(parsed.code, 'error', row, col, { ...parsed.params, value: shownValue(raw) });
      return null;
    }
    if (parsed.fromText) this.report('cell.dateAsText', 'warning', row, col, { value: shownValue(raw) });
    return options.endOfPeriod && parsed.precision === 'month' ? endOfMonth(parsed.iso) : parsed.iso;
  }
}

/** 0-based row and column of an A1 address, or -1s for none (or a malformed one). */
function position(cell: string | undefined): [number, number] {
  const match = cell === undefined ? null : /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell);
  if (!match) return [-1, -1];
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(match[2]) - 1, col - 1];
}

/**
 * Workbook-level issues first, then by the sheets' order in the workbook, then row, then column;
 * equal places keep their order (the sort is stable).
 */
export function sortIssues(issues: readonly Issue[], sheetOrder: readonly string[]): Issue[] {
  const order = new Map<string, number>();
  sheetOrder.forEach((name, i) => {
    if (!order.has(name)) order.set(name, i);
  });
  const keyed = issues.map((item, index) => {
    const sheet = item.sheet === undefined ? -1 : (order.get(item.sheet) ?? sheetOrder.length);
    const [row, col] = position(item.cell);
    return { item, index, sheet, row, col };
  });
  keyed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col || a.index - b.index);
  return keyed.map((k) => k.item);
}
