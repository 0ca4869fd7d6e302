import { describe, expect, it } from 'vitest';
import type { FunctionDeclaration } from '../../../core/catalog/declarations.js';
import { isCatalogError, type PerRow, runFunction } from '../../../core/catalog/runner.js';

const FR = { lang: 'fr', date1904: false } as const;

const COUNT = {
  name: 'COUNT',
  params: [
    { key: 'names', type: 'names' },
    { key: 'end', type: 'endDate', optional: true },
  ],
  result: 'any',
} as const satisfies FunctionDeclaration;

/** A toy function: how many names, and the end date it read. */
const count: PerRow<typeof COUNT, number> = {
  kind: 'rows',
  prepare: () => 7,
  row: ({ names, end }, prepared) => `${names.length}:${end ?? '-'}:${prepared}`,
};

describe('runFunction', () => {
  it('reads each row with the grid parsers and broadcasts a one-row argument to every row', () => {
    const result = runFunction(COUNT, count, [[['A; B'], ['C'], [null], ['D;E;F']], [['mars 2022']]], FR);
    expect(result).toEqual([['2:2022-03-31:7'], ['1:2022-03-31:7'], ['0:2022-03-31:7'], ['3:2022-03-31:7']]);
  });

  it('answers a row holding an error cell or an unreadable date with that row’s error only', () => {
    const result = runFunction(
      COUNT,
      count,
      [
        [['A'], ['#N/A'], ['B']],
        [[null], [null], ['32/13/2022']],
      ],
      { lang: 'en', date1904: false },
    );
    expect(result[0]).toEqual(['1:-:7']);
    expect(isCatalogError(result[1][0]) && result[1][0].messageEn).toMatch(/#N\/A/);
    expect(isCatalogError(result[2][0])).toBe(true);
  });

  it('gives an error from prepare to every row that is not blank', () => {
    const failing: PerRow<typeof COUNT, number> = {
      ...count,
      prepare: () => ({ error: '#VALUE!', message: 'non', messageEn: 'no' }),
    };
    const result = runFunction(COUNT, failing, [[['A'], [null], ['B']]], FR);
    expect(result.map((row) => (isCatalogError(row[0]) ? row[0].message : row[0]))).toEqual([
      'non',
      '',
      'non',
    ]);
  });
});
