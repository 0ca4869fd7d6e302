import { type CellValue, isBlank, isErrorValue } from '../cells.js';
import { evaluateEligibility } from '../eligibility.js';
import { STAFF_SHEET_NAMES } from '../grids/sheets.js';
import { computeLedger } from '../ledger.js';
import type { Coded } from '../messages/codes.js';
import { type Lang, renderIssue } from '../messages/index.js';
import { type MunicipalityMatcher, sharedMatcher } from '../municipalities.js';
import type { Project } from '../records.js';
import { scoreReview } from '../scoring.js';
import { DEFAULT_CRITERION_MAX, PRESET_SETTINGS, type Settings } from '../settings.js';
import { readSettings } from '../settings-reader.js';
import { endDateIso, fiscalYearOf, parseDate } from '../values/dates.js';
import { rememberingSplitter, splitList } from '../values/lists.js';
import { BoundedCache, type CacheBounds, memoize } from '../values/memo.js';
import { centsToDollars, parseMoney } from '../values/money.js';
import { parseScoreCell } from '../values/scores.js';
import {
  flatten,
  type HostArgument,
  isAbsent,
  projectRows,
  rowCells,
  toGrid,
  trimBlankRows,
} from './arguments.js';

export interface CatalogParam {
  /** French name, shown by both hosts. */
  name: string;
  nameEn: string;
  help: { fr: string; en: string };
  optional: boolean;
}

export interface CatalogError {
  error: '#VALUE!' | '#N/A' | '#NUM!';
  message: string;
  messageEn: string;
}

export type CatalogCell = string | number | boolean | CatalogError;
export type CatalogResult = CatalogCell[][];

export type CatalogName =
  | 'ELIGIBLE'
  | 'REASONS'
  | 'MUNICIPALITIES'
  | 'SCORE'
  | 'CARRYFORWARD'
  | 'FISCAL_YEAR'
  | 'AMOUNT';

export interface CatalogFunction {
  name: CatalogName;
  help: { fr: string; en: string };
  params: CatalogParam[];
  resultType: 'boolean' | 'string' | 'number' | 'any';
  /** One argument per parameter, each a single value or a 2-D array; null and '' are blank. */
  invoke(args: HostArgument[], options?: { lang?: Lang }): CatalogResult;
}

export function isCatalogError(cell: unknown): cell is CatalogError {
  return typeof cell === 'object' && cell !== null && 'error' in cell && 'message' in cell;
}

function catalogError(coded: Coded): CatalogError {
  return { error: '#VALUE!', message: renderIssue(coded, 'fr'), messageEn: renderIssue(coded, 'en') };
}

const param = (name: string, nameEn: string, fr: string, en: string, optional = false): CatalogParam => ({
  name,
  nameEn,
  help: { fr, en },
  optional,
});

const PROJECT_PARAMS: CatalogParam[] = [
  param(
    'organismes',
    'organizations',
    'Organismes impliqués dans la réalisation (porteur et partenaires) : une cellule ou une plage.',
    'Organizations carrying out the project (lead and partners): a cell or a range.',
  ),
  param(
    'appuis',
    'supports',
    'Organismes qui ont seulement donné une lettre d’appui (ils ne comptent pas).',
    'Organizations that only gave a letter of support (they do not count).',
  ),
  param(
    'municipalites',
    'municipalities',
    'Municipalités touchées, séparées par « ; », « , » ou des retours de ligne.',
    'Municipalities reached, separated by « ; », « , » or line breaks.',
  ),
  param(
    'priorites',
    'priorities',
    'Priorités du plan : numéros 1 à 4 ou noms.',
    'Plan priorities: numbers 1 to 4 or names.',
  ),
  param('fin', 'end', 'Date de fin du projet (facultatif).', 'Project end date (optional).', true),
  param(
    'parametres',
    'settings',
    'Plage de la feuille Paramètres (facultatif ; sinon les règles du plan 2019-2023).',
    'Range of the Paramètres sheet (optional; otherwise the 2019-2023 plan rules).',
    true,
  ),
];

function settingsFrom(arg: HostArgument): Settings {
  if (arg === undefined || isAbsent(arg)) return PRESET_SETTINGS;
  return readSettings({ name: STAFF_SHEET_NAMES.settings[0], values: toGrid(arg) }).settings;
}

interface ProjectRowResult {
  blank: boolean;
  error?: CatalogError;
  eligible?: boolean;
  /** The reasons in the language asked for (only when asked: ELIGIBLE needs none). */
  reasons?: string[];
}

/**
 * Eligibility of every row of the project arguments, with one settings read and one matcher per
 * call. `reasonsLang`: render the reasons in that language (rendering every row's messages in both
 * languages cost more than the eligibility itself).
 */
function eligibilityRows(args: HostArgument[], reasonsLang?: Lang): ProjectRowResult[] {
  const [organizations, supports, municipalities, priorities, end] = [0, 1, 2, 3, 4].map((i) =>
    toGrid(args[i]),
  );
  const settings = settingsFrom(args[5]);
  const matcher: MunicipalityMatcher = sharedMatcher(settings);
  const grids = [organizations, supports, municipalities, priorities, end];
  const rows = projectRows(grids);
  const results: ProjectRowResult[] = [];
  for (let r = 0; r < rows; r++) {
    const cells = grids.map((grid) => rowCells(grid, r));
    if (cells.every((row) => row.every(isBlank))) {
      results.push({ blank: true });
      continue;
    }
    const errorCell = firstErrorValue(cells);
    if (errorCell !== undefined) {
      results.push({
        blank: false,
        error: catalogError({ code: 'function.errorValue', params: { value: String(errorCell) } }),
      });
      continue;
    }
    const endDate = firstNonBlank(cells[4]);
    const parsedEnd =
      endDate === null ? null : typeof endDate === 'string' ? endDateText(endDate) : parseDate(endDate);
    if (parsedEnd?.kind === 'invalid') {
      results.push({ blank: false, error: catalogError(parsedEnd) });
      continue;
    }
    const orgs = listOf(cells[0], false);
    const project: Project = {
      id: String(r + 1),
      title: '',
      lead: orgs[0] ?? '',
      partners: orgs.slice(1),
      supports: listOf(cells[1], false),
      municipalities: listOf(cells[2], true),
      priorities: listOf(cells[3], true),
      start: null,
      end: parsedEnd?.kind === 'date' ? endDateIso(parsedEnd) : null,
      totalCostCents: null,
      requestedCents: {},
      grantedCents: {},
      decision: null,
      reportReceived: null,
    };
    const result = evaluateEligibility(project, settings, matcher);
    const row: ProjectRowResult = { blank: false, eligible: result.eligible };
    if (reasonsLang !== undefined) row.reasons = result.reasons.map((i) => renderIssue(i, reasonsLang));
    results.push(row);
  }
  return results;
}

/** The first error value of a row's cells, in reading order (a loop: `flat()` is slow per row). */
function firstErrorValue(cells: readonly CellValue[][]): string | undefined {
  for (const row of cells) for (const cell of row) if (isErrorValue(cell)) return cell;
  return undefined;
}

function firstNonBlank(cells: CellValue[]): CellValue {
  return cells.find((c) => !isBlank(c)) ?? null;
}

function listOf(cells: CellValue[], allowComma: boolean): string[] {
  if (cells.length === 1) {
    const cell = cells[0];
    return typeof cell === 'string' ? rememberedList(cell, allowComma) : splitList(cell, { allowComma });
  }
  return cells.flatMap((cell) => splitList(cell, { allowComma }));
}

/** End dates typed as text repeat (results are only read). */
const endDateText = memoize(parseDate);

/**
 * Lists of cells already seen (a copy: callers own their array). A column is read again at every
 * recalculation, so most cells are seen again. When full, the memo keeps what it has instead of
 * starting over: over a column longer than the memo, clearing it at every turn kept nothing
 * useful and made the call slower than linear (garbage collection of lists that were never used).
 */
const CELL_LISTS: CacheBounds = { limit: 20_000, maxKeyLength: 200, whenFull: 'keep' };
const cellLists = [
  new BoundedCache<readonly string[]>(CELL_LISTS),
  new BoundedCache<readonly string[]>(CELL_LISTS),
];

function rememberedList(text: string, allowComma: boolean): string[] {
  return cellLists[allowComma ? 1 : 0].remember(text, (t) => textList(t, allowComma)).slice();
}

/** The column splitter every list cell of the catalog goes through. */
const textList = rememberingSplitter();

function column(values: CatalogCell[]): CatalogResult {
  return values.length === 0 ? [['']] : values.map((v) => [v]);
}

/** Applies `convert` to every cell, keeping the argument's shape; blank cells give ''. */
function mapCells(arg: HostArgument, convert: (cell: CellValue) => CatalogCell): CatalogResult {
  return trimBlankRows(toGrid(arg)).map((row) => row.map((cell) => (isBlank(cell) ? '' : convert(cell))));
}

const ELIGIBLE: CatalogFunction = {
  name: 'ELIGIBLE',
  help: {
    fr: 'VRAI si le projet respecte toutes les règles d’admissibilité du plan (une ligne par projet).',
    en: 'TRUE when the project meets every eligibility rule of the plan (one row per project).',
  },
  params: PROJECT_PARAMS,
  resultType: 'boolean',
  invoke(args) {
    return column(eligibilityRows(args).map((row) => (row.blank ? '' : (row.error ?? row.eligible ?? ''))));
  },
};

const REASONS: CatalogFunction = {
  name: 'REASONS',
  help: {
    fr: 'Les raisons de non-admissibilité, séparées par « ; » (vide si le projet est admissible).',
    en: 'The reasons a project is not eligible, separated by « ; » (empty when eligible).',
  },
  params: PROJECT_PARAMS,
  resultType: 'string',
  invoke(args, options) {
    const lang = options?.lang ?? 'fr';
    return column(
      eligibilityRows(args, lang).map((row) =>
        row.blank ? '' : (row.error ?? (row.reasons ?? []).join('; ')),
      ),
    );
  },
};

const MUNICIPALITIES: CatalogFunction = {
  name: 'MUNICIPALITIES',
  help: {
    fr: 'Nombre de municipalités reconnues et distinctes touchées (une ligne par projet).',
    en: 'Number of distinct recognized municipalities reached (one row per project).',
  },
  params: [PROJECT_PARAMS[2], PROJECT_PARAMS[5]],
  resultType: 'number',
  invoke(args) {
    const grid = toGrid(args[0]);
    const matcher = sharedMatcher(settingsFrom(args[1]));
    const rows = projectRows([grid]);
    const out: CatalogCell[] = [];
    for (let r = 0; r < rows; r++) {
      const cells = rowCells(grid, r);
      const errorCell = cells.find(isErrorValue);
      if (errorCell !== undefined)
        out.push(catalogError({ code: 'function.errorValue', params: { value: errorCell } }));
      else if (cells.every(isBlank)) out.push('');
      else out.push(matcher.matchAll(listOf(cells, true)).names.length);
    }
    return column(out);
  },
};

function numberOrNull(cell: CellValue): number | null {
  if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
  if (typeof cell === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(cell))
    return Number(cell.trim().replace(',', '.'));
  return null;
}

const SCORE: CatalogFunction = {
  name: 'SCORE',
  help: {
    fr: 'Note pondérée sur 100 de chaque ligne de notes (S.O. exclu du calcul).',
    en: 'Weighted score out of 100 for each row of notes (N/A left out).',
  },
  params: [
    param(
      'notes',
      'scores',
      'Les notes, une colonne par critère, une ligne par évaluation.',
      'Scores, one column per criterion, one row per review.',
    ),
    param('ponderations', 'weights', 'La pondération de chaque critère.', 'The weight of each criterion.'),
    param(
      'maximums',
      'maximums',
      `La note maximale de chaque critère (facultatif ; ${DEFAULT_CRITERION_MAX} par défaut).`,
      `The maximum score of each criterion (optional; ${DEFAULT_CRITERION_MAX} by default).`,
      true,
    ),
  ],
  resultType: 'number',
  invoke(args) {
    const notes = toGrid(args[0]);
    const weights = flatten(toGrid(args[1])).map(numberOrNull);
    const columns = notes.reduce((max, row) => Math.max(max, row.length), 1);
    const maxArg =
      args[2] === undefined || isAbsent(args[2]) ? null : flatten(toGrid(args[2])).map(numberOrNull);
    const maximums = maxArg ?? weights.map(() => DEFAULT_CRITERION_MAX);
    const shapeError =
      weights.length !== columns || weights.some((w) => w === null || w < 0)
        ? catalogError({
            code: 'function.weightsShape',
            params: { expected: columns, found: weights.length },
          })
        : maximums.length !== columns || maximums.some((m) => m === null || m <= 0)
          ? catalogError({
              code: 'function.maximumsShape',
              params: { expected: columns, found: maximums.length },
            })
          : null;
    const settings: Settings = {
      ...PRESET_SETTINGS,
      criteria: weights.map((weight, c) => ({
        name: `c${c + 1}`,
        weight: weight ?? 0,
        max: maximums[c] ?? 1,
      })),
    };
    const rows = projectRows([notes]);
    const out: CatalogCell[] = [];
    for (let r = 0; r < rows; r++) {
      const cells = rowCells(notes, r);
      if (cells.every(isBlank)) {
        out.push('');
        continue;
      }
      if (shapeError) {
        out.push(shapeError);
        continue;
      }
      const scores: Record<string, number | 'NA' | null> = {};
      let error: CatalogError | null = null;
      cells.forEach((cell, c) => {
        if (error) return;
        const criterion = settings.criteria[c];
        // The grid reader's reading of a score cell, so that SCORE() and the Classement agree.
        const parsed = parseScoreCell(isBlank(cell) ? null : cell);
        if (parsed.kind === 'blank') scores[criterion.name] = null;
        else if (parsed.kind === 'invalid')
          error = catalogError({ code: 'function.notANumber', params: { value: String(cell) } });
        else if (parsed.value === 'NA') scores[criterion.name] = 'NA';
        else if (parsed.value < 0 || parsed.value > criterion.max)
          error = catalogError({
            code: 'function.outOfRange',
            params: { value: parsed.value, max: criterion.max, criterion: `${c + 1}` },
          });
        else scores[criterion.name] = parsed.value;
      });
      if (error) {
        out.push(error);
        continue;
      }
      const { score } = scoreReview(
        { projectId: '', evaluator: '', scores, conflict: false, comment: '' },
        settings,
      );
      out.push(score === null ? '' : score);
    }
    return column(out);
  },
};

const CARRYFORWARD: CatalogFunction = {
  name: 'CARRYFORWARD',
  help: {
    fr: 'Report budgétaire par exercice : Enveloppe, Report reçu, Disponible, Engagé, Solde reporté.',
    en: 'Budget carry-forward by year: Envelope, Carried in, Available, Committed, Carried forward.',
  },
  params: [
    param(
      'enveloppes',
      'envelopes',
      'L’enveloppe de chaque exercice (une ligne ou une colonne).',
      'Each year’s envelope (a row or a column).',
    ),
    param(
      'engagements',
      'commitments',
      'Montants engagés : une colonne par exercice, une ligne par projet (additionnées).',
      'Committed amounts: one column per year, one row per project (summed).',
    ),
  ],
  resultType: 'number',
  invoke(args) {
    const envelopeGrid = trimBlankRows(toGrid(args[0]));
    // A column of envelopes means years run down the rows: commitments then have one row per year.
    const yearsDown = envelopeGrid.length > 1 && envelopeGrid.every((row) => row.length === 1);
    const envelopeCells = flatten(envelopeGrid);
    // No envelope at all (blank cells): one blank cell, as a blank project row gives.
    if (envelopeCells.length === 0) return [['']];
    const commitmentGrid = trimBlankRows(toGrid(args[1]));
    // With years down the rows, commitments are transposed only when they too run one row per year;
    // otherwise their rows are projects and their columns years, as the help says.
    const commitmentsDown =
      yearsDown &&
      commitmentGrid.length === envelopeGrid.length &&
      commitmentGrid[0].length !== envelopeGrid.length;
    const byYear = commitmentsDown ? transpose(commitmentGrid) : commitmentGrid;
    const envelopes: number[] = [];
    for (const cell of envelopeCells) {
      const parsed = parseMoney(cell);
      if (parsed.kind === 'invalid') return [[catalogError(parsed)]];
      envelopes.push(parsed.kind === 'amount' ? parsed.cents : 0);
    }
    const years = envelopes.map((envelopeCents, i) => ({ label: `${2000 + i}-${2001 + i}`, envelopeCents }));
    const projects: Project[] = [];
    for (const [r, row] of byYear.entries()) {
      const grantedCents: Record<string, number> = {};
      for (const [y, cell] of row.entries()) {
        if (y >= years.length) break;
        const parsed = parseMoney(cell);
        if (parsed.kind === 'invalid') return [[catalogError(parsed)]];
        if (parsed.kind === 'amount') grantedCents[years[y].label] = parsed.cents;
      }
      projects.push(syntheticAcceptedProject(`E${r + 1}`, grantedCents));
    }
    const ledger = computeLedger(years, projects, [], PRESET_SETTINGS);
    return ledger.years.map((y) =>
      [y.envelopeCents, y.carriedInCents, y.availableCents, y.committedCents, y.balanceCents].map(
        centsToDollars,
      ),
    );
  },
};

function transpose(grid: CellValue[][]): CellValue[][] {
  const columns = grid.reduce((max, row) => Math.max(max, row.length), 1);
  return Array.from({ length: columns }, (_, c) => grid.map((row) => row[c] ?? null));
}

function syntheticAcceptedProject(id: string, grantedCents: Record<string, number>): Project {
  return {
    id,
    title: '',
    lead: '',
    partners: [],
    supports: [],
    municipalities: [],
    priorities: [],
    start: null,
    end: null,
    totalCostCents: null,
    requestedCents: {},
    grantedCents,
    decision: 'Accepté',
    reportReceived: null,
  };
}

const FISCAL_YEAR: CatalogFunction = {
  name: 'FISCAL_YEAR',
  help: {
    fr: 'L’exercice financier du gouvernement du Québec (1er avril au 31 mars) d’une date : « 2020-2021 ».',
    en: 'The Quebec government fiscal year (April 1 to March 31) of a date: « 2020-2021 ».',
  },
  params: [param('date', 'date', 'Une date, une cellule ou une plage.', 'A date, a cell or a range.')],
  resultType: 'string',
  invoke(args) {
    return mapCells(args[0], (cell) => {
      const parsed = parseDate(cell);
      if (parsed.kind === 'date') return fiscalYearOf(parsed.iso);
      if (parsed.kind === 'invalid') return catalogError(parsed);
      return '';
    });
  },
};

const AMOUNT: CatalogFunction = {
  name: 'AMOUNT',
  help: {
    fr: 'Le montant en dollars d’un texte comme « 195 007 $ », « 25 350,72 $ » ou « - $ ».',
    en: 'The amount in dollars of text such as « 195 007 $ », « 25 350,72 $ » or « - $ ».',
  },
  params: [param('texte', 'text', 'Un montant saisi comme texte.', 'An amount typed as text.')],
  resultType: 'number',
  invoke(args) {
    return mapCells(args[0], (cell) => {
      const parsed = parseMoney(cell);
      if (parsed.kind === 'amount') return centsToDollars(parsed.cents);
      if (parsed.kind === 'invalid') return catalogError(parsed);
      return '';
    });
  },
};

/** Every spreadsheet function, declared once; the Excel metadata and the Apps Script stubs derive from it. */
export const CATALOG: readonly CatalogFunction[] = [
  ELIGIBLE,
  REASONS,
  MUNICIPALITIES,
  SCORE,
  CARRYFORWARD,
  FISCAL_YEAR,
  AMOUNT,
];

export function catalogFunction(name: CatalogName): CatalogFunction {
  const found = CATALOG.find((f) => f.name === name);
  if (!found) throw new Error(`Unknown catalog function ${name}`);
  return found;
}
