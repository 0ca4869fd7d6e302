import type { ActionResult } from '../core/actions.js';
import { type IssueLine, issueLines } from '../core/issue-lines.js';
import type { Issue } from '../core/issues.js';
import { type Lang, renderIssue } from '../core/messages/index.js';
import type { PanelIssue, PanelPreview, PanelResult } from './bridge.js';

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
  const changes = result.plan.operation?.changes ?? [];
  return {
    changedCells: result.ok ? result.plan.changedCells : 0,
    optionalCells: changes.filter((c) => c.optional).length,
    summary: result.summary,
    warnings: result.issues.filter((i) => i.severity !== 'info').map((i) => toPanelIssue(i, lang)),
    token,
  };
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
  const issues: PanelIssue[] = issueLines(result.issues, lang).map(toPanelLine);
  const panel: PanelResult = {
    action: result.action,
    ok: result.ok,
    summary: result.summary,
    issues,
    changedCells: result.ok ? result.plan.changedCells : 0,
  };
  if (result.plan.activate) panel.sheet = result.plan.activate;
  return panel;
}
