import { describe, expect, it } from 'vitest';
import { readForecastBudget } from '../../../core/grids/budget.js';
import { PRESET_SETTINGS } from '../../../core/settings.js';
import { at, codes, PLAN_BUDGET_ROWS, sheet } from '../../fixtures/workbook.js';

const HEADERS = ['Poste', '2019-2020', '2020-2021', '2021-2022', '2022-2023', 'Total'];

describe('readForecastBudget on the plan’s own grid', () => {
  const reading = readForecastBudget(sheet('Budget prévisionnel', PLAN_BUDGET_ROWS), PRESET_SETTINGS);

  it('reads the envelopes 0 / 195 007 / 97 503 / 97 503 $ from text cells and `- $`', () => {
    expect(reading.years).toEqual([
      { label: '2019-2020', envelopeCents: 0 },
      { label: '2020-2021', envelopeCents: 19_500_700 },
      { label: '2021-2022', envelopeCents: 9_750_300 },
      { label: '2022-2023', envelopeCents: 9_750_300 },
    ]);
  });

  it('finds the headers below the title rows and the unlabelled column-total row', () => {
    expect(reading.layout).toEqual({
      sheet: 'Budget prévisionnel',
      headerRow: 4,
      yearColumns: { '2019-2020': 1, '2020-2021': 2, '2021-2022': 3, '2022-2023': 4 },
      totalColumn: 5,
      totalRow: 9,
      rows: [5, 6],
    });
    expect(at(reading.issues, 'forecast.implicitTotal')).toEqual(['forecast.implicitTotal@B10']);
  });

  it('reports no error, the grand total as info, and each text amount as a warning', () => {
    expect(codes(reading.issues, 'error')).toEqual([]);
    const total = reading.issues.find((i) => i.code === 'forecast.grandTotal');
    expect(total?.params?.total).toBe(39_001_300);
    expect(codes(reading.issues)).not.toContain('forecast.programTotalDiffers');
    expect(at(reading.issues, 'cell.moneyAsText')).toContain('cell.moneyAsText@C7');
    expect(at(reading.issues, 'cell.moneyAsText')).toHaveLength(14);
  });
});

describe('readForecastBudget checks', () => {
  it('uses a labelled Total row that does not add up, and says where it is wrong', () => {
    const reading = readForecastBudget(
      sheet('Budget prévisionnel', [
        HEADERS,
        ['Sécurité alimentaire', 0, 100_000, 50_000, 50_000, 200_000],
        ['Habitation', 0, 95_007, 47_503, 47_503, 190_013],
        ['Total', 0, 195_007, 97_503, 90_000, 382_510],
      ]),
      PRESET_SETTINGS,
    );
    expect(reading.years.map((y) => y.envelopeCents)).toEqual([0, 19_500_700, 9_750_300, 9_000_000]);
    expect(at(reading.issues, 'forecast.columnTotal')).toEqual(['forecast.columnTotal@E4']);
    const wrong = reading.issues.find((i) => i.code === 'forecast.columnTotal');
    expect(wrong?.params).toMatchObject({
      year: '2022-2023',
      expected: 9_750_300,
      found: 9_000_000,
    });
    expect(at(reading.issues, 'forecast.programTotalDiffers')).toEqual(['forecast.programTotalDiffers@F4']);
    expect(reading.layout?.totalRow).toBe(3);
    expect(reading.layout?.rows).toEqual([1, 2]);
  });

  it('finds a row’s label in any column left of the years', () => {
    const reading = readForecastBudget(
      sheet('Budget prévisionnel', [
        [null, 'Note', '2019-2020', '2020-2021', '2021-2022', '2022-2023'],
        ['Appel 1', null, 0, 100_000, 50_000, 50_000],
        ['Appel 2', 'report', 0, 95_007, 47_503, 47_503],
        [null, 'Total', 0, 195_007, 97_503, 97_503],
      ]),
      PRESET_SETTINGS,
    );
    expect(reading.layout?.totalRow).toBe(3);
    expect(reading.years.map((y) => y.envelopeCents)).toEqual([0, 19_500_700, 9_750_300, 9_750_300]);
    expect(codes(reading.issues, 'error')).toEqual([]);
  });

  it('checks each row’s Total against its years', () => {
    const reading = readForecastBudget(
      sheet('Budget prévisionnel', [HEADERS, ['Enveloppe', 0, 195_007, 97_503, 97_503, 400_000]]),
      PRESET_SETTINGS,
    );
    expect(at(reading.issues, 'forecast.rowTotal')).toEqual(['forecast.rowTotal@F2']);
    expect(reading.years.map((y) => y.envelopeCents)).toEqual([0, 19_500_700, 9_750_300, 9_750_300]);
  });

  it('takes a lone Total row as the envelopes, with nothing to add up', () => {
    const reading = readForecastBudget(
      sheet('Budget prévisionnel', [HEADERS, ['Total', 0, 195_007, 97_503, 97_503, 390_013]]),
      PRESET_SETTINGS,
    );
    expect(reading.years.map((y) => y.envelopeCents)).toEqual([0, 19_500_700, 9_750_300, 9_750_300]);
    expect(reading.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('sums the rows when there is no Total row, and reports a wrong grand total cell', () => {
    const reading = readForecastBudget(
      sheet('Budget prévisionnel', [
        HEADERS,
        ['Appel 1', null, 150_000, 50_000, null, 200_000],
        ['Appel 2', null, 45_007, 47_503, 97_503, 190_013],
        [null, null, null, null, null, 390_000],
      ]),
      PRESET_SETTINGS,
    );
    expect(reading.years.map((y) => y.envelopeCents)).toEqual([0, 19_500_700, 9_750_300, 9_750_300]);
    expect(reading.layout?.totalRow).toBeNull();
    expect(at(reading.issues, 'forecast.grandTotalMismatch')).toEqual(['forecast.grandTotalMismatch@F4']);
  });

  it('reports missing and extra years, and keeps every year (a missing one at 0 $)', () => {
    const reading = readForecastBudget(
      sheet('Forecast budget', [
        ['Line', '2020 – 2021', '2021-2022', '2022-2023', '2023-2024'],
        ['Envelope', 195_007, 97_503, 97_503, 10_000],
      ]),
      PRESET_SETTINGS,
    );
    expect(reading.years.map((y) => [y.label, y.envelopeCents])).toEqual([
      ['2019-2020', 0],
      ['2020-2021', 19_500_700],
      ['2021-2022', 9_750_300],
      ['2022-2023', 9_750_300],
      ['2023-2024', 1_000_000],
    ]);
    expect(at(reading.issues, 'forecast.yearExtra')).toEqual(['forecast.yearExtra@E1']);
    expect(reading.issues.find((i) => i.code === 'forecast.yearMissing')?.params?.year).toBe('2019-2020');
    // Not the plan's years: its 390 013 $ is no yardstick.
    expect(codes(reading.issues)).not.toContain('forecast.programTotalDiffers');
  });

  it('takes the years of an extended program as program years', () => {
    const extended = { ...PRESET_SETTINGS, programEnd: '2024-03-31' };
    const reading = readForecastBudget(
      sheet('Budget prévisionnel', [
        [...HEADERS.slice(0, 5), '2023-2024'],
        ['Enveloppe', 0, 195_007, 97_503, 97_503, 50_000],
      ]),
      extended,
    );
    expect(reading.years.map((y) => y.label)).toEqual([
      '2019-2020',
      '2020-2021',
      '2021-2022',
      '2022-2023',
      '2023-2024',
    ]);
    expect(codes(reading.issues)).not.toContain('forecast.yearExtra');
    expect(codes(reading.issues)).not.toContain('forecast.programTotalDiffers');
    expect(codes(reading.issues, 'warning')).toEqual([]);
  });

  it('reports text that is not an amount and counts it as 0', () => {
    const reading = readForecastBudget(
      sheet('Budget prévisionnel', [HEADERS, ['Enveloppe', 0, 'cent mille', 97_503, 97_503, null]]),
      PRESET_SETTINGS,
    );
    expect(at(reading.issues, 'money.invalid')).toEqual(['money.invalid@C2']);
    expect(reading.years[1].envelopeCents).toBe(0);
  });

  it('falls back on the settings’ years with an info when the sheet is absent', () => {
    const reading = readForecastBudget(undefined, PRESET_SETTINGS);
    expect(reading.years).toEqual(PRESET_SETTINGS.years);
    expect(reading.layout).toBeNull();
    expect(reading.issues.map((i) => [i.code, i.severity])).toEqual([['forecast.sheetMissing', 'info']]);
  });

  it('warns when no year column can be found', () => {
    const reading = readForecastBudget(
      sheet('Budget prévisionnel', [['Budget'], ['à venir']]),
      PRESET_SETTINGS,
    );
    expect(reading.years).toEqual(PRESET_SETTINGS.years);
    expect(codes(reading.issues, 'warning')).toEqual(['forecast.noYears']);
  });
});
