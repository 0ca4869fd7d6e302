import { describe, expect, it } from 'vitest';
import { readReviews } from '../../../core/grids/selection.js';
import { PRESET_SETTINGS } from '../../../core/settings.js';
import { at, SELECTION_HEADERS, sheet } from '../../fixtures/workbook.js';

describe('readReviews', () => {
  it('reads one review per row, scores by criterion name, and maps project numbers onto Projets', () => {
    const reading = readReviews(
      sheet('Grille de sélection', [
        ['Grille de sélection — comité du 2020-03-10'],
        SELECTION_HEADERS,
        ['p-001', 'Annie Gaudreau', 8, '7,5', 'S.O.', 6, 9, 4, 'Non', 'Solide partenariat'],
        [],
        ['P-001', 'Marc Bélanger', 9, 8, 7, 7, 8, 5, 'Oui', 'Siège au CA de Moisson'],
      ]),
      PRESET_SETTINGS,
      new Map([['p-001', 'P-001']]),
    );
    expect(reading.issues).toEqual([]);
    expect(reading.layout?.rows).toEqual([2, 4]);
    expect(reading.reviews[0]).toEqual({
      projectId: 'P-001',
      evaluator: 'Annie Gaudreau',
      scores: {
        'Réponse aux priorités du plan': 8,
        'Impact sur la pauvreté et l’exclusion': 7.5,
        'Concertation et partenariat': 'NA',
        'Portée territoriale': 6,
        'Faisabilité et budget': 9,
        Pérennité: 4,
      },
      conflict: false,
      comment: 'Solide partenariat',
      origin: {
        sheet: 'Grille de sélection',
        cells: expect.objectContaining({
          id: 'A3',
          evaluator: 'B3',
          'criterion Pérennité': 'H3',
          conflict: 'I3',
        }),
      },
    });
    expect(reading.reviews[1]).toMatchObject({ projectId: 'P-001', conflict: true });
  });

  it('reports unreadable scores and conflicts at their cells', () => {
    const reading = readReviews(
      sheet('Grille de sélection', [
        SELECTION_HEADERS,
        ['P-001', 'Annie Gaudreau', 'excellent', 7, 7, 7, 7, '#DIV/0!', 'Peut-être', ''],
      ]),
      PRESET_SETTINGS,
    );
    expect(at(reading.issues)).toEqual([
      'cell.scoreInvalid@C2',
      'cell.errorValue@H2',
      'cell.conflictInvalid@I2',
    ]);
    expect(reading.reviews[0].scores['Réponse aux priorités du plan']).toBeNull();
    expect(reading.reviews[0].conflict).toBe(false);
  });

  it('warns about a criterion missing from the grid and a score column that is not a criterion', () => {
    const reading = readReviews(
      sheet('Selection grid', [
        [
          'Evaluator',
          'ID',
          'Réponse aux priorités du plan',
          'Impact sur la pauvreté et l’exclusion',
          'Innovation',
        ],
        ['Annie Gaudreau', 'P-001', 8, 7, 9],
      ]),
      { ...PRESET_SETTINGS, criteria: PRESET_SETTINGS.criteria.slice(0, 3) },
    );
    expect(at(reading.issues)).toEqual(['header.criterionMissing@B1', 'header.unknownCriterion@E1']);
    expect(reading.issues[0].params?.criterion).toBe('Concertation et partenariat');
  });

  it('does not take a Total column for a criterion', () => {
    const reading = readReviews(
      sheet('Grille de sélection', [
        [...SELECTION_HEADERS, 'Total'],
        ['P-001', 'Annie Gaudreau', 8, 7, 7, 7, 7, 4, '', '', 80],
      ]),
      PRESET_SETTINGS,
    );
    expect(reading.issues).toEqual([]);
  });

  it('requires No and Évaluateur', () => {
    const reading = readReviews(
      sheet('Grille de sélection', [
        ['No', 'Réponse aux priorités du plan'],
        ['P-001', 8],
      ]),
      PRESET_SETTINGS,
    );
    expect(reading.issues.map((i) => [i.code, i.params?.column])).toContainEqual([
      'header.missing',
      'Évaluateur',
    ]);
  });
});
