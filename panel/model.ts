import { cellPosition } from '../core/a1.js';
import type { ActionName } from '../core/action-table.js';
import { SEVERITY_RANK, type Severity } from '../core/issues.js';
import type { IssueCode } from '../core/messages/index.js';
import type { PanelIssue, PanelPreview, PanelResult, PanelUnsent } from './bridge.js';

/** The panel's logic without the DOM: grouping, counting, normalizing what crosses the bridge. */

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityCounts = Record<Severity, number>;

export interface IssueGroup {
  /** Sheet name, or null for issues about the workbook as a whole. */
  sheet: string | null;
  counts: SeverityCounts;
  /** Errors first, then warnings, then infos; within a severity, by row then column. */
  issues: PanelIssue[];
}

export function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

/** Issues per severity: a line that gathers repeats counts each of them. */
export function countBySeverity(issues: readonly PanelIssue[]): SeverityCounts {
  const counts = emptyCounts();
  for (const issue of issues) counts[issue.severity] += issue.count ?? 1;
  return counts;
}

function compareForDisplay(a: PanelIssue, b: PanelIssue): number {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity;
  const [rowA, colA] = cellPosition(a.cell);
  const [rowB, colB] = cellPosition(b.cell);
  return rowA - rowB || colA - colB;
}

/**
 * Issues grouped by sheet, in the order sheets first appear (the host lists them in workbook
 * order); issues without a sheet come first, under « Général ». The sort is stable, so issues on
 * the same cell keep the host's order.
 */
export function groupIssuesBySheet(issues: readonly PanelIssue[]): IssueGroup[] {
  const groups = new Map<string | null, PanelIssue[]>();
  const general = issues.filter((i) => !i.sheet);
  if (general.length > 0) groups.set(null, general);
  for (const issue of issues) {
    if (!issue.sheet) continue;
    const list = groups.get(issue.sheet);
    if (list) list.push(issue);
    else groups.set(issue.sheet, [issue]);
  }
  return [...groups].map(([sheet, list]) => ({
    sheet,
    counts: countBySeverity(list),
    issues: [...list].sort(compareForDisplay),
  }));
}

/** An issue the user can jump to: it names both a sheet and a cell. */
export function isNavigable(issue: PanelIssue): issue is PanelIssue & { sheet: string; cell: string } {
  return Boolean(issue.sheet) && Boolean(issue.cell);
}

/** What went wrong between the panel and its host, said in the panel's language (PanelStrings.hostProblem). */
export type HostProblem = 'noGoogleScript' | 'serverCallFailed' | 'emptyReply';

export class HostError extends Error {
  constructor(readonly problem: HostProblem) {
    super(problem);
  }
}

/** The readable text of whatever a bridge rejected with (Error, Office error, Apps Script error, string). */
export function errorText(error: unknown, problems?: Record<HostProblem, string>): string {
  if (error instanceof HostError) return problems?.[error.problem] ?? error.problem;
  if (typeof error === 'string') return error.trim();
  if (error && typeof error === 'object') {
    const { message, name } = error as { message?: unknown; name?: unknown };
    if (typeof message === 'string' && message.trim()) return message.trim();
    if (typeof name === 'string' && name.trim()) return name.trim();
  }
  return '';
}

const SEVERITY_SET = new Set<string>(SEVERITIES);

function normalizeIssue(raw: unknown): PanelIssue | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.message !== 'string') return null;
  const issue: PanelIssue = {
    severity: (SEVERITY_SET.has(r.severity as string) ? r.severity : 'error') as Severity,
    code: String(r.code ?? '') as IssueCode,
    message: r.message,
  };
  if (typeof r.sheet === 'string' && r.sheet) issue.sheet = r.sheet;
  if (typeof r.cell === 'string' && r.cell) issue.cell = r.cell;
  if (typeof r.count === 'number' && Number.isInteger(r.count) && r.count > 1) issue.count = r.count;
  return issue;
}

/**
 * A result as it arrives from a host, made safe to render: `google.script.run` turns `undefined`
 * into `null` and drops unsupported values, so fields may be missing. Throws when there is no
 * result at all (a host bug the panel reports as an error rather than a blank panel).
 */
export function normalizeResult(raw: unknown, action: ActionName): PanelResult {
  if (!raw || typeof raw !== 'object') {
    throw new HostError('emptyReply');
  }
  const r = raw as Record<string, unknown>;
  const issues = Array.isArray(r.issues)
    ? r.issues.map(normalizeIssue).filter((i): i is PanelIssue => i !== null)
    : [];
  const result: PanelResult = {
    action,
    ok: r.ok !== false,
    summary: typeof r.summary === 'string' ? r.summary : '',
    issues,
    changedCells: typeof r.changedCells === 'number' && Number.isFinite(r.changedCells) ? r.changedCells : 0,
  };
  if (typeof r.sheet === 'string' && r.sheet) result.sheet = r.sheet;
  const unsent = Array.isArray(r.unsent) ? r.unsent.map(normalizeUnsent).filter((u) => u !== null) : [];
  if (unsent.length > 0) result.unsent = unsent;
  return result;
}

function normalizeUnsent(raw: unknown): PanelUnsent | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const given = (r.counts ?? {}) as Record<string, unknown>;
  const counts = emptyCounts();
  for (const severity of SEVERITIES) {
    const n = given[severity];
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) counts[severity] = n;
  }
  return typeof r.sheet === 'string' && r.sheet ? { sheet: r.sheet, counts } : { counts };
}

/** A sheet's issues the host did not send (null: the workbook's own), per severity. */
export function unsentCounts(result: PanelResult, sheet: string | null): SeverityCounts {
  const counts = emptyCounts();
  for (const unsent of result.unsent ?? []) {
    if ((unsent.sheet ?? null) !== sheet) continue;
    for (const severity of SEVERITIES) counts[severity] += unsent.counts[severity];
  }
  return counts;
}

export function normalizePreview(raw: unknown): PanelPreview {
  if (!raw || typeof raw !== 'object') {
    throw new HostError('emptyReply');
  }
  const r = raw as Record<string, unknown>;
  const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  return {
    changedCells: count(r.changedCells),
    optionalCells: count(r.optionalCells),
    summary: typeof r.summary === 'string' ? r.summary : '',
    warnings: Array.isArray(r.warnings)
      ? r.warnings.map(normalizeIssue).filter((i): i is PanelIssue => i !== null)
      : [],
    token: typeof r.token === 'string' ? r.token : '',
    ...(typeof r.warningCount === 'number' && Number.isInteger(r.warningCount)
      ? { warningCount: r.warningCount }
      : {}),
  };
}
