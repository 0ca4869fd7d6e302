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

const PROJECT_PARAMS = [
  { key: 'organizations', type: 'names' },
  { key: 'supports', type: 'names' },
  { key: 'municipalities', type: 'places' },
  { key: 'priorities', type: 'places' },
  { key: 'end', type: 'endDate', optional: true },
  { key: 'settings', type: 'settings', optional: true },
] as const;

export const DECLARATIONS = [
  { name: 'ELIGIBLE', params: PROJECT_PARAMS, result: 'boolean' },
  { name: 'REASONS', params: PROJECT_PARAMS, result: 'string' },
  {
    name: 'MUNICIPALITIES',
    params: [
      { key: 'municipalities', type: 'places' },
      { key: 'settings', type: 'settings', optional: true },
    ],
    result: 'number',
  },
  {
    name: 'SCORE',
    params: [
      { key: 'scores', type: 'scores' },
      { key: 'weights', type: 'numbers' },
      { key: 'maximums', type: 'numbers', optional: true },
    ],
    result: 'number',
  },
  {
    name: 'CARRYFORWARD',
    params: [
      { key: 'envelopes', type: 'amounts' },
      { key: 'commitments', type: 'amounts' },
    ],
    result: 'number',
  },
  { name: 'FISCAL_YEAR', params: [{ key: 'date', type: 'date' }], result: 'string' },
  { name: 'AMOUNT', params: [{ key: 'text', type: 'amount' }], result: 'number' },
  {
    name: 'REPORT_DUE',
    params: [
      { key: 'end', type: 'endDate' },
      { key: 'months', type: 'numbers', optional: true },
    ],
    result: 'number',
  },
  {
    name: 'INSTALMENTS',
    params: [
      { key: 'grant', type: 'amounts' },
      { key: 'shares', type: 'shares' },
    ],
    result: 'number',
  },
] as const satisfies readonly FunctionDeclaration[];

export type Declaration = (typeof DECLARATIONS)[number];
export type CatalogName = Declaration['name'];
export type DeclarationOf<N extends CatalogName> = Extract<Declaration, { name: N }>;
export type ParamKey = Declaration['params'][number]['key'];
