/**
 * How the generated sheets print: the page setup each plan declares (landscape where wide, one
 * page wide, title rows, print area, a footer with the program, the day it was produced in
 * Montréal and « page N de M »), the place of a chart over cells of known widths, and Excel's
 * header and footer codes, which both Excel hosts (ExcelJS and Office.js) take as they are.
 */
import { cellAddress } from './a1.js';
import { type Lang, SHEET_TEXTS } from './messages/index.js';
import { type Block, type FooterText, isFormula, type PageSetup } from './plan.js';
import { todayIso } from './values/dates.js';

export interface PageSetupOptions {
  lang: Lang;
  /** When the sheet is generated: its day in Montréal goes in the footer. */
  now: Date;
  /** Left of the footer: the program (Paramètres), or what the sheet is. */
  program: string;
  orientation: PageSetup['orientation'];
  titleRows?: PageSetup['titleRows'];
  printArea?: string;
  rowBreaks?: number[];
  /** False for a sheet that grows after it was made (the Journal): no « produced on » day. */
  dated?: boolean;
}

/** The page setup of a generated sheet: one page wide, the common footer. */
export function pageSetup(options: PageSetupOptions): PageSetup {
  const text = SHEET_TEXTS[options.lang].print;
  const setup: PageSetup = {
    orientation: options.orientation,
    fitToPagesWide: 1,
    footer: {
      left: [options.program],
      center: options.dated === false ? [] : [text.produced(todayIso(options.now))],
      right: text.pageOf({ field: 'page' }, { field: 'pages' }),
    },
  };
  if (options.titleRows) setup.titleRows = options.titleRows;
  if (options.printArea) setup.printArea = options.printArea;
  if (options.rowBreaks && options.rowBreaks.length > 0) setup.rowBreaks = options.rowBreaks;
  return setup;
}

/** `A1:G40`: the rectangle from the first cell to the last, both 0-based. */
export function areaAddress(lastRow: number, lastCol: number, firstRow = 0, firstCol = 0): string {
  return `${cellAddress(firstRow, firstCol)}:${cellAddress(lastRow, lastCol)}`;
}

/**
 * Excel's header and footer codes (learn.microsoft.com/office/vba/excel/concepts/workbooks-and-worksheets/formatting-and-vba-codes-for-headers-and-footers):
 * `&P` the page, `&N` the pages, a literal `&` doubled.
 */
export function headerFooterCode(text: FooterText): string {
  return text
    .map((part) =>
      typeof part === 'string' ? part.replace(/&/g, '&&') : part.field === 'page' ? '&P' : '&N',
    )
    .join('');
}

/** A column `width` characters wide, in pixels: 7 per character and 5 of padding (Calibri 11). */
export function columnPixels(width: number): number {
  return Math.round(width * 7 + 5);
}

/** A default row, in pixels (15 points). */
export const ROW_PIXELS = 20;

/**
 * A chart over whole cells: from `row` in columns `firstCol`..`lastCol`, `rows` rows tall; its
 * pixel size is the size of those cells, so every host draws it over the same cells.
 */
export function chartPlace(
  row: number,
  firstCol: number,
  lastCol: number,
  rows: number,
  widths: readonly { col: number; width: number }[],
  defaultWidth = 8.43,
): { anchor: string; end: string; width: number; height: number } {
  const byCol = new Map(widths.map((w) => [w.col, w.width]));
  let width = 0;
  for (let col = firstCol; col <= lastCol; col++) width += columnPixels(byCol.get(col) ?? defaultWidth);
  return {
    anchor: cellAddress(row, firstCol),
    end: cellAddress(row + rows - 1, lastCol),
    width,
    height: rows * ROW_PIXELS,
  };
}

/** A printed line of text, in points (Calibri 11). */
export const LINE_POINTS = 15;

/**
 * Lines `text` takes in a column `width` characters wide, wrapping at spaces as a spreadsheet
 * does. A column's width counts digits; text averages narrower (1.1 letters a digit, to be safe), bold wider (0.9).
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor(width * (bold ? 0.9 : 1.1)));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(' ')) {
      const length = word.length;
      if (used === 0) used = length;
      else if (used + 1 + length <= perLine) used += 1 + length;
      else {
        count += 1;
        used = length;
      }
      // A word longer than the line breaks inside itself.
      while (used > perLine) {
        count += 1;
        used -= perLine;
      }
    }
    lines += count;
  }
  return lines;
}

/** The height of every row of the wrapped blocks whose text takes more than one line. */
export function wrappedRowHeights(
  blocks: readonly Block[],
  widths: readonly { col: number; width: number }[],
  defaultWidth = 8.43,
): { row: number; height: number }[] {
  const byCol = new Map(widths.map((w) => [w.col, w.width]));
  const lines = new Map<number, number>();
  for (const block of blocks) {
    if (!block.wrap) continue;
    block.values.forEach((values, i) => {
      values.forEach((value, j) => {
        if (typeof value !== 'string' || isFormula(value)) return;
        const count = wrappedLines(value, byCol.get(block.col + j) ?? defaultWidth, block.bold);
        const row = block.row + i;
        if (count > (lines.get(row) ?? 1)) lines.set(row, count);
      });
    });
  }
  return [...lines].sort((a, b) => a[0] - b[0]).map(([row, count]) => ({ row, height: count * LINE_POINTS }));
}
