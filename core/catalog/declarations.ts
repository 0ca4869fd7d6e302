/**
 * Every spreadsheet function, declared once: its name, its typed parameters and its result. No
 * implementation (core/catalog/catalog.ts) and no text (the locale files' `functions` tables): the
 * Excel metadata, the Apps Script stubs and the runner all derive from this list.
 */

/**
 * How the runner reads an argument, with the grid readers' own parsers. Row types are read one
 * row per project (a one-row argument applies to every row); whole types once per call; a cell
 * type keeps the argument's shape, one result per cell.
 */
export type ArgumentType =
  /** Names separated by `;` or line breaks (organizations, supports). */
  | 'names'
  /** Names or numbers separated by `;`, `,` or line breaks (municipalities, priorities). */
  | 'places'
  /** A project's end date; a month alone means its last day. */
  | 'endDate'
  /** A row of criterion scores (numbers or S.O.). */
  | 'scores'
  /** A Paramètres range, or the plan's rules when left out. */
  | 'settings'
  /** Numbers in a row or a column (weights, maximums). */
  | 'numbers'
  /** Amounts in a range, in cents, keeping its rows and columns. */
  | 'amounts'
  /** One date per cell. */
  | 'date'
  /** One amount per cell. */
  | 'amount'
  /** Shares of a whole: `50 %; 40 %; 10 %` in one cell, or one share per cell (0.5 or 50). */
  | 'shares';

export const ROW_TYPES: readonly ArgumentType[] = ['names', 'places', 'endDate', 'scores'];
export const CELL_TYPES: readonly ArgumentType[] = ['date', 'amount'];

export interface ParamDeclaration {
  /** The key of its texts in the locale files, and of its value for the implementation. */
  readonly key: string;
  readonly type: ArgumentType;
  readonly optional?: boolean;
}

export type ResultType = 'boolean' | 'string' | 'number' | 'any';

export interface FunctionDeclaration {
  readonly name: string;
  readonly params: readonly ParamDeclaration[];
  readonly result: ResultType;
}

/** Each parameter's type, once: a key means the same argument in every function that takes it. */
const PARAM_TYPES = {
  organizations: 'names',
  supports: 'names',
  municipalities: 'places',
  priorities: 'places',
  end: 'endDate',
  settings: 'settings',
  scores: 'scores',
  weights: 'numbers',
  maximums: 'numbers',
  envelopes: 'amounts',
  commitments: 'amounts',
  date: 'date',
  text: 'amount',
  months: 'numbers',
  grant: 'amounts',
  shares: 'shares',
} as const satisfies Record<string, ArgumentType>;

type Key = keyof typeof PARAM_TYPES;
type Param<K, Optional extends boolean> = K extends Key
  ? { readonly key: K; readonly type: (typeof PARAM_TYPES)[K] } & (Optional extends true
      ? { readonly optional: true }
      : unknown)
  : never;

/** A function's parameters in order: the required ones, then those that may be left out. */
function params<const R extends readonly Key[], const O extends readonly Key[] = []>(
  required: R,
  optional?: O,
): readonly (Param<R[number], false> | Param<O[number], true>)[] {
  return [
    ...required.map((key) => ({ key, type: PARAM_TYPES[key] })),
    ...(optional ?? []).map((key) => ({ key, type: PARAM_TYPES[key], optional: true })),
  ] as (Param<R[number], false> | Param<O[number], true>)[];
}

const PROJECT_PARAMS = params(
  ['organizations', 'supports', 'municipalities', 'priorities'],
  ['end', 'settings'],
);

export const DECLARATIONS = [
  { name: 'ELIGIBLE', params: PROJECT_PARAMS, result: 'boolean' },
  { name: 'REASONS', params: PROJECT_PARAMS, result: 'string' },
  { name: 'MUNICIPALITIES', params: params(['municipalities'], ['settings']), result: 'number' },
  { name: 'SCORE', params: params(['scores', 'weights'], ['maximums']), result: 'number' },
  { name: 'CARRYFORWARD', params: params(['envelopes', 'commitments']), result: 'number' },
  { name: 'FISCAL_YEAR', params: params(['date']), result: 'string' },
  { name: 'AMOUNT', params: params(['text']), result: 'number' },
  { name: 'REPORT_DUE', params: params(['end'], ['months']), result: 'number' },
  { name: 'INSTALMENTS', params: params(['grant', 'shares']), result: 'number' },
] as const satisfies readonly FunctionDeclaration[];

export type Declaration = (typeof DECLARATIONS)[number];
export type CatalogName = Declaration['name'];
export type DeclarationOf<N extends CatalogName> = Extract<Declaration, { name: N }>;
export type ParamKey = Declaration['params'][number]['key'];
