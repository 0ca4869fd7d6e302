/** The `--json` report of design.md: issues, projects, budget. Amounts in dollars, scores to 2 decimals. */
import type { Analysis } from './analysis.js';
import type { Issue } from './issues.js';
import { type Lang, renderIssue } from './messages/index.js';
import type { Recommendation } from './recommendation.js';
import { centsToDollars } from './values/money.js';

export interface JsonIssue {
  severity: Issue['severity'];
  code: string;
  sheet: string | null;
  cell: string | null;
  message: string;
}

export interface JsonProject {
  id: string;
  title: string;
  eligible: boolean;
  organizations: string[];
  /** Official names, sorted. */
  municipalities: string[];
  /** Priority numbers, sorted. */
  priorities: number[];
  reasons: { code: string; message: string }[];
  score: number | null;
  finalScore: number | null;
  rank: number | null;
  /** The recommendation status (`recommended`, `insufficientFunds`…), null when none. */
  recommendation: string | null;
  /** What the recommendation proposes (dollars), in all and by program year; 0 and {} unless recommended. */
  recommendedAmount: number;
  recommendedByYear: Record<string, number>;
  /** The project's cap in dollars (smaller of the maximum amount and the share of its cost), or null. */
  cap: number | null;
  /** The recommendation was reduced to the cap. */
  capped: boolean;
  /** Final report due (ISO date) for an accepted project with an end date, else null. */
  reportDue: string | null;
  /** Days late while the report is not received after its due date, else null. */
  reportDaysLate: number | null;
  /** Engagé, versé and reste à verser, in dollars. */
  granted: number;
  paid: number;
  remainingToPay: number;
  /** The planned instalments (Versements prévus) and what each received, in dollars. */
  instalments: { amount: number; paid: number }[];
}

export interface JsonBudgetYear {
  year: string;
  envelope: number;
  carriedIn: number;
  available: number;
  committed: number;
  paid: number;
  /** Solde reporté: what this year carries into the next. */
  remaining: number;
  /** False when an amount the year's figures are read from cannot be read (counted as 0). */
  complete: boolean;
}

export interface JsonReport {
  issues: JsonIssue[];
  projects: JsonProject[];
  budget: { years: JsonBudgetYear[]; lapsed: number };
}

function rounded(score: number | null | undefined): number | null {
  if (score === null || score === undefined || !Number.isFinite(score)) return null;
  return Math.round(score * 100) / 100;
}

export function toJsonIssue(found: Issue, lang: Lang): JsonIssue {
  return {
    severity: found.severity,
    code: found.code,
    sheet: found.sheet ?? null,
    cell: found.cell ?? null,
    message: renderIssue(found, lang),
  };
}

/** The JSON fields of design.md « Program life after the decision » for one project. */
function followUp(analysis: Analysis, recommendation: Recommendation | undefined, projectId: string) {
  const track = analysis.tracks.get(projectId);
  const byYear: Record<string, number> = {};
  for (const [year, cents] of Object.entries(recommendation?.recommendedByYear ?? {}))
    byYear[year] = centsToDollars(cents);
  return {
    recommendation: recommendation?.status ?? null,
    recommendedAmount: centsToDollars(recommendation?.recommendedCents ?? 0),
    recommendedByYear: byYear,
    cap: track?.capCents == null ? null : centsToDollars(track.capCents),
    capped: recommendation?.status === 'recommended' && recommendation.capped,
    reportDue: track?.reportDue ?? null,
    reportDaysLate: track?.reportDaysLate ?? null,
    granted: centsToDollars(track?.grantedCents ?? 0),
    paid: centsToDollars(track?.paidCents ?? 0),
    remainingToPay: centsToDollars(track?.remainingCents ?? 0),
    instalments: (track?.instalments ?? []).map((i) => ({
      amount: centsToDollars(i.amountCents),
      paid: centsToDollars(i.paidCents),
    })),
  };
}

export function toJsonReport(analysis: Analysis, lang: Lang): JsonReport {
  return {
    issues: analysis.issues.map((found) => toJsonIssue(found, lang)),
    ...toJsonSummary(analysis, lang),
  };
}

/** The report without its issues: what the CLI prints under them, which shows each issue once already. */
export function toJsonSummary(analysis: Analysis, lang: Lang): Omit<JsonReport, 'issues'> {
  const ranking = new Map(analysis.ranking.map((row) => [row.projectId, row]));
  const recommendations = new Map(analysis.recommendations.map((r) => [r.projectId, r]));
  const projects: JsonProject[] = [];
  for (const project of analysis.projects) {
    const eligibility = analysis.eligibility.get(project.id);
    const score = analysis.scores.get(project.id);
    projects.push({
      id: project.id,
      title: project.title,
      eligible: eligibility?.eligible ?? false,
      organizations: eligibility?.organizations ?? [],
      municipalities: [...(eligibility?.municipalities ?? [])].sort((a, b) => a.localeCompare(b, 'fr')),
      priorities: [...(eligibility?.priorities ?? [])].sort((a, b) => a - b),
      reasons: (eligibility?.reasons ?? []).map((reason) => ({
        code: reason.code,
        message: renderIssue(reason, lang),
      })),
      score: rounded(score?.score),
      finalScore: rounded(score?.finalScore),
      rank: ranking.get(project.id)?.rank ?? null,
      ...followUp(analysis, recommendations.get(project.id), project.id),
    });
  }
  return {
    projects,
    budget: {
      years: analysis.ledger.years.map((year) => ({
        year: year.year,
        envelope: centsToDollars(year.envelopeCents),
        carriedIn: centsToDollars(year.carriedInCents),
        available: centsToDollars(year.availableCents),
        committed: centsToDollars(year.committedCents),
        paid: centsToDollars(year.paidCents),
        remaining: centsToDollars(year.balanceCents),
        complete: year.complete,
      })),
      lapsed: centsToDollars(analysis.ledger.lapsedCents),
    },
  };
}
