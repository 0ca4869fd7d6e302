/// <reference types="custom-functions-runtime" />
/**
 * Excel custom functions: thin wrappers over the catalog. Excel passes each parameter as a 2-D
 * array (`null` for empty cells) and always appends an invocation object, which is dropped here;
 * results go back as 2-D arrays that spill, `''` instead of `null` (Excel would show 0), and a
 * failing cell becomes a `CustomFunctions.Error` carrying the catalog's French message.
 */
import {
  CATALOG,
  type CatalogCell,
  type CatalogError,
  type CatalogFunction,
  type CatalogResult,
  isCatalogError,
} from '../core/catalog/catalog.js';
import type { Lang } from '../core/messages/index.js';

/** The part of Excel's `CustomFunctions` runtime used here (the real one, or a test double). */
export interface CustomFunctionsRuntime {
  associate(id: string, fn: (...args: unknown[]) => unknown): void;
  Error: new (code: never, message?: string) => unknown;
  ErrorCode: { invalidValue: string; notAvailable: string; invalidNumber: string };
}

export type ExcelResultCell = string | number | boolean | unknown;

/** Which `CustomFunctions.ErrorCode` shows each catalog error. */
function errorCode(runtime: CustomFunctionsRuntime, error: CatalogError['error']): string {
  if (error === '#N/A') return runtime.ErrorCode.notAvailable;
  if (error === '#NUM!') return runtime.ErrorCode.invalidNumber;
  return runtime.ErrorCode.invalidValue;
}

function excelCell(cell: CatalogCell, runtime: CustomFunctionsRuntime, lang: Lang): ExcelResultCell {
  if (isCatalogError(cell)) {
    return new runtime.Error(
      errorCode(runtime, cell.error) as never,
      lang === 'en' ? cell.messageEn : cell.message,
    );
  }
  return cell ?? '';
}

/** A catalog result as Excel takes it back. */
export function excelResult(
  result: CatalogResult,
  runtime: CustomFunctionsRuntime,
  lang: Lang = 'fr',
): unknown[][] {
  if (result.length === 0) return [['']];
  return result.map((row) => (row.length === 0 ? [''] : row.map((cell) => excelCell(cell, runtime, lang))));
}

/** The function Excel calls for one catalog entry. */
export function excelFunction(
  fn: CatalogFunction,
  runtime: CustomFunctionsRuntime,
  lang: Lang = 'fr',
  dateSystem: DateSystem = DATE_SYSTEM_1900,
): (...args: unknown[]) => unknown[][] {
  return (...args: unknown[]) => {
    // Excel appends its invocation object after the arguments it passes: never a cell value.
    const values = fn.declaration.params.map((_, i) => (isInvocation(args[i]) ? null : (args[i] ?? null)));
    const options = { lang, date1904: dateSystem.date1904 };
    return excelResult(fn.invoke(cellArguments(values), options), runtime, lang);
  };
}

/**
 * The workbook's date system as the functions know it. Until Excel has answered (`pending`), a
 * call waits for the answer rather than read its dates four years off.
 */
export interface DateSystem {
  date1904: boolean;
  pending: Promise<unknown> | null;
}

/** Excel's default, and what a host that cannot say is taken to use. */
export const DATE_SYSTEM_1900: DateSystem = { date1904: false, pending: null };

/**
 * Asks the workbook once (DATE(1904;1;1) is 0 only in the 1904 system): a read before calculation,
 * as learn.microsoft.com/office/dev/add-ins/excel/call-excel-apis-from-custom-function allows in a
 * shared runtime. No answer within `waitMs`, or a failure, leaves 1900: no call waits forever.
 */
export function askDateSystem(ask: () => Promise<boolean>, waitMs = 10_000): DateSystem {
  const system: DateSystem = { date1904: false, pending: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), waitMs);
  });
  system.pending = Promise.race([Promise.resolve().then(ask), giveUp])
    .then(
      (is1904) => {
        system.date1904 = is1904;
      },
      () => undefined,
    )
    .finally(() => {
      clearTimeout(timer);
      system.pending = null;
    });
  return system;
}

/** Cell arguments are values, 2-D arrays, dates or null; Excel's invocation is a plain object. */
function isInvocation(arg: unknown): boolean {
  return (
    typeof arg === 'object' &&
    arg !== null &&
    !Array.isArray(arg) &&
    !(arg instanceof Date) &&
    !isErrorCell(arg)
  );
}

/**
 * With `allowErrorForDataTypeAny`, an error cell arrives as a `CustomFunctions.Error` whose `code`
 * is the error as Excel shows it (`#N/A`: learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors).
 */
function isErrorCell(cell: unknown): cell is { code: string } {
  return (
    typeof cell === 'object' &&
    cell !== null &&
    typeof (cell as { code?: unknown }).code === 'string' &&
    (cell as { code: string }).code.startsWith('#')
  );
}

/**
 * The arguments as the catalog takes them: error cells as their text (the catalog answers that
 * row with an error), and whole columns (`C:C`, a million rows) cut after the last row any
 * argument fills, before any work: the result spills as far as the data goes.
 */
export function cellArguments(args: readonly unknown[]): unknown[] {
  const filledRows = Math.max(0, ...args.map(lastFilledRow));
  return args.map((arg) => {
    if (!Array.isArray(arg)) return isErrorCell(arg) ? arg.code : arg;
    const rows = arg.length > filledRows ? arg.slice(0, Math.max(1, filledRows)) : arg;
    return rows.map((row) =>
      Array.isArray(row) ? row.map((cell) => (isErrorCell(cell) ? cell.code : cell)) : row,
    );
  });
}

/** 1 + the last row of a 2-D argument holding a cell that is not empty; 0 for none. */
function lastFilledRow(arg: unknown): number {
  if (!Array.isArray(arg)) return 0;
  for (let r = arg.length - 1; r >= 0; r--) {
    const row = arg[r];
    if (Array.isArray(row) ? row.some((cell) => cell !== null && cell !== '') : row !== null) return r + 1;
  }
  return 0;
}

/** Registers every catalog function under its id (`ELIGIBLE` → `=ALLIANCE.ELIGIBLE`). */
export function associateFunctions(
  runtime: CustomFunctionsRuntime,
  catalog: readonly CatalogFunction[] = CATALOG,
  lang: Lang = 'fr',
  dateSystem: DateSystem = DATE_SYSTEM_1900,
): string[] {
  for (const fn of catalog) {
    const call = excelFunction(fn, runtime, lang, dateSystem);
    runtime.associate(fn.name, (...args: unknown[]) =>
      dateSystem.pending ? dateSystem.pending.then(() => call(...args)) : call(...args),
    );
  }
  return catalog.map((fn) => fn.name);
}
