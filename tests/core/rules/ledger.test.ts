import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carryForward, computeLedger, cumulativeBalances, splitCents } from '../../../core/ledger.js';
import type { ProgramYear } from '../../../core/settings.js';
import { PRESET_SETTINGS } from '../../../core/settings.js';
import { dollars, payment, project } from './fixtures.js';

const YEARS = PRESET_SETTINGS.years;
const settings = PRESET_SETTINGS;

describe('computeLedger: the plan’s forecast budget', () => {
  it('totals 390 013 $ over the four envelopes and lapses everything when nothing is committed', () => {
    const ledger = computeLedger(YEARS, [], [], settings);
    expect(ledger.years.map((y) => y.envelopeCents)).toEqual([
      0,
      dollars(195_007),
      dollars(97_503),
      dollars(97_503),
    ]);
    expect(ledger.years.map((y) => y.balanceCents)).toEqual([
      0,
      dollars(195_007),
      dollars(292_510),
      dollars(390_013),
    ]);
    expect(ledger.lapsedCents).toBe(dollars(390_013));
    expect(ledger.issues).toEqual([]);
  });

  it('carries 45 007 $ into 2021-2022 after a commitment of 150 000 $ in 2020-2021', () => {
    const accepted = project('P1', { decision: 'Accepté', grantedCents: { '2020-2021': dollars(150_000) } });
    const ledger = computeLedger(YEARS, [accepted], [], settings);
    const [first, second, third, fourth] = ledger.years;
    expect(first).toMatchObject({ year: '2019-2020', carriedInCents: 0, availableCents: 0, balanceCents: 0 });
    expect(second).toMatchObject({
      year: '2020-2021',
      availableCents: dollars(195_007),
      committedCents: dollars(150_000),
      balanceCents: dollars(45_007),
    });
    expect(third).toMatchObject({ carriedInCents: dollars(45_007), availableCents: dollars(142_510) });
    expect(fourth.availableCents).toBe(dollars(240_013));
    expect(ledger.lapsedCents).toBe(dollars(240_013));
  });

  it('commits only accepted projects, with the press grants of earlier Alliance calls', () => {
    const projects = [
      project('P1', {
        title: 'Dépannage alimentaire régional',
        lead: 'Moisson Maskoutaine',
        decision: 'Accepté',
        grantedCents: { '2020-2021': dollars(89_598) },
      }),
      project('P2', {
        lead: 'Logemen’mêle',
        decision: 'Accepté',
        priorities: ['3'],
        grantedCents: { '2020-2021': dollars(58_200) },
      }),
      project('P3', {
        lead: 'Contact Richelieu-Yamaska',
        decision: 'Accepté',
        priorities: ['2', '4'],
        grantedCents: { '2021-2022': dollars(30_968), '2022-2023': dollars(30_968) },
      }),
      project('P4', { decision: 'Recommandé', grantedCents: { '2020-2021': dollars(20_000) } }),
    ];
    const ledger = computeLedger(YEARS, projects, [], settings);
    expect(ledger.years.map((y) => y.committedCents)).toEqual([
      0,
      dollars(147_798),
      dollars(30_968),
      dollars(30_968),
    ]);
    expect(ledger.years.map((y) => y.balanceCents)).toEqual([
      0,
      dollars(47_209),
      dollars(113_744),
      dollars(180_279),
    ]);
    expect(ledger.lapsedCents).toBe(dollars(180_279));
    // A grant typed on a project that is not Accepté is not committed: an info says so.
    expect(ledger.issues).toEqual([
      expect.objectContaining({
        code: 'budget.grantNotAccepted',
        severity: 'info',
        sheet: 'Projets',
        cell: 'M2',
      }),
    ]);
    expect(ledger.projects.find((p) => p.projectId === 'P4')).toMatchObject({
      grantedCents: dollars(20_000),
      committedCents: 0,
      remainingCents: 0,
    });
  });

  it('carries a deficit forward and flags the year with an error', () => {
    const overspent = project('P1', { decision: 'Accepté', grantedCents: { '2020-2021': dollars(200_000) } });
    const ledger = computeLedger(YEARS, [overspent], [], settings);
    expect(ledger.years[1].balanceCents).toBe(dollars(-4_993));
    expect(ledger.years[2].carriedInCents).toBe(dollars(-4_993));
    expect(ledger.years[2].availableCents).toBe(dollars(92_510));
    expect(ledger.issues).toEqual([
      expect.objectContaining({
        code: 'budget.deficit',
        severity: 'error',
        params: expect.objectContaining({ year: '2020-2021' }),
      }),
    ]);
  });

  it('counts payments by the fiscal year of their date and computes what remains to pay', () => {
    const moisson = project('P1', {
      decision: 'Accepté',
      grantedCents: { '2020-2021': dollars(89_598) },
    });
    const payments = [
      payment('P1', '2021-02-15', dollars(44_799), 2),
      // 15 March 2021 still falls in 2020-2021; 1 April 2021 opens 2021-2022.
      payment('P1', '2021-03-15', dollars(20_000), 3),
      payment('P1', '2021-04-01', dollars(24_799), 4),
    ];
    const ledger = computeLedger(YEARS, [moisson], payments, settings);
    expect(ledger.years[1]).toMatchObject({
      paidCents: dollars(64_799),
      remainingToPayCents: dollars(24_799),
    });
    expect(ledger.years[2]).toMatchObject({
      paidCents: dollars(24_799),
      remainingToPayCents: dollars(-24_799),
    });
    expect(ledger.projects[0]).toMatchObject({
      projectId: 'P1',
      grantedCents: dollars(89_598),
      paidCents: dollars(89_598),
      remainingCents: 0,
      paidByYear: { '2020-2021': dollars(64_799), '2021-2022': dollars(24_799) },
    });
    expect(ledger.issues).toEqual([]);
  });

  it('flags the payment that goes above the grant, at its amount cell', () => {
    const logement = project('P2', { decision: 'Accepté', grantedCents: { '2020-2021': dollars(58_200) } });
    const payments = [
      payment('P2', '2021-01-10', dollars(58_200), 2),
      payment('P2', '2020-11-10', dollars(1_000), 3),
    ];
    const ledger = computeLedger(YEARS, [logement], payments, settings);
    // In date order the 10 January payment crosses the grant.
    expect(ledger.issues).toEqual([
      expect.objectContaining({
        code: 'payment.aboveGrant',
        severity: 'error',
        sheet: 'Versements',
        cell: 'C2',
        params: expect.objectContaining({ project: 'P2', excess: dollars(1_000) }),
      }),
    ]);
  });

  it('flags payments to projects not accepted, outside the program or without date', () => {
    const refused = project('P5', { decision: 'Refusé' });
    const accepted = project('P6', { decision: 'Accepté', grantedCents: { '2021-2022': dollars(10_000) } });
    const payments = [
      payment('P5', '2021-05-01', dollars(5_000), 2),
      payment('P6', '2023-04-15', dollars(5_000), 3),
      payment('P6', null, dollars(1_000), 4),
      payment('P99', '2021-05-01', dollars(2_500), 5),
    ];
    const ledger = computeLedger(YEARS, [refused, accepted], payments, settings);
    const found = ledger.issues.map((i) => [i.code, i.severity, i.cell]);
    expect(found).toEqual(
      expect.arrayContaining([
        // A refused project's grant is 0: paying it is an error.
        ['payment.notAccepted', 'error', 'C2'],
        ['payment.outsideProgram', 'error', 'B3'],
        ['payment.missingDate', 'warning', 'B4'],
        ['payment.unknownProject', 'error', 'A5'],
      ]),
    );
    expect(found).toHaveLength(4);
    // Payments outside the program years belong to no ledger year.
    expect(ledger.years.reduce((sum, y) => sum + y.paidCents, 0)).toBe(dollars(5_000));
    const pending = project('P7', { decision: 'Recommandé' });
    const early = computeLedger(YEARS, [pending], [payment('P7', '2021-05-01', dollars(100), 2)], settings);
    expect(early.issues.map((i) => [i.code, i.severity])).toEqual([['payment.notAccepted', 'warning']]);
  });

  it('reports a grant for a year outside the program', () => {
    const late = project('P7', { decision: 'Accepté', grantedCents: { '2023-2024': dollars(12_000) } });
    const ledger = computeLedger(YEARS, [late], [], settings);
    expect(ledger.issues.map((i) => i.code)).toEqual(['budget.grantOutsideProgram']);
    expect(ledger.years.reduce((sum, y) => sum + y.committedCents, 0)).toBe(0);
  });
});

describe('computeLedger: the table by priority', () => {
  it('splits a multi-priority project equally, remainder cents to the first, so the table sums to the totals', () => {
    const projects = [
      project('P1', {
        priorities: ['1', '2', '3'],
        decision: 'Accepté',
        requestedCents: { '2020-2021': 10_000_001 },
        grantedCents: { '2020-2021': 10_000_001 },
      }),
      project('P2', {
        priorities: ['Habitation'],
        decision: 'Accepté',
        requestedCents: { '2021-2022': dollars(58_200) },
        grantedCents: { '2021-2022': dollars(58_200) },
      }),
      project('P3', { priorities: ['inconnue'], requestedCents: { '2021-2022': dollars(1_000) } }),
    ];
    const payments = [payment('P1', '2020-12-01', 100, 2)];
    const ledger = computeLedger(YEARS, projects, payments, settings);
    const table = Object.fromEntries(ledger.priorities.map((p) => [p.priority, p]));
    expect(table[1]).toMatchObject({
      name: 'Sécurité alimentaire',
      projects: 1,
      committedCents: 3_333_335,
      paidCents: 34,
    });
    expect(table[2]).toMatchObject({ projects: 1, committedCents: 3_333_333, paidCents: 33 });
    expect(table[3]).toMatchObject({ projects: 2, committedCents: 3_333_333 + dollars(58_200) });
    expect(table[4]).toMatchObject({ projects: 0, committedCents: 0 });
    expect(table[0]).toMatchObject({
      name: 'Sans priorité valide',
      projects: 1,
      requestedCents: dollars(1_000),
    });
    const sum = (key: 'requestedCents' | 'committedCents' | 'paidCents') =>
      ledger.priorities.reduce((total, p) => total + p[key], 0);
    expect(sum('committedCents')).toBe(ledger.years.reduce((total, y) => total + y.committedCents, 0));
    expect(sum('paidCents')).toBe(100);
    expect(sum('requestedCents')).toBe(10_000_001 + dollars(58_200) + dollars(1_000));
  });

  it('splitCents always sums back to the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 7 }), (amount, parts) => {
        const shares = splitCents(amount, parts);
        expect(shares).toHaveLength(parts);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThan(parts);
      }),
    );
  });
});

describe('carry-forward invariants', () => {
  const yearsArbitrary = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 })), {
      minLength: 1,
      maxLength: 8,
    })
    .map((pairs) =>
      pairs.map(([envelope, committed], i) => ({
        year: { label: `${2019 + i}-${2020 + i}`, envelopeCents: envelope } satisfies ProgramYear,
        committed,
      })),
    );

  it('Σ envelopes = Σ committed + lapsed, for any envelopes and commitments', () => {
    fc.assert(
      fc.property(yearsArbitrary, (rows) => {
        const years = rows.map((r) => r.year);
        const projects = rows.map((r, i) =>
          project(`P${i + 1}`, { decision: 'Accepté', grantedCents: { [r.year.label]: r.committed } }),
        );
        const ledger = computeLedger(years, projects, [], { ...settings, years });
        const envelopes = years.reduce((sum, y) => sum + y.envelopeCents, 0);
        const committed = ledger.years.reduce((sum, y) => sum + y.committedCents, 0);
        expect(envelopes).toBe(committed + ledger.lapsedCents);
        // The solde of each year is the cumulative balance up to it.
        expect(ledger.years.map((y) => y.balanceCents)).toEqual(
          cumulativeBalances(
            years,
            rows.map((r) => r.committed),
          ),
        );
        // A deficit is flagged exactly for the years that end below zero.
        const deficits = ledger.issues.filter((i) => i.code === 'budget.deficit').map((i) => i.params?.year);
        expect(deficits).toEqual(ledger.years.filter((y) => y.balanceCents < 0).map((y) => y.year));
      }),
    );
  });

  it('cumulativeBalances reads commitments by year label or by position', () => {
    const byLabel = cumulativeBalances(YEARS, {
      '2020-2021': dollars(150_000),
      '2022-2023': dollars(10_000),
    });
    const byPosition = cumulativeBalances(YEARS, [0, dollars(150_000), 0, dollars(10_000)]);
    expect(byLabel).toEqual([0, dollars(45_007), dollars(142_510), dollars(230_013)]);
    expect(byPosition).toEqual(byLabel);
  });

  it('carryForward gives the CARRYFORWARD rows', () => {
    const rows = carryForward([0, dollars(195_007), dollars(97_503)], [0, dollars(150_000), 0]);
    expect(rows[2]).toEqual({
      envelopeCents: dollars(97_503),
      carriedInCents: dollars(45_007),
      availableCents: dollars(142_510),
      committedCents: 0,
      balanceCents: dollars(142_510),
    });
  });
});
