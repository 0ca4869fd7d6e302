import { describe, expect, it } from 'vitest';
import { inReadingOrder, issueLines } from '../../core/issue-lines.js';
import { issue } from '../../core/issues.js';
import { MAX_GROUP_CELLS } from '../../core/messages/index.js';

const text = (sheet: string, cell: string, value = '1 $') =>
  issue('cell.moneyAsText', 'warning', { sheet, cell }, { value });

describe('issueLines: the repeats of one kind of warning in a sheet, said once', () => {
  it('gathers two or more, in the place of the first, its cells in reading order', () => {
    const lines = issueLines(
      [
        text('Projets', 'D5'),
        issue('review.missingEvaluator', 'warning', { sheet: 'Grille', cell: 'A2' }, { project: 'P-1' }),
        text('Projets', 'C5'),
        text('Projets', 'C10'),
      ],
      'en',
    );
    expect(lines.map((l) => [l.code, l.cells, l.count])).toEqual([
      ['cell.moneyAsText', ['C5', 'D5', 'C10'], 3],
      ['review.missingEvaluator', ['A2'], 1],
    ]);
    expect(lines[0].message).toBe('3 amounts entered as text: Reformat will convert them — C5, D5, C10');
  });

  it('leaves alone a single one, other sheets’ repeats, other codes, and errors', () => {
    const deficit = issue('money.negative', 'error', { sheet: 'Projets', cell: 'C2' }, { value: '-1 $' });
    const lines = issueLines([text('Projets', 'C5'), text('Versements', 'C2'), deficit, deficit], 'fr');
    expect(lines.map((l) => l.count)).toEqual([1, 1, 1, 1]);
    expect(lines[0].message).toMatch(/^Montant saisi comme texte/);
  });

  it('names the first cells and ends with « … » past the limit, counting them all', () => {
    const many = Array.from({ length: MAX_GROUP_CELLS + 5 }, (_, i) => text('Projets', `C${i + 2}`));
    const [line] = issueLines(many, 'fr');
    expect(line.count).toBe(MAX_GROUP_CELLS + 5);
    expect(line.cells).toHaveLength(MAX_GROUP_CELLS + 5);
    expect(line.message).toMatch(
      new RegExp(`^${MAX_GROUP_CELLS + 5} montants .* — C2, C3, .*C${MAX_GROUP_CELLS + 1}, …$`),
    );
  });
});

describe('inReadingOrder', () => {
  it('errors first, then the workbook, each sheet in workbook order, rows as numbers', () => {
    const lines = issueLines(
      [
        text('Versements', 'C2'),
        issue('money.invalid', 'error', { sheet: 'Versements', cell: 'C9' }, { value: 'x' }),
        issue('money.invalid', 'error', { sheet: 'Projets', cell: 'C10' }, { value: 'x' }),
        issue('money.invalid', 'error', { sheet: 'Projets', cell: 'C9' }, { value: 'x' }),
        issue('sheet.noneFound', 'error'),
      ],
      'fr',
    );
    const order = inReadingOrder(lines, ['Projets', 'Versements']).map(
      (l) => `${l.severity} ${l.sheet ?? '-'} ${l.cells[0] ?? ''}`,
    );
    expect(order).toEqual([
      'error - ',
      'error Projets C9',
      'error Projets C10',
      'error Versements C9',
      'warning Versements C2',
    ]);
  });
});
