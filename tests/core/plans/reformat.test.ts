import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../../core/analysis.js';
import type { WorkbookSnapshot } from '../../../core/cells.js';
import { readJournal } from '../../../core/journal.js';
import { reformatPlan } from '../../../core/reformat.js';
import { MONEY_FORMAT } from '../../../core/values/money.js';
import { resolvePlan } from '../../../core/writes.js';
import { applyPlanToSnapshot, sheetOf } from '../../fakes/memory-writer.js';
import { sheet } from '../../fixtures/workbook.js';
import { NOW, sampleWorkbook } from './fixture.js';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function reformat(snapshot: WorkbookSnapshot) {
  const analysis = analyzeWorkbook(snapshot, { today: '2026-11-27' });
  const result = reformatPlan(analysis, snapshot, { now: NOW });
  return { ...result, workbook: applyPlanToSnapshot(snapshot, result.plan) };
}

describe('Reformater', () => {
  it('tidies the Projets cells the way the workbook contract reads them', () => {
    const { workbook } = reformat(sampleWorkbook());
    const projets = sheetOf(workbook, 'Projets');
    const row3 = projets.values[2];
    expect(row3[3]).toBe('Cuisines collectives maskoutaines');
    expect(row3[4]).toBe(89598);
    expect(projets.numberFormats[2][4]).toBe(MONEY_FORMAT);
    expect(row3[6]).toBe('Centre de femmes L’Autonomie en soi; Maison de la famille des Maskoutains');
    expect(row3[7]).toBe('Saint-Hyacinthe; Sainte-Madeleine; Saint-Pie; La Présentation; Saint-Dominique');
    expect(row3[8]).toBe('1; 2');
    expect(row3[11]).toEqual(utc(2020, 4, 1));
    expect(projets.numberFormats[2][11]).toBe('yyyy-mm-dd');
    // A real date stays as it is.
    expect(row3[12]).toEqual(utc(2022, 3, 31));
    const row4 = projets.values[3];
    expect(row4[0]).toBe('Accepté');
    expect(row4[7]).toBe('Toutes');
    expect(row4[8]).toBe(3);
    // « Septembre 2021 » in Fin is read as the month's last day: the real date says the same.
    expect(row4[12]).toEqual(utc(2021, 9, 30));
    expect(projets.values[4][8]).toBe(2);
    expect(projets.values[5][8]).toBe(4);
    expect(projets.values[5][11]).toEqual(utc(2021, 2, 3));
    expect(projets.values[5][12]).toEqual(utc(2023, 3, 31));
  });

  it('writes a merged sector as « Saint-Hyacinthe (secteur …) »: the sector kept, the count unchanged', () => {
    const snapshot = sampleWorkbook();
    const projets = snapshot.sheets.find((s) => s.name === 'Projets')!;
    projets.values[2][7] = 'Ste-Rosalie; St-Hyacinthe; Douville; Saint-Pie';
    const before = analyzeWorkbook(snapshot, { today: '2026-11-27' });
    const { workbook } = reformat(snapshot);
    expect(sheetOf(workbook, 'Projets').values[2][7]).toBe(
      'Saint-Hyacinthe (secteur Sainte-Rosalie); Saint-Hyacinthe; Saint-Hyacinthe (secteur Douville); Saint-Pie',
    );
    const after = analyzeWorkbook(workbook, { today: '2026-11-27' });
    expect(after.eligibility.get('P-01')?.municipalities).toEqual(['Saint-Hyacinthe', 'Saint-Pie']);
    expect(after.eligibility.get('P-01')?.municipalities).toEqual(
      before.eligibility.get('P-01')?.municipalities,
    );
    // Nothing left to tidy: the written form is what Reformater writes.
    expect(reformat(workbook).plan.operation?.changes.some((c) => c.cell === 'H3') ?? false).toBe(false);
  });

  it('tidies the Décisions sheet too: its dates, its grants and « abrogée » as the list says it', () => {
    const snapshot = sampleWorkbook();
    snapshot.sheets.push(
      sheet('Décisions', [
        ['No', 'Date', 'Décision', 'Accordé 2020-2021'],
        ['P-01', '10 novembre 2020', ' accepté', '89 598 $'],
        ['P-01', '2020-12-08', 'abrogée', null],
      ]),
    );
    const decisions = sheetOf(reformat(snapshot).workbook, 'Décisions');
    expect(decisions.values[1]).toEqual(['P-01', utc(2020, 11, 10), 'Accepté', 89598]);
    expect(decisions.values[2]).toEqual(['P-01', utc(2020, 12, 8), 'Abrogé', null]);
  });

  it('never touches a formula or a cell it cannot read, and reports what it left', () => {
    const { workbook, issues, skippedCells } = reformat(sampleWorkbook());
    const projets = sheetOf(workbook, 'Projets');
    expect(projets.values[5][9]).toBe('1,234');
    expect(projets.formulas[5][10]).toBe('=12500*2');
    // Unrecognized municipality kept as typed, the cell otherwise already tidy.
    expect(projets.values[4][7]).toBe(
      'Saint-Barnabé-Sud; Saint-Jude; Saint-Louis; Saint-Simon; Ste-Madelaine',
    );
    expect(skippedCells).toBe(1);
    expect(issues).toEqual([
      {
        code: 'reformat.unrecognizedMunicipality',
        severity: 'warning',
        sheet: 'Projets',
        cell: 'H5',
        params: { value: 'Ste-Madelaine', suggestion: 'Sainte-Madeleine' },
      },
      {
        code: 'reformat.unparsedMoney',
        severity: 'warning',
        sheet: 'Projets',
        cell: 'J6',
        params: { value: '1,234' },
      },
    ]);
  });

  it('tidies the selection grid, the payments and the forecast budget', () => {
    const { workbook } = reformat(sampleWorkbook());
    const grid = sheetOf(workbook, 'Grille de sélection');
    expect(grid.values[2][8]).toBe('Non');
    expect(grid.values[5][2]).toBe(7.5);
    expect(grid.values[5][7]).toBe('S.O.');
    const payments = sheetOf(workbook, 'Versements');
    expect(payments.values[1]).toEqual([44799, 'Avance', 'P-01', utc(2020, 6, 15)]);
    expect(payments.values[3][0]).toBe(29100);
    const budget = sheetOf(workbook, 'Budget prévisionnel');
    expect(budget.values[4].slice(1)).toEqual([0, 0, 0, 0, 0]);
    expect(budget.values[6].slice(1)).toEqual([0, 195007, 97503, 97503, 390013]);
    expect(budget.numberFormats[6][2]).toBe(MONEY_FORMAT);
    expect(budget.values[5][0]).toBe(
      'Attribué en fonction des priorités définis, selon les impacts des projets.',
    );
  });

  it('journals exactly the changed cells, before changing them, and counts them', () => {
    const original = sampleWorkbook();
    const { plan, workbook } = reformat(original);
    expect(plan.sheets).toEqual([]);
    // The write path puts the Journal first, so its record precedes the changes.
    const { resolved } = resolvePlan(plan, original);
    expect(resolved.sheets.map((s) => [s.name, s.create])).toEqual([
      ['Journal', true],
      ['Projets', false],
      ['Grille de sélection', false],
      ['Versements', false],
      ['Budget prévisionnel', false],
    ]);
    const journal = readJournal(workbook)!;
    expect(journal.entries).toHaveLength(plan.changedCells);
    const cells = (sheet: string) => journal.entries.filter((e) => e.sheet === sheet).map((e) => e.cell);
    expect(cells('Projets')).toEqual([
      'D3',
      'E3',
      'G3',
      'H3',
      'I3',
      'J3',
      'K3',
      'L3',
      'A4',
      'I4',
      'M4',
      'I5',
      'J5',
      'L5',
      'M5',
      'I6',
      'L6',
      'M6',
    ]);
    expect(cells('Grille de sélection')).toEqual(['I3', 'C6', 'H6']);
    expect(cells('Versements')).toEqual(['A2', 'B2', 'D2', 'A4']);
    expect(cells('Budget prévisionnel')).toEqual([
      'B5',
      'C5',
      'D5',
      'E5',
      'F5',
      'C6',
      'D6',
      'E6',
      'F6',
      'B7',
      'C7',
      'D7',
      'E7',
      'F7',
    ]);
    expect(plan.changedCells).toBe(39);
    const edited = resolved.sheets
      .slice(1)
      .flatMap((s) => s.runs)
      .reduce((n, run) => n + run.values.length, 0);
    expect(edited).toBe(plan.changedCells);
    expect(resolved.changedCells).toBe(plan.changedCells);
    const first = journal.entries.find((e) => e.cell === 'E3')!;
    expect(first).toMatchObject({
      sheet: 'Projets',
      before: '89 598 $',
      type: 'texte',
      after: 89598,
      state: 'applied',
    });
    expect(journal.entries.every((e) => e.operation === '2026-11-27T14:03:05Z-reformat')).toBe(true);
  });

  it('leaves empty cells alone, whether the host reads them as null or as an empty string', () => {
    const snapshot = sampleWorkbook();
    const projets = snapshot.sheets[1];
    projets.values[4][6] = '';
    projets.values[3][6] = '   ';
    const { plan, workbook } = reformat(snapshot);
    const journal = readJournal(workbook)!;
    expect(journal.entries.some((e) => e.cell === 'G5')).toBe(false);
    // Spaces only: emptied, and journaled as text so that undo gives the spaces back.
    expect(journal.entries.find((e) => e.cell === 'G4')).toMatchObject({ before: '   ', type: 'texte' });
    expect(sheetOf(workbook, 'Projets').values[3][6]).toBeNull();
    expect(plan.changedCells).toBe(40);
  });

  it('keeps what the analysis reads: same ledger and eligibility, fewer warnings, nothing left to do', () => {
    const original = sampleWorkbook();
    const { workbook } = reformat(original);
    const before = analyzeWorkbook(original, { today: '2026-11-27' });
    const after = analyzeWorkbook(workbook, { today: '2026-11-27' });
    expect(after.ledger.years).toEqual(before.ledger.years);
    expect([...after.eligibility.values()].map((e) => e.eligible)).toEqual(
      [...before.eligibility.values()].map((e) => e.eligible),
    );
    expect(after.ranking).toEqual(before.ranking);
    const warnings = (a: typeof before) => a.issues.filter((i) => i.severity === 'warning').length;
    expect(warnings(after)).toBeLessThan(warnings(before));
    const second = reformat(workbook);
    expect(second.plan.changedCells).toBe(0);
    expect(second.plan.sheets).toEqual([]);
  });
});
