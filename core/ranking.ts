/** Ranking of eligible, scored projects (design.md « Rules (exact) »). */
import type { EligibilityResult } from './eligibility.js';
import type { Project } from './records.js';
import type { ProjectScore } from './scoring.js';

export interface RankedProject {
  projectId: string;
  /** All eligibility gates pass. */
  eligible: boolean;
  /** 1.. for eligible scored projects, null otherwise. */
  rank: number | null;
  finalScore: number | null;
  score: number | null;
  bonus: number;
  /** Number of valid priorities. */
  priorities: number;
  /** Number of distinct recognized municipalities. */
  municipalities: number;
}

/**
 * Scores that differ only by floating-point noise (sums taken in another order) are equal: ranking
 * keeps full precision, but 83.33333333333334 and 83.33333333333333 tie.
 */
const SCORE_TOLERANCE = 1e-9;

/** `P2` before `P10`, `2` before `10`; letters compared without case. */
export function compareNatural(a: string, b: string): number {
  const chunksA = a.match(/\d+|\D+/g) ?? [];
  const chunksB = b.match(/\d+|\D+/g) ?? [];
  const length = Math.min(chunksA.length, chunksB.length);
  for (let i = 0; i < length; i++) {
    const x = chunksA[i];
    const y = chunksB[i];
    const xIsNumber = x.charCodeAt(0) >= 48 && x.charCodeAt(0) <= 57;
    const yIsNumber = y.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57;
    if (xIsNumber && yIsNumber) {
      const byValue = Number(x) - Number(y);
      if (byValue !== 0) return byValue;
      if (x.length !== y.length) return x.length - y.length;
    } else if (x !== y) {
      // Case decides only when nothing else does (below).
      const lower = x.toLowerCase().localeCompare(y.toLowerCase());
      if (lower !== 0) return lower;
    }
  }
  if (chunksA.length !== chunksB.length) return chunksA.length - chunksB.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRanked(a: RankedProject, b: RankedProject): number {
  const byScore = (b.finalScore ?? 0) - (a.finalScore ?? 0);
  if (Math.abs(byScore) > SCORE_TOLERANCE) return byScore;
  if (a.priorities !== b.priorities) return b.priorities - a.priorities;
  if (a.municipalities !== b.municipalities) return b.municipalities - a.municipalities;
  return compareNatural(a.projectId, b.projectId);
}

/**
 * Eligible and scored projects by final score (desc), then priorities (desc), then municipalities
 * (desc), then `No` (natural order); the others follow, unranked, by `No`.
 */
export function rankProjects(
  projects: readonly Project[],
  eligibility: ReadonlyMap<string, EligibilityResult>,
  scores: ReadonlyMap<string, ProjectScore>,
): RankedProject[] {
  const ranked: RankedProject[] = [];
  const others: RankedProject[] = [];
  for (const project of projects) {
    const result = eligibility.get(project.id);
    const score = scores.get(project.id);
    const row: RankedProject = {
      projectId: project.id,
      eligible: result?.eligible ?? false,
      rank: null,
      finalScore: score?.finalScore ?? null,
      score: score?.score ?? null,
      bonus: score?.bonus ?? 0,
      priorities: result?.priorities.length ?? 0,
      municipalities: result?.municipalities.length ?? 0,
    };
    if (row.eligible && row.finalScore !== null) ranked.push(row);
    else others.push(row);
  }
  ranked.sort(compareRanked);
  ranked.forEach((row, i) => {
    row.rank = i + 1;
  });
  others.sort((a, b) => compareNatural(a.projectId, b.projectId));
  return [...ranked, ...others];
}
