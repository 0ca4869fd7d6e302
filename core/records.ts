/** Staff rows as typed records. Grid readers build them (with issues); rules consume them. */

import type { Decision, HistoryDecision } from './values/vocabulary.js';

export type { Decision };

/** Where a record's fields sit in its sheet, so that rules can address their issues. */
/** A cell of a staff sheet, as issues name it. */
export interface CellPlace {
  sheet: string;
  cell: string;
}

/** The sheet the projects were read from, as the workbook names it (« Projects » in English). */
export function projectsSheetOf(projects: readonly Project[]): string {
  return projects.find((project) => project.origin)?.origin?.sheet ?? 'Projets';
}

export interface Origin<Field extends string> {
  sheet: string;
  /** field → A1 address */
  cells: Partial<Record<Field, string>>;
}

/** Where an issue about a record's field points: its cell, or its sheet when the column is absent. */
export function placeOf<Field extends string>(
  origin: Origin<Field> | undefined,
  field: Field,
): { sheet?: string; cell?: string } {
  if (!origin) return {};
  const cell = origin.cells[field];
  return cell === undefined ? { sheet: origin.sheet } : { sheet: origin.sheet, cell };
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
  | 'waiver'
  | 'resolution'
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
  /** Amount fields (`granted 2021-2022`) whose cell holds no readable amount: counted as 0, not known. */
  unreadableAmounts?: readonly ProjectField[];
  decision: Decision | null;
  reportReceived: string | null;
  /** Dérogation: why a grant may go above the cap (optional column; absent or '' for none). */
  waiver?: string;
  /** Résolution: the council's resolution number (optional column). */
  resolution?: string;
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

export type DecisionField = 'id' | 'date' | 'decision' | 'resolution' | `granted ${string}`;

/** One row of the optional Décisions sheet. */
export interface DecisionRecord {
  projectId: string;
  /** ISO date; a row without a readable date is reported and not kept. */
  date: string;
  decision: HistoryDecision;
  resolution: string;
  /** By fiscal year label; blank cells are absent. */
  grantedCents: Record<string, number>;
  origin?: Origin<DecisionField>;
}

export type PaymentField = 'id' | 'date' | 'amount' | 'type';

export interface Payment {
  projectId: string;
  /** ISO date. */
  date: string | null;
  amountCents: number;
  /** The amount cell holds text no reading gives a number for: counted as 0, not known. */
  unreadableAmount?: true;
  type: string;
  origin?: Origin<PaymentField>;
}
