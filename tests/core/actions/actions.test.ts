import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAction } from '../../../core/actions.js';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../core/cells.js';
import { cellState } from '../../../core/cells.js';
import { applyPlanToSnapshot, sheetOf } from '../../fakes/memory-writer.js';
import { NOW, sampleWorkbook } from '../plans/fixture.js';

const STAFF = ['Budget prévisionnel', 'Projets', 'Grille de sélection', 'Versements'];

/** Values and formulas of a sheet over a given size ('' and null are both an empty cell). */
function cells(sheet: SheetSnapshot, rows: number, cols: number) {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const state = cellState(sheet, r, c);
      return { value: state.formula || state.value === '' ? null : state.value, formula: state.formula };
    }),
  );
}

function sameStaffCells(after: WorkbookSnapshot, before: WorkbookSnapshot, names: readonly string[]): void {
  for (const name of names) {
    const original = before.sheets.find((s) => s.name === name)!;
    const rows = original.values.length;
    const cols = Math.max(...original.values.map((r) => r.length));
    expect(cells(sheetOf(after, name), rows, cols)).toEqual(cells(original, rows, cols));
  }
}

function run(action: Parameters<typeof runAction>[0], snapshot: WorkbookSnapshot, now = NOW) {
  const result = runAction(action, snapshot, { now });
  return { result, workbook: applyPlanToSnapshot(snapshot, result.plan) };
}

describe('runAction', () => {
  it('reformat then undo gives back exactly the original cells, values and formulas', () => {
    const original = sampleWorkbook();
    const reformatted = run('reformat', original);
    expect(reformatted.result.ok).toBe(true);
    expect(reformatted.result.plan.changedCells).toBe(39);
    expect(reformatted.result.summary.replace(/\u00A0/g, ' ')).toBe(
      '39 cellules reformatées ; 1 laissée telle quelle ; 1 remarque (voir la liste)',
    );
    // The sentence counts the lines listed after it.
    expect(reformatted.result.issues).toHaveLength(2);
    expect(reformatted.result.plan.activate).toBe('Projets');
    const undone = run('undo', reformatted.workbook, new Date('2026-11-27T14:05:00Z'));
    expect(undone.result.ok).toBe(true);
    expect(undone.result.plan.changedCells).toBe(39);
    expect(undone.result.issues).toEqual([]);
    expect(undone.result.summary).toBe('39 cellules restaurées (opération 2026-11-27T14:03:05Z-reformat)');
    sameStaffCells(undone.workbook, original, STAFF);
    // Annuler is an operation too: undoing it gives back the reformatted cells.
    const again = run('undo', undone.workbook, new Date('2026-11-27T14:06:00Z'));
    expect(again.result.ok).toBe(true);
    expect(again.result.plan.changedCells).toBe(39);
    sameStaffCells(again.workbook, reformatted.workbook, STAFF);
  });

  it('undo with no Journal at all says so and changes nothing', () => {
    const { result } = run('undo', sampleWorkbook());
    expect(result.ok).toBe(false);
    expect(result.plan).toEqual({ action: 'undo', sheets: [], changedCells: 0 });
    expect(result.summary).toBe(
      'Rien à annuler\u00a0: le classeur n’a pas encore de feuille «\u00a0Journal\u00a0».',
    );
    expect(runAction('undo', sampleWorkbook(), { lang: 'en', now: NOW }).summary).toBe(
      'Nothing to undo: the workbook has no “Journal” sheet yet.',
    );
  });

  it('summary writes the Sommaire budgétaire and returns the analysis issues without writing them', () => {
    const { result, workbook } = run('summary', sampleWorkbook());
    expect(result.plan.sheets.map((s) => s.sheet)).toEqual(['Sommaire budgétaire']);
    expect(result.plan.changedCells).toBe(0);
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.analysis?.ledger.lapsedCents).toBe(18_665_100);
    expect(result.summary.replace(/[\u00A0\u202F]/g, ' ')).toBe(
      'Sommaire budgétaire écrit dans « Sommaire budgétaire » : 4 exercices, non utilisé 186 651 $',
    );
    expect(workbook.sheets.map((s) => s.name)).not.toContain('Validation');
  });

  it('summary offers to convert first the text its formulas would read; yes converts and journals, no changes nothing', () => {
    const original = sampleWorkbook();
    const result = runAction('summary', original, { now: NOW });
    // Offered, not counted: optional changes, written only when asked.
    const offered = result.plan.operation?.changes ?? [];
    expect(result.plan.changedCells).toBe(0);
    expect(offered.every((change) => change.optional)).toBe(true);
    expect(offered.map((c) => `${c.sheet}!${c.cell}`)).toEqual([
      'Budget prévisionnel!C7',
      'Projets!E3',
      'Versements!A2',
      'Versements!D2',
      'Budget prévisionnel!D7',
      'Versements!A4',
      'Budget prévisionnel!E7',
    ]);
    // Reformater's own conversion of those cells, not another one.
    const reformat = runAction('reformat', original, { now: NOW }).plan.operation?.changes ?? [];
    for (const change of offered) {
      const same = reformat.find((c) => c.sheet === change.sheet && c.cell === change.cell);
      expect({ after: change.after, format: change.format }).toEqual({
        after: same?.after,
        format: same?.format,
      });
    }

    // Declined: the staff cells are untouched, no Journal, the Sommaire shows the tool's shaded figures.
    const declined = applyPlanToSnapshot(original, result.plan);
    sameStaffCells(declined, original, STAFF);
    expect(declined.sheets.map((s) => s.name)).not.toContain('Journal');
    expect(sheetOf(declined, 'Sommaire budgétaire').formulas[5][1]).toBeNull();

    // Accepted: the cells become numbers, journaled as Reformater; the Sommaire is live there.
    const accepted = applyPlanToSnapshot(original, result.plan, { restoreChanged: true });
    expect(sheetOf(accepted, 'Budget prévisionnel').values[6][2]).toBe(195007);
    expect(sheetOf(accepted, 'Journal').values.length).toBeGreaterThan(offered.length);
    const summary = sheetOf(accepted, 'Sommaire budgétaire');
    expect(summary.formulas[5][1]).toBe("=SUM('Budget prévisionnel'!C7)");
    expect(summary.values[5][8]).toBeNull();
    // Annuler gives the text back.
    const undone = run('undo', accepted, new Date('2026-11-27T14:05:00Z'));
    expect(undone.result.plan.changedCells).toBe(offered.length);
    sameStaffCells(undone.workbook, original, STAFF);
  });

  it('rank writes the Classement; template fills an empty workbook and leaves a full one alone', () => {
    const ranked = run('rank', sampleWorkbook()).result;
    expect(ranked.plan.sheets.map((s) => s.sheet)).toEqual(['Classement']);
    expect(ranked.summary.replace(/\u00A0/g, ' ')).toBe(
      'Classement écrit dans « Classement » : 3 projets admissibles sur 4, 0 recommandé',
    );
    const created = run('template', { sheets: [] });
    expect(created.result.summary).toBe('Gabarit créé\u00a0: 6 feuilles ajoutées');
    const again = run('template', created.workbook).result;
    expect(again.plan.sheets).toEqual([]);
    expect(again.summary).toBe('Toutes les feuilles du gabarit existent déjà\u00a0: rien n’a été modifié.');
  });

  it('validate builds no sheet when nothing will be written, and finds the same issues', () => {
    const planned = runAction('validate', sampleWorkbook(), { now: NOW });
    const bare = runAction('validate', sampleWorkbook(), { now: NOW, sheets: false });
    expect(planned.plan.sheets.length).toBeGreaterThan(0);
    expect(bare.plan.sheets).toEqual([]);
    expect(bare.issues).toEqual(planned.issues);
    expect(bare.summary).toBe(planned.summary);
  });

  it('validate returns every issue and a one-sentence count, and changes no staff cell', () => {
    const { result, workbook } = run('validate', sampleWorkbook());
    expect(result.ok).toBe(true);
    expect(result.plan.changedCells).toBe(0);
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    expect(result.summary.replace(/\u00A0/g, ' ')).toMatch(
      new RegExp(`^${errors} erreurs?, \\d+ avertissements? dans \\d+ feuilles?$`),
    );
    sameStaffCells(workbook, sampleWorkbook(), STAFF);
  });

  it('property: undo after reformat restores any staff grid exactly', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '=SUM(A1:A2)',
        '=pas une formule',
        '+1',
        '-3',
        '@home',
        '0012',
        '  Moisson  Maskoutaine ',
      ),
    );
    const money = fc.oneof(
      fc.integer({ min: 0, max: 500_000 }).map((n) => `${n.toLocaleString('fr-CA')} $`),
      fc.constantFrom('- $', '195 007 $', '25 350,72 $', '$195,007.50', '1,234', 'beaucoup'),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    );
    const date = fc.oneof(
      fc.constantFrom(
        '2020-02-03',
        'le 3 février 2020',
        'Septembre 2021',
        '03/02/2020',
        '31/03/2023',
        'bientôt',
      ),
      fc.date({ min: new Date('2019-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }),
    );
    const municipalities = fc
      .array(
        fc.constantFrom(
          'St-Hyacinthe',
          'Ste-Madeleine',
          'Sainte-Marie-Madeleine',
          'Saint-Pie-de-Bagot',
          'Toutes',
          'Ste-Madelaine',
          ' La Présentation',
        ),
        { maxLength: 5 },
      )
      .chain((items) => fc.constantFrom(', ', '; ', '\n').map((sep) => items.join(sep)));
    const priorities = fc.constantFrom('1, 2', 'Habitation', '2', 'P3', '5', '1 ; Insertion');
    const decision = fc.constantFrom('Accepté', 'accepte', ' Refusé', 'en analyse', 'peut-être');
    const cell = (plain: fc.Arbitrary<CellValue>) =>
      fc.oneof(
        { weight: 6, arbitrary: plain.map((value) => ({ value, formula: null as string | null })) },
        { weight: 1, arbitrary: fc.constant({ value: null as CellValue, formula: null as string | null }) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('=SUM(J2:J5)', '="Saint-"&"Jude"').map((formula) => ({
            value: 0 as CellValue,
            formula: formula as string | null,
          })),
        },
      );
    const row = fc.tuple(
      fc.integer({ min: 1, max: 99 }).map((n) => `P-${n}`),
      cell(text),
      cell(municipalities),
      cell(priorities),
      cell(money),
      cell(date),
      cell(decision),
      cell(money),
    );
    let runsWithChanges = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        const header = [
          'No',
          'Titre',
          'Municipalités',
          'Priorités',
          'Coût total',
          'Début',
          'Décision',
          'Accordé 2020-2021',
        ];
        const projets: SheetSnapshot = {
          name: 'Projets',
          values: [header, ...rows.map(([id, ...rest]) => [id, ...rest.map((c) => c.value)])],
          formulas: [
            header.map(() => null),
            ...rows.map(([, ...rest]) => [null, ...rest.map((c) => c.formula)]),
          ],
        };
        const original: WorkbookSnapshot = { sheets: [projets] };
        const reformatted = run('reformat', original);
        const undone = run('undo', reformatted.workbook);
        if (reformatted.result.plan.changedCells === 0) {
          expect(undone.result.ok).toBe(false);
        } else {
          runsWithChanges += 1;
          expect(undone.result.plan.changedCells).toBe(reformatted.result.plan.changedCells);
        }
        sameStaffCells(undone.workbook, original, ['Projets']);
      }),
      { numRuns: 60 },
    );
    // The grids are messy enough that most runs really change cells.
    expect(runsWithChanges).toBeGreaterThan(30);
  });
});
