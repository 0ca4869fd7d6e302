import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/cells.js';
import { renderIssue } from '../../core/messages/index.js';
import { PRESET_SETTINGS, SETTINGS_TABLE, type Settings } from '../../core/settings.js';
import { readSettings, settingsSheetRows } from '../../core/settings-reader.js';
import { SettingsSchema } from '../../core/settings-schema.js';
import { isoFromParts } from '../../core/values/dates.js';

function read(values: CellValue[][]) {
  return readSettings({ name: 'Paramètres', values });
}

function codes(values: CellValue[][]) {
  return read(values).issues.map((i) => [i.code, i.severity, i.cell]);
}

describe('readSettings: key/value rows', () => {
  it('gives the preset without a sheet, and no issue', () => {
    expect(SettingsSchema.safeParse(PRESET_SETTINGS).success).toBe(true);
    expect(readSettings(undefined)).toEqual({ settings: PRESET_SETTINGS, issues: [] });
    expect(read([])).toEqual({ settings: PRESET_SETTINGS, issues: [] });
  });

  it('reads French or English keys in any case, with a trailing colon, value in the next non-blank cell', () => {
    const { settings, issues } = read([
      ['Paramètres du programme'],
      ['ORGANISMES IMPLIQUÉS MINIMUM :', null, '3'],
      ['Minimum municipalities', 4],
      ['Règle des municipalités', 'Avertissement'],
      ['Agregation', 'médiane'],
      ['Sans objet', 'zero'],
      ['Note minimale de financement', '65 %'],
      ['Bonus multi-priorités', '7,5'],
      ['Montant maximal par projet', '75 000 $'],
      ['Fin du programme', 'Mars 2024'],
      ['Début du programme', 43_556],
      ['Programme', '  Alliance 2019-2024 '],
    ]);
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({
      minOrganizations: 3,
      minMunicipalities: 4,
      municipalityRule: 'warning',
      aggregation: 'median',
      notApplicable: 'zero',
      minFundingScore: 65,
      multiPriorityBonus: 7.5,
      maxGrantPerProjectCents: 7_500_000,
      programEnd: '2024-03-31',
      programStart: '2019-04-01',
      programName: 'Alliance 2019-2024',
    });
    expect(settings.criteria).toEqual(PRESET_SETTINGS.criteria);
  });

  it('reads a blank or zero maximum grant as « no maximum »', () => {
    expect(read([['Montant maximal par projet', null]]).settings.maxGrantPerProjectCents).toBeNull();
    expect(read([['Montant maximal par projet', '- $']]).settings.maxGrantPerProjectCents).toBeNull();
  });

  it('reads the follow-up settings: shares of the cost, report delay, planned instalments', () => {
    const { settings, issues } = read([
      ['Part maximale du coût total', '80 %'],
      ['Contribution minimale du milieu', 0.2],
      ['Délai de reddition (mois)', 1],
      ['Versements prévus', '50 %; 40 %; 10 %'],
    ]);
    expect(issues).toEqual([]);
    expect(settings).toMatchObject({
      maxShareOfCost: 0.8,
      minCommunityShare: 0.2,
      reportDelayMonths: 1,
      plannedInstalments: [0.5, 0.4, 0.1],
    });
    // Defaults keep today's behaviour: no share cap, no plan, reports due 3 months after the end.
    expect(PRESET_SETTINGS).toMatchObject({
      maxShareOfCost: null,
      minCommunityShare: null,
      reportDelayMonths: 3,
      plannedInstalments: null,
    });
    expect(read([['Part maximale du coût total', 25]]).settings.maxShareOfCost).toBe(0.25);
    expect(read([['Versements prévus', null]]).settings.plannedInstalments).toBeNull();
  });

  it('refuses a share above 100 % and a plan that does not add up to 100 %', () => {
    const { settings, issues } = read([
      ['Part maximale du coût total', '120 %'],
      ['Versements prévus', '50 %; 40 %'],
      ['Délai de reddition (mois)', 'trois'],
    ]);
    expect(issues.map((i) => [i.code, i.cell, i.params?.expected])).toEqual([
      ['settings.invalidValue', 'B1', 'share'],
      ['settings.invalidValue', 'B2', 'shares'],
      ['settings.invalidValue', 'B3', 'integer'],
    ]);
    expect(renderIssue(issues[1])).toMatch(/totalisent 100\s%/);
    expect(settings.plannedInstalments).toBeNull();
    expect(settings.reportDelayMonths).toBe(3);
  });

  it('keeps the preset value and reports each bad value at its cell', () => {
    const { settings, issues } = read([
      ['Organismes impliqués minimum', 'deux'],
      ['Municipalités minimum', 2.5],
      ['Règle des municipalités', 'souple'],
      ['Note minimale de financement', 140],
      ['Fin du programme', '2023-02-30'],
      ['Montant maximal par projet', '1,500'],
      ['Couleur préférée', 'bleu'],
      ['Agrégation', null],
    ]);
    expect(issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ['settings.invalidValue', 'error', 'B1'],
      ['settings.invalidValue', 'error', 'B2'],
      ['settings.invalidValue', 'error', 'B3'],
      ['settings.invalidValue', 'error', 'B4'],
      ['settings.invalidValue', 'error', 'B5'],
      ['settings.invalidValue', 'error', 'B6'],
      ['settings.unknownKey', 'warning', 'A7'],
      ['settings.blankValue', 'warning', 'B8'],
    ]);
    expect(issues.every((i) => i.sheet === 'Paramètres')).toBe(true);
    const { years: _years, ...rest } = settings;
    const { years: _presetYears, ...presetRest } = PRESET_SETTINGS;
    expect(rest).toEqual(presetRest);
    const nb = '\u00A0';
    expect(renderIssue(issues[2])).toBe(
      `Valeur invalide pour «${nb}Règle des municipalités${nb}»${nb}: «${nb}souple${nb}» (attendu${nb}: bloquante, avertissement). La valeur par défaut est conservée.`,
    );
    expect(renderIssue(issues[0], 'en')).toBe(
      'Invalid value for "Organismes impliqués minimum": "deux" (expected: a whole number of at least 1). The default value is kept.',
    );
  });

  it('warns about a key given twice and keeps the last value', () => {
    const { settings, issues } = read([
      ['Municipalités minimum', 5],
      ['Municipalités minimum', 3],
    ]);
    expect(settings.minMunicipalities).toBe(3);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([['settings.duplicateKey', 'A2']]);
  });

  it('refuses a program that starts after it ends', () => {
    const { settings, issues } = read([
      ['Début du programme', '2024-04-01'],
      ['Fin du programme', '2023-03-31'],
    ]);
    expect(issues.map((i) => i.code)).toEqual(['settings.startAfterEnd']);
    expect(settings.programStart).toBe(PRESET_SETTINGS.programStart);
  });
});

describe('readSettings: tables', () => {
  it('replaces the preset criteria and notes weights that do not add up to 100', () => {
    const { settings, issues } = read([
      ['Critères'],
      ['Critère', 'Pondération', 'Note maximale'],
      ['Réponse aux priorités', 40, 10],
      ['Faisabilité', '30', '5'],
      ['Pérennité', 0, null],
      [],
      ['Agrégation', 'médiane'],
    ]);
    expect(settings.criteria).toEqual([
      { name: 'Réponse aux priorités', weight: 40, max: 10 },
      { name: 'Faisabilité', weight: 30, max: 5 },
      { name: 'Pérennité', weight: 0, max: 10 },
    ]);
    expect(settings.aggregation).toBe('median');
    expect(issues.map((i) => [i.code, i.severity, i.cell, i.params?.sum])).toEqual([
      ['settings.weightsSum', 'info', 'B3', 70],
    ]);
  });

  it('refuses a grid where no criterion counts', () => {
    const { settings, issues } = read([['Critères'], ['Criterion', 'Weight'], ['Impact', 0], ['Budget', 0]]);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['settings.noCriterionCounts', 'error']]);
    expect(settings.criteria).toEqual(PRESET_SETTINGS.criteria);
  });

  it('reads a table whose title row is missing, and a title row with a note beside it', () => {
    const { settings, issues } = read([
      ['Municipalités minimum', 1],
      ['Critère', 'Pondération', 'Note maximale'],
      ['Impact', 60, 10],
      ['Faisabilité', 40, 5],
      [],
      ['Municipalités', null, null, 'liste de la MRC'],
      ['Municipalité', 'Code'],
      ['Saint-Jude', '54110'],
    ]);
    expect(issues).toEqual([]);
    expect(settings.criteria.map((c) => c.name)).toEqual(['Impact', 'Faisabilité']);
    expect(settings.municipalities).toEqual([{ name: 'Saint-Jude', code: '54110', variants: [] }]);
  });

  it('warns when the minimum of municipalities exceeds those listed', () => {
    const { issues } = read([
      ['Municipalités minimum', 3],
      ['Municipalités'],
      ['Municipalité'],
      ['Saint-Jude'],
      ['Saint-Louis'],
    ]);
    expect(issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ['settings.minAboveCount', 'warning', 'B1'],
    ]);
  });

  it('reads priorities with English headers and comma-separated keywords', () => {
    const { settings, issues } = read([
      ['Priorities :'],
      ['Keywords', 'Priority', 'No'],
      ['alimentaire, cuisine', 'Sécurité alimentaire', 1],
      ['logement; loyer', 'Habitation', '3'],
    ]);
    expect(issues).toEqual([]);
    expect(settings.priorities).toEqual([
      { number: 1, name: 'Sécurité alimentaire', keywords: ['alimentaire', 'cuisine'] },
      { number: 3, name: 'Habitation', keywords: ['logement', 'loyer'] },
    ]);
  });

  it('reports bad and duplicate rows, and a missing column', () => {
    expect(
      codes([
        ['Priorités'],
        ['No', 'Priorité'],
        [1, 'Habitation'],
        ['un', 'Emploi'],
        [1, 'Logement'],
        [],
        ['Critères'],
        ['Critère', 'Note maximale'],
        ['Impact', 10],
      ]),
    ).toEqual([
      ['settings.missingColumn', 'error', 'A8'],
      ['settings.invalidRow', 'error', 'A4'],
      ['settings.duplicateRow', 'error', 'A5'],
    ]);
  });

  it('adds the variants staff type to the preset’s, and refuses one that names another municipality', () => {
    const { settings, issues } = read([
      ['Municipalités'],
      ['Municipalité', 'Code', 'Variantes'],
      ['Saint-Hyacinthe', '54048', 'St-Hyac; Sainte-Madeleine'],
      ['Sainte-Madeleine', 54025, null],
      ['Saint-Valérien-de-Milton', '54065', 'Saint-Valérien'],
    ]);
    expect(settings.municipalities).toEqual([
      {
        name: 'Saint-Hyacinthe',
        code: '54048',
        variants: [
          ...PRESET_SETTINGS.municipalities.find((m) => m.name === 'Saint-Hyacinthe')!.variants,
          'St-Hyac',
        ],
      },
      { name: 'Sainte-Madeleine', code: '54025', variants: [] },
      { name: 'Saint-Valérien-de-Milton', code: '54065', variants: ['Saint-Valérien'] },
    ]);
    expect(issues.map((i) => [i.code, i.cell, i.params?.other])).toEqual([
      ['settings.variantConflict', 'C3', 'Sainte-Madeleine'],
      // Three municipalities listed, five required by the preset: no project could pass.
      ['settings.minAboveCount', undefined, undefined],
    ]);
  });

  it('never throws and always returns valid settings', () => {
    const cell = fc.oneof(
      fc.constantFrom<CellValue>(
        'Priorités',
        'Critères',
        'Municipalités',
        'Critère',
        'Pondération',
        'Priorité',
        'Municipalité',
        'Variantes',
        'No',
        'Agrégation',
        'Fin du programme',
        'Montant maximal par projet',
        'Municipalités minimum',
        '#N/A',
        '- $',
        '1,234',
        0,
        -1,
      ),
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.date({ noInvalidDate: false }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 25 }), (values) => {
        const { settings, issues } = read(values);
        expect(SettingsSchema.safeParse(settings).success).toBe(true);
        for (const i of issues) expect(() => renderIssue(i)).not.toThrow();
      }),
    );
  });
});

describe('settingsSheetRows', () => {
  it('writes a readable sheet with French choice words', () => {
    const rows = settingsSheetRows(PRESET_SETTINGS);
    expect(rows[0][0]).toBe('Paramètres du programme');
    expect(rows).toContainEqual([
      'Règle des municipalités',
      'bloquante',
      SETTINGS_TABLE.municipalityRule.explanation.fr,
    ]);
    expect(rows).toContainEqual(['Sans objet', 'exclu', SETTINGS_TABLE.notApplicable.explanation.fr]);
    expect(rows).toContainEqual(['Priorités', null, null]);
    expect(rows).toContainEqual(['Critère', 'Pondération', 'Note maximale']);
    expect(rows).toContainEqual(['Saint-Pie', '54008', 'Saint-Pie-de-Bagot']);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
  });

  it('writes one row per setting of the table, with its explanation, which is never read as a value', () => {
    const rows = settingsSheetRows(PRESET_SETTINGS);
    for (const spec of Object.values(SETTINGS_TABLE))
      expect(rows.find((r) => r[0] === spec.labels[0])?.[2]).toBe(spec.explanation.fr);
    const { settings, issues } = read([['Agrégation', null, SETTINGS_TABLE.aggregation.explanation.fr]]);
    expect(settings.aggregation).toBe('mean');
    expect(issues.map((i) => [i.code, i.cell])).toEqual([['settings.blankValue', 'B1']]);
  });

  it('reads back the preset exactly', () => {
    expect(read(settingsSheetRows(PRESET_SETTINGS))).toEqual({ settings: PRESET_SETTINGS, issues: [] });
  });

  it('reads back any modified preset', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 30 })
      .map((s) => s.replace(/[\s;,\u00A0\u202F\u2009\u2028\u2029]+/g, ' ').trim())
      .filter((s) => s !== '' && !/^[=+\-@•·▪◦*]/.test(s));
    const day = fc
      .record({
        year: fc.integer({ min: 2000, max: 2040 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ year, month, day }) => isoFromParts(year, month, day)!);
    const score = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));
    const modified = fc
      .record({
        programName: text,
        territory: text,
        dates: fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
        minOrganizations: fc.integer({ min: 1, max: 10 }),
        minMunicipalities: fc.integer({ min: 0, max: 17 }),
        municipalityRule: fc.constantFrom('blocking' as const, 'warning' as const),
        multiPriorityBonus: score,
        minFundingScore: score,
        aggregation: fc.constantFrom('mean' as const, 'median' as const),
        notApplicable: fc.constantFrom('excluded' as const, 'zero' as const),
        maxGrantPerProjectCents: fc.option(fc.integer({ min: 1, max: 1e11 }), { nil: null }),
        maxShareOfCost: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
        reportDelayMonths: fc.integer({ min: 0, max: 24 }),
        plannedInstalments: fc.option(
          fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }).map((tenths) => {
            const rest = 10 - tenths.reduce((a, b) => a + b, 0);
            return rest > 0 ? [...tenths, rest] : [10];
          }),
          { nil: null },
        ),
        disagreementThreshold: score,
        priorityCount: fc.integer({ min: 1, max: 4 }),
        extraKeyword: fc.option(text, { nil: undefined }),
        weights: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 6, maxLength: 6 }),
        extraVariant: fc.option(fc.constantFrom('Saint-Valérien', 'Ville de Saint-Pie', 'St-Hyac'), {
          nil: undefined,
        }),
        code: fc.integer({ min: 10_000, max: 99_999 }).map(String),
      })
      .filter(({ weights }) => weights.some((w) => w > 0))
      .map(
        (m): Settings => ({
          ...PRESET_SETTINGS,
          programName: m.programName,
          territory: m.territory,
          programStart: m.dates[0],
          programEnd: m.dates[1],
          minOrganizations: m.minOrganizations,
          minMunicipalities: m.minMunicipalities,
          municipalityRule: m.municipalityRule,
          multiPriorityBonus: m.multiPriorityBonus,
          minFundingScore: m.minFundingScore,
          aggregation: m.aggregation,
          notApplicable: m.notApplicable,
          maxGrantPerProjectCents: m.maxGrantPerProjectCents,
          maxShareOfCost: m.maxShareOfCost === null ? null : m.maxShareOfCost / 100,
          reportDelayMonths: m.reportDelayMonths,
          plannedInstalments: m.plannedInstalments?.map((tenth) => tenth / 10) ?? null,
          disagreementThreshold: m.disagreementThreshold,
          priorities: PRESET_SETTINGS.priorities.slice(0, m.priorityCount).map((p, index) => ({
            ...p,
            keywords: index === 0 && m.extraKeyword ? [...p.keywords, m.extraKeyword] : p.keywords,
          })),
          criteria: PRESET_SETTINGS.criteria.map((c, index) => ({ ...c, weight: m.weights[index] })),
          municipalities: PRESET_SETTINGS.municipalities.map((mu) =>
            mu.name === 'Saint-Valérien-de-Milton'
              ? { ...mu, code: m.code, variants: m.extraVariant ? [m.extraVariant] : [] }
              : mu,
          ),
        }),
      );
    fc.assert(
      fc.property(modified, (settings) => {
        expect(read(settingsSheetRows(settings)).settings).toEqual(settings);
      }),
    );
  });
});
