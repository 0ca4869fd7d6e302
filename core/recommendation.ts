/**
 * Funding recommendation (design.md): a simulation over the ranking that never changes `Décision`.
 * A project is recommended fully, or not at all, when every year's cumulative balance stays ≥ 0.
 * Fully means up to its cap: min(request, cap), each year reduced in proportion (« plafonné »).
 */
import { applicableCap, cappedByYear } from './followup.js';
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
  /** The project's cap (design.md « Program life »), null when no cap applies. */
  capCents: number | null;
  /** The request was above the cap: what is recommended is the cap, spread over the years. */
  capped: boolean;
  /** What the walk recommends, by program year (empty unless `recommended`); adds up to the cents. */
  recommendedByYear: Record<string, number>;
  recommendedCents: number;
  /**
   * Each program year's balance (Σ enveloppes − Σ engagé − Σ recommandé, cumulative) once this
   * project is decided, in the walk's order: the running « solde après recommandation ».
   */
  balanceAfterCents: number[];
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
    const capCents = applicableCap(
      project?.totalCostCents ?? null,
      settings.maxGrantPerProjectCents,
      settings.maxShareOfCost,
    );
    const { amounts, capped } = cappedByYear(requestedByYear, capCents);
    const decide = (
      status: RecommendationStatus,
      params: IssueParams,
      cumulativeAfter?: number[],
      recommended: readonly number[] = [],
    ) => {
      const recommendedByYear: Record<string, number> = {};
      recommended.forEach((cents, i) => {
        if (cents !== 0) recommendedByYear[years[i].label] = cents;
      });
      const recommendation: Recommendation = {
        projectId: row.projectId,
        status,
        code: status === 'recommended' && capped ? 'recommendation.capped' : CODES[status],
        params: { project: row.projectId, ...params },
        requestedCents,
        capCents,
        capped,
        recommendedByYear,
        recommendedCents: recommended.reduce((sum, cents) => sum + cents, 0),
        balanceAfterCents: cumulativeBalances(years, planned),
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
    const recommendedCents = amounts.reduce((sum, cents) => sum + cents, 0);
    const tentative = planned.map((cents, i) => cents + amounts[i]);
    const balances = cumulativeBalances(years, tentative);
    const shortYear = balances.findIndex((balance) => balance < 0);
    if (shortYear >= 0) {
      decide(
        'insufficientFunds',
        {
          year: years[shortYear].label,
          amount: recommendedCents,
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
        capCents,
        capped: false,
        recommendedByYear: {},
        recommendedCents: 0,
        balanceAfterCents: cumulativeBalances(years, planned),
        cumulativeAfter: balances,
      });
      continue;
    }
    tentative.forEach((cents, i) => {
      planned[i] = cents;
    });
    decide(
      'recommended',
      capped
        ? { amount: recommendedCents, requested: requestedCents, cap: capCents ?? 0 }
        : { amount: recommendedCents },
      balances,
      amounts,
    );
  }
  return result;
}
