/** `alliance suivi FILE [-o OUT] [--json]`: adds the « Suivi des projets » sheet and prints its main columns. */
import { fileCommand } from '../file-command.js';

export const followup = fileCommand({
  action: 'followup',
  outputSuffix: 'suivi',
  listsIssues: false,
  details({ analysis, report, text, dollars }) {
    const accepted = new Set(analysis.projects.filter((p) => p.decision === 'Accepté').map((p) => p.id));
    const rows = report.projects
      .filter((p) => accepted.has(p.id))
      .map((p) => [
        p.id,
        dollars(p.granted),
        dollars(p.paid),
        dollars(p.remainingToPay),
        p.reportDue ?? '—',
        p.reportDaysLate === null ? '' : String(p.reportDaysLate),
      ]);
    const table = [text.followupHeaders, ...rows];
    const widths = text.followupHeaders.map((_, c) => Math.max(...table.map((r) => r[c].length)));
    const lines = [text.followupTitle];
    for (const row of table)
      lines.push(
        `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`,
      );
    return lines;
  },
});
