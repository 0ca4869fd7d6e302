/// <reference types="office-js" />
/**
 * The Excel side of the panel's bridge: one `Excel.run` per action, read (1 sync) → core
 * `runAction` → apply (1 sync). A changing action is previewed first (read and compute, 1 sync);
 * once confirmed, its cells are read again and only those unchanged are written (2 syncs).
 */

import { parseCellAddress } from '../core/a1.js';
import type { ActionName } from '../core/action-table.js';
import {
  type ActionResult,
  confirmAction,
  interruptedAction,
  previewAction,
  resolveAction,
  runAction,
} from '../core/actions.js';
import type { WorkbookSnapshot } from '../core/cells.js';
import type { Lang } from '../core/messages/index.js';
import type { Plan } from '../core/plan.js';
import { readSpans, snapshotFromSpans } from '../core/writes.js';
import type { PanelBridge } from '../panel/bridge.js';
import { toPanelPreview, toPanelResult } from '../panel/result.js';
import {
  applyResolved,
  type CellsBySheet,
  DEFAULT_PAYLOAD_BUDGET,
  readSpans as readCells,
  readNotesAndFills,
  readSnapshot,
} from './excel-adapter.js';

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** `Excel.run`, or the fake's `run` in tests, with or without run options. */
export interface ExcelRunner {
  <T>(batch: Batch<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: Batch<T>): Promise<T>;
}

export interface ExcelBridgeOptions {
  run?: ExcelRunner;
  /** Write cell notes (needs ExcelApi 1.18); detected from Office.js when left out. */
  notes?: boolean;
  /** Write print settings (`Worksheet.pageLayout`, ExcelApi 1.9); detected from Office.js when left out. */
  pageLayout?: boolean;
  /** The moment of each action (tests pin it). */
  now?: () => Date;
  /** Bytes per write request; by default 4 MB on Excel on the web, unlimited on desktop. */
  payloadBudget?: number;
  /** Make each action one Ctrl+Z (ExcelApi 1.20); detected from Office.js when left out. */
  undoGroups?: boolean;
  /** Read the cells dynamic arrays fill (ExcelApi 1.12); detected from Office.js when left out. */
  spills?: boolean;
}

function defaultRunner(): ExcelRunner {
  return (<T>(first: Excel.RunOptions | Batch<T>, batch?: Batch<T>) =>
    batch ? Excel.run(first as Excel.RunOptions, batch) : Excel.run(first as Batch<T>)) as ExcelRunner;
}

/**
 * ExcelApi 1.20 merges the syncs of one `Excel.run` into one undo record (`mergeUndoGroup`,
 * learn.microsoft.com/javascript/api/excel/excel.runoptions): one action, one Ctrl+Z.
 */
export function undoGroupsSupported(): boolean {
  return excelApi('1.20');
}

/** Whether the running Excel has an ExcelApi requirement set (false outside Office). */
function excelApi(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

/** Dynamic arrays (`hasSpill`, `getSpillingToRangeOrNullObject`) need ExcelApi 1.12. */
export function spillsSupported(): boolean {
  return excelApi('1.12');
}

function readOptions(options: ExcelBridgeOptions) {
  return { spills: options.spills ?? spillsSupported() };
}

/** The `Excel.run` that writes: one undo record for the whole action where Excel can. */
function writingRun<T>(options: ExcelBridgeOptions, batch: Batch<T>): Promise<T> {
  const run = options.run ?? defaultRunner();
  return (options.undoGroups ?? undoGroupsSupported()) ? run({ mergeUndoGroup: true }, batch) : run(batch);
}

/** Notes need ExcelApi 1.18; older Excel still gets fills and the Validation sheet. */
export function notesSupported(): boolean {
  return excelApi('1.18');
}

/**
 * Print settings (`Worksheet.pageLayout`, `horizontalPageBreaks`) need ExcelApi 1.9
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheet-display); older Excel
 * still gets the sheets, printed with its own defaults.
 */
export function pageLayoutSupported(): boolean {
  return excelApi('1.9');
}

/** Only Excel on the web limits payloads (5 MB): desktop Excel writes any plan in one sync. */
export function platformPayloadBudget(): number {
  try {
    return String(Office.context.platform) === 'OfficeOnline'
      ? DEFAULT_PAYLOAD_BUDGET
      : Number.POSITIVE_INFINITY;
  } catch {
    return DEFAULT_PAYLOAD_BUDGET;
  }
}

export interface ExcelActionOutcome {
  result: ActionResult;
  /** Syncs used by the action (1 to read, then 1 to apply for a plan that fits one request). */
  syncs: number;
}

function writeOptions(options: ExcelBridgeOptions) {
  return {
    notes: options.notes ?? notesSupported(),
    pageLayout: options.pageLayout ?? pageLayoutSupported(),
    payloadBudget: options.payloadBudget ?? platformPayloadBudget(),
  };
}

/** Read → runAction → apply, in one `Excel.run`: actions that ask no confirmation. */
export async function runActionInExcel(
  action: ActionName,
  lang: Lang,
  options: ExcelBridgeOptions = {},
): Promise<ExcelActionOutcome> {
  return writingRun(options, async (context) => {
    const read = await readSnapshot(context, readOptions(options));
    const now = options.now?.() ?? new Date();
    let snapshot = read;
    let computed = runAction(action, snapshot, { lang, now });
    let syncs = 1;
    // The cells it marks: their notes and fills are read, so that staff's come back once fixed.
    const marked = markedCells(computed.plan, read);
    if (computed.ok && marked.size > 0) {
      const notes = writeOptions(options).notes;
      const marks = await readNotesAndFills(context, read, marked, { notes });
      snapshot = marks.snapshot;
      computed = runAction(action, snapshot, { lang, now });
      syncs += marks.syncs;
    }
    if (!computed.ok) return { result: computed, syncs };
    const { result, resolved } = resolveAction(computed, snapshot, { lang });
    return applyOrInterrupt(context, result, resolved, options, lang, syncs);
  });
}

/** The staff cells a plan marks (fill, note), by sheet: only on sheets that exist already. */
function markedCells(plan: Plan, snapshot: WorkbookSnapshot): CellsBySheet {
  const cells = new Map<string, { row: number; col: number }[]>();
  const names = new Map(snapshot.sheets.map((s) => [s.name.toLowerCase(), s.name] as const));
  for (const sheet of plan.sheets) {
    const name = names.get(sheet.sheet.toLowerCase());
    if (!name || !sheet.marks || sheet.marks.length === 0) continue;
    const list = cells.get(name) ?? [];
    for (const mark of sheet.marks) list.push(parseCellAddress(mark.cell));
    cells.set(name, list);
  }
  return cells;
}

/** Writes the resolved plan; when Excel refuses a write part-way, the result says so and what to do. */
async function applyOrInterrupt(
  context: Excel.RequestContext,
  result: ActionResult,
  resolved: Parameters<typeof applyResolved>[1],
  options: ExcelBridgeOptions,
  lang: Lang,
  syncsBefore: number,
): Promise<ExcelActionOutcome> {
  try {
    return { result, syncs: syncsBefore + (await applyResolved(context, resolved, writeOptions(options))) };
  } catch (error) {
    if (!isOfficeError(error)) throw error;
    return { result: interruptedAction(result, lang), syncs: syncsBefore };
  }
}

/** Errors Excel answers with (`OfficeExtension.Error` has a string code); others are bugs. */
function isOfficeError(error: unknown): boolean {
  return typeof (error as { code?: unknown } | null)?.code === 'string';
}

/** A previewed action: what was read, and the plan made from it, until the user answers. */
export interface ExcelPending {
  snapshot: WorkbookSnapshot;
  result: ActionResult;
}

/** Read → runAction, nothing written: what the action would change. */
export async function previewActionInExcel(
  action: ActionName,
  lang: Lang,
  options: ExcelBridgeOptions = {},
): Promise<ExcelPending> {
  const run = options.run ?? defaultRunner();
  return run(async (context) => {
    const snapshot = await readSnapshot(context, readOptions(options));
    return { snapshot, result: runAction(action, snapshot, { lang, now: options.now?.() ?? new Date() }) };
  });
}

/**
 * The confirmed plan of a preview: the cells it changes are read again (1 sync), those that still
 * hold what the preview read are written (1 sync), the others are listed.
 */
export async function confirmActionInExcel(
  pending: ExcelPending,
  lang: Lang,
  restoreChanged: boolean,
  options: ExcelBridgeOptions = {},
): Promise<ExcelActionOutcome> {
  return writingRun(options, async (context) => {
    const spans = readSpans(pending.result.plan, { restoreChanged });
    const current = snapshotFromSpans(await readCells(context, spans));
    const { result, resolved } = confirmAction(pending.result, pending.snapshot, current, {
      lang,
      restoreChanged,
    });
    return applyOrInterrupt(context, result, resolved, options, lang, spans.length > 0 ? 1 : 0);
  });
}

const CELL_PATTERN = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;

export function createExcelBridge(options: ExcelBridgeOptions = {}): PanelBridge {
  const run = options.run ?? defaultRunner();
  // The panel runs in the same page: a previewed plan waits here for the user's answer.
  const pending = new Map<string, ExcelPending>();
  let previews = 0;
  return {
    async run(action, lang, confirmation) {
      const previewed = confirmation ? pending.get(confirmation.token) : undefined;
      if (confirmation) pending.delete(confirmation.token);
      const { result } = previewed
        ? await confirmActionInExcel(previewed, lang, confirmation?.restoreChanged ?? false, {
            ...options,
            run,
          })
        : await runActionInExcel(action, lang, { ...options, run });
      return toPanelResult(result, lang);
    },
    async preview(action, lang) {
      const previewed = await previewActionInExcel(action, lang, { ...options, run });
      const token = `${action}-${++previews}`;
      pending.clear();
      pending.set(token, previewed);
      return toPanelPreview(previewAction(previewed.result, previewed.snapshot, lang), lang, token);
    },
    async selectCell(sheet, cell) {
      if (!CELL_PATTERN.test(cell)) return;
      await run(async (context) => {
        const target = context.workbook.worksheets.getItemOrNullObject(sheet);
        await context.sync();
        if (target.isNullObject) return;
        target.activate();
        target.getRange(cell).select();
        await context.sync();
      });
    },
  };
}
