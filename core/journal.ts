/**
 * The journal of staff cells changed by an action (Reformater, Annuler): how old values are
 * written into the Journal sheet so that they come back EXACTLY (type included), how the sheet is
 * read back, and the undo of the last operation still applied.
 */
import { cellAddress, parseCellAddress } from './a1.js';
import type { ActionName } from './action-table.js';
import {
  type CellState,
  type CellValue,
  cellState,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from './cells.js';
import { generatedSheetName, isGeneratedSheet } from './generated.js';
import { type Issue, issue } from './issues.js';
import type { Block, CellChange, Formula, Operation, PlanValue, SheetPlan } from './plan.js';
import { isFormula } from './plan.js';
import { headerKey } from './values/text.js';

/** « Type d'origine » of the Journal, written in French. */
export type JournalValueType = 'texte' | 'nombre' | 'date' | 'booléen' | 'vide' | 'formule';

export type JournalState = 'applied' | 'undone' | 'notApplied';

/** One data row of the Journal as read back from the workbook. */
export interface JournalEntry {
  /** 0-based row in the Journal sheet. */
  row: number;
  operation: string;
  action: string;
  sheet: string;
  cell: string;
  /** The old cell, decoded from « Ancienne valeur » and « Type d'origine ». */
  before: PlanValue;
  type: JournalValueType;
  /** « Nouvelle valeur » as read (used to tell whether staff changed the cell since). */
  after: CellValue;
  state: JournalState;
}

export interface JournalSheet {
  sheet: string;
  headerRow: number;
  /** 0-based column of each journal field. */
  columns: Record<JournalField, number>;
  entries: JournalEntry[];
}

export const JOURNAL_SHEET = 'Journal';

export type JournalField =
  | 'operation'
  | 'at'
  | 'action'
  | 'sheet'
  | 'cell'
  | 'before'
  | 'type'
  | 'after'
  | 'state';

/** Headers of the Journal sheet, in order (French, the workbook contract's language). */
export const JOURNAL_HEADERS: Record<JournalField, string> = {
  operation: 'Opération',
  at: 'Date et heure',
  action: 'Action',
  sheet: 'Feuille',
  cell: 'Cellule',
  before: 'Ancienne valeur',
  type: "Type d'origine",
  after: 'Nouvelle valeur',
  state: 'État',
};
export const JOURNAL_FIELDS = Object.keys(JOURNAL_HEADERS) as JournalField[];

export const STATE_LABELS: Record<JournalState, string> = {
  applied: 'Appliquée',
  undone: 'Annulée',
  notApplied: 'Non appliquée',
};

const STATE_KEYS: Record<string, JournalState> = {
  appliquee: 'applied',
  applied: 'applied',
  annulee: 'undone',
  undone: 'undone',
  'non appliquee': 'notApplied',
  'not applied': 'notApplied',
};

const TYPE_KEYS: Record<string, JournalValueType> = {
  texte: 'texte',
  text: 'texte',
  nombre: 'nombre',
  number: 'nombre',
  date: 'date',
  booleen: 'booléen',
  boolean: 'booléen',
  vide: 'vide',
  empty: 'vide',
  formule: 'formule',
  formula: 'formule',
};

/** Number format of the date cells the Journal writes (the full instant is kept in the value). */
export const JOURNAL_DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

export function valueType(state: CellState): JournalValueType {
  if (state.formula) return 'formule';
  const { value } = state;
  if (value === null || value === '') return 'vide';
  if (typeof value === 'number') return 'nombre';
  if (typeof value === 'boolean') return 'booléen';
  if (value instanceof Date) return 'date';
  return 'texte';
}

/**
 * A cell as the Journal writes it: formulas as their text (strings are always written as text),
 * numbers, dates and booleans as themselves so the host keeps them exactly.
 */
export function encodeCell(state: CellState): { value: CellValue; format: string | null } {
  if (state.formula) return { value: state.formula, format: null };
  const { value } = state;
  if (value instanceof Date) return { value, format: JOURNAL_DATE_FORMAT };
  if (value === '') return { value: null, format: null };
  return { value, format: null };
}

/** A plan value as the Journal writes it in « Nouvelle valeur ». */
export function encodePlanValue(value: PlanValue): { value: CellValue; format: string | null } {
  if (isFormula(value)) return { value: value.formula, format: null };
  return encodeCell({ value, formula: null });
}

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_DAYS = 25_569;

/** The old cell back from what the Journal holds, whatever the host turned it into. */
export function decodeCell(stored: CellValue, type: JournalValueType): PlanValue {
  switch (type) {
    case 'vide':
      return null;
    case 'formule': {
      const text = stored === null ? '' : String(stored);
      const formula: Formula = { formula: text.startsWith('=') ? text : `=${text}` };
      return formula;
    }
    case 'nombre':
      if (typeof stored === 'number') return stored;
      if (typeof stored === 'string') {
        const n = Number(stored.trim().replace(',', '.'));
        return Number.isFinite(n) ? n : stored;
      }
      return stored;
    case 'date':
      if (stored instanceof Date) return stored;
      if (typeof stored === 'number') return new Date((stored - SERIAL_EPOCH_DAYS) * DAY_MS);
      if (typeof stored === 'string') {
        const parsed = new Date(stored.trim().replace(' ', 'T'));
        return Number.isNaN(parsed.getTime()) ? stored : parsed;
      }
      return stored;
    case 'booléen':
      if (typeof stored === 'boolean') return stored;
      if (typeof stored === 'string') {
        const key = headerKey(stored);
        if (key === 'vrai' || key === 'true') return true;
        if (key === 'faux' || key === 'false') return false;
      }
      return stored;
    default:
      if (stored === null) return '';
      if (typeof stored === 'string') return stored;
      if (stored instanceof Date) return stored.toISOString();
      return String(stored);
  }
}

/** `2026-11-27T14:03:05Z-reformat`; a suffix when that id is already in the Journal. */
export function operationId(
  now: Date,
  action: ActionName,
  existing: ReadonlySet<string> = new Set(),
): string {
  const base = `${now.toISOString().slice(0, 19)}Z-${action}`;
  if (!existing.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!existing.has(id)) return id;
  }
}

/** The tool's Journal sheet in the workbook, if any (a staff sheet named Journal is not it). */
export function findJournalSheet(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  const name = generatedSheetName(snapshot, JOURNAL_SHEET);
  const sheet = snapshot.sheets.find((s) => headerKey(s.name) === headerKey(name));
  return sheet && isGeneratedSheet(sheet) ? sheet : undefined;
}

/** The Journal's header row is looked for in its first rows: what a host reads of a Journal it appends to. */
export const JOURNAL_HEAD_ROWS = 20;

function findHeaderRow(sheet: SheetSnapshot): { row: number; columns: Record<JournalField, number> } | null {
  const wanted = new Map(JOURNAL_FIELDS.map((f) => [headerKey(JOURNAL_HEADERS[f]), f]));
  // English headers, when an English run wrote them.
  const aliases: Record<string, JournalField> = {
    operation: 'operation',
    'date and time': 'at',
    sheet: 'sheet',
    cell: 'cell',
    'old value': 'before',
    'original type': 'type',
    'new value': 'after',
    state: 'state',
  };
  for (let r = 0; r < Math.min(sheet.values.length, JOURNAL_HEAD_ROWS); r++) {
    const columns: Partial<Record<JournalField, number>> = {};
    sheet.values[r].forEach((value, c) => {
      if (typeof value !== 'string') return;
      const key = headerKey(value);
      const field = wanted.get(key) ?? aliases[key];
      if (field && columns[field] === undefined) columns[field] = c;
    });
    if (JOURNAL_FIELDS.every((f) => columns[f] !== undefined)) {
      return { row: r, columns: columns as Record<JournalField, number> };
    }
  }
  return null;
}

/**
 * Reads the Journal back; null when the workbook has none (or its header cannot be found). A
 * Journal the host read in part (its head and last row, `SheetSnapshot.partial`) gives the entries
 * of those rows only: enough to append, not to undo (Annuler reads it whole, and resolvePlan refuses
 * to mark rows « Annulée » in a Journal read in part).
 */
export function readJournal(snapshot: WorkbookSnapshot): JournalSheet | null {
  const sheet = findJournalSheet(snapshot);
  if (!sheet) return null;
  const header = findHeaderRow(sheet);
  if (!header) return null;
  const { columns } = header;
  const entries: JournalEntry[] = [];
  const add = (r: number, at: (field: JournalField) => CellValue) => {
    const operation = at('operation');
    if (typeof operation !== 'string' || operation.trim() === '') return;
    const state = STATE_KEYS[headerKey(String(at('state') ?? ''))];
    const type = TYPE_KEYS[headerKey(String(at('type') ?? ''))];
    if (!state || !type) return;
    entries.push({
      row: r,
      operation: operation.trim(),
      action: String(at('action') ?? ''),
      sheet: String(at('sheet') ?? ''),
      cell: String(at('cell') ?? '').trim(),
      before: decodeCell(at('before'), type),
      type,
      after: at('after'),
      state,
    });
  };
  for (let r = header.row + 1; r < sheet.values.length; r++)
    add(r, (field) => cellState(sheet, r, columns[field]).value);
  const last = sheet.partial?.lastRow;
  const lastIndex = (sheet.partial?.rows ?? 0) - 1;
  if (last && lastIndex >= sheet.values.length && lastIndex > header.row)
    add(lastIndex, (field) => last[columns[field]] ?? null);
  return { sheet: sheet.name, headerRow: header.row, columns, entries };
}

/** Whether a staff cell still holds what the Journal says the action wrote. */
export function sameAsJournal(current: CellState, written: CellValue): boolean {
  if (current.formula) return typeof written === 'string' && written.trim() === current.formula.trim();
  const value = current.value;
  const blank = (v: CellValue) => v === null || v === '';
  if (blank(value) || blank(written)) return blank(value) && blank(written);
  if (value instanceof Date || written instanceof Date) {
    const time = (v: CellValue): number | null => {
      if (v instanceof Date) return v.getTime();
      if (typeof v === 'number') return (v - SERIAL_EPOCH_DAYS) * DAY_MS;
      return null;
    };
    const a = time(value);
    const b = time(written);
    // Hosts keep dates as day serials: a second apart is the same cell.
    return a !== null && b !== null && Math.abs(a - b) < 1000;
  }
  if (typeof value === 'number' && typeof written === 'number') {
    return value === written || Math.abs(value - written) <= 1e-9 * Math.max(1, Math.abs(value));
  }
  return value === written;
}

/**
 * After a write the host interrupted part-way: the rows of `operation` whose cell does not hold
 * what the Journal says was written become « Non appliquée », so that the Journal tells only what
 * happened and Annuler restores only what was written. Null when every row holds.
 */
export function notAppliedPlan(snapshot: WorkbookSnapshot, operation: string): SheetPlan | null {
  const journal = readJournal(snapshot);
  if (!journal) return null;
  const blocks: Block[] = [];
  for (const entry of journal.entries) {
    if (entry.operation !== operation || entry.state !== 'applied') continue;
    const sheet = snapshot.sheets.find((s) => s.name === entry.sheet);
    let held = false;
    if (sheet && /^[A-Za-z]{1,3}\d+$/.test(entry.cell)) {
      const { row, col } = parseCellAddress(entry.cell);
      held = sameAsJournal(cellState(sheet, row, col), entry.after);
    }
    if (!held)
      blocks.push({ row: entry.row, col: journal.columns.state, values: [[STATE_LABELS.notApplied]] });
  }
  return blocks.length === 0 ? null : { sheet: journal.sheet, mode: 'edit', blocks };
}

export interface UndoResult {
  ok: boolean;
  /** The operation undone. */
  operation?: string;
  /** The cells to restore, journaled as an operation of its own (so Annuler can be undone too). */
  plan?: Operation;
  /** Cells to restore now; those staff changed since the operation are optional and not counted. */
  changedCells: number;
  issues: Issue[];
}

/**
 * « Annuler la dernière opération »: the last operation still Appliquée, cell by cell. A cell staff
 * changed since the operation is left as it is unless the user asks (`optional` changes, each
 * listed as a warning before the confirmation). The restore is itself an operation: its Journal
 * rows record what it overwrites, and the rows it undoes become « Annulée ».
 */
export function undoLastOperation(snapshot: WorkbookSnapshot, now: Date = new Date()): UndoResult {
  const journal = readJournal(snapshot);
  const nothing = (code: 'journal.nothingToUndo' | 'journal.missing'): UndoResult => ({
    ok: false,
    changedCells: 0,
    issues: [issue(code, 'info')],
  });
  if (!journal) return nothing('journal.missing');
  const last = [...journal.entries].reverse().find((e) => e.state === 'applied');
  if (!last) return nothing('journal.nothingToUndo');
  const entries = journal.entries.filter((e) => e.operation === last.operation && e.state === 'applied');

  const issues: Issue[] = [];
  const byCell = new Map<string, CellChange>();
  for (const entry of entries) {
    const sheet = snapshot.sheets.find((s) => s.name === entry.sheet);
    if (!sheet) {
      issues.push(
        issue(
          'journal.sheetMissing',
          'error',
          { sheet: journal.sheet, cell: cellAddress(entry.row, journal.columns.sheet) },
          { sheet: entry.sheet, cell: entry.cell },
        ),
      );
      continue;
    }
    let position: { row: number; col: number };
    try {
      position = parseCellAddress(entry.cell);
    } catch {
      issues.push(
        issue(
          'journal.badCell',
          'error',
          { sheet: journal.sheet, cell: cellAddress(entry.row, journal.columns.cell) },
          { value: entry.cell },
        ),
      );
      continue;
    }
    const key = `${sheet.name}!${cellAddress(position.row, position.col)}`;
    const known = byCell.get(key);
    // The first row of an operation for a cell holds its original value; later rows are undone with it.
    if (known) {
      known.undoes?.push(entry.row);
      continue;
    }
    const current = cellState(sheet, position.row, position.col);
    const change: CellChange = {
      sheet: sheet.name,
      cell: cellAddress(position.row, position.col),
      before: current,
      after: entry.before,
      undoes: [entry.row],
    };
    if (!sameAsJournal(current, entry.after)) {
      change.optional = true;
      issues.push(
        issue(
          'journal.changedSince',
          'warning',
          { sheet: sheet.name, cell: change.cell },
          { operation: last.operation },
        ),
      );
    }
    byCell.set(key, change);
  }
  const changes = [...byCell.values()];
  const existing = new Set(journal.entries.map((e) => e.operation));
  return {
    ok: true,
    operation: last.operation,
    plan: {
      id: operationId(now, 'undo', existing),
      action: 'undo',
      at: now,
      changes,
      undoes: last.operation,
    },
    changedCells: changes.filter((c) => !c.optional).length,
    issues,
  };
}
