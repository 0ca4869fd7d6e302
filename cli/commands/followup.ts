/** `alliance suivi FILE [-o OUT] [--json]`: adds the « Suivi des projets » sheet and prints its main columns. */
import { toJsonReport } from '../../core/report.js';
import { fileCommand } from '../file-command.js';

export const followup = fileCommand({
  action: 'followup',
  outputSuffix: 'suivi',
  listsIssues: false,
  details(analysis, text, lang) {
    const report = toJsonReport(analysis, lang);
    const accepted = new Set(analysis.projects.filter((p) => p.decision === 'Accepté').map((p) => p.id));
    const money = (dollars: number) => text.money(Math.round(dollars * 100));
    const rows = report.projects
      .filter((p) => accepted.has(p.id))
      .map((p) => [
        p.id,
        money(p.granted),
        money(p.paid),
        money(p.remainingToPay),
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
