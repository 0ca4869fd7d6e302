/**
 * The one runner of the spreadsheet functions: it reads each argument by its declared type with
 * the grid readers' parsers, broadcasts one-row arguments over the rows, answers blank rows with a
 * blank and bad rows with that row's error, so each implementation only computes.
 */
import { type CellValue, isBlank, isErrorValue } from '../cells.js';
import { isWholePlan } from '../followup.js';
import { STAFF_SHEET_NAMES } from '../grids/sheets.js';
import type { Coded } from '../messages/codes.js';
import { type Lang, renderIssue } from '../messages/index.js';
import { PRESET_SETTINGS, type Settings } from '../settings.js';
import { parseSettingNumber, readSettings } from '../settings-reader.js';
import { endDateIso, parseDate } from '../values/dates.js';
import { rememberingSplitter, splitList } from '../values/lists.js';
import { BoundedCache, type CacheBounds, memoize } from '../values/memo.js';
import { parseMoney } from '../values/money.js';
import { parseScoreCell } from '../values/scores.js';
import { parseShare, parseShares } from '../values/shares.js';
import {
  flatten,
  type HostArgument,
  isAbsent,
  projectRows,
  rowCells,
  toGrid,
  trimBlankRows,
} from './arguments.js';
import { type ArgumentType, CELL_TYPES, type FunctionDeclaration, ROW_TYPES } from './declarations.js';

export interface CatalogError {
  error: '#VALUE!' | '#N/A' | '#NUM!';
  message: string;
  messageEn: string;
}

export type CatalogCell = string | number | boolean | CatalogError;
export type CatalogResult = CatalogCell[][];

export function isCatalogError(cell: unknown): cell is CatalogError {
  return typeof cell === 'object' && cell !== null && 'error' in cell && 'message' in cell;
}

export function catalogError(coded: Coded): CatalogError {
  return { error: '#VALUE!', message: renderIssue(coded, 'fr'), messageEn: renderIssue(coded, 'en') };
}

/** A criterion score as the grid reads it: a number, S.O., or blank. */
export type ScoreValue = number | 'NA' | null;

/** What the implementation receives for each argument type. */
export interface ValueOfType {
  names: string[];
  places: string[];
  /** ISO date, or null when the row has none. */
  endDate: string | null;
  scores: ScoreValue[];
  settings: Settings;
  /** Null when an optional argument is left out. */
  numbers: (number | null)[] | null;
  /** Cents, null for blank cells, the argument's rows without its trailing blank rows. */
  amounts: (number | null)[][];
  /** ISO date. */
  date: string;
  /** Cents. */
  amount: number;
  /** Fractions of 1 that make a whole plan. */
  shares: number[];
}

type RowType = 'names' | 'places' | 'endDate' | 'scores';
type CellType = 'date' | 'amount';
type ParamsOf<D extends FunctionDeclaration> = D['params'][number];

export type ArgsOf<D extends FunctionDeclaration> = {
  [P in ParamsOf<D> as P['key']]: ValueOfType[P['type']];
};
export type WholeArgsOf<D extends FunctionDeclaration> = {
  [P in ParamsOf<D> as P['type'] extends RowType ? never : P['key']]: ValueOfType[P['type']];
};

/** One result per project row; `prepare` reads the whole arguments once (an error fails every row). */
export interface PerRow<D extends FunctionDeclaration, P> {
  kind: 'rows';
  prepare(args: WholeArgsOf<D>): P | CatalogError;
  row(args: ArgsOf<D>, prepared: P, call: CallContext): CatalogCell;
}

/** One result per cell of its one argument, keeping the argument's shape. */
export interface PerCell<D extends FunctionDeclaration> {
  kind: 'cells';
  cell(value: ValueOfType[Extract<ParamsOf<D>['type'], CellType>]): CatalogCell;
}

/** One result for the whole arguments (a table). */
export interface Whole<D extends FunctionDeclaration> {
  kind: 'whole';
  run(args: ArgsOf<D>): CatalogResult;
}

// biome-ignore lint/suspicious/noExplicitAny: the prepared value is private to each implementation.
export type Implementation<D extends FunctionDeclaration> = PerRow<D, any> | PerCell<D> | Whole<D>;

type Read<T> = { value: T } | { error: CatalogError } | { blank: true };

const isRowType = (type: ArgumentType) => ROW_TYPES.includes(type);
const isCellType = (type: ArgumentType) => CELL_TYPES.includes(type);

/** What a call knows of its workbook: the language of its messages, the date system of its serials. */
export interface CallContext {
  lang: Lang;
  /** The workbook counts dates from 1904 (Excel's option): serials in and out are 1462 less. */
  date1904: boolean;
}

/** Runs one function on the host's arguments (one per parameter; a value or a 2-D array each). */
export function runFunction<D extends FunctionDeclaration>(
  declaration: D,
  implementation: Implementation<D>,
  args: readonly HostArgument[],
  call: CallContext,
): CatalogResult {
  if (implementation.kind === 'cells') return perCell(declaration, implementation, args, call.date1904);
  const whole: Record<string, unknown> = {};
  let failure: CatalogError | null = null;
  declaration.params.forEach((param, i) => {
    if (isRowType(param.type)) return;
    const read = readWhole(param.type, args[i]);
    if ('error' in read) failure ??= read.error;
    else whole[param.key] = 'value' in read ? read.value : null;
  });
  if (implementation.kind === 'whole') {
    return failure ? [[failure]] : implementation.run(whole as ArgsOf<D>);
  }
  const prepared = failure ?? implementation.prepare(whole as WholeArgsOf<D>);
  return perRow(declaration, implementation, args, whole, prepared, call);
}

function perRow<D extends FunctionDeclaration>(
  declaration: D,
  implementation: PerRow<D, unknown>,
  args: readonly HostArgument[],
  whole: Record<string, unknown>,
  prepared: unknown,
  call: CallContext,
): CatalogResult {
  const rowParams = declaration.params
    .map((param, i) => ({ param, grid: isRowType(param.type) ? toGrid(args[i]) : null }))
    .filter((p): p is { param: D['params'][number]; grid: CellValue[][] } => p.grid !== null);
  const grids = rowParams.map((p) => p.grid);
  const rows = projectRows(grids);
  const out: CatalogCell[] = [];
  for (let r = 0; r < rows; r++) {
    const cells = grids.map((grid) => rowCells(grid, r));
    if (cells.every((row) => row.every(isBlank))) {
      out.push('');
      continue;
    }
    const errorCell = firstErrorValue(cells);
    if (errorCell !== undefined) {
      out.push(catalogError({ code: 'function.errorValue', params: { value: errorCell } }));
      continue;
    }
    if (isCatalogError(prepared)) {
      out.push(prepared);
      continue;
    }
    const values: Record<string, unknown> = { ...whole };
    let failure: CatalogError | null = null;
    for (const [p, { param }] of rowParams.entries()) {
      const read = readRow(param.type as RowType, cells[p], call.date1904);
      if ('error' in read) {
        failure = read.error;
        break;
      }
      values[param.key] = read.value;
    }
    out.push(failure ?? implementation.row(values as ArgsOf<D>, prepared, call));
  }
  return column(out);
}

function perCell<D extends FunctionDeclaration>(
  declaration: D,
  implementation: PerCell<D>,
  args: readonly HostArgument[],
  date1904: boolean,
): CatalogResult {
  const type = declaration.params[0].type;
  if (!isCellType(type)) throw new Error(`${declaration.name}: a per-cell function takes one cell argument`);
  return trimBlankRows(toGrid(args[0])).map((row) =>
    row.map((cell) => {
      const read = readCell(type as CellType, cell, date1904);
      if ('blank' in read) return '';
      if ('error' in read) return read.error;
      return implementation.cell(read.value as never);
    }),
  );
}

function column(values: CatalogCell[]): CatalogResult {
  return values.length === 0 ? [['']] : values.map((v) => [v]);
}

/** The first error value of a row's cells, in reading order (a loop: `flat()` is slow per row). */
function firstErrorValue(cells: readonly CellValue[][]): string | undefined {
  for (const row of cells) for (const cell of row) if (isErrorValue(cell)) return cell;
  return undefined;
}

function readRow(
  type: RowType,
  cells: CellValue[],
  date1904: boolean,
): { value: unknown } | { error: CatalogError } {
  switch (type) {
    case 'names':
      return { value: listOf(cells, false) };
    case 'places':
      return { value: listOf(cells, true) };
    case 'endDate': {
      const cell = cells.find((c) => !isBlank(c)) ?? null;
      if (cell === null) return { value: null };
      const parsed = typeof cell === 'string' ? endDateText(cell) : parseDate(cell, date1904);
      if (parsed.kind === 'invalid') return { error: catalogError(parsed) };
      return { value: parsed.kind === 'date' ? endDateIso(parsed) : null };
    }
    case 'scores': {
      const scores: ScoreValue[] = [];
      for (const cell of cells) {
        // The grid reader's reading of a score cell, so that SCORE() and the Classement agree.
        const parsed = parseScoreCell(isBlank(cell) ? null : cell);
        if (parsed.kind === 'invalid')
          return { error: catalogError({ code: 'function.notANumber', params: { value: String(cell) } }) };
        scores.push(parsed.kind === 'blank' ? null : parsed.value);
      }
      return { value: scores };
    }
  }
}

function readWhole(type: ArgumentType, arg: HostArgument): Read<unknown> {
  const absent = arg === undefined || isAbsent(arg);
  switch (type) {
    case 'settings':
      return {
        value: absent
          ? PRESET_SETTINGS
          : readSettings({ name: STAFF_SHEET_NAMES.settings[0], values: toGrid(arg) }).settings,
      };
    case 'numbers':
      return absent ? { blank: true } : { value: flatten(toGrid(arg)).map(parseSettingNumber) };
    case 'amounts': {
      const grid: (number | null)[][] = [];
      for (const row of trimBlankRows(toGrid(arg))) {
        const cents: (number | null)[] = [];
        for (const cell of row) {
          const read = readCell('amount', cell);
          if ('error' in read) return read;
          cents.push('value' in read ? (read.value as number) : null);
        }
        grid.push(cents);
      }
      return { value: grid };
    }
    case 'shares': {
      const cells = flatten(toGrid(arg)).filter((cell) => !isBlank(cell));
      const read = cells.length === 1 ? parseShares(cells[0]) : cells.map(parseShare);
      const shares = Array.isArray(read) ? read : null;
      if (shares === null || shares.some((s) => typeof s !== 'number') || !isWholePlan(shares as number[]))
        return {
          error: catalogError({
            code: 'function.sharesInvalid',
            params: { value: cells.map((c) => String(c)).join('; ') },
          }),
        };
      return { value: shares };
    }
    default:
      throw new Error(`Argument type ${type} is read row by row or cell by cell`);
  }
}

function readCell(type: CellType, cell: CellValue, date1904 = false): Read<string | number> {
  if (isBlank(cell)) return { blank: true };
  // The parsers name an error cell themselves, as the grid readers say it.
  const parsed = type === 'date' ? parseDate(cell, date1904) : parseMoney(cell);
  if (parsed.kind === 'invalid') return { error: catalogError(parsed) };
  if (parsed.kind === 'date') return { value: parsed.iso };
  if (parsed.kind === 'amount') return { value: parsed.cents };
  return { blank: true };
}

function listOf(cells: CellValue[], allowComma: boolean): string[] {
  if (cells.length === 1) {
    const cell = cells[0];
    return typeof cell === 'string' ? rememberedList(cell, allowComma) : splitList(cell, { allowComma });
  }
  return cells.flatMap((cell) => splitList(cell, { allowComma }));
}

/** End dates typed as text repeat (results are only read). */
const endDateText = memoize(parseDate);

/**
 * Lists of cells already seen (a copy: callers own their array). A column is read again at every
 * recalculation, so most cells are seen again. When full, the memo keeps what it has instead of
 * starting over: over a column longer than the memo, clearing it at every turn kept nothing
 * useful and made the call slower than linear (garbage collection of lists that were never used).
 */
const CELL_LISTS: CacheBounds = { limit: 20_000, maxKeyLength: 200, whenFull: 'keep' };
const cellLists = [
  new BoundedCache<readonly string[]>(CELL_LISTS),
  new BoundedCache<readonly string[]>(CELL_LISTS),
];

function rememberedList(text: string, allowComma: boolean): string[] {
  return cellLists[allowComma ? 1 : 0].remember(text, (t) => textList(t, allowComma)).slice();
}

/** The column splitter every list cell of the catalog goes through. */
const textList = rememberingSplitter();
