import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from '../../../core/eligibility.js';
import { computeLedger } from '../../../core/ledger.js';
import { renderIssue } from '../../../core/messages/index.js';
import { createMunicipalityMatcher } from '../../../core/municipalities.js';
import type { Payment, Project } from '../../../core/records.js';
import type { Settings } from '../../../core/settings.js';
import { trackProjects } from '../../../core/tracking.js';
import { dollars, payment, project, settingsWith } from './fixtures.js';

function track(projects: Project[], payments: Payment[], settings: Settings, today = '2022-09-01') {
  const ledger = computeLedger(settings.years, projects, payments, settings);
  return trackProjects(projects, payments, ledger, settings, today);
}

const text = (found: { code: never; params?: never } | object) =>
  renderIssue(found as never).replace(/\u00a0/g, ' ');

describe('caps on what is granted', () => {
  const settings = settingsWith({ maxGrantPerProjectCents: dollars(25_000), maxShareOfCost: 0.8 });

  it('is an error at the grant’s cell above the cap, a warning with a Dérogation', () => {
    // 80 % of 20 000 $ = 16 000 $, smaller than 25 000 $.
    const small = project('P1', {
      decision: 'Accepté',
      totalCostCents: dollars(20_000),
      grantedCents: { '2020-2021': dollars(10_000), '2021-2022': dollars(8_000) },
    });
    const waived = { ...small, id: 'P2', waiver: 'Projet exceptionnel (résolution 21-06-144)' };
    const { issues, tracks } = track([small, waived], [], settings);
    expect(tracks.get('P1')?.capCents).toBe(dollars(16_000));
    expect(issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ['grant.aboveCap', 'error', 'N2'],
      ['grant.aboveCapWaived', 'warning', 'N2'],
    ]);
    expect(text(issues[0])).toBe(
      'Projet P1 : 18 000 $ accordés, au-delà du plafond de 16 000 $ ; inscrivez une justification dans « Dérogation » ou réduisez l’aide.',
    );
    expect(renderIssue(issues[1], 'en')).toMatch(/by waiver \(“Projet exceptionnel/);
  });

  it('says nothing at the cap, without a cap, or before the grant is accepted', () => {
    const atCap = project('P1', { decision: 'Accepté', grantedCents: { '2020-2021': dollars(25_000) } });
    const pending = project('P2', { decision: 'Recommandé', grantedCents: { '2020-2021': dollars(30_000) } });
    expect(track([atCap, pending], [], settings).issues).toEqual([]);
    const above = project('P3', { decision: 'Accepté', grantedCents: { '2020-2021': dollars(90_000) } });
    expect(track([above], [], settingsWith()).issues).toEqual([]);
  });

  it('warns about a grant above the request of its year, only where the request is known', () => {
    const more = project('P1', {
      decision: 'Accepté',
      requestedCents: { '2020-2021': dollars(10_000) },
      grantedCents: { '2020-2021': dollars(12_000), '2021-2022': dollars(5_000) },
    });
    const { issues } = track([more], [], settingsWith());
    expect(issues.map((i) => [i.code, i.cell, i.params])).toEqual([
      [
        'grant.aboveRequest',
        'M2',
        { project: 'P1', year: '2020-2021', granted: dollars(12_000), requested: dollars(10_000) },
      ],
    ]);
  });
});

describe('payment plan', () => {
  const settings = settingsWith({ plannedInstalments: [0.5, 0.4, 0.1] });
  const granted = project('P1', {
    decision: 'Accepté',
    end: '2022-11-30',
    grantedCents: { '2020-2021': 1_249_998, '2021-2022': 1_249_997 },
  });

  it('splits 24 999,95 $ at 50/40/10 into 12 499,98 $, 9 999,98 $ and 2 499,99 $, matched in date order', () => {
    const paid = [payment('P1', '2021-06-01', 999_998, 3), payment('P1', '2021-01-15', 1_249_998, 2)];
    const { tracks, issues } = track([granted], paid, settings, '2022-12-01');
    const p1 = tracks.get('P1');
    expect(p1?.instalments).toEqual([
      { amountCents: 1_249_998, paidCents: 1_249_998, paidOn: '2021-01-15' },
      { amountCents: 999_998, paidCents: 999_998, paidOn: '2021-06-01' },
      { amountCents: 249_999, paidCents: 0, paidOn: null },
    ]);
    expect(p1).toMatchObject({
      grantedCents: 2_499_995,
      paidCents: 2_249_996,
      remainingCents: 249_999,
      nextInstalment: 2,
      lastPaidBeforeReport: false,
    });
    expect(issues).toEqual([]);
  });

  it('warns when the last instalment is paid before the final report is received', () => {
    const paid = [payment('P1', '2021-01-15', 1_249_998, 2), payment('P1', '2022-12-15', 1_249_997, 3)];
    const early = track([granted], paid, settings, '2023-01-10');
    expect(early.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ['instalment.lastBeforeReport', 'Versements', 'C3'],
    ]);
    expect(text(early.issues[0])).toBe(
      'Projet P1 : le dernier versement prévu (2 499,99 $) reçoit un paiement le 2022-12-15, avant la réception de la reddition de comptes.',
    );
    expect(early.tracks.get('P1')?.nextInstalment).toBeNull();
    // Paid after the report came in: as planned.
    const onReport = track([{ ...granted, reportReceived: '2022-12-10' }], paid, settings, '2023-01-10');
    expect(onReport.issues).toEqual([]);
  });

  it('keeps without a plan the amounts and no instalment', () => {
    const { tracks } = track([granted], [payment('P1', '2021-01-15', 100)], settingsWith());
    expect(tracks.get('P1')).toMatchObject({ instalments: [], nextInstalment: null, paidCents: 100 });
  });
});

describe('final reports', () => {
  const ended = project('P1', { decision: 'Accepté', end: '2022-11-30', lead: 'Moisson Maskoutaine' });

  it('are due by the end-of-month rule and late, with the days, once the due date has passed', () => {
    const onTime = track([ended], [], settingsWith(), '2023-02-28');
    expect(onTime.tracks.get('P1')).toMatchObject({ reportDue: '2023-02-28', reportDaysLate: null });
    expect(onTime.issues).toEqual([]);
    const late = track([ended], [], settingsWith(), '2023-03-10');
    expect(late.tracks.get('P1')?.reportDaysLate).toBe(10);
    expect(late.issues.map((i) => [i.code, i.cell])).toEqual([['report.late', 'Q2']]);
    expect(text(late.issues[0])).toBe(
      'Projet P1 : reddition de comptes attendue le 2023-02-28, en retard de 10 jours.',
    );
    // Received: nothing is late; a one-month delay moves the due date.
    expect(
      track([{ ...ended, reportReceived: '2023-04-01' }], [], settingsWith(), '2023-05-01').issues,
    ).toEqual([]);
    const monthly = track([ended], [], settingsWith({ reportDelayMonths: 1 }), '2023-01-02');
    expect(monthly.tracks.get('P1')).toMatchObject({ reportDue: '2022-12-31', reportDaysLate: 2 });
  });

  it('before the due date, eligibility still says the report is expected; after it, only report.late speaks', () => {
    const matcher = createMunicipalityMatcher(settingsWith());
    const codes = (today: string) =>
      evaluateEligibility(ended, settingsWith(), matcher, today).warnings.map((w) => w.code);
    expect(codes('2023-01-15')).toEqual(['eligibility.reportDue']);
    expect(codes('2023-03-01')).toEqual([]);
  });

  it('warn on a new request of an organization whose report is late', () => {
    const request = project('P2', { lead: 'MOISSON  maskoutaine', decision: 'En analyse' });
    const decided = project('P3', { lead: 'Moisson Maskoutaine', decision: 'Refusé' });
    const other = project('P4', { lead: 'Forum-2020', decision: 'Reçu' });
    const { issues } = track([ended, request, decided, other], [], settingsWith(), '2023-03-10');
    const elsewhere = issues.filter((i) => i.code === 'report.lateElsewhere');
    expect(elsewhere.map((i) => [i.cell, i.params])).toEqual([
      ['C2', { project: 'P2', organization: 'MOISSON  maskoutaine', other: 'P1', days: 10 }],
    ]);
  });
});

describe('community contribution', () => {
  const matcher = createMunicipalityMatcher(settingsWith());
  const settings = settingsWith({ minCommunityShare: 0.2 });

  it('is a reason when the requests leave the community less than its share of the cost', () => {
    const short = project('P1', {
      totalCostCents: dollars(50_000),
      requestedCents: { '2020-2021': dollars(25_000), '2021-2022': dollars(16_000) },
    });
    const result = evaluateEligibility(short, settings, matcher);
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => [r.code, r.severity])).toEqual([
      ['eligibility.communityContribution', 'error'],
    ]);
    expect(text(result.reasons[0])).toBe(
      'Contribution du milieu de 9 000 $ (18 % du coût total de 50 000 $), sous le minimum de 20 %',
    );
    // Exactly 20 % is enough; without the setting nothing is checked.
    const enough = { ...short, requestedCents: { '2020-2021': dollars(40_000) } };
    expect(evaluateEligibility(enough, settings, matcher).eligible).toBe(true);
    expect(evaluateEligibility(short, settingsWith(), matcher).eligible).toBe(true);
  });
});
