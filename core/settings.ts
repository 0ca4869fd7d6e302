import * as z from 'zod/mini';
import { ALL_MUNICIPALITIES_FORMS } from './values/vocabulary.js';

/** ISO calendar date `YYYY-MM-DD`. */
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const cents = z.int();

export const PrioritySchema = z.object({
  number: z.int().check(z.minimum(1)),
  name: z.string().check(z.minLength(1)),
  keywords: z.array(z.string()),
});

export const CriterionSchema = z.object({
  name: z.string().check(z.minLength(1)),
  weight: z.number().check(z.minimum(0)),
  max: z.number().check(z.positive()),
});

export const MunicipalitySchema = z.object({
  name: z.string().check(z.minLength(1)),
  code: z.string(),
  variants: z.array(z.string()),
});

export const ProgramYearSchema = z.object({
  /** Fiscal year label, `2020-2021` (1 April to 31 March). */
  label: z.string().check(z.regex(/^\d{4}-\d{4}$/)),
  envelopeCents: cents.check(z.minimum(0)),
});

/** Everything the Paramètres sheet can set. Money is integer cents. */
export const SettingsSchema = z.object({
  programName: z.string(),
  territory: z.string(),
  programStart: isoDate,
  programEnd: isoDate,
  minOrganizations: z.int().check(z.minimum(1)),
  minMunicipalities: z.int().check(z.minimum(0)),
  municipalityRule: z.enum(['blocking', 'warning']),
  multiPriorityBonus: z.number().check(z.minimum(0), z.maximum(100)),
  minFundingScore: z.number().check(z.minimum(0), z.maximum(100)),
  aggregation: z.enum(['mean', 'median']),
  notApplicable: z.enum(['excluded', 'zero']),
  maxGrantPerProjectCents: z.nullable(cents.check(z.positive())),
  /** Spread between evaluators (points out of 100) above which an info issue is raised. */
  disagreementThreshold: z.number().check(z.minimum(0), z.maximum(100)),
  years: z.array(ProgramYearSchema).check(z.minLength(1)),
  priorities: z.array(PrioritySchema).check(z.minLength(1)),
  criteria: z.array(CriterionSchema).check(z.minLength(1)),
  municipalities: z.array(MunicipalitySchema).check(z.minLength(1)),
  /** Words that mean « all municipalities of the territory ». */
  allMunicipalitiesWords: z.array(z.string()),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type Priority = z.infer<typeof PrioritySchema>;
export type Criterion = z.infer<typeof CriterionSchema>;
export type Municipality = z.infer<typeof MunicipalitySchema>;
export type ProgramYear = z.infer<typeof ProgramYearSchema>;

/** Keys of the Paramètres sheet (canonical French label, English alias) → setting. */
export const SETTING_KEYS = {
  programName: ['Programme', 'Program'],
  territory: ['Territoire', 'Territory'],
  programStart: ['Début du programme', 'Program start'],
  programEnd: ['Fin du programme', 'Program end'],
  minOrganizations: ['Organismes impliqués minimum', 'Minimum organizations'],
  minMunicipalities: ['Municipalités minimum', 'Minimum municipalities'],
  municipalityRule: ['Règle des municipalités', 'Municipality rule'],
  multiPriorityBonus: ['Bonus multi-priorités', 'Multi-priority bonus'],
  minFundingScore: ['Note minimale de financement', 'Minimum funding score'],
  aggregation: ['Agrégation', 'Aggregation'],
  notApplicable: ['Sans objet', 'Not applicable'],
  maxGrantPerProjectCents: ['Montant maximal par projet', 'Maximum grant per project'],
  disagreementThreshold: ['Écart entre évaluateurs signalé', 'Evaluator spread flagged'],
} as const satisfies Partial<Record<keyof Settings, readonly [string, string]>>;

/** Choice values as staff type them (first = default) → schema value. */
export const SETTING_CHOICES = {
  municipalityRule: {
    bloquante: 'blocking',
    avertissement: 'warning',
    blocking: 'blocking',
    warning: 'warning',
  },
  aggregation: { moyenne: 'mean', médiane: 'median', mean: 'mean', median: 'median' },
  notApplicable: { exclu: 'excluded', zéro: 'zero', excluded: 'excluded', zero: 'zero' },
} as const;

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

/** The MRC des Maskoutains action plan 2019-2023 (dated 2020-02-03): the built-in preset. */
export const PRESET_SETTINGS: Settings = {
  programName: 'Alliance pour la solidarité 2019-2023',
  territory: 'MRC des Maskoutains',
  programStart: '2019-04-01',
  programEnd: '2023-03-31',
  minOrganizations: 2,
  minMunicipalities: 5,
  municipalityRule: 'blocking',
  multiPriorityBonus: 5,
  minFundingScore: 60,
  aggregation: 'mean',
  notApplicable: 'excluded',
  maxGrantPerProjectCents: null,
  disagreementThreshold: 25,
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
