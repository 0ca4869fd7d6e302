/**
 * Where a Google Sheet's array formulas put their results: `getFormulas()` gives those cells no
 * formula of their own, so they are found from the anchors and marked computed for core.
 */
import { type CellArea, isBlank, type SheetSnapshot } from '../core/cells.js';
import { SHEETS_PREFIX } from './functions.js';

/**
 * Functions whose result fills more than their own cell in Google Sheets (the array formulas whose
 * outputs `getFormulas()` shows as plain values), and the catalog's own custom functions.
 */
const ARRAY_FUNCTIONS = new RegExp(
  String.raw`^=\s*(?:ARRAYFORMULA|QUERY|FILTER|SORT|SORTN|UNIQUE|IMPORTRANGE|IMPORTDATA|IMPORTHTML|IMPORTXML|IMPORTFEED|SPLIT|SEQUENCE|FLATTEN|TRANSPOSE|MMULT|ARRAY_CONSTRAIN|TOCOL|TOROW|HSTACK|VSTACK|WRAPROWS|WRAPCOLS|CHOOSEROWS|CHOOSECOLS|BYROW|BYCOL|MAP|MAKEARRAY|SCAN|GOOGLEFINANCE|${SHEETS_PREFIX}\w+)\s*\(|^=\s*\{`,
  'i',
);

/**
 * Where the array formulas of a sheet put their results, read from the anchors: from each anchor,
 * the run of filled cells without a formula below it and beside it. Sheets has no call that gives
 * an array's extent; a cell taken for an output is only ever left alone, never lost.
 */
export function arrayFormulaAreas(sheet: SheetSnapshot): CellArea[] {
  const areas: CellArea[] = [];
  const formulas = sheet.formulas;
  if (!formulas) return areas;
  const filled = (r: number, c: number) => !isBlank(sheet.values[r]?.[c]) && !formulas[r]?.[c];
  formulas.forEach((row, r) => {
    row.forEach((formula, c) => {
      if (!formula || !ARRAY_FUNCTIONS.test(formula)) return;
      let rows = 1;
      while (filled(r + rows, c)) rows++;
      let cols = 1;
      while (filled(r, c + cols)) cols++;
      if (rows > 1 || cols > 1) areas.push({ row: r, col: c, rows, cols });
    });
  });
  return areas;
}
