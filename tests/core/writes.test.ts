import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellState, type SheetSnapshot, type WorkbookSnapshot } from '../../core/cells.js';
import type { CellChange, Plan } from '../../core/plan.js';
import {
  bridgeRuns,
  confirmationToken,
  confirmedCells,
  readSpans,
  resolvePlan,
  settlePlan,
  snapshotFromSpans,
} from '../../core/writes.js';
import { applyResolved } from '../fakes/memory-writer.js';

const NOW = new Date('2026-11-27T14:03:05Z');

const projets: SheetSnapshot = {
  name: 'Projets',
  values: [
    ['No', 'Montant', 'Calcul'],
    ['P-01', '58 200 $', 2],
    ['P-02', 1200, 4],
    ['P-03', '2 500 $', 6],
  ],
  formulas: [
    [null, null, null],
    [null, null, '=SEQUENCE(3)*2'],
    [null, null, null],
    [null, null, null],
  ],
  // C3:C4 are filled by the array formula anchored in C2.
  computed: [{ row: 2, col: 2, rows: 2, cols: 1 }],
};

function change(snapshot: WorkbookSnapshot, cell: string, after: CellChange['after']): CellChange {
  const sheet = snapshot.sheets[0];
  const row = Number(cell.slice(1)) - 1;
  const col = cell.charCodeAt(0) - 65;
  return { sheet: sheet.name, cell, before: cellState(sheet, row, col), after };
}

function reformatPlan(changes: CellChange[]): Plan {
  return {
    action: 'reformat',
    sheets: [],
    changedCells: changes.length,
    operation: { id: 'op-1', action: 'reformat', at: NOW, changes },
  };
}

describe('resolvePlan', () => {
  const book: WorkbookSnapshot = { sheets: [projets] };

  it('journals first, then writes only the changed cells, one run per column stretch', () => {
    const plan = reformatPlan([change(book, 'B2', 58200), change(book, 'B4', 2500)]);
    const { resolved, issues } = resolvePlan(plan, book);
    expect(issues).toEqual([]);
    expect(resolved.sheets.map((s) => s.name)).toEqual(['Journal', 'Projets']);
    expect(resolved.sheets[1].runs.map((r) => [r.row, r.col, r.values])).toEqual([
      [1, 1, [[58200]]],
      [3, 1, [[2500]]],
    ]);
    expect(resolved.changedCells).toBe(2);
  });

  it('never writes a cell an array formula fills, and says so', () => {
    const plan = reformatPlan([change(book, 'C3', 9)]);
    const { resolved, issues } = resolvePlan(plan, book);
    expect(resolved.sheets).toEqual([]);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([['write.computedCell', 'C3']]);
  });

  it('leaves out a change to what the cell already holds, and edits to unchanged cells', () => {
    const plan = reformatPlan([change(book, 'B3', 1200)]);
    expect(resolvePlan(plan, book).resolved.sheets).toEqual([]);
    const edit: Plan = {
      action: 'validate',
      changedCells: 0,
      sheets: [{ sheet: 'projets', mode: 'edit', blocks: [{ row: 1, col: 0, values: [['P-01'], ['P-2']] }] }],
    };
    const { resolved } = resolvePlan(edit, book);
    // Found without regard to case, written under the workbook's own spelling.
    expect(resolved.sheets[0].name).toBe('Projets');
    expect(resolved.sheets[0].runs).toEqual([{ row: 2, col: 0, values: [['P-2']] }]);
  });

  it('clears a generated sheet in place and redraws its charts; appends below the last used row', () => {
    const journal: SheetSnapshot = {
      name: 'Classement',
      values: [['a'], ['b']],
      chartNames: ['Graphique 1'],
    };
    const plan: Plan = {
      action: 'rank',
      changedCells: 0,
      sheets: [
        { sheet: 'Classement', mode: 'replace', blocks: [{ row: 0, col: 0, values: [['z']] }] },
        { sheet: 'Projets', mode: 'append', blocks: [{ row: 0, col: 0, values: [['P-04']] }] },
      ],
    };
    const { resolved } = resolvePlan(plan, { sheets: [projets, journal] });
    expect(resolved.sheets[0]).toMatchObject({ name: 'Classement', clear: true, create: false });
    expect(resolved.sheets[0].removeCharts).toEqual(['Graphique 1']);
    expect(resolved.sheets[1].runs[0].row).toBe(4);
  });
});

describe('bridgeRuns', () => {
  const numbersOnly = (state: { value: unknown; formula: string | null }) =>
    !state.formula && (state.value === null || typeof state.value === 'number');

  it('joins two runs of a column over cells the host rewrites unchanged, with what they hold', () => {
    const book: WorkbookSnapshot = { sheets: [projets] };
    const { resolved } = resolvePlan(
      reformatPlan([change(book, 'B2', 58200), change(book, 'B4', 2500)]),
      book,
    );
    const bridged = bridgeRuns(resolved, book, numbersOnly);
    expect(bridged.sheets[1].runs.map((r) => [r.row, r.col, r.values])).toEqual([
      [1, 1, [[58200], [1200], [2500]]],
    ]);
    // The Journal, appended in one run per column, is left as it was.
    expect(bridged.sheets[0]).toBe(resolved.sheets[0]);
  });

  it('keeps the runs apart over a cell the host must not rewrite, and joins over empty cells', () => {
    const book: WorkbookSnapshot = { sheets: [projets] };
    const { resolved } = resolvePlan(
      reformatPlan([change(book, 'B2', 58200), change(book, 'B4', 2500)]),
      book,
    );
    const textBetween = bridgeRuns(resolved, book, (state) => numbersOnly(state) && state.value !== 1200);
    expect(textBetween.sheets[1].runs).toHaveLength(2);
    const wide: WorkbookSnapshot = {
      sheets: [{ ...projets, values: projets.values.map((row) => [...row, null]) }],
    };
    const overArray = resolvePlan(
      reformatPlan([change(wide, 'D2', 1), change(wide, 'D4', 3)]),
      wide,
    ).resolved;
    expect(bridgeRuns(overArray, wide, numbersOnly).sheets[1].runs.map((r) => r.values)).toEqual([
      [[1], [null], [3]],
    ]);
  });
});

describe('settlePlan (compare-and-set)', () => {
  const book: WorkbookSnapshot = { sheets: [projets] };
  const plan = reformatPlan([change(book, 'B2', 58200), change(book, 'B4', 2500)]);

  it('re-reads one span per sheet column, from the first to the last changed row', () => {
    expect(readSpans(plan)).toEqual([{ sheet: 'Projets', row: 1, col: 1, rows: 3 }]);
  });

  it('skips and lists a cell changed since it was read; the Journal records only what is written', () => {
    const current = snapshotFromSpans([
      { span: { sheet: 'Projets', row: 1, col: 1, rows: 3 }, values: ['59 000 $', 1200, '2 500 $'] },
    ]);
    const settled = settlePlan(plan, current);
    expect(settled.issues).toEqual([
      {
        code: 'write.changedSince',
        severity: 'warning',
        sheet: 'Projets',
        cell: 'B2',
        params: { value: '59 000 $' },
      },
    ]);
    expect(settled.plan.changedCells).toBe(1);
    const { resolved } = resolvePlan(settled.plan, book);
    const written = applyResolved({ sheets: [projets] }, resolved);
    const journal = written.sheets.find((s) => s.name === 'Journal')!;
    expect(journal.values.slice(4).map((row) => row[4])).toEqual(['B4']);
  });

  it('a token of what the preview read comes back with its dates, and only confirmed cells are kept', () => {
    const dated: WorkbookSnapshot = {
      sheets: [{ name: 'Projets', values: [['Fin'], [new Date(Date.UTC(2023, 2, 31))], ['2024-03-31']] }],
    };
    const preview = reformatPlan([change(dated, 'A3', new Date(Date.UTC(2024, 2, 31)))]);
    const token = confirmationToken(preview);
    expect(confirmedCells(token)).toEqual([
      { sheet: 'Projets', cell: 'A3', before: { value: '2024-03-31', formula: null } },
    ]);
    // Computed again after the confirmation, the plan has one cell more (a colleague typed it):
    // it was not confirmed, so it is not written.
    const again = reformatPlan([...preview.operation!.changes, change(dated, 'A2', 'x')]);
    const settled = settlePlan(again, dated, { confirmed: confirmedCells(token) });
    expect(settled.plan.operation?.changes.map((c) => c.cell)).toEqual(['A3']);
    expect(settled.issues.map((i) => i.cell)).toEqual(['A2']);
  });

  it('property: a settled plan never writes a cell whose current state differs from what was read', () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5 }), fc.constantFrom('a', 'b'));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, fc.boolean()), { minLength: 1, maxLength: 12 }),
        (cells) => {
          const sheet: SheetSnapshot = { name: 'G', values: cells.map(([before]) => [before]) };
          const changes: CellChange[] = cells.map(([before, after], r) => ({
            sheet: 'G',
            cell: `A${r + 1}`,
            before: { value: before, formula: null },
            after: after ?? 'z',
          }));
          const plan = reformatPlan(changes);
          const current: SheetSnapshot = {
            name: 'G',
            values: cells.map(([before, after, edited]) => [edited ? `edit:${after}` : before]),
          };
          const settled = settlePlan(plan, { sheets: [current] });
          const { resolved } = resolvePlan(settled.plan, { sheets: [sheet] });
          const written = applyResolved({ sheets: [current] }, resolved).sheets[0];
          cells.forEach(([, , edited], r) => {
            if (edited) expect(written.values[r][0]).toBe(current.values[r][0]);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('resolvePlan on a protected sheet', () => {
  it('writes nothing at all and names the sheet, as data', () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        { name: 'Projets', values: [['No'], ['P-1']], protected: true },
        { name: 'Journal', values: [] },
      ],
    };
    const plan: Plan = {
      action: 'validate',
      changedCells: 0,
      sheets: [
        { sheet: 'Validation', mode: 'replace', blocks: [{ row: 0, col: 0, values: [['Validation']] }] },
        { sheet: 'Projets', mode: 'edit', blocks: [], marks: [{ cell: 'A2', fill: '#F8D7DA' }] },
      ],
    };
    const { resolved, issues } = resolvePlan(plan, snapshot);
    expect(resolved.sheets).toEqual([]);
    expect(issues).toEqual([
      { code: 'write.protectedSheet', severity: 'error', sheet: 'Projets', params: { sheet: 'Projets' } },
    ]);
  });

  const edit = (cell: string): Plan => ({
    action: 'validate',
    changedCells: 0,
    sheets: [{ sheet: 'Projets', mode: 'edit', blocks: [], marks: [{ cell, fill: '#F8D7DA' }] }],
  });

  it('writes inside the ranges a protected sheet leaves editable, and nowhere else', () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        {
          name: 'Projets',
          values: [
            ['No', 'Montant'],
            ['P-1', 5],
          ],
          protected: true,
          editableAreas: [{ row: 1, col: 0, rows: 500, cols: 2 }],
        },
      ],
    };
    expect(resolvePlan(edit('B2'), snapshot).issues).toEqual([]);
    expect(resolvePlan(edit('B1'), snapshot).issues.map((i) => i.code)).toEqual(['write.protectedSheet']);
  });

  it('refuses a plan that meets a protected range, naming the range, and lets the others be', () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        {
          name: 'Projets',
          values: [
            ['No', 'Montant'],
            ['P-1', 5],
            ['P-2', 6],
          ],
          lockedAreas: [{ row: 1, col: 1, rows: 2, cols: 1 }],
        },
      ],
    };
    expect(resolvePlan(edit('A2'), snapshot).issues).toEqual([]);
    const { resolved, issues } = resolvePlan(edit('B3'), snapshot);
    expect(resolved.sheets).toEqual([]);
    expect(issues).toEqual([
      {
        code: 'write.protectedRange',
        severity: 'error',
        sheet: 'Projets',
        cell: 'B2:B3',
        params: { sheet: 'Projets', range: 'B2:B3' },
      },
    ]);
  });
});
