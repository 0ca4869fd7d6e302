/** Small builders for the rules' tests: realistic Maskoutains projects, reviews and payments. */
import type { Payment, Project, Review } from '../../../core/records.js';
import { PRESET_SETTINGS, type Settings } from '../../../core/settings.js';

export const dollars = (amount: number): number => Math.round(amount * 100);

export function settingsWith(overrides: Partial<Settings> = {}): Settings {
  return { ...PRESET_SETTINGS, ...overrides };
}

/** Five municipalities of the MRC, as staff might type them. */
export const FIVE_MUNICIPALITIES = [
  'Saint-Hyacinthe',
  'Saint-Pie',
  'Saint-Damase',
  'La Présentation',
  'Saint-Jude',
];

export function project(id: string, fields: Partial<Project> = {}): Project {
  return {
    id,
    title: `Projet ${id}`,
    lead: 'Moisson Maskoutaine',
    partners: ['Centre de bénévolat de Saint-Hyacinthe'],
    supports: [],
    municipalities: FIVE_MUNICIPALITIES,
    priorities: ['1'],
    start: '2020-09-01',
    end: '2022-08-31',
    totalCostCents: null,
    requestedCents: {},
    grantedCents: {},
    decision: 'En analyse',
    reportReceived: null,
    origin: {
      sheet: 'Projets',
      cells: {
        id: 'A2',
        lead: 'C2',
        partners: 'D2',
        supports: 'E2',
        municipalities: 'F2',
        priorities: 'G2',
        start: 'H2',
        end: 'I2',
        decision: 'P2',
        reportReceived: 'Q2',
        'granted 2020-2021': 'M2',
        'granted 2021-2022': 'N2',
      },
    },
    ...fields,
  };
}

/** Criterion names of the preset grid, in order. */
export const CRITERIA = PRESET_SETTINGS.criteria.map((c) => c.name);

/** A review giving each preset criterion the listed score (same order as the preset grid). */
export function review(
  projectId: string,
  evaluator: string,
  scores: (number | 'NA' | null)[],
  fields: Partial<Review> = {},
  row = 2,
): Review {
  const record: Record<string, number | 'NA' | null> = {};
  const cells: Record<string, string> = { id: `A${row}`, evaluator: `B${row}`, conflict: `I${row}` };
  CRITERIA.forEach((name, i) => {
    record[name] = scores[i] ?? null;
    cells[`criterion ${name}`] = `${String.fromCharCode(67 + i)}${row}`;
  });
  return {
    projectId,
    evaluator,
    scores: record,
    conflict: false,
    comment: '',
    origin: { sheet: 'Grille de sélection', cells },
    ...fields,
  };
}

export function payment(projectId: string, date: string | null, amountCents: number, row = 2): Payment {
  return {
    projectId,
    date,
    amountCents,
    type: 'Versement',
    origin: {
      sheet: 'Versements',
      cells: { id: `A${row}`, date: `B${row}`, amount: `C${row}`, type: `D${row}` },
    },
  };
}
