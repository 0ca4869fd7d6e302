/**
 * The follow-up of each project after the decision (design.md « Program life after the decision »):
 * its cap and the grants above it, the payment plan matched with Versements, the final report due
 * and how late it is. Rules over records and settings; the arithmetic is in `followup.ts`.
 */
import { addMonths, applicableCap, type InstalmentStatus, instalments, matchPayments } from './followup.js';
import { type Issue, issue } from './issues.js';
import type { Ledger } from './ledger.js';
import { type Payment, type Project, placeOf } from './records.js';
import type { Settings } from './settings.js';
import { daysBetween } from './values/dates.js';
import { organizationKey } from './values/text.js';

export interface ProjectTrack {
  projectId: string;
  /** min(maximum amount, share × Coût total); null when no cap applies. */
  capCents: number | null;
  /** Engagé: Σ Accordé of an accepted project over the program years. */
  grantedCents: number;
  /** Versé: Σ of the project's payments. */
  paidCents: number;
  /** Reste à verser = engagé − versé (negative when overpaid). */
  remainingCents: number;
  /** The planned instalments and what each has received; empty without a plan or a grant. */
  instalments: InstalmentStatus[];
  /** The first instalment not paid in full (0-based), null when all are (or there is no plan). */
  nextInstalment: number | null;
  /** The last instalment received money before the final report did. */
  lastPaidBeforeReport: boolean;
  /** Final report due: `Fin` + the delay, end-of-month rule; null without an end date or a grant. */
  reportDue: string | null;
  /** Days past the due date while the report is not received (today's date included), else null. */
  reportDaysLate: number | null;
}

export interface Tracking {
  tracks: Map<string, ProjectTrack>;
  issues: Issue[];
}

/** Decisions still open: a new request of an organization that owes a report deserves a look. */
const OPEN_DECISIONS = new Set<Project['decision']>([null, 'Reçu', 'En analyse', 'Recommandé']);
/** Payments without a date come after every dated one: they were never « before » a report. */
const UNDATED = '9999-12-31';

export function trackProjects(
  projects: readonly Project[],
  payments: readonly Payment[],
  ledger: Ledger,
  settings: Settings,
  today: string,
): Tracking {
  const issues: Issue[] = [];
  const tracks = new Map<string, ProjectTrack>();
  const ledgers = new Map(ledger.projects.map((p) => [p.projectId, p]));
  const paymentsOf = new Map<string, Payment[]>();
  for (const payment of payments) {
    const list = paymentsOf.get(payment.projectId);
    if (list) list.push(payment);
    else paymentsOf.set(payment.projectId, [payment]);
  }
  const years = settings.years.map((y) => y.label);
  const shares = settings.plannedInstalments;
  const lateByLead = new Map<string, { project: string; days: number }>();

  for (const project of projects) {
    const accepted = project.decision === 'Accepté';
    const capCents = applicableCap(
      project.totalCostCents,
      settings.maxGrantPerProjectCents,
      settings.maxShareOfCost,
    );
    const own = ledgers.get(project.id);
    const grantedCents = own?.committedCents ?? 0;
    const paidCents = own?.paidCents ?? 0;

    // Caps apply to what is granted as they do to what is recommended.
    const grantedYears = Object.keys(project.grantedCents).filter((y) => project.grantedCents[y] > 0);
    const totalGranted = grantedYears.reduce((sum, y) => sum + project.grantedCents[y], 0);
    if (accepted && capCents !== null && totalGranted > capCents) {
      const lastYear = [...grantedYears].sort().at(-1) as string;
      const waiver = project.waiver?.trim() ?? '';
      const where = placeOf(project.origin, `granted ${lastYear}`);
      if (waiver === '')
        issues.push(
          issue('grant.aboveCap', 'error', where, {
            project: project.id,
            granted: totalGranted,
            cap: capCents,
          }),
        );
      else
        issues.push(
          issue('grant.aboveCapWaived', 'warning', where, {
            project: project.id,
            granted: totalGranted,
            cap: capCents,
            waiver: waiver.length > 80 ? `${waiver.slice(0, 79)}…` : waiver,
          }),
        );
    }
    // Only where the request for the year is known: a grid without Demandé says nothing of it.
    for (const year of years) {
      const granted = project.grantedCents[year] ?? 0;
      const requested = project.requestedCents[year];
      if (requested === undefined || granted <= requested) continue;
      issues.push(
        issue('grant.aboveRequest', 'warning', placeOf(project.origin, `granted ${year}`), {
          project: project.id,
          year,
          granted,
          requested,
        }),
      );
    }

    const track: ProjectTrack = {
      projectId: project.id,
      capCents,
      grantedCents,
      paidCents,
      remainingCents: grantedCents - paidCents,
      instalments: [],
      nextInstalment: null,
      lastPaidBeforeReport: false,
      reportDue: null,
      reportDaysLate: null,
    };
    tracks.set(project.id, track);
    if (!accepted) continue;

    if (shares !== null && grantedCents > 0) {
      const plan = instalments(grantedCents, shares);
      const own = (paymentsOf.get(project.id) ?? []).map((p) => ({ payment: p, date: p.date ?? UNDATED }));
      const matched = matchPayments(
        plan,
        own.map((p) => ({ date: p.date, cents: p.payment.amountCents })),
      );
      track.instalments = matched.instalments.map((i) => ({
        ...i,
        paidOn: i.paidOn === UNDATED ? null : i.paidOn,
      }));
      const next = track.instalments.findIndex((i) => i.paidCents < i.amountCents);
      track.nextInstalment = next < 0 ? null : next;
      // The last instalment is released on the final report: the payment that first reaches it.
      const beforeLast = plan.slice(0, -1).reduce((a, b) => a + b, 0);
      const cutoff = project.reportReceived ?? UNDATED;
      let running = 0;
      for (const { payment, date } of [...own].sort((a, b) => a.date.localeCompare(b.date))) {
        running += payment.amountCents;
        if (running <= beforeLast || payment.amountCents <= 0) continue;
        if (date < cutoff) {
          track.lastPaidBeforeReport = true;
          issues.push(
            issue('instalment.lastBeforeReport', 'warning', placeOf(payment.origin, 'amount'), {
              project: project.id,
              amount: plan[plan.length - 1],
              date,
            }),
          );
        }
        break;
      }
    }

    if (project.end !== null) {
      const due = addMonths(project.end, settings.reportDelayMonths);
      track.reportDue = due;
      const late = project.reportReceived === null ? daysBetween(due, today) : 0;
      if (late > 0) {
        track.reportDaysLate = late;
        issues.push(
          issue(
            'report.late',
            'warning',
            placeOf(
              project.origin,
              project.origin?.cells.reportReceived !== undefined ? 'reportReceived' : 'end',
            ),
            { project: project.id, due, days: late },
          ),
        );
        const lead = organizationKey(project.lead);
        const known = lateByLead.get(lead);
        if (lead !== '' && (known === undefined || known.days < late))
          lateByLead.set(lead, { project: project.id, days: late });
      }
    }
  }

  // Quebec programs refuse a new request while a final report is missing: say so on the request.
  if (lateByLead.size > 0) {
    for (const project of projects) {
      if (!OPEN_DECISIONS.has(project.decision)) continue;
      const late = lateByLead.get(organizationKey(project.lead));
      if (late === undefined || late.project === project.id) continue;
      issues.push(
        issue('report.lateElsewhere', 'warning', placeOf(project.origin, 'lead'), {
          project: project.id,
          organization: project.lead.trim(),
          other: late.project,
          days: late.days,
        }),
      );
    }
  }
  return { tracks, issues };
}
