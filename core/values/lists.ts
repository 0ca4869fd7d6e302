/**
 * Lists inside one cell: `;` or line breaks, and where the column allows it (municipalities,
 * priorities) also `,`, `/` and the word « et ». The one splitter.
 */
import type { CellValue } from '../cells.js';
import { memoize } from './memo.js';

const BULLET = /^(?:[•·▪◦]\s*|[*-]\s+)/;
const SEPARATORS = /[;\r\n\u2028\u2029]+/;
const SEPARATORS_COMMA = /[;,\r\n\u2028\u2029]+/;
const SEPARATORS_PLACES = /(?:[;,/\r\n\u2028\u2029]|\s+et\s+)+/i;
/** Text the hand-made split below does not cut: it takes the regular-expression path. */
const WORD_OR_SLASH = /\/|\set\s/i;

/** One piece between separators, trimmed, inner spaces collapsed, bullet dropped; null when empty. */
function cleanItem(raw: string): string | null {
  const item = raw
    .replace(/[\s\u00A0\u202F\u2009\u2007\u200A]+/g, ' ')
    .trim()
    .replace(BULLET, '')
    .trim();
  return item === '' ? null : item;
}

/** The items of a value that is not text: a number, a boolean, a date. */
function nonTextItems(value: CellValue): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [String(value)] : [];
  if (typeof value === 'boolean') return [value ? 'VRAI' : 'FAUX'];
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? [] : [value.toISOString().slice(0, 10)];
  }
  return [];
}

/**
 * Items of a cell, trimmed, inner spaces collapsed, empty ones dropped. `allowComma` for
 * municipalities and priorities, where a comma, a slash or the word « et » is never part of a
 * name (« Saint-Pie / Saint-Damase », « 1 et 3 »); organization names may hold them
 * (« Moisson Maskoutaine, inc. »), so they split on `;` and line breaks only.
 */
export function splitList(
  value: CellValue,
  options: {
    allowComma?: boolean /** Paramètres' keyword lists: commas only. */;
    wordSeparators?: boolean;
  } = {},
): string[] {
  if (typeof value !== 'string') return nonTextItems(value);
  const items: string[] = [];
  const separators = options.allowComma
    ? options.wordSeparators === false
      ? SEPARATORS_COMMA
      : SEPARATORS_PLACES
    : SEPARATORS;
  for (const raw of value.normalize('NFC').split(separators)) {
    const item = cleanItem(raw);
    if (item !== null) items.push(item);
  }
  return exactLength(items);
}

const SEMICOLON = 59;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Text below U+0300 without U+2028/U+2029: already NFC (nothing there composes or decomposes) and
 * its only list separators are `;`, `,`, CR and LF, so a list splits without Unicode work.
 */
function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x300) return false;
  return true;
}

/**
 * `splitList` for whole columns: town and organization names repeat from row to row, so each
 * distinct piece is cleaned once, and plain text is split by hand (a regular expression split
 * costs more than the rest of the row). Same items as `splitList`, always.
 */
export function rememberingSplitter(): (value: CellValue, allowComma: boolean) => string[] {
  const item = memoize(cleanItem);
  return (value, allowComma) => {
    if (typeof value !== 'string') return nonTextItems(value);
    const items: string[] = [];
    if (!isPlainText(value) || (allowComma && WORD_OR_SLASH.test(value))) {
      for (const piece of value.normalize('NFC').split(allowComma ? SEPARATORS_PLACES : SEPARATORS)) {
        const cleaned = item(piece);
        if (cleaned !== null) items.push(cleaned);
      }
      return exactLength(items);
    }
    let start = 0;
    for (let i = 0; i <= value.length; i++) {
      const code = i < value.length ? value.charCodeAt(i) : SEMICOLON;
      if (code !== SEMICOLON && code !== LF && code !== CR && !(allowComma && code === COMMA)) continue;
      if (i > start) {
        const cleaned = item(value.slice(start, i));
        if (cleaned !== null) items.push(cleaned);
      }
      start = i + 1;
    }
    return exactLength(items);
  };
}

/**
 * The same items in an array of their exact length. An array filled by push keeps room for 17
 * elements: the analysis of 10 000 projects keeps some 140 000 such small lists (towns, priorities,
 * reasons…), and their spare room was half of what the garbage collector had to move.
 */
export function exactLength<T>(items: T[]): T[] {
  return items.length === 0 ? [] : items.slice();
}

/** The one separator Reformater writes. */
export function joinList(items: readonly string[]): string {
  return items.join('; ');
}
