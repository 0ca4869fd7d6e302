import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../core/analysis.js';
import { toJsonReport } from '../../core/report.js';
import { sampleWorkbook } from './grids/workbook.js';

const analysis = analyzeWorkbook(sampleWorkbook(), { today: '2022-01-15' });

describe('toJsonReport', () => {
  const report = toJsonReport(analysis, 'fr');

  it('has exactly the keys of design.md, in order', () => {
    expect(Object.keys(report)).toEqual(['issues', 'projects', 'budget']);
    expect(Object.keys(report.issues[0])).toEqual(['severity', 'code', 'sheet', 'cell', 'message']);
    expect(Object.keys(report.projects[0])).toEqual([
      'id',
      'title',
      'eligible',
      'organizations',
      'municipalities',
      'priorities',
      'reasons',
      'score',
      'finalScore',
      'rank',
      'recommendation',
      'recommendedAmount',
      'recommendedByYear',
      'cap',
      'capped',
      'reportDue',
      'reportDaysLate',
      'granted',
      'paid',
      'remainingToPay',
      'instalments',
    ]);
    expect(Object.keys(report.budget)).toEqual(['years', 'lapsed']);
    expect(Object.keys(report.budget.years[0])).toEqual([
      'year',
      'envelope',
      'carriedIn',
      'available',
      'committed',
      'paid',
      'remaining',
      'complete',
    ]);
  });

  it('gives amounts in dollars, remaining as the carried balance, and the lapsed sum', () => {
    expect(report.budget.years[1]).toEqual({
      year: '2020-2021',
      envelope: 195_007,
      carriedIn: 0,
      available: 195_007,
      committed: 89_598,
      paid: 44_799,
      remaining: 105_409,
      complete: true,
    });
    expect(report.budget.lapsed).toBe(390_013 - 89_598);
  });

  it('describes each project once: official names sorted, priorities sorted, scores to 2 decimals', () => {
    expect(report.projects.map((p) => p.id)).toEqual(['P-001', 'P-002', 'P-003', 'P-004']);
    const first = report.projects[0];
    expect(first).toMatchObject({
      id: 'P-001',
      title: 'Cuisines collectives maskoutaines',
      eligible: true,
      organizations: ['Moisson Maskoutaine', 'Comptoir-partage La Mie'],
      municipalities: ['La Présentation', 'Saint-Damase', 'Saint-Dominique', 'Saint-Hyacinthe', 'Saint-Pie'],
      priorities: [1, 2],
      reasons: [],
      rank: 1,
      recommendation: 'committed',
    });
    for (const project of report.projects) {
      for (const score of [project.score, project.finalScore]) {
        if (score !== null) expect(Math.round(score * 100) / 100).toBe(score);
      }
    }
    const third = report.projects[2];
    expect(third.eligible).toBe(false);
    expect(third.rank).toBeNull();
    expect(third.reasons.map((r) => r.code)).toContain('eligibility.organizations');
    expect(third.reasons[0].message).not.toBe('');
  });

  it('renders issues with their place in French or English, null where there is none', () => {
    const duplicate = report.issues.find((i) => i.code === 'project.duplicateId');
    expect(duplicate).toEqual({
      severity: 'error',
      code: 'project.duplicateId',
      sheet: 'Projets',
      cell: 'A8',
      message:
        'Numéro de projet «\u00a0P-004\u00a0» en double (A8, A9)\u00a0: seule la première ligne est lue.',
    });
    const english = toJsonReport(analysis, 'en');
    expect(english.issues.find((i) => i.code === 'project.duplicateId')?.message).toContain('appears twice');
    const empty = toJsonReport(analyzeWorkbook({ sheets: [] }), 'fr');
    expect(empty.issues[0]).toMatchObject({ code: 'sheet.noneFound', sheet: null, cell: null });
    expect(empty.projects).toEqual([]);
  });

  it('carries each project’s follow-up: cap, recommendation, report, grant, paid and instalments in dollars', () => {
    const followed = analyzeWorkbook(
      {
        sheets: [
          ...sampleWorkbook().sheets,
          {
            name: 'Paramètres',
            values: [
              ['Montant maximal par projet', 50_000],
              ['Versements prévus', '50 %; 40 %; 10 %'],
            ],
          },
        ],
      },
      { today: '2022-08-15' },
    );
    const json = toJsonReport(followed, 'fr');
    const first = json.projects.find((p) => p.id === 'P-001');
    // 89 598 $ granted (above the 50 000 $ cap: an error), 44 799 $ paid; ended 2022-03-31.
    expect(first).toMatchObject({
      cap: 50_000,
      capped: false,
      reportDue: '2022-06-30',
      reportDaysLate: 46,
      granted: 89_598,
      paid: 44_799,
      remainingToPay: 44_799,
      instalments: [
        { amount: 44_799, paid: 44_799 },
        { amount: 35_839.2, paid: 0 },
        { amount: 8_959.8, paid: 0 },
      ],
    });
    expect(followed.issues.filter((i) => i.code === 'grant.aboveCap').map((i) => i.cell)).toEqual(['M4']);
    const second = json.projects.find((p) => p.id === 'P-002');
    // 58 200 $ requested, capped at 50 000 $ in 2020-2021.
    expect(second).toMatchObject({
      recommendation: 'recommended',
      capped: true,
      recommendedAmount: 50_000,
      recommendedByYear: { '2020-2021': 50_000 },
      reportDue: null,
      granted: 0,
      instalments: [],
    });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
