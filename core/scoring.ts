/** The selection grid: one score per evaluator, aggregated per project, with the grid's checks. */
import type { EligibilityResult } from './eligibility.js';
import { type Issue, issue, type Severity } from './issues.js';
import { parsePriorities } from './priorities.js';
import { type Project, placeOf, projectsSheetOf, type Review, type ReviewField } from './records.js';
import type { Criterion, Settings } from './settings.js';
import { exactLength } from './values/lists.js';
import { normalizeKey } from './values/text.js';

export interface ReviewScore {
  /** Score of one evaluator over 100, or null when no criterion counts. */
  score: number | null;
  /** Criteria that entered the score. */
  counted: string[];
}

export interface ProjectScore {
  projectId: string;
  /** Every evaluator's row except duplicates, in grid order. */
  reviews: { evaluator: string; score: number | null; conflict: boolean }[];
  /** Mean raw score per criterion over the counted evaluators (null when none gave one). */
  perCriterion: Record<string, number | null>;
  /** Mean or median over the non-conflicted evaluators that have a score. */
  score: number | null;
  /** Multi-priority bonus applied (0 when fewer than 2 valid priorities). */
  bonus: number;
  /** min(100, score + bonus), full precision: round only for display. */
  finalScore: number | null;
  /** Highest minus lowest counted score (null with fewer than 2). */
  spread: number | null;
  /** Evaluators counted in `score`. */
  evaluations: number;
}

/** A valid score: a finite number within 0..max. */
function isValidScore(value: unknown, criterion: Criterion): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= criterion.max;
}

type ScoreValue = number | 'NA' | null | undefined;

/** The review's value for each criterion of the settings, in their order (keys are criterion names). */
function criterionValues(review: Review, criteria: readonly Criterion[]): ScoreValue[] {
  const values: ScoreValue[] = new Array(criteria.length);
  for (let c = 0; c < criteria.length; c++) values[c] = review.scores[criteria[c].name];
  return values;
}

function isBlankScore(value: ScoreValue): value is null | undefined {
  return value === null || value === undefined;
}

/**
 * A blank criterion in a row that holds at least one score is a missing score: it counts exactly as
 * S.O. does under the setting (left out, or zero), so that emptying an S.O. cell changes nothing.
 * A row without any score stays as it is: an evaluation not done.
 */
export function withMissingAsNotApplicable(
  values: readonly ScoreValue[],
  unreadable: readonly string[] = [],
  criteria: readonly Criterion[] = [],
): ScoreValue[] {
  if (values.every(isBlankScore)) return [...values];
  // An unreadable cell (reported as an error by the reader) is left out, never read as S.O.
  return values.map((value, c) =>
    isBlankScore(value) && !unreadable.includes(criteria[c]?.name ?? '') ? 'NA' : value,
  );
}

/**
 * The weighted score over 100 of one review's values, or null when no criterion counts; the names
 * of the criteria that count go into `counted` when given (scoreProjects needs only the score).
 */
function weightedScore(values: readonly ScoreValue[], settings: Settings, counted?: string[]): number | null {
  let weighted = 0;
  let weights = 0;
  const criteria = settings.criteria;
  for (let c = 0; c < criteria.length; c++) {
    const criterion = criteria[c];
    if (criterion.weight <= 0) continue;
    const value = values[c];
    let fraction: number;
    if (value === 'NA') {
      if (settings.notApplicable === 'excluded') continue;
      fraction = 0;
    } else if (isValidScore(value, criterion)) {
      fraction = value / criterion.max;
    } else {
      continue;
    }
    weighted += criterion.weight * fraction;
    weights += criterion.weight;
    counted?.push(criterion.name);
  }
  if (weights === 0) return null;
  // Round away floating noise (59.99999999999999 is 60, which meets a minimum of 60), then clamp.
  const score = Math.round(((100 * weighted) / weights) * 1e10) / 1e10;
  return Math.min(100, Math.max(0, score));
}

function scoreOfValues(values: readonly ScoreValue[], settings: Settings): ReviewScore {
  const counted: string[] = [];
  const score = weightedScore(values, settings, counted);
  return { score, counted };
}

/**
 * 100 × Σ wᶜ·sᶜ/maxᶜ ÷ Σ wᶜ over the criteria that count: blanks and invalid scores are left out,
 * S.O. is left out or counted as 0 per the setting, zero-weight criteria never count. Scores are
 * keyed by the criterion names of the settings.
 */
export function scoreReview(review: Review, settings: Settings): ReviewScore {
  return scoreOfValues(
    withMissingAsNotApplicable(
      criterionValues(review, settings.criteria),
      review.unreadable,
      settings.criteria,
    ),
    settings,
  );
}

export function aggregate(values: readonly number[], method: Settings['aggregation']): number | null {
  if (values.length === 0) return null;
  if (method === 'median') {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** Score rounded for display only (2 decimals); ranking keeps full precision. */
/** The issues about one evaluator's review of a project. */
type EvaluatorIssue =
  | 'review.duplicateEvaluator'
  | 'review.notDone'
  | 'review.conflictExcluded'
  | 'review.noScore';

export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

/** Format a score for a message parameter (display only). */
function shown(score: number): number {
  return roundScore(score);
}

export function scoreProjects(
  projects: readonly Project[],
  reviews: readonly Review[],
  settings: Settings,
  eligibility?: ReadonlyMap<string, EligibilityResult>,
): { scores: Map<string, ProjectScore>; issues: Issue[] } {
  const issues: Issue[] = [];
  const projectsById = new Map<string, Project>();
  for (const project of projects) projectsById.set(project.id, project);

  const reviewsByProject = new Map<string, Review[]>();
  const projectsSheet = projectsSheetOf(projects);
  for (const review of reviews) {
    const list = reviewsByProject.get(review.projectId);
    if (list !== undefined) list.push(review);
    else if (projectsById.has(review.projectId)) reviewsByProject.set(review.projectId, [review]);
    else {
      const params = { project: review.projectId, evaluator: review.evaluator, projects: projectsSheet };
      issues.push(issue('review.unknownProject', 'error', placeOf(review.origin, 'id'), params));
    }
  }

  const scores = new Map<string, ProjectScore>();
  /** Projects the coverage check considers, with how many evaluators dealt with each (counted or recused). */
  const coverage: { project: Project; count: number }[] = [];
  // Few distinct evaluators: normalize each name once.
  const evaluatorKeys = new Map<string, string>();
  const evaluatorKey = (name: string): string => {
    let key = evaluatorKeys.get(name);
    if (key === undefined) {
      key = normalizeKey(name);
      evaluatorKeys.set(name, key);
    }
    return key;
  };
  const criteria = settings.criteria;
  const zeroForNA = settings.notApplicable === 'zero';
  for (const project of projectsById.values()) {
    const projectReviews = reviewsByProject.get(project.id) ?? [];
    const seen = new Set<string>();
    const rows: ProjectScore['reviews'] = [];
    const countedScores: number[] = [];
    const criterionTotals = new Array<number>(criteria.length).fill(0);
    const criterionCounts = new Array<number>(criteria.length).fill(0);
    let handledCount = 0;

    for (const review of projectReviews) {
      const evaluator = review.evaluator.trim();
      const aboutEvaluator = (code: EvaluatorIssue, severity: Severity, field: ReviewField) =>
        issues.push(issue(code, severity, placeOf(review.origin, field), { project: project.id, evaluator }));
      const key = evaluatorKey(evaluator);
      if (key === '') {
        issues.push(
          issue('review.missingEvaluator', 'warning', placeOf(review.origin, 'evaluator'), {
            project: project.id,
          }),
        );
      } else if (seen.has(key)) {
        // A duplicated row would silently weigh twice: it is not counted.
        aboutEvaluator('review.duplicateEvaluator', 'error', 'evaluator');
        continue;
      } else {
        seen.add(key);
      }

      const typed = criterionValues(review, criteria);
      const notDone = typed.every(isBlankScore);
      if (notDone && !review.conflict) {
        aboutEvaluator('review.notDone', 'warning', 'evaluator');
      }
      typed.forEach((value, c) => {
        const reported = review.unreadable?.includes(criteria[c].name) ?? false;
        if (!notDone && isBlankScore(value) && criteria[c].weight > 0 && !review.conflict && !reported) {
          issues.push(
            issue('score.missing', 'warning', placeOf(review.origin, `criterion ${criteria[c].name}`), {
              project: project.id,
              evaluator,
              criterion: criteria[c].name,
            }),
          );
        }
      });
      const values = withMissingAsNotApplicable(typed, review.unreadable, criteria);
      const score = weightedScore(values, settings);
      rows.push({ evaluator, score, conflict: review.conflict });
      const counts = !review.conflict && score !== null;
      for (let c = 0; c < criteria.length; c++) {
        const criterion = criteria[c];
        const value = values[c];
        if (value === null || value === undefined) continue;
        if (value === 'NA') {
          if (counts && zeroForNA) criterionCounts[c]++;
          continue;
        }
        if (isValidScore(value, criterion)) {
          if (counts) {
            criterionTotals[c] += value;
            criterionCounts[c]++;
          }
          continue;
        }
        const numeric = typeof value === 'number' && Number.isFinite(value);
        issues.push(
          issue(
            numeric ? 'score.outOfRange' : 'score.notNumeric',
            'error',
            placeOf(review.origin, `criterion ${criterion.name}`),
            {
              project: project.id,
              evaluator,
              criterion: criterion.name,
              max: criterion.max,
              value: numeric ? value : typeof value === 'string' ? value : undefined,
            },
          ),
        );
      }

      if (review.conflict) {
        handledCount++;
        aboutEvaluator('review.conflictExcluded', 'info', 'conflict');
        continue;
      }
      if (score === null) {
        // S.O. everywhere (S.O. left out): the evaluator did review the project, without a score.
        if (!notDone) {
          handledCount++;
          aboutEvaluator('review.noScore', 'warning', 'evaluator');
        }
        continue;
      }
      handledCount++;
      countedScores.push(score);
    }

    const perCriterion: Record<string, number | null> = {};
    criteria.forEach((criterion, c) => {
      perCriterion[criterion.name] = criterionCounts[c] > 0 ? criterionTotals[c] / criterionCounts[c] : null;
    });
    const score = aggregate(countedScores, settings.aggregation);
    const eligibilityResult = eligibility?.get(project.id);
    const priorityCount =
      eligibilityResult?.priorities.length ?? parsePriorities(project.priorities, settings).numbers.length;
    const bonus = priorityCount >= 2 ? settings.multiPriorityBonus : 0;
    const finalScore = score === null ? null : Math.min(100, score + bonus);
    const spread = countedScores.length >= 2 ? Math.max(...countedScores) - Math.min(...countedScores) : null;
    if (spread !== null && spread > settings.disagreementThreshold) {
      issues.push(
        issue('score.disagreement', 'info', placeOf(project.origin, 'id'), {
          project: project.id,
          spread: shown(spread),
          threshold: settings.disagreementThreshold,
          lowest: shown(Math.min(...countedScores)),
          highest: shown(Math.max(...countedScores)),
        }),
      );
    }
    if (!eligibility || eligibilityResult?.eligible) coverage.push({ project, count: handledCount });
    scores.set(project.id, {
      projectId: project.id,
      reviews: exactLength(rows),
      perCriterion,
      score,
      bonus,
      finalScore,
      spread,
      evaluations: countedScores.length,
    });
  }

  // Coverage: eligible projects reviewed by fewer evaluators than the most-reviewed one.
  // A recused evaluator still counts as having dealt with the project (already reported as info).
  let most = 0;
  for (const { count } of coverage) if (count > most) most = count;
  for (const { project, count } of coverage) {
    if (count < most) {
      issues.push(
        issue('review.fewerEvaluations', 'warning', placeOf(project.origin, 'id'), {
          project: project.id,
          count,
          expected: most,
        }),
      );
    }
  }

  return { scores, issues };
}
