/** The plan's priorities as staff type them in a cell: `2`, `P2`, `#2`, `Priorité 2`, `Habitation`. */

import type { Settings } from './settings.js';
import { BoundedCache } from './values/memo.js';
import { normalizeKey } from './values/text.js';

export interface ParsedPriorities {
  /** Distinct valid priority numbers, sorted. */
  numbers: number[];
  /** Items that name no priority of the settings, as typed (trimmed). */
  invalid: string[];
}

/** Lower case without accents, for the number patterns only (names go through normalizeKey). */
function plain(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/[’‘]/g, "'")
    .trim();
}

/**
 * A number with an optional prefix (`P2`, `#2`, `no 2`, `Priorité 2`, `Priorité d'action #2`,
 * `Priority 2`) and an optional label after a separator (`2 - Habitation`, `2. Habitation`).
 */
const NUMBERED =
  /^(?:(?:priorites?|priority|priorite d'action|p|no|n°|n|numero)\s*[.:]?\s*)?#?\s*(\d+)(?:\s*[-–—:.)]\s*|\s+|$)(.*)$/;

interface PriorityLookup {
  byNumber: Map<number, string>;
  /** normalized name or unambiguous keyword → number */
  byName: Map<string, number>;
  /** Items already read (staff repeat the same few spellings over thousands of rows). */
  parsed: BoundedCache<number | null>;
}

const lookups = new WeakMap<Settings['priorities'], PriorityLookup>();

function lookupFor(priorities: Settings['priorities']): PriorityLookup {
  let lookup = lookups.get(priorities);
  if (lookup) return lookup;
  const byNumber = new Map<number, string>();
  const byName = new Map<string, number>();
  const keywordOwners = new Map<string, Set<number>>();
  for (const p of priorities) {
    byNumber.set(p.number, normalizeKey(p.name));
    for (const keyword of p.keywords) {
      const key = normalizeKey(keyword);
      if (key === '') continue;
      const owners = keywordOwners.get(key) ?? new Set<number>();
      owners.add(p.number);
      keywordOwners.set(key, owners);
    }
  }
  // A keyword names a priority only when it belongs to exactly one; names win over keywords.
  for (const [key, owners] of keywordOwners) {
    if (owners.size === 1) byName.set(key, [...owners][0]);
  }
  for (const p of priorities) byName.set(normalizeKey(p.name), p.number);
  lookup = { byNumber, byName, parsed: new BoundedCache({ limit: 10_000 }) };
  lookups.set(priorities, lookup);
  return lookup;
}

/** The priority number an item names, or null. */
export function parsePriority(item: string, settings: Settings): number | null {
  const lookup = lookupFor(settings.priorities);
  return lookup.parsed.remember(item, (text) => readPriority(text, lookup));
}

function readPriority(item: string, lookup: PriorityLookup): number | null {
  const text = item.trim();
  if (text === '') return null;
  const numbered = NUMBERED.exec(plain(text));
  if (numbered) {
    const number = Number(numbered[1]);
    const name = lookup.byNumber.get(number);
    if (name === undefined) return null;
    const label = numbered[2].trim();
    // `2 - Habitation` is fine; `2 - Sécurité alimentaire` contradicts itself.
    if (label === '' || normalizeKey(label) === name) return number;
    return null;
  }
  return lookup.byName.get(normalizeKey(text)) ?? null;
}

export function parsePriorities(items: readonly string[], settings: Settings): ParsedPriorities {
  const numbers = new Set<number>();
  const invalid: string[] = [];
  for (const item of items) {
    if (item.trim() === '') continue;
    const number = parsePriority(item, settings);
    if (number !== null) {
      numbers.add(number);
      continue;
    }
    // « 1,2 » typed in a French spreadsheet becomes the number 1.2: read it as priorities 1 and 2
    // when every digit is one.
    const digits = /^\s*(\d)[.,](\d+)\s*$/.exec(item);
    const split = digits ? [...`${digits[1]}${digits[2]}`].map((d) => parsePriority(d, settings)) : [];
    if (split.length > 0 && split.every((n) => n !== null)) for (const n of split) numbers.add(n as number);
    else invalid.push(item.trim());
  }
  return { numbers: [...numbers].sort((a, b) => a - b), invalid };
}
