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
): (...args: unknown[]) => unknown[][] {
  return (...args: unknown[]) => {
    // Excel appends its invocation object after the arguments it passes: never a cell value.
    const values = fn.params.map((_, i) => (isInvocation(args[i]) ? null : (args[i] ?? null)));
    return excelResult(fn.invoke(values, { lang }), runtime, lang);
  };
}

/** Cell arguments are values, 2-D arrays, dates or null; Excel's invocation is a plain object. */
function isInvocation(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) && !(arg instanceof Date);
}

/** Registers every catalog function under its id (`ELIGIBLE` → `=ALLIANCE.ELIGIBLE`). */
export function associateFunctions(
  runtime: CustomFunctionsRuntime,
  catalog: readonly CatalogFunction[] = CATALOG,
  lang: Lang = 'fr',
): string[] {
  for (const fn of catalog) runtime.associate(fn.name, excelFunction(fn, runtime, lang));
  return catalog.map((fn) => fn.name);
}
