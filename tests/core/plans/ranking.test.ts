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

describe('Classement', () => {
  it('has one column per criterion and per evaluator between the project and its scores', () => {
    const { sheet, result } = written(sampleWorkbook());
    expect(result.sheet.sheet).toBe('Classement');
    expect(isGeneratedSheet(sheet)).toBe(true);
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
      'Recommandation',
      'Motif',
      'Demandé total',
    ]);
    expect(sheet.frozenRows).toBe(4);
  });

  it('ranks eligible projects first with mean raw scores, « C.I. » for a conflict, bonus and final score', () => {
    const { sheet } = written(sampleWorkbook());
    const first = sheet.values[4];
    expect(first.slice(0, 4)).toEqual([1, 'P-01', 'Cuisines collectives maskoutaines', 'Oui']);
    // Criteria means exclude the evaluator in conflict of interest.
    expect(first.slice(4, 10)).toEqual([8.5, 8.5, 7.5, 7.5, 7.5, 4]);
    expect(first.slice(10, 13)).toEqual([81, 80, 'C.I.']);
    expect(first.slice(13, 16)).toEqual([80.5, 5, 85.5]);
    expect(first.slice(16).map(plain)).toEqual(['Déjà engagé', 'Déjà engagé : 145 162 $', 145162]);
    expect(sheet.values[5].slice(0, 2)).toEqual([2, 'P-02']);
    expect(sheet.numberFormats[4][13]).toBe(SCORE_FORMAT);
    expect(sheet.numberFormats[4][15]).toBe(SCORE_FORMAT);
    expect(sheet.numberFormats[4][18]).toBe(MONEY_FORMAT);
  });

  it('lists eligible projects not yet scored, then the non-eligible with their reasons', () => {
    const { sheet } = written(sampleWorkbook());
    expect(sheet.values[6].slice(0, 4)).toEqual([null, 'P-04', 'Persévérance au secondaire', 'Oui']);
    expect(sheet.values[6][16]).toBe('Non évalué');
    const last = sheet.values[7];
    expect(last.slice(0, 4)).toEqual([null, 'P-03', 'Tremplin emploi', 'Non']);
    expect(plain(last[17])).toBe(
      '1 organisme impliqué sur 2 requis (les appuis ne comptent pas); 4 municipalités sur 5 requises (1 nom non reconnu : non compté)',
    );
    expect(sheet.values).toHaveLength(8);
  });

  it('writes the reasons in English when asked', () => {
    const { sheet } = written(sampleWorkbook(), 'en');
    expect(sheet.values[4][16]).toBe('Already committed');
    expect(sheet.values[3][0]).toBe('Rang');
  });
});
