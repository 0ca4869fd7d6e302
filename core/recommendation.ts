/**
 * Funding recommendation (design.md): a simulation over the ranking that never changes `Décision`.
 * A project is recommended fully, or not at all, when every year's cumulative balance stays ≥ 0.
 */
import type { IssueParams } from './issues.js';
import { cumulativeBalances, type Ledger } from './ledger.js';
import type { IssueCode } from './messages/index.js';
import type { RankedProject } from './ranking.js';
import type { Project } from './records.js';
import type { ProgramYear, Settings } from './settings.js';

export type RecommendationStatus =
  | 'committed'
  | 'recommended'
  | 'insufficientFunds'
  | 'belowMinimum'
  | 'aboveMaximum'
  | 'notEligible'
  | 'notScored'
  | 'decided';

export interface Recommendation {
  projectId: string;
  status: RecommendationStatus;
  /** `recommendation.*`, rendered by messages (« Recommandé : 89 598 $ »). */
  code: IssueCode;
  params: IssueParams;
  /** Σ `Demandé` over the program years. */
  requestedCents: number;
  /**
   * Cumulative balance of each program year (Σ enveloppes − Σ engagé − Σ recommandé) after this
   * project when recommended; for `insufficientFunds`, what it would have been (some year < 0).
   */
  cumulativeAfter?: number[];
}

const CODES: Record<RecommendationStatus, IssueCode> = {
  committed: 'recommendation.committed',
  recommended: 'recommendation.recommended',
  insufficientFunds: 'recommendation.insufficientFunds',
  belowMinimum: 'recommendation.belowMinimum',
  aboveMaximum: 'recommendation.aboveMaximum',
  notEligible: 'recommendation.notEligible',
  notScored: 'recommendation.notScored',
  decided: 'recommendation.decided',
};

/** Final score as shown in a message: 2 decimals at most. */
function shownScore(score: number): number {
  return Math.round(score * 100) / 100;
}

export function recommendFunding(
  ranking: readonly RankedProject[],
  projects: readonly Project[],
  ledger: Ledger,
  years: readonly ProgramYear[],
  settings: Settings,
): Recommendation[] {
  const projectsById = new Map<string, Project>();
  for (const project of projects) projectsById.set(project.id, project);
  const committedByYear = new Map(ledger.years.map((y) => [y.year, y.committedCents]));
  // Commitments plus what this walk has recommended so far, by program year.
  const planned = years.map((y) => committedByYear.get(y.label) ?? 0);

  const result: Recommendation[] = [];
  for (const row of ranking) {
    const project = projectsById.get(row.projectId);
    const requestedByYear = years.map((y) => project?.requestedCents[y.label] ?? 0);
    const requestedCents = requestedByYear.reduce((sum, cents) => sum + cents, 0);
    const decide = (status: RecommendationStatus, params: IssueParams, cumulativeAfter?: number[]) => {
      const recommendation: Recommendation = {
        projectId: row.projectId,
        status,
        code: CODES[status],
        params: { project: row.projectId, ...params },
        requestedCents,
      };
      if (cumulativeAfter) recommendation.cumulativeAfter = cumulativeAfter;
      result.push(recommendation);
    };

    const decision = project?.decision ?? null;
    if (decision === 'Accepté') {
      const granted = Object.values(project?.grantedCents ?? {}).reduce((sum, cents) => sum + cents, 0);
      decide('committed', { amount: granted });
      continue;
    }
    if (decision === 'Refusé' || decision === 'Retiré') {
      decide('decided', { decision });
      continue;
    }
    if (row.rank === null || row.finalScore === null || !row.eligible) {
      decide(row.eligible ? 'notScored' : 'notEligible', {});
      continue;
    }
    if (row.finalScore < settings.minFundingScore) {
      decide('belowMinimum', { score: shownScore(row.finalScore), minimum: settings.minFundingScore });
      continue;
    }
    if (settings.maxGrantPerProjectCents !== null && requestedCents > settings.maxGrantPerProjectCents) {
      decide('aboveMaximum', {
        amount: requestedCents,
        maximum: settings.maxGrantPerProjectCents,
      });
      continue;
    }
    const tentative = planned.map((cents, i) => cents + requestedByYear[i]);
    const balances = cumulativeBalances(years, tentative);
    const shortYear = balances.findIndex((balance) => balance < 0);
    if (shortYear >= 0) {
      decide(
        'insufficientFunds',
        {
          year: years[shortYear].label,
          amount: requestedCents,
          shortfall: -balances[shortYear],
        },
        balances,
      );
      continue;
    }
    if (requestedCents === 0) {
      // Nothing to fund: say so rather than « Recommandé : 0 $ ».
      result.push({
        projectId: row.projectId,
        status: 'recommended',
        code: 'recommendation.noRequest',
        params: { project: row.projectId },
        requestedCents,
        cumulativeAfter: balances,
      });
      continue;
    }
    tentative.forEach((cents, i) => {
      planned[i] = cents;
    });
    decide('recommended', { amount: requestedCents }, balances);
  }
  return result;
}
