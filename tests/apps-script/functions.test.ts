import { describe, expect, it } from 'vitest';
import { runCustomFunction, toSheetsCell } from '../../apps-script/functions.js';
import { catalogFunction } from '../../core/catalog/catalog.js';

/** A whole-column argument as Sheets passes `C2:C` on a 1 000-row sheet: the data, then `''` rows. */
function column(values: unknown[], rows = 999): unknown[][] {
  return Array.from({ length: rows }, (_, r) => [r < values.length ? values[r] : '']);
}

const ORGANISMES = [
  'Moisson Maskoutaine; Centre d’entraide maskoutain',
  'Contact Richelieu-Yamaska',
  'Maison de la famille des Maskoutains; Comptoir alimentaire',
];
const APPUIS = ['', 'Centre d’entraide maskoutain', ''];
const MUNICIPALITES = [
  'St-Hyacinthe; Saint-Pie; Saint-Damase; La Présentation; Saint-Dominique',
  'Ste-Madeleine; Sainte-Marie-Madeleine',
  'Toutes',
];
const PRIORITES = ['1', '3', '1; 4'];

describe('custom functions with Sheets-shaped arguments', () => {
  it('a whole-column call returns one row per project, as the catalog computes it', () => {
    const result = runCustomFunction('ELIGIBLE', [
      column(ORGANISMES),
      column(APPUIS),
      column(MUNICIPALITES),
      column(PRIORITES),
    ]);
    expect(result).toEqual([[true], [false], [true]]);
    const core = catalogFunction('ELIGIBLE').invoke([
      ORGANISMES.map((v) => [v]),
      APPUIS.map((v) => [v]),
      MUNICIPALITES.map((v) => [v]),
      PRIORITES.map((v) => [v]),
      undefined,
      undefined,
    ]);
    expect(result).toEqual(core);
  });

  it('gives the reasons in French, empty for an eligible project', () => {
    const result = runCustomFunction('REASONS', [
      column(ORGANISMES),
      column(APPUIS),
      column(MUNICIPALITES),
      column(PRIORITES),
    ]);
    expect(result).toHaveLength(3);
    expect(result[0][0]).toBe('');
    expect(String(result[1][0])).toContain('organisme');
    expect(String(result[1][0])).toContain('municipalité');
  });

  it('takes single cells as values and leaves optional arguments out', () => {
    expect(
      runCustomFunction('MUNICIPALITIES', ['St-Hyacinthe; Sainte-Rosalie; Saint-Pie-de-Bagot', undefined]),
    ).toEqual([[2]]);
    expect(runCustomFunction('ELIGIBLE', ['Moisson Maskoutaine', '', 'Toutes', 2, '', ''])).toEqual([
      [false],
    ]);
  });

  it('turns a bad cell into an error text in that cell only', () => {
    const result = runCustomFunction('AMOUNT', [column(['195 007 $', 'beaucoup', '- $', '25 350,72 $'])]);
    expect(result).toHaveLength(4);
    expect(result[0][0]).toBe(195007);
    expect(String(result[1][0])).toMatch(/^#VALEUR! Montant illisible/);
    expect(result[2][0]).toBe(0);
    expect(result[3][0]).toBe(25350.72);
  });

  it('gives report due dates as serials and instalments that add up to the grant', () => {
    // Sheets passes a date cell as a Date at local midnight; 44985 is 2023-02-28.
    expect(runCustomFunction('REPORT_DUE', [column([new Date(2022, 10, 30), '']), ''])).toEqual([[44985]]);
    expect(runCustomFunction('INSTALMENTS', [24_999.95, '50 %; 40 %; 10 %'])).toEqual([
      [12_499.98, 9_999.98, 2_499.99],
    ]);
    expect(String(runCustomFunction('INSTALMENTS', [100, '50 %'])[0][0])).toMatch(
      /^#VALEUR! Parts invalides/,
    );
  });

  it('reads dates as Sheets passes them (local midnight) into fiscal years', () => {
    const result = runCustomFunction('FISCAL_YEAR', [
      column([new Date(2021, 2, 15), new Date(2021, 3, 1), '']),
    ]);
    expect(result).toEqual([['2020-2021'], ['2021-2022']]);
  });

  it('keeps a settings range whole even when it is longer than the projects', () => {
    const settings = Array.from({ length: 999 }, (): unknown[] => ['', '']);
    settings[0] = ['Réglage', 'Valeur'];
    settings[30] = ['Municipalités minimum', 1];
    const args = [
      column(['Moisson Maskoutaine; Contact Richelieu-Yamaska']),
      column(['']),
      column(['Saint-Pie']),
      column(['1']),
    ];
    expect(runCustomFunction('ELIGIBLE', args)).toEqual([[false]]);
    expect(runCustomFunction('ELIGIBLE', [...args, '', settings])).toEqual([[true]]);
  });

  it('scores rows of notes against a row of weights', () => {
    const notes = [
      [8, 'S.O.', 10],
      [5, 5, 5],
      ['', '', ''],
      ['', '', ''],
    ];
    const result = runCustomFunction('SCORE', [notes, [[50, 30, 20]], [[10, 10, 10]]]);
    expect(result).toEqual(
      catalogFunction('SCORE').invoke([notes.slice(0, 2), [[50, 30, 20]], [[10, 10, 10]]]),
    );
    expect(result).toHaveLength(2);
  });

  it('computes the carry-forward table of the plan', () => {
    const envelopes = [[0, 195007, 97503, 97503]];
    const commitments = [
      [0, 150000, 0, 0],
      [0, 0, 89598, 0],
      ['', '', '', ''],
    ];
    const result = runCustomFunction('CARRYFORWARD', [envelopes, commitments]);
    expect(result[1]).toEqual([195007, 0, 195007, 150000, 45007]);
    expect(result).toEqual(catalogFunction('CARRYFORWARD').invoke([envelopes, commitments.slice(0, 2)]));
  });

  it('renders catalog errors in French or English', () => {
    const error = { error: '#NUM!' as const, message: 'Trop grand.', messageEn: 'Too large.' };
    expect(toSheetsCell(error)).toBe('#NOMBRE! Trop grand.');
    expect(toSheetsCell(error, 'en')).toBe('#NUM! Too large.');
  });
});
