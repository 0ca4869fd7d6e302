import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG, type CatalogCell, catalogFunction, isCatalogError } from '../../../core/catalog/catalog.js';

const call = (name: Parameters<typeof catalogFunction>[0], ...args: unknown[]) =>
  catalogFunction(name).invoke(args);

const SEVEN_TOWNS = 'Saint-Hyacinthe; Saint-Pie; Saint-Damase; La Présentation; Saint-Dominique';

describe('ALLIANCE.ELIGIBLE and ALLIANCE.REASONS', () => {
  it('answers one row per project, with blanks for blank rows', () => {
    const organizations = [['Moisson Maskoutaine; Centre de bénévolat'], [null], ['Moisson Maskoutaine']];
    const supports = [[null], [null], ['Centre de bénévolat']];
    const municipalities = [[SEVEN_TOWNS], [null], [SEVEN_TOWNS]];
    const priorities = [['1, 3'], [null], ['1']];
    expect(call('ELIGIBLE', organizations, supports, municipalities, priorities)).toEqual([
      [true],
      [''],
      [false],
    ]);
    const reasons = call('REASONS', organizations, supports, municipalities, priorities);
    expect(reasons[0][0]).toBe('');
    expect(reasons[1][0]).toBe('');
    expect(String(reasons[2][0])).toMatch(/organisme/i);
  });

  it('takes a single cell as a 1×1 range', () => {
    expect(call('ELIGIBLE', 'A; B', '', SEVEN_TOWNS, 2)).toEqual([[true]]);
  });

  it('treats several columns of one row as one project’s cells', () => {
    expect(
      call('ELIGIBLE', [['Moisson Maskoutaine', 'Maison de la famille']], null, SEVEN_TOWNS, '4'),
    ).toEqual([[true]]);
  });

  it('counts only recognized municipalities against the minimum of 5', () => {
    const towns = 'Ste-Madelaine; Saint-Barnabé; St-Hyacinthe; Sainte-Rosalie; Saint-Pie-de-Bagot';
    const [[eligible]] = call('ELIGIBLE', 'A; B', null, towns, 1);
    expect(eligible).toBe(false);
    const [[reasons]] = call('REASONS', 'A; B', null, towns, 1);
    expect(String(reasons)).toMatch(/2 municipalités/);
  });

  it('rejects a project ending after the program and explains it in English when asked', () => {
    const args = ['A; B', null, SEVEN_TOWNS, 1, '2023-06-30'];
    expect(call('ELIGIBLE', ...args)).toEqual([[false]]);
    const [[reason]] = catalogFunction('REASONS').invoke(args, { lang: 'en' });
    expect(String(reason)).toMatch(/2023/);
  });

  it('reads a month-only end date as the end of that month, as the Projets reader does', () => {
    const settings = [['Fin du programme', '2023-03-15']];
    expect(call('ELIGIBLE', 'A; B', null, SEVEN_TOWNS, 1, 'Mars 2023', settings)).toEqual([[false]]);
    expect(call('ELIGIBLE', 'A; B', null, SEVEN_TOWNS, 1, 'Février 2023', settings)).toEqual([[true]]);
  });

  it('puts an error in the failing cell only', () => {
    const result = call('ELIGIBLE', [['A; B'], ['A; B']], null, [[SEVEN_TOWNS], ['#N/A']], [[1], [1]]);
    expect(result[0][0]).toBe(true);
    expect(isCatalogError(result[1][0])).toBe(true);
  });

  it('reads the rules from a Paramètres range', () => {
    const settings = [
      ['Municipalités minimum', 3],
      ['Organismes impliqués minimum', 1],
    ];
    const args = ['Moisson Maskoutaine', null, 'Saint-Jude; Saint-Louis; Saint-Simon', 1, null, settings];
    expect(call('ELIGIBLE', ...args)).toEqual([[true]]);
    expect(call('ELIGIBLE', ...args.slice(0, 5))).toEqual([[false]]);
  });
});

describe('ALLIANCE.MUNICIPALITIES', () => {
  it('counts distinct recognized municipalities; Saint-Hyacinthe sectors once', () => {
    expect(
      call('MUNICIPALITIES', [
        ['St-Hyacinthe, Sainte-Rosalie, Douville'],
        ['Toutes'],
        [''],
        ['Ste-Madelaine'],
      ]),
    ).toEqual([[1], [17], [''], [0]]);
  });
});

describe('ALLIANCE.SCORE', () => {
  it('weights each note by its criterion, out of 100', () => {
    expect(call('SCORE', [[10, 5]], [[75, 25]], [[10, 10]])).toEqual([[87.5]]);
  });

  it('leaves S.O. out of the denominator and uses 10 as the default maximum', () => {
    expect(call('SCORE', [[8, 'S.O.']], [[50, 50]])).toEqual([[80]]);
  });

  it('never counts a zero-weight criterion', () => {
    expect(call('SCORE', [[10, 0]], [[100, 0]])).toEqual([[100]]);
  });

  it('flags a note above its maximum in that row only', () => {
    const result = call(
      'SCORE',
      [
        [8, 6],
        [11, 6],
      ],
      [[1, 1]],
    );
    expect(result[0][0]).toBe(70);
    expect(isCatalogError(result[1][0])).toBe(true);
  });
});

describe('ALLIANCE.CARRYFORWARD', () => {
  it('carries what is not committed into the next year (the plan’s envelopes)', () => {
    const envelopes = [[0, 195007, 97503, 97503]];
    const commitments = [
      [0, 89598, 0, 0],
      [0, 60402, 0, 0],
    ];
    expect(call('CARRYFORWARD', envelopes, commitments)).toEqual([
      [0, 0, 0, 0, 0],
      [195007, 0, 195007, 150000, 45007],
      [97503, 45007, 142510, 0, 142510],
      [97503, 142510, 240013, 0, 240013],
    ]);
  });

  it('sums project rows by year column when the envelopes run down a column', () => {
    const envelopes = [[0], [195007], [97503], [97503]];
    const commitments = [
      [0, 100000, 0, 0],
      [0, 50000, 50000, 0],
      [0, 0, 0, 10000],
    ];
    expect(call('CARRYFORWARD', envelopes, commitments).map((row) => row[3])).toEqual([
      0, 150000, 50000, 10000,
    ]);
  });

  it('accepts envelopes typed as text and years down the rows', () => {
    const result = call('CARRYFORWARD', [['- $'], ['195 007 $']], [[0], ['100 000 $']]);
    expect(result).toEqual([
      [0, 0, 0, 0, 0],
      [195007, 0, 195007, 100000, 95007],
    ]);
  });
});

describe('whole-column references (`C2:C`), which hand over every row down to the end of the sheet', () => {
  const down = (values: unknown[], blanks = 50) => [...values, ...Array(blanks).fill('')].map((v) => [v]);

  it('answer as many rows as the data, keeping blank rows inside it', () => {
    const result = call(
      'ELIGIBLE',
      down(['A; B', '', 'A; B']),
      null,
      down([SEVEN_TOWNS, '', SEVEN_TOWNS]),
      down([1, '', 2]),
    );
    expect(result).toEqual([[true], [''], [true]]);
    expect(call('FISCAL_YEAR', down(['2021-03-15', '', '2021-04-01']))).toEqual([
      ['2020-2021'],
      [''],
      ['2021-2022'],
    ]);
  });

  it('read weights, maximums and envelopes given as whole columns', () => {
    expect(call('SCORE', [[10, 5]], down([75, 25]), down([10, 10]))).toEqual([[87.5]]);
    expect(call('CARRYFORWARD', down([0, 195007]), down([0, 100000]))).toEqual([
      [0, 0, 0, 0, 0],
      [195007, 0, 195007, 100000, 95007],
    ]);
  });
});

describe('ALLIANCE.FISCAL_YEAR and ALLIANCE.AMOUNT', () => {
  it('gives the Quebec fiscal year of dates, keeping the range’s shape', () => {
    expect(
      call('FISCAL_YEAR', [
        ['2021-03-15', '2021-04-01'],
        [null, new Date(Date.UTC(2020, 1, 3))],
      ]),
    ).toEqual([
      ['2020-2021', '2021-2022'],
      ['', '2019-2020'],
    ]);
  });

  it('reads fr-CA money text', () => {
    expect(call('AMOUNT', [['195 007 $'], ['195 007,50 $'], ['$195,007.50'], ['- $']])).toEqual([
      [195007],
      [195007.5],
      [195007.5],
      [0],
    ]);
    expect(isCatalogError(call('AMOUNT', '1,234')[0][0])).toBe(true);
  });
});

const anyCell = fc.oneof(
  fc.string(),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom('#N/A', '#REF!', '#VALUE!', 'S.O.', '195 007 $', 'Toutes', '2021-03-15', '1,234'),
  fc.string({ minLength: 10_000, maxLength: 10_050 }),
);
const anyGrid = fc.array(fc.array(anyCell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
const anyArgument = fc.oneof(anyCell, anyGrid);

describe('every catalog function, on any input', () => {
  for (const fn of CATALOG) {
    it(`${fn.name} never throws and returns a rectangle of plain cells`, () => {
      fc.assert(
        fc.property(
          fc.array(anyArgument, {
            minLength: fn.declaration.params.length,
            maxLength: fn.declaration.params.length,
          }),
          (args) => {
            const result = fn.invoke(args);
            expect(result.length).toBeGreaterThan(0);
            const width = result[0].length;
            for (const row of result) {
              expect(row.length).toBe(width);
              for (const cell of row) expect(isPlainCell(cell)).toBe(true);
            }
            if (
              fn.name === 'ELIGIBLE' ||
              fn.name === 'REASONS' ||
              fn.name === 'MUNICIPALITIES' ||
              fn.name === 'SCORE'
            )
              expect(width).toBe(1);
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});

function isPlainCell(cell: CatalogCell): boolean {
  if (isCatalogError(cell)) return cell.message.length > 0 && cell.messageEn.length > 0;
  if (typeof cell === 'number') return Number.isFinite(cell);
  return typeof cell === 'string' || typeof cell === 'boolean';
}

describe('ALLIANCE.REPORT_DUE and ALLIANCE.INSTALMENTS', () => {
  const serial = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 25_569;

  it('gives the report due date by the end-of-month rule, 3 months by default', () => {
    expect(call('REPORT_DUE', '2022-11-30')).toEqual([[serial('2023-02-28')]]);
    expect(call('REPORT_DUE', new Date(Date.UTC(2022, 10, 15)), 1)).toEqual([[serial('2022-12-15')]]);
    // A month alone is its last day, as the Projets reader reads an end date.
    expect(call('REPORT_DUE', [['Mars 2023'], [null], ['2023-01-31']], 1)).toEqual([
      [serial('2023-04-30')],
      [''],
      [serial('2023-02-28')],
    ]);
  });

  it('reads and gives serials of a workbook on the 1904 date system (1462 less) when told so', () => {
    const in1904 = { date1904: true };
    const end = serial('2022-11-30') - 1462;
    expect(catalogFunction('REPORT_DUE').invoke([end], in1904)).toEqual([[serial('2023-02-28') - 1462]]);
    expect(catalogFunction('FISCAL_YEAR').invoke([serial('2021-03-31') - 1462], in1904)).toEqual([
      ['2020-2021'],
    ]);
    // Read as a 1900 serial, the same number is four years earlier.
    expect(catalogFunction('FISCAL_YEAR').invoke([serial('2021-03-31') - 1462])).toEqual([['2016-2017']]);
  });

  it('refuses a number of months that is not a whole number, and an unreadable date, in their cells', () => {
    const [[months]] = call('REPORT_DUE', '2022-11-30', 2.5);
    expect(isCatalogError(months) && months.message).toMatch(/Nombre de mois invalide/);
    const [[date]] = call('REPORT_DUE', 'bientôt');
    expect(isCatalogError(date)).toBe(true);
  });

  it('splits 24 999,95 $ at 50/40/10 into 12 499,98 $, 9 999,98 $ and 2 499,99 $', () => {
    expect(call('INSTALMENTS', 24_999.95, '50 %; 40 %; 10 %')).toEqual([[12_499.98, 9_999.98, 2_499.99]]);
    // A column of grants gives a row each; a blank grant a blank row.
    expect(call('INSTALMENTS', [['24 999,95 $'], [null], [100]], [[0.5, 0.4, 0.1]])).toEqual([
      [12_499.98, 9_999.98, 2_499.99],
      ['', '', ''],
      [50, 40, 10],
    ]);
    const [[bad]] = call('INSTALMENTS', 1000, '50 %; 40 %');
    expect(isCatalogError(bad) && bad.messageEn).toMatch(/adding up to 100%/);
  });

  it('always adds up to the grant to the cent (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }),
        (cents, weights) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const percents = weights.map((w) => `${(w * 100) / total} %`).join('; ');
          const [row] = call('INSTALMENTS', cents / 100, percents) as number[][];
          const sum = row.reduce((a, b) => a + Math.round(b * 100), 0);
          expect(sum).toBe(cents);
          for (const amount of row) expect(Math.round(amount * 100)).toBeCloseTo(amount * 100, 6);
        },
      ),
    );
  });
});
