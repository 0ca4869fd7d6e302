import type { CellValue, WorkbookSnapshot } from '../core/cells.js';
import {
  PAYMENTS_CONTRACT,
  PROJECTS_CONTRACT,
  SELECTION_CONTRACT,
  sheetColumns,
} from '../core/grids/contracts.js';
import { PRESET_SETTINGS } from '../core/settings.js';

/** A deterministic pseudo-random stream, so that every run measures the same workbook. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const TOWN_SPELLINGS = [
  'St-Hyacinthe',
  'Saint-Pie',
  'Saint-Damase',
  'La Présentation',
  'Saint-Dominique',
  'Ste-Madeleine',
  'Sainte-Marie-Madeleine',
  'Saint-Jude',
  'Saint-Liboire',
  'Saint-Louis',
  'Saint-Simon',
  'Sainte-Rosalie',
  'Saint-Pie-de-Bagot',
  'Saint-Barnabé',
];
const ORGANIZATIONS = [
  'Moisson Maskoutaine',
  'Contact Richelieu-Yamaska',
  'Maison de la famille des Maskoutains',
  'Centre de bénévolat de Saint-Hyacinthe',
  'Comptoir alimentaire Saint-Pie',
  'Carrefour jeunesse-emploi',
  'Logemen’mêle',
];
const DECISIONS = ['Reçu', 'En analyse', 'Recommandé', 'Accepté', 'Refusé'];
const EVALUATORS = ['Julie Tremblay', 'Marc Gagnon', 'Sophie Bergeron'];

/** A staff-like workbook with `projects` submissions, 3 reviews each and one payment per accepted project. */
export function generateWorkbook(projects: number, seed = 7): WorkbookSnapshot {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const years = PRESET_SETTINGS.years.map((y) => y.label);
  // The template's own Projets columns, in its order: the rows below follow it.
  const projectHeader = sheetColumns(PROJECTS_CONTRACT, PRESET_SETTINGS).map((c) => c.header);
  const projectRows: CellValue[][] = [projectHeader];
  const reviewRows: CellValue[][] = [sheetColumns(SELECTION_CONTRACT, PRESET_SETTINGS).map((c) => c.header)];
  const paymentRows: CellValue[][] = [sheetColumns(PAYMENTS_CONTRACT, PRESET_SETTINGS).map((c) => c.header)];
  for (let i = 1; i <= projects; i++) {
    const id = `P${i}`;
    const towns = Array.from({ length: 3 + Math.floor(next() * 6) }, () => pick(TOWN_SPELLINGS)).join('; ');
    const decision = pick(DECISIONS);
    const request = [0, 1 + Math.floor(next() * 30), Math.floor(next() * 20), Math.floor(next() * 20)].map(
      (k) => k * 1000,
    );
    const granted = decision === 'Accepté' ? request.map((r) => Math.round(r / 100)) : years.map(() => null);
    projectRows.push([
      id,
      `Projet ${i}`,
      pick(ORGANIZATIONS),
      next() < 0.8 ? `${pick(ORGANIZATIONS)}; ${pick(ORGANIZATIONS)}` : '',
      next() < 0.3 ? pick(ORGANIZATIONS) : '',
      towns,
      next() < 0.5 ? '1; 3' : String(1 + Math.floor(next() * 4)),
      '2020-09-01',
      next() < 0.05 ? '2023-06-30' : '2022-12-31',
      request.reduce((a, b) => a + b, 0) * 2,
      ...request,
      ...granted,
      decision,
      null,
    ]);
    for (const evaluator of EVALUATORS) {
      reviewRows.push([
        id,
        evaluator,
        ...PRESET_SETTINGS.criteria.map((c) => (next() < 0.03 ? 'S.O.' : Math.floor(next() * (c.max + 1)))),
        next() < 0.02 ? 'Oui' : 'Non',
        '',
      ]);
    }
    if (decision === 'Accepté') paymentRows.push([id, '2021-01-15', granted[1], 'Avance']);
  }
  return {
    sheets: [
      { name: 'Projets', values: projectRows },
      { name: 'Grille de sélection', values: reviewRows },
      { name: 'Versements', values: paymentRows },
    ],
  };
}
