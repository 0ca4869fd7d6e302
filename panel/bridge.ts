import type { ActionName } from '../core/action-table.js';
import type { Severity } from '../core/issues.js';
import type { IssueCode, Lang } from '../core/messages/index.js';

/** One issue as the panel shows it: already rendered in the panel's language. Plain data only. */
export interface PanelIssue {
  severity: Severity;
  code: IssueCode;
  sheet?: string;
  /** Where the issue leads; for a line gathering repeats, their first cell (the message lists them all). */
  cell?: string;
  /** Issues a line gathers (« 14 montants saisis comme texte… »); absent for one. */
  count?: number;
  message: string;
}

/**
 * Lines of issues a host sends per sheet (and warnings in a preview): a big workbook has tens of
 * thousands, which would take seconds to cross `google.script.run` and to draw. The others are
 * counted (`PanelResult.unsent`); the Validation sheet lists them all.
 */
export const ISSUES_SENT_PER_SHEET = 50;

/** The issues of one sheet (absent: the workbook's own) whose lines were not sent, per severity. */
export interface PanelUnsent {
  sheet?: string;
  counts: Record<Severity, number>;
}

/** What an action returns to the panel. Plain data only (it crosses `google.script.run`). */
export interface PanelResult {
  action: ActionName;
  /** False when the action could not run (e.g. nothing to undo); `summary` says why. */
  ok: boolean;
  summary: string;
  /** The first `ISSUES_SENT_PER_SHEET` lines of each sheet, in the order the panel shows them. */
  issues: PanelIssue[];
  /** The sheets whose other lines were not sent; absent when every line was. */
  unsent?: PanelUnsent[];
  changedCells: number;
  /** Sheet the action wrote or activated. */
  sheet?: string;
}

/** What a changing action would do, shown before the user confirms. Plain data only. */
export interface PanelPreview {
  changedCells: number;
  /** Cells changed only if the user asks (Annuler: staff changed them since the operation). */
  optionalCells: number;
  summary: string;
  /** What the user should know before confirming (the cells changed since, each with its place): the first `ISSUES_SENT_PER_SHEET`. */
  warnings: PanelIssue[];
  /** Warnings in all, sent or not. */
  warningCount?: number;
  /** Hands the previewed plan back to `run`: only what was read and shown is written. */
  token: string;
}

/** The user's answer to a preview. */
export interface PanelConfirmation {
  token: string;
  /** Also write the optional cells. */
  restoreChanged: boolean;
}

/** The small host bridge: Excel (Office.js) and Google Sheets (google.script.run) each implement it. */
export interface PanelBridge {
  /**
   * Runs the action on the open workbook and applies its plan; after a preview, the confirmed plan,
   * writing only the cells that still hold what the preview read.
   */
  run(action: ActionName, lang: Lang, confirmation?: PanelConfirmation): Promise<PanelResult>;
  /** For actions that change staff cells: what would change, without changing anything. */
  preview(action: ActionName, lang: Lang): Promise<PanelPreview>;
  /** Selects the cell in the workbook (click on an issue). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Makes a language's texts available before the panel shows it: the task pane loads English
   * when it is picked. Absent when the host carries every language (the sidebar).
   */
  loadLanguage?(lang: Lang): Promise<void>;
}
