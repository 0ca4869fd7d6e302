/** Small readable workbooks for the grid readers: rows as typed by staff, padded to a rectangle. */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../core/cells.js';
import type { Issue } from '../../../core/issues.js';

type Grid<T> = (T | undefined)[][];

function pad<T>(rows: Grid<T>, width: number, blank: T): T[][] {
  return rows.map((row) =>
    Array.from({ length: width }, (_, i) => (row[i] === undefined ? blank : (row[i] as T))),
  );
}

/** A sheet from rows of cells; `formulas`, `notes` and `fills` are optional grids of the same kind. */
export function sheet(
  name: string,
  rows: Grid<CellValue>,
  extra: { formulas?: Grid<string | null>; notes?: Grid<string | null>; fills?: Grid<string | null> } = {},
): SheetSnapshot {
  const all = [rows, extra.formulas ?? [], extra.notes ?? [], extra.fills ?? []];
  const width = Math.max(0, ...all.flatMap((grid) => grid.map((row) => row.length)));
  const height = rows.length;
  const fill = <T>(grid: Grid<T>, blank: T) =>
    pad(
      [...grid, ...Array.from({ length: Math.max(0, height - grid.length) }, () => [])],
      width,
      blank,
    ).slice(0, height);
  const snapshot: SheetSnapshot = { name, values: fill(rows, null) };
  if (extra.formulas) snapshot.formulas = fill(extra.formulas, null);
  if (extra.notes) snapshot.notes = fill(extra.notes, null);
  if (extra.fills) snapshot.fills = fill(extra.fills, null);
  return snapshot;
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** `code@cell` of each issue, the shortest readable way to assert where problems were found. */
export function at(issues: readonly Issue[], code?: string): string[] {
  return issues.filter((i) => code === undefined || i.code === code).map((i) => `${i.code}@${i.cell ?? '-'}`);
}

export function codes(issues: readonly Issue[], severity?: Issue['severity']): string[] {
  return issues.filter((i) => severity === undefined || i.severity === severity).map((i) => i.code);
}

/**
 * The action plan's forecast grid (2020-02-03) exactly as it sits in the plan: title rows, a row of
 * `- $`, the amounts row, a note, a row with only the grand total, then unlabelled column totals.
 */
export const PLAN_BUDGET_ROWS: CellValue[][] = [
  ['BUDGET PRÉVISIONNEL 2019-2023-ALLIANCE POUR LA SOLIDARITÉ'],
  [],
  ['Territoire(s) visé(s) : MRC des Maskoutains'],
  [],
  ['Priorités d’action liés (si désiré)', '2019-2020', '2020-2021', '2021-2022', '2022-2023', 'Total'],
  [null, '- $', '- $', '- $', '- $', '- $'],
  [
    'Attribué en fonction des priorités définis, selon les impacts des projets.',
    null,
    '195 007 $',
    '97 503 $',
    '97 503 $',
    '390 013 $',
  ],
  [
    'Il est à noter que les sommes non engagées dans une année se reporte à des années subséquentes, et ce, jusqu’à la fin du programme au 31 mars 2023.',
  ],
  [null, null, null, null, null, '390 013 $'],
  [null, '- $', '195 007 $', '97 503 $', '97 503 $', null],
];

export const PROJECT_HEADERS = [
  'No',
  'Titre',
  'Organisme porteur',
  'Organismes partenaires',
  'Appuis',
  'Municipalités',
  'Priorités',
  'Début',
  'Fin',
  'Coût total',
  'Demandé 2020-2021',
  'Demandé 2021-2022',
  'Accordé 2020-2021',
  'Accordé 2021-2022',
  'Décision',
  'Reddition reçue',
];

/** One Projets row by header name, in PROJECT_HEADERS order. */
export function projectRow(
  values: Partial<Record<(typeof PROJECT_HEADERS)[number], CellValue>>,
): CellValue[] {
  return PROJECT_HEADERS.map((header) => values[header] ?? null);
}

export const SELECTION_HEADERS = [
  'No',
  'Évaluateur',
  'Réponse aux priorités du plan',
  'Impact sur la pauvreté et l’exclusion',
  'Concertation et partenariat',
  'Portée territoriale',
  'Faisabilité et budget',
  'Pérennité',
  'Conflit d’intérêts',
  'Commentaire',
];
