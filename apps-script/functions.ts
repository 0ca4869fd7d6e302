/**
 * The `=ALLIANCE_…` custom functions over the core catalog, with Sheets-shaped arguments: a single
 * cell arrives as a value, a range as a 2-D array, an empty cell as `''`, a date as a `Date`, an
 * omitted optional argument as `undefined`.
 */
import {
  CATALOG,
  type CatalogCell,
  type CatalogError,
  type CatalogFunction,
  type CatalogName,
  isCatalogError,
} from '../core/catalog/catalog.js';
import { enErrorNames } from '../core/messages/en.js';
import { frErrorNames } from '../core/messages/fr.js';
import type { Lang } from '../core/messages/index.js';
import type { SpreadsheetClock } from './time-zone.js';

/** What a custom function returns to Sheets: never an error object, never null. */
export type SheetsCell = string | number | boolean;

export const SHEETS_PREFIX = 'ALLIANCE_';

export function sheetsFunctionName(fn: CatalogFunction): string {
  return `${SHEETS_PREFIX}${fn.name}`;
}

/** The error names Sheets shows in each language, so an error cell reads like Sheets' own. */
const ERROR_NAMES: Record<Lang, Record<CatalogError['error'], string>> = {
  fr: frErrorNames,
  en: enErrorNames,
};

/**
 * Runs one catalog function as Sheets calls it. A bad cell becomes an error text in that cell of
 * the result (`#VALEUR! Montant illisible : …`); the rest of the column still computes.
 */
export function runCustomFunction(
  name: CatalogName,
  args: readonly unknown[],
  lang: Lang = 'fr',
  clock?: SpreadsheetClock,
): SheetsCell[][] {
  const fn = CATALOG.find((f) => f.name === name);
  if (!fn) throw new Error(`Unknown catalog function ${name}`);
  // An omitted optional argument arrives as undefined; the catalog expects one per parameter and
  // itself drops the blank rows a whole-column reference (`C2:C`) hands over.
  const full = fn.declaration.params.map((_, i) => (clock ? onClock(args[i], clock) : args[i]));
  try {
    const result = fn.invoke(full, { lang });
    if (result.length === 0) return [['']];
    return result.map((row) => row.map((cell) => toSheetsCell(cell, lang)));
  } catch (error) {
    // The catalog does not throw on data; should it, one readable cell beats a blank column.
    return [[`${ERROR_NAMES[lang]['#VALUE!']} ${error instanceof Error ? error.message : String(error)}`]];
  }
}

/** An argument's dates as their readings on the spreadsheet's clock, as the actions read them. */
function onClock(arg: unknown, clock: SpreadsheetClock): unknown {
  if (Array.isArray(arg)) return arg.map((item) => onClock(item, clock));
  return Object.prototype.toString.call(arg) === '[object Date]' ? clock.reading(arg as Date) : arg;
}

export function toSheetsCell(cell: CatalogCell, lang: Lang = 'fr'): SheetsCell {
  if (isCatalogError(cell)) {
    return `${ERROR_NAMES[lang][cell.error] ?? cell.error} ${lang === 'en' ? cell.messageEn : cell.message}`;
  }
  return cell;
}
