import type { ActionName } from './action-table.js';
import type { CellState, CellValue } from './cells.js';
import type { Lang } from './messages/index.js';

/** A formula in invariant English form (`=SUM(B2:B5)`), written with Excel `formulas` / Sheets `setFormulas`. */
export interface Formula {
  formula: string;
  /**
   * What the tool computes the formula gives: the cached value of a host that keeps one (.xlsx), so
   * that a preview (mail, Drive) shows the figure before any spreadsheet recalculates it.
   */
  result?: number | string;
}

/** A plain value (strings are always written as text, even when they start with `=`) or a formula. */
export type PlanValue = CellValue | Formula;

export function isFormula(value: unknown): value is Formula {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'formula' in value;
}

/** A rectangle written in one call. `row`/`col` are 0-based; every row of `values` has the same length. */
export interface Block {
  row: number;
  col: number;
  values: PlanValue[][];
  /** Same shape as `values`; null keeps the sheet's format. Invariant codes such as `#,##0.00 "$"`. */
  numberFormats?: (string | null)[][];
  bold?: boolean;
  /** Background for the whole block, `#RRGGBB`. */
  fill?: string;
  /** Internal links (`#'Projets'!F7`) per cell, same shape as `values`, null for none. */
  links?: (string | null)[][];
  /** Long text wraps inside its cell (table headers), the row growing to show it. */
  wrap?: boolean;
  /** Horizontal alignment of the block's cells; absent keeps the host's (numbers right, text left). */
  align?: 'left' | 'center' | 'right';
}

/**
 * A highlight on one cell of a staff sheet: fill (`#RRGGBB`, or a palette token the same host read,
 * such as `theme:5:0.6` from an .xlsx) and note; `null` restores « none ».
 */
export interface CellMark {
  cell: string;
  fill?: string | null;
  note?: string | null;
}

export interface ListValidation {
  /** A1 range on this sheet, e.g. `M2:M1000`. */
  range: string;
  list: string[];
  /** Shown when a cell of the range is selected (Excel's input message, Sheets' help text). */
  prompt?: string;
}

export interface ChartSpec {
  type: 'column' | 'line';
  title: string;
  /** A1 range of the categories (year labels), without header. */
  categories: string;
  /** One series per entry: its name and A1 range of values (same length as categories). */
  series: { name: string; values: string }[];
  /** Top-left cell where the chart is placed. */
  anchor: string;
  /** Last cell the chart covers (bottom right): it lies within the printed columns, above a page break. */
  end: string;
  /** Size in pixels, the size of the cells from `anchor` to `end` (hosts that size charts by pixels). */
  width: number;
  height: number;
}

/** A field of a page footer that the printer fills in. */
export interface FooterField {
  field: 'page' | 'pages';
}

/** One section of a footer: text and fields (`page `, {page}, ` de `, {pages}). */
export type FooterText = readonly (string | FooterField)[];

/**
 * How a generated sheet prints (design: every sheet staff print for the council). Hosts that have
 * print settings write it as is; Google Sheets has none (apps-script/sheets-adapter.ts).
 */
export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  /** Scaled to this many pages wide, as many pages tall as it needs. */
  fitToPagesWide: number;
  /** Rows repeated at the top of every printed page, 0-based and inclusive. */
  titleRows?: { first: number; last: number };
  /** The A1 range printed: the tool's control columns lie outside it. */
  printArea?: string;
  /** 0-based rows that start a new page (so that a chart is never cut across two pages). */
  rowBreaks?: number[];
  footer: { left: FooterText; center: FooterText; right: FooterText };
}

/**
 * What to do to one sheet.
 * - `replace`: a sheet the tool generates; cleared (or created) then written.
 * - `edit`: cells of a staff sheet changed in place (values only where `blocks` say; marks).
 * - `append`: rows added below the last used row (the Journal).
 */
export interface SheetPlan {
  sheet: string;
  mode: 'replace' | 'edit' | 'append';
  blocks: Block[];
  marks?: CellMark[];
  validations?: ListValidation[];
  /** Column widths in characters, by 0-based column. */
  columnWidths?: { col: number; width: number }[];
  /**
   * Heights in points of the rows whose wrapped text takes more than one line, estimated from the
   * text and the column widths (`wrappedRowHeights`): for files, which no program measures before
   * printing. Excel measures its own (`autofitRows`), Sheets grows rows with wrapped text itself.
   */
  rowHeights?: { row: number; height: number }[];
  frozenRows?: number;
  /** 0-based columns to hide (bookkeeping the tool reads back, such as Validation's original fills). */
  hiddenColumns?: number[];
  charts?: ChartSpec[];
  /** Hide the sheet (e.g. nothing). */
  hidden?: boolean;
  /** How the sheet prints: generated sheets declare it. */
  pageSetup?: PageSetup;
}

/** One staff cell a changing action sets: what it read there (compare-and-set, Journal) and what it writes. */
export interface CellChange {
  sheet: string;
  /** A1 address. */
  cell: string;
  before: CellState;
  after: PlanValue;
  /** Number format set with the value (Reformater's dates and amounts); absent keeps the cell's. */
  format?: string;
  /**
   * Written only when the user asks (Annuler: staff changed the cell since the operation;
   * « Sommaire budgétaire »: a text source it offers to convert first).
   */
  optional?: boolean;
  /** Annuler: the Journal rows (0-based) this change undoes, marked « Annulée » once it is written. */
  undoes?: number[];
}

/** The staff cells a changing action sets, journaled as one operation. */
export interface Operation {
  /** `2026-11-27T14:03:05Z-reformat` */
  id: string;
  action: ActionName;
  at: Date;
  changes: CellChange[];
  /** Annuler: the operation it undoes. */
  undoes?: string;
}

export interface Plan {
  action: string;
  sheets: SheetPlan[];
  /**
   * Staff cells this plan changes (Reformater, Annuler). The write path turns them into the writes
   * and the Journal rows, after the compare-and-set has kept only the cells that still hold `before`.
   */
  operation?: Operation;
  /**
   * The sheets to write instead of `sheets` when the user also asks for the optional changes
   * (« Sommaire budgétaire »: live formulas over the text cells its offered conversion turns into numbers).
   */
  sheetsWithOptional?: SheetPlan[];
  /** How many staff cells this plan changes (shown to the user before applying). */
  changedCells: number;
  /** Sheet to show the user after applying. */
  activate?: string;
}

/** What every sheet plan may be given: the language (French unless asked) and the clock. */
export interface PlanOptions {
  lang?: Lang;
  now?: Date;
}

export function planDefaults(options: PlanOptions): { lang: Lang; now: Date } {
  return { lang: options.lang ?? 'fr', now: options.now ?? new Date() };
}
