/** `alliance summary FILE [-o OUT]`: adds the « Sommaire budgétaire » sheet (live formulas) and prints its table. */
import { fileCommand } from '../file-command.js';

export const summary = fileCommand({
  action: 'summary',
  outputSuffix: 'sommaire',
  listsIssues: false,
  details({ report, text, dollars }) {
    const rows = report.budget.years.map((y) => [
      y.year,
      dollars(y.envelope),
      dollars(y.carriedIn),
      dollars(y.available),
      dollars(y.committed),
      dollars(y.paid),
      dollars(y.remaining),
    ]);
    const table = [text.budgetHeaders, ...rows];
    const widths = text.budgetHeaders.map((_, c) => Math.max(...table.map((r) => r[c].length)));
    const lines = [text.budgetTitle];
    for (const row of table)
      lines.push(
        `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`,
      );
    lines.push(`  ${text.lapsed} : ${dollars(report.budget.lapsed)}`);
    return lines;
  },
});
