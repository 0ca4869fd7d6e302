import type { IssueCode, Message } from './index.js';

/** English renderings of every code in `fr.ts`; a missing code fails the type check. */
export const en: Record<IssueCode, Message> = {
  // — settings (Paramètres)
  // — values (amounts, dates, lists)
  // — municipalities
  // — eligibility (reasons)
  // — selection grid and scoring
  // — budget and payments
  // — reading sheets
  // — actions (reformat, undo, generated sheets)
};
