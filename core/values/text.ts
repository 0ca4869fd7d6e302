/** Comparison keys for what staff type: names, organizations, headers. */
import { memoize } from './memo.js';

/** Spaces a spreadsheet may hold: normal, no-break (fr-CA `Intl`), narrow no-break (fr-FR), thin, figure. */
const SPACE_CHARS = '\\s\\u00A0\\u202F\\u2009\\u2007\\u200A';
const DASH_CHARS = '\\-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212';
const APOSTROPHES = /[\u2019\u2018\u02BC\u00B4\u0060\u2032]/g;

/*
 * Keys are remembered per distinct text (core/cache.ts): the same municipality, organization and
 * header spellings recur over thousands of rows, and each key costs two Unicode normalizations and
 * several regular expressions.
 */

/** Removes diacritics (é → e, ç → c) and expands the ligatures French uses (œ → oe). */
export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .normalize('NFC');
}

/** Typographic apostrophes (’ ‘ ʼ) → plain `'`. */
export function plainApostrophes(text: string): string {
  return text.replace(APOSTROPHES, "'");
}

/** Every kind of space → one ASCII space, runs collapsed, trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(new RegExp(`[${SPACE_CHARS}]+`, 'g'), ' ').trim();
}

/** Spaces, dashes and periods separate words (« St.-Hyacinthe », « Ste.Madeleine »). */
const SEPARATOR_RUN = new RegExp(`[${SPACE_CHARS}${DASH_CHARS}.]+`, 'g');
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte' };

/**
 * The key municipality names are compared on (domain.md §3): NFC, lower case, accents removed,
 * « St »/« Ste » (with or without a period) expanded as whole words, spaces, dashes and periods →
 * one hyphen, typographic apostrophe → `'`. `St-Hyacinthe`, `ST. HYACINTHE` and `Saint–Hyacinthe`
 * all give `saint-hyacinthe`.
 */
export function normalizeKey(text: string): string {
  return normalizeKeyRemembered(text);
}

const normalizeKeyRemembered = memoize((text) =>
  plainApostrophes(stripAccents(text.normalize('NFC')).toLowerCase())
    .replace(SEPARATOR_RUN, '-')
    .replace(/^[-,;:"«»]+|[-,;:"«»]+$/g, '')
    .split('-')
    .filter((word) => word !== '')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join('-'),
);

/**
 * Organizations compared without case, accents, punctuation or extra spaces:
 * « Moisson Maskoutaine inc. » and « moisson maskoutaine, INC » give the same key.
 */
export function organizationKey(name: string): string {
  return organizationKeyRemembered(name);
}

const organizationKeyRemembered = memoize((name) =>
  collapseSpaces(
    stripAccents(name.normalize('NFC'))
      .toLowerCase()
      // Periods and apostrophes join (« S.O.S. » is « SOS »); other punctuation separates words.
      .replace(/[.'’]/g, '')
      .replace(/[\p{P}\p{S}]+/gu, ' '),
  ),
);

/**
 * Header comparison: case, accents, extra spaces and a trailing colon ignored, typographic
 * apostrophes made plain. « Organismes partenaires : » = « organismes partenaires ».
 */
export function headerKey(text: string): string {
  return headerKeyRemembered(text);
}

const headerKeyRemembered = memoize((text) =>
  collapseSpaces(plainApostrophes(stripAccents(text.normalize('NFC')).toLowerCase()))
    .replace(/\s*:+$/, '')
    .trim(),
);

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, previous2[j - 2] + 1);
      }
      current.push(best);
    }
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}
