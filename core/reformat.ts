/**
 * Reformater: tidies the staff grids in place (official municipality names, priority numbers,
 * money text → numbers, date text → real dates, trimmed text, one list separator), records every
 * changed cell in the Journal first, and never touches a formula or a cell it cannot read.
 */
import { cellAddress, parseCellAddress } from './a1.js';
import type { Analysis } from './analysis.js';
import {
  type CellValue,
  cellState,
  isErrorValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from './cells.js';
import {
  type ColumnKind,
  DECISIONS_CONTRACT,
  kindOf,
  PAYMENTS_CONTRACT,
  PROJECTS_CONTRACT,
  SELECTION_CONTRACT,
} from './grids/contracts.js';
import { type Issue, issue, issueFrom } from './issues.js';
import { operationId, readJournal } from './journal.js';
import type { Coded } from './messages/codes.js';
import { createMunicipalityMatcher, type MunicipalityMatcher, sectorForm } from './municipalities.js';
import type { CellChange, Operation, Plan, PlanOptions } from './plan.js';
import { parsePriority } from './priorities.js';
import type { Settings } from './settings.js';
import { DATE_FORMAT, endDateIso, isoToDate, parseDate } from './values/dates.js';
import { joinList, splitList } from './values/lists.js';
import { centsToDollars, MONEY_FORMAT, MONEY_FORMAT_CENTS, parseMoney } from './values/money.js';
import { parseScoreCell } from './values/scores.js';
import { collapseSpaces } from './values/text.js';
import {
  NO_FORMS,
  NOT_APPLICABLE_FORMS,
  parseDecision,
  parseHistoryDecision,
  parsePaymentType,
  parseYesNo,
  YES_FORMS,
} from './values/vocabulary.js';

type Tidied =
  | { kind: 'same' }
  | { kind: 'change'; value: CellValue; format?: string }
  | ({ kind: 'skip' } & Coded);

interface TidyContext {
  settings: Settings;
  matcher: MunicipalityMatcher;
  /** Item-level problems of a cell that is still changed (an unrecognized name among good ones). */
  notes: Coded[];
}

const SAME: Tidied = { kind: 'same' };

function change(before: CellValue, value: CellValue, format?: string): Tidied {
  if (sameValue(before, value)) return SAME;
  return format === undefined ? { kind: 'change', value } : { kind: 'change', value, format };
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function shown(value: CellValue): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '');
}

/** Runs of spaces (every kind) → one space, trimmed, line by line; blank lines at the ends dropped. */
function tidyMultiline(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(collapseSpaces)
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function tidyMoney(value: CellValue): Tidied {
  const parsed = parseMoney(value);
  if (parsed.kind === 'blank') return change(value, null);
  if (parsed.kind === 'invalid')
    return { kind: 'skip', code: 'reformat.unparsedMoney', params: { value: shown(value) } };
  const format = parsed.cents % 100 === 0 ? MONEY_FORMAT : MONEY_FORMAT_CENTS;
  return change(value, centsToDollars(parsed.cents), format);
}

function tidyDate(value: CellValue, endOfPeriod: boolean): Tidied {
  const parsed = parseDate(value);
  if (parsed.kind === 'blank') return change(value, null);
  if (parsed.kind === 'invalid')
    return { kind: 'skip', code: 'reformat.unparsedDate', params: { value: shown(value) } };
  // The real date must say what the reader reads (« Mars 2023 » in Fin is 2023-03-31).
  const iso = endOfPeriod ? endDateIso(parsed) : parsed.iso;
  return change(value, isoToDate(iso), DATE_FORMAT);
}

function tidyMunicipalities(text: string, ctx: TidyContext): CellValue {
  const names: string[] = [];
  for (const item of splitList(text, { allowComma: true })) {
    const match = ctx.matcher.match(item);
    let name = item;
    // A merged sector keeps its own name beside the municipality it counts as.
    if (match.kind === 'official' || match.kind === 'variant')
      name = match.sector ? sectorForm(match.name, match.sector) : match.name;
    if (match.kind === 'unrecognized') {
      const params = { value: item, suggestion: match.suggestion || undefined };
      ctx.notes.push({ code: 'reformat.unrecognizedMunicipality', params });
    }
    if (!names.includes(name)) names.push(name);
  }
  return names.length === 0 ? null : joinList(names);
}

function tidyPriorities(text: string, ctx: TidyContext): CellValue {
  const items: string[] = [];
  let unparsed = false;
  for (const item of splitList(text, { allowComma: true })) {
    const number = parsePriority(item, ctx.settings);
    if (number === null) {
      unparsed = true;
      ctx.notes.push({ code: 'reformat.unparsedPriority', params: { value: item } });
    }
    const written = number === null ? item : String(number);
    if (!items.includes(written)) items.push(written);
  }
  if (items.length === 0) return null;
  // One valid priority is a number, like staff type it; several are text « 1; 3 ».
  if (items.length === 1 && !unparsed) return Number(items[0]);
  return joinList(items);
}

/**
 * Reformater's conversion of one text amount or date, as a change of that cell, or null when it
 * cannot be read (then it is left as it is). « Sommaire budgétaire » offers it for its sources.
 */
export function conversionChange(
  sheet: SheetSnapshot,
  cell: string,
  kind: 'money' | 'date',
): CellChange | null {
  const { row, col } = parseCellAddress(cell);
  const before = cellState(sheet, row, col);
  if (before.formula || before.computed || typeof before.value !== 'string') return null;
  const tidied = kind === 'money' ? tidyMoney(before.value) : tidyDate(before.value, false);
  if (tidied.kind !== 'change') return null;
  const change: CellChange = { sheet: sheet.name, cell, before, after: tidied.value };
  if (tidied.format !== undefined) change.format = tidied.format;
  return change;
}

/** What Reformater makes of one plain (non-formula, non-error) cell. */
export function tidyCell(kind: ColumnKind, value: CellValue, ctx: TidyContext): Tidied {
  // '' is how some hosts read an empty cell: nothing to tidy.
  if (value === null || value === '' || typeof value === 'boolean') return SAME;
  if (typeof value === 'string' && value.trim() === '') return change(value, null);
  switch (kind) {
    case 'money':
      return typeof value === 'string' ? tidyMoney(value) : SAME;
    case 'date':
    case 'endDate':
      return typeof value === 'string' ? tidyDate(value, kind === 'endDate') : SAME;
    default:
      break;
  }
  if (typeof value !== 'string') return SAME;
  switch (kind) {
    case 'multiline':
      return change(value, tidyMultiline(value));
    case 'list':
      return change(value, joinList(splitList(value)));
    case 'municipalities':
      return change(value, tidyMunicipalities(value, ctx));
    case 'priorities':
      return change(value, tidyPriorities(value, ctx));
    case 'decision':
      return change(value, parseDecision(value) ?? collapseSpaces(value));
    case 'historyDecision':
      return change(value, parseHistoryDecision(value) ?? collapseSpaces(value));
    case 'yesNo': {
      const answer = parseYesNo(value);
      return change(value, answer === null ? collapseSpaces(value) : answer ? YES_FORMS[0] : NO_FORMS[0]);
    }
    case 'score': {
      // What the grid reads, written the one way: a number, or « S.O. ».
      const score = parseScoreCell(value);
      if (score.kind !== 'score') return change(value, collapseSpaces(value));
      return change(value, score.value === 'NA' ? NOT_APPLICABLE_FORMS[0] : score.value);
    }
    case 'paymentType':
      return change(value, parsePaymentType(value) ?? collapseSpaces(value));
    default:
      return change(value, collapseSpaces(value));
  }
}

interface SheetWork {
  sheet: string;
  rows: number[];
  columns: { col: number; kind: ColumnKind }[];
}

/** The staff tables Reformater walks, from the layouts the analysis found. Unknown columns are left alone. */
function sheetsToTidy(analysis: Analysis): SheetWork[] {
  const work: SheetWork[] = [];
  const { layouts } = analysis;
  const fromLayout = (
    layout: { sheet: string; rows: number[]; columns: Record<string, number> } | undefined,
    kindOf: (field: string) => ColumnKind | undefined,
  ) => {
    if (!layout) return;
    const columns: SheetWork['columns'] = [];
    for (const [field, col] of Object.entries(layout.columns)) {
      const kind = kindOf(field);
      if (kind) columns.push({ col, kind });
    }
    work.push({ sheet: layout.sheet, rows: layout.rows, columns });
  };
  fromLayout(layouts.projects, (field) => kindOf(PROJECTS_CONTRACT, field));
  fromLayout(layouts.selection, (field) => kindOf(SELECTION_CONTRACT, field));
  fromLayout(layouts.payments, (field) => kindOf(PAYMENTS_CONTRACT, field));
  fromLayout(layouts.decisions, (field) => kindOf(DECISIONS_CONTRACT, field));
  const budget = layouts.budget;
  if (budget) {
    const columns = Object.values(budget.yearColumns).map((col) => ({ col, kind: 'money' as const }));
    if (budget.totalColumn !== undefined && budget.totalColumn !== null) {
      columns.push({ col: budget.totalColumn, kind: 'money' });
    }
    const rows = [...budget.rows];
    if (budget.totalRow !== undefined && budget.totalRow !== null && !rows.includes(budget.totalRow)) {
      rows.push(budget.totalRow);
    }
    work.push({ sheet: budget.sheet, rows: rows.sort((a, b) => a - b), columns });
  }
  return work;
}

export interface ReformatResult {
  plan: Plan;
  issues: Issue[];
  /** Cells left as they were because they could not be read (reported in `issues`). */
  skippedCells: number;
}

/** Cells Reformater changes as one operation of the Journal (Annuler undoes it whole). */
export function reformatOperation(snapshot: WorkbookSnapshot, changes: CellChange[], now: Date): Operation {
  const existing = new Set(readJournal(snapshot)?.entries.map((e) => e.operation) ?? []);
  return { id: operationId(now, 'reformat', existing), action: 'reformat', at: now, changes };
}

/** The staff cells to tidy, as one operation: the write path journals and writes what it keeps. */
export function reformatPlan(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  options: PlanOptions = {},
): ReformatResult {
  const now = options.now ?? new Date();
  const ctx: TidyContext = {
    settings: analysis.settings,
    matcher: createMunicipalityMatcher(analysis.settings),
    notes: [],
  };
  const issues: Issue[] = [];
  const changes: CellChange[] = [];
  let skippedCells = 0;

  for (const work of sheetsToTidy(analysis)) {
    const sheet = snapshot.sheets.find((s) => s.name === work.sheet);
    if (!sheet) continue;
    for (const row of work.rows) {
      for (const { col, kind } of work.columns) {
        const before = cellState(sheet, row, col);
        const where = { sheet: sheet.name, cell: cellAddress(row, col) };
        if (isErrorValue(before.value) && !before.formula) continue;
        ctx.notes = [];
        const tidied = tidyCell(kind, before.value, ctx);
        if (before.formula || before.computed) {
          // A formula (or the array it belongs to) is the staff's own logic: reported when its result
          // is untidy, never replaced.
          if (tidied.kind === 'change' && !isErrorValue(before.value))
            issues.push(issue('reformat.formulaKept', 'info', where));
          continue;
        }
        for (const note of ctx.notes) issues.push(issueFrom(note, 'warning', where));
        if (tidied.kind === 'skip') {
          skippedCells += 1;
          issues.push(issueFrom(tidied, 'warning', where));
          continue;
        }
        if (tidied.kind === 'same') continue;
        const planned: CellChange = { sheet: sheet.name, cell: where.cell, before, after: tidied.value };
        if (tidied.format !== undefined) planned.format = tidied.format;
        changes.push(planned);
      }
    }
  }

  const plan: Plan = { action: 'reformat', sheets: [], changedCells: changes.length };
  if (changes.length > 0) plan.operation = reformatOperation(snapshot, changes, now);
  return {
    plan,
    issues,
    skippedCells,
  };
}
