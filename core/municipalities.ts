/** The municipality matcher of domain.md §3: exact keys only, never a fuzzy match into a count. */

import { type Issue, issue } from './issues.js';
import { MERGED_SECTORS, type Settings } from './settings.js';
import { exactLength } from './values/lists.js';
import { BoundedCache } from './values/memo.js';
import { editDistance, normalizeKey } from './values/text.js';

export type MunicipalityMatch =
  | { kind: 'official'; name: string; sector?: string }
  | { kind: 'variant'; name: string; input: string; merged: boolean; sector?: string }
  | { kind: 'all' }
  | { kind: 'unrecognized'; input: string; suggestion?: string; several?: true };

export interface MunicipalitiesResult {
  /** Distinct official names, sorted the French way. */
  names: string[];
  /** `several`: the text names more than one municipality, with a separator the reader does not know. */
  unrecognized: { input: string; suggestion?: string; several?: true }[];
  variants: { input: string; name: string; merged: boolean }[];
  /** « Toutes », « Ensemble de la MRC »…: every municipality of the territory. */
  all: boolean;
}

export interface MunicipalityMatcher {
  match(input: string): MunicipalityMatch;
  matchAll(items: string[]): MunicipalitiesResult;
  officialNames: string[];
}

// One collator for every comparison: `localeCompare(b, 'fr')` builds the same collator per call.
const FRENCH = new Intl.Collator('fr');

export function compareFrench(a: string, b: string): number {
  return FRENCH.compare(a, b);
}

/**
 * Legal designations staff add: « Ville de Saint-Hyacinthe », « Sainte-Madeleine (village) ».
 * Accepted only when they agree with the municipality's own designation, because « paroisse » is
 * exactly what tells Sainte-Marie-Madeleine from the village of Sainte-Madeleine.
 */
const DESIGNATIONS: Record<string, string> = {
  ville: 'ville',
  v: 'ville',
  city: 'ville',
  municipalite: 'municipalite',
  m: 'municipalite',
  village: 'village',
  vl: 'village',
  paroisse: 'paroisse',
  p: 'paroisse',
};
/** Designation of each official key; every other municipality of the MRC is a « municipalité ». */
const KNOWN_DESIGNATIONS: Record<string, string> = {
  'saint-hyacinthe': 'ville',
  'saint-pie': 'ville',
  'sainte-madeleine': 'village',
  'sainte-marie-madeleine': 'paroisse',
};

function splitDesignation(key: string): { designation: string; rest: string } | null {
  const suffix = /^(.*?)-?\(([a-z]+)\)$/.exec(key);
  if (suffix && DESIGNATIONS[suffix[2]]) return { designation: DESIGNATIONS[suffix[2]], rest: suffix[1] };
  const prefix = /^([a-z]+)-(?:de|du|d')-?(.+)$/.exec(key);
  if (prefix && DESIGNATIONS[prefix[1]] && prefix[1].length > 2) {
    return { designation: DESIGNATIONS[prefix[1]], rest: prefix[2] };
  }
  return null;
}

interface Target {
  name: string;
  merged: boolean;
  /** A merged sector's own name, as the settings spell it (« Sainte-Rosalie »). */
  sector?: string;
}

/** « Saint-Hyacinthe (secteur Sainte-Rosalie) »: how Reformater writes a merged sector, keeping it. */
const SECTOR_FORM = /^(.*\S)\s*\(\s*secteur\s+(.+?)\s*\)$/i;

/** The way Reformater writes a merged sector: the municipality counted, the sector kept. */
export function sectorForm(name: string, sector: string): string {
  return `${name} (secteur ${sector})`;
}

/**
 * Matchers by what they are built from: each analysis reads its settings into new objects. A few
 * settings at a time (a workbook's own, the preset).
 */
const matchersByContent = new BoundedCache<MunicipalityMatcher>({ limit: 8 });

/**
 * The matcher for these settings' municipalities, shared by every call with the same names,
 * variants and « all » words: building one and its suggestions costs more than matching a whole
 * column, and analyses and spreadsheet functions run again on every edit.
 */
export function sharedMatcher(settings: Settings): MunicipalityMatcher {
  const key = JSON.stringify([
    settings.municipalities.map((m) => [m.name, m.variants]),
    settings.allMunicipalitiesWords,
    settings.territory,
  ]);
  return matchersByContent.remember(key, () => createMunicipalityMatcher(settings));
}

export function createMunicipalityMatcher(settings: Settings): MunicipalityMatcher {
  const officialNames = settings.municipalities.map((m) => m.name).sort(compareFrench);
  // Every matched name is an official one: sort them by their place in `officialNames` instead of
  // collating them again for each project. Names that collate equal share a place, so the order is
  // exactly compareFrench's.
  const place = new Map<string, number>();
  officialNames.forEach((name, i) => {
    if (place.has(name)) return;
    const previous = officialNames[i - 1];
    const same = previous !== undefined && compareFrench(previous, name) === 0;
    place.set(name, same ? (place.get(previous) as number) : i);
  });
  const byPlace = (a: string, b: string): number => {
    const x = place.get(a);
    const y = place.get(b);
    return x !== undefined && y !== undefined ? x - y : compareFrench(a, b);
  };
  const officialByKey = new Map<string, string>();
  for (const m of settings.municipalities) officialByKey.set(normalizeKey(m.name), m.name);
  const mergedKeys = new Set([...MERGED_SECTORS].map(normalizeKey));
  const variantByKey = new Map<string, Target>();
  for (const m of settings.municipalities) {
    for (const variant of m.variants) {
      const key = normalizeKey(variant);
      // An official name always wins over a variant that happens to spell it.
      if (key === '' || officialByKey.has(key) || variantByKey.has(key)) continue;
      variantByKey.set(
        key,
        mergedKeys.has(key)
          ? { name: m.name, merged: true, sector: variant }
          : { name: m.name, merged: false },
      );
    }
  }
  const allKeys = new Set(settings.allMunicipalitiesWords.map(normalizeKey).filter((key) => key !== ''));
  const territoryKey = normalizeKey(settings.territory);
  if (territoryKey !== '') allKeys.add(territoryKey);

  /** Keys a suggestion may point to, with the official name each stands for. */
  const suggestionTargets: [string, string][] = [
    ...[...officialByKey].map(([key, name]): [string, string] => [key, name]),
    ...[...variantByKey].map(([key, target]): [string, string] => [key, target.name]),
  ];

  function suggest(key: string): string | undefined {
    const maxDistance = key.length <= 5 ? 1 : key.length <= 12 ? 2 : 3;
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    let tie = false;
    const consider = (name: string, distance: number) => {
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
        tie = false;
      } else if (distance === bestDistance && name !== best) {
        tie = true;
      }
    };
    for (const [candidate, name] of suggestionTargets) {
      // The length gap alone bounds the distance: skip the quadratic work on long text.
      if (Math.abs(key.length - candidate.length) > maxDistance) continue;
      const distance = editDistance(key, candidate);
      if (distance <= maxDistance) consider(name, distance);
    }
    if (best !== undefined) return tie ? undefined : best;
    // « Saint-Barnabé » for Saint-Barnabé-Sud, « Saint-Damase-de-L'Islet » for Saint-Damase: one
    // name is the other plus whole hyphenated words, and only one municipality fits.
    const extended = new Set<string>();
    for (const [candidate, name] of suggestionTargets) {
      if (candidate.startsWith(`${key}-`) || key.startsWith(`${candidate}-`)) extended.add(name);
    }
    return extended.size === 1 ? [...extended][0] : undefined;
  }

  function matchKey(input: string, key: string): MunicipalityMatch {
    const sector = SECTOR_FORM.exec(input);
    if (sector) {
      const named = officialByKey.get(normalizeKey(sector[1]));
      const target = variantByKey.get(normalizeKey(sector[2]));
      if (named !== undefined && target?.sector && target.name === named)
        return { kind: 'official', name: named, sector: target.sector };
    }
    const official = officialByKey.get(key);
    if (official !== undefined) return { kind: 'official', name: official };
    const variant = variantByKey.get(key);
    if (variant !== undefined) return variantMatch(variant, input);
    if (allKeys.has(key)) return { kind: 'all' };
    const designated = splitDesignation(key);
    if (designated) {
      const name = officialByKey.get(designated.rest);
      const expected = KNOWN_DESIGNATIONS[designated.rest] ?? 'municipalite';
      if (name !== undefined && expected === designated.designation) {
        return { kind: 'variant', name, input, merged: false };
      }
      const target = variantByKey.get(designated.rest);
      if (target !== undefined && name === undefined) {
        return variantMatch(target, input);
      }
      // « Sainte-Madeleine (paroisse) »: the designation contradicts the name; suggesting either
      // municipality would be a guess.
      if (name !== undefined && KNOWN_DESIGNATIONS[designated.rest]) return { kind: 'unrecognized', input };
    }
    // Several names are not a typo of one of them.
    if (namesSeveral(input)) return { kind: 'unrecognized', input, several: true };
    const suggestion = key === '' ? undefined : suggest(designated?.rest ?? key);
    return suggestion === undefined
      ? { kind: 'unrecognized', input }
      : { kind: 'unrecognized', input, suggestion };
  }

  /** « Saint-Pie - Saint-Damase », « Saint-Pie & Saint-Damase », « Saint-Pie Saint-Damase »: several names. */
  function namesSeveral(input: string): boolean {
    if (/[&+|]|\s[-–]\s|\sou\s/i.test(input)) return true;
    let known = 0;
    for (const word of input.split(/\s+/)) {
      const key = normalizeKey(word);
      if (officialByKey.has(key) || variantByKey.has(key)) known += 1;
    }
    return known >= 2;
  }

  function variantMatch(target: Target, input: string): MunicipalityMatch {
    return target.sector === undefined
      ? { kind: 'variant', name: target.name, input, merged: target.merged }
      : { kind: 'variant', name: target.name, input, merged: true, sector: target.sector };
  }

  const matches = new BoundedCache<MunicipalityMatch>({ limit: 5000 });
  function match(input: string): MunicipalityMatch {
    return matches.remember(String(input ?? '').trim(), (text) => matchKey(text, normalizeKey(text)));
  }

  function matchAll(items: string[]): MunicipalitiesResult {
    // A project names a handful of towns: an array beats a Set here.
    const names: string[] = [];
    const unrecognized: MunicipalitiesResult['unrecognized'] = [];
    const variants: MunicipalitiesResult['variants'] = [];
    const seenUnrecognized = new Set<string>();
    const seenVariants = new Set<string>();
    let all = false;
    for (const item of items) {
      const result = match(item);
      switch (result.kind) {
        case 'official':
          if (!names.includes(result.name)) names.push(result.name);
          break;
        case 'variant':
          if (!names.includes(result.name)) names.push(result.name);
          if (!seenVariants.has(normalizeKey(result.input))) {
            seenVariants.add(normalizeKey(result.input));
            variants.push({ input: result.input, name: result.name, merged: result.merged });
          }
          break;
        case 'all':
          all = true;
          break;
        case 'unrecognized': {
          const key = normalizeKey(result.input);
          if (key === '' || seenUnrecognized.has(key)) break;
          seenUnrecognized.add(key);
          const { input, suggestion, several } = result;
          unrecognized.push(
            suggestion !== undefined ? { input, suggestion } : several ? { input, several } : { input },
          );
          break;
        }
      }
    }
    if (all) {
      const present = new Set(names);
      for (const name of officialNames) {
        if (present.has(name)) continue;
        present.add(name);
        names.push(name);
      }
    }
    // Kept by the eligibility result: see exactLength.
    return { names: exactLength(names.sort(byPlace)), unrecognized, variants, all };
  }

  return { match, matchAll, officialNames };
}

/**
 * Issues for one cell's municipalities: a warning per unrecognized name (with the suggestion),
 * an info per merged sector (« Sainte-Rosalie fait maintenant partie de Saint-Hyacinthe »), an
 * info per other variant.
 */
export function municipalityIssues(
  result: MunicipalitiesResult,
  where: { sheet?: string; cell?: string } = {},
): Issue[] {
  const issues: Issue[] = [];
  for (const item of result.unrecognized) {
    issues.push(
      issue('municipality.unrecognized', 'warning', where, {
        input: item.input,
        suggestion: item.suggestion,
        several: item.several,
      }),
    );
  }
  for (const variant of result.variants) {
    issues.push(
      issue(variant.merged ? 'municipality.merged' : 'municipality.variant', 'info', where, {
        input: variant.input,
        name: variant.name,
      }),
    );
  }
  return issues;
}
