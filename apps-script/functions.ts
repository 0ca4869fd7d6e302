/**
 * The `=ALLIANCE_…` custom functions over the core catalog, with Sheets-shaped arguments: a single
 * cell arrives as a value, a range as a 2-D array, an empty cell as `''`, a date as a `Date`, an
 * omitted optional argument as `undefined`.
 */
import {
  CATALOG,
  type CatalogCell,
  type CatalogFunction,
  type CatalogName,
  isCatalogError,
} from '../core/catalog/catalog.js';
import { isBlank } from '../core/cells.js';
import type { Lang } from '../core/messages/index.js';

/** What a custom function returns to Sheets: never an error object, never null. */
export type SheetsCell = string | number | boolean;

export const SHEETS_PREFIX = 'ALLIANCE_';

export function sheetsFunctionName(fn: CatalogFunction): string {
  return `${SHEETS_PREFIX}${fn.name}`;
}

/**
 * Parameters that are not one row per project (a settings table, weights or envelopes): their
 * trailing blank rows are trimmed on their own, never cut to the projects' length.
 */
export const UNALIGNED_PARAMS: ReadonlySet<string> = new Set([
  'parametres',
  'ponderations',
  'maximums',
  'enveloppes',
]);

/** The error names a French Sheets shows, so an error cell reads like Sheets' own. */
const ERROR_NAMES: Record<Lang, Record<string, string>> = {
  fr: { '#VALUE!': '#VALEUR!', '#N/A': '#N/A', '#NUM!': '#NOMBRE!' },
  en: { '#VALUE!': '#VALUE!', '#N/A': '#N/A', '#NUM!': '#NUM!' },
};

/**
 * Runs one catalog function as Sheets calls it. A bad cell becomes an error text in that cell of
 * the result (`#VALEUR! Montant illisible : …`); the rest of the column still computes.
 */
export function runCustomFunction(
  name: CatalogName,
  args: readonly unknown[],
  lang: Lang = 'fr',
): SheetsCell[][] {
  const fn = CATALOG.find((f) => f.name === name);
  if (!fn) throw new Error(`Unknown catalog function ${name}`);
  // An omitted optional argument arrives as undefined; the catalog expects one per parameter.
  const full = fn.params.map((_, i) => args[i]);
  const trimmed = trimArguments(fn, full);
  try {
    const result = fn.invoke(trimmed, { lang });
    if (result.length === 0) return [['']];
    return result.map((row) => row.map((cell) => toSheetsCell(cell, lang)));
  } catch (error) {
    // The catalog does not throw on data; should it, one readable cell beats a blank column.
    return [[`${ERROR_NAMES[lang]['#VALUE!']} ${error instanceof Error ? error.message : String(error)}`]];
  }
}

export function toSheetsCell(cell: CatalogCell, lang: Lang = 'fr'): SheetsCell {
  if (isCatalogError(cell)) {
    return `${ERROR_NAMES[lang][cell.error] ?? cell.error} ${lang === 'en' ? cell.messageEn : cell.message}`;
  }
  return cell;
}

/**
 * A whole-column call (`C2:C`) hands over every row down to the end of the sheet. Project
 * arguments are cut together after the last row where any of them holds a value, so the result is
 * as long as the data; the other arguments lose their own trailing blank rows.
 */
export function trimArguments(fn: CatalogFunction, args: readonly unknown[]): unknown[] {
  const aligned = args.map((_, i) => !UNALIGNED_PARAMS.has(fn.params[i]?.name ?? ''));
  let projectRows = 0;
  args.forEach((arg, i) => {
    if (aligned[i] && Array.isArray(arg)) projectRows = Math.max(projectRows, usedRows(arg));
  });
  return args.map((arg, i) => {
    if (!Array.isArray(arg) || arg.length <= 1) return arg;
    const keep = Math.max(1, aligned[i] ? projectRows : usedRows(arg));
    return keep < arg.length ? arg.slice(0, keep) : arg;
  });
}

/** Rows up to the last one holding a non-blank cell. */
function usedRows(grid: unknown[]): number {
  for (let r = grid.length - 1; r >= 0; r--) {
    const row = grid[r];
    const cells = Array.isArray(row) ? row : [row];
    if (cells.some((cell) => !isBlank(cell))) return r + 1;
  }
  return 0;
}
