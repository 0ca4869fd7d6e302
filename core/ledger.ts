/**
 * The budget ledger: per program year, the carry-forward of uncommitted money (domain.md §5).
 * Commitment (Accordé of accepted projects), not payment, drives the carry-forward.
 */
import { type Issue, issue } from './issues.js';
import { parsePriorities } from './priorities.js';
import { type CellPlace, type Payment, type Project, placeOf, projectsSheetOf } from './records.js';
import type { ProgramYear, Settings } from './settings.js';
import { fiscalYearOf } from './values/dates.js';

export interface LedgerYear {
  year: string;
  envelopeCents: number;
  /** Report reçu: the previous year's solde (0 for the first year; negative when it ended in deficit). */
  carriedInCents: number;
  /** Disponible = enveloppe + report reçu. */
  availableCents: number;
  /** Engagé: Σ Accordé of accepted projects for this year. */
  committedCents: number;
  /** Versé: Σ payments whose date falls in this fiscal year. */
  paidCents: number;
  /** Solde reporté = disponible − engagé. */
  balanceCents: number;
  /** Reste à verser = engagé − versé. */
  remainingToPayCents: number;
  /**
   * False when an amount this year is read from (envelope, grants, payments) cannot be read, or
   * the year carries in the solde of such a year: its figures count that amount as 0, not as fact.
   */
  complete: boolean;
  /** The cells of this year's own amounts that cannot be read. */
  unreadable: CellPlace[];
}

export interface ProjectLedger {
  projectId: string;
  /** Σ Accordé over the years, whatever the decision. */
  grantedCents: number;
  /** Σ Accordé when the decision is Accepté, else 0: what the ledger commits. */
  committedCents: number;
  /** Σ of all the project's payments (including those dated outside the program). */
  paidCents: number;
  /** Reste à verser = engagé − versé. */
  remainingCents: number;
  grantedByYear: Record<string, number>;
  paidByYear: Record<string, number>;
}

export interface PriorityLedger {
  /** Priority number; 0 gathers the amounts of projects without any valid priority. */
  priority: number;
  name: string;
  projects: number;
  requestedCents: number;
  committedCents: number;
  paidCents: number;
}

export interface Ledger {
  years: LedgerYear[];
  /** Non utilisé: the last year's solde, which lapses at program end. */
  lapsedCents: number;
  projects: ProjectLedger[];
  priorities: PriorityLedger[];
  issues: Issue[];
}

/** Name of the priority-table row that holds projects without any valid priority. */
export const NO_PRIORITY_NAME = 'Sans priorité valide';

export interface CarryForwardRow {
  envelopeCents: number;
  carriedInCents: number;
  availableCents: number;
  committedCents: number;
  balanceCents: number;
}

/** The carry-forward alone, year by year, from envelopes and commitments given in the same order. */
export function carryForward(envelopes: readonly number[], committed: readonly number[]): CarryForwardRow[] {
  const rows: CarryForwardRow[] = [];
  let carriedIn = 0;
  for (let i = 0; i < envelopes.length; i++) {
    const envelopeCents = envelopes[i] ?? 0;
    const committedCents = committed[i] ?? 0;
    const availableCents = envelopeCents + carriedIn;
    const balanceCents = availableCents - committedCents;
    rows.push({ envelopeCents, carriedInCents: carriedIn, availableCents, committedCents, balanceCents });
    carriedIn = balanceCents;
  }
  return rows;
}

/**
 * Σ enveloppes − Σ engagé up to each year, in the order of `years`. This equals each year's solde
 * reporté; the recommendation keeps every one of them ≥ 0.
 */
export function cumulativeBalances(
  years: readonly ProgramYear[],
  committedByYear: Readonly<Record<string, number>> | readonly number[],
): number[] {
  const committedAt = (i: number): number =>
    Array.isArray(committedByYear)
      ? (committedByYear[i] ?? 0)
      : ((committedByYear as Readonly<Record<string, number>>)[years[i].label] ?? 0);
  const balances: number[] = [];
  let running = 0;
  for (let i = 0; i < years.length; i++) {
    running += years[i].envelopeCents - committedAt(i);
    balances.push(running);
  }
  return balances;
}

/** Split `amount` into `parts` integer shares that sum to it exactly; the remainder goes to the first. */
export function splitCents(amount: number, parts: number): number[] {
  if (parts <= 0) return [];
  const share = Math.floor(amount / parts);
  const shares = new Array<number>(parts).fill(share);
  shares[0] += amount - share * parts;
  return shares;
}

function sumValues(record: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const value of Object.values(record)) total += value;
  return total;
}

function fiscalYearOrNull(date: string | null): string | null {
  if (date === null || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  return fiscalYearOf(date);
}

export function computeLedger(
  years: readonly ProgramYear[],
  projects: readonly Project[],
  payments: readonly Payment[],
  settings: Settings,
): Ledger {
  const issues: Issue[] = [];
  const yearLabels = new Set(years.map((y) => y.label));
  const committedByYear = new Map<string, number>(years.map((y) => [y.label, 0]));
  const paidByYear = new Map<string, number>(years.map((y) => [y.label, 0]));

  const projectsById = new Map<string, Project>();
  const ledgers = new Map<string, ProjectLedger>();
  for (const project of projects) {
    projectsById.set(project.id, project);
    const accepted = project.decision === 'Accepté';
    const grantedByYear: Record<string, number> = {};
    for (const [year, cents] of Object.entries(project.grantedCents)) {
      if (cents === 0) continue;
      grantedByYear[year] = cents;
      if (!yearLabels.has(year)) {
        issues.push(
          issue('budget.grantOutsideProgram', 'error', placeOf(project.origin, `granted ${year}`), {
            project: project.id,
            year,
            amount: cents,
          }),
        );
      } else if (accepted) {
        committedByYear.set(year, (committedByYear.get(year) ?? 0) + cents);
      }
    }
    const grantedCents = sumValues(grantedByYear);
    if (!accepted && grantedCents !== 0) {
      const firstYear = Object.keys(grantedByYear)[0];
      issues.push(
        issue('budget.grantNotAccepted', 'info', placeOf(project.origin, `granted ${firstYear}`), {
          project: project.id,
          decision: project.decision ?? '',
          amount: grantedCents,
        }),
      );
    }
    const committedCents = accepted
      ? Object.entries(grantedByYear).reduce(
          (sum, [year, cents]) => (yearLabels.has(year) ? sum + cents : sum),
          0,
        )
      : 0;
    ledgers.set(project.id, {
      projectId: project.id,
      grantedCents,
      committedCents,
      paidCents: 0,
      remainingCents: committedCents,
      grantedByYear,
      paidByYear: {},
    });
  }

  // Payments in date order, so that « above the grant » points at the payment that crossed it.
  const ordered = payments
    .map((payment, index) => ({ payment, index }))
    .sort((a, b) => {
      const x = a.payment.date ?? '9999';
      const y = b.payment.date ?? '9999';
      return x < y ? -1 : x > y ? 1 : a.index - b.index;
    });
  const paidInProgram = new Map<string, number>();
  const flaggedAboveGrant = new Set<string>();
  const flaggedNotAccepted = new Set<string>();
  const projectsSheet = projectsSheetOf(projects);
  for (const { payment } of ordered) {
    const project = projectsById.get(payment.projectId);
    const ledger = ledgers.get(payment.projectId);
    if (!project || !ledger) {
      issues.push(
        issue('payment.unknownProject', 'error', placeOf(payment.origin, 'id'), {
          project: payment.projectId,
          amount: payment.amountCents,
          projects: projectsSheet,
        }),
      );
      continue;
    }
    const year = fiscalYearOrNull(payment.date);
    if (year === null) {
      issues.push(
        issue('payment.missingDate', 'warning', placeOf(payment.origin, 'date'), {
          project: project.id,
          amount: payment.amountCents,
        }),
      );
    } else if (!yearLabels.has(year)) {
      issues.push(
        issue('payment.outsideProgram', 'error', placeOf(payment.origin, 'date'), {
          project: project.id,
          date: payment.date ?? '',
          year,
        }),
      );
    } else {
      paidByYear.set(year, (paidByYear.get(year) ?? 0) + payment.amountCents);
      paidInProgram.set(project.id, (paidInProgram.get(project.id) ?? 0) + payment.amountCents);
    }
    if (year !== null) ledger.paidByYear[year] = (ledger.paidByYear[year] ?? 0) + payment.amountCents;
    ledger.paidCents += payment.amountCents;
    ledger.remainingCents = ledger.committedCents - ledger.paidCents;

    if (project.decision !== 'Accepté') {
      if (!flaggedNotAccepted.has(project.id)) {
        flaggedNotAccepted.add(project.id);
        // A refused or withdrawn project's grant is 0: any payment is above it (design.md).
        const refused = project.decision === 'Refusé' || project.decision === 'Retiré';
        issues.push(
          issue('payment.notAccepted', refused ? 'error' : 'warning', placeOf(payment.origin, 'amount'), {
            project: project.id,
            decision: project.decision ?? '',
            amount: payment.amountCents,
          }),
        );
      }
    } else if (ledger.paidCents > ledger.grantedCents && !flaggedAboveGrant.has(project.id)) {
      flaggedAboveGrant.add(project.id);
      issues.push(
        issue('payment.aboveGrant', 'error', placeOf(payment.origin, 'amount'), {
          project: project.id,
          paid: ledger.paidCents,
          granted: ledger.grantedCents,
          excess: ledger.paidCents - ledger.grantedCents,
        }),
      );
    }
  }

  const rows = carryForward(
    years.map((y) => y.envelopeCents),
    years.map((y) => committedByYear.get(y.label) ?? 0),
  );
  const unreadable = unreadableByYear(years, projects, payments);
  let carriesUnknown = false;
  const ledgerYears: LedgerYear[] = rows.map((row, i) => {
    const paidCents = paidByYear.get(years[i].label) ?? 0;
    const own = unreadable.get(years[i].label) ?? [];
    const complete = own.length === 0 && !carriesUnknown;
    // Envelope and grants feed the solde carried on; an unreadable payment changes only Versé.
    if (own.some((place) => place.feedsBalance)) carriesUnknown = true;
    return {
      year: years[i].label,
      ...row,
      paidCents,
      remainingToPayCents: row.committedCents - paidCents,
      complete,
      unreadable: own.map(({ sheet, cell }) => ({ sheet, cell })),
    };
  });
  const incomplete = ledgerYears.filter((year) => !year.complete);
  if (incomplete.length > 0) {
    // One error instead of deficits and carry-forwards computed from amounts counted as 0.
    const cells = incomplete.flatMap((year) => year.unreadable);
    issues.push(
      issue('budget.incomplete', 'error', cells[0] ?? {}, {
        years: incomplete.map((year) => year.year),
        cells: cells.map((place) => `${place.sheet}!${place.cell}`),
      }),
    );
  }
  for (const year of ledgerYears) {
    if (year.balanceCents < 0 && year.complete) {
      issues.push(
        issue(
          'budget.deficit',
          'error',
          {},
          {
            year: year.year,
            deficit: -year.balanceCents,
            available: year.availableCents,
            committed: year.committedCents,
          },
        ),
      );
    }
  }

  return {
    years: ledgerYears,
    lapsedCents: ledgerYears.length > 0 ? ledgerYears[ledgerYears.length - 1].balanceCents : 0,
    projects: [...ledgers.values()],
    priorities: priorityTable(projectsById, ledgers, paidInProgram, yearLabels, settings),
    issues,
  };
}

interface UnreadablePlace extends CellPlace {
  /** An envelope or a grant: it changes the solde, and every year after. */
  feedsBalance: boolean;
}

/** By program year, the amount cells its figures are read from that cannot be read. */
function unreadableByYear(
  years: readonly ProgramYear[],
  projects: readonly Project[],
  payments: readonly Payment[],
): Map<string, UnreadablePlace[]> {
  const found = new Map<string, UnreadablePlace[]>();
  const add = (year: string, place: { sheet?: string; cell?: string }, feedsBalance: boolean) => {
    if (place.sheet === undefined || place.cell === undefined) return;
    const list = found.get(year) ?? [];
    list.push({ sheet: place.sheet, cell: place.cell, feedsBalance });
    found.set(year, list);
  };
  for (const year of years) for (const place of year.unreadableCells ?? []) add(year.label, place, true);
  for (const project of projects) {
    if (!project.unreadableAmounts || project.decision !== 'Accepté') continue;
    for (const field of project.unreadableAmounts)
      if (field.startsWith('granted ')) add(field.slice(8), placeOf(project.origin, field), true);
  }
  for (const payment of payments) {
    const year = payment.unreadableAmount ? fiscalYearOrNull(payment.date) : null;
    if (year !== null) add(year, placeOf(payment.origin, 'amount'), false);
  }
  return found;
}

/** Amounts by priority; a project on several priorities is split equally so the table sums to the totals. */
function priorityTable(
  projects: ReadonlyMap<string, Project>,
  ledgers: ReadonlyMap<string, ProjectLedger>,
  paidInProgram: ReadonlyMap<string, number>,
  yearLabels: ReadonlySet<string>,
  settings: Settings,
): PriorityLedger[] {
  const rows = new Map<number, PriorityLedger>();
  for (const p of [...settings.priorities].sort((a, b) => a.number - b.number)) {
    rows.set(p.number, {
      priority: p.number,
      name: p.name,
      projects: 0,
      requestedCents: 0,
      committedCents: 0,
      paidCents: 0,
    });
  }
  const withoutPriority: PriorityLedger = {
    priority: 0,
    name: NO_PRIORITY_NAME,
    projects: 0,
    requestedCents: 0,
    committedCents: 0,
    paidCents: 0,
  };
  for (const project of projects.values()) {
    const numbers = parsePriorities(project.priorities, settings).numbers;
    const targets = numbers.length > 0 ? numbers.map((n) => rows.get(n)!) : [withoutPriority];
    let requested = 0;
    // for…in, not Object.entries: no array of pairs per project (records are plain objects).
    for (const year in project.requestedCents) {
      if (yearLabels.has(year)) requested += project.requestedCents[year];
    }
    const committed = ledgers.get(project.id)?.committedCents ?? 0;
    const paid = paidInProgram.get(project.id) ?? 0;
    if (
      targets.length === 1 &&
      Number.isInteger(requested) &&
      Number.isInteger(committed) &&
      Number.isInteger(paid)
    ) {
      // The usual case: one share of whole cents is the amount itself.
      const row = targets[0];
      row.projects += 1;
      row.requestedCents += requested;
      row.committedCents += committed;
      row.paidCents += paid;
      continue;
    }
    const requestedShares = splitCents(requested, targets.length);
    const committedShares = splitCents(committed, targets.length);
    const paidShares = splitCents(paid, targets.length);
    targets.forEach((row, i) => {
      row.projects += 1;
      row.requestedCents += requestedShares[i];
      row.committedCents += committedShares[i];
      row.paidCents += paidShares[i];
    });
  }
  const table = [...rows.values()];
  if (withoutPriority.projects > 0) table.push(withoutPriority);
  return table;
}
