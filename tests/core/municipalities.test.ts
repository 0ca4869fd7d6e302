import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderIssue } from '../../core/messages/index.js';
import { createMunicipalityMatcher, municipalityIssues, sectorForm } from '../../core/municipalities.js';
import { PRESET_SETTINGS, type Settings } from '../../core/settings.js';
import { splitList } from '../../core/values/lists.js';
import { stripAccents } from '../../core/values/text.js';

const matcher = createMunicipalityMatcher(PRESET_SETTINGS);
const OFFICIAL = PRESET_SETTINGS.municipalities.map((m) => m.name);

describe('match', () => {
  it('recognizes official names however they are typed', () => {
    expect(matcher.match('St-Hyacinthe')).toEqual({ kind: 'official', name: 'Saint-Hyacinthe' });
    expect(matcher.match('ST HYACINTHE')).toEqual({ kind: 'official', name: 'Saint-Hyacinthe' });
    expect(matcher.match('Ste. Madeleine')).toEqual({ kind: 'official', name: 'Sainte-Madeleine' });
    expect(matcher.match('la presentation')).toEqual({ kind: 'official', name: 'La Présentation' });
    expect(matcher.match('Sainte–Hélène\u00A0de Bagot')).toEqual({
      kind: 'official',
      name: 'Sainte-Hélène-de-Bagot',
    });
  });

  it('keeps Sainte-Madeleine and Sainte-Marie-Madeleine apart', () => {
    expect(matcher.match('Sainte-Madeleine')).toEqual({ kind: 'official', name: 'Sainte-Madeleine' });
    expect(matcher.match('Ste-Marie-Madeleine')).toEqual({
      kind: 'official',
      name: 'Sainte-Marie-Madeleine',
    });
    expect(matcher.match('Madeleine')).toEqual({ kind: 'unrecognized', input: 'Madeleine' });
  });

  it('maps listed variants and merged sectors', () => {
    expect(matcher.match('Saint-Pie-de-Bagot')).toEqual({
      kind: 'variant',
      name: 'Saint-Pie',
      input: 'Saint-Pie-de-Bagot',
      merged: false,
    });
    expect(matcher.match('Michaudville')).toMatchObject({
      kind: 'variant',
      name: 'Saint-Bernard-de-Michaudville',
    });
    expect(matcher.match('Ste-Rosalie')).toEqual({
      kind: 'variant',
      name: 'Saint-Hyacinthe',
      input: 'Ste-Rosalie',
      merged: true,
      sector: 'Sainte-Rosalie',
    });
    expect(matcher.match('St-Thomas-d’Aquin')).toMatchObject({ name: 'Saint-Hyacinthe', merged: true });
  });

  it('reads « Saint-Hyacinthe (secteur Sainte-Rosalie) », the form Reformater writes, as Saint-Hyacinthe', () => {
    expect(sectorForm('Saint-Hyacinthe', 'Sainte-Rosalie')).toBe('Saint-Hyacinthe (secteur Sainte-Rosalie)');
    for (const text of ['Saint-Hyacinthe (secteur Sainte-Rosalie)', 'St-Hyacinthe (Secteur Douville)']) {
      expect(matcher.match(text), text).toMatchObject({ kind: 'official', name: 'Saint-Hyacinthe' });
    }
    // A sector that is not the municipality's is no such form.
    expect(matcher.match('Saint-Pie (secteur Sainte-Rosalie)').kind).toBe('unrecognized');
    const result = matcher.matchAll(['Saint-Hyacinthe (secteur Sainte-Rosalie)', 'Saint-Hyacinthe']);
    expect(result.names).toEqual(['Saint-Hyacinthe']);
    expect(municipalityIssues(result)).toEqual([]);
  });

  it('accepts a legal designation only when it is the right one', () => {
    expect(matcher.match('Ville de Saint-Hyacinthe')).toMatchObject({
      kind: 'variant',
      name: 'Saint-Hyacinthe',
    });
    expect(matcher.match('Sainte-Madeleine (village)')).toMatchObject({
      kind: 'variant',
      name: 'Sainte-Madeleine',
    });
    expect(matcher.match('Paroisse de Sainte-Marie-Madeleine')).toMatchObject({
      kind: 'variant',
      name: 'Sainte-Marie-Madeleine',
    });
    expect(matcher.match('Sainte-Madeleine (paroisse)')).toEqual({
      kind: 'unrecognized',
      input: 'Sainte-Madeleine (paroisse)',
    });
  });

  it('reads « Toutes » and the territory as all municipalities', () => {
    for (const word of [
      'Toutes',
      'toutes les municipalités',
      'Ensemble de la MRC',
      'MRC',
      'MRC des Maskoutains',
    ]) {
      expect(matcher.match(word)).toEqual({ kind: 'all' });
    }
  });

  it('never fuzzy-matches into a count, but suggests', () => {
    expect(matcher.match('Ste-Madelaine')).toEqual({
      kind: 'unrecognized',
      input: 'Ste-Madelaine',
      suggestion: 'Sainte-Madeleine',
    });
    expect(matcher.match('Saint-Barnabé')).toEqual({
      kind: 'unrecognized',
      input: 'Saint-Barnabé',
      suggestion: 'Saint-Barnabé-Sud',
    });
    expect(matcher.match("Saint-Damase-de-L'Islet")).toMatchObject({
      kind: 'unrecognized',
      suggestion: 'Saint-Damase',
    });
    expect(matcher.match('Saint-Hyacinte')).toMatchObject({
      kind: 'unrecognized',
      suggestion: 'Saint-Hyacinthe',
    });
    expect(matcher.match('Montréal')).toEqual({ kind: 'unrecognized', input: 'Montréal' });
    // « Sainte » starts many names: no suggestion rather than a guess.
    expect(matcher.match('Sainte')).toEqual({ kind: 'unrecognized', input: 'Sainte' });
  });

  it('is idempotent on official names', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OFFICIAL), (official) => {
        const first = matcher.match(official);
        expect(first).toEqual({ kind: 'official', name: official });
        if (first.kind === 'official') expect(matcher.match(first.name)).toEqual(first);
      }),
    );
  });

  it('recognizes any spelling staff plausibly give an official name', () => {
    const spelling = fc.record({
      name: fc.constantFrom(...OFFICIAL),
      abbreviate: fc.constantFrom<[string, string] | null>(
        null,
        ['St', 'Ste'],
        ['St.', 'Ste.'],
        ['ST', 'STE'],
      ),
      separator: fc.constantFrom('-', ' ', '\u2013', '\u00A0', ' - '),
      noAccents: fc.boolean(),
      upper: fc.boolean(),
    });
    fc.assert(
      fc.property(spelling, ({ name, abbreviate, separator, noAccents, upper }) => {
        let typed = name;
        if (abbreviate) {
          typed = typed.replace(/^Sainte-/, `${abbreviate[1]}-`).replace(/^Saint-/, `${abbreviate[0]}-`);
        }
        typed = typed.replace(/-/g, separator);
        if (noAccents) typed = stripAccents(typed);
        if (upper) typed = typed.toUpperCase();
        expect(matcher.match(typed)).toEqual({ kind: 'official', name });
      }),
    );
  });
});

describe('matchAll', () => {
  it('counts Saint-Hyacinthe once with its former sectors, and not the typos', () => {
    const result = matcher.matchAll([
      'St-Hyacinthe',
      'Sainte-Rosalie',
      'Ste-Madelaine',
      'Saint-Barnabé',
      'Saint-Pie-de-Bagot',
      'Saint-Pie',
      'Sainte-Marie-Madeleine',
    ]);
    expect(result).toEqual({
      names: ['Saint-Hyacinthe', 'Saint-Pie', 'Sainte-Marie-Madeleine'],
      unrecognized: [
        { input: 'Ste-Madelaine', suggestion: 'Sainte-Madeleine' },
        { input: 'Saint-Barnabé', suggestion: 'Saint-Barnabé-Sud' },
      ],
      variants: [
        { input: 'Sainte-Rosalie', name: 'Saint-Hyacinthe', merged: true },
        { input: 'Saint-Pie-de-Bagot', name: 'Saint-Pie', merged: false },
      ],
      all: false,
    });
  });

  it('gives all 17, sorted the French way, for « Toutes »', () => {
    const result = matcher.matchAll(['Toutes', 'Saint-Jude']);
    expect(result.all).toBe(true);
    expect(result.names).toHaveLength(17);
    expect(result.names).toEqual([...OFFICIAL].sort((a, b) => a.localeCompare(b, 'fr')));
    expect(result.names[0]).toBe('La Présentation');
  });

  it('only ever counts official names, each once', () => {
    const items = fc.array(
      fc.oneof(
        fc.constantFrom(...OFFICIAL, 'Ste-Madelaine', 'Sainte-Rosalie', 'Toutes', 'Douville'),
        fc.string(),
      ),
    );
    fc.assert(
      fc.property(items, (list) => {
        const { names } = matcher.matchAll(list);
        expect(new Set(names).size).toBe(names.length);
        for (const name of names) expect(OFFICIAL).toContain(name);
      }),
    );
  });
});

describe('settings', () => {
  it('uses the variants staff add, and caches one matcher per settings object', () => {
    const settings: Settings = {
      ...PRESET_SETTINGS,
      municipalities: PRESET_SETTINGS.municipalities.map((m) =>
        m.name === 'Saint-Valérien-de-Milton' ? { ...m, variants: ['Saint-Valérien'] } : m,
      ),
    };
    expect(createMunicipalityMatcher(settings).match('St-Valérien')).toMatchObject({
      kind: 'variant',
      name: 'Saint-Valérien-de-Milton',
      merged: false,
    });
    expect(matcher.match('St-Valérien')).toMatchObject({
      kind: 'unrecognized',
      suggestion: 'Saint-Valérien-de-Milton',
    });
  });
});

describe('municipalityIssues', () => {
  it('asks for « ; » when a text names several municipalities with a separator it does not know', () => {
    for (const text of ['Saint-Pie - Saint-Damase', 'Saint-Pie & Saint-Damase', 'Saint-Pie Saint-Damase']) {
      expect(matcher.match(text), text).toEqual({ kind: 'unrecognized', input: text, several: true });
    }
    // `/` and « et » are separators: those read, nothing to ask.
    expect(
      matcher.matchAll(splitList('Saint-Pie / Saint-Damase', { allowComma: true })).unrecognized,
    ).toEqual([]);
    const issues = municipalityIssues(matcher.matchAll(['Saint-Pie + Saint-Damase']), { sheet: 'Projets' });
    const nb = '\u00A0';
    expect(renderIssue(issues[0])).toBe(
      `Municipalité non reconnue${nb}: «${nb}Saint-Pie + Saint-Damase${nb}». Plusieurs noms${nb}? Séparez-les par «${nb};${nb}» (Saint-Pie; Saint-Damase).`,
    );
    expect(renderIssue(issues[0], 'en')).toBe(
      'Unrecognized municipality: "Saint-Pie + Saint-Damase". Several names? Separate them with ; (Saint-Pie; Saint-Damase).',
    );
    // One unknown name alone is not « several ».
    expect(matcher.match('Montréal')).toEqual({ kind: 'unrecognized', input: 'Montréal' });
  });

  it('warns about unrecognized names and notes variants, in French', () => {
    const result = matcher.matchAll([
      'Ste-Madelaine',
      'Saint-Barnabé',
      'Montréal',
      'Sainte-Rosalie',
      'Saint-Pie-de-Bagot',
    ]);
    const issues = municipalityIssues(result, { sheet: 'Projets', cell: 'F7' });
    expect(issues.map((i) => [i.code, i.severity, i.sheet, i.cell])).toEqual([
      ['municipality.unrecognized', 'warning', 'Projets', 'F7'],
      ['municipality.unrecognized', 'warning', 'Projets', 'F7'],
      ['municipality.unrecognized', 'warning', 'Projets', 'F7'],
      ['municipality.merged', 'info', 'Projets', 'F7'],
      ['municipality.variant', 'info', 'Projets', 'F7'],
    ]);
    const nb = '\u00A0';
    expect(issues.map((i) => renderIssue(i))).toEqual([
      `Municipalité non reconnue${nb}: «${nb}Ste-Madelaine${nb}». Vouliez-vous dire Sainte-Madeleine${nb}?`,
      `Municipalité non reconnue${nb}: «${nb}Saint-Barnabé${nb}». Vouliez-vous dire Saint-Barnabé-Sud${nb}?`,
      `Municipalité non reconnue${nb}: «${nb}Montréal${nb}».`,
      `Sainte-Rosalie fait maintenant partie de Saint-Hyacinthe${nb}; comptée une fois.`,
      `«${nb}Saint-Pie-de-Bagot${nb}» lu comme Saint-Pie.`,
    ]);
    expect(renderIssue(issues[0], 'en')).toBe(
      'Unrecognized municipality: "Ste-Madelaine". Did you mean Sainte-Madeleine?',
    );
  });
});
