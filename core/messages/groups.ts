/**
 * Codes a sheet may raise on many cells at once: their repeats in one sheet are said in one line
 * with their count and their cells (« 14 montants saisis comme texte : Reformater les convertira — C5, D5, … »).
 * Apart from codes.ts, whose schemas stay out of the bundles.
 */
import type { IssueCode } from './codes.js';

export const GROUPED_CODES = [
  'cell.moneyAsText',
  'cell.dateAsText',
  'money.text',
  'date.text',
  'score.missing',
  'eligibility.reportDue',
  'municipality.variant',
  'municipality.merged',
] as const satisfies readonly IssueCode[];

export type GroupedCode = (typeof GROUPED_CODES)[number];

/** The sentence for `count` repeats of a grouped code, its cells already listed (`C5, D5, …`). */
export type GroupTexts = { [C in GroupedCode]: (p: { count: number; cells: string }) => string };
