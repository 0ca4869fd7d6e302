/**
 * The Classement sheet: eligible projects by rank with their scores per criterion and per
 * evaluator, bonus, final score and funding recommendation; then the others with their reasons.
 */
import type { Analysis } from '../analysis.js';
import type { WorkbookSnapshot } from '../cells.js';
import { generatedSheetName, generatedTitleBlock } from '../generated.js';
import { type Issue, issue } from '../issues.js';
import { type Lang, renderIssue, SHEET_TEXTS } from '../messages/index.js';
import type { Block, PlanValue, SheetPlan } from '../plan.js';
import { areaAddress, pageSetup } from '../print.js';
import { compareNatural } from '../ranking.js';
import type { Recommendation } from '../recommendation.js';
import { centsToDollars, MONEY_FORMAT } from '../values/money.js';
import { normalizeKey } from '../values/text.js';
import { journalTimestamp } from './journal.js';

export const RANKING_SHEET = 'Classement';
export const SCORE_FORMAT = '0.00';
/** Written instead of a score for an evaluator in conflict of interest. */
export const CONFLICT_MARK = 'C.I.';

export interface RankingPlanResult {
  sheet: SheetPlan;
  issues: Issue[];
}

export function rankingPlan(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  options: { lang?: Lang; now?: Date } = {},
): RankingPlanResult {
  const lang = options.lang ?? 'fr';
  const now = options.now ?? new Date();
  const issues: Issue[] = [];
  const name = generatedSheetName(snapshot, RANKING_SHEET);
  if (name !== RANKING_SHEET)
    issues.push(issue('action.renamedSheet', 'info', {}, { base: RANKING_SHEET, sheet: name }));

  const criteria = analysis.settings.criteria.map((c) => c.name);
  // Evaluators in order of first appearance, compared without case or accents.
  const evaluators: string[] = [];
  const evaluatorKeys = new Map<string, number>();
  for (const score of analysis.scores.values()) {
    for (const review of score.reviews) {
      const key = normalizeKey(review.evaluator);
      if (evaluatorKeys.has(key)) continue;
      evaluatorKeys.set(key, evaluators.length);
      evaluators.push(review.evaluator);
    }
  }

  // Each criterion with its maximum (a mean of 4 means little without « /5 »), each evaluator's score /100.
  const headers = [
    'Rang',
    'No',
    'Titre',
    'Admissible',
    ...analysis.settings.criteria.map((c) => `${c.name} (/${c.max})`),
    ...evaluators.map((evaluator) => `${evaluator} (/100)`),
    'Note',
    'Bonus',
    'Note finale',
    'Recommandation',
    'Motif',
    'Demandé total',
  ];
  const projects = new Map(analysis.projects.map((p) => [p.id, p]));
  const recommendations = new Map<string, Recommendation>(
    analysis.recommendations.map((r) => [r.projectId, r]),
  );
  const yearLabels = analysis.years.map((y) => y.label);

  // Ranked first, then eligible but not scored, then the non-eligible; each by No.
  const order = [...analysis.ranking].sort((a, b) => {
    const group = (r: typeof a) => (r.rank !== null ? 0 : r.eligible ? 1 : 2);
    return group(a) - group(b) || (a.rank ?? 0) - (b.rank ?? 0) || compareNatural(a.projectId, b.projectId);
  });

  const rows: PlanValue[][] = [];
  const formats: (string | null)[][] = [];
  for (const ranked of order) {
    const project = projects.get(ranked.projectId);
    const score = analysis.scores.get(ranked.projectId);
    const eligibility = analysis.eligibility.get(ranked.projectId);
    const recommendation = recommendations.get(ranked.projectId);
    const perEvaluator: PlanValue[] = evaluators.map(() => null);
    for (const review of score?.reviews ?? []) {
      const index = evaluatorKeys.get(normalizeKey(review.evaluator));
      if (index === undefined) continue;
      perEvaluator[index] = review.conflict ? CONFLICT_MARK : review.score;
    }
    let reason = '';
    if (!ranked.eligible && eligibility) {
      reason = eligibility.reasons.map((r) => renderIssue(r, lang)).join('; ');
    } else if (recommendation) {
      reason = renderIssue(recommendation, lang);
    }
    const requestedCents =
      recommendation?.requestedCents ??
      yearLabels.reduce((sum, label) => sum + (project?.requestedCents[label] ?? 0), 0);
    rows.push([
      ranked.rank,
      ranked.projectId,
      project?.title ?? '',
      ranked.eligible ? 'Oui' : 'Non',
      ...criteria.map((c) => score?.perCriterion[c] ?? null),
      ...perEvaluator,
      ranked.score,
      ranked.finalScore === null ? null : ranked.bonus,
      ranked.finalScore,
      recommendation
        ? recommendation.status === 'recommended' && recommendation.capped
          ? `${SHEET_TEXTS[lang].status.recommended} ${SHEET_TEXTS[lang].cappedMark}`
          : SHEET_TEXTS[lang].status[recommendation.status]
        : '',
      reason,
      centsToDollars(requestedCents),
    ]);
    formats.push([
      '0',
      null,
      null,
      null,
      ...criteria.map(() => SCORE_FORMAT),
      ...evaluators.map(() => SCORE_FORMAT),
      SCORE_FORMAT,
      SCORE_FORMAT,
      SCORE_FORMAT,
      null,
      null,
      MONEY_FORMAT,
    ]);
  }

  const title = SHEET_TEXTS[lang].rankingTitle(analysis.settings.programName);
  const headerRow = 3;
  const blocks: Block[] = [
    generatedTitleBlock(title, journalTimestamp(now)),
    { row: headerRow, col: 0, values: [headers], bold: true, wrap: true },
  ];
  if (rows.length > 0) blocks.push({ row: headerRow + 1, col: 0, values: rows, numberFormats: formats });

  const widths = [
    6,
    10,
    40,
    12,
    ...criteria.map(() => 14),
    ...evaluators.map(() => 14),
    10,
    8,
    12,
    20,
    60,
    16,
  ];
  return {
    sheet: {
      sheet: name,
      mode: 'replace',
      blocks,
      frozenRows: headerRow + 1,
      columnWidths: widths.map((width, col) => ({ col, width })),
      pageSetup: pageSetup({
        lang,
        now,
        program: analysis.settings.programName,
        orientation: 'landscape',
        titleRows: { first: headerRow, last: headerRow },
        printArea: areaAddress(headerRow + rows.length, headers.length - 1),
      }),
    },
    issues,
  };
}
