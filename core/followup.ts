/**
 * After the decision: a project's grant cap, its payment plan and its final report. Integer cents
 * and ISO dates only; the grid readers give the inputs, the ledger, the recommendation and the
 * « Suivi des projets » sheet use the results.
 */
import { daysBetween, daysInMonth, isoParts } from './values/dates.js';

/** The smaller of the maximum amount and the maximum share of the project's total cost; null: no cap. */
export function applicableCap(
  costCents: number | null,
  maxAmountCents: number | null,
  maxShareOfCost: number | null,
): number | null {
  const caps: number[] = [];
  if (maxAmountCents !== null) caps.push(maxAmountCents);
  // A share of an unknown cost caps nothing: the missing cost is reported where it is read.
  if (maxShareOfCost !== null && costCents !== null) {
    // 0.07 is not exact in binary: a product that should be whole may fall just below it.
    const exact = costCents * maxShareOfCost;
    caps.push(Math.floor(exact + Math.max(1e-9, Math.abs(exact) * 1e-12)));
  }
  return caps.length === 0 ? null : Math.min(...caps);
}

/**
 * Amounts split in proportion to `weights` so that they add up to `totalCents` exactly: each part
 * rounded down, the cents left over given to the largest remainders (the earliest first on ties).
 */
export function splitInProportion(totalCents: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return weights.map((_, i) => (i === weights.length - 1 ? totalCents : 0));
  const exact = weights.map((w) => (totalCents * w) / sum);
  const parts = exact.map((x) => Math.floor(x + 1e-9));
  let left = totalCents - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - parts[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i] += 1;
  return parts;
}

/** A request per year, reduced in proportion when its total is above the cap (« plafonné »). */
export function cappedByYear(
  requestedCents: readonly number[],
  capCents: number | null,
): { amounts: number[]; capped: boolean } {
  const total = requestedCents.reduce((a, b) => a + b, 0);
  if (capCents === null || total <= capCents) return { amounts: [...requestedCents], capped: false };
  return { amounts: splitInProportion(Math.max(0, capCents), requestedCents), capped: true };
}

/**
 * The instalments of a grant: each share rounded to the cent, the last one the remainder, so that
 * they add up to the grant exactly (24 999,95 $ at 50/40/10: 12 499,98, 9 999,98, 2 499,99).
 */
export function instalments(grantCents: number, shares: readonly number[]): number[] {
  if (shares.length === 0) return [];
  const parts = shares.slice(0, -1).map((share) => Math.round(grantCents * share));
  const last = grantCents - parts.reduce((a, b) => a + b, 0);
  return [...parts, last];
}

/** Whether shares form a whole plan: each positive, together 100 % (to a hundredth of a percent). */
export function isWholePlan(shares: readonly number[]): boolean {
  if (shares.length === 0 || shares.some((s) => !(s > 0))) return false;
  return Math.abs(shares.reduce((a, b) => a + b, 0) - 1) < 1e-4;
}

export interface Payment {
  date: string;
  cents: number;
}

export interface InstalmentStatus {
  amountCents: number;
  paidCents: number;
  /** The day the instalment was paid in full, null while it is not. */
  paidOn: string | null;
}

/**
 * Payments matched to instalments in date order: each payment fills the earliest instalment not yet
 * paid in full, then the next. What is paid beyond the last instalment is `overpaidCents`.
 */
export function matchPayments(
  plan: readonly number[],
  payments: readonly Payment[],
): { instalments: InstalmentStatus[]; overpaidCents: number } {
  const statuses = plan.map((amountCents) => ({ amountCents, paidCents: 0, paidOn: null as string | null }));
  let overpaidCents = 0;
  const ordered = [...payments].sort((a, b) => a.date.localeCompare(b.date));
  let k = 0;
  for (const payment of ordered) {
    let left = payment.cents;
    while (left > 0 && k < statuses.length) {
      const status = statuses[k];
      const taken = Math.min(left, status.amountCents - status.paidCents);
      status.paidCents += taken;
      left -= taken;
      if (status.paidCents >= status.amountCents) {
        status.paidOn = payment.date;
        k += 1;
      }
    }
    overpaidCents += left;
  }
  return { instalments: statuses, overpaidCents };
}

/**
 * `months` after a date, by the end-of-month rule: the last day of a month lands on the last day of
 * the target month (2022-11-30 + 3 = 2023-02-28); another day keeps its number, or the month's last.
 */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = isoParts(iso);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const last = daysInMonth(targetYear, targetMonth);
  const targetDay = day === daysInMonth(year, month) ? last : Math.min(day, last);
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

export interface ReportStatus {
  due: string;
  /** Days past the due date while the report is not received (today included), else null. */
  daysLate: number | null;
}

/** The final report: due `months` after the project's end; late while not received after that day. */
export function reportStatus(
  endIso: string,
  months: number,
  receivedIso: string | null,
  todayIso: string,
): ReportStatus {
  const due = addMonths(endIso, months);
  const late = receivedIso === null ? daysBetween(due, todayIso) : 0;
  return { due, daysLate: late > 0 ? late : null };
}
