import { describe, expect, it } from 'vitest';
import { runAction } from '../../core/actions.js';
import { countBySeverity, groupIssuesBySheet } from '../../panel/model.js';
import { toPanelResult } from '../../panel/result.js';
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
