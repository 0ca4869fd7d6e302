/**
 * What a host reads of each sheet for an action, from what `ACTION_TABLE` says the action needs
 * (`reads`). Hosts that pay per byte (Sheets) read the rest of the workbook as little as core's
 * decisions allow: every sheet's name and its first rows (the tool's mark, so that a staff sheet
 * named like a generated one is never overwritten, whatever its case), the Journal's header and
 * last row when an action only appends to it.
 */
import { ACTION_TABLE, type ActionDeclaration, type ActionName, type SheetNeed } from './action-table.js';
import { isGeneratedSheetName, MARK_ROWS } from './generated.js';
import { STAFF_SHEET_NAMES } from './grids/sheets.js';
import { JOURNAL_HEAD_ROWS, JOURNAL_SHEET } from './journal.js';
import { VALIDATION_SHEET } from './plans/validation.js';
import { headerKey } from './values/text.js';

/**
 * - `whole`: every row and property (values, formulas, notes, fills);
 * - `head`: the values of the first `rows` rows (column A holds the mark), and the row count;
 * - `end`: the values of the first `rows` rows, of the last row, and the row count.
 */
export type SheetRead = { kind: 'whole' } | { kind: 'head' | 'end'; rows: number };

const WHOLE: SheetRead = { kind: 'whole' };
const HEAD: SheetRead = { kind: 'head', rows: MARK_ROWS };
const JOURNAL_END: SheetRead = { kind: 'end', rows: JOURNAL_HEAD_ROWS };

const STAFF_KEYS = new Set(Object.values(STAFF_SHEET_NAMES).flatMap((names) => names.map(headerKey)));

/** The read of each sheet, in the order of `names` (every sheet of the workbook). */
export function sheetReads(action: ActionName, names: readonly string[]): SheetRead[] {
  const declared: ActionDeclaration | undefined = ACTION_TABLE.find((a) => a.name === action);
  const needs: readonly SheetNeed[] | 'all' = declared?.reads ?? 'all';
  if (needs === 'all') return names.map(() => WHOLE);
  return names.map((name) => {
    if (needs.includes('staff') && STAFF_KEYS.has(headerKey(name))) return WHOLE;
    if (needs.includes('validation') && isGeneratedSheetName(name, VALIDATION_SHEET)) return WHOLE;
    if (needs.includes('journalEnd') && isGeneratedSheetName(name, JOURNAL_SHEET)) return JOURNAL_END;
    return HEAD;
  });
}
