import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  applicableCap,
  cappedByYear,
  instalments,
  isWholePlan,
  matchPayments,
  reportStatus,
  splitInProportion,
} from '../../core/followup.js';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('caps', () => {
  it('takes the smaller of the maximum amount and the share of the cost', () => {
    // 25 000 $ or 80 % of the cost (Haute-Côte-Nord, 2021).
    expect(applicableCap(2_000_000, 2_500_000, 0.8)).toBe(1_600_000);
    expect(applicableCap(5_000_000, 2_500_000, 0.8)).toBe(2_500_000);
    expect(applicableCap(5_000_000, null, null)).toBeNull();
    expect(applicableCap(null, null, 0.8)).toBeNull();
  });

  it('reduces each year in proportion, the cents adding up to the cap', () => {
    expect(cappedByYear([1_000_000, 2_000_000], 2_500_000)).toEqual({
      amounts: [833_333, 1_666_667],
      capped: true,
    });
    expect(cappedByYear([1_000_000, 500_000], 2_500_000)).toEqual({
      amounts: [1_000_000, 500_000],
      capped: false,
    });
  });

  it('never recommends above the cap nor above a year’s request, to the cent (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (requests, cap) => {
          const { amounts, capped } = cappedByYear(requests, cap);
          expect(sum(amounts)).toBe(capped ? cap : sum(requests));
          expect(sum(amounts)).toBeLessThanOrEqual(cap);
          amounts.forEach((amount, i) => {
            expect(Number.isInteger(amount)).toBe(true);
            expect(amount).toBeLessThanOrEqual(requests[i]);
          });
        },
      ),
    );
  });

  it('splits in proportion with exact cents even for thirds', () => {
    expect(splitInProportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitInProportion(0, [1, 2])).toEqual([0, 0]);
  });
});

describe('payment plan', () => {
  it('gives the last instalment the remainder: 24 999,95 $ at 50/40/10', () => {
    expect(instalments(2_499_995, [0.5, 0.4, 0.1])).toEqual([1_249_998, 999_998, 249_999]);
  });

  it('always adds up to the grant to the cent (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        (grant, weights) => {
          const shares = weights.map((w) => w / sum(weights));
          const plan = instalments(grant, shares);
          expect(sum(plan)).toBe(grant);
          expect(plan.every(Number.isInteger)).toBe(true);
        },
      ),
    );
  });

  it('knows a whole plan from one that does not add up to 100 %', () => {
    expect(isWholePlan([0.5, 0.4, 0.1])).toBe(true);
    expect(isWholePlan([0.5, 0.4])).toBe(false);
    expect(isWholePlan([])).toBe(false);
    expect(isWholePlan([1.2, -0.2])).toBe(false);
  });

  it('matches payments to instalments in date order, and keeps what is paid beyond', () => {
    const plan = instalments(2_000_000, [0.5, 0.4, 0.1]);
    const matched = matchPayments(plan, [
      { date: '2021-06-01', cents: 800_000 },
      { date: '2021-01-15', cents: 1_000_000 },
      { date: '2022-03-01', cents: 300_000 },
    ]);
    expect(matched.instalments).toEqual([
      { amountCents: 1_000_000, paidCents: 1_000_000, paidOn: '2021-01-15' },
      { amountCents: 800_000, paidCents: 800_000, paidOn: '2021-06-01' },
      { amountCents: 200_000, paidCents: 200_000, paidOn: '2022-03-01' },
    ]);
    expect(matched.overpaidCents).toBe(100_000);
    expect(matchPayments(plan, [{ date: '2021-01-15', cents: 400_000 }]).instalments[0]).toEqual({
      amountCents: 1_000_000,
      paidCents: 400_000,
      paidOn: null,
    });
  });
});

describe('reports', () => {
  it('are due by the end-of-month rule: 2022-11-30 + 3 months = 2023-02-28', () => {
    expect(addMonths('2022-11-30', 3)).toBe('2023-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2022-11-15', 3)).toBe('2023-02-15');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-01-30', 1)).toBe('2023-02-28');
    expect(addMonths('2023-02-28', 1)).toBe('2023-03-31');
    expect(addMonths('2022-12-31', 0)).toBe('2022-12-31');
  });

  it('count the days late while not received', () => {
    expect(reportStatus('2022-11-30', 3, null, '2023-03-10')).toEqual({ due: '2023-02-28', daysLate: 10 });
    expect(reportStatus('2022-11-30', 3, null, '2023-02-28')).toEqual({ due: '2023-02-28', daysLate: null });
    expect(reportStatus('2022-11-30', 3, '2023-04-01', '2023-05-01')).toEqual({
      due: '2023-02-28',
      daysLate: null,
    });
  });
});
