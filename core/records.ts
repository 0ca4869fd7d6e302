/** Staff rows as typed records. Grid readers build them (with issues); rules consume them. */

import type { Decision } from './values/vocabulary.js';

export type { Decision };

/** Where a record's fields sit in its sheet, so that rules can address their issues. */
export interface Origin<Field extends string> {
  sheet: string;
  /** field → A1 address */
  cells: Partial<Record<Field, string>>;
}

export type ProjectField =
  | 'id'
  | 'title'
  | 'lead'
  | 'partners'
  | 'supports'
  | 'municipalities'
  | 'priorities'
  | 'start'
  | 'end'
  | 'totalCost'
  | 'decision'
  | 'reportReceived'
  | `requested ${string}`
  | `granted ${string}`;

export interface Project {
  /** Unique among the projects read: the reader reports each duplicate number and reads only its first row. */
  id: string;
  title: string;
  lead: string;
  partners: string[];
  supports: string[];
  /** Names as typed, one per list item. */
  municipalities: string[];
  /** Items as typed: numbers (`2`) or names (`Habitation`). */
  priorities: string[];
  /** ISO dates `YYYY-MM-DD`. */
  start: string | null;
  end: string | null;
  /** Dates typed but unreadable (reported by the reader): not « missing » as well. */
  unreadableDates?: readonly ('start' | 'end')[];
  totalCostCents: number | null;
  /** By fiscal year label (`2020-2021`). */
  requestedCents: Record<string, number>;
  grantedCents: Record<string, number>;
  decision: Decision | null;
  reportReceived: string | null;
  origin?: Origin<ProjectField>;
}

export type ReviewField = 'id' | 'evaluator' | 'conflict' | `criterion ${string}`;

/** One evaluator's row of the selection grid. A score is a number, `'NA'` (S.O.) or null (blank). */
export interface Review {
  projectId: string;
  evaluator: string;
  scores: Record<string, number | 'NA' | null>;
  /** Criteria whose cell held something unreadable (already reported by the reader): not « missing ». */
  unreadable?: readonly string[];
  conflict: boolean;
  comment: string;
  origin?: Origin<ReviewField>;
}

export type PaymentField = 'id' | 'date' | 'amount' | 'type';

export interface Payment {
  projectId: string;
  /** ISO date. */
  date: string | null;
  amountCents: number;
  type: string;
  origin?: Origin<PaymentField>;
}
