/** SCORE() and the Grille de sélection read the same cells the same way (one score reading). */
import { describe, expect, it } from 'vitest';
import { catalogFunction, isCatalogError } from '../../../core/catalog/catalog.js';
import { readReviews } from '../../../core/grids/selection.js';
import { scoreReview } from '../../../core/scoring.js';
import { PRESET_SETTINGS } from '../../../core/settings.js';
import { NOT_APPLICABLE_FORMS } from '../../../core/values/vocabulary.js';
import { at, SELECTION_HEADERS, sheet } from '../../fixtures/workbook.js';

const criteria = PRESET_SETTINGS.criteria;

/** Six criterion cells per row, as evaluators type them; every S.O. form appears. */
const ROWS: (string | number | null)[][] = [
  ...NOT_APPLICABLE_FORMS.map((form, i) => [8, form, '7,5', ' 6 ', i % 2 === 0 ? 9 : null, 4]),
  [10, 10, 10, 10, 10, 5],
  ['très bon', 8, 8, 8, 8, 4],
  [11, 8, 8, 8, 8, 4],
];

describe('SCORE() and the grid reader', () => {
  it('read every cell alike: same scores, and an error where the grid reports one', () => {
    const grid = readReviews(
      sheet('Grille de sélection', [
        SELECTION_HEADERS,
        ...ROWS.map((cells, r) => [`P-${r + 1}`, 'Annie', ...cells, 'Non', '']),
      ]),
      PRESET_SETTINGS,
    );
    const fromGrid = grid.reviews.map((review) => scoreReview(review, PRESET_SETTINGS).score);
    const fromCatalog = catalogFunction('SCORE').invoke([
      ROWS,
      [criteria.map((c) => c.weight)],
      [criteria.map((c) => c.max)],
    ]);

    const unreadable = ROWS.findIndex((row) => row.includes('très bon'));
    const aboveMax = ROWS.findIndex((row) => row[0] === 11);
    ROWS.forEach((_, r) => {
      const cell = fromCatalog[r][0];
      if (r === unreadable || r === aboveMax) expect(isCatalogError(cell), `row ${r}`).toBe(true);
      else expect(cell, `row ${r}: ${JSON.stringify(ROWS[r])}`).toBeCloseTo(fromGrid[r] as number, 10);
    });
    // The grid reports the unreadable cell (the range check is scoring's, not the reader's).
    expect(at(grid.issues, 'cell.scoreInvalid')).toEqual([`cell.scoreInvalid@C${unreadable + 2}`]);
    // S.O. is left out of the denominator, never read as a zero or as an error.
    // Row 1: 8, S.O., 7,5, 6, 9, 4 over the preset's weights 25/25/15/15/10/10 and maximums 10…5.
    expect(fromCatalog[0][0]).toBeCloseTo((100 * (20 + 11.25 + 9 + 9 + 8)) / 75, 10);
    expect(fromCatalog.slice(0, NOT_APPLICABLE_FORMS.length).every(([c]) => typeof c === 'number')).toBe(
      true,
    );
  });

  it('accepts N.A., n / a and Non applicable, which SCORE() used to reject', () => {
    for (const form of ['N.A.', 'n / a', 'Non applicable']) {
      expect(catalogFunction('SCORE').invoke([[[8, form]], [[50, 50]]])).toEqual([[80]]);
    }
  });
});
