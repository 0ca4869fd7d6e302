import type { ActionResult } from '../core/actions.js';
import { type IssueLine, inReadingOrder, issueLines } from '../core/issue-lines.js';
import type { Issue } from '../core/issues.js';
import { type Lang, renderIssue } from '../core/messages/index.js';
import { optionalCells } from '../core/writes.js';
import {
  ISSUES_SENT_PER_SHEET,
  type PanelIssue,
  type PanelPreview,
  type PanelResult,
  type PanelUnsent,
} from './bridge.js';

/** What a host sends back to the panel after an action: issues rendered, plain data only. */
export function toPanelIssue(issue: Issue, lang: Lang): PanelIssue {
  const shown: PanelIssue = {
    severity: issue.severity,
    code: issue.code,
    message: renderIssue(issue, lang),
  };
  if (issue.sheet !== undefined) shown.sheet = issue.sheet;
  if (issue.cell !== undefined) shown.cell = issue.cell;
  return shown;
}

/** What a changing action would do: counts, the warnings to read first, and the token to confirm it. */
export function toPanelPreview(result: ActionResult, lang: Lang, token: string): PanelPreview {
  const warnings = result.issues.filter((i) => i.severity !== 'info');
  return {
    changedCells: result.ok ? result.plan.changedCells : 0,
    optionalCells: optionalCells(result.plan),
    summary: result.summary,
    warnings: warnings.slice(0, ISSUES_SENT_PER_SHEET).map((i) => toPanelIssue(i, lang)),
    warningCount: warnings.length,
    token,
  };
}

/**
 * The lines to send: per sheet, the first `ISSUES_SENT_PER_SHEET` in the order the panel shows them
 * (errors first, then by cell), kept in their own order; the others counted per sheet and severity.
 */
function capped(lines: readonly IssueLine[]): { sent: IssueLine[]; unsent: PanelUnsent[] } {
  const shown = new Map<string, number>();
  const left = new Set<IssueLine>();
  const unsent = new Map<string, PanelUnsent>();
  for (const line of inReadingOrder(lines, [])) {
    const key = line.sheet ?? '';
    const n = (shown.get(key) ?? 0) + 1;
    shown.set(key, n);
    if (n <= ISSUES_SENT_PER_SHEET) continue;
    left.add(line);
    let counts = unsent.get(key);
    if (!counts) {
      // No sheet: `sheet` is undefined, which JSON leaves out.
      counts = { sheet: line.sheet, counts: { error: 0, warning: 0, info: 0 } };
      unsent.set(key, counts);
    }
    counts.counts[line.severity] += line.count;
  }
  return { sent: lines.filter((line) => !left.has(line)), unsent: [...unsent.values()] };
}

/** One line of the list: an issue, or the repeats of one kind of warning in a sheet (core/issue-lines.ts). */
function toPanelLine(line: IssueLine): PanelIssue {
  const shown: PanelIssue = { severity: line.severity, code: line.code, message: line.message };
  if (line.sheet !== undefined) shown.sheet = line.sheet;
  if (line.cells[0] !== undefined) shown.cell = line.cells[0];
  if (line.count > 1) shown.count = line.count;
  return shown;
}

export function toPanelResult(result: ActionResult, lang: Lang): PanelResult {
  // Grouped as the Validation sheet groups them: each kind of repeated warning in one line.
  const { sent, unsent } = capped(issueLines(result.issues, lang));
  const panel: PanelResult = {
    action: result.action,
    ok: result.ok,
    summary: result.summary,
    issues: sent.map(toPanelLine),
    changedCells: result.ok ? result.plan.changedCells : 0,
  };
  if (unsent.length > 0) panel.unsent = unsent;
  if (result.plan.activate) panel.sheet = result.plan.activate;
  return panel;
}
