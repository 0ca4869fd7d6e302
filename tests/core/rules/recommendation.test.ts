import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLedger, cumulativeBalances } from '../../../core/ledger.js';
import { type IssueCode, type IssueParams, renderIssue } from '../../../core/messages/index.js';
import type { RankedProject } from '../../../core/ranking.js';
import { recommendFunding } from '../../../core/recommendation.js';
import type { Project } from '../../../core/records.js';
import type { ProgramYear } from '../../../core/settings.js';
import { dollars, project, settingsWith } from './fixtures.js';

const settings = settingsWith();
const YEARS = settings.years;

function ranked(
  projectId: string,
  rank: number | null,
  finalScore: number | null,
  eligible = true,
): RankedProject {
  return {
    projectId,
    eligible,
    rank,
    finalScore,
    score: finalScore,
    bonus: 0,
    priorities: 1,
    municipalities: 5,
  };
}

function render(code: IssueCode, params: IssueParams): string {
  return renderIssue({ code, params }).replace(/\u00a0/g, ' ');
}

describe('recommendFunding', () => {
  const projects: Project[] = [
    project('P1', {
      lead: 'Moisson Maskoutaine',
      decision: 'Accepté',
      grantedCents: { '2020-2021': dollars(89_598) },
      requestedCents: { '2020-2021': dollars(89_598) },
    }),
    project('P2', { lead: 'Logemen’mêle', requestedCents: { '2020-2021': dollars(58_200) } }),
    project('P3', { lead: 'Contact Richelieu-Yamaska', requestedCents: { '2020-2021': dollars(61_936) } }),
    project('P4', { requestedCents: { '2020-2021': dollars(5_000) } }),
    project('P5', { requestedCents: { '2021-2022': dollars(130_000) } }),
    project('P6', { requestedCents: { '2022-2023': dollars(100_000) } }),
    project('P7', { requestedCents: { '2020-2021': dollars(20_000) } }),
    project('P8', { decision: 'Refusé', requestedCents: { '2020-2021': dollars(5_000) } }),
    project('P9', { requestedCents: { '2020-2021': dollars(5_000) } }),
    project('P10', { requestedCents: { '2020-2021': dollars(5_000) } }),
  ];
  const ranking = [
    ranked('P1', 1, 95),
    ranked('P2', 2, 88),
    ranked('P3', 3, 84.5),
    ranked('P5', 4, 80),
    ranked('P6', 5, 75),
    ranked('P7', 6, 70),
    ranked('P4', 7, 55.25),
    ranked('P8', 8, 50),
    ranked('P9', null, 90, false),
    ranked('P10', null, null),
  ];
  const ledger = computeLedger(YEARS, projects, [], settings);
  const result = recommendFunding(ranking, projects, ledger, YEARS, settings);
  const byId = new Map(result.map((r) => [r.projectId, r]));

  it('walks the ranking and recommends fully what fits every year’s cumulative balance', () => {
    expect(result.map((r) => [r.projectId, r.status])).toEqual([
      ['P1', 'committed'],
      ['P2', 'recommended'],
      ['P3', 'insufficientFunds'],
      ['P5', 'recommended'],
      ['P6', 'recommended'],
      ['P7', 'insufficientFunds'],
      ['P4', 'belowMinimum'],
      ['P8', 'decided'],
      ['P9', 'notEligible'],
      ['P10', 'notScored'],
    ]);
    // Committed 89 598 $ + recommended 58 200 $ in 2020-2021 leave 47 209 $.
    expect(byId.get('P2')!.cumulativeAfter).toEqual([0, dollars(47_209), dollars(144_712), dollars(242_215)]);
    // Money carried from 2020-2021 funds a request in 2021-2022.
    expect(byId.get('P5')!.cumulativeAfter).toEqual([0, dollars(47_209), dollars(14_712), dollars(112_215)]);
    expect(byId.get('P6')!.cumulativeAfter![3]).toBe(dollars(12_215));
  });

  it('explains each status in French', () => {
    const text = (id: string) => render(byId.get(id)!.code, byId.get(id)!.params);
    expect(text('P1')).toBe('Déjà engagé : 89 598 $');
    expect(text('P2')).toBe('Recommandé : 58 200 $');
    expect(text('P3')).toBe('Fonds insuffisants en 2020-2021 (il manquerait 14 727 $)');
    // 2020-2021 could pay 20 000 $, but the money was already promised to 2021-2022.
    expect(text('P7')).toBe('Fonds insuffisants en 2021-2022 (il manquerait 5 288 $)');
    expect(text('P4')).toBe('Note finale de 55,25 sous le seuil de 60');
    expect(text('P8')).toBe('Décision déjà rendue : Refusé');
    expect(text('P9')).toBe('Non admissible');
    expect(text('P10')).toBe('Pas encore évalué');
    expect(renderIssue(byId.get('P2')!, 'en')).toBe('Recommended: $58,200');
  });

  it('never changes a decision', () => {
    expect(projects.map((p) => p.decision)).toEqual([
      'Accepté',
      'En analyse',
      'En analyse',
      'En analyse',
      'En analyse',
      'En analyse',
      'En analyse',
      'Refusé',
      'En analyse',
      'En analyse',
    ]);
  });

  it('recommends the maximum grant per project instead of a request above it, marked « plafonné »', () => {
    const capped = settingsWith({ maxGrantPerProjectCents: dollars(100_000) });
    const out = recommendFunding(ranking, projects, ledger, YEARS, capped);
    const p5 = out.find((r) => r.projectId === 'P5')!;
    expect(p5).toMatchObject({
      status: 'recommended',
      capped: true,
      capCents: dollars(100_000),
      requestedCents: dollars(130_000),
      recommendedCents: dollars(100_000),
      recommendedByYear: { '2021-2022': dollars(100_000) },
    });
    expect(render(p5.code, p5.params)).toBe(
      'Recommandé (plafonné) : 100 000 $ sur 130 000 $ demandés (plafond de 100 000 $)',
    );
    expect(renderIssue(p5, 'en')).toBe(
      'Recommended (capped): $100,000 of the $130,000 requested (cap of $100,000)',
    );
    // Exactly the maximum is not capped.
    expect(out.find((r) => r.projectId === 'P6')).toMatchObject({ status: 'recommended', capped: false });
    // 30 000 $ less for P5 leaves room in 2021-2022 for P7, short of funds without the cap.
    expect(out.find((r) => r.projectId === 'P7')!.status).toBe('recommended');
    expect(byId.get('P7')!.status).toBe('insufficientFunds');
  });

  it('caps at a share of the total cost, each year in proportion, to the cent', () => {
    const shared = settingsWith({ maxShareOfCost: 0.5 });
    const candidate = project('S1', {
      totalCostCents: dollars(50_000),
      requestedCents: { '2021-2022': dollars(10_000), '2022-2023': dollars(20_000) },
    });
    const [out] = recommendFunding([ranked('S1', 1, 80)], [candidate], ledger, YEARS, shared);
    // 50 % of 50 000 $ = 25 000 $, split 1:2 as the requests: 8 333,33 $ and 16 666,67 $.
    expect(out).toMatchObject({
      status: 'recommended',
      capped: true,
      capCents: dollars(25_000),
      recommendedByYear: { '2021-2022': 833_333, '2022-2023': 1_666_667 },
      recommendedCents: dollars(25_000),
    });
    // The smaller of the two caps wins.
    const both = settingsWith({ maxShareOfCost: 0.5, maxGrantPerProjectCents: dollars(20_000) });
    expect(recommendFunding([ranked('S1', 1, 80)], [candidate], ledger, YEARS, both)[0].capCents).toBe(
      dollars(20_000),
    );
  });

  it('never recommends above a cap nor above a year’s request (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20_000_000 }), { minLength: 4, maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 30_000_000 }), { nil: null }),
        fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 60_000_000 }), { nil: null }),
        (requests, maximum, percent, cost) => {
          const local = settingsWith({
            maxGrantPerProjectCents: maximum,
            maxShareOfCost: percent === null ? null : percent / 100,
            years: YEARS.map((y) => ({ ...y, envelopeCents: 100_000_000 })),
          });
          const requestedCents = Object.fromEntries(YEARS.map((y, i) => [y.label, requests[i]]));
          const candidate = project('C', { totalCostCents: cost, requestedCents });
          const [out] = recommendFunding(
            [ranked('C', 1, 90)],
            [candidate],
            computeLedger(local.years, [], [], local),
            local.years,
            local,
          );
          expect(out.status).toBe('recommended');
          const caps = [
            maximum,
            percent !== null && cost !== null ? Math.floor((cost * percent) / 100) : null,
          ];
          for (const cap of caps) if (cap !== null) expect(out.recommendedCents).toBeLessThanOrEqual(cap);
          const total = requests.reduce((a, b) => a + b, 0);
          expect(out.recommendedCents).toBe(Math.min(total, ...caps.filter((c) => c !== null)));
          for (const y of YEARS) {
            const cents = out.recommendedByYear[y.label] ?? 0;
            expect(Number.isInteger(cents)).toBe(true);
            expect(cents).toBeLessThanOrEqual(requestedCents[y.label]);
          }
        },
      ),
    );
  });

  it('recommends nothing while the commitments already overdraw a year', () => {
    const overdrawn = [
      project('P1', { decision: 'Accepté', grantedCents: { '2020-2021': dollars(200_000) } }),
    ];
    const candidate = [...overdrawn, project('P2', { requestedCents: { '2022-2023': dollars(1_000) } })];
    const out = recommendFunding(
      [ranked('P1', 1, 90), ranked('P2', 2, 85)],
      candidate,
      computeLedger(YEARS, overdrawn, [], settings),
      YEARS,
      settings,
    );
    expect(out[1]).toMatchObject({
      status: 'insufficientFunds',
      params: expect.objectContaining({ year: '2020-2021' }),
    });
  });

  it('never makes any year’s cumulative balance negative', () => {
    const scenario = fc.record({
      envelopes: fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 5 }),
      commitments: fc.array(fc.tuple(fc.nat(4), fc.integer({ min: 0, max: 20_000_000 })), { maxLength: 4 }),
      requests: fc.array(
        fc.array(fc.tuple(fc.nat(4), fc.integer({ min: 0, max: 30_000_000 })), { maxLength: 3 }),
        {
          maxLength: 12,
        },
      ),
      scores: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 12, maxLength: 12 }),
    });
    fc.assert(
      fc.property(scenario, ({ envelopes, commitments, requests, scores }) => {
        const years: ProgramYear[] = envelopes.map((envelopeCents, i) => ({
          label: `${2019 + i}-${2020 + i}`,
          envelopeCents,
        }));
        const label = (i: number) => years[i % years.length].label;
        const accepted = commitments.map(([year, cents], i) =>
          project(`A${i}`, { decision: 'Accepté', grantedCents: { [label(year)]: cents } }),
        );
        const candidates = requests.map((pairs, i) => {
          const requestedCents: Record<string, number> = {};
          for (const [year, cents] of pairs)
            requestedCents[label(year)] = (requestedCents[label(year)] ?? 0) + cents;
          return project(`C${i}`, { requestedCents });
        });
        const all = [...accepted, ...candidates];
        const walk = [
          ...accepted.map((p, i) => ranked(p.id, i + 1, 90)),
          ...candidates.map((p, i) => ranked(p.id, accepted.length + i + 1, scores[i])),
        ];
        const local = settingsWith({ years });
        const ledger = computeLedger(years, all, [], local);
        const out = recommendFunding(walk, all, ledger, years, local);

        const committed = ledger.years.map((y) => y.committedCents);
        const planned = [...committed];
        for (const r of out) {
          if (r.status !== 'recommended') continue;
          const p = candidates.find((c) => c.id === r.projectId)!;
          years.forEach((y, i) => {
            planned[i] += p.requestedCents[y.label] ?? 0;
          });
          expect(r.cumulativeAfter!.every((b) => b >= 0)).toBe(true);
        }
        const before = cumulativeBalances(years, committed);
        const after = cumulativeBalances(years, planned);
        if (out.some((r) => r.status === 'recommended')) expect(after.every((b) => b >= 0)).toBe(true);
        else expect(after).toEqual(before);
        // Below the minimum is never recommended.
        for (const r of out)
          if (r.status === 'recommended')
            expect(walk.find((w) => w.projectId === r.projectId)!.finalScore).toBeGreaterThanOrEqual(60);
      }),
    );
  });
});
