/// <reference types="office-js" />
/**
 * The Excel side of the panel's bridge: one `Excel.run` per action, read (1 sync) → core
 * `runAction` → apply (1 sync). The preview of a changing action reads and computes, nothing more.
 */
import { type ActionResult, runAction } from '../core/actions.js';
import type { Lang } from '../core/messages/index.js';
import type { ActionName } from '../core/plan.js';
import type { PanelBridge } from '../panel/bridge.js';
import { toPanelResult } from '../panel/result.js';
import { applyPlan, DEFAULT_PAYLOAD_BUDGET, readSnapshot } from './excel-adapter.js';

/** `Excel.run`, or the fake's `run` in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelBridgeOptions {
  run?: ExcelRunner;
  /** Write cell notes (needs ExcelApi 1.18); detected from Office.js when left out. */
  notes?: boolean;
  /** The moment of each action (tests pin it). */
  now?: () => Date;
  /** Bytes per write request; by default 4 MB on Excel on the web, unlimited on desktop. */
  payloadBudget?: number;
}

function defaultRunner(): ExcelRunner {
  return (batch) => Excel.run(batch);
}

/** Notes need ExcelApi 1.18; older Excel still gets fills and the Validation sheet. */
export function notesSupported(): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', '1.18');
  } catch {
    return false;
  }
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

/** Read → runAction → apply, in one `Excel.run`. */
export async function runActionInExcel(
  action: ActionName,
  lang: Lang,
  options: ExcelBridgeOptions = {},
): Promise<ExcelActionOutcome> {
  const run = options.run ?? defaultRunner();
  return run(async (context) => {
    const snapshot = await readSnapshot(context);
    const result = runAction(action, snapshot, { lang, now: options.now?.() ?? new Date() });
    let syncs = 1;
    if (result.ok && result.plan.sheets.length > 0) {
      syncs += await applyPlan(context, result.plan, {
        snapshot,
        notes: options.notes ?? notesSupported(),
        payloadBudget: options.payloadBudget ?? platformPayloadBudget(),
      });
    }
    return { result, syncs };
  });
}

/** Read → runAction, nothing written: how many staff cells the action would change. */
export async function previewActionInExcel(
  action: ActionName,
  lang: Lang,
  options: ExcelBridgeOptions = {},
): Promise<ActionResult> {
  const run = options.run ?? defaultRunner();
  return run(async (context) => {
    const snapshot = await readSnapshot(context);
    return runAction(action, snapshot, { lang, now: options.now?.() ?? new Date() });
  });
}

const CELL_PATTERN = /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;

export function createExcelBridge(options: ExcelBridgeOptions = {}): PanelBridge {
  const run = options.run ?? defaultRunner();
  return {
    async run(action, lang) {
      const { result } = await runActionInExcel(action, lang, { ...options, run });
      return toPanelResult(result, lang);
    },
    async preview(action, lang) {
      const result = await previewActionInExcel(action, lang, { ...options, run });
      return { changedCells: result.plan.changedCells, summary: result.summary };
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
