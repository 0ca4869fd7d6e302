/** `alliance rank FILE [-o OUT] [--json]`: adds the « Classement » sheet and the funding recommendation. */
import { renderIssue } from '../../core/messages/index.js';
import { fileCommand } from '../file-command.js';

export const rank = fileCommand({
  action: 'rank',
  outputSuffix: 'classement',
  listsIssues: false,
  details({ analysis, report, text, lang }) {
    const recommendations = new Map(analysis.recommendations.map((r) => [r.projectId, renderIssue(r, lang)]));
    const ranked = report.projects
      .filter((p) => p.rank !== null)
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    const lines = [text.rankingTitle];
    for (const p of ranked) {
      const score =
        p.finalScore === null
          ? '—'
          : p.finalScore.toLocaleString(text.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      lines.push(`  ${String(p.rank).padStart(2)}. ${p.id}  ${p.title}`);
      lines.push(
        `      ${text.score} ${score} / 100 · ${recommendations.get(p.id) ?? p.recommendation ?? ''}`,
      );
    }
    return lines;
  },
});
