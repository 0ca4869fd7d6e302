import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EligibilityResult } from '../../../core/eligibility.js';
import { compareNatural, rankProjects } from '../../../core/ranking.js';
import type { ProjectScore } from '../../../core/scoring.js';
import { project } from './fixtures.js';

function eligibility(eligible: boolean, priorities: number, municipalities: number): EligibilityResult {
  return {
    eligible,
    organizations: ['Moisson Maskoutaine', 'Centre de bénévolat de Saint-Hyacinthe'],
    municipalities: Array.from({ length: municipalities }, (_, i) => `Municipalité ${i}`),
    priorities: Array.from({ length: priorities }, (_, i) => i + 1),
    reasons: [],
    warnings: [],
  };
}

function score(projectId: string, finalScore: number | null, bonus = 0): ProjectScore {
  return {
    projectId,
    reviews: [],
    perCriterion: {},
    score: finalScore === null ? null : finalScore - bonus,
    bonus,
    finalScore,
    spread: null,
    evaluations: finalScore === null ? 0 : 3,
  };
}

describe('rankProjects', () => {
  it('ranks eligible scored projects by final score, then priorities, municipalities and No', () => {
    const ids = ['P10', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P1'];
    const projects = ids.map((id) => project(id));
    const results = new Map<string, EligibilityResult>([
      ['P1', eligibility(true, 1, 5)],
      ['P2', eligibility(true, 1, 6)],
      ['P3', eligibility(true, 2, 5)],
      ['P4', eligibility(true, 1, 5)],
      ['P5', eligibility(false, 1, 3)],
      ['P6', eligibility(true, 1, 5)],
      ['P7', eligibility(true, 1, 5)],
      ['P10', eligibility(true, 1, 5)],
    ]);
    const scores = new Map<string, ProjectScore>([
      ['P1', score('P1', 80)],
      ['P2', score('P2', 80)],
      ['P3', score('P3', 80, 5)],
      ['P4', score('P4', 91.25)],
      ['P5', score('P5', 99)],
      ['P6', score('P6', null)],
      ['P7', score('P7', 80)],
      ['P10', score('P10', 80)],
    ]);
    const ranking = rankProjects(projects, results, scores);
    expect(ranking.map((r) => [r.projectId, r.rank])).toEqual([
      ['P4', 1],
      ['P3', 2], // more priorities
      ['P2', 3], // more municipalities
      ['P1', 4], // then by No, numbers compared as numbers
      ['P7', 5],
      ['P10', 6],
      ['P5', null], // not eligible
      ['P6', null], // not scored
    ]);
    expect(ranking[1]).toMatchObject({ eligible: true, finalScore: 80, score: 75, bonus: 5, priorities: 2 });
    expect(ranking[6]).toMatchObject({ eligible: false, finalScore: 99 });
  });

  it('ranks on full precision, and ties only floating-point noise', () => {
    const projects = [project('A'), project('B'), project('C')];
    const results = new Map([
      ['A', eligibility(true, 1, 5)],
      ['B', eligibility(true, 1, 5)],
      ['C', eligibility(true, 1, 5)],
    ]);
    const scores = new Map([
      ['A', score('A', 83.333)],
      ['B', score('B', 83.334)],
      ['C', score('C', 83.334 + 1e-12)],
    ]);
    expect(rankProjects(projects, results, scores).map((r) => r.projectId)).toEqual(['B', 'C', 'A']);
  });

  it('numbers ranked projects 1..n by non-increasing final score, the others after', () => {
    const entry = fc.record({
      eligible: fc.boolean(),
      finalScore: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
      priorities: fc.integer({ min: 0, max: 4 }),
      municipalities: fc.integer({ min: 0, max: 17 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        const projects = entries.map((_, i) => project(`P${i + 1}`));
        const results = new Map(
          entries.map((e, i) => [`P${i + 1}`, eligibility(e.eligible, e.priorities, e.municipalities)]),
        );
        const scores = new Map(entries.map((e, i) => [`P${i + 1}`, score(`P${i + 1}`, e.finalScore)]));
        const ranking = rankProjects(projects, results, scores);
        expect(ranking).toHaveLength(entries.length);
        const ranked = ranking.filter((r) => r.rank !== null);
        expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
        expect(ranking.slice(0, ranked.length)).toEqual(ranked);
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i].finalScore!).toBeLessThanOrEqual(ranked[i - 1].finalScore! + 1e-9);
        }
        expect(ranked.length).toBe(entries.filter((e) => e.eligible && e.finalScore !== null).length);
      }),
    );
  });

  it('compares project numbers naturally', () => {
    const ids = ['P10', 'P2', 'p1', 'P1', '2021-12', '2021-3', '10', '9'];
    expect([...ids].sort(compareNatural)).toEqual(['9', '10', '2021-3', '2021-12', 'P1', 'p1', 'P2', 'P10']);
  });
});
