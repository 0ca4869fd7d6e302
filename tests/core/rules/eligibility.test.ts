import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from '../../../core/eligibility.js';
import { renderIssue } from '../../../core/messages/index.js';
import { createMunicipalityMatcher } from '../../../core/municipalities.js';
import { project, settingsWith } from './fixtures.js';

const settings = settingsWith();
const matcher = createMunicipalityMatcher(settings);

const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('evaluateEligibility', () => {
  it('accepts a project that passes every gate', () => {
    const result = evaluateEligibility(
      project('P1', {
        lead: 'Moisson Maskoutaine',
        partners: ['Centre de bénévolat de Saint-Hyacinthe', 'Comptoir alimentaire de Saint-Pie'],
        municipalities: [
          'St-Hyacinthe',
          'Saint-Pie-de-Bagot',
          'Saint-Damase',
          'La Présentation',
          'Saint-Jude',
        ],
        priorities: ['1', 'Habitation'],
      }),
      settings,
      matcher,
    );
    expect(result).toMatchObject({
      eligible: true,
      organizations: [
        'Moisson Maskoutaine',
        'Centre de bénévolat de Saint-Hyacinthe',
        'Comptoir alimentaire de Saint-Pie',
      ],
      municipalities: ['La Présentation', 'Saint-Damase', 'Saint-Hyacinthe', 'Saint-Jude', 'Saint-Pie'],
      priorities: [1, 3],
      reasons: [],
    });
    // St-Hyacinthe is an official spelling after normalization; Saint-Pie-de-Bagot is a listed variant.
    expect(result.warnings.map((w) => w.code)).toEqual(['municipality.variant']);
  });

  it('does not count letters of support: supports only → not eligible', () => {
    const result = evaluateEligibility(
      project('P2', {
        lead: 'Maison de la famille des Maskoutains',
        partners: [],
        supports: ['Ville de Saint-Hyacinthe', 'CISSS de la Montérégie-Est'],
      }),
      settings,
      matcher,
    );
    expect(result.eligible).toBe(false);
    expect(result.organizations).toEqual(['Maison de la famille des Maskoutains']);
    expect(result.reasons).toEqual([
      expect.objectContaining({
        code: 'eligibility.organizations',
        severity: 'error',
        sheet: 'Projets',
        cell: 'D2',
        params: expect.objectContaining({ count: 1, required: 2 }),
      }),
    ]);
    expect(plain(renderIssue(result.reasons[0]))).toBe(
      '1 organisme impliqué sur 2 requis (les appuis ne comptent pas)',
    );
  });

  it('counts once an organization listed both as partner and as support, and the lead repeated', () => {
    const result = evaluateEligibility(
      project('P3', {
        lead: 'Logemen’mêle',
        partners: ['Comptoir alimentaire de Saint-Pie', 'LOGEMEN’MÊLE'],
        supports: ['Comptoir alimentaire de St-Pie', 'comptoir  alimentaire de saint-pie.'],
      }),
      settings,
      matcher,
    );
    expect(result.eligible).toBe(true);
    expect(result.organizations).toEqual(['Logemen’mêle', 'Comptoir alimentaire de Saint-Pie']);
    // « St-Pie » is another spelling, not the same key: it stays a mere support.
    expect(result.warnings.filter((w) => w.code === 'eligibility.supportAlsoInvolved')).toEqual([
      expect.objectContaining({ severity: 'info', cell: 'E2' }),
    ]);
  });

  it('is not eligible with two names that differ only by case, accents and punctuation', () => {
    const result = evaluateEligibility(
      project('P4', {
        lead: 'Contact Richelieu-Yamaska',
        partners: ['contact richelieu yamaska inc', 'CONTACT RICHELIEU-YAMASKA'],
      }),
      settings,
      matcher,
    );
    // « inc » makes a different name: two organizations.
    expect(result.organizations).toHaveLength(2);
    const same = evaluateEligibility(
      project('P4', {
        lead: 'Contact Richelieu-Yamaska',
        partners: ['contact richelieu yamaska', 'Contact  Richélieu—Yamaska'],
      }),
      settings,
      matcher,
    );
    expect(same.organizations).toEqual(['Contact Richelieu-Yamaska']);
    expect(same.eligible).toBe(false);
  });

  it('counts distinct recognized municipalities only; blocking by default, a warning otherwise', () => {
    const fields = {
      municipalities: [
        'Sainte-Madeleine',
        'Sainte-Marie-Madeleine',
        'Ste-Madelaine',
        'Sainte-Rosalie',
        'St-Hyacinthe',
      ],
    };
    const blocking = evaluateEligibility(project('P5', fields), settings, matcher);
    // Sainte-Rosalie is part of Saint-Hyacinthe: counted once; « Ste-Madelaine » is not recognized.
    expect(blocking.municipalities).toEqual([
      'Saint-Hyacinthe',
      'Sainte-Madeleine',
      'Sainte-Marie-Madeleine',
    ]);
    expect(blocking.eligible).toBe(false);
    expect(blocking.reasons.map((r) => [r.code, r.cell])).toEqual([['eligibility.municipalities', 'F2']]);
    expect(plain(renderIssue(blocking.reasons[0]))).toBe(
      '3 municipalités sur 5 requises (1 nom non reconnu : non compté)',
    );
    expect(blocking.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['municipality.unrecognized', 'municipality.merged']),
    );

    const lenient = evaluateEligibility(
      project('P5', fields),
      settingsWith({ municipalityRule: 'warning' }),
      matcher,
    );
    expect(lenient.eligible).toBe(true);
    expect(lenient.warnings).toContainEqual(
      expect.objectContaining({ code: 'eligibility.municipalities', severity: 'warning' }),
    );
  });

  it('takes « Toutes » as the 17 municipalities', () => {
    const result = evaluateEligibility(project('P6', { municipalities: ['Toutes'] }), settings, matcher);
    expect(result.municipalities).toHaveLength(17);
    expect(result.eligible).toBe(true);
  });

  it('requires a valid priority and warns about the invalid items', () => {
    const none = evaluateEligibility(project('P7', { priorities: ['Culture', '7'] }), settings, matcher);
    expect(none.eligible).toBe(false);
    expect(none.reasons.map((r) => [r.code, r.cell])).toEqual([['eligibility.priorities', 'G2']]);
    expect(none.warnings.filter((w) => w.code === 'priority.invalid').map((w) => w.params?.value)).toEqual([
      'Culture',
      '7',
    ]);
    const some = evaluateEligibility(project('P7', { priorities: ['Culture', 'P2'] }), settings, matcher);
    expect(some).toMatchObject({ eligible: true, priorities: [2] });
  });

  it('checks the dates against the program end, and warns when they are missing', () => {
    const late = evaluateEligibility(project('P8', { end: '2023-06-30' }), settings, matcher);
    expect(late.reasons.map((r) => [r.code, r.cell])).toEqual([['eligibility.endAfterProgram', 'I2']]);
    expect(plain(renderIssue(late.reasons[0]))).toBe(
      'Fin du projet (2023-06-30) après la fin du programme (2023-03-31)',
    );
    expect(evaluateEligibility(project('P8', { end: '2023-03-31' }), settings, matcher).eligible).toBe(true);
    const extended = settingsWith({ programEnd: '2024-03-31' });
    expect(evaluateEligibility(project('P8', { end: '2023-06-30' }), extended, matcher).eligible).toBe(true);

    const backwards = evaluateEligibility(
      project('P9', { start: '2021-09-01', end: '2021-06-30' }),
      settings,
      matcher,
    );
    expect(backwards.reasons.map((r) => [r.code, r.cell])).toEqual([['eligibility.startAfterEnd', 'H2']]);

    const undated = evaluateEligibility(project('P10', { start: null, end: null }), settings, matcher);
    expect(undated.eligible).toBe(true);
    expect(undated.warnings).toEqual([
      expect.objectContaining({ code: 'eligibility.missingDates', severity: 'warning', cell: 'H2' }),
    ]);
  });

  it('checks the start against the program start, and an unreadable date is not also « missing »', () => {
    const early = evaluateEligibility(project('P8', { start: '2019-03-01' }), settings, matcher);
    expect(early.reasons.map((r) => [r.code, r.cell])).toEqual([['eligibility.startBeforeProgram', 'H2']]);
    expect(plain(renderIssue(early.reasons[0]))).toBe(
      'Début du projet (2019-03-01) avant le début du programme (2019-04-01)',
    );
    const unreadable = evaluateEligibility(
      project('P9', { start: null, unreadableDates: ['start'] }),
      settings,
      matcher,
    );
    expect(unreadable.warnings.filter((w) => w.code === 'eligibility.missingDates')).toEqual([]);
    const oneOfTwo = evaluateEligibility(
      project('P9', { start: null, end: null, unreadableDates: ['start'] }),
      settings,
      matcher,
    );
    expect(oneOfTwo.warnings.map((w) => [w.code, w.cell, w.params?.missingStart])).toEqual([
      ['eligibility.missingDates', 'I2', false],
    ]);
  });

  it('gives one reason per failed gate', () => {
    const result = evaluateEligibility(
      project('P11', {
        partners: [],
        municipalities: ['Saint-Hyacinthe'],
        priorities: [],
        start: '2023-05-01',
        end: '2023-04-01',
      }),
      settings,
      matcher,
    );
    expect(result.reasons.map((r) => r.code)).toEqual([
      'eligibility.organizations',
      'eligibility.municipalities',
      'eligibility.priorities',
      'eligibility.endAfterProgram',
      'eligibility.startAfterEnd',
    ]);
    expect(result.reasons.every((r) => r.severity === 'error')).toBe(true);
  });

  it('warns about a final report due, when today is given', () => {
    const ended = project('P12', { decision: 'Accepté', end: '2022-06-30' });
    expect(evaluateEligibility(ended, settings, matcher).warnings).toEqual([]);
    expect(evaluateEligibility(ended, settings, matcher, '2022-09-01').warnings).toEqual([
      expect.objectContaining({ code: 'eligibility.reportDue', cell: 'Q2' }),
    ]);
    const reported = { ...ended, reportReceived: '2022-08-15' };
    expect(evaluateEligibility(reported, settings, matcher, '2022-09-01').warnings).toEqual([]);
  });

  it('warns when a project that fails a gate is accepted or recommended', () => {
    const late = project('P7', { decision: 'Recommandé', end: '2023-06-30' });
    const result = evaluateEligibility(late, settings, matcher);
    expect(result.eligible).toBe(false);
    const warning = result.warnings.find((w) => w.code === 'eligibility.decisionOnIneligible');
    expect(warning).toMatchObject({ severity: 'warning', sheet: 'Projets', cell: 'P2' });
    expect(plain(renderIssue(warning!))).toBe(
      'Projet P7 : décision « Recommandé » alors que le projet n’est pas admissible (voir les raisons).',
    );
    const refused = evaluateEligibility({ ...late, decision: 'Refusé' }, settings, matcher);
    expect(refused.warnings.some((w) => w.code === 'eligibility.decisionOnIneligible')).toBe(false);
  });
});
