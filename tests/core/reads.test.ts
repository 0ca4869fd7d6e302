import { describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { isGeneratedSheetName } from '../../core/generated.js';
import { readJournal, undoLastOperation } from '../../core/journal.js';
import { sheetReads } from '../../core/reads.js';
import { firstFreeRow, resolvePlan } from '../../core/writes.js';
import { withJournal } from '../fixtures/journal.js';

const NAMES = [
  'Projets',
  'PARAMÈTRES',
  'Notes',
  'Validation',
  'validation (2)',
  'Journal',
  'Journal (3)',
  'Classement',
];

describe('sheetReads: what a host reads of each sheet for an action', () => {
  it('reads the contract sheets whole (any case), the others in part', () => {
    const kinds = (action: Parameters<typeof sheetReads>[0]) => sheetReads(action, NAMES).map((r) => r.kind);
    expect(kinds('summary')).toEqual(['whole', 'whole', 'head', 'head', 'head', 'head', 'head', 'head']);
    expect(kinds('validate')).toEqual(['whole', 'whole', 'head', 'whole', 'whole', 'head', 'head', 'head']);
    expect(kinds('reformat')).toEqual(['whole', 'whole', 'head', 'head', 'head', 'end', 'end', 'head']);
    expect(kinds('template')).toEqual(NAMES.map(() => 'head'));
    expect(kinds('undo')).toEqual(NAMES.map(() => 'whole'));
  });

  it('knows the names generatedSheetName may give', () => {
    expect(isGeneratedSheetName('Sommaire  budgétaire (12)', 'Sommaire budgétaire')).toBe(true);
    expect(isGeneratedSheetName('Sommaire budgétaire 2', 'Sommaire budgétaire')).toBe(false);
  });
});

/** The Journal of 40 rows as a host reads it to append: its first 20 rows and its last row. */
function journalEnd(): WorkbookSnapshot {
  const whole = withJournal({ sheets: [{ name: 'Projets', values: [['No'], ['P-1']] }] }, 40);
  const journal = whole.sheets[1];
  const last = journal.values[journal.values.length - 1];
  const lastRow = [...last.slice(0, 8), 'Appliquée'];
  return {
    sheets: [
      whole.sheets[0],
      { name: 'Journal', values: journal.values.slice(0, 20), partial: { rows: 44, lastRow } },
    ],
  };
}

describe('a Journal read in part', () => {
  it('appends below the row count the host read', () => {
    const snapshot = journalEnd();
    expect(firstFreeRow(snapshot.sheets[1])).toBe(44);
    const { resolved } = resolvePlan(
      {
        action: 'reformat',
        sheets: [],
        changedCells: 1,
        operation: {
          id: 'x',
          action: 'reformat',
          at: new Date('2026-11-27T14:03:05Z'),
          changes: [{ sheet: 'Projets', cell: 'A2', before: { value: 'P-1', formula: null }, after: 'P-01' }],
        },
      },
      snapshot,
    );
    expect(resolved.sheets.find((s) => s.name === 'Journal')?.runs[0].row).toBe(44);
  });

  it('gives the entries of the rows read, the last one included; Annuler cannot be written from it', () => {
    const journal = readJournal(journalEnd());
    expect(journal?.entries.map((e) => e.row)).toEqual([...Array.from({ length: 16 }, (_, i) => 4 + i), 43]);
    expect(journal?.entries.at(-1)?.state).toBe('applied');
    // Annuler would mark the rows it undoes « Annulée »: not in a Journal read in part.
    const undo = undoLastOperation(journalEnd());
    expect(() =>
      resolvePlan({ action: 'undo', sheets: [], changedCells: 1, operation: undo.plan }, journalEnd(), {
        restoreChanged: true,
      }),
    ).toThrow(/read in part/);
  });

  it('is never edited: a plan that would is a bug of the actions table', () => {
    const plan = {
      action: 'validate',
      sheets: [
        { sheet: 'Journal', mode: 'edit' as const, blocks: [], marks: [{ cell: 'A30', fill: '#FFFFFF' }] },
      ],
      changedCells: 0,
    };
    expect(() => resolvePlan(plan, journalEnd())).toThrow(/read in part/);
  });
});
