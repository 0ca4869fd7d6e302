/**
 * The Classement sheet, two tables one above the other so that each fits a landscape page wide:
 * the scores (eligible projects by rank, each criterion and each evaluator, bonus, final score,
 * then the others), then the funding the simulation recommends, in the same order: why (or why
 * not), the amount recommended per year and in total, the running balance per year after each
 * decision, and the totals.
 */
import type { Analysis } from '../analysis.js';
import type { WorkbookSnapshot } from '../cells.js';
import { generatedSheetPlace, generatedTitleBlock } from '../generated.js';
import type { Issue } from '../issues.js';
import { renderIssue, SHEET_TEXTS } from '../messages/index.js';
import { type Block, type PlanOptions, type PlanValue, planDefaults, type SheetPlan } from '../plan.js';
import { areaAddress, pageSetup, wrappedRowHeights } from '../print.js';
import { compareNatural } from '../ranking.js';
import type { Recommendation } from '../recommendation.js';
import { centsToDollars, MONEY_FORMAT } from '../values/money.js';
import { normalizeKey } from '../values/text.js';
import { journalTimestamp } from './journal.js';

export const RANKING_SHEET = 'Classement';
export const SCORE_FORMAT = '0.00';
/** Written instead of a score for an evaluator in conflict of interest. */
export const CONFLICT_MARK = 'C.I.';

/** 0-based row of the scores table's headers (rows 1-2 hold the title block, row 3 its title). */
export const SCORES_HEADER_ROW = 3;
/** Columns both tables share: rank, number, title. */
const RANK_COL = 0;
const TITLE_COL = 2;

export interface RankingPlanResult {
  sheet: SheetPlan;
  issues: Issue[];
}

export function rankingPlan(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  options: PlanOptions = {},
): RankingPlanResult {
  const { lang, now } = planDefaults(options);
  const text = SHEET_TEXTS[lang].ranking;
  const yesNo = SHEET_TEXTS[lang].yesNo;
  const { name, issues } = generatedSheetPlace(snapshot, RANKING_SHEET);

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

  // — the scores
  const firstCriterion = TITLE_COL + 2;
  const firstEvaluator = firstCriterion + criteria.length;
  const scoreHeaders = [
    text.rank,
    text.id,
    text.title,
    text.eligible,
    // Each criterion with its maximum (a mean of 4 means little without « /5 »), each evaluator /100.
    ...analysis.settings.criteria.map((c) => `${c.name} (/${c.max})`),
    ...evaluators.map((evaluator) => `${evaluator} (/100)`),
    text.score,
    text.bonus,
    text.finalScore,
  ];
  const idColumns: PlanValue[][] = [];
  const scoreColumns: PlanValue[][] = [];
  const evaluatorColumns: PlanValue[][] = [];
  const totalColumns: PlanValue[][] = [];
  for (const ranked of order) {
    const project = projects.get(ranked.projectId);
    const score = analysis.scores.get(ranked.projectId);
    const perEvaluator: PlanValue[] = evaluators.map(() => null);
    for (const review of score?.reviews ?? []) {
      const index = evaluatorKeys.get(normalizeKey(review.evaluator));
      if (index === undefined) continue;
      perEvaluator[index] = review.conflict ? CONFLICT_MARK : review.score;
    }
    idColumns.push([
      ranked.rank,
      ranked.projectId,
      project?.title ?? '',
      ranked.eligible ? yesNo.yes : yesNo.no,
    ]);
    scoreColumns.push(criteria.map((c) => score?.perCriterion[c] ?? null));
    evaluatorColumns.push(perEvaluator);
    totalColumns.push([ranked.score, ranked.finalScore === null ? null : ranked.bonus, ranked.finalScore]);
  }
  const title = SHEET_TEXTS[lang].rankingTitle(analysis.settings.programName);
  const blocks: Block[] = [
    generatedTitleBlock(title, journalTimestamp(now)),
    { row: SCORES_HEADER_ROW - 1, col: 0, values: [[text.scoresTitle]], bold: true },
    { row: SCORES_HEADER_ROW, col: 0, values: [scoreHeaders], bold: true, wrap: true },
  ];
  const first = SCORES_HEADER_ROW + 1;
  const formats = (rows: PlanValue[][], format: string) => rows.map((row) => row.map(() => format));
  if (order.length > 0) {
    blocks.push({
      row: first,
      col: RANK_COL,
      values: idColumns,
      numberFormats: idColumns.map(() => ['0', null, null, null]),
      wrap: true,
    });
    if (criteria.length > 0)
      blocks.push({
        row: first,
        col: firstCriterion,
        values: scoreColumns,
        numberFormats: formats(scoreColumns, SCORE_FORMAT),
      });
    // Right-aligned like the numbers, « C.I. » never runs into the score on its left.
    if (evaluators.length > 0)
      blocks.push({
        row: first,
        col: firstEvaluator,
        values: evaluatorColumns,
        numberFormats: formats(evaluatorColumns, SCORE_FORMAT),
        align: 'right',
      });
    blocks.push({
      row: first,
      col: firstEvaluator + evaluators.length,
      values: totalColumns,
      numberFormats: formats(totalColumns, SCORE_FORMAT),
    });
  }
  const scoresLastCol = scoreHeaders.length - 1;

  // — the funding, in the same order, with the totals
  const fundingTitleRow = first + order.length + 1;
  const fundingHeaderRow = fundingTitleRow + 1;
  const fundingHeaders = [
    text.rank,
    text.id,
    text.title,
    text.recommendation,
    text.requested,
    ...yearLabels.map(text.recommendedIn),
    text.recommendedTotal,
    ...yearLabels.map(text.balanceAfter),
  ];
  blocks.push({ row: fundingTitleRow, col: 0, values: [[text.fundingTitle]], bold: true });
  blocks.push({ row: fundingHeaderRow, col: 0, values: [fundingHeaders], bold: true, wrap: true });
  const fundingRows: PlanValue[][] = [];
  let lastBalance: number[] | null = null;
  const sums = { requested: 0, recommended: yearLabels.map(() => 0) };
  for (const ranked of order) {
    const project = projects.get(ranked.projectId);
    const eligibility = analysis.eligibility.get(ranked.projectId);
    const recommendation = recommendations.get(ranked.projectId);
    // The recommendation as a sentence (« Recommandé : 56 000 $ », « Fonds insuffisants en … »), or why not eligible.
    let said = recommendation ? renderIssue(recommendation, lang) : '';
    if (!ranked.eligible && eligibility && eligibility.reasons.length > 0)
      said = text.notEligibleBecause(eligibility.reasons.map((r) => renderIssue(r, lang)).join('; '));
    const requestedCents =
      recommendation?.requestedCents ??
      yearLabels.reduce((sum, label) => sum + (project?.requestedCents[label] ?? 0), 0);
    sums.requested += requestedCents;
    const recommended = recommendation?.status === 'recommended';
    const byYear = yearLabels.map((label) => recommendation?.recommendedByYear[label] ?? 0);
    byYear.forEach((cents, i) => {
      sums.recommended[i] += cents;
    });
    // The running balance where the walk decided (ranked projects), blank elsewhere.
    const balance = ranked.rank !== null ? (recommendation?.balanceAfterCents ?? null) : null;
    if (balance) lastBalance = balance;
    fundingRows.push([
      ranked.rank,
      ranked.projectId,
      project?.title ?? '',
      said,
      centsToDollars(requestedCents),
      ...byYear.map((cents) => (recommended ? centsToDollars(cents) : null)),
      recommended ? centsToDollars(byYear.reduce((a, b) => a + b, 0)) : null,
      ...yearLabels.map((_, i) => (balance ? centsToDollars(balance[i] ?? 0) : null)),
    ]);
  }
  // After the walk, what is left each year: the balances before any recommendation when none was made.
  const finalBalance = lastBalance ?? analysis.recommendations[0]?.balanceAfterCents ?? null;
  const totalRecommended = sums.recommended.reduce((a, b) => a + b, 0);
  fundingRows.push([
    null,
    null,
    text.total,
    null,
    centsToDollars(sums.requested),
    ...sums.recommended.map(centsToDollars),
    centsToDollars(totalRecommended),
    ...yearLabels.map((_, i) => (finalBalance ? centsToDollars(finalBalance[i] ?? 0) : null)),
  ]);
  const moneyCols = fundingHeaders.length - 4;
  const fundingFirst = fundingHeaderRow + 1;
  blocks.push({
    row: fundingFirst,
    col: 0,
    values: fundingRows.map((row) => row.slice(0, 4)),
    numberFormats: fundingRows.map(() => ['0', null, null, null]),
    wrap: true,
  });
  blocks.push({
    row: fundingFirst,
    col: 4,
    values: fundingRows.map((row) => row.slice(4, 4 + moneyCols)),
    numberFormats: fundingRows.map(() => new Array<string>(moneyCols).fill(MONEY_FORMAT)),
  });
  const totalRow = fundingFirst + order.length;
  blocks.push({ row: totalRow, col: TITLE_COL, values: [[text.total]], bold: true });

  // One set of widths serves both tables: the wider need of each column.
  const lastCol = Math.max(scoresLastCol, fundingHeaders.length - 1);
  const balanceCol = fundingHeaders.length - yearLabels.length;
  const widths = Array.from({ length: lastCol + 1 }, (_, col) => {
    if (col === RANK_COL) return 6;
    if (col === 1) return 8;
    if (col === TITLE_COL) return 26;
    if (col === 3) return 28;
    // « recommandation » (bold) in one piece in the balance headers.
    if (col >= balanceCol && col < balanceCol + yearLabels.length) return 15;
    return 12;
  });
  const columnWidths = widths.map((width, col) => ({ col, width }));
  return {
    sheet: {
      sheet: name,
      mode: 'replace',
      blocks,
      frozenRows: SCORES_HEADER_ROW + 1,
      columnWidths,
      rowHeights: wrappedRowHeights(blocks, columnWidths),
      pageSetup: pageSetup({
        lang,
        now,
        program: analysis.settings.programName,
        orientation: 'landscape',
        titleRows: { first: SCORES_HEADER_ROW, last: SCORES_HEADER_ROW },
        printArea: areaAddress(totalRow, lastCol),
      }),
    },
    issues,
  };
}
