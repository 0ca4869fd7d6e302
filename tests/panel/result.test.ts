import { describe, expect, it } from 'vitest';
import { type ActionResult, runAction } from '../../core/actions.js';
import { type Issue, issue } from '../../core/issues.js';
import { ISSUES_SENT_PER_SHEET } from '../../panel/bridge.js';
import { countBySeverity, groupIssuesBySheet, normalizeResult, unsentCounts } from '../../panel/model.js';
import { toPanelPreview, toPanelResult } from '../../panel/result.js';
import { sampleWorkbook } from '../core/plans/fixture.js';

describe('toPanelResult: the task pane and the sidebar list issues as the Validation sheet does', () => {
  const result = runAction('validate', sampleWorkbook(), { now: new Date(Date.UTC(2022, 2, 1)) });
  const panel = toPanelResult(result, 'fr');

  it('says each kind of repeated warning of a sheet once, counting every issue', () => {
    const repeated = panel.issues.filter((i) => (i.count ?? 1) > 1);
    expect(repeated.length).toBeGreaterThan(0);
    expect(panel.issues.length).toBeLessThan(result.issues.length);
    for (const line of repeated) {
      expect(line.message).toMatch(new RegExp(`^${line.count} `));
      expect(line.message).toContain(`— ${line.cell}`);
    }
    const counts = { error: 0, warning: 0, info: 0 };
    for (const found of result.issues) counts[found.severity] += 1;
    expect(countBySeverity(panel.issues)).toEqual(counts);
  });

  it('keeps errors alone, first in their sheet', () => {
    expect(panel.issues.filter((i) => i.severity === 'error').every((i) => i.count === undefined)).toBe(true);
    for (const group of groupIssuesBySheet(panel.issues)) {
      const severities = group.issues.map((i) => i.severity);
      expect(severities).toEqual(
        [...severities].sort(
          (a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b),
        ),
      );
    }
  });
});

describe('toPanelResult: a big workbook sends counts and the first lines of each sheet', () => {
  // 300 warnings in Projets, then 20 errors further down; 10 infos in Versements; 2 for the workbook.
  const issues: Issue[] = [
    ...Array.from({ length: 300 }, (_, i) =>
      issue('recommendation.notScored', 'warning', { sheet: 'Projets', cell: `B${i + 2}` }),
    ),
    ...Array.from({ length: 20 }, (_, i) =>
      issue('recommendation.notEligible', 'error', { sheet: 'Projets', cell: `C${i + 400}` }),
    ),
    ...Array.from({ length: 10 }, (_, i) =>
      issue('recommendation.noRequest', 'info', { sheet: 'Versements', cell: `A${i + 2}` }),
    ),
    issue('sheet.noneFound', 'error'),
    issue('settings.noCriterionCounts', 'warning'),
  ];
  const result: ActionResult = {
    action: 'validate',
    ok: true,
    plan: { action: 'validate', sheets: [], changedCells: 0 },
    issues,
    summary: '…',
  };
  const panel = toPanelResult(result, 'fr');

  it('sends at most ISSUES_SENT_PER_SHEET lines of a sheet, errors first, and counts the others', () => {
    expect(ISSUES_SENT_PER_SHEET).toBe(50);
    const projets = panel.issues.filter((i) => i.sheet === 'Projets');
    expect(projets).toHaveLength(ISSUES_SENT_PER_SHEET);
    expect(projets.filter((i) => i.severity === 'error')).toHaveLength(20);
    // The 30 warnings sent are the first ones by row; their order is the lines' own.
    expect(projets.filter((i) => i.severity === 'warning').map((i) => i.cell)).toEqual(
      Array.from({ length: 30 }, (_, i) => `B${i + 2}`),
    );
    expect(panel.unsent).toEqual([{ sheet: 'Projets', counts: { error: 0, warning: 270, info: 0 } }]);
    expect(panel.issues.filter((i) => i.sheet === 'Versements')).toHaveLength(10);
    expect(panel.issues.filter((i) => !i.sheet)).toHaveLength(2);
  });

  it('keeps the counts right once sent, per sheet and in all', () => {
    const received = normalizeResult(JSON.parse(JSON.stringify(panel)), 'validate');
    const all = countBySeverity(received.issues);
    for (const unsent of received.unsent ?? [])
      for (const sev of ['error', 'warning', 'info'] as const) all[sev] += unsent.counts[sev];
    expect(all).toEqual({ error: 21, warning: 301, info: 10 });
    expect(unsentCounts(received, 'Projets')).toEqual({ error: 0, warning: 270, info: 0 });
    expect(unsentCounts(received, null)).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('sends a preview the first warnings and their number', () => {
    const preview = toPanelPreview({ ...result, action: 'reformat' }, 'fr', 'jeton');
    expect(preview.warnings).toHaveLength(ISSUES_SENT_PER_SHEET);
    expect(preview.warningCount).toBe(322);
  });
});
