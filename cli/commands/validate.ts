/** `alliance validate FILE [--json] [-o OUT]`: checks the grids; exit 1 with errors; writes only with -o. */
import { SHEET_TEXTS } from '../../core/messages/index.js';
import { fileCommand } from '../file-command.js';

export const validate = fileCommand({
  action: 'validate',
  outputSuffix: 'validation',
  writesOnlyWhenAsked: true,
  listsIssues: true,
  failsOnErrors: true,
  details({ report, lang }) {
    const eligible = report.projects.filter((p) => p.eligible);
    // The summary the Validation sheet opens with, under the same title.
    const lines = [SHEET_TEXTS[lang].validation.eligibleTitle(eligible.length, report.projects.length)];
    for (const p of report.projects) {
      const mark = p.eligible ? '✓' : '✗';
      lines.push(`  ${mark} ${p.id}  ${p.title}`);
      for (const reason of p.reasons) lines.push(`        ${reason.message}`);
    }
    return lines;
  },
});
