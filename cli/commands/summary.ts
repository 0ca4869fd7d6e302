/** `alliance summary FILE [-o OUT]`: adds the « Sommaire budgétaire » sheet (live formulas) and prints its table. */
import { toJsonReport } from '../../core/report.js';
import { fileCommand } from '../file-command.js';

export const summary = fileCommand({
  action: 'summary',
  outputSuffix: 'sommaire',
  listsIssues: false,
  details(analysis, text, lang) {
    const report = toJsonReport(analysis, lang);
    // The report's amounts are dollars; each language writes them its way (`195 007 $`, `$195,007`).
    const money = (dollars: number) => text.money(Math.round(dollars * 100));
    const rows = report.budget.years.map((y) => [
      y.year,
      money(y.envelope),
      money(y.carriedIn),
      money(y.available),
      money(y.committed),
      money(y.paid),
      money(y.remaining),
    ]);
    const table = [text.budgetHeaders, ...rows];
    const widths = text.budgetHeaders.map((_, c) => Math.max(...table.map((r) => r[c].length)));
    const lines = [text.budgetTitle];
    for (const row of table)
      lines.push(
        `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`,
      );
    lines.push(`  ${text.lapsed} : ${money(report.budget.lapsed)}`);
    return lines;
  },
});
