import type { ActionResult } from '../core/actions.js';
import { type Lang, renderIssue } from '../core/messages/index.js';
import type { PanelIssue, PanelResult } from './bridge.js';

/** What a host sends back to the panel after an action: issues rendered, plain data only. */
export function toPanelResult(result: ActionResult, lang: Lang): PanelResult {
  const issues: PanelIssue[] = result.issues.map((issue) => {
    const shown: PanelIssue = {
      severity: issue.severity,
      code: issue.code,
      message: renderIssue(issue, lang),
    };
    if (issue.sheet !== undefined) shown.sheet = issue.sheet;
    if (issue.cell !== undefined) shown.cell = issue.cell;
    return shown;
  });
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
