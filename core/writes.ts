/**
 * The one write path. A plan is resolved against the snapshot it was made from into exact writes:
 * absolute cells, only the cells whose value, format, note or fill changes, never a cell a formula
 * or an array fills, links and lists already resolved. Before a confirmed plan is written, the
 * host re-reads the cells it changes and `settlePlan` keeps only those that still hold what was
 * read (compare-and-set); the Journal rows are made from what is kept. Hosts implement a writer of
 * `ResolvedPlan` and decide nothing.
 */
import { cellAddress, parseCellAddress, parseInternalLink, parseRangeArea, rangeAddress } from './a1.js';
import {
  type CellArea,
  type CellState,
  type CellValue,
  cellState,
  isBlank,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from './cells.js';
import { type Issue, issue } from './issues.js';
import { readJournal, STATE_LABELS } from './journal.js';
import {
  type Block,
  type CellChange,
  type ChartSpec,
  isFormula,
  type PageSetup,
  type Plan,
  type PlanValue,
  type SheetPlan,
} from './plan.js';
import { journalAppendPlan } from './plans/journal.js';
import { headerKey } from './values/text.js';

/** An internal link's target, resolved: the host turns it into its own kind of link. */
export interface CellLink {
  sheet: string;
  cell: string;
}

/** A rectangle written in one call; every cell in it is meant (0-based, absolute), links resolved. */
export interface WriteRun extends Omit<Block, 'links'> {
  links?: (CellLink | null)[][];
}

/** A fill or note set on one cell (`null` removes it); absent fields are left as they are. */
export interface ResolvedMark {
  row: number;
  col: number;
  fill?: string | null;
  note?: string | null;
}

export interface ResolvedSheet {
  /** The sheet's name as the workbook spells it (found without regard to case). */
  name: string;
  /** Absent from the workbook: the host adds it, last. */
  create: boolean;
  /**
   * One of the tool's sheets regenerated: cleared in place (values, formats, notes, lists, the
   * tool's charts), never deleted and re-added, so formulas and charts that point at it keep working.
   */
  clear: boolean;
  runs: WriteRun[];
  marks: ResolvedMark[];
  /** Drop-down lists; items never hold a comma (Excel's list source is comma-separated). */
  validations: { range: string; items: string[]; prompt?: string }[];
  columnWidths: { col: number; width: number }[];
  rowHeights: { row: number; height: number }[];
  hiddenColumns: number[];
  frozenRows?: number;
  charts: ChartSpec[];
  /** Charts of a cleared sheet to remove, by the names the host read (Sheets removes them all). */
  removeCharts: string[];
  hidden?: boolean;
  pageSetup?: PageSetup;
}

export interface ResolvedPlan {
  action: string;
  sheets: ResolvedSheet[];
  /** Staff cells written. */
  changedCells: number;
  activate?: string;
  /** The workbook counts dates from 1904 (`SheetSnapshot.date1904`): a writer turns dates into its serials. */
  date1904?: boolean;
}

/** The cells a confirmed plan re-reads: one column from `row`, `rows` long. */
export interface ReadSpan {
  sheet: string;
  row: number;
  col: number;
  rows: number;
}

/** What a host read back for one span. */
export interface SpanCells {
  span: ReadSpan;
  values: CellValue[];
  formulas?: (string | null)[];
  /** True where an array formula or a dynamic array fills the cell. */
  computed?: boolean[];
}

export interface ResolveOptions {
  /**
   * Also write the optional changes (`CellChange.optional`): for Annuler the cells staff changed
   * since the operation, for « Sommaire budgétaire » the text sources it converts first.
   */
  restoreChanged?: boolean;
}

/** A sheet of the snapshot by name, without regard to case (Excel and Sheets names are case-blind). */
export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  const exact = snapshot.sheets.find((s) => s.name === name);
  if (exact) return exact;
  const key = name.toLowerCase();
  return snapshot.sheets.find((s) => s.name.toLowerCase() === key);
}

/**
 * Index of the first row below the last row holding a value or a formula: where an 'append' plan
 * (the Journal) starts. A sheet read in part says it itself (the host's last row with content).
 */
export function firstFreeRow(sheet: SheetSnapshot | undefined): number {
  if (!sheet) return 0;
  if (sheet.partial) return sheet.partial.rows;
  for (let r = sheet.values.length - 1; r >= 0; r--) {
    const row = sheet.values[r];
    if (row.some((v, c) => !isBlank(v) || Boolean(sheet.formulas?.[r]?.[c]))) return r + 1;
  }
  return 0;
}

/** Whether two reads of a cell hold the same thing (dates to the second, numbers to float noise). */
export function sameCell(a: CellState, b: CellState): boolean {
  if (a.formula || b.formula) return (a.formula ?? '').trim() === (b.formula ?? '').trim();
  return sameValue(a.value, b.value);
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const blank = (v: CellValue | undefined) => v === null || v === undefined || v === '';
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && Math.abs(a.getTime() - b.getTime()) < 1000;
  }
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  }
  return a === b;
}

function planValueState(value: PlanValue): CellState {
  return isFormula(value) ? { value: null, formula: value.formula } : { value, formula: null };
}

/** How many of a plan's changes are optional: written only if the user asks (`restoreChanged`). */
export function optionalCells(plan: Plan): number {
  return (plan.operation?.changes ?? []).filter((c) => c.optional).length;
}

/** The changes a plan will write: all, less the optional ones unless the user asked for them. */
function wantedChanges(plan: Plan, options: ResolveOptions): CellChange[] {
  return (plan.operation?.changes ?? []).filter((c) => !c.optional || options.restoreChanged);
}

// ————————————————————————————————————————————— compare-and-set

/** The cells to re-read before a confirmed plan is written: per sheet and column, first to last row. */
export function readSpans(plan: Plan, options: ResolveOptions = {}): ReadSpan[] {
  const columns = new Map<string, { sheet: string; col: number; top: number; bottom: number }>();
  for (const change of wantedChanges(plan, options)) {
    const { row, col } = parseCellAddress(change.cell);
    const key = `${change.sheet}\u0000${col}`;
    const span = columns.get(key);
    if (!span) columns.set(key, { sheet: change.sheet, col, top: row, bottom: row });
    else {
      span.top = Math.min(span.top, row);
      span.bottom = Math.max(span.bottom, row);
    }
  }
  return [...columns.values()].map((s) => ({
    sheet: s.sheet,
    row: s.top,
    col: s.col,
    rows: s.bottom - s.top + 1,
  }));
}

/** The cells a host re-read, as a (sparse) snapshot `settlePlan` can look into. */
export function snapshotFromSpans(read: readonly SpanCells[]): WorkbookSnapshot {
  const sheets = new Map<string, SheetSnapshot & { formulas: (string | null)[][] }>();
  for (const { span, values, formulas, computed } of read) {
    let sheet = sheets.get(span.sheet);
    if (!sheet) {
      sheet = { name: span.sheet, values: [], formulas: [], computed: [] };
      sheets.set(span.sheet, sheet);
    }
    for (let i = 0; i < span.rows; i++) {
      const r = span.row + i;
      sheet.values[r] ??= [];
      sheet.formulas[r] ??= [];
      sheet.values[r][span.col] = values[i] ?? null;
      sheet.formulas[r][span.col] = formulas?.[i] || null;
      if (computed?.[i]) sheet.computed?.push({ row: r, col: span.col, rows: 1, cols: 1 });
    }
  }
  // Sparse rows read as holes: `cellState` turns them into empty cells.
  for (const sheet of sheets.values()) {
    for (let r = 0; r < sheet.values.length; r++) {
      sheet.values[r] ??= [];
      sheet.formulas[r] ??= [];
    }
  }
  return { sheets: [...sheets.values()] };
}

export interface SettleOptions extends ResolveOptions {
  /**
   * What the user confirmed, when the plan was computed again after the confirmation (Sheets'
   * panel: the preview ran in another execution): a change is kept only where the cell still holds
   * what the preview read.
   */
  confirmed?: readonly ConfirmedCell[];
}

/** A cell as the user confirmed it: where, and what the preview read there. */
export type ConfirmedCell = Pick<CellChange, 'sheet' | 'cell' | 'before'>;

/**
 * What a preview read, as text that crosses to a page and back (Sheets' panel runs the preview and
 * the confirmed action in two executions): dates are tagged so they come back as dates.
 */
export function confirmationToken(plan: Plan): string {
  const cells = (plan.operation?.changes ?? []).map((c) => [
    c.sheet,
    c.cell,
    c.before.formula,
    c.before.value instanceof Date ? { date: c.before.value.toISOString() } : c.before.value,
  ]);
  return JSON.stringify(cells);
}

export function confirmedCells(token: string): ConfirmedCell[] {
  const cells: unknown = JSON.parse(token);
  if (!Array.isArray(cells)) throw new Error('Not a confirmation token');
  return cells.map(([sheet, cell, formula, value]) => ({
    sheet: String(sheet),
    cell: String(cell),
    before: {
      formula: typeof formula === 'string' ? formula : null,
      value:
        value !== null && typeof value === 'object' ? new Date(String(value.date)) : (value as CellValue),
    },
  }));
}

/**
 * Compare-and-set: keeps the changes whose cell still holds what was read (or confirmed), and
 * lists the others (sheet, cell, what it holds now). The kept changes take the state just read as
 * their « before », so the Journal records what is really overwritten.
 */
export function settlePlan(
  plan: Plan,
  current: WorkbookSnapshot,
  options: SettleOptions = {},
): { plan: Plan; issues: Issue[] } {
  if (!plan.operation) return { plan, issues: [] };
  const confirmed = options.confirmed
    ? new Map(options.confirmed.map((c) => [`${headerKey(c.sheet)}!${c.cell}`, c]))
    : null;
  const kept: CellChange[] = [];
  const issues: Issue[] = [];
  let optionalSkipped = false;
  for (const change of wantedChanges(plan, options)) {
    const sheet = findSheet(current, change.sheet);
    const where = { sheet: change.sheet, cell: change.cell };
    if (!sheet) {
      optionalSkipped ||= change.optional === true;
      issues.push(issue('write.sheetGone', 'warning', where, { sheet: change.sheet }));
      continue;
    }
    const { row, col } = parseCellAddress(change.cell);
    const now = cellState(sheet, row, col);
    const expected = confirmed
      ? confirmed.get(`${headerKey(change.sheet)}!${change.cell}`)?.before
      : change.before;
    if (!expected || !sameCell(now, expected)) {
      optionalSkipped ||= change.optional === true;
      issues.push(issue('write.changedSince', 'warning', where, { value: shown(now) }));
      continue;
    }
    kept.push({ ...change, before: now, optional: undefined });
  }
  const operation = { ...plan.operation, changes: kept };
  const settled: Plan = { ...plan, operation, changedCells: kept.length };
  // The sheets made for every optional change hold only if every one is still written: else the
  // plain `sheets` (the Sommaire's tool figures, right whatever was converted).
  if (optionalSkipped) delete settled.sheetsWithOptional;
  return { plan: settled, issues };
}

function shown(state: CellState): string {
  if (state.formula) return state.formula;
  const { value } = state;
  if (value === null) return '';
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

// ————————————————————————————————————————————— resolution

/**
 * The exact writes of a plan on the workbook it was made from. Cells a formula or an array fills
 * are never written (listed in `issues`); a staff cell that already holds the new value is left
 * alone; Journal rows are made for the staff cells written, first, so the record precedes the change.
 */
export function resolvePlan(
  plan: Plan,
  snapshot: WorkbookSnapshot,
  options: ResolveOptions = {},
): { resolved: ResolvedPlan; issues: Issue[] } {
  const issues: Issue[] = [];
  const sheetPlans: SheetPlan[] = [];
  let changedCells = 0;
  if (plan.operation) {
    const changes: CellChange[] = [];
    for (const change of wantedChanges(plan, options)) {
      if (change.before.computed) {
        issues.push(issue('write.computedCell', 'warning', { sheet: change.sheet, cell: change.cell }));
        continue;
      }
      const same = sameCell(change.before, planValueState(change.after)) && change.format === undefined;
      if (!same) changes.push(change);
    }
    changedCells = changes.length;
    if (changes.length > 0) {
      sheetPlans.push(journalAppendPlan(snapshot, { ...plan.operation, changes }));
      const undone = undoneRows(snapshot, changes);
      if (undone) sheetPlans.push(undone);
      sheetPlans.push(...changePlans(changes));
    }
  }
  sheetPlans.push(
    ...(options.restoreChanged && plan.sheetsWithOptional ? plan.sheetsWithOptional : plan.sheets),
  );

  const byName = new Map<string, ResolvedSheet>();
  const sheets: ResolvedSheet[] = [];
  for (const sheetPlan of sheetPlans) {
    const existing = findSheet(snapshot, sheetPlan.sheet);
    const name = existing?.name ?? sheetPlan.sheet;
    let target = byName.get(name);
    if (!target) {
      target = {
        name,
        create: !existing,
        clear: sheetPlan.mode === 'replace' && existing !== undefined,
        runs: [],
        marks: [],
        validations: [],
        columnWidths: [],
        rowHeights: [],
        hiddenColumns: [],
        charts: [],
        removeCharts: sheetPlan.mode === 'replace' ? (existing?.chartNames ?? []) : [],
      };
      byName.set(name, target);
      sheets.push(target);
    }
    // Never an edit of a sheet the host read in part: that is a bug of the actions table's `reads`.
    if (existing?.partial && sheetPlan.mode === 'edit') throw new Error(`${existing.name} read in part`);
    const rowOffset = sheetPlan.mode === 'append' ? firstFreeRow(existing) : 0;
    const staffCells = sheetPlan.mode === 'edit' && existing !== undefined ? existing : null;
    for (const block of sheetPlan.blocks) {
      for (const run of resolveBlock(block, rowOffset, staffCells)) target.runs.push(run);
    }
    for (const mark of sheetPlan.marks ?? []) {
      const resolved = resolveMark(mark, target.clear || target.create ? undefined : existing);
      if (resolved) target.marks.push(resolved);
    }
    for (const validation of sheetPlan.validations ?? []) {
      target.validations.push({
        range: validation.range,
        items: validation.list.map((item) => item.replace(/,/g, ' ')),
        ...(validation.prompt ? { prompt: validation.prompt } : {}),
      });
    }
    if (sheetPlan.columnWidths) target.columnWidths.push(...sheetPlan.columnWidths);
    if (sheetPlan.rowHeights) for (const height of sheetPlan.rowHeights) target.rowHeights.push(height);
    if (sheetPlan.hiddenColumns) target.hiddenColumns.push(...sheetPlan.hiddenColumns);
    if (sheetPlan.frozenRows !== undefined) target.frozenRows = sheetPlan.frozenRows;
    if (sheetPlan.charts) target.charts.push(...sheetPlan.charts);
    if (sheetPlan.hidden !== undefined) target.hidden = sheetPlan.hidden;
    if (sheetPlan.pageSetup) target.pageSetup = sheetPlan.pageSetup;
  }
  const written = sheets.filter((s) => !isEmptyEdit(s));
  // A protected sheet or range refuses writes part-way through a batch: refuse the whole plan
  // before any write.
  const refusals = written.flatMap((s) =>
    s.create ? [] : protectionRefusals(s, findSheet(snapshot, s.name)),
  );
  if (refusals.length > 0) {
    issues.push(...refusals);
    return { resolved: { action: plan.action, sheets: [], changedCells: 0 }, issues };
  }
  const resolved: ResolvedPlan = { action: plan.action, sheets: written, changedCells };
  if (snapshot.sheets.some((sheet) => sheet.date1904)) resolved.date1904 = true;
  if (plan.activate !== undefined) {
    resolved.activate = findSheet(snapshot, plan.activate)?.name ?? plan.activate;
  }
  return { resolved, issues };
}

/** The rectangles of cells a resolved sheet writes into: its runs, marks and drop-down lists. */
function writtenAreas(sheet: ResolvedSheet): CellArea[] {
  const areas: CellArea[] = [];
  for (const run of sheet.runs)
    if (run.values.length > 0)
      areas.push({ row: run.row, col: run.col, rows: run.values.length, cols: run.values[0].length });
  for (const mark of sheet.marks) areas.push({ row: mark.row, col: mark.col, rows: 1, cols: 1 });
  for (const { range } of sheet.validations) {
    const area = parseRangeArea(range);
    if (area) areas.push(area);
  }
  return areas;
}

function overlaps(a: CellArea, b: CellArea): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function inside(a: CellArea, b: CellArea): boolean {
  return (
    a.row >= b.row && a.col >= b.col && a.row + a.rows <= b.row + b.rows && a.col + a.cols <= b.col + b.cols
  );
}

/** Why the host would refuse writing this sheet: its protection, or a protected range it meets. */
function protectionRefusals(sheet: ResolvedSheet, existing: SheetSnapshot | undefined): Issue[] {
  if (!existing) return [];
  const areas = writtenAreas(sheet);
  const at = { sheet: sheet.name };
  if (existing.protected) {
    // Only cell writes inside the ranges left editable; anything else (widths, frozen rows, a
    // cleared sheet) is the sheet's own and stays refused.
    const editable = existing.editableAreas ?? [];
    const cellsOnly = !sheet.clear && !changesSheetSettings(sheet);
    if (!cellsOnly || !areas.every((area) => editable.some((e) => inside(area, e))))
      return [issue('write.protectedSheet', 'error', at, { sheet: sheet.name })];
  }
  const refusals: Issue[] = [];
  for (const locked of existing.lockedAreas ?? []) {
    if (!areas.some((area) => overlaps(area, locked))) continue;
    const range = rangeAddress(locked.row, locked.col, locked.rows, locked.cols);
    refusals.push(
      issue('write.protectedRange', 'error', { ...at, cell: range }, { sheet: sheet.name, range }),
    );
  }
  return refusals;
}

/** Whether the plan sets anything of the sheet itself: widths, heights, frozen rows, charts, printing. */
function changesSheetSettings(sheet: ResolvedSheet): boolean {
  return (
    sheet.columnWidths.length > 0 ||
    sheet.rowHeights.length > 0 ||
    sheet.hiddenColumns.length > 0 ||
    sheet.frozenRows !== undefined ||
    sheet.charts.length > 0 ||
    sheet.hidden !== undefined ||
    sheet.pageSetup !== undefined
  );
}

function isEmptyEdit(sheet: ResolvedSheet): boolean {
  return (
    !sheet.create &&
    !sheet.clear &&
    sheet.runs.length === 0 &&
    sheet.marks.length === 0 &&
    sheet.validations.length === 0 &&
    !changesSheetSettings(sheet)
  );
}

/** The staff changes as edit plans: one block per vertical run of changed cells of a column. */
function changePlans(changes: readonly CellChange[]): SheetPlan[] {
  const bySheet = new Map<string, CellChange[]>();
  for (const change of changes) {
    const list = bySheet.get(change.sheet) ?? [];
    list.push(change);
    bySheet.set(change.sheet, list);
  }
  return [...bySheet].map(([sheet, list]) => ({
    sheet,
    mode: 'edit' as const,
    blocks: verticalRuns(
      list.map((c) => ({ ...parseCellAddress(c.cell), value: c.after, format: c.format ?? null })),
    ),
  }));
}

/** Annuler: the Journal rows of the changes written, marked « Annulée ». */
function undoneRows(snapshot: WorkbookSnapshot, changes: readonly CellChange[]): SheetPlan | null {
  const rows = changes.flatMap((c) => c.undoes ?? []);
  if (rows.length === 0) return null;
  const journal = readJournal(snapshot);
  if (!journal) return null;
  const col = journal.columns.state;
  return {
    sheet: journal.sheet,
    mode: 'edit',
    blocks: verticalRuns(rows.map((row) => ({ row, col, value: STATE_LABELS.undone, format: null }))),
  };
}

interface CellEdit {
  row: number;
  col: number;
  value: PlanValue;
  format: string | null;
}

/** Vertical runs of consecutive edited cells of one column: one block each, never over an untouched cell. */
export function verticalRuns(edits: readonly CellEdit[]): Block[] {
  const sorted = [...edits].sort((a, b) => a.col - b.col || a.row - b.row);
  const blocks: Block[] = [];
  let current: { block: Block; nextRow: number; col: number } | null = null;
  for (const edit of sorted) {
    if (current && current.col === edit.col && current.nextRow === edit.row) {
      current.block.values.push([edit.value]);
      current.block.numberFormats?.push([edit.format]);
      current.nextRow += 1;
      continue;
    }
    const block: Block = {
      row: edit.row,
      col: edit.col,
      values: [[edit.value]],
      numberFormats: [[edit.format]],
    };
    blocks.push(block);
    current = { block, nextRow: edit.row + 1, col: edit.col };
  }
  for (const block of blocks) {
    if (block.numberFormats?.every((row) => row.every((f) => f === null))) delete block.numberFormats;
  }
  return blocks;
}

/**
 * A block at its absolute place. On a sheet edited in place (`staff`), cells that already hold the
 * value are left out, and so are cells a formula or an array fills: the block splits into runs.
 */
function resolveBlock(block: Block, rowOffset: number, staff: SheetSnapshot | null): WriteRun[] {
  const rows = block.values.length;
  const cols = block.values[0]?.length ?? 0;
  for (const row of block.values) {
    if (row.length !== cols) throw new Error(`Block at ${block.row},${block.col} is not rectangular`);
  }
  if (rows === 0 || cols === 0) return [];
  const links = block.links?.map((row) => row.map((link) => (link ? resolveLink(link) : null)));
  if (!staff) {
    const run: WriteRun = { row: rowOffset + block.row, col: block.col, values: block.values };
    if (block.numberFormats) run.numberFormats = block.numberFormats;
    if (block.bold) run.bold = true;
    if (block.fill) run.fill = block.fill;
    if (block.wrap) run.wrap = true;
    if (block.align) run.align = block.align;
    if (links) run.links = links;
    return [run];
  }
  const edits: (CellEdit & { link: CellLink | null })[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const row = rowOffset + block.row + i;
      const col = block.col + j;
      const value = block.values[i][j];
      const format = block.numberFormats?.[i]?.[j] ?? null;
      const now = cellState(staff, row, col);
      if (now.computed) continue;
      const styled = block.bold || block.fill || block.wrap || block.align;
      if (format === null && !styled && sameCell(now, planValueState(value))) continue;
      edits.push({ row, col, value, format, link: links?.[i]?.[j] ?? null });
    }
  }
  const linkAt = new Map(edits.map((e) => [`${e.row},${e.col}`, e.link]));
  return verticalRuns(edits).map((b) => {
    const run: WriteRun = { row: b.row, col: b.col, values: b.values };
    if (b.numberFormats) run.numberFormats = b.numberFormats;
    if (block.bold) run.bold = true;
    if (block.fill) run.fill = block.fill;
    if (block.wrap) run.wrap = true;
    if (block.align) run.align = block.align;
    if (links) run.links = b.values.map((_, i) => [linkAt.get(`${b.row + i},${b.col}`) ?? null]);
    return run;
  });
}

function resolveLink(link: string): CellLink {
  const target = parseInternalLink(link);
  if (!target) throw new Error(`Not an internal link: ${link}`);
  return target;
}

/** A mark at its cell, without what the cell already has (when the host read notes and fills). */
function resolveMark(
  mark: { cell: string; fill?: string | null; note?: string | null },
  sheet: SheetSnapshot | undefined,
): ResolvedMark | null {
  const { row, col } = parseCellAddress(mark.cell);
  const resolved: ResolvedMark = { row, col };
  const fillNow = sheet?.fills ? (sheet.fills[row]?.[col] ?? null) : undefined;
  const noteNow = sheet?.notes ? (sheet.notes[row]?.[col] ?? null) : undefined;
  if (mark.fill !== undefined && (fillNow === undefined || !sameText(fillNow, mark.fill)))
    resolved.fill = mark.fill;
  if (mark.note !== undefined && (noteNow === undefined || noteNow !== mark.note)) resolved.note = mark.note;
  return resolved.fill === undefined && resolved.note === undefined ? null : resolved;
}

function sameText(a: string | null, b: string | null): boolean {
  return (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
}

/**
 * Fewer calls for hosts that pay per range (Sheets): two runs of a column on a sheet edited in place
 * become one when every cell between them is one the host rewrites unchanged (`rewritable`, read
 * from the snapshot the plan was resolved on); those cells are written back with what they hold.
 */
export function bridgeRuns(
  plan: ResolvedPlan,
  snapshot: WorkbookSnapshot,
  rewritable: (state: CellState) => boolean,
): ResolvedPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => {
      const cells = sheet.clear || sheet.create ? undefined : findSheet(snapshot, sheet.name);
      if (!cells || sheet.runs.length < 2) return sheet;
      const runs: WriteRun[] = [];
      const sorted = [...sheet.runs].sort((a, b) => a.col - b.col || a.row - b.row);
      for (const run of sorted) {
        const last = runs[runs.length - 1];
        if (last && canBridge(last, run, cells, rewritable)) runs[runs.length - 1] = joined(last, run, cells);
        else runs.push(run);
      }
      return runs.length === sheet.runs.length ? sheet : { ...sheet, runs };
    }),
  };
}

function canBridge(
  a: WriteRun,
  b: WriteRun,
  sheet: SheetSnapshot,
  rewritable: (state: CellState) => boolean,
): boolean {
  const single = (run: WriteRun) =>
    run.values[0]?.length === 1 && !run.links && !run.bold && !run.fill && !run.wrap && !run.align;
  if (a.col !== b.col || !single(a) || !single(b)) return false;
  const end = a.row + a.values.length;
  if (b.row < end) return false;
  for (let r = end; r < b.row; r++) if (!rewritable(cellState(sheet, r, a.col))) return false;
  return true;
}

function joined(a: WriteRun, b: WriteRun, sheet: SheetSnapshot): WriteRun {
  const gap: PlanValue[][] = [];
  for (let r = a.row + a.values.length; r < b.row; r++) gap.push([cellState(sheet, r, a.col).value ?? null]);
  const run: WriteRun = { row: a.row, col: a.col, values: [...a.values, ...gap, ...b.values] };
  if (a.numberFormats || b.numberFormats) {
    const formats = (x: WriteRun) => x.numberFormats ?? x.values.map(() => [null]);
    run.numberFormats = [...formats(a), ...gap.map(() => [null]), ...formats(b)];
  }
  return run;
}

/** A1 of a run's cell, for hosts that address cells by text. */
export function runCell(run: WriteRun, i: number, j: number): string {
  return cellAddress(run.row + i, run.col + j);
}
