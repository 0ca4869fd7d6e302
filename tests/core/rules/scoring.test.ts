import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderIssue } from '../../../core/messages/index.js';
import { roundScore, scoreProjects, scoreReview } from '../../../core/scoring.js';
import type { Criterion } from '../../../core/settings.js';
import { project, review, settingsWith } from './fixtures.js';

const settings = settingsWith();

// Preset grid: weights 25, 25, 15, 15, 10, 10; maxima 10, 10, 10, 10, 10, 5.
const GOOD = [8, 7, 6, 9, 5, 4]; // 73
const PERFECT = [10, 10, 10, 10, 10, 5]; // 100
const WEAK = [6, 5, 5, 6, 4, 3]; // 54

describe('scoreReview', () => {
  it('weights each criterion by its maximum: 100 × Σ w·s/max ÷ Σ w', () => {
    expect(scoreReview(review('P1', 'A', GOOD), settings).score).toBeCloseTo(73, 10);
    expect(scoreReview(review('P1', 'A', PERFECT), settings).score).toBe(100);
    expect(scoreReview(review('P1', 'A', WEAK), settings).score).toBeCloseTo(54, 10);
  });

  it('leaves S.O. out of the denominator by default, or counts it as 0', () => {
    const withNA = review('P1', 'A', [8, 'NA', 6, 9, 5, 4]);
    const excluded = scoreReview(withNA, settings);
    expect(excluded.score).toBeCloseTo(74, 10); // 55.5 / 75
    expect(excluded.counted).not.toContain('Impact sur la pauvreté et l’exclusion');
    const zero = scoreReview(withNA, settingsWith({ notApplicable: 'zero' }));
    expect(zero.score).toBeCloseTo(55.5, 10);
    expect(zero.counted).toHaveLength(6);
  });

  it('leaves blanks out, and gives null when nothing counts', () => {
    expect(scoreReview(review('P1', 'A', [8, null, 6, 9, 5, 4]), settings).score).toBeCloseTo(74, 10);
    expect(scoreReview(review('P1', 'A', []), settings)).toEqual({ score: null, counted: [] });
    const allNA = review('P1', 'A', ['NA', 'NA', 'NA', 'NA', 'NA', 'NA']);
    expect(scoreReview(allNA, settings).score).toBeNull();
    expect(scoreReview(allNA, settingsWith({ notApplicable: 'zero' })).score).toBe(0);
  });

  it('never counts a zero-weight criterion, whatever its score', () => {
    const criteria: Criterion[] = [
      ...settings.criteria,
      { name: 'Coup de cœur du comité', weight: 0, max: 10 },
    ];
    const withFavourite = settingsWith({ criteria });
    const low = review('P1', 'A', GOOD);
    low.scores['Coup de cœur du comité'] = 0;
    const high = review('P1', 'A', GOOD);
    high.scores['Coup de cœur du comité'] = 10;
    expect(scoreReview(low, withFavourite).score).toBeCloseTo(73, 10);
    expect(scoreReview(high, withFavourite).score).toBeCloseTo(73, 10);
    expect(scoreReview(high, withFavourite).counted).not.toContain('Coup de cœur du comité');
  });

  it('leaves out a score outside 0..max', () => {
    const result = scoreReview(review('P1', 'A', [12, 7, 6, 9, 5, 4]), settings);
    expect(result.score).toBeCloseTo((53 / 75) * 100, 10);
  });

  it('always gives a score within 0..100, or null', () => {
    const value = fc.oneof(
      fc.double({ min: -20, max: 40, noNaN: false }),
      fc.constant<'NA'>('NA'),
      fc.constant(null),
      fc.integer({ min: -5, max: 15 }),
    );
    const criterion = fc.record({
      name: fc.constantFrom('Impact', 'Portée', 'Budget', 'Pérennité'),
      weight: fc.double({ min: 0, max: 100, noNaN: true }),
      max: fc.double({ min: 0.5, max: 20, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(criterion, { minLength: 1, maxLength: 4, selector: (c) => c.name }),
        fc.dictionary(fc.constantFrom('Impact', 'Portée', 'Budget', 'Pérennité'), value),
        fc.constantFrom<'excluded' | 'zero'>('excluded', 'zero'),
        (criteria, scores, notApplicable) => {
          const { score } = scoreReview(
            { projectId: 'P1', evaluator: 'A', scores, conflict: false, comment: '' },
            settingsWith({ criteria, notApplicable }),
          );
          if (score !== null) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});

describe('scoreProjects', () => {
  const projects = [project('P1', { priorities: ['1'] }), project('P2', { priorities: ['1'] })];

  it('aggregates evaluators by mean, or by median', () => {
    const reviews = [
      review('P1', 'Marie-Ève Gagnon', GOOD, {}, 2),
      review('P1', 'Jean Tremblay', PERFECT, {}, 3),
      review('P1', 'Sophie Bergeron', WEAK, {}, 4),
    ];
    const mean = scoreProjects(projects.slice(0, 1), reviews, settings).scores.get('P1')!;
    expect(mean.score).toBeCloseTo(227 / 3, 10);
    expect(roundScore(mean.score!)).toBe(75.67);
    expect(mean.evaluations).toBe(3);
    expect(mean.perCriterion.Pérennité).toBe(4);
    const median = scoreProjects(
      projects.slice(0, 1),
      reviews,
      settingsWith({ aggregation: 'median' }),
    ).scores.get('P1')!;
    expect(median.score).toBeCloseTo(73, 10);
    const twoMedian = scoreProjects(
      projects.slice(0, 1),
      reviews.slice(0, 2),
      settingsWith({ aggregation: 'median' }),
    );
    expect(twoMedian.scores.get('P1')!.score).toBeCloseTo(86.5, 10);
  });

  it('excludes an evaluator in conflict of interest, and says so', () => {
    const reviews = [
      review('P1', 'Marie-Ève Gagnon', GOOD, {}, 2),
      review('P1', 'Jean Tremblay', PERFECT, {}, 3),
      review('P1', 'Sophie Bergeron', WEAK, { conflict: true }, 4),
    ];
    const { scores, issues } = scoreProjects(projects.slice(0, 1), reviews, settings);
    const score = scores.get('P1')!;
    expect(score.score).toBeCloseTo(86.5, 10);
    expect(score.evaluations).toBe(2);
    expect(score.reviews[2]).toMatchObject({ evaluator: 'Sophie Bergeron', conflict: true });
    const conflict = issues.find((i) => i.code === 'review.conflictExcluded')!;
    expect(conflict).toMatchObject({ severity: 'info', sheet: 'Grille de sélection', cell: 'I4' });
    expect(renderIssue(conflict)).toContain(
      'Sophie Bergeron déclare un conflit d’intérêts pour le projet P1\u00a0: ses notes sont exclues de la moyenne',
    );
  });

  it('adds the multi-priority bonus for two valid priorities, capped at 100', () => {
    const multi = [
      project('P1', { priorities: ['1', 'Habitation'] }),
      project('P2', { priorities: ['2', 'P3'] }),
      project('P3', { priorities: ['2', 'inconnue'] }),
    ];
    const reviews = [review('P1', 'A', PERFECT), review('P2', 'A', GOOD), review('P3', 'A', GOOD)];
    const { scores } = scoreProjects(multi, reviews, settings);
    expect(scores.get('P1')).toMatchObject({ score: 100, bonus: 5, finalScore: 100 });
    expect(scores.get('P2')!.finalScore).toBeCloseTo(78, 10);
    expect(scores.get('P3')).toMatchObject({ bonus: 0 });
    expect(scores.get('P3')!.finalScore).toBeCloseTo(73, 10);
  });

  it('rejects the same evaluator twice on one project, compared without case or accents', () => {
    const reviews = [
      review('P1', 'Marie-Ève Gagnon', GOOD, {}, 2),
      review('P1', 'marie eve  GAGNON', PERFECT, {}, 3),
      review('P2', 'Marie-Ève Gagnon', WEAK, {}, 4),
    ];
    const { scores, issues } = scoreProjects(projects, reviews, settings);
    expect(scores.get('P1')!.score).toBeCloseTo(73, 10);
    expect(scores.get('P1')!.reviews).toHaveLength(1);
    expect(issues.filter((i) => i.code === 'review.duplicateEvaluator')).toEqual([
      expect.objectContaining({
        severity: 'error',
        cell: 'B3',
        params: expect.objectContaining({ project: 'P1' }),
      }),
    ]);
  });

  it('reports scores outside 0..max at their cell and leaves them out', () => {
    const reviews = [
      review('P1', 'A', [12, 7, 6, 9, 5, -1], {}, 5),
      review('P2', 'A', [8, 7, 6, 9, 5, Number.NaN]),
    ];
    const { scores, issues } = scoreProjects(projects, reviews, settings);
    expect(issues.map((i) => [i.code, i.severity, i.cell])).toEqual(
      expect.arrayContaining([
        ['score.outOfRange', 'error', 'C5'],
        ['score.outOfRange', 'error', 'H5'],
        ['score.notNumeric', 'error', 'H2'],
      ]),
    );
    expect(scores.get('P1')!.score).toBeCloseTo((45 / 65) * 100, 10);
  });

  it('reports a review for a project missing from Projets', () => {
    const { issues } = scoreProjects(projects, [review('P42', 'A', GOOD, {}, 7)], settings);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'review.unknownProject', severity: 'error', cell: 'A7' }),
      // P1 and P2 both have no evaluation: no coverage gap between them.
    ]);
  });

  it('notes a strong disagreement between evaluators', () => {
    const reviews = [review('P1', 'A', PERFECT), review('P1', 'B', WEAK)];
    const { scores, issues } = scoreProjects(projects.slice(0, 1), reviews, settings);
    expect(scores.get('P1')!.spread).toBeCloseTo(46, 10);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'score.disagreement',
        severity: 'info',
        params: expect.objectContaining({ spread: 46 }),
      }),
    ]);
    const calm = scoreProjects(
      projects.slice(0, 1),
      [review('P1', 'A', GOOD), review('P1', 'B', WEAK)],
      settings,
    );
    expect(calm.issues).toEqual([]);
  });

  it('warns about eligible projects with fewer evaluations than the most evaluated', () => {
    const three = [project('P1'), project('P2'), project('P3')];
    const reviews = [
      review('P1', 'A', GOOD),
      review('P1', 'B', GOOD),
      review('P1', 'C', GOOD, { conflict: true }),
      review('P2', 'A', GOOD),
      review('P2', 'B', GOOD),
      review('P3', 'A', GOOD),
    ];
    const eligibility = new Map([
      ['P1', { eligible: true, priorities: [1] }],
      ['P2', { eligible: true, priorities: [1] }],
      ['P3', { eligible: false, priorities: [1] }],
    ] as const);
    const { issues } = scoreProjects(
      three,
      reviews,
      settings,
      eligibility as unknown as Parameters<typeof scoreProjects>[3],
    );
    // A recused evaluator still dealt with P1; P3 is not eligible.
    expect(issues.filter((i) => i.code === 'review.fewerEvaluations')).toEqual([
      expect.objectContaining({ severity: 'warning', params: { project: 'P2', count: 2, expected: 3 } }),
    ]);
  });

  it('keeps every final score within 0..100, whatever the bonus and the evaluators', () => {
    const scoreList = fc.array(
      fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constant<'NA'>('NA'), fc.constant(null)),
      {
        minLength: 6,
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(scoreList, fc.boolean()), { maxLength: 5 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.constantFrom<'mean' | 'median'>('mean', 'median'),
        (rows, multiPriorityBonus, aggregation) => {
          const local = settingsWith({ multiPriorityBonus, aggregation });
          const reviews = rows.map(([scores, conflict], i) =>
            review('P1', `Évaluateur ${i}`, scores, { conflict }),
          );
          const result = scoreProjects(
            [project('P1', { priorities: ['1', '2'] })],
            reviews,
            local,
          ).scores.get('P1')!;
          for (const value of [result.score, result.finalScore]) {
            if (value === null) continue;
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
          }
          expect(result.finalScore === null).toBe(result.score === null);
        },
      ),
    );
  });

  it('keeps an entry, with a null score, for every project', () => {
    const { scores } = scoreProjects(projects, [], settings);
    expect(scores.get('P2')).toMatchObject({ score: null, finalScore: null, spread: null, evaluations: 0 });
  });
});

describe('missing scores', () => {
  const rows = (blankOrNA: 'NA' | null) => [
    review('P1', 'Marie-Ève Gagnon', [10, 10, 10, 10, 10, 5]),
    review('P1', 'Jean Tremblay', [blankOrNA, 2, 2, 2, 2, 1]),
  ];

  it.each(['excluded', 'zero'] as const)(
    'a blank criterion counts exactly as S.O. does (S.O. %s), with a warning at its cell',
    (notApplicable) => {
      const settings = settingsWith({ notApplicable });
      const withNA = scoreProjects([project('P1')], rows('NA'), settings);
      const withBlank = scoreProjects([project('P1')], rows(null), settings);
      expect(withBlank.scores.get('P1')?.score).toBe(withNA.scores.get('P1')?.score);
      const missing = withBlank.issues.filter((i) => i.code === 'score.missing');
      expect(missing.map((i) => [i.severity, i.cell])).toEqual([['warning', 'C2']]);
      expect(withNA.issues.filter((i) => i.code === 'score.missing')).toEqual([]);
      // The catalog's SCORE reads a review the same way.
      const [, jean] = rows(null);
      const [, jeanNA] = rows('NA');
      expect(scoreReview(jean, settings).score).toBe(scoreReview(jeanNA, settings).score);
    },
  );

  it('a row without any score is an evaluation not done; S.O. everywhere is an evaluation without a score', () => {
    const settings = settingsWith({ notApplicable: 'excluded' });
    const { scores, issues } = scoreProjects(
      [project('P1'), project('P2')],
      [
        review('P1', 'Jean Tremblay', [null, null, null, null, null, null]),
        review('P2', 'Jean Tremblay', ['NA', 'NA', 'NA', 'NA', 'NA', 'NA']),
        review('P1', 'Sophie Bergeron', [8, 8, 8, 8, 8, 4]),
        review('P2', 'Sophie Bergeron', [8, 8, 8, 8, 8, 4]),
      ],
      settings,
    );
    expect(scores.get('P1')?.evaluations).toBe(1);
    expect(scores.get('P2')?.evaluations).toBe(1);
    const codes = issues.map((i) => [i.code, i.params?.project]);
    expect(codes).toContainEqual(['review.notDone', 'P1']);
    expect(codes).toContainEqual(['review.noScore', 'P2']);
    // Jean reviewed P2 (without a score): P2 is not « reviewed by fewer evaluators ».
    expect(codes).not.toContainEqual(['review.fewerEvaluations', 'P2']);
    expect(codes.filter(([code]) => code === 'score.missing')).toEqual([]);
  });
});
