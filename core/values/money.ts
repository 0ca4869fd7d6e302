/** fr-CA money: parsing every form staff type, formatting the way Quebec reads it. Integer cents only. */
import { type CellValue, isErrorValue } from '../cells.js';
import type { Coded } from '../messages/codes.js';
import { FORMATS } from '../messages/format.js';

export type MoneyParse =
  | { kind: 'blank' }
  | { kind: 'amount'; cents: number; fromText: boolean }
  | ({ kind: 'invalid' } & Coded<'money.invalid' | 'money.ambiguous' | 'money.errorValue'>);

/** Invariant number format codes (Excel `numberFormat`, Sheets `setNumberFormat`); the locale renders them. */
export const MONEY_FORMAT = '#,##0 "$";-#,##0 "$";"- $"';
export const MONEY_FORMAT_CENTS = '#,##0.00 "$";-#,##0.00 "$";"- $"';

const NBSP = '\u00A0';
/** Group separators staff paste: space, no-break (fr-CA), narrow no-break (fr-FR), thin, figure. */
const GROUP_SPACES = /[ \u00A0\u202F\u2009\u2007\u200A\t]+/g;

/** Exact for JSON output: an integer divided by 100 prints as its decimal form. */
export function centsToDollars(cents: number): number {
  return cents / 100;
}

/**
 * Dollars (a spreadsheet number) → cents, rounding half away from zero on the number's shortest
 * decimal form, so that 0.29, 1.005 or 195007.5 never suffer from binary noise.
 * Returns null for values that are not finite or too large to count in cents exactly.
 */
export function dollarsToCents(dollars: number): number | null {
  if (!Number.isFinite(dollars)) return null;
  const negative = dollars < 0;
  const text = String(Math.abs(dollars));
  let cents: number;
  if (/e/i.test(text)) {
    cents = Math.round(Math.abs(dollars) * 100);
  } else {
    const [whole, fraction = ''] = text.split('.');
    const firstTwo = Number(`${fraction}00`.slice(0, 2));
    const roundUp = fraction.length > 2 && fraction[2] >= '5' ? 1 : 0;
    cents = Number(whole) * 100 + firstTwo + roundUp;
  }
  if (!Number.isSafeInteger(cents)) return null;
  return negative && cents !== 0 ? -cents : 0 + cents;
}

function invalid(code: 'money.invalid' | 'money.ambiguous' | 'money.errorValue', value: string): MoneyParse {
  return { kind: 'invalid', code, params: { value } };
}

/**
 * A cell's amount. Numbers are dollars. Text accepts `195 007 $`, `195 007,50 $`, `$195,007.50`,
 * `195.007,50 $`, `25 k$`, `2,5 k$`, `- $` (zero), `-1 234 $`, `(1 234 $)`, `$195,007`, `-$1,500`.
 * `1,234` alone (or `1,234 $`) could be thousands or decimals: reported as `money.ambiguous`, never
 * guessed; a `$` written first is English, so there the comma groups thousands.
 */
export function parseMoney(value: CellValue): MoneyParse {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') {
    const cents = dollarsToCents(value);
    if (cents === null) return invalid('money.invalid', String(value));
    return { kind: 'amount', cents, fromText: false };
  }
  if (typeof value === 'boolean') return invalid('money.invalid', value ? 'VRAI' : 'FAUX');
  if (value instanceof Date) return invalid('money.invalid', describeDate(value));
  if (typeof value !== 'string') return invalid('money.invalid', String(value));
  const text = value.normalize('NFC').trim();
  if (text === '') return { kind: 'blank' };
  if (isErrorValue(text)) return invalid('money.errorValue', text);
  const cents = parseMoneyText(text);
  if (cents === 'ambiguous') return invalid('money.ambiguous', text);
  if (cents === null) return invalid('money.invalid', text);
  return { kind: 'amount', cents, fromText: true };
}

function describeDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'date' : date.toISOString().slice(0, 10);
}

/** Text → cents, `'ambiguous'` or null (not an amount). */
function parseMoneyText(original: string): number | 'ambiguous' | null {
  let text = original.replace(/[\u2212\u2012\u2013\u2014]/g, '-').replace(GROUP_SPACES, ' ');
  let negative = false;
  const parenthesized = /^\((.*)\)$/.exec(text);
  if (parenthesized) {
    negative = true;
    text = parenthesized[1].trim();
  }
  // Currency words and symbol, before or after; a multiplier (k$, M$) only after the number.
  // A `$` first is how English writes amounts: then `195,007` groups thousands.
  let dollarFirst = /^-?\s*\$/.test(text);
  text = text.replace(/^(?:CA\$|C\$|\$\s*CA|CAD|\$)\s*/i, '');
  // Twice, for `25 000 $ CAD`.
  for (let i = 0; i < 2; i++) text = text.replace(/\s*(?:\$\s*CAN?|CA\$|\$|CAD|dollars?)$/i, '');
  text = text.trim();
  let multiplier = 1;
  const scaled = /^(.*?)\s*([kKM])$/.exec(text);
  if (scaled) {
    multiplier = scaled[2] === 'M' ? 1_000_000 : 1000;
    text = scaled[1].trim();
  }
  if (!parenthesized) {
    const minus = /^-\s*(?:\$\s*)?(.*)$/.exec(text);
    if (minus) {
      negative = true;
      text = minus[1].trim();
      // `- $`, `-   $`: the accounting zero.
      if (text === '' && multiplier === 1) return 0;
    }
  }
  dollarFirst &&= multiplier === 1;
  const number =
    dollarFirst && ENGLISH_GROUPED.test(text)
      ? { whole: text.replace(/,/g, ''), fraction: '' }
      : parseDecimal(text);
  if (number === null || number === 'ambiguous') return number;
  const cents = scaleCents(number, multiplier);
  if (cents === null) return null;
  return negative && cents !== 0 ? -cents : cents;
}

interface Decimal {
  whole: string;
  fraction: string;
}

const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+$/;
/** `195,007`: comma groups of exactly three digits, read as thousands only after a leading `$`. */
const ENGLISH_GROUPED = /^\d{1,3}(?:,\d{3})+$/;

/** Digits with group separators and one decimal mark → its parts; ambiguity is not guessed. */
function parseDecimal(text: string): Decimal | 'ambiguous' | null {
  if (!/^[\d ,.]+$/.test(text) || !/\d/.test(text)) return null;
  const commas = (text.match(/,/g) ?? []).length;
  const points = (text.match(/\./g) ?? []).length;
  if (commas > 0 && points > 0) {
    // Both marks: the last one is the decimal mark, the other groups thousands.
    const decimalMark = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const groupMark = decimalMark === ',' ? '.' : ',';
    const at = text.lastIndexOf(decimalMark);
    const whole = text.slice(0, at);
    const fraction = text.slice(at + 1);
    if (text.split(decimalMark).length !== 2 || !/^\d{1,2}$/.test(fraction)) return null;
    if (!new RegExp(`^\\d{1,3}(?:\\${groupMark}\\d{3})+$`).test(whole)) return null;
    return { whole: whole.split(groupMark).join(''), fraction };
  }
  const mark = commas > 0 ? ',' : points > 0 ? '.' : null;
  if (mark === null) return wholeNumber(text, '');
  const count = Math.max(commas, points);
  if (count > 1) {
    // `1,234,567` or `1.234.567`: the mark can only group thousands.
    if (!new RegExp(`^\\d{1,3}(?:\\${mark}\\d{3})+$`).test(text)) return null;
    return { whole: text.split(mark).join(''), fraction: '' };
  }
  const [whole, fraction] = text.split(mark);
  if (!/^\d*$/.test(fraction) || fraction === '') return null;
  if (fraction.length <= 2) return wholeNumber(whole, fraction);
  // `1,234` or `12.500`: thousands or decimals? Only a person can say.
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) return 'ambiguous';
  return null;
}

function wholeNumber(whole: string, fraction: string): Decimal | null {
  const trimmed = whole.trim();
  if (trimmed === '') return fraction === '' ? null : { whole: '0', fraction };
  if (/^\d+$/.test(trimmed)) return { whole: trimmed, fraction };
  if (SPACE_GROUPED.test(trimmed)) return { whole: trimmed.replace(/ /g, ''), fraction };
  return null;
}

function scaleCents(number: Decimal, multiplier: number): number | null {
  const digits = `${number.whole}${number.fraction.padEnd(2, '0')}`;
  const cents = Number(digits) * multiplier;
  if (!Number.isSafeInteger(cents)) return null;
  return cents;
}

/**
 * `195 007 $`, `25 350,72 $`, `-1 234 $`, `0 $` (no-break spaces): the French writing of `messages/format.ts`.
 * `cents` forces or hides the decimals; by default they show only when the amount has cents.
 */
export function formatMoney(cents: number, options: { cents?: boolean } = {}): string {
  return FORMATS.fr.money(cents, options);
}

/** The spreadsheet's accounting style: zero shows as `- $`. */
export function formatMoneyAccounting(cents: number, options: { cents?: boolean } = {}): string {
  if (cents === 0) return `-${NBSP}$`;
  return formatMoney(cents, options);
}
