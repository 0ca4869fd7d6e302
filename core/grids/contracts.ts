/**
 * The staff sheets' column contracts: for each column its field, its French header then aliases,
 * how Reformater tidies it (`kind`), its template width and drop-down. The readers, Reformater and
 * the template all derive from these tables; adding a column is one line here (and its reading).
 */
import type { Settings } from '../settings.js';
import { DATE_FORMAT } from '../values/dates.js';
import { MONEY_FORMAT } from '../values/money.js';
import { DECISIONS, HISTORY_DECISIONS, PAYMENT_TYPES, YES_NO_CHOICES } from '../values/vocabulary.js';
import type { ColumnSpec } from './headers.js';

/** How a column's cells are read and tidied. */
export type ColumnKind =
  | 'text'
  | 'multiline'
  | 'list'
  | 'municipalities'
  | 'priorities'
  | 'date'
  | 'endDate'
  | 'money'
  | 'decision'
  /** A decision of the Décisions sheet, « Abrogé » included. */
  | 'historyDecision'
  | 'yesNo'
  | 'score'
  | 'paymentType';

export interface ColumnContract extends ColumnSpec {
  kind: ColumnKind;
  /** Template column width, in characters. */
  width: number;
  /** The template's drop-down: fixed words, or words from the settings. */
  list?: readonly string[] | ((settings: Settings) => readonly string[]);
  /** What the template says when staff select a cell of the column (Excel's input message, Sheets' help text). */
  prompt?: { fr: string; en: string };
  /**
   * One column per program year (`Demandé 2020-2021`, field `requested 2020-2021`) or per
   * criterion of Paramètres (header and field named after the criterion).
   */
  repeat?: 'year' | 'criterion';
}

const PROJECT_NUMBER = ['No', 'ID', 'Numéro', 'N°', 'No.', 'Numéro de projet', 'No de projet'];

export const PROJECTS_CONTRACT: readonly ColumnContract[] = [
  {
    field: 'id',
    names: [...PROJECT_NUMBER, 'No du projet', 'Project number'],
    required: true,
    kind: 'text',
    width: 8,
  },
  {
    field: 'title',
    names: ['Titre', 'Title', 'Titre du projet', 'Project title', 'Nom du projet'],
    kind: 'text',
    width: 40,
  },
  {
    field: 'lead',
    names: ['Organisme porteur', 'Lead organization', 'Lead organisation', 'Porteur', 'Organisme promoteur'],
    kind: 'text',
    width: 30,
  },
  {
    field: 'partners',
    names: [
      'Organismes partenaires',
      'Partners',
      'Partenaires',
      'Partner organizations',
      'Organismes impliqués',
    ],
    kind: 'list',
    width: 36,
  },
  {
    field: 'supports',
    names: ['Appuis', 'Supports', 'Lettres d’appui', 'Letters of support'],
    kind: 'list',
    width: 30,
  },
  {
    field: 'municipalities',
    names: ['Municipalités', 'Municipalities', 'Municipalités touchées'],
    kind: 'municipalities',
    width: 40,
  },
  {
    field: 'priorities',
    names: ['Priorités', 'Priorities', 'Priorités visées'],
    kind: 'priorities',
    width: 10,
    list: (settings) => settings.priorities.map((p) => String(p.number)),
    // The list offers one number; a cell may hold several, which a drop-down cannot say.
    prompt: {
      fr: 'Un ou plusieurs numéros de priorité du plan, séparés par « ; » : 1; 3',
      en: 'One or more priority numbers of the plan, separated by « ; »: 1; 3',
    },
  },
  { field: 'start', names: ['Début', 'Start', 'Date de début', 'Start date'], kind: 'date', width: 12 },
  { field: 'end', names: ['Fin', 'End', 'Date de fin', 'End date'], kind: 'endDate', width: 12 },
  {
    field: 'totalCost',
    names: ['Coût total', 'Total cost', 'Coût total du projet', 'Total project cost'],
    kind: 'money',
    width: 14,
  },
  // Other spellings of these two (`Montant accordé (2020 – 2021)`…) are read by `yearAmountField`.
  { field: 'requested', names: ['Demandé', 'Requested'], kind: 'money', width: 16, repeat: 'year' },
  { field: 'granted', names: ['Accordé', 'Granted'], kind: 'money', width: 16, repeat: 'year' },
  { field: 'decision', names: ['Décision', 'Decision'], kind: 'decision', width: 14, list: DECISIONS },
  {
    field: 'reportReceived',
    names: ['Reddition reçue', 'Report received', 'Reddition de comptes reçue', 'Final report received'],
    kind: 'date',
    width: 16,
  },
  // Optional: the justification that turns a grant above the cap from an error into a warning.
  {
    field: 'waiver',
    names: ['Dérogation', 'Waiver', 'Justification de la dérogation', 'Exception'],
    kind: 'multiline',
    width: 30,
  },
  {
    field: 'resolution',
    names: ['Résolution', 'Resolution', 'No de résolution', 'Numéro de résolution', 'Council resolution'],
    kind: 'text',
    width: 14,
  },
];

/** The optional Décisions sheet: every decision on a project, dated; the latest one by date counts. */
export const DECISIONS_CONTRACT: readonly ColumnContract[] = [
  { field: 'id', names: [...PROJECT_NUMBER, 'Project number'], required: true, kind: 'text', width: 8 },
  {
    field: 'date',
    names: ['Date', 'Date de la décision', 'Date de décision', 'Decision date'],
    required: true,
    kind: 'date',
    width: 12,
  },
  {
    field: 'decision',
    names: ['Décision', 'Decision'],
    required: true,
    kind: 'historyDecision',
    width: 14,
    list: HISTORY_DECISIONS,
  },
  {
    field: 'resolution',
    names: ['Résolution', 'Resolution', 'No de résolution', 'Numéro de résolution', 'Council resolution'],
    kind: 'text',
    width: 14,
  },
  { field: 'granted', names: ['Accordé', 'Granted'], kind: 'money', width: 16, repeat: 'year' },
];

export const SELECTION_CONTRACT: readonly ColumnContract[] = [
  { field: 'id', names: [...PROJECT_NUMBER, 'Project number'], required: true, kind: 'text', width: 8 },
  {
    field: 'evaluator',
    names: [
      'Évaluateur',
      'Evaluator',
      'Évaluatrice',
      'Évaluateur ou évaluatrice',
      'Évaluateur·trice',
      'Reviewer',
    ],
    required: true,
    kind: 'text',
    width: 20,
  },
  { field: 'criterion', names: [], kind: 'score', width: 12, repeat: 'criterion' },
  {
    field: 'conflict',
    names: [
      "Conflit d'intérêts",
      'Conflict of interest',
      "Conflit d'intérêt",
      "Conflits d'intérêts",
      'Conflit',
    ],
    kind: 'yesNo',
    width: 12,
    list: YES_NO_CHOICES,
  },
  {
    field: 'comment',
    names: ['Commentaire', 'Comment', 'Commentaires', 'Comments', 'Remarques'],
    kind: 'multiline',
    width: 40,
  },
];

export const PAYMENTS_CONTRACT: readonly ColumnContract[] = [
  { field: 'id', names: [...PROJECT_NUMBER, 'Project number'], required: true, kind: 'text', width: 8 },
  {
    field: 'date',
    names: ['Date', 'Date du versement', 'Date de versement', 'Payment date'],
    required: true,
    kind: 'date',
    width: 12,
  },
  {
    field: 'amount',
    names: ['Montant', 'Amount', 'Montant versé', 'Amount paid'],
    required: true,
    kind: 'money',
    width: 14,
  },
  {
    field: 'type',
    names: ['Type', 'Type de versement', 'Payment type'],
    kind: 'paymentType',
    width: 12,
    list: PAYMENT_TYPES,
  },
];

/** The field of a criterion's column in the selection grid. */
export function criterionField(name: string): `criterion ${string}` {
  return `criterion ${name}`;
}

/** The columns read by exact header (the repeated ones are found by year or criterion). */
export function fixedColumns(contract: readonly ColumnContract[]): ColumnContract[] {
  return contract.filter((column) => column.repeat === undefined);
}

/** Required fields and the French header to name when one is missing. */
export function requiredColumns(contract: readonly ColumnContract[]): { field: string; label: string }[] {
  return contract.filter((c) => c.required).map((c) => ({ field: c.field, label: c.names[0] }));
}

/** One template column: its header as written, its field, and what the template prepares below. */
export interface SheetColumn {
  field: string;
  header: string;
  kind: ColumnKind;
  width: number;
  list?: readonly string[];
  prompt?: { fr: string; en: string };
}

/** The contract's columns for these settings, in sheet order: years and criteria expanded. */
export function sheetColumns(contract: readonly ColumnContract[], settings: Settings): SheetColumn[] {
  const columns: SheetColumn[] = [];
  for (const column of contract) {
    const list = typeof column.list === 'function' ? column.list(settings) : column.list;
    const base = {
      kind: column.kind,
      width: column.width,
      ...(list ? { list } : {}),
      ...(column.prompt ? { prompt: column.prompt } : {}),
    };
    if (column.repeat === 'year') {
      for (const { label } of settings.years)
        columns.push({ ...base, field: `${column.field} ${label}`, header: `${column.names[0]} ${label}` });
    } else if (column.repeat === 'criterion') {
      for (const { name } of settings.criteria)
        columns.push({
          ...base,
          field: criterionField(name),
          header: name,
          width: Math.max(column.width, Math.min(30, name.length)),
        });
    } else {
      columns.push({ ...base, field: column.field, header: column.names[0] });
    }
  }
  return columns;
}

/** The kind of a field a reader found: `requested 2020-2021` and `criterion X` are their contract's. */
export function kindOf(contract: readonly ColumnContract[], field: string): ColumnKind | undefined {
  const base = field.split(' ', 1)[0];
  return (
    contract.find((c) => c.repeat === undefined && c.field === field) ??
    contract.find((c) => c.repeat !== undefined && c.field === base)
  )?.kind;
}

/** The number format the template and Reformater give a column's cells, if any. */
export function numberFormatOf(kind: ColumnKind): string | null {
  if (kind === 'money') return MONEY_FORMAT;
  if (kind === 'date' || kind === 'endDate') return DATE_FORMAT;
  return null;
}
