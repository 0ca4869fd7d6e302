/// <reference types="office-js" />
/**
 * The Excel adapter: reads every worksheet in one `context.sync()` and applies a whole sheet plan
 * in one more. Only what Office.js needs lives here; what to write is decided by core.
 *
 * Choices that are about Excel, not about the program:
 * - Worksheets are walked with `getFirst()` / `getNextOrNullObject()` so that their used ranges
 *   are queued before the first sync (the collection's items are unknown until a sync).
 * - Notes and fills are read only for the cells an action marks (`readNotesAndFills`, one more
 *   sync): reading them for every cell would pass the 5 MB response limit on big sheets.
 * - Text that Excel would turn into something else (a formula, a number, a date, a boolean) is
 *   written with a leading apostrophe: Excel stores the text as is and hides the apostrophe.
 * - Requests are kept under Excel on the web's payload limit (about 5 MB): big blocks are split
 *   by rows and packed into as few syncs as the size needs.
 */
import { cellAddress, columnLetters } from '../core/a1.js';
import {
  type CellArea,
  type CellValue,
  looksLikeFormula,
  type SheetSnapshot,
  type SheetTable,
  type WorkbookSnapshot,
} from '../core/cells.js';
import { type ChartSpec, isFormula, type PageSetup, type PlanValue } from '../core/plan.js';
import { headerFooterCode } from '../core/print.js';
import { dateToSerial } from '../core/values/dates.js';
import type {
  ReadSpan,
  ResolvedMark,
  ResolvedPlan,
  ResolvedSheet,
  SpanCells,
  WriteRun,
} from '../core/writes.js';
import { bulkSetBytes, commandBytes, jsonBytes, REQUEST_BYTES, sheetHandleBytes } from './request-size.js';

/** What the adapter needs from Office.js (the real `Excel.RequestContext`, or the fake). */
export type ExcelContext = Excel.RequestContext;

export interface ReadOptions {
  /** Worksheets queued per round trip; a workbook with more sheets costs one more sync per this many. */
  sheetsPerProbe?: number;
  /** Cells per round trip when the workbook is too big for one response. */
  cellsPerChunk?: number;
  /** Find the cells dynamic arrays fill (ExcelApi 1.12): one more sync, only for sheets with spills. */
  spills?: boolean;
}

export interface ApplyOptions {
  /** Bytes per request, kept under Excel on the web's 5 MB limit (desktop Excel has none: Infinity). */
  payloadBudget?: number;
  /** Write cell notes (Notes API, ExcelApi 1.18). Off on hosts without it. */
  notes?: boolean;
  /** Told the estimated size of each request just before it is sent (calibration and bench). */
  onRequest?: (estimatedBytes: number) => void;
  /** Write print settings (`Worksheet.pageLayout`, ExcelApi 1.9). Off on hosts without it. */
  pageLayout?: boolean;
}

export const DEFAULT_SHEETS_PER_PROBE = 24;
export const DEFAULT_CELLS_PER_CHUNK = 200_000;
/** Under 5 MB with room for the commands' own overhead. */
export const DEFAULT_PAYLOAD_BUDGET = 4_000_000;

// ————————————————————————————————————————————— read

interface SheetProbe {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  /** Chart names: a regenerated sheet's charts are removed by name before it is redrawn. */
  charts: Excel.ChartCollection;
  /** Only the cells holding formulas: loading `formulas` everywhere would double the response. */
  formulaCells?: Excel.RangeAreas;
  /** `hasSpill` is loaded: false says no cell of the used range is in a dynamic array. */
  spills: boolean;
  /** The sheet's Excel Tables (name, header and totals shown): their rows are found in one more sync. */
  tables: Excel.TableCollection;
}

/** Formulas of one rectangle of formula cells, at its place in the sheet. */
export interface FormulaArea {
  rowIndex: number;
  columnIndex: number;
  formulas: unknown[][];
}

/**
 * Every worksheet's used range (values and invariant formulas) in one `context.sync()`; with
 * `spills`, one more for the sheets where a dynamic array fills cells.
 */
export async function readSnapshot(
  context: ExcelContext,
  options: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const epoch = queueEpoch(context);
  const read = await readCells(context, options);
  const snapshot = options.spills ? await withSpills(context, read) : read.snapshot;
  if (await uses1904(context, epoch)) for (const sheet of snapshot.sheets) sheet.date1904 = true;
  return withTables(context, snapshot, read.tables);
}

/** Sent with the first read sync: DATE(1904;1;1) is 0 only in the 1904 date system. */
function queueEpoch(context: ExcelContext): Excel.FunctionResult<number> {
  return context.workbook.functions.date(1904, 1, 1).load('value');
}

/** Whether the workbook counts dates from 1904, in one sync of its own (the custom functions ask so). */
export async function readDateSystem(context: ExcelContext): Promise<boolean> {
  const epoch = queueEpoch(context);
  await context.sync();
  return epoch.value === 0;
}

/** Whether the workbook counts dates from 1904; asked again when the read that carried it failed. */
async function uses1904(context: ExcelContext, epoch: Excel.FunctionResult<number>): Promise<boolean> {
  try {
    return epoch.value === 0;
  } catch {
    return readDateSystem(context);
  }
}

/** A read, and the sheets that may hold a dynamic array (all of them when `hasSpill` was not loaded). */
interface CellsRead {
  snapshot: WorkbookSnapshot;
  mayHoldSpills: (name: string) => boolean;
  /** Each sheet's tables, loaded in the read sync. */
  tables: ReadonlyMap<string, Excel.TableCollection>;
}

const ANY_SHEET = () => true;

async function readCells(context: ExcelContext, options: ReadOptions): Promise<CellsRead> {
  try {
    return await readAllAtOnce(context, options.sheetsPerProbe ?? DEFAULT_SHEETS_PER_PROBE, options.spills);
  } catch (error) {
    if (isPayloadLimit(error)) return { ...(await readInChunks(context, options)), mayHoldSpills: ANY_SHEET };
    // A host that refuses calls chained on null objects: list the sheets first (one more sync).
    try {
      return { ...(await readByNames(context)), mayHoldSpills: ANY_SHEET };
    } catch (second) {
      if (isPayloadLimit(second))
        return { ...(await readInChunks(context, options)), mayHoldSpills: ANY_SHEET };
      throw second;
    }
  }
}

/**
 * The cells dynamic arrays spill into hold values without formulas of their own (their `formulas`
 * are their values): they are marked computed, so that no action writes them (writing one blocks
 * the array with #SPILL!, learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dynamic-arrays).
 * Candidates are the formula cells with a filled, formula-less neighbour below or to the right.
 */
async function withSpills(context: ExcelContext, read: CellsRead): Promise<WorkbookSnapshot> {
  const queued: { sheet: number; range: Excel.Range }[] = [];
  read.snapshot.sheets.forEach((sheet, index) => {
    const formulas = sheet.formulas;
    if (!formulas || !read.mayHoldSpills(sheet.name)) return;
    const filled = (r: number, c: number) =>
      !formulas[r]?.[c] && sheet.values[r]?.[c] !== null && sheet.values[r]?.[c] !== undefined;
    const worksheet = context.workbook.worksheets.getItem(sheet.name);
    formulas.forEach((row, r) => {
      row.forEach((formula, c) => {
        if (!formula || !(filled(r + 1, c) || filled(r, c + 1))) return;
        const range = worksheet.getCell(r, c).getSpillingToRangeOrNullObject();
        range.load('rowIndex,columnIndex,rowCount,columnCount');
        queued.push({ sheet: index, range });
      });
    });
  });
  if (queued.length === 0) return read.snapshot;
  await context.sync();
  const areas = new Map<number, CellArea[]>();
  for (const { sheet, range } of queued) {
    if (range.isNullObject) continue;
    const list = areas.get(sheet) ?? [];
    list.push({ row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount });
    areas.set(sheet, list);
  }
  return {
    ...read.snapshot,
    sheets: read.snapshot.sheets.map((sheet, index) =>
      areas.has(index) ? { ...sheet, computed: areas.get(index) } : sheet,
    ),
  };
}

/**
 * Queues one worksheet's name, used range values and formulas: only the formula cells' formulas
 * by default, or every cell's (`allFormulas`, for hosts that refuse calls on null objects).
 */
function queueProbe(sheet: Excel.Worksheet, allFormulas = false, spills = false): SheetProbe {
  // Protection (ExcelApi 1.2) comes with the name: an action refuses a protected sheet before writing.
  sheet.load('name,protection/protected');
  const used = sheet.getUsedRangeOrNullObject(true);
  const charts = sheet.charts;
  charts.load('items/name');
  const tables = queueTables(sheet);
  if (allFormulas) {
    used.load('values,formulas,rowIndex,columnIndex');
    return { sheet, used, charts, spills: false, tables };
  }
  used.load(spills ? 'values,rowIndex,columnIndex,hasSpill' : 'values,rowIndex,columnIndex');
  const formulaCells = used.getSpecialCellsOrNullObject('Formulas');
  formulaCells.areas.load('items/formulas,items/rowIndex,items/columnIndex');
  return { sheet, used, charts, formulaCells, spills, tables };
}

/** A sheet's Excel Tables, with whether each shows its header row and its totals row (ExcelApi 1.1–1.3). */
function queueTables(sheet: Excel.Worksheet): Excel.TableCollection {
  const tables = sheet.tables;
  tables.load('items/name,items/showHeaders,items/showTotals');
  return tables;
}

/**
 * The header and totals rows of every Table, in one more sync, only when the workbook has Tables:
 * the totals row is no record, and a Table's header row is the sheet's header row
 * (learn.microsoft.com/javascript/api/excel/excel.table).
 */
async function withTables(
  context: ExcelContext,
  snapshot: WorkbookSnapshot,
  tables: ReadonlyMap<string, Excel.TableCollection>,
): Promise<WorkbookSnapshot> {
  const queued: { sheet: string; name: string; header?: Excel.Range; totals?: Excel.Range }[] = [];
  for (const [sheet, collection] of tables) {
    for (const table of collection.items) {
      const entry: (typeof queued)[number] = { sheet, name: table.name };
      if (table.showHeaders) entry.header = table.getHeaderRowRange().load('rowIndex');
      if (table.showTotals) entry.totals = table.getTotalRowRange().load('rowIndex');
      queued.push(entry);
    }
  }
  if (queued.length === 0) return snapshot;
  await context.sync();
  const bySheet = new Map<string, SheetTable[]>();
  for (const { sheet, name, header, totals } of queued) {
    const list = bySheet.get(sheet) ?? [];
    list.push({ name, headerRow: header?.rowIndex ?? null, totalsRow: totals?.rowIndex ?? null });
    bySheet.set(sheet, list);
  }
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((sheet) =>
      bySheet.has(sheet.name) ? { ...sheet, tables: bySheet.get(sheet.name) } : sheet,
    ),
  };
}

/** A synced probe as a snapshot sheet; null when the probe went past the last worksheet. */
function probeResult(probe: SheetProbe): SheetSnapshot | null {
  const sheet = probeSheet(probe);
  if (sheet === null) return null;
  return withSheetFacts(sheet, probe.sheet, probe.charts);
}

/** The sheet's charts and protection, read in the same sync as its cells. */
function withSheetFacts(
  sheet: SheetSnapshot,
  worksheet: Excel.Worksheet,
  charts: Excel.ChartCollection,
): SheetSnapshot {
  const names = charts.items.map((chart) => chart.name);
  const withCharts = names.length > 0 ? { ...sheet, chartNames: names } : sheet;
  return worksheet.protection.protected ? { ...withCharts, protected: true } : withCharts;
}

function probeSheet({ sheet, used, formulaCells }: SheetProbe): SheetSnapshot | null {
  if (sheet.isNullObject) return null;
  if (used.isNullObject) return { name: sheet.name, values: [] };
  if (!formulaCells)
    return sheetFromRange(sheet.name, used.rowIndex, used.columnIndex, used.values, used.formulas);
  const areas: FormulaArea[] = formulaCells.isNullObject
    ? []
    : formulaCells.areas.items.map((area) => ({
        rowIndex: area.rowIndex,
        columnIndex: area.columnIndex,
        formulas: area.formulas,
      }));
  return sheetFromUsedRange(sheet.name, used.rowIndex, used.columnIndex, used.values, areas);
}

async function readAllAtOnce(context: ExcelContext, perProbe: number, spills = false): Promise<CellsRead> {
  const sheets: SheetSnapshot[] = [];
  const tables = new Map<string, Excel.TableCollection>();
  const withoutSpills = new Set<string>();
  const mayHoldSpills = (name: string) => !withoutSpills.has(name);
  let next: Excel.Worksheet = context.workbook.worksheets.getFirst();
  for (;;) {
    const probes: SheetProbe[] = [];
    for (let i = 0; i < perProbe; i++) {
      probes.push(queueProbe(next, false, spills));
      next = next.getNextOrNullObject();
    }
    await context.sync();
    for (const probe of probes) {
      const sheet = probeResult(probe);
      if (!sheet) return { snapshot: { sheets }, mayHoldSpills, tables };
      sheets.push(sheet);
      tables.set(sheet.name, probe.tables);
      if (probe.used.isNullObject || (probe.spills && probe.used.hasSpill === false))
        withoutSpills.add(sheet.name);
    }
    // More sheets than one probe holds: go on from the last one (rare, one sync per probe).
  }
}

/** The names first, then every sheet: two syncs, for hosts without null-object chaining. */
async function readByNames(context: ExcelContext): Promise<Omit<CellsRead, 'mayHoldSpills'>> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const probes = worksheets.items.map((sheet) => queueProbe(sheet, true));
  await context.sync();
  const sheets = probes.map((probe) => probeResult(probe)).filter((s): s is SheetSnapshot => s !== null);
  return { snapshot: { sheets }, tables: new Map(probes.map((probe) => [probe.sheet.name, probe.tables])) };
}

/** Too big for one response: sizes first, then row chunks packed `cellsPerChunk` to a sync. */
async function readInChunks(
  context: ExcelContext,
  options: ReadOptions,
): Promise<Omit<CellsRead, 'mayHoldSpills'>> {
  const budget = options.cellsPerChunk ?? DEFAULT_CELLS_PER_CHUNK;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  await context.sync();
  const sized = worksheets.items.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const charts = sheet.charts;
    charts.load('items/name');
    return { sheet, used, charts, tables: queueTables(sheet) };
  });
  await context.sync();
  const shapes = sized.map(({ sheet, used, charts }) => ({
    name: sheet.name,
    worksheet: sheet,
    charts,
    ...(used.isNullObject
      ? { row: 0, col: 0, rows: 0, cols: 0 }
      : { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount }),
  }));

  const parts = new Map<string, { values: unknown[][]; formulas: FormulaArea[] }>();
  for (const shape of shapes) parts.set(shape.name, { values: [], formulas: [] });
  let pending: { name: string; range: Excel.Range; formulaCells: Excel.RangeAreas }[] = [];
  let pendingCells = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await context.sync();
    for (const { name, range, formulaCells } of pending) {
      const part = parts.get(name)!;
      for (const row of range.values) part.values.push(row);
      if (formulaCells.isNullObject) continue;
      for (const area of formulaCells.areas.items) {
        part.formulas.push({
          rowIndex: area.rowIndex,
          columnIndex: area.columnIndex,
          formulas: area.formulas,
        });
      }
    }
    pending = [];
    pendingCells = 0;
  };
  for (const shape of shapes) {
    if (shape.rows === 0) continue;
    const rowsPerChunk = Math.max(1, Math.floor(budget / shape.cols));
    for (let start = 0; start < shape.rows; start += rowsPerChunk) {
      const rows = Math.min(rowsPerChunk, shape.rows - start);
      if (pendingCells + rows * shape.cols > budget) await flush();
      const range = context.workbook.worksheets
        .getItem(shape.name)
        .getRangeByIndexes(shape.row + start, shape.col, rows, shape.cols);
      range.load('values');
      const formulaCells = range.getSpecialCellsOrNullObject('Formulas');
      formulaCells.areas.load('items/formulas,items/rowIndex,items/columnIndex');
      pending.push({ name: shape.name, range, formulaCells });
      pendingCells += rows * shape.cols;
    }
  }
  await flush();
  const tables = new Map(sized.map(({ sheet, tables }) => [sheet.name, tables]));
  const snapshot: WorkbookSnapshot = {
    sheets: shapes.map((shape) => {
      const part = parts.get(shape.name)!;
      const sheet: SheetSnapshot =
        shape.rows === 0
          ? { name: shape.name, values: [] }
          : sheetFromUsedRange(shape.name, shape.row, shape.col, part.values, part.formulas);
      return withSheetFacts(sheet, shape.worksheet, shape.charts);
    }),
  };
  return { snapshot, tables };
}

/** A used range and its formula cells as a snapshot sheet: anchored at A1, `null` for empty cells. */
export function sheetFromUsedRange(
  name: string,
  rowIndex: number,
  columnIndex: number,
  values: unknown[][],
  formulaAreas: FormulaArea[],
): SheetSnapshot {
  const sheet = sheetFromRange(name, rowIndex, columnIndex, values, []);
  if (formulaAreas.length === 0) return sheet;
  const width = sheet.values[0]?.length ?? 0;
  const formulas: (string | null)[][] = sheet.values.map(() => new Array(width).fill(null));
  for (const area of formulaAreas) {
    area.formulas.forEach((row, r) => {
      row.forEach((formula, c) => {
        const target = formulas[area.rowIndex + r];
        if (target && typeof formula === 'string' && formula.startsWith('='))
          target[area.columnIndex + c] = formula;
      });
    });
  }
  return { ...sheet, formulas };
}

/**
 * A range read with `values` and `formulas` (the chunked path) as a snapshot sheet: anchored at
 * A1, `null` for empty cells, formulas apart.
 */
export function sheetFromRange(
  name: string,
  rowIndex: number,
  columnIndex: number,
  values: unknown[][],
  formulas: unknown[][],
): SheetSnapshot {
  const width = columnIndex + (values[0]?.length ?? 0);
  const outValues: CellValue[][] = [];
  const outFormulas: (string | null)[][] = [];
  let anyFormula = false;
  for (let r = 0; r < rowIndex; r++) {
    outValues.push(new Array(width).fill(null));
    outFormulas.push(new Array(width).fill(null));
  }
  values.forEach((row, r) => {
    const valueRow: CellValue[] = new Array(columnIndex).fill(null);
    const formulaRow: (string | null)[] = new Array(columnIndex).fill(null);
    row.forEach((value, c) => {
      const formula = formulas[r]?.[c];
      valueRow.push(value === '' || value === undefined ? null : (value as CellValue));
      // Text entered with an apostrophe comes back from `formulas` as its text: it is no formula.
      const isFormulaCell = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
      formulaRow.push(isFormulaCell ? formula : null);
      if (isFormulaCell) anyFormula = true;
    });
    outValues.push(valueRow);
    outFormulas.push(formulaRow);
  });
  return anyFormula ? { name, values: outValues, formulas: outFormulas } : { name, values: outValues };
}

/**
 * Compare-and-set: the cells a confirmed plan changes, read again in one sync (one column range per
 * span), just before it writes.
 */
export async function readSpans(context: ExcelContext, spans: readonly ReadSpan[]): Promise<SpanCells[]> {
  const ranges = spans.map((span) => {
    const range = context.workbook.worksheets
      .getItem(span.sheet)
      .getRangeByIndexes(span.row, span.col, span.rows, 1);
    range.load('values,formulas');
    return { span, range };
  });
  if (ranges.length > 0) await context.sync();
  return ranges.map(({ span, range }) => {
    const sheet = sheetFromRange(span.sheet, 0, 0, range.values, range.formulas);
    return {
      span,
      values: sheet.values.map((row) => row[0] ?? null),
      formulas: sheet.formulas?.map((row) => row[0] ?? null),
    };
  });
}

/** Cells whose note and fill an action needs (the cells Valider marks), by sheet. */
export type CellsBySheet = ReadonlyMap<string, readonly { row: number; col: number }[]>;

/** Cells whose note and fill go in one sync: two small loads each, well under the request limit. */
export const DEFAULT_MARKS_PER_SYNC = 4_000;

/**
 * The note (Notes API, ExcelApi 1.18, only with `notes`) and the fill of the given cells, added
 * to the snapshot as `notes` and `fills` grids (null elsewhere). A cell without fill reads as
 * `#FFFFFF` like a white one; only `tintAndShade` (ExcelApi 1.9) tells them apart: null for no fill
 * (github.com/OfficeDev/office-js/issues/4900).
 */
export async function readNotesAndFills(
  context: ExcelContext,
  snapshot: WorkbookSnapshot,
  cells: CellsBySheet,
  options: { notes: boolean; perSync?: number },
): Promise<{ snapshot: WorkbookSnapshot; syncs: number }> {
  const perSync = options.perSync ?? DEFAULT_MARKS_PER_SYNC;
  interface Probe {
    sheet: string;
    row: number;
    col: number;
    fill: Excel.RangeFill;
    note?: Excel.Note;
  }
  const probes: Probe[] = [];
  let pending: Probe[] = [];
  let syncs = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await context.sync();
    syncs += 1;
    for (const probe of pending) probes.push(probe);
    pending = [];
  };
  for (const [name, list] of cells) {
    const worksheet = context.workbook.worksheets.getItem(name);
    for (const { row, col } of list) {
      if (pending.length >= perSync) await flush();
      const fill = worksheet.getCell(row, col).format.fill;
      fill.load('color,tintAndShade');
      const probe: Probe = { sheet: name, row, col, fill };
      if (options.notes) {
        probe.note = worksheet.notes.getItemOrNullObject(cellAddress(row, col));
        probe.note.load('content');
      }
      pending.push(probe);
    }
  }
  await flush();
  if (probes.length === 0) return { snapshot, syncs };
  const grids = new Map<string, { notes: (string | null)[][]; fills: (string | null)[][] }>();
  for (const probe of probes) {
    let grid = grids.get(probe.sheet);
    if (!grid) {
      grid = { notes: [], fills: [] };
      grids.set(probe.sheet, grid);
    }
    const noFill = probe.fill.tintAndShade === null || probe.fill.tintAndShade === undefined;
    setCell(grid.fills, probe.row, probe.col, noFill ? null : probe.fill.color.toUpperCase());
    if (probe.note && !probe.note.isNullObject) setCell(grid.notes, probe.row, probe.col, probe.note.content);
  }
  const sheets = snapshot.sheets.map((sheet) => {
    const grid = grids.get(sheet.name);
    if (!grid) return sheet;
    const withFills = { ...sheet, fills: grid.fills };
    return options.notes ? { ...withFills, notes: grid.notes } : withFills;
  });
  return { snapshot: { ...snapshot, sheets }, syncs };
}

function setCell(grid: (string | null)[][], row: number, col: number, value: string | null): void {
  while (grid.length <= row) grid.push([]);
  const line = grid[row];
  while (line.length < col) line.push(null);
  line[col] = value;
}

// ————————————————————————————————————————————— write

/** A command group that goes in one request; `bytes` estimates its share of the payload. */
interface Step {
  /** The worksheet whose handle it uses: each request pays once per sheet for it. */
  sheet: string;
  bytes: number;
  queue(): void;
  /** The same commands in two smaller steps, for a block of rows Excel refused as too big. */
  split?: () => [Step, Step];
}

/** The estimated size of one request made of `steps` (see request-size.ts). */
function requestEstimate(steps: readonly Step[]): number {
  let bytes = REQUEST_BYTES;
  const sheets = new Set<string>();
  for (const step of steps) {
    bytes += step.bytes;
    if (!sheets.has(step.sheet)) {
      sheets.add(step.sheet);
      bytes += sheetHandleBytes(step.sheet);
    }
  }
  return bytes;
}

/**
 * Writes a resolved plan: everything queued, then one `context.sync()` (more only when the plan is
 * bigger than one request may be; then the count follows size ÷ budget). Returns the syncs made.
 */
export async function applyResolved(
  context: ExcelContext,
  plan: ResolvedPlan,
  options: ApplyOptions = {},
): Promise<number> {
  const budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  const sheets = new SheetHandles(context);
  const steps: Step[] = [];
  const noteSteps: Step[] = [];
  for (const sheet of plan.sheets) {
    for (const step of sheetSteps(sheets, sheet, options, budget, noteSteps, plan.date1904 === true))
      steps.push(step);
  }
  // Notes last: they are the only commands that depend on a newer API set.
  for (const step of noteSteps) steps.push(step);
  if (plan.activate) {
    const name = plan.activate;
    steps.push({ sheet: name, bytes: commandBytes(0, 1), queue: () => sheets.get(name).activate() });
  }

  const batches: Step[][] = [];
  let batch: Step[] = [];
  let batchSheets = new Set<string>();
  let batchBytes = REQUEST_BYTES;
  for (const step of steps) {
    const bytes = step.bytes + (batchSheets.has(step.sheet) ? 0 : sheetHandleBytes(step.sheet));
    if (batch.length > 0 && batchBytes + bytes > budget) {
      batches.push(batch);
      batch = [];
      batchSheets = new Set();
      batchBytes = REQUEST_BYTES + sheetHandleBytes(step.sheet) + step.bytes;
    } else batchBytes += bytes;
    batch.push(step);
    batchSheets.add(step.sheet);
  }
  if (batch.length > 0) batches.push(batch);
  let syncs = 0;
  for (const each of batches) syncs += await syncSplitting(context, sheets, each, options.onRequest);
  return syncs;
}

/**
 * One batch in one sync; when Excel still answers that the request is too big (our estimate is
 * only an estimate), the batch is sent again in two halves. Excel rejects such a request before
 * running any of it, so nothing is written twice.
 */
async function syncSplitting(
  context: ExcelContext,
  sheets: SheetHandles,
  steps: readonly Step[],
  onRequest?: (estimatedBytes: number) => void,
): Promise<number> {
  // Office.js marks a proxy made by `worksheets.add()` invalid after its request unless Excel's
  // answer names it (`isInvalidAfterRequest` in the library; the calibration page, whose answers
  // are empty, fails on it): every request asks for its sheets again by name.
  sheets.forget();
  context.workbook.application.suspendApiCalculationUntilNextSync();
  for (const step of steps) step.queue();
  onRequest?.(requestEstimate(steps));
  try {
    await context.sync();
    return 1;
  } catch (error) {
    if (!isPayloadLimit(error)) throw error;
    const only = steps.length === 1 ? steps[0].split?.() : undefined;
    if (only) return syncSplitting(context, sheets, only, onRequest);
    if (steps.length < 2) throw error;
    const half = Math.ceil(steps.length / 2);
    return (
      (await syncSplitting(context, sheets, steps.slice(0, half), onRequest)) +
      (await syncSplitting(context, sheets, steps.slice(half), onRequest))
    );
  }
}

/** Worksheet proxies by name. */
class SheetHandles {
  private readonly handles = new Map<string, Excel.Worksheet>();
  constructor(private readonly context: ExcelContext) {}

  get(name: string): Excel.Worksheet {
    let handle = this.handles.get(name);
    if (!handle) {
      handle = this.context.workbook.worksheets.getItem(name);
      this.handles.set(name, handle);
    }
    return handle;
  }

  add(name: string): Excel.Worksheet {
    const handle = this.context.workbook.worksheets.add(name);
    this.handles.set(name, handle);
    return handle;
  }

  forget(): void {
    this.handles.clear();
  }
}

function sheetSteps(
  sheets: SheetHandles,
  plan: ResolvedSheet,
  options: ApplyOptions,
  budget: number,
  noteSteps: Step[],
  date1904: boolean,
): Step[] {
  const steps: Step[] = [];
  const name = plan.name;
  if (plan.create)
    steps.push({ sheet: name, bytes: commandBytes(1, 0, name), queue: () => void sheets.add(name) });
  if (plan.clear) {
    // Cleared where it stands, never deleted: `Worksheet.delete` turns every reference to the sheet
    // into #REF! and clears the user's undo history (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
    const charts = plan.removeCharts;
    steps.push({
      sheet: name,
      bytes:
        commandBytes(2, 2, 'All') +
        charts.reduce((sum, chart) => sum + commandBytes(2, 1, chart), 0) +
        (options.pageLayout !== false ? commandBytes(1, 1) : 0),
      queue: () => {
        const sheet = sheets.get(name);
        const all = sheet.getRange();
        all.clear('All');
        all.dataValidation.clear();
        for (const chart of charts) sheet.charts.getItem(chart).delete();
        // The page breaks of the previous generation, which `clear` leaves (ExcelApi 1.9).
        if (options.pageLayout !== false) sheet.horizontalPageBreaks.removePageBreaks();
      },
    });
  }

  for (const run of plan.runs)
    for (const step of runSteps(sheets, name, run, budget, date1904)) steps.push(step);

  for (const step of fillSteps(sheets, name, plan.marks)) steps.push(step);
  for (const mark of plan.marks) {
    if (mark.note !== undefined && options.notes !== false) {
      const note = mark.note;
      const address = cellAddress(mark.row, mark.col);
      noteSteps.push({
        sheet: name,
        bytes: commandBytes(2, 2, address, address, note),
        queue: () => {
          const sheet = sheets.get(name);
          sheet.notes.getItemOrNullObject(address).delete();
          if (note !== null) sheet.notes.add(address, note);
        },
      });
    }
  }

  for (const validation of plan.validations) {
    // Excel takes the list as one comma-separated string (core keeps commas out of the items).
    const rule = { list: { inCellDropDown: true, source: validation.items.join(',') } };
    const prompt = validation.prompt ? { showPrompt: true, title: '', message: validation.prompt } : null;
    steps.push({
      sheet: name,
      bytes: commandBytes(2, prompt ? 4 : 3, validation.range, rule, NO_ALERT, prompt ?? ''),
      queue: () => {
        const range = sheets.get(name).getRange(validation.range);
        range.dataValidation.clear();
        range.dataValidation.rule = rule;
        range.dataValidation.errorAlert = NO_ALERT;
        if (prompt) range.dataValidation.prompt = prompt;
      },
    });
  }

  for (const { col, width } of plan.columnWidths) {
    steps.push({
      sheet: name,
      bytes: commandBytes(2, 1, 'XFD:XFD', width),
      queue: () => {
        const letters = columnLetters(col);
        sheets.get(name).getRange(`${letters}:${letters}`).format.columnWidth = charactersToPoints(width);
      },
    });
  }

  for (const col of plan.hiddenColumns) {
    steps.push({
      sheet: name,
      bytes: commandBytes(1, 1, 'XFD:XFD', true),
      queue: () => {
        const letters = columnLetters(col);
        sheets.get(name).getRange(`${letters}:${letters}`).columnHidden = true;
      },
    });
  }

  if (plan.frozenRows !== undefined) {
    const rows = plan.frozenRows;
    steps.push({
      sheet: name,
      bytes: commandBytes(1, 1, rows),
      queue: () => {
        const panes = sheets.get(name).freezePanes;
        if (rows > 0) panes.freezeRows(rows);
        else panes.unfreeze();
      },
    });
  }

  for (const chart of plan.charts) steps.push(chartStep(sheets, name, chart));
  if (plan.pageSetup && options.pageLayout !== false)
    steps.push(pageLayoutStep(sheets, name, plan.pageSetup));

  if (plan.hidden !== undefined) {
    const hidden = plan.hidden;
    steps.push({
      sheet: name,
      bytes: commandBytes(0, 1, 'Hidden'),
      queue: () => {
        sheets.get(name).visibility = hidden ? 'Hidden' : 'Visible';
      },
    });
  }
  return steps;
}

/** A list suggests, it never blocks: Priorités holds « 1; 3 » and Valider reports bad values. */
const NO_ALERT: Excel.DataValidationErrorAlert = {
  showAlert: false,
  style: 'Information',
  title: '',
  message: '',
};

/** Longest address list passed to `getRanges` (Excel caps range addresses at 8 192 characters). */
const MAX_AREAS_ADDRESS = 8000;

/** Cells marked with the same fill share one command: `getRanges('B2,B5,F7')`. */
function fillSteps(sheets: SheetHandles, name: string, marks: readonly ResolvedMark[]): Step[] {
  const byFill = new Map<string | null, string[]>();
  for (const mark of marks) {
    if (mark.fill === undefined) continue;
    const cells = byFill.get(mark.fill) ?? [];
    cells.push(cellAddress(mark.row, mark.col));
    byFill.set(mark.fill, cells);
  }
  const steps: Step[] = [];
  for (const [fill, cells] of byFill) {
    let group: string[] = [];
    let length = 0;
    const flush = () => {
      if (group.length === 0) return;
      const addresses = group.join(',');
      steps.push({
        sheet: name,
        bytes: commandBytes(3, 1, addresses, fill),
        queue: () => {
          const format = sheets.get(name).getRanges(addresses).format;
          // Only #RRGGBB reaches Excel; a palette token read by another host cannot be set here.
          if (fill === null || !fill.startsWith('#')) format.fill.clear();
          else format.fill.color = fill;
        },
      });
      group = [];
      length = 0;
    };
    for (const cell of cells) {
      if (length + cell.length + 1 > MAX_AREAS_ADDRESS) flush();
      group.push(cell);
      length += cell.length + 1;
    }
    flush();
  }
  return steps;
}

/** Column widths come in characters (Calibri 11: 7 px each plus 5 px padding); Excel wants points. */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

const ALIGNMENTS = { left: 'Left', center: 'Center', right: 'Right' } as const;

/** One run, split by rows into pieces that each fit well within a request. */
function runSteps(
  sheets: SheetHandles,
  name: string,
  run: WriteRun,
  budget: number,
  date1904: boolean,
): Step[] {
  const rows = run.values.length;
  if (rows === 0) return [];
  const cols = run.values[0].length;
  if (cols === 0) return [];
  const hasFormula = run.values.some((row) => row.some(isFormula));
  const inputs = run.values.map((row) => row.map((value) => toExcelInput(value, date1904)));
  // A row's JSON and the comma that joins it to the next, in values and in number formats.
  const rowBytes = inputs.map(
    (row, r) => jsonBytes(row) + 1 + (run.numberFormats ? jsonBytes(run.numberFormats[r]) + 1 : 0),
  );
  // getRangeByIndexes, values or formulas, number formats; bold and fill each a format path more;
  // the alignment a format path and a set, wrapping a format path and three calls.
  const pieceBytes = commandBytes(
    1 + (run.bold ? 2 : 0) + (run.fill ? 2 : 0) + (run.align || run.wrap ? 1 : 0),
    1 +
      (run.numberFormats ? 1 : 0) +
      (run.bold ? 1 : 0) +
      (run.fill ? 1 : 0) +
      (run.align ? 1 : 0) +
      (run.wrap ? 2 : 0),
    [run.row, run.col, rows, cols],
    run.fill,
    run.align ? ALIGNMENTS[run.align] : undefined,
    run.wrap ? true : undefined,
  );
  const bulkSets = 1 + (run.numberFormats ? 1 : 0);
  /** Rows `from` to `to`; a piece Excel still finds too big splits into two. */
  const piece = (from: number, to: number, bytes: number): Step => ({
    sheet: name,
    bytes: bytes + pieceBytes + bulkSets * bulkSetBytes(to - from, cols),
    split:
      to - from < 2
        ? undefined
        : () => {
            const mid = from + Math.ceil((to - from) / 2);
            const sum = (a: number, b: number) => rowBytes.slice(a, b).reduce((x, y) => x + y, 0);
            return [piece(from, mid, sum(from, mid)), piece(mid, to, sum(mid, to))];
          },
    queue: () => {
      const range = sheets.get(name).getRangeByIndexes(run.row + from, run.col, to - from, cols);
      const formats = run.numberFormats?.slice(from, to);
      // null keeps the cell's format: Office.js takes null in a 2-D numberFormat array for that.
      if (formats) range.numberFormat = formats as unknown as string[][];
      const slice = inputs.slice(from, to);
      if (hasFormula) range.formulas = slice;
      else range.values = slice;
      if (run.bold) range.format.font.bold = true;
      if (run.fill) range.format.fill.color = run.fill;
      if (run.align) range.format.horizontalAlignment = ALIGNMENTS[run.align];
      if (run.wrap) {
        range.format.wrapText = true;
        // Excel measures the text itself: core's estimated `rowHeights` are for files.
        range.format.autofitRows();
      }
    },
  });
  const pieceBudget = Math.max(1, Math.floor(budget / 2));
  const steps: Step[] = [];
  let start = 0;
  while (start < rows) {
    let end = start;
    let bytes = 0;
    while (end < rows && (end === start || bytes + rowBytes[end] <= pieceBudget)) {
      bytes += rowBytes[end];
      end += 1;
    }
    steps.push(piece(start, end, bytes));
    start = end;
  }
  // Loops rather than push(...list): tens of thousands of steps would overflow the call stack.
  if (run.links) for (const step of linkSteps(sheets, name, run)) steps.push(step);
  return steps;
}

function linkSteps(sheets: SheetHandles, name: string, run: WriteRun): Step[] {
  const steps: Step[] = [];
  run.links?.forEach((row, r) => {
    row.forEach((link, c) => {
      if (!link) return;
      const value = run.values[r]?.[c];
      const text = typeof value === 'string' ? value : undefined;
      const reference = `'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
      steps.push({
        sheet: name,
        bytes: commandBytes(1, 1, [run.row + r, run.col + c], LINK_KEYS, reference, text),
        queue: () => {
          const cell = sheets.get(name).getCell(run.row + r, run.col + c);
          cell.hyperlink = { documentReference: reference, ...(text ? { textToDisplay: text } : {}) };
        },
      });
    });
  });
  return steps;
}

/** The keys of a hyperlink's JSON: `{"documentReference":…,"textToDisplay":…}`. */
const LINK_KEYS = 'documentReference,textToDisplay';

/**
 * How the sheet prints (`Worksheet.pageLayout`, ExcelApi 1.9): orientation, one page wide
 * (`zoom` set as one object, as the page asks: learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model),
 * title rows, print area, the footer in Excel's codes, manual page breaks.
 */
function pageLayoutStep(sheets: SheetHandles, name: string, setup: PageSetup): Step {
  const footer = [setup.footer.left, setup.footer.center, setup.footer.right].map(headerFooterCode);
  const breaks = setup.rowBreaks ?? [];
  return {
    sheet: name,
    // pageLayout, headersFooters, defaultForAllPages, then each break's collection; calls: orientation,
    // zoom, title rows, print area, three footers, each break's add.
    bytes:
      commandBytes(3, 7, 'Landscape', { horizontalFitToPages: 1, verticalFitToPages: 0 }, '$1:$1') +
      commandBytes(0, 0, setup.printArea, ...footer) +
      breaks.reduce((sum, row) => sum + commandBytes(2, 1, `A${row + 1}`), 0),
    queue: () => {
      const sheet = sheets.get(name);
      const layout = sheet.pageLayout;
      layout.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.zoom = { horizontalFitToPages: setup.fitToPagesWide, verticalFitToPages: 0 };
      if (setup.titleRows)
        layout.setPrintTitleRows(`$${setup.titleRows.first + 1}:$${setup.titleRows.last + 1}`);
      if (setup.printArea) layout.setPrintArea(setup.printArea);
      const footers = layout.headersFooters.defaultForAllPages;
      [footers.leftFooter, footers.centerFooter, footers.rightFooter] = footer;
      // « The page break precedes this range » (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheet-display).
      for (const row of breaks) sheet.horizontalPageBreaks.add(`A${row + 1}`);
    },
  };
}

function chartStep(sheets: SheetHandles, name: string, spec: ChartSpec): Step {
  const extraSeries = Math.max(0, spec.series.length - 1);
  return {
    sheet: name,
    // charts, add, title, series, getItemAt, and a range for values and categories; each other
    // series adds itself and two ranges. Calls: title, name, axes, position (over its cells).
    bytes: commandBytes(8 + 3 * extraSeries, 5 + 2 * extraSeries, spec),
    queue: () => {
      const sheet = sheets.get(name);
      const [first, ...others] = spec.series;
      if (!first) return;
      const chart = sheet.charts.add(
        spec.type === 'line' ? 'Line' : 'ColumnClustered',
        sheet.getRange(first.values),
        'Columns',
      );
      chart.title.text = spec.title;
      const firstSeries = chart.series.getItemAt(0);
      firstSeries.name = first.name;
      firstSeries.setXAxisValues(sheet.getRange(spec.categories));
      for (const series of others) {
        const added = chart.series.add(series.name);
        added.setValues(sheet.getRange(series.values));
        added.setXAxisValues(sheet.getRange(spec.categories));
      }
      // Over the cells core chose (inside the print area, above a page break): « the chart's width and
      // height will be set to fully cover up » the end cell (learn.microsoft.com/javascript/api/excel/excel.chart#excel-excel-chart-setposition-member(1)).
      chart.setPosition(spec.anchor, spec.end);
    },
  };
}

/**
 * Text Excel would not keep as typed: formulas (`=`, `+`, `-`, `@`), a leading apostrophe, and text
 * Excel parses into numbers, dates, times, percentages or booleans (`195 007 $`, `2020-02-03`,
 * `Septembre 2019`, `VRAI`).
 */
export function needsQuotePrefix(text: string): boolean {
  if (text === '') return false;
  // `#N/A` typed as text must stay text, not become Excel's error value.
  if (looksLikeFormula(text) || text.startsWith("'") || text.startsWith('#')) return true;
  const trimmed = text.trim();
  // A sign after leading spaces too: Excel reads « -5 » typed with a space before it as the number -5.
  if (/^[\s$€£(+-]*[\d.,]/.test(trimmed)) return true;
  if (/^(true|false|vrai|faux)$/i.test(trimmed)) return true;
  // A month name (or any word) followed by a year or a day: Excel's date parser may take it.
  if (/^\p{L}{3,}\.?[\s-]+\d{1,4}$/u.test(trimmed)) return true;
  return false;
}

/** A plan value as Office.js takes it in `values` / `formulas`. */
export function toExcelInput(value: PlanValue, date1904 = false): string | number | boolean {
  if (isFormula(value)) return value.formula;
  if (value === null) return '';
  if (value instanceof Date) return dateToSerial(value, date1904);
  if (typeof value === 'string') return needsQuotePrefix(value) ? `'${value}` : value;
  return value;
}

/** Excel on the web answers too-big batches with these codes. */
export function isPayloadLimit(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /PayloadSizeLimitExceeded|RequestEntityTooLarge/i.test(code);
}
