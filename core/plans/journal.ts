/** The Journal sheet plan: rows appended BEFORE staff cells change, created with its header when absent. */

import type { ActionName } from '../action-table.js';
import type { CellValue, WorkbookSnapshot } from '../cells.js';
import { generatedSheetName, generatedTitleBlock, JOURNAL_MARK_FR } from '../generated.js';
import {
  encodeCell,
  encodePlanValue,
  findJournalSheet,
  JOURNAL_FIELDS,
  JOURNAL_HEADERS,
  JOURNAL_SHEET,
  STATE_LABELS,
  valueType,
} from '../journal.js';
import type { Block, Operation, SheetPlan } from '../plan.js';
import { pageSetup } from '../print.js';
import { mrcDateTime } from '../values/dates.js';

export const JOURNAL_TITLE = 'Journal des modifications';

/** How the Journal names each action (French, like the rest of the workbook). */
export const ACTION_LABELS: Record<ActionName, string> = {
  template: 'Créer le gabarit',
  validate: 'Valider',
  reformat: 'Reformater',
  summary: 'Sommaire budgétaire',
  rank: 'Classement',
  followup: 'Suivi des projets',
  undo: 'Annuler',
};

const COLUMN_WIDTHS = [28, 22, 14, 22, 10, 36, 14, 36, 12];

/** `2026-11-27 09:03:05 (heure de Montréal)`: staff's own clock, and said so whatever the host's. */
export function journalTimestamp(at: Date): string {
  return `${mrcDateTime(at)} (heure de Montréal)`;
}

/**
 * An 'append' plan on the Journal: block rows are relative to the first free row of the sheet
 * (0 = just below the last used row). When the workbook has no Journal yet, the rows start with
 * the title block and the header, so the same plan creates it.
 */
export function journalAppendPlan(snapshot: WorkbookSnapshot, operation: Operation): SheetPlan {
  const exists = findJournalSheet(snapshot) !== undefined;
  const sheet = generatedSheetName(snapshot, JOURNAL_SHEET);
  const blocks: Block[] = [];
  let row = 0;
  if (!exists) {
    blocks.push(generatedTitleBlock(JOURNAL_TITLE, journalTimestamp(operation.at), JOURNAL_MARK_FR));
    blocks.push({ row: 3, col: 0, values: [JOURNAL_FIELDS.map((f) => JOURNAL_HEADERS[f])], bold: true });
    row = 4;
  }
  if (operation.changes.length > 0) {
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    const when = journalTimestamp(operation.at);
    for (const change of operation.changes) {
      const before = encodeCell(change.before);
      const after = encodePlanValue(change.after);
      values.push([
        operation.id,
        when,
        ACTION_LABELS[operation.action],
        change.sheet,
        change.cell,
        before.value,
        valueType(change.before),
        after.value,
        STATE_LABELS.applied,
      ]);
      formats.push([null, null, null, null, null, before.format, null, after.format, null]);
    }
    blocks.push({ row, col: 0, values, numberFormats: formats });
  }
  const plan: SheetPlan = { sheet, mode: 'append', blocks };
  if (!exists) {
    plan.frozenRows = 4;
    plan.columnWidths = COLUMN_WIDTHS.map((width, col) => ({ col, width }));
    // Rows are added at every operation: no print area, the header row on every page.
    plan.pageSetup = pageSetup({
      lang: 'fr',
      now: operation.at,
      program: JOURNAL_TITLE,
      orientation: 'landscape',
      titleRows: { first: 3, last: 3 },
      dated: false,
    });
  }
  return plan;
}
