/** A criterion score as staff type it: the one reading shared by the grid, Reformater and SCORE(). */
import type { CellValue } from '../cells.js';
import { isNotApplicable } from './vocabulary.js';

export type ScoreCell = { kind: 'blank' } | { kind: 'score'; value: number | 'NA' } | { kind: 'invalid' };

/** A number, `7,5` or `7.5` as text, or one of the S.O. forms; blank text is blank. */
export function parseScoreCell(value: CellValue): ScoreCell {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { kind: 'score', value } : { kind: 'invalid' };
  if (typeof value !== 'string') return { kind: 'invalid' };
  const text = value.trim();
  if (text === '') return { kind: 'blank' };
  if (text.length > 40) return { kind: 'invalid' };
  const number = /^[+-]?\d+(?:[.,]\d+)?$/.exec(text.replace(/[\s\u00A0\u202F]/g, ''));
  if (number) return { kind: 'score', value: Number(number[0].replace(',', '.')) };
  if (isNotApplicable(text)) return { kind: 'score', value: 'NA' };
  return { kind: 'invalid' };
}
