/// <reference types="google-apps-script" />
/**
 * The Google Sheets adapter: reads the workbook into a core snapshot and applies a core plan, with
 * a constant number of range calls whatever the row count (never a per-cell getValue/setValue).
 */
import { columnIndex, parseCellAddress } from '../core/a1.js';
import type { ActionName } from '../core/action-table.js';
import type { CellArea, CellState, CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/cells.js';
import { type ChartSpec, isFormula, type PlanValue } from '../core/plan.js';
import { type SheetRead, sheetReads } from '../core/reads.js';
import type { CellLink, ResolvedMark, ResolvedPlan, ResolvedSheet, WriteRun } from '../core/writes.js';
import { arrayFormulaAreas } from './array-formulas.js';
import { SpreadsheetClock } from './time-zone.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The Apps Script services the adapter writes through (the globals in Apps Script, fakes in tests). */
export interface SheetsServices {
  SpreadsheetApp: Pick<
    GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    'flush' | 'newDataValidation' | 'ProtectionType' | 'SheetType'
  >;
  Charts: Pick<GoogleAppsScript.Charts.Charts, 'ChartType'>;
  Utilities: Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate'>;
}

/** The spreadsheet's own clock, through which every date is read and written (apps-script/time-zone.ts). */
export function spreadsheetClock(
  spreadsheet: Spreadsheet,
  services: Pick<SheetsServices, 'Utilities'>,
): SpreadsheetClock {
  const { Utilities } = services;
  return new SpreadsheetClock(spreadsheet.getSpreadsheetTimeZone(), (date, zone, format) =>
    Utilities.formatDate(date, zone, format),
  );
}

/**
 * Cells per write call. One call of 250 000 cells takes seconds, far from the 6-minute limit, and
 * keeps Sheets' request size reasonable; bigger blocks are written in row chunks of that size.
 */
export const MAX_CELLS_PER_CALL = 250_000;

/** Sheets' default fill: read back as `#ffffff`, it means « no fill » to core. */
const DEFAULT_FILL = '#ffffff';

/** Approximate pixels per character of Sheets' default font (Arial 10), plus the cell padding. */
const PIXELS_PER_CHARACTER = 7;
const COLUMN_PADDING = 5;

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Every sheet in one batch per property: values, formulas, notes and fills of its data range.
 * Dates come as their reading on the spreadsheet's clock. For an action, only the sheets it needs
 * are read whole (core/reads.ts); of the others, the name, the first rows and the row count, and of
 * a Journal it appends to, its header and last row.
 */
export function readSnapshot(
  spreadsheet: Spreadsheet,
  services: Pick<SheetsServices, 'Utilities' | 'SpreadsheetApp'>,
  options: { action?: ActionName } = {},
): WorkbookSnapshot {
  const clock = spreadsheetClock(spreadsheet, services);
  const locks = readProtections(spreadsheet, services.SpreadsheetApp.ProtectionType);
  const grid = services.SpreadsheetApp.SheetType.GRID;
  const sheets = spreadsheet.getSheets();
  const reads =
    options.action &&
    sheetReads(
      options.action,
      sheets.map((sheet) => sheet.getName()),
    );
  return {
    sheets: sheets.map((sheet, i) => {
      // A chart sheet or a connected data source has no cells: core knows only its name (a
      // generated sheet must not take it), and nothing is written there.
      if (sheet.getType() !== grid) return { name: sheet.getName(), values: [[null]], protected: true };
      const part = reads?.[i];
      const read = part && part.kind !== 'whole' ? readPart(sheet, part, clock) : readSheet(sheet, clock);
      const lock = locks.get(read.name);
      return lock ? { ...read, ...lock } : read;
    }),
  };
}

/** The first rows of a sheet (and its last row for `end`), values only, with its row count. */
function readPart(
  sheet: Sheet,
  read: Exclude<SheetRead, { kind: 'whole' }>,
  clock: SpreadsheetClock,
): SheetSnapshot {
  const rows = sheet.getLastRow();
  const columns = Math.max(1, sheet.getLastColumn());
  const cells = (first: number, count: number) =>
    sheet
      .getRange(first, 1, count, columns)
      .getValues()
      .map((row) => row.map((value) => toCellValue(value, clock)));
  const head: SheetSnapshot = {
    name: sheet.getName(),
    values: cells(1, Math.max(1, Math.min(read.rows, rows))),
    partial: { rows },
  };
  if (read.kind === 'end' && rows > read.rows) head.partial = { rows, lastRow: cells(rows, 1)[0] };
  return head;
}

type Lock = Pick<SheetSnapshot, 'protected' | 'editableAreas' | 'lockedAreas'>;

/**
 * What this user may not edit, by sheet: the protected sheets (but their unprotected ranges) and
 * ranges whose `canEdit()` is false — a script edit there throws and leaves the plan half written
 * (developers.google.com/apps-script/reference/spreadsheet/protection). Two calls for the whole
 * spreadsheet, then a few per protection.
 */
function readProtections(
  spreadsheet: Spreadsheet,
  types: typeof GoogleAppsScript.Spreadsheet.ProtectionType,
): Map<string, Lock> {
  const locks = new Map<string, Lock>();
  const lockOf = (range: Range): Lock => {
    const name = range.getSheet().getName();
    let lock = locks.get(name);
    if (!lock) {
      lock = {};
      locks.set(name, lock);
    }
    return lock;
  };
  for (const protection of spreadsheet.getProtections(types.SHEET)) {
    if (protection.canEdit()) continue;
    const lock = lockOf(protection.getRange());
    lock.protected = true;
    lock.editableAreas = protection.getUnprotectedRanges().map(areaOf);
  }
  for (const protection of spreadsheet.getProtections(types.RANGE)) {
    if (protection.canEdit()) continue;
    const range = protection.getRange();
    const lock = lockOf(range);
    lock.lockedAreas = [...(lock.lockedAreas ?? []), areaOf(range)];
  }
  return locks;
}

function areaOf(range: Range): CellArea {
  return {
    row: range.getRow() - 1,
    col: range.getColumn() - 1,
    rows: range.getNumRows(),
    cols: range.getNumColumns(),
  };
}

function readSheet(sheet: Sheet, clock: SpreadsheetClock): SheetSnapshot {
  const range = sheet.getDataRange();
  const values = range.getValues() as unknown[][];
  const formulas = range.getFormulas();
  const notes = range.getNotes();
  const fills = range.getBackgrounds();
  const read: SheetSnapshot = {
    name: sheet.getName(),
    values: values.map((row) => row.map((value) => toCellValue(value, clock))),
    formulas: formulas.map((row) => row.map((f) => (f === '' ? null : f))),
    notes: notes.map((row) => row.map((n) => (n === '' ? null : n))),
    fills: fills.map((row) => row.map(toFill)),
  };
  // An array formula's outputs have no formula of their own (Range#getFormulas): core must know them.
  const computed = arrayFormulaAreas(read);
  return computed.length > 0 ? { ...read, computed } : read;
}

/** Sheets returns `''` for an empty cell; core says null. */
function toCellValue(value: unknown, clock: SpreadsheetClock): CellValue {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return clock.reading(value);
  return String(value);
}

function toFill(color: string): string | null {
  if (!color || color.toLowerCase() === DEFAULT_FILL) return null;
  return color.toUpperCase();
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Writes a resolved plan: one bulk call per run and property, then one `flush()`. Only the cells
 * the plan changes are written: an unchanged cell between two changed ones is never rewritten, so
 * the outputs of an array formula, rich text, links and chips around our writes stay as they are.
 */
export function applyResolved(spreadsheet: Spreadsheet, plan: ResolvedPlan, services: SheetsServices): void {
  // `insertSheet` makes the new sheet the active one (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)).
  const active = spreadsheet.getActiveSheet();
  const clock = spreadsheetClock(spreadsheet, services);
  const out: WriteContext = { clock, links: new LinkResolver(spreadsheet, clock) };
  for (const sheet of plan.sheets) writeSheet(spreadsheet, sheet, services, out);
  const shown = plan.activate ? spreadsheet.getSheetByName(plan.activate) : active;
  if (shown) spreadsheet.setActiveSheet(shown);
  services.SpreadsheetApp.flush();
}

/** What every write needs besides the sheet: the spreadsheet's clock and its sheets' ids for links. */
interface WriteContext {
  clock: SpreadsheetClock;
  links: LinkResolver;
}

function writeSheet(
  spreadsheet: Spreadsheet,
  plan: ResolvedSheet,
  services: SheetsServices,
  out: WriteContext,
) {
  const sheet = plan.create ? spreadsheet.insertSheet(plan.name) : spreadsheet.getSheetByName(plan.name);
  if (!sheet) throw new Error(`Writes for a missing sheet: ${plan.name}`);
  if (plan.clear) clearSheet(sheet);
  ensureSize(sheet, extent(plan));

  // A new or cleared sheet has only the default format: no cell of it is plain text yet.
  const fresh = plan.create === true || plan.clear === true;
  for (const run of plan.runs) writeRun(sheet, run, out, fresh);
  if (plan.marks.length > 0) applyMarks(sheet, plan.marks);
  for (const validation of plan.validations) {
    const builder = services.SpreadsheetApp.newDataValidation()
      .requireValueInList(validation.items, true)
      // Staff values outside the list are flagged, never refused: nothing typed is lost.
      .setAllowInvalid(true);
    const rule = (validation.prompt ? builder.setHelpText(validation.prompt) : builder).build();
    sheet.getRange(validation.range).setDataValidation(rule);
  }
  for (const run of widthRuns(plan.columnWidths)) {
    sheet.setColumnWidths(run.col + 1, run.count, run.pixels);
  }
  if (plan.frozenRows !== undefined) sheet.setFrozenRows(plan.frozenRows);
  for (const run of columnRuns(plan.hiddenColumns)) sheet.hideColumns(run.col + 1, run.count);
  for (const chart of plan.charts) insertChart(spreadsheet, sheet, chart, services);
  // `plan.rowHeights` neither: Sheets grows a row to show its wrapped text.
  // `plan.pageSetup` is not written: Apps Script has no print settings (no orientation, scaling,
  // print area, title rows or footer among the Sheet and Range methods,
  // developers.google.com/apps-script/reference/spreadsheet/sheet; they are chosen in File >
  // Print). What core sets for Sheets as well still serves the printout: the frozen header rows,
  // which the print dialog's « repeat frozen rows » puts on every page, and the wrapped headers.
  if (plan.hidden === true) sheet.hideSheet();
  else if (plan.hidden === false) sheet.showSheet();
}

/** A generated sheet starts afresh but keeps its place and id (links to it stay valid). */
function clearSheet(sheet: Sheet): void {
  sheet.clear();
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  all.clearNote();
  all.clearDataValidations();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
}

/** Rows and columns (1-based counts) the plan needs, so the sheet can be grown once. */
function extent(plan: ResolvedSheet): { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  const include = (row: number, col: number) => {
    rows = Math.max(rows, row + 1);
    cols = Math.max(cols, col + 1);
  };
  for (const run of plan.runs) {
    if (run.values.length === 0) continue;
    include(run.row + run.values.length - 1, run.col + run.values[0].length - 1);
  }
  for (const mark of plan.marks) include(mark.row, mark.col);
  for (const validation of plan.validations) {
    const end = rangeEnd(validation.range);
    include(end.row, end.col);
  }
  for (const { col } of plan.columnWidths) include(0, col);
  for (const col of plan.hiddenColumns) include(0, col);
  return { rows, cols };
}

/** Last cell of an A1 range (`M2:M1000` → M1000) on the same sheet. */
function rangeEnd(a1: string): { row: number; col: number } {
  const local = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  const last = local.split(':').pop() ?? local;
  if (/^\$?[A-Za-z]+$/.test(last)) return { row: 0, col: columnIndex(last.replace('$', '')) };
  return parseCellAddress(last);
}

/** Sheets refuses ranges outside the grid: grow it once, before writing. */
function ensureSize(sheet: Sheet, needed: { rows: number; cols: number }): void {
  const maxRows = sheet.getMaxRows();
  if (needed.rows > maxRows) sheet.insertRowsAfter(maxRows, needed.rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (needed.cols > maxCols) sheet.insertColumnsAfter(maxCols, needed.cols - maxCols);
}

function writeRun(sheet: Sheet, run: WriteRun, out: WriteContext, fresh: boolean): void {
  const rows = run.values.length;
  if (rows === 0) return;
  const cols = run.values[0].length;
  if (cols === 0) return;
  const chunkRows = Math.max(1, Math.floor(MAX_CELLS_PER_CALL / cols));
  for (let start = 0; start < rows; start += chunkRows) {
    const end = Math.min(rows, start + chunkRows);
    const range = sheet.getRange(run.row + start + 1, run.col + 1, end - start, cols);
    const block = run.values.slice(start, end);
    const wanted = run.numberFormats?.slice(start, end);
    // The cells' formats, read once and only when needed: where a format is kept (null), and where
    // text is written into a staff sheet's cell that may be plain text (see toSheetsValue).
    const needsFormats =
      wanted?.some((row) => row.some((f) => f === null)) ||
      (!fresh && block.some((row) => row.some((v) => typeof v === 'string' && needsTextMarker(v))));
    const current = needsFormats ? range.getNumberFormats() : null;
    const values = block.map((row, i) =>
      row.map((value, j) => {
        const link = run.links?.[start + i]?.[j];
        if (link) return out.links.hyperlink(link, value);
        return toSheetsValue(value, out.clock, current?.[i]?.[j] === PLAIN_TEXT_FORMAT);
      }),
    );
    range.setValues(values);
    if (wanted)
      range.setNumberFormats(wanted.map((row, i) => row.map((f, j) => f ?? current?.[i]?.[j] ?? '')));
    if (run.fill) range.setBackground(run.fill);
    if (run.bold) range.setFontWeight('bold');
    if (run.wrap) range.setWrap(true);
    if (run.align) range.setHorizontalAlignment(run.align);
  }
}

/**
 * Cells `setValues` writes back exactly as they are: empty cells, numbers and booleans (it sets
 * values only, never formats or notes: developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)).
 * Text may be rich text or a chip, and read dates go through the day conversion: never rewritten.
 */
export function rewritesUnchanged(state: CellState): boolean {
  if (state.formula || state.computed) return false;
  const value = state.value;
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  );
}

/** The « Plain text » number format: Sheets keeps what is written into such a cell as typed. */
export const PLAIN_TEXT_FORMAT = '@';

/**
 * A plan value as `setValues` takes it. Sheets parses strings as if typed (`=` starts a formula,
 * `1,5` or `2020-02-03` become numbers or dates, `TRUE` a boolean); a leading apostrophe keeps the
 * exact text and is not part of the stored value, except in a plain-text cell, which parses nothing
 * and would keep the apostrophe (github.com/getodk/collect/issues/3703,
 * github.com/vlucas/sheetquery/issues/20): there the text goes as it is. A date is the instant
 * its reading is on the spreadsheet's clock.
 */
export function toSheetsValue(
  value: PlanValue,
  clock: SpreadsheetClock,
  plainText = false,
): string | number | boolean | Date {
  if (value === null || value === undefined) return '';
  if (isFormula(value)) return value.formula;
  if (typeof value === 'string') return !plainText && needsTextMarker(value) ? `'${value}` : value;
  if (isDate(value)) return clock.instant(value);
  return value;
}

/** Text Sheets would not keep as typed: formula starts, numbers, dates, booleans, error literals. */
export function needsTextMarker(text: string): boolean {
  return /^[=+\-@'#]/.test(text) || /\d/.test(text) || /^\s*(true|false|vrai|faux)\s*$/i.test(text);
}

/**
 * Marks (fill and note on staff cells) in one read and one write per property over the bounding
 * range of the marked cells: cells inside it that carry no mark are written back as read.
 */
function applyMarks(sheet: Sheet, marks: readonly ResolvedMark[]): void {
  const cells = marks.map((mark) => ({ mark, row: mark.row, col: mark.col }));
  const top = smallest(cells.map((c) => c.row));
  const left = smallest(cells.map((c) => c.col));
  const bottom = largest(cells.map((c) => c.row));
  const right = largest(cells.map((c) => c.col));
  const range = sheet.getRange(top + 1, left + 1, bottom - top + 1, right - left + 1);
  if (cells.some((c) => c.mark.fill !== undefined)) {
    const fills: (string | null)[][] = range.getBackgrounds().map((row) => row.map(toFill));
    // Sheets takes #RRGGBB only: a palette token read from an .xlsx by the CLI becomes « none ».
    for (const c of cells)
      if (c.mark.fill !== undefined)
        fills[c.row - top][c.col - left] = c.mark.fill?.startsWith('#') ? c.mark.fill : null;
    range.setBackgrounds(fills);
  }
  if (cells.some((c) => c.mark.note !== undefined)) {
    const notes: string[][] = range.getNotes();
    for (const c of cells)
      if (c.mark.note !== undefined) notes[c.row - top][c.col - left] = c.mark.note ?? '';
    range.setNotes(notes);
  }
}

/** Consecutive columns, each run hidden in one call. */
export function columnRuns(columns: number[]): { col: number; count: number }[] {
  const runs: { col: number; count: number }[] = [];
  for (const col of [...new Set(columns)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.col + last.count === col) last.count++;
    else runs.push({ col, count: 1 });
  }
  return runs;
}

/** Consecutive columns of the same width, each set in one call. */
export function widthRuns(
  widths: { col: number; width: number }[],
): { col: number; count: number; pixels: number }[] {
  const sorted = [...widths].sort((a, b) => a.col - b.col);
  const runs: { col: number; count: number; pixels: number }[] = [];
  for (const { col, width } of sorted) {
    const pixels = Math.round(width * PIXELS_PER_CHARACTER + COLUMN_PADDING);
    const last = runs[runs.length - 1];
    if (last && last.col + last.count === col && last.pixels === pixels) last.count++;
    else runs.push({ col, count: 1, pixels });
  }
  return runs;
}

function insertChart(
  spreadsheet: Spreadsheet,
  sheet: Sheet,
  spec: ChartSpec,
  services: SheetsServices,
): void {
  const { ChartType } = services.Charts;
  const rangeOf = (a1: string): Range => (a1.includes('!') ? spreadsheet.getRange(a1) : sheet.getRange(a1));
  let builder = sheet
    .newChart()
    .setChartType(spec.type === 'line' ? ChartType.LINE : ChartType.COLUMN)
    .addRange(rangeOf(spec.categories));
  for (const series of spec.series) builder = builder.addRange(rangeOf(series.values));
  const anchor = parseCellAddress(spec.anchor);
  const legend: Record<number, { labelInLegend: string }> = {};
  spec.series.forEach((series, i) => {
    legend[i] = { labelInLegend: series.name };
  });
  const chart = builder
    .setPosition(anchor.row + 1, anchor.col + 1, 0, 0)
    .setOption('title', spec.title)
    .setOption('width', spec.width)
    .setOption('height', spec.height)
    .setOption('series', legend)
    .build();
  sheet.insertChart(chart);
}

/**
 * Internal links (`#'Projets'!F7`) become `HYPERLINK` formulas to `#gid=…&range=F7`, the form
 * Sheets follows inside the spreadsheet; a rich-text link per cell would cost one builder call each.
 */
class LinkResolver {
  private readonly ids = new Map<string, number | null>();

  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly clock: SpreadsheetClock,
  ) {}

  hyperlink(link: CellLink, label: PlanValue): string | number | boolean | Date {
    const url = this.url(link.sheet, link.cell);
    if (url === null) return toSheetsValue(label, this.clock);
    const text = label === null || isFormula(label) ? `${link.sheet}!${link.cell}` : label;
    const shown =
      typeof text === 'number'
        ? String(text)
        : `"${String(isDate(text) ? text.toISOString() : text).replace(/"/g, '""')}"`;
    return `=HYPERLINK("${url.replace(/"/g, '""')}",${shown})`;
  }

  private url(sheet: string, cell: string): string | null {
    if (!this.ids.has(sheet))
      this.ids.set(sheet, this.spreadsheet.getSheetByName(sheet)?.getSheetId() ?? null);
    const id = this.ids.get(sheet);
    return id === null || id === undefined ? null : `#gid=${id}&range=${cell}`;
  }
}

// Reductions, not Math.min(...list): a spread of 100 000 rows overflows the call stack.
function smallest(values: readonly number[]): number {
  return values.reduce((min, v) => Math.min(min, v), Number.POSITIVE_INFINITY);
}

function largest(values: readonly number[]): number {
  return values.reduce((max, v) => Math.max(max, v), Number.NEGATIVE_INFINITY);
}
