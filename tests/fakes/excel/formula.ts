/**
 * The smallest formula evaluator the host fakes need: a formula that is only a reference to a cell
 * of another sheet (`='Sommaire budgétaire'!B6`, `=Projets!C3`) or a `SUM` of such references
 * (`=SUM('Budget prévisionnel'!B2:B5)`). It lets a test put a staff formula next to a generated
 * sheet and see whether it still shows the right figure after the add-in rewrote that sheet, or
 * `#REF!` after the sheet was deleted. Any other formula is not computed (its stored value stays).
 * Shared by the Office.js fake and the SpreadsheetApp fake (tests/fakes/spreadsheet-app.ts).
 */
import { columnIndex } from '../../../core/a1.js';

/** Error values both hosts show in a cell (Excel's and Sheets' spellings). */
export const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#SPILL!',
  '#CALC!',
  '#ERROR!',
]);

export function isErrorValue(value: unknown): value is string {
  return typeof value === 'string' && ERROR_VALUES.has(value);
}

/** A reference to a rectangle of another sheet; rows and columns are 0-based. */
export interface SheetRef {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export type RefFormula =
  | { kind: 'ref'; ref: SheetRef }
  | { kind: 'sum'; refs: SheetRef[] }
  /** The formula holds a `#REF!` left by a deleted sheet: it evaluates to `#REF!`. */
  | { kind: 'broken' };

const SHEET_PREFIX = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!`;
const CELL = String.raw`\$?([A-Za-z]{1,3})\$?(\d+)`;
const REF = new RegExp(`^${SHEET_PREFIX}${CELL}(?::${CELL})?$`);
/** Every sheet prefix in a formula, with the cell or range after it (not after `#` or a letter). */
const PREFIX_GLOBAL = new RegExp(
  String.raw`(?<![#\w'\u00C0-\uFFFF])${SHEET_PREFIX}(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)`,
  'g',
);

export function parseSheetRef(text: string): SheetRef | null {
  const match = REF.exec(text.trim());
  if (!match) return null;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  const r1 = Number(match[4]) - 1;
  const c1 = columnIndex(match[3]);
  const r2 = match[6] !== undefined ? Number(match[6]) - 1 : r1;
  const c2 = match[5] !== undefined ? columnIndex(match[5]) : c1;
  return {
    sheet,
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

/** Splits `a, 'b,c'!A1` on the commas outside quotes. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** The formulas the fakes compute, or null for any other formula. */
export function parseRefFormula(formula: string): RefFormula | null {
  const text = formula.trim();
  if (!text.startsWith('=')) return null;
  if (/#REF!/i.test(text)) return { kind: 'broken' };
  const body = text.slice(1).trim();
  const sum = /^SUM\((.*)\)$/i.exec(body);
  if (sum) {
    const refs = splitArguments(sum[1]).map(parseSheetRef);
    if (refs.length === 0 || refs.some((r) => r === null)) return null;
    return { kind: 'sum', refs: refs as SheetRef[] };
  }
  const ref = parseSheetRef(body);
  // A bare range (`=X!A1:B3`) would be an array result: not a plain reference.
  if (ref?.rows !== 1 || ref.cols !== 1) return null;
  return { kind: 'ref', ref };
}

/**
 * Rewrites every reference to `deleted` (names compare without case, as both hosts do) with
 * `replace(address)`: Excel keeps the address after `#REF!`, Sheets drops the whole reference.
 */
export function breakReferences(
  formula: string,
  deleted: string,
  replace: (address: string) => string,
): string {
  const wanted = deleted.toLowerCase();
  return formula.replace(
    PREFIX_GLOBAL,
    (whole, quoted: string | undefined, plain: string | undefined, address) => {
      const name = quoted !== undefined ? quoted.replace(/''/g, "'") : (plain ?? '');
      return name.toLowerCase() === wanted ? replace(address as string) : whole;
    },
  );
}

/**
 * The value of a parsed formula. `lookup` answers a cell's shown value, or `undefined` when the
 * sheet does not exist; `empty` is what a reference to an empty cell shows (0 in Excel, '' in Sheets).
 */
export function evaluateRefFormula<V>(
  parsed: RefFormula,
  lookup: (sheet: string, row: number, col: number) => V | '' | undefined,
  empty: 0 | '',
): V | number | string {
  if (parsed.kind === 'broken') return '#REF!';
  if (parsed.kind === 'ref') {
    const { sheet, row, col } = parsed.ref;
    const value = lookup(sheet, row, col);
    if (value === undefined) return '#REF!';
    return value === '' ? empty : value;
  }
  let total = 0;
  for (const ref of parsed.refs) {
    for (let r = 0; r < ref.rows; r++) {
      for (let c = 0; c < ref.cols; c++) {
        const value = lookup(ref.sheet, ref.row + r, ref.col + c);
        if (value === undefined) return '#REF!';
        if (isErrorValue(value)) return value;
        // SUM over a range ignores text and logical values.
        if (typeof value === 'number') total += value;
      }
    }
  }
  return total;
}
