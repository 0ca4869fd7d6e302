import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAddress } from '../../../core/a1.js';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../core/cells.js';
import { cellState } from '../../../core/cells.js';
import {
  decodeCell,
  JOURNAL_HEADERS,
  operationId,
  readJournal,
  undoLastOperation,
} from '../../../core/journal.js';
import type { CellChange, Plan, PlanValue } from '../../../core/plan.js';
import { applyPlanToSnapshot, sheetOf } from '../../fakes/memory-writer.js';

const NOW = new Date('2026-11-27T14:03:05.123Z');

/** Applies `after` to the given cells of `sheet`, journaled first, as an action would. */
function changeCells(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  edits: { row: number; col: number; after: PlanValue }[],
  at = NOW,
): WorkbookSnapshot {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName)!;
  const changes: CellChange[] = edits.map(({ row, col, after }) => ({
    sheet: sheetName,
    cell: cellAddress(row, col),
    before: cellState(sheet, row, col),
    after,
  }));
  const existing = new Set(readJournal(snapshot)?.entries.map((e) => e.operation) ?? []);
  const plan: Plan = {
    action: 'reformat',
    changedCells: edits.length,
    sheets: [],
    operation: { id: operationId(at, 'reformat', existing), action: 'reformat', at, changes },
  };
  return applyPlanToSnapshot(snapshot, plan);
}

function undoPlan(snapshot: WorkbookSnapshot, at = NOW): Plan {
  const result = undoLastOperation(snapshot, at);
  expect(result.ok).toBe(true);
  return { action: 'undo', sheets: [], changedCells: result.changedCells, operation: result.plan };
}

function undo(snapshot: WorkbookSnapshot, options: { restoreChanged?: boolean } = {}): WorkbookSnapshot {
  return applyPlanToSnapshot(snapshot, undoPlan(snapshot), options);
}

/** Values and formulas of a sheet, padded to a given size, for exact comparison. */
function cells(
  sheet: SheetSnapshot,
  rows: number,
  cols: number,
): { value: CellValue; formula: string | null }[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const state = cellState(sheet, r, c);
      return {
        value: state.formula ? null : state.value === '' ? null : state.value,
        formula: state.formula,
      };
    }),
  );
}

const projets: SheetSnapshot = {
  name: 'Projets',
  values: [
    ['No', 'Titre', 'Coût total', 'Début', 'Actif', 'Total'],
    ['0012', '=pas une formule', '195 007 $', new Date(Date.UTC(2020, 1, 3)), true, null],
    ['P-2', '  Cuisines   collectives ', 25350.72, '3 février 2020', false, null],
  ],
  formulas: [
    [null, null, null, null, null, null],
    [null, null, null, null, null, '=SUM(C2:C3)'],
    [null, null, null, null, null, null],
  ],
};

describe('Journal', () => {
  it('creates the Journal with its title, mark and exact headers, then appends below', () => {
    const once = changeCells({ sheets: [projets] }, 'Projets', [{ row: 1, col: 2, after: 195007 }]);
    const journal = sheetOf(once, 'Journal');
    expect(journal.values[0][0]).toBe('Journal des modifications');
    expect(journal.values[3]).toEqual([
      'Opération',
      'Date et heure',
      'Action',
      'Feuille',
      'Cellule',
      'Ancienne valeur',
      "Type d'origine",
      'Nouvelle valeur',
      'État',
    ]);
    expect(Object.values(JOURNAL_HEADERS)).toEqual(journal.values[3]);
    expect(journal.frozenRows).toBe(4);
    expect(journal.values[4]).toEqual([
      '2026-11-27T14:03:05Z-reformat',
      '2026-11-27 09:03:05 (heure de Montréal)',
      'Reformater',
      'Projets',
      'C2',
      '195 007 $',
      'texte',
      195007,
      'Appliquée',
    ]);
    const twice = changeCells(once, 'Projets', [{ row: 2, col: 1, after: 'Cuisines collectives' }]);
    const rows = sheetOf(twice, 'Journal').values;
    expect(rows).toHaveLength(6);
    // Same second, same action: the second operation gets its own id.
    expect(rows[5][0]).toBe('2026-11-27T14:03:05Z-reformat-2');
    expect(rows[5][5]).toBe('  Cuisines   collectives ');
  });

  it('records the type of origin of every kind of cell', () => {
    const edited = changeCells({ sheets: [projets] }, 'Projets', [
      { row: 1, col: 0, after: 12 },
      { row: 1, col: 1, after: 'x' },
      { row: 1, col: 3, after: 'x' },
      { row: 1, col: 4, after: 'x' },
      { row: 1, col: 5, after: 'x' },
      { row: 2, col: 2, after: 'x' },
      { row: 2, col: 5, after: 'x' },
    ]);
    const journal = readJournal(edited)!;
    expect(journal.entries.map((e) => [e.cell, e.type])).toEqual([
      ['A2', 'texte'],
      ['B2', 'texte'],
      ['D2', 'date'],
      ['E2', 'booléen'],
      ['F2', 'formule'],
      ['C3', 'nombre'],
      ['F3', 'vide'],
    ]);
    expect(sheetOf(edited, 'Journal').values[8][5]).toBe('=SUM(C2:C3)');
    // The formula's text is written as text in the Journal, never as a live formula.
    expect(sheetOf(edited, 'Journal').formulas[8][5]).toBeNull();
  });

  it('undo restores values, formulas, text that looks like a formula, dates and booleans exactly', () => {
    const before: WorkbookSnapshot = { sheets: [projets] };
    const edited = changeCells(before, 'Projets', [
      { row: 1, col: 0, after: 12 },
      { row: 1, col: 1, after: 'pas une formule' },
      { row: 1, col: 2, after: 195007 },
      { row: 1, col: 3, after: '2020-02-03' },
      { row: 1, col: 4, after: 'Oui' },
      { row: 1, col: 5, after: 195007 },
      { row: 2, col: 1, after: 'Cuisines collectives' },
      { row: 2, col: 3, after: new Date(Date.UTC(2020, 1, 3)) },
      { row: 2, col: 5, after: 'rempli' },
    ]);
    const restored = undo(edited);
    expect(cells(sheetOf(restored, 'Projets'), 3, 6)).toEqual(cells(projets, 3, 6));
    const journal = readJournal(restored)!;
    const reformat = journal.entries.filter((e) => e.action === 'Reformater');
    expect(reformat.every((e) => e.state === 'undone')).toBe(true);
    expect(sheetOf(restored, 'Journal').values[4][8]).toBe('Annulée');
    // The restore is journaled as an operation of its own, still applied.
    const restore = journal.entries.filter((e) => e.action === 'Annuler');
    expect(restore).toHaveLength(reformat.length);
    expect(restore.every((e) => e.state === 'applied')).toBe(true);
  });

  it('Annuler of an Annuler gives back exactly the state after the operation', () => {
    const edited = changeCells({ sheets: [projets] }, 'Projets', [
      { row: 1, col: 2, after: 195007 },
      { row: 2, col: 1, after: 'Cuisines collectives' },
      { row: 1, col: 5, after: 12 },
    ]);
    const restored = undo(edited);
    expect(cells(sheetOf(restored, 'Projets'), 3, 6)).toEqual(cells(projets, 3, 6));
    const again = applyPlanToSnapshot(restored, undoPlan(restored, new Date('2026-11-27T15:00:00Z')));
    expect(cells(sheetOf(again, 'Projets'), 3, 6)).toEqual(cells(sheetOf(edited, 'Projets'), 3, 6));
  });

  it('undoes the last operation still applied; an Annuler is one, so Annuler twice toggles it', () => {
    const first = changeCells({ sheets: [projets] }, 'Projets', [{ row: 1, col: 2, after: 195007 }]);
    const second = changeCells(
      first,
      'Projets',
      [{ row: 1, col: 2, after: 1 }],
      new Date('2026-11-27T15:00:00Z'),
    );
    const undoneOnce = undo(second);
    expect(sheetOf(undoneOnce, 'Projets').values[1][2]).toBe(195007);
    const undoneTwice = undo(undoneOnce);
    expect(sheetOf(undoneTwice, 'Projets').values[1][2]).toBe(1);
  });

  it('says there is nothing to undo when every operation is undone', () => {
    const journalOnly = changeCells({ sheets: [projets] }, 'Projets', [{ row: 1, col: 2, after: 195007 }]);
    const journal = sheetOf(journalOnly, 'Journal');
    for (let r = 4; r < journal.values.length; r++) journal.values[r][8] = 'Annulée';
    const none = undoLastOperation(journalOnly);
    expect(none.ok).toBe(false);
    expect(none.changedCells).toBe(0);
    expect(none.issues.map((i) => i.code)).toEqual(['journal.nothingToUndo']);
  });

  it('says there is nothing to undo when the workbook has no Journal, or only a staff sheet named Journal', () => {
    expect(undoLastOperation({ sheets: [projets] }).issues.map((i) => i.code)).toEqual(['journal.missing']);
    const staffJournal: SheetSnapshot = { name: 'Journal', values: [['Notes de la réunion du 3 février']] };
    const result = undoLastOperation({ sheets: [projets, staffJournal] });
    expect(result.ok).toBe(false);
    expect(result.issues[0].code).toBe('journal.missing');
  });

  it('a staff sheet named Journal is never written: the journal goes to « Journal (2) »', () => {
    const staffJournal: SheetSnapshot = { name: 'Journal', values: [['Notes de la réunion du 3 février']] };
    const edited = changeCells({ sheets: [projets, staffJournal] }, 'Projets', [
      { row: 1, col: 2, after: 195007 },
    ]);
    expect(sheetOf(edited, 'Journal').values).toEqual([['Notes de la réunion du 3 février']]);
    expect(readJournal(edited)!.sheet).toBe('Journal (2)');
    const restored = undo(edited);
    expect(sheetOf(restored, 'Projets').values[1][2]).toBe('195 007 $');
  });

  it('leaves a cell staff changed since as it is, with a warning, unless asked to restore it too', () => {
    const edited = changeCells({ sheets: [projets] }, 'Projets', [
      { row: 1, col: 2, after: 195007 },
      { row: 2, col: 1, after: 'Cuisines collectives' },
    ]);
    const typedSince = structuredClone(edited);
    sheetOf(typedSince, 'Projets').values[1][2] = 200000;
    const result = undoLastOperation(typedSince);
    expect(result.ok).toBe(true);
    expect(result.changedCells).toBe(1);
    expect(result.issues).toEqual([
      {
        code: 'journal.changedSince',
        severity: 'warning',
        sheet: 'Projets',
        cell: 'C2',
        params: { operation: '2026-11-27T14:03:05Z-reformat' },
      },
    ]);
    const kept = undo(typedSince);
    expect(sheetOf(kept, 'Projets').values[1][2]).toBe(200000);
    expect(sheetOf(kept, 'Projets').values[2][1]).toBe('  Cuisines   collectives ');

    const forced = undo(typedSince, { restoreChanged: true });
    expect(sheetOf(forced, 'Projets').values[1][2]).toBe('195 007 $');
    // What Annuler overwrote is journaled: undoing the Annuler gives the staff entry back.
    const back = applyPlanToSnapshot(forced, undoPlan(forced, new Date('2026-11-27T15:00:00Z')));
    expect(sheetOf(back, 'Projets').values[1][2]).toBe(200000);
  });

  it('restores what it can when a journaled sheet was deleted since, and reports the cells it could not', () => {
    const versements: SheetSnapshot = { name: 'Versements', values: [['Montant'], ['44 799 $']] };
    const edited = changeCells({ sheets: [projets, versements] }, 'Projets', [
      { row: 1, col: 2, after: 195007 },
    ]);
    const both = changeCells(edited, 'Versements', [{ row: 1, col: 0, after: 44799 }], NOW);
    const withoutPayments = { sheets: both.sheets.filter((s) => s.name !== 'Versements') };
    // The two changes share one id only when made by one operation: here the second has its own.
    const result = undoLastOperation(withoutPayments, NOW);
    expect(result.ok).toBe(true);
    expect(result.changedCells).toBe(0);
    expect(result.issues).toEqual([
      {
        code: 'journal.sheetMissing',
        severity: 'error',
        sheet: 'Journal',
        cell: 'D6',
        params: { sheet: 'Versements', cell: 'A2' },
      },
    ]);
  });

  it('reads old values back whatever form the host returned them in', () => {
    expect(decodeCell(43864, 'date')).toEqual(new Date(Date.UTC(2020, 1, 3)));
    expect(decodeCell('2020-02-03 00:00:00', 'date')).toEqual(new Date(2020, 1, 3));
    expect(decodeCell('0.1', 'nombre')).toBe(0.1);
    expect(decodeCell('VRAI', 'booléen')).toBe(true);
    expect(decodeCell('SUM(A1:A2)', 'formule')).toEqual({ formula: '=SUM(A1:A2)' });
    expect(decodeCell(null, 'texte')).toBe('');
    expect(decodeCell('anything', 'vide')).toBeNull();
  });

  it('property: any change to any staff grid is undone exactly', () => {
    const plainValue = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.constantFrom('=SUM(A1:A2)', '+1', '-3', '@home', '0012', '195 007 $', '- $', ' St-Hyacinthe '),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.date({ min: new Date('1950-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
    );
    const cell = fc.oneof(
      { weight: 5, arbitrary: plainValue.map((value) => ({ value, formula: null as string | null })) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('=SUM(B2:B9)', "='Budget prévisionnel'!C5*2")
          .map((formula) => ({ value: 0 as CellValue, formula })),
      },
    );
    const grid = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }))
      .chain(([rows, cols]) =>
        fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      );
    const newValue = fc.oneof(
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
      fc.date({ noInvalidDate: true }),
    );
    fc.assert(
      fc.property(
        grid,
        fc.array(fc.tuple(fc.nat(), fc.nat(), newValue), { maxLength: 12 }),
        (rows, picks) => {
          const sheet: SheetSnapshot = {
            name: 'Grille de sélection',
            values: rows.map((r) => r.map((c) => c.value)),
            formulas: rows.map((r) => r.map((c) => c.formula)),
          };
          const height = rows.length;
          const width = rows[0].length;
          const seen = new Set<string>();
          const edits = picks
            .map(([r, c, after]) => ({ row: r % height, col: c % width, after: after as PlanValue }))
            .filter((e) => {
              const key = `${e.row},${e.col}`;
              if (seen.has(key)) return false;
              seen.add(key);
              return true;
            });
          fc.pre(edits.length > 0);
          const edited = changeCells({ sheets: [sheet] }, sheet.name, edits);
          // Edits that set a cell to what it holds write nothing, and leave nothing to undo.
          const restored = readJournal(edited) ? undo(edited) : edited;
          expect(cells(sheetOf(restored, sheet.name), height, width)).toEqual(cells(sheet, height, width));
        },
      ),
      { numRuns: 200 },
    );
  });
});
