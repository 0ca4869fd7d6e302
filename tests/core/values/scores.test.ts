import { describe, expect, it } from 'vitest';
import { parseScoreCell } from '../../../core/values/scores.js';

describe('parseScoreCell', () => {
  it.each([
    [8, 8],
    ['7,5', 7.5],
    [' 7.5 ', 7.5],
    ['10', 10],
    ['S.O.', 'NA'],
    ['SO', 'NA'],
    ['n/a', 'NA'],
    ['NA', 'NA'],
    ['Sans objet', 'NA'],
  ])('%j → %j', (cell, expected) => {
    expect(parseScoreCell(cell)).toEqual({ kind: 'score', value: expected });
  });

  it('tells blanks from text that is not a score', () => {
    expect(parseScoreCell(null)).toEqual({ kind: 'blank' });
    expect(parseScoreCell('  ')).toEqual({ kind: 'blank' });
    expect(parseScoreCell('très bon')).toEqual({ kind: 'invalid' });
    expect(parseScoreCell('7/10')).toEqual({ kind: 'invalid' });
    expect(parseScoreCell(true)).toEqual({ kind: 'invalid' });
  });
});
