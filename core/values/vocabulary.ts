/**
 * The closed sets of words staff type, each declared once: S.O., Oui/Non, decisions, payment types,
 * « all municipalities ». The grid readers, Reformater, the template's drop-downs, the Sommaire's
 * formulas and the catalog's functions all read these lists. Words compare on `headerKey` (case,
 * accents, extra spaces and a trailing colon ignored); the first form of each list is the one
 * Reformater and the template write.
 */
import type { CellValue } from '../cells.js';
import { memoize } from './memo.js';
import { headerKey } from './text.js';

/** « Sans objet » as staff type it. Dots, slashes and spaces are ignored when comparing. */
export const NOT_APPLICABLE_FORMS = [
  'S.O.',
  'SO',
  'S/O',
  'N/A',
  'N.A.',
  'n / a',
  'NA',
  'Non applicable',
  'Sans objet',
  'Not applicable',
] as const;

function notApplicableKey(text: string): string {
  return headerKey(text).replace(/[.\s/]/g, '');
}

const NOT_APPLICABLE_KEYS = new Set(NOT_APPLICABLE_FORMS.map(notApplicableKey));

export function isNotApplicable(text: string): boolean {
  return NOT_APPLICABLE_KEYS.has(notApplicableKey(text));
}

/** Yes and no, in French and English, as letters, check marks and spreadsheet booleans typed as text. */
export const YES_FORMS = ['Oui', 'O', 'Yes', 'Y', 'X', 'Vrai', 'True', '1'] as const;
export const NO_FORMS = ['Non', 'N', 'No', 'Faux', 'False', '0'] as const;
/** The drop-down of a yes/no column. */
export const YES_NO_CHOICES = [YES_FORMS[0], NO_FORMS[0]] as const;

const YES_KEYS = new Set<string>(YES_FORMS.map(headerKey));
const NO_KEYS = new Set<string>(NO_FORMS.map(headerKey));

/** A yes/no word as typed → true/false; null when it is neither (or blank). */
export const parseYesNo = memoize((text: string): boolean | null => {
  const key = headerKey(text);
  return YES_KEYS.has(key) ? true : NO_KEYS.has(key) ? false : null;
});

/** A yes/no cell: booleans, 1/0, the words above; blank is no; null when unreadable. */
export function parseYesNoCell(value: CellValue): boolean | null {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return null;
  if (headerKey(value) === '') return false;
  return parseYesNo(value);
}

/** The decisions of `Décision`, in the order of a file's life. */
export const DECISIONS = ['Reçu', 'En analyse', 'Recommandé', 'Accepté', 'Refusé', 'Retiré'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Other ways staff write each decision (feminine forms, English); the decision itself is implied. */
const DECISION_FORMS: Record<Decision, readonly string[]> = {
  Reçu: ['Reçue', 'Received'],
  'En analyse': ['Under review', 'In review'],
  Recommandé: ['Recommandée', 'Recommended'],
  Accepté: ['Acceptée', 'Accepted', 'Approved'],
  Refusé: ['Refusée', 'Refused', 'Rejected', 'Declined'],
  Retiré: ['Retirée', 'Withdrawn'],
};

const DECISION_BY_KEY = new Map<string, Decision>();
for (const decision of DECISIONS) {
  for (const form of [decision, ...DECISION_FORMS[decision]]) DECISION_BY_KEY.set(headerKey(form), decision);
}

export function parseDecision(text: string): Decision | null {
  return DECISION_BY_KEY.get(headerKey(text)) ?? null;
}

/** Every key (`headerKey`) that reads as this decision: the Sommaire's formulas test each of them. */
export function decisionKeys(decision: Decision): string[] {
  return [...DECISION_BY_KEY].filter(([, d]) => d === decision).map(([key]) => key);
}

/**
 * The words of the Décisions sheet: the decisions, and « Abrogé » (a council rescinds its
 * resolution: the grant it made no longer holds).
 */
export const RESCINDED = 'Abrogé';
export const HISTORY_DECISIONS = [...DECISIONS, RESCINDED] as const;
export type HistoryDecision = (typeof HISTORY_DECISIONS)[number];

const RESCINDED_KEYS = new Set(['Abrogé', 'Abrogée', 'Rescinded', 'Revoked'].map(headerKey));

/** A word of the Décisions sheet: a decision, or « Abrogé ». */
export function parseHistoryDecision(text: string): HistoryDecision | null {
  return RESCINDED_KEYS.has(headerKey(text)) ? RESCINDED : parseDecision(text);
}

/** The types of a payment in Versements. */
export const PAYMENT_TYPES = ['Avance', 'Versement', 'Solde'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export function parsePaymentType(text: string): PaymentType | null {
  const key = headerKey(text);
  return PAYMENT_TYPES.find((type) => headerKey(type) === key) ?? null;
}

/**
 * What staff write in Municipalités for a project that reaches the whole territory (the
 * territory's own name, from Paramètres, means the same).
 */
export const ALL_MUNICIPALITIES_FORMS = [
  'Toutes',
  'Toutes les municipalités',
  'Ensemble de la MRC',
  'Tout le territoire',
  'Tout le territoire de la MRC',
  'Toute la MRC',
  'MRC',
] as const;
