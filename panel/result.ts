import type { ActionResult } from '../core/actions.js';
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

export function toPanelResult(result: ActionResult, lang: Lang): PanelResult {
  const issues: PanelIssue[] = result.issues.map((issue) => toPanelIssue(issue, lang));
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
