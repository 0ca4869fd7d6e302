/*
 * How each language writes a raw value: the one place that knows `195 007 $` from `$195,007`.
 * The locale tables and every other user-facing text call these; no rule formats a value itself.
 */

export type Lang = 'fr' | 'en';

const NBSP = '\u00a0';

export interface Formats {
  /** `195 007 $` / `$195,007`; `cents` forces or hides the decimals (by default shown only when there are some). */
  money(cents: number, options?: { cents?: boolean }): string;
  /** `7,5` / `7.5`: the rule rounds, the language picks the mark. */
  decimal(value: number): string;
  /** The word for `count` things: French takes the singular for 0 and 1, English only for 1. */
  plural(count: number, one: string, many: string): string;
  /** `a, b, c`. */
  list(items: readonly string[]): string;
  /** A whole number with thousands grouped: `1 234` / `1,234`. */
  integer(value: number): string;
  /** Cells, the first few named: `Projets!H5, Projets!H7 et 12 autres`. */
  cells(items: readonly string[]): string;
}

/** How many cells a sentence names before it counts the rest. */
const CELLS_NAMED = 6;

function cellsText(items: readonly string[], more: (hidden: string) => string, lang: Lang): string {
  if (items.length <= CELLS_NAMED) return items.join(', ');
  const hidden = countText(items.length - CELLS_NAMED, lang === 'fr' ? 'fr-CA' : 'en-CA');
  return `${items.slice(0, CELLS_NAMED).join(', ')} ${more(hidden)}`;
}

function groupThousands(digits: string, mark: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, mark);
}

function moneyText(cents: number, lang: Lang, options: { cents?: boolean } = {}): string {
  if (!Number.isFinite(cents)) return String(cents);
  const [group, decimalMark] = lang === 'fr' ? [NBSP, ','] : [',', '.'];
  const rounded = Math.round(cents);
  const absolute = Math.abs(rounded);
  const showCents = options.cents ?? absolute % 100 !== 0;
  const dollars = Math.floor(absolute / 100);
  const remainder = absolute % 100;
  // Hidden cents round half away from zero, as a spreadsheet format does.
  const digits = showCents
    ? `${groupThousands(String(dollars), group)}${decimalMark}${String(remainder).padStart(2, '0')}`
    : groupThousands(String(dollars + (remainder >= 50 ? 1 : 0)), group);
  const sign = rounded < 0 && /[1-9]/.test(digits) ? '-' : '';
  return lang === 'fr' ? `${sign}${digits}${NBSP}$` : `${sign}$${digits}`;
}

function decimalText(value: number, lang: Lang): string {
  const text = String(value);
  return lang === 'fr' ? text.replace('.', ',') : text;
}

function countText(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export const FORMATS: Record<Lang, Formats> = {
  fr: {
    money: (cents, options) => moneyText(cents, 'fr', options),
    decimal: (value) => decimalText(value, 'fr'),
    plural: (count, one, many) => (Math.abs(count) > 1 ? many : one),
    list: (items) => items.join(', '),
    integer: (value) => countText(value, 'fr-CA'),
    cells: (items) => cellsText(items, (hidden) => `et ${hidden} autres`, 'fr'),
  },
  en: {
    money: (cents, options) => moneyText(cents, 'en', options),
    decimal: (value) => decimalText(value, 'en'),
    plural: (count, one, many) => (count === 1 ? one : many),
    list: (items) => items.join(', '),
    integer: (value) => countText(value, 'en-CA'),
    cells: (items) => cellsText(items, (hidden) => `and ${hidden} more`, 'en'),
  },
};
