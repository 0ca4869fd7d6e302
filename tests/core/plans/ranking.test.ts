import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../../core/analysis.js';
import type { WorkbookSnapshot } from '../../../core/cells.js';
import { isGeneratedSheet } from '../../../core/generated.js';
import { rankingPlan, SCORE_FORMAT } from '../../../core/plans/ranking.js';
import { PRESET_SETTINGS } from '../../../core/settings.js';
import { MONEY_FORMAT } from '../../../core/values/money.js';
import { applyPlanToSnapshot, sheetOf } from '../../fakes/memory-writer.js';
import { NOW, sampleWorkbook } from './fixture.js';

/** Messages use no-break spaces where French typography wants them. */
const plain = (value: unknown) => (typeof value === 'string' ? value.replace(/[\u00A0\u202F]/g, ' ') : value);

function written(snapshot: WorkbookSnapshot, lang: 'fr' | 'en' = 'fr') {
  const analysis = analyzeWorkbook(snapshot, { today: '2026-11-27' });
  const result = rankingPlan(analysis, snapshot, { now: NOW, lang });
  const workbook = applyPlanToSnapshot(snapshot, { action: 'rank', sheets: [result.sheet], changedCells: 0 });
  return { result, sheet: sheetOf(workbook, result.sheet.sheet) };
}

/** P-02 back to « En analyse »: the simulation walks it and recommends its request. */
function withP02Undecided(): WorkbookSnapshot {
  const snapshot = sampleWorkbook();
  const projets = snapshot.sheets.find((s) => s.name === 'Projets');
  if (!projets) throw new Error('Projets');
  projets.values = projets.values.map((row) => (row[2] === 'P-02' ? ['En analyse', ...row.slice(1)] : row));
  return snapshot;
}

function rowOf(values: unknown[][], first: unknown, col = 0): number {
  return values.findIndex((row) => row?.[col] === first);
}

describe('Classement: the scores', () => {
  it('has one column per criterion and per evaluator between the project and its scores', () => {
    const { sheet, result } = written(sampleWorkbook());
    expect(result.sheet.sheet).toBe('Classement');
    expect(isGeneratedSheet(sheet)).toBe(true);
    expect(sheet.values[2][0]).toBe('Pointage');
    expect(sheet.values[3]).toEqual([
      'Rang',
      'No',
      'Titre',
      'Admissible',
      ...PRESET_SETTINGS.criteria.map((c) => `${c.name} (/${c.max})`),
      'Nathalie Gervais (/100)',
      'Marc-André Bouchard (/100)',
      'Sylvie Tremblay (/100)',
      'Note',
      'Bonus',
      'Note finale',
    ]);
    expect(sheet.frozenRows).toBe(4);
  });

  it('ranks eligible projects first with mean raw scores, « C.I. » for a conflict, bonus and final score', () => {
    const { sheet, result } = written(sampleWorkbook());
    const first = sheet.values[4];
    expect(first.slice(0, 4)).toEqual([1, 'P-01', 'Cuisines collectives maskoutaines', 'Oui']);
    // Criteria means exclude the evaluator in conflict of interest.
    expect(first.slice(4, 10)).toEqual([8.5, 8.5, 7.5, 7.5, 7.5, 4]);
    expect(first.slice(10, 13)).toEqual([81, 80, 'C.I.']);
    expect(first.slice(13, 16)).toEqual([80.5, 5, 85.5]);
    expect(sheet.values[5].slice(0, 2)).toEqual([2, 'P-02']);
    expect(sheet.numberFormats[4][13]).toBe(SCORE_FORMAT);
    expect(sheet.numberFormats[4][15]).toBe(SCORE_FORMAT);
    // The evaluators' column is right-aligned, numbers and « C.I. » alike: no text runs into a number.
    const evaluators = result.sheet.blocks.find((b) => b.col === 10 && b.row === 4);
    expect(evaluators?.align).toBe('right');
    expect(result.sheet.blocks.find((b) => b.row === 3)?.wrap).toBe(true);
  });

  it('lists eligible projects not yet scored, then the non-eligible', () => {
    const { sheet } = written(sampleWorkbook());
    expect(sheet.values[6].slice(0, 4)).toEqual([null, 'P-04', 'Persévérance au secondaire', 'Oui']);
    expect(sheet.values[7].slice(0, 4)).toEqual([null, 'P-03', 'Tremplin emploi', 'Non']);
  });
});

describe('Classement: the funding the simulation recommends', () => {
  const years = ['2019-2020', '2020-2021', '2021-2022', '2022-2023'];
  const FUNDING_HEADERS = [
    'Rang',
    'No',
    'Titre',
    'Recommandation',
    'Demandé total',
    ...years.map((y) => `Montant recommandé ${y}`),
    'Montant recommandé total',
    ...years.map((y) => `Solde après recommandation ${y}`),
  ];

  it('follows the scores, same order, with the amounts recommended per year and in total', () => {
    const snapshot = withP02Undecided();
    const { sheet } = written(snapshot);
    const header = rowOf(sheet.values, 'Recommandation', 3);
    expect(sheet.values[header].slice(0, FUNDING_HEADERS.length)).toEqual(FUNDING_HEADERS);
    expect(sheet.values[header].slice(FUNDING_HEADERS.length).every((v) => v === null)).toBe(true);
    const rows = sheet.values.slice(header + 1, header + 5);
    expect(rows.map((r) => r[1])).toEqual(['P-01', 'P-02', 'P-04', 'P-03']);
    expect(rows.map((r) => plain(r[3]))).toEqual([
      'Déjà engagé : 145 162 $',
      'Recommandé : 58 200 $',
      'Pas encore évalué',
      'Non admissible : 1 organisme impliqué sur 2 requis (les appuis ne comptent pas); 4 municipalités sur 5 requises (1 nom non reconnu : non compté)',
    ]);
    // P-02 asks 58 200 $ in 2020-2021: that is what is recommended, numbers in dollars.
    expect(rows[1].slice(4, 10)).toEqual([58200, 0, 58200, 0, 0, 58200]);
    // Nothing recommended: blank, not 0.
    expect(rows[0].slice(5, 10)).toEqual([null, null, null, null, null]);
    expect(sheet.numberFormats[header + 2][9]).toBe(MONEY_FORMAT);
  });

  it('runs the balance per year after each decision, and totals what is recommended', () => {
    const snapshot = withP02Undecided();
    const analysis = analyzeWorkbook(snapshot, { today: '2026-11-27' });
    const { sheet } = written(snapshot);
    const header = rowOf(sheet.values, 'Recommandation', 3);
    const balances = (r: number) => sheet.values[header + 1 + r].slice(10, 14) as number[];
    // After P-01 (already committed): the envelopes less what is committed, cumulative.
    const committed = analysis.ledger.years.map((y) => y.committedCents);
    let running = 0;
    const before = analysis.years.map((y, i) => {
      running += y.envelopeCents - committed[i];
      return running / 100;
    });
    expect(balances(0)).toEqual(before);
    // After P-02: 58 200 $ less from 2020-2021 on.
    expect(balances(1)).toEqual(before.map((b, i) => (i >= 1 ? b - 58200 : b)));
    // Not ranked (not scored, not eligible): no balance of their own.
    expect(balances(2)).toEqual([null, null, null, null]);
    const total = sheet.values[header + 5];
    expect(total[2]).toBe('Total');
    // P-04's « 1,234 » is ambiguous (read as nothing): 25 000 $ of its requests count.
    expect(total.slice(4, 10)).toEqual([145162 + 58200 + 61936 + 25000, 0, 58200, 0, 0, 58200]);
    expect(total.slice(10, 14)).toEqual(balances(1));
    expect(sheet.values).toHaveLength(header + 6);
  });

  it('prints both tables one page wide, the headers of the scores on every page', () => {
    const { result, sheet } = written(sampleWorkbook());
    expect(result.sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPagesWide: 1,
      titleRows: { first: 3, last: 3 },
      printArea: `A1:P${sheet.values.length}`,
    });
  });

  it('writes English when asked', () => {
    const { sheet } = written(sampleWorkbook(), 'en');
    expect(sheet.values[3][0]).toBe('Rank');
    const header = rowOf(sheet.values, 'Recommendation', 3);
    expect(sheet.values[header][5]).toBe('Amount recommended 2019-2020');
    expect(sheet.values[header + 1][3]).toBe('Already committed: $145,162');
  });
});
