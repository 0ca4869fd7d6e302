/**
 * What each spreadsheet function computes, over the values the runner has already read
 * (core/catalog/runner.ts). Names and parameters: core/catalog/declarations.ts; texts: the
 * locale files' `functions` tables.
 */
import { evaluateEligibility } from '../eligibility.js';
import { addMonths, instalments } from '../followup.js';
import { computeLedger } from '../ledger.js';
import { renderIssue } from '../messages/index.js';
import { sharedMatcher } from '../municipalities.js';
import type { Project } from '../records.js';
import { scoreReview } from '../scoring.js';
import { DEFAULT_CRITERION_MAX, PRESET_SETTINGS, type Settings } from '../settings.js';
import { fiscalYearOf, isoToSerial } from '../values/dates.js';
import { centsToDollars } from '../values/money.js';
import type { HostArgument } from './arguments.js';
import { type CatalogName, DECLARATIONS, type Declaration, type DeclarationOf } from './declarations.js';
import {
  type ArgsOf,
  type CallContext,
  type CatalogError,
  type CatalogResult,
  catalogError,
  type Implementation,
  isCatalogError,
  type PerRow,
  runFunction,
} from './runner.js';

export type { CatalogName } from './declarations.js';
export {
  type CatalogCell,
  type CatalogError,
  type CatalogResult,
  isCatalogError,
} from './runner.js';

export interface CatalogFunction {
  name: CatalogName;
  declaration: Declaration;
  /** One argument per parameter, each a single value or a 2-D array; null and '' are blank. */
  invoke(args: HostArgument[], options?: Partial<CallContext>): CatalogResult;
}

type Eligibility = DeclarationOf<'ELIGIBLE'> | DeclarationOf<'REASONS'>;

/** The project the eligibility rules see from one row of the function's arguments. */
function rowProject(args: ArgsOf<Eligibility>): Project {
  return {
    id: '1',
    title: '',
    lead: args.organizations[0] ?? '',
    partners: args.organizations.slice(1),
    supports: args.supports,
    municipalities: args.municipalities,
    priorities: args.priorities,
    start: null,
    end: args.end,
    totalCostCents: null,
    requestedCents: {},
    grantedCents: {},
    decision: null,
    reportReceived: null,
  };
}

function eligibility(args: ArgsOf<Eligibility>) {
  return evaluateEligibility(rowProject(args), args.settings, sharedMatcher(args.settings));
}

const ELIGIBLE: PerRow<DeclarationOf<'ELIGIBLE'>, null> = {
  kind: 'rows',
  prepare: () => null,
  row: (args) => eligibility(args).eligible,
};

const REASONS: PerRow<DeclarationOf<'REASONS'>, null> = {
  kind: 'rows',
  prepare: () => null,
  row: (args, _, { lang }) =>
    eligibility(args)
      .reasons.map((reason) => renderIssue(reason, lang))
      .join('; '),
};

const MUNICIPALITIES: PerRow<DeclarationOf<'MUNICIPALITIES'>, null> = {
  kind: 'rows',
  prepare: () => null,
  row: (args) => sharedMatcher(args.settings).matchAll(args.municipalities).names.length,
};

/**
 * The criteria SCORE() weighs each row with: one weight and one maximum per column of scores
 * (every row has as many cells as the range has columns).
 */
function scoreSettings(
  columns: number,
  weights: (number | null)[],
  maximums: (number | null)[] | null,
): Settings | CatalogError {
  if (weights.length !== columns || weights.some((w) => w === null || w < 0))
    return catalogError({
      code: 'function.weightsShape',
      params: { expected: columns, found: weights.length },
    });
  const max = maximums ?? weights.map(() => DEFAULT_CRITERION_MAX);
  if (max.length !== columns || max.some((m) => m === null || m <= 0))
    return catalogError({ code: 'function.maximumsShape', params: { expected: columns, found: max.length } });
  return {
    ...PRESET_SETTINGS,
    criteria: weights.map((weight, c) => ({ name: `c${c + 1}`, weight: weight ?? 0, max: max[c] ?? 1 })),
  };
}

interface ScoreCall {
  weights: (number | null)[];
  maximums: (number | null)[] | null;
  /** Made at the first row: every row has the range's width. */
  settings?: Settings | CatalogError;
}

const SCORE: PerRow<DeclarationOf<'SCORE'>, ScoreCall> = {
  kind: 'rows',
  prepare: ({ weights, maximums }) => ({ weights: weights ?? [], maximums }),
  row({ scores }, call) {
    call.settings ??= scoreSettings(scores.length, call.weights, call.maximums);
    const settings = call.settings;
    if (isCatalogError(settings)) return settings;
    const byCriterion: Record<string, number | 'NA' | null> = {};
    for (const [c, value] of scores.entries()) {
      const criterion = settings.criteria[c];
      if (typeof value === 'number' && (value < 0 || value > criterion.max))
        return catalogError({
          code: 'function.outOfRange',
          params: { value, max: criterion.max, criterion: `${c + 1}` },
        });
      byCriterion[criterion.name] = value;
    }
    const { score } = scoreReview(
      { projectId: '', evaluator: '', scores: byCriterion, conflict: false, comment: '' },
      settings,
    );
    return score ?? '';
  },
};

const CARRYFORWARD: Implementation<DeclarationOf<'CARRYFORWARD'>> = {
  kind: 'whole',
  run({ envelopes: envelopeGrid, commitments: commitmentGrid }) {
    // A column of envelopes means years run down the rows: commitments then have one row per year.
    const yearsDown = envelopeGrid.length > 1 && envelopeGrid.every((row) => row.length === 1);
    const envelopeCells = trailingBlanksCut(envelopeGrid.flat());
    // No envelope at all (blank cells): one blank cell, as a blank project row gives.
    if (envelopeCells.length === 0) return [['']];
    // With years down the rows, commitments are transposed only when they too run one row per year;
    // otherwise their rows are projects and their columns years, as the help says.
    const commitmentsDown =
      yearsDown &&
      commitmentGrid.length === envelopeGrid.length &&
      (commitmentGrid[0]?.length ?? 0) !== envelopeGrid.length;
    const byYear = commitmentsDown ? transpose(commitmentGrid) : commitmentGrid;
    const years = envelopeCells.map((cents, i) => ({
      label: `${2000 + i}-${2001 + i}`,
      envelopeCents: cents ?? 0,
    }));
    const projects = byYear.map((row, r) => {
      const grantedCents: Record<string, number> = {};
      for (const [y, cents] of row.entries()) {
        if (y < years.length && cents !== null) grantedCents[years[y].label] = cents;
      }
      return syntheticAcceptedProject(`E${r + 1}`, grantedCents);
    });
    const ledger = computeLedger(years, projects, [], PRESET_SETTINGS);
    return ledger.years.map((y) =>
      [y.envelopeCents, y.carriedInCents, y.availableCents, y.committedCents, y.balanceCents].map(
        centsToDollars,
      ),
    );
  },
};

function trailingBlanksCut<T>(cells: (T | null)[]): (T | null)[] {
  let length = cells.length;
  while (length > 0 && cells[length - 1] === null) length--;
  return cells.slice(0, length);
}

function transpose<T>(grid: (T | null)[][]): (T | null)[][] {
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

const FISCAL_YEAR: Implementation<DeclarationOf<'FISCAL_YEAR'>> = {
  kind: 'cells',
  cell: (iso) => fiscalYearOf(iso),
};

const AMOUNT: Implementation<DeclarationOf<'AMOUNT'>> = {
  kind: 'cells',
  cell: (cents) => centsToDollars(cents),
};

/** The delay the call gives, or the plan's (Délai de reddition) when left out. */
function reportMonths(months: (number | null)[] | null): number | CatalogError {
  if (months === null) return PRESET_SETTINGS.reportDelayMonths;
  const [value] = months;
  if (value === null || value === undefined || !Number.isInteger(value) || value < 0)
    return catalogError({ code: 'function.monthsInvalid', params: { value: String(value ?? '') } });
  return value;
}

/** A date as both hosts read it back: a serial of the workbook's date system (format the cell as a date). */
const REPORT_DUE: PerRow<DeclarationOf<'REPORT_DUE'>, number> = {
  kind: 'rows',
  prepare: ({ months }) => reportMonths(months),
  row: ({ end }, months, { date1904 }) => (end === null ? '' : isoToSerial(addMonths(end, months), date1904)),
};

const INSTALMENTS: Implementation<DeclarationOf<'INSTALMENTS'>> = {
  kind: 'whole',
  run({ grant, shares }) {
    // One row of instalments per grant; a blank grant gives a blank row.
    return grant.map((row) => {
      const cents = row.find((cell) => cell !== null) ?? null;
      if (cents === null) return shares.map(() => '');
      return instalments(cents, shares).map(centsToDollars);
    });
  },
};

const IMPLEMENTATIONS: { [N in CatalogName]: Implementation<DeclarationOf<N>> } = {
  ELIGIBLE,
  REASONS,
  MUNICIPALITIES,
  SCORE,
  CARRYFORWARD,
  FISCAL_YEAR,
  AMOUNT,
  REPORT_DUE,
  INSTALMENTS,
};

function catalogEntry<D extends Declaration>(declaration: D): CatalogFunction {
  const implementation = IMPLEMENTATIONS[declaration.name] as Implementation<D>;
  return {
    name: declaration.name,
    declaration,
    invoke: (args, options) =>
      runFunction(declaration, implementation, args, {
        lang: options?.lang ?? 'fr',
        date1904: options?.date1904 ?? false,
      }),
  };
}

/** Every spreadsheet function; the Excel metadata and the Apps Script stubs derive from it. */
export const CATALOG: readonly CatalogFunction[] = DECLARATIONS.map(catalogEntry);

export function catalogFunction(name: CatalogName): CatalogFunction {
  const found = CATALOG.find((f) => f.name === name);
  if (!found) throw new Error(`Unknown catalog function ${name}`);
  return found;
}
