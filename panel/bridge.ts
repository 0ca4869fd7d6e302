import type { Severity } from '../core/issues.js';
import type { IssueCode, Lang } from '../core/messages/index.js';
import type { ActionName } from '../core/plan.js';

/** One issue as the panel shows it: already rendered in the panel's language. Plain data only. */
export interface PanelIssue {
  severity: Severity;
  code: IssueCode;
  sheet?: string;
  cell?: string;
  message: string;
}

/** What an action returns to the panel. Plain data only (it crosses `google.script.run`). */
export interface PanelResult {
  action: ActionName;
  /** False when the action could not run (e.g. nothing to undo); `summary` says why. */
  ok: boolean;
  summary: string;
  issues: PanelIssue[];
  changedCells: number;
  /** Sheet the action wrote or activated. */
  sheet?: string;
}

/** The small host bridge: Excel (Office.js) and Google Sheets (google.script.run) each implement it. */
export interface PanelBridge {
  /** Runs the action on the open workbook and applies its plan. */
  run(action: ActionName, lang: Lang): Promise<PanelResult>;
  /** For actions that change staff cells: how many cells would change, without changing anything. */
  preview(action: ActionName, lang: Lang): Promise<{ changedCells: number; summary: string }>;
  /** Selects the cell in the workbook (click on an issue). */
  selectCell(sheet: string, cell: string): Promise<void>;
}
