/** A1 addresses. Rows and columns are 0-based in code, 1-based in addresses. */

import type { CellArea } from './cells.js';

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  const start = cellAddress(row, col);
  if (rows === 1 && cols === 1) return start;
  return `${start}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

/** `B2:D10` or `B2` as a 0-based rectangle; null for anything else (whole columns, other sheets). */
export function parseRangeArea(range: string): CellArea | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(range.trim());
  if (!match) return null;
  const top = Number(match[2]) - 1;
  const left = columnIndex(match[1]);
  const bottom = match[4] === undefined ? top : Number(match[4]) - 1;
  const right = match[3] === undefined ? left : columnIndex(match[3]);
  return {
    row: Math.min(top, bottom),
    col: Math.min(left, right),
    rows: Math.abs(bottom - top) + 1,
    cols: Math.abs(right - left) + 1,
  };
}

export function parseCellAddress(address: string): { row: number; col: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new Error(`Not an A1 cell address: ${address}`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

/** Row-major position of an A1 cell (the first of a range); what does not parse sorts last. */
export function cellPosition(cell: string | undefined): [number, number] {
  if (!cell) return [Number.MAX_SAFE_INTEGER, 0];
  try {
    const { row, col } = parseCellAddress(cell.split(':')[0]);
    return [row, col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, 0];
  }
}

/** `'Sommaire budgétaire'!B3` — quoted whenever the name is not a plain identifier. */
export function sheetReference(sheet: string, address: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return plain ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** `#'Sommaire budgétaire'!B3` or `#Projets!F7` (the plans' internal links) → sheet and cell. */
export function parseInternalLink(link: string): { sheet: string; cell: string } | null {
  const match = /^#(?:'((?:[^']|'')+)'|([^!']+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(
    link,
  );
  if (!match) return null;
  return {
    sheet: match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2],
    cell: match[3].replace(/\$/g, ''),
  };
}
