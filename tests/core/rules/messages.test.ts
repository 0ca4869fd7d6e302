import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from '../../../core/eligibility.js';
import type { Issue } from '../../../core/issues.js';
import { computeLedger } from '../../../core/ledger.js';
import { ISSUE_CODES } from '../../../core/messages/codes.js';
import { isIssueCode, type Lang, renderIssue } from '../../../core/messages/index.js';
import { createMunicipalityMatcher } from '../../../core/municipalities.js';
import { rankProjects } from '../../../core/ranking.js';
import { recommendFunding } from '../../../core/recommendation.js';
import { scoreProjects } from '../../../core/scoring.js';
import { trackProjects } from '../../../core/tracking.js';
import { dollars, payment, project, review, settingsWith } from './fixtures.js';

/** One messy call for projects: every rule's issue and every recommendation status, as the rules raise them. */
function everything() {
  const settings = settingsWith({
    maxGrantPerProjectCents: dollars(100_000),
    maxShareOfCost: 0.8,
    minCommunityShare: 0.2,
    plannedInstalments: [0.5, 0.5],
  });
  const projects = [
    project('P1', { decision: 'Accepté', grantedCents: { '2020-2021': dollars(100_000), '2024-2025': 1 } }),
    project('P2', {
      decision: 'Recommandé',
      partners: [],
      supports: ['Moisson Maskoutaine'],
      municipalities: ['Ste-Madelaine', 'Sainte-Rosalie'],
    }),
    project('P3', { priorities: ['Culture'], start: '2023-05-01', end: '2023-04-01', decision: 'Refusé' }),
    project('P4', { start: null, requestedCents: { '2021-2022': dollars(150_000) }, priorities: ['1', '3'] }),
    project('P5', {
      supports: ['Centre de bénévolat de Saint-Hyacinthe'],
      grantedCents: { '2021-2022': 500 },
    }),
    project('P6', { requestedCents: { '2021-2022': dollars(50_000) } }),
    project('P7', { requestedCents: { '2021-2022': dollars(10_000) } }),
    project('P8', { requestedCents: { '2019-2020': dollars(1_000) } }),
    project('P9', { decision: 'Accepté', end: '2021-06-30', grantedCents: { '2021-2022': dollars(1_000) } }),
    project('P10', { requestedCents: { '2021-2022': dollars(10_000) } }),
    project('P11', {}),
    project('P12', { start: '2019-01-15' }),
    // The follow-up: caps on grants, a grant above its request, a report soon due, a new request
    // by an organization whose report is late, a community contribution too small.
    project('P13', {
      decision: 'Accepté',
      totalCostCents: dollars(50_000),
      requestedCents: { '2020-2021': dollars(40_000) },
      grantedCents: { '2020-2021': dollars(45_000) },
    }),
    project('P14', {
      decision: 'Accepté',
      totalCostCents: dollars(50_000),
      grantedCents: { '2020-2021': dollars(45_000) },
      waiver: 'Projet exceptionnel (résolution 21-06-144)',
    }),
    project('P15', { decision: 'Accepté', end: '2021-11-30', lead: 'Forum-2020' }),
    project('P16', { lead: 'Forum-2020', decision: 'Reçu' }),
    project('P17', { totalCostCents: dollars(10_000), requestedCents: { '2021-2022': dollars(9_000) } }),
    project('P18', { lead: 'Logemen’mêle', decision: 'Accepté', end: '2021-03-31' }),
    project('P19', {
      lead: 'Contact Richelieu-Yamaska',
      totalCostCents: dollars(200_000),
      requestedCents: { '2022-2023': dollars(120_000) },
    }),
  ];
  const reviews = [
    review('P4', 'Marie-Ève Gagnon', [10, 10, 10, 10, 10, 5]),
    review('P4', 'Jean Tremblay', [2, 2, 2, 2, 2, 1]),
    review('P4', 'marie-eve gagnon', [5, 5, 5, 5, 5, 5]),
    review('P6', ' ', [8, 8, 8, 8, 8, 4]),
    review('P6', 'Sophie Bergeron', [12, 8, 8, 8, 8, Number.NaN], { conflict: true }),
    review('P7', 'Jean Tremblay', [3, 3, 3, 3, 3, 1]),
    review('P8', 'Jean Tremblay', [9, 9, 9, 9, 9, 5]),
    review('P10', 'Jean Tremblay', [9, 9, 9, 9, 9, 5]),
    review('P11', 'Jean Tremblay', [7, 7, 7, 7, 7, 4]),
    review('P42', 'Jean Tremblay', [9, 9, 9, 9, 9, 5]),
    review('P11', 'Sophie Bergeron', [7, null, 7, 7, 7, 4]),
    review('P10', 'Sophie Bergeron', [null, null, null, null, null, null]),
    review('P7', 'Sophie Bergeron', ['NA', 'NA', 'NA', 'NA', 'NA', 'NA']),
    review('P19', 'Jean Tremblay', [10, 10, 10, 10, 10, 5]),
  ];
  const payments = [
    payment('P9', '2021-07-01', dollars(2_000)),
    payment('P5', '2021-07-01', dollars(1_000)),
    payment('P9', '2024-07-01', dollars(10)),
    payment('P9', null, dollars(10)),
    payment('P77', '2021-07-01', dollars(10)),
  ];
  const matcher = createMunicipalityMatcher(settings);
  const eligibility = new Map(
    projects.map((p) => [p.id, evaluateEligibility(p, settings, matcher, '2022-01-01')]),
  );
  const scoring = scoreProjects(projects, reviews, settings, eligibility);
  const ledger = computeLedger(settings.years, projects, payments, settings);
  const ranking = rankProjects(projects, eligibility, scoring.scores);
  const recommendations = recommendFunding(ranking, projects, ledger, settings.years, settings);
  const tracking = trackProjects(projects, payments, ledger, settings, '2022-01-01');
  const issues: Issue[] = [
    ...tracking.issues,
    ...[...eligibility.values()].flatMap((r) => [...r.reasons, ...r.warnings]),
    ...scoring.issues,
    ...ledger.issues,
    // Overdrawn commitments would block every recommendation above: a ledger of their own.
    ...computeLedger(
      settings.years,
      [project('D1', { decision: 'Accepté', grantedCents: { '2020-2021': dollars(200_000) } })],
      [],
      settings,
    ).issues,
    // An amount no reading understands: the year is incomplete, not in deficit.
    ...computeLedger(
      settings.years,
      [
        project('U1', {
          decision: 'Accepté',
          grantedCents: { '2020-2021': 0 },
          unreadableAmounts: ['granted 2020-2021'],
          origin: { sheet: 'Projets', cells: { 'granted 2020-2021': 'H2' } },
        }),
      ],
      [],
      settings,
    ).issues,
  ];
  return { issues, recommendations };
}

const OWN_PREFIXES = [
  'eligibility.',
  'priority.',
  'score.',
  'review.',
  'budget.',
  'payment.',
  'recommendation.',
  'grant.',
  'instalment.',
  'report.',
];

describe('messages of the rules', () => {
  const { issues, recommendations } = everything();
  const raised = [
    ...issues.map((i) => ({ code: i.code, params: i.params ?? {} })),
    ...recommendations.map((r) => ({ code: r.code, params: r.params })),
  ];

  it('raises every code of the rules’ sections somewhere in a messy workbook', async () => {
    const { fr } = await import('../../../core/messages/fr.js');
    const own = Object.keys(fr).filter((code) => OWN_PREFIXES.some((prefix) => code.startsWith(prefix)));
    const seen = new Set(raised.map((r) => r.code));
    expect(own.filter((code) => !seen.has(code as never))).toEqual([]);
    expect(new Set(recommendations.map((r) => r.status)).size).toBe(7);
  });

  it.each<Lang>(['fr', 'en'])('renders each of them in %s with every parameter filled', (lang) => {
    for (const { code, params } of raised) {
      expect(isIssueCode(code)).toBe(true);
      const text = renderIssue({ code, params }, lang);
      expect(text, code).not.toMatch(/undefined|NaN|null|\[object/);
      expect(text.length, code).toBeGreaterThan(5);
    }
  });

  it('passes each code the raw parameters its declaration types (amounts in cents, not text)', () => {
    for (const { code, params } of raised) {
      const parsed = ISSUE_CODES[code].safeParse(params);
      expect(parsed.success ? '' : JSON.stringify(parsed.error.issues), code).toBe('');
    }
  });

  it('writes French with no-break spaces before colons and inside guillemets', () => {
    for (const { code, params } of raised) {
      const text = renderIssue({ code, params }, 'fr');
      expect(text, code).not.toMatch(/ [:;?!]|« | »/);
    }
  });
});
