import { type CellValue, isBlank } from '../cells.js';

/** A spreadsheet argument as hosts pass it: a single value, or a 2-D array for a range. */
export type HostArgument = unknown;

/** Any host argument as a rectangular 2-D array of cell values (a single value is a 1×1 range). */
export function toGrid(arg: HostArgument): CellValue[][] {
  if (arg === undefined || arg === null) return [[null]];
  if (Array.isArray(arg)) {
    if (arg.length === 0) return [[null]];
    const rows = arg.map((row) => (Array.isArray(row) ? row.map(toCell) : [toCell(row)]));
    // Hosts pass rectangles; anything ragged is padded so every result keeps a rectangular shape.
    const width = rows.reduce((max, row) => Math.max(max, row.length), 1);
    for (const row of rows) while (row.length < width) row.push(null);
    return rows;
  }
  return [[toCell(arg)]];
}

function toCell(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  return String(value);
}

/** The argument is absent (an optional parameter left out, or an empty cell). */
export function isAbsent(arg: HostArgument): boolean {
  const grid = toGrid(arg);
  return grid.every((row) => row.every(isBlank));
}

/**
 * The cells of row `r` of a range argument. A one-row argument applies to every row (a single
 * cell next to a column range); rows beyond the argument's end are blank.
 */
export function rowCells(grid: CellValue[][], r: number): CellValue[] {
  if (grid.length === 1) return grid[0];
  return grid[r] ?? [];
}

/** Rows of the longest argument, ignoring trailing rows that are blank in every argument. */
export function projectRows(grids: CellValue[][][]): number {
  let rows = 0;
  for (const grid of grids) rows = Math.max(rows, grid.length);
  while (rows > 1 && grids.every((grid) => rowCells(grid, rows - 1).every(isBlank))) rows--;
  return rows;
}

/**
 * A range without its trailing blank rows (at least one row kept): a whole-column reference such as
 * `C2:C` hands over every row down to the end of the sheet, in Sheets as in Excel.
 */
export function trimBlankRows(grid: CellValue[][]): CellValue[][] {
  let rows = grid.length;
  while (rows > 1 && grid[rows - 1].every(isBlank)) rows--;
  return rows === grid.length ? grid : grid.slice(0, rows);
}

/**
 * The cells of a range in reading order, for weights, maximums or envelopes given as a row or a
 * column, without the blank cells that trail it.
 */
export function flatten(grid: CellValue[][]): CellValue[] {
  const cells = grid.flat();
  let length = cells.length;
  while (length > 0 && isBlank(cells[length - 1])) length--;
  return cells.slice(0, length);
}
