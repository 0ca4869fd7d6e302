import type { CellPlace } from './records.js';
import { ALL_MUNICIPALITIES_FORMS } from './values/vocabulary.js';

/*
 * The settings' zod schema derives from this table in `settings-schema.ts`, which only the tests
 * import (like the issue codes' schemas): the reader checks each value against the table's own
 * kinds and bounds, and the hosts' bundles carry no schema library.
 */

export interface Priority {
  number: number;
  name: string;
  keywords: string[];
}

export interface Criterion {
  name: string;
  weight: number;
  max: number;
}

export interface Municipality {
  name: string;
  code: string;
  variants: string[];
}

export interface ProgramYear {
  /** Fiscal year label, `2020-2021` (1 April to 31 March). */
  label: string;
  envelopeCents: number;
  /** Cells of the forecast budget this envelope is read from that hold no readable amount. */
  unreadableCells?: readonly CellPlace[];
}

/** One line of the Paramètres sheet: its labels, how its value is read, its default, what it does. */
interface SettingBase {
  /** Canonical French label first, then the English alias. */
  labels: readonly [string, string];
  /** One line written beside the value in the template, French and English. */
  explanation: { fr: string; en: string };
}

/** One choice of a choice setting: the value the code uses, then the words staff type (French first). */
export interface SettingChoice {
  value: string;
  words: readonly string[];
}

export type SettingSpec = SettingBase &
  (
    | { kind: 'text'; default: string }
    /** `end`: « Mars 2024 » means the last day of March. */
    | { kind: 'date'; end: boolean; default: string }
    | { kind: 'integer'; min: number; default: number }
    | { kind: 'number'; min: number; max: number; default: number }
    /** The first choice is the default. */
    | { kind: 'choice'; choices: readonly SettingChoice[]; default: string }
    /** Positive cents, or null (blank or 0) for none. */
    | { kind: 'money'; default: number | null }
    /** A share of a whole (0 < share ≤ 1, typed `80 %`), or null (blank or 0) for none. */
    | { kind: 'share'; default: number | null }
    /** Shares that make a whole (`50 %; 40 %; 10 %`), or null (blank) for none. */
    | { kind: 'shares'; default: readonly number[] | null }
  );

/** Scores and bonuses are points of a score out of 100. */
const POINTS_OUT_OF_100 = { kind: 'number', min: 0, max: 100 } as const;

/**
 * The settings table: every key/value setting of Paramètres, once. The zod schema, the preset, the
 * Paramètres reader and writer and the template's drop-downs derive from it; adding a setting is
 * one entry here (and its use in a rule).
 */
export const SETTINGS_TABLE = {
  programName: {
    labels: ['Programme', 'Program'],
    kind: 'text',
    default: 'Alliance pour la solidarité 2019-2023',
    explanation: {
      fr: 'Nom du programme, repris dans les titres des feuilles produites.',
      en: 'Name of the program, shown in the titles of the generated sheets.',
    },
  },
  territory: {
    labels: ['Territoire', 'Territory'],
    kind: 'text',
    default: 'MRC des Maskoutains',
    explanation: {
      fr: 'Territoire visé ; son nom dans Municipalités vaut « toutes les municipalités ».',
      en: 'Territory reached; its name in Municipalities means « all municipalities ».',
    },
  },
  programStart: {
    labels: ['Début du programme', 'Program start'],
    kind: 'date',
    end: false,
    default: '2019-04-01',
    explanation: {
      fr: 'Premier jour du programme (exercices du 1er avril au 31 mars).',
      en: 'First day of the program (fiscal years run from April 1 to March 31).',
    },
  },
  programEnd: {
    labels: ['Fin du programme', 'Program end'],
    kind: 'date',
    end: true,
    default: '2023-03-31',
    explanation: {
      fr: 'Dernier jour du programme : un projet qui finit après n’est pas admissible.',
      en: 'Last day of the program: a project that ends later is not eligible.',
    },
  },
  minOrganizations: {
    labels: ['Organismes impliqués minimum', 'Minimum organizations'],
    kind: 'integer',
    min: 1,
    default: 2,
    explanation: {
      fr: 'Nombre minimal d’organismes distincts, porteur et partenaires (les appuis ne comptent pas).',
      en: 'Minimum number of distinct organizations, lead and partners (supports do not count).',
    },
  },
  minMunicipalities: {
    labels: ['Municipalités minimum', 'Minimum municipalities'],
    kind: 'integer',
    min: 0,
    default: 5,
    explanation: {
      fr: 'Nombre minimal de municipalités distinctes touchées par un projet.',
      en: 'Minimum number of distinct municipalities a project reaches.',
    },
  },
  municipalityRule: {
    labels: ['Règle des municipalités', 'Municipality rule'],
    kind: 'choice',
    choices: [
      { value: 'blocking', words: ['bloquante', 'blocking'] },
      { value: 'warning', words: ['avertissement', 'warning'] },
    ],
    default: 'blocking',
    explanation: {
      fr: 'bloquante : sous le minimum, le projet n’est pas admissible ; avertissement : il l’est, signalé.',
      en: 'blocking: below the minimum the project is not eligible; warning: it is, with a warning.',
    },
  },
  multiPriorityBonus: {
    labels: ['Bonus multi-priorités', 'Multi-priority bonus'],
    ...POINTS_OUT_OF_100,
    default: 5,
    explanation: {
      fr: 'Points ajoutés à la note d’un projet qui vise au moins deux priorités (au plus 100).',
      en: 'Points added to the score of a project with at least two priorities (at most 100).',
    },
  },
  minFundingScore: {
    labels: ['Note minimale de financement', 'Minimum funding score'],
    ...POINTS_OUT_OF_100,
    default: 60,
    explanation: {
      fr: 'Note finale sous laquelle la simulation ne recommande pas de financement.',
      en: 'Final score below which the simulation recommends no funding.',
    },
  },
  aggregation: {
    labels: ['Agrégation', 'Aggregation'],
    kind: 'choice',
    choices: [
      { value: 'mean', words: ['moyenne', 'mean'] },
      { value: 'median', words: ['médiane', 'median'] },
    ],
    default: 'mean',
    explanation: {
      fr: 'Comment les notes des évaluateurs d’un projet se combinent.',
      en: 'How the evaluators’ scores of a project are combined.',
    },
  },
  notApplicable: {
    labels: ['Sans objet', 'Not applicable'],
    kind: 'choice',
    choices: [
      { value: 'excluded', words: ['exclu', 'excluded'] },
      { value: 'zero', words: ['zéro', 'zero'] },
    ],
    default: 'excluded',
    explanation: {
      fr: 'exclu : un critère S.O. sort du calcul de la note ; zéro : il compte pour 0.',
      en: 'excluded: an N/A criterion is left out of the score; zero: it counts as 0.',
    },
  },
  maxGrantPerProjectCents: {
    labels: ['Montant maximal par projet', 'Maximum grant per project'],
    kind: 'money',
    default: null,
    explanation: {
      fr: 'Montant maximal accordé ou recommandé à un projet (le plafond) ; vide : aucun maximum.',
      en: 'Largest grant or recommendation to one project (the cap); blank: no maximum.',
    },
  },
  maxShareOfCost: {
    labels: ['Part maximale du coût total', 'Maximum share of total cost'],
    kind: 'share',
    default: null,
    explanation: {
      fr: 'Part du coût total d’un projet au-delà de laquelle une aide dépasse le plafond (ex. 80 %) ; vide : aucune.',
      en: 'Share of a project’s total cost above which a grant exceeds the cap (e.g. 80 %); blank: none.',
    },
  },
  minCommunityShare: {
    labels: ['Contribution minimale du milieu', 'Minimum community contribution'],
    kind: 'share',
    default: null,
    explanation: {
      fr: 'Part minimale du coût total financée par le milieu (coût total moins les montants demandés) ; vide : aucune.',
      en: 'Minimum share of the total cost funded by the community (total cost minus the requests); blank: none.',
    },
  },
  reportDelayMonths: {
    labels: ['Délai de reddition (mois)', 'Report delay (months)'],
    kind: 'integer',
    min: 0,
    default: 3,
    explanation: {
      fr: 'Mois après la fin d’un projet pour remettre sa reddition de comptes (fin de mois : 2022-11-30 + 3 = 2023-02-28).',
      en: 'Months after a project’s end to hand in its final report (end of month: 2022-11-30 + 3 = 2023-02-28).',
    },
  },
  plannedInstalments: {
    labels: ['Versements prévus', 'Planned instalments'],
    kind: 'shares',
    default: null,
    explanation: {
      fr: 'Parts de l’aide versées tour à tour, ex. 50 %; 40 %; 10 % ; la dernière à la reddition ; vide : aucun plan.',
      en: 'Shares of the grant paid in turn, e.g. 50 %; 40 %; 10 %; the last one on the final report; blank: no plan.',
    },
  },
  disagreementThreshold: {
    labels: ['Écart entre évaluateurs signalé', 'Evaluator spread flagged'],
    ...POINTS_OUT_OF_100,
    default: 25,
    explanation: {
      fr: 'Écart de notes entre évaluateurs (sur 100) au-delà duquel une information est donnée.',
      en: 'Spread between evaluators’ scores (out of 100) above which an info is given.',
    },
  },
} as const satisfies Record<string, SettingSpec>;

export type KeyedSetting = keyof typeof SETTINGS_TABLE;
export const KEYED_SETTINGS = Object.keys(SETTINGS_TABLE) as KeyedSetting[];

type ValueOf<S> = S extends { kind: 'choice'; choices: readonly { value: infer V }[] }
  ? V
  : S extends { kind: 'money' | 'share' }
    ? number | null
    : S extends { kind: 'shares' }
      ? number[] | null
      : S extends { kind: 'text' | 'date' }
        ? string
        : number;

/** The key/value settings, typed from the table. */
export type KeyedSettings = { -readonly [K in KeyedSetting]: ValueOf<(typeof SETTINGS_TABLE)[K]> };

/** Whether a number is within a numeric setting's kind and bounds (integer ≥ min; min..max). */
export function withinBounds(spec: SettingSpec, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (spec.kind === 'integer') return Number.isInteger(value) && value >= spec.min;
  if (spec.kind === 'number') return value >= spec.min && value <= spec.max;
  return true;
}

/** Everything the Paramètres sheet can set. Money is integer cents. */
export type Settings = KeyedSettings & {
  years: ProgramYear[];
  priorities: Priority[];
  criteria: Criterion[];
  municipalities: Municipality[];
  /** Words that mean « all municipalities of the territory ». */
  allMunicipalitiesWords: string[];
};

/** The French words of a choice setting's choices, as the drop-down offers them. */
export function choiceWords(choices: readonly SettingChoice[]): string[] {
  return choices.map((c) => c.words[0]);
}

/** Former municipalities merged into Saint-Hyacinthe (2002): variants of its name. */
const SAINT_HYACINTHE_SECTORS = [
  'Sainte-Rosalie',
  "Saint-Thomas-d'Aquin",
  'Notre-Dame-de-Saint-Hyacinthe',
  'Saint-Hyacinthe-le-Confesseur',
  'Douville',
  'La Providence',
] as const;

export const PRESET_MUNICIPALITIES: Municipality[] = [
  { name: 'La Présentation', code: '54035', variants: [] },
  { name: 'Saint-Barnabé-Sud', code: '54105', variants: [] },
  {
    name: 'Saint-Bernard-de-Michaudville',
    code: '54115',
    variants: ['Saint-Bernard-Partie-Sud', 'Michaudville'],
  },
  { name: 'Saint-Damase', code: '54017', variants: [] },
  { name: 'Saint-Dominique', code: '54060', variants: [] },
  { name: 'Saint-Hugues', code: '54100', variants: [] },
  {
    name: 'Saint-Hyacinthe',
    code: '54048',
    variants: [...SAINT_HYACINTHE_SECTORS],
  },
  { name: 'Saint-Jude', code: '54110', variants: [] },
  { name: 'Saint-Liboire', code: '54072', variants: [] },
  { name: 'Saint-Louis', code: '54120', variants: [] },
  { name: 'Saint-Marcel-de-Richelieu', code: '54125', variants: [] },
  { name: 'Saint-Pie', code: '54008', variants: ['Saint-Pie-de-Bagot'] },
  { name: 'Saint-Simon', code: '54090', variants: [] },
  { name: 'Saint-Valérien-de-Milton', code: '54065', variants: [] },
  { name: 'Sainte-Hélène-de-Bagot', code: '54095', variants: [] },
  { name: 'Sainte-Madeleine', code: '54025', variants: [] },
  { name: 'Sainte-Marie-Madeleine', code: '54030', variants: [] },
];

/** Former municipalities merged into Saint-Hyacinthe: they count as Saint-Hyacinthe, with an info note. */
export const MERGED_SECTORS: ReadonlySet<string> = new Set(SAINT_HYACINTHE_SECTORS);

/** The maximum of a criterion when Paramètres or SCORE() gives none. */
export const DEFAULT_CRITERION_MAX = 10;

/** The table's defaults: the key/value half of the preset. */
const KEYED_DEFAULTS = Object.fromEntries(
  KEYED_SETTINGS.map((key) => [key, SETTINGS_TABLE[key].default]),
) as KeyedSettings;

/** The MRC des Maskoutains action plan 2019-2023 (dated 2020-02-03): the built-in preset. */
export const PRESET_SETTINGS: Settings = {
  ...KEYED_DEFAULTS,
  years: [
    { label: '2019-2020', envelopeCents: 0 },
    { label: '2020-2021', envelopeCents: 19_500_700 },
    { label: '2021-2022', envelopeCents: 9_750_300 },
    { label: '2022-2023', envelopeCents: 9_750_300 },
  ],
  priorities: [
    {
      number: 1,
      name: 'Sécurité alimentaire',
      keywords: ['alimentaire', 'aliments', 'nourriture', 'culinaire', 'cuisine', 'dépannage'],
    },
    {
      number: 2,
      name: 'Insertion socioprofessionnelle',
      keywords: ['insertion', 'emploi', 'travail', 'socioprofessionnelle', 'maintien en emploi'],
    },
    { number: 3, name: 'Habitation', keywords: ['habitation', 'logement', 'locatif', 'loyer'] },
    {
      number: 4,
      name: 'Prévention du décrochage scolaire',
      keywords: ['décrochage', 'scolaire', 'persévérance', 'éducation', 'école'],
    },
  ],
  criteria: [
    { name: 'Réponse aux priorités du plan', weight: 25, max: 10 },
    { name: 'Impact sur la pauvreté et l’exclusion', weight: 25, max: 10 },
    { name: 'Concertation et partenariat', weight: 15, max: 10 },
    { name: 'Portée territoriale', weight: 15, max: 10 },
    { name: 'Faisabilité et budget', weight: 10, max: 10 },
    { name: 'Pérennité', weight: 10, max: 5 },
  ],
  municipalities: PRESET_MUNICIPALITIES,
  allMunicipalitiesWords: [...ALL_MUNICIPALITIES_FORMS],
};
