import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  endOfMonth,
  fiscalYearOf,
  fiscalYearRange,
  fiscalYearsBetween,
  formatDateLong,
  isFiscalYearLabel,
  isoToDate,
  isoToSerial,
  parseDate,
  serialToIso,
  todayIso,
} from '../../../core/values/dates.js';

function iso(value: Parameters<typeof parseDate>[0]): string {
  const result = parseDate(value);
  if (result.kind !== 'date') throw new Error(`not a date: ${JSON.stringify(result)}`);
  return result.iso;
}

describe('parseDate', () => {
  it('reads the plan’s date in every form staff use', () => {
    expect(parseDate('2020-02-03')).toEqual({
      kind: 'date',
      iso: '2020-02-03',
      fromText: true,
      precision: 'day',
    });
    expect(iso('2020/02/03')).toBe('2020-02-03');
    expect(iso('3 février 2020')).toBe('2020-02-03');
    expect(iso('le 3 février 2020')).toBe('2020-02-03');
    expect(iso('Le 3 FÉVRIER 2020')).toBe('2020-02-03');
    expect(iso('3 fevrier 2020')).toBe('2020-02-03');
    expect(iso('lundi 3 févr. 2020')).toBe('2020-02-03');
    expect(iso('February 3, 2020')).toBe('2020-02-03');
    expect(iso('1er avril 2020')).toBe('2020-04-01');
    expect(iso('15 mars 2021')).toBe('2021-03-15');
  });

  it('reads spreadsheet serials of the 1900 system', () => {
    expect(parseDate(43_864)).toEqual({ kind: 'date', iso: '2020-02-03', fromText: false, precision: 'day' });
    expect(iso(43_864.75)).toBe('2020-02-03');
    expect(iso(44_270)).toBe('2021-03-15');
  });

  it('takes the nearest UTC day of a real date, wherever it was made', () => {
    expect(iso(new Date(Date.UTC(2020, 1, 3)))).toBe('2020-02-03');
    // Midnight in Montreal, winter (UTC-5) and summer (UTC-4).
    expect(iso(new Date('2020-02-03T05:00:00Z'))).toBe('2020-02-03');
    expect(iso(new Date('2023-03-31T04:00:00Z'))).toBe('2023-03-31');
  });

  it('reads month-year text as the first day, precision month', () => {
    expect(parseDate('Septembre 2019')).toEqual({
      kind: 'date',
      iso: '2019-09-01',
      fromText: true,
      precision: 'month',
    });
    expect(parseDate('sept. 2019')).toMatchObject({ iso: '2019-09-01', precision: 'month' });
    expect(parseDate('août 2020')).toMatchObject({ iso: '2020-08-01', precision: 'month' });
  });

  it('rejects impossible dates', () => {
    expect(parseDate('2021-02-30')).toEqual({
      kind: 'invalid',
      code: 'date.invalid',
      params: { value: '2021-02-30' },
    });
    expect(parseDate('31 avril 2021')).toMatchObject({ kind: 'invalid', code: 'date.invalid' });
    expect(parseDate('29 février 2021')).toMatchObject({ kind: 'invalid', code: 'date.invalid' });
    expect(iso('29 février 2020')).toBe('2020-02-29');
    expect(parseDate('bientôt')).toMatchObject({ kind: 'invalid', code: 'date.invalid' });
    expect(parseDate('3 brumaire 2020')).toMatchObject({ kind: 'invalid', code: 'date.invalid' });
  });

  it('refuses to guess day/month order, but takes the only possible reading', () => {
    expect(parseDate('03/02/2020')).toEqual({
      kind: 'invalid',
      code: 'date.ambiguous',
      params: { value: '03/02/2020' },
    });
    expect(iso('15/03/2021')).toBe('2021-03-15');
    expect(iso('03/15/2021')).toBe('2021-03-15');
    expect(iso('03/03/2021')).toBe('2021-03-03');
  });

  it('reads a real date as its day, late in the evening included (31 March 23:30 is still March)', () => {
    const day = (date: Date) => (parseDate(date) as { iso: string }).iso;
    expect(day(new Date(Date.UTC(2021, 2, 31)))).toBe('2021-03-31');
    expect(day(new Date(Date.UTC(2021, 2, 31, 19, 30)))).toBe('2021-03-31');
    expect(day(new Date(Date.UTC(2021, 2, 31, 23, 30)))).toBe('2021-03-31');
    expect(day(new Date(Date.UTC(2021, 3, 1, 0, 0, 1)))).toBe('2021-04-01');
  });

  it('reports numbers that are no plausible date, booleans and error values', () => {
    expect(parseDate(2020)).toMatchObject({ kind: 'invalid', code: 'date.outOfRange' });
    expect(parseDate(-5)).toMatchObject({ kind: 'invalid', code: 'date.outOfRange' });
    expect(parseDate(true)).toMatchObject({ kind: 'invalid', code: 'date.invalid' });
    expect(parseDate(new Date(Number.NaN))).toMatchObject({ kind: 'invalid', code: 'date.invalid' });
    expect(parseDate('#REF!')).toMatchObject({ kind: 'invalid', code: 'date.errorValue' });
    expect(parseDate(null)).toEqual({ kind: 'blank' });
    expect(parseDate('  ')).toEqual({ kind: 'blank' });
  });

  it('never throws on arbitrary cell values', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.date({ noInvalidDate: false }),
      fc.constant(null),
      fc.constantFrom('31/02/2020', '00/00/0000', '1er 2020', 'le  février', '9999-99-99'),
    );
    fc.assert(
      fc.property(cell, (value) => {
        const result = parseDate(value);
        expect(['blank', 'date', 'invalid']).toContain(result.kind);
        if (result.kind === 'date') expect(result.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});

describe('fiscal years', () => {
  it('runs from 1 April to 31 March', () => {
    expect(fiscalYearOf('2021-03-15')).toBe('2020-2021');
    expect(fiscalYearOf('2021-03-31')).toBe('2020-2021');
    expect(fiscalYearOf('2021-04-01')).toBe('2021-2022');
    expect(fiscalYearOf('2019-04-01')).toBe('2019-2020');
    expect(fiscalYearRange('2020-2021')).toEqual({ start: '2020-04-01', end: '2021-03-31' });
  });

  it('lists the program years', () => {
    expect(fiscalYearsBetween('2019-04-01', '2023-03-31')).toEqual([
      '2019-2020',
      '2020-2021',
      '2021-2022',
      '2022-2023',
    ]);
    expect(fiscalYearsBetween('2023-03-31', '2019-04-01')).toEqual([]);
  });

  it('recognizes labels and rejects malformed ones', () => {
    expect(isFiscalYearLabel('2020-2021')).toBe(true);
    expect(isFiscalYearLabel('2020-2022')).toBe(false);
    expect(() => fiscalYearRange('2020')).toThrow();
  });

  it('puts every day inside the range of its own fiscal year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18_264, max: 73_050 }), (serial) => {
        const day = serialToIso(serial);
        const { start, end } = fiscalYearRange(fiscalYearOf(day));
        expect(start <= day && day <= end).toBe(true);
      }),
    );
  });
});

describe('conversions and formatting', () => {
  it('converts serials both ways, Lotus’s 1900-02-29 included', () => {
    expect(serialToIso(43_864)).toBe('2020-02-03');
    expect(isoToSerial('2020-02-03')).toBe(43_864);
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(61)).toBe('1900-03-01');
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        expect(isoToSerial(serialToIso(serial))).toBe(serial);
      }),
    );
  });

  it('writes long dates in French and English', () => {
    expect(formatDateLong('2020-02-03', 'fr')).toBe('3 février 2020');
    expect(formatDateLong('2020-04-01', 'fr')).toBe('1er avril 2020');
    expect(formatDateLong('2020-02-03', 'en')).toBe('February 3, 2020');
  });

  it('gives UTC midnight, month ends and day counts', () => {
    expect(isoToDate('2020-02-03').toISOString()).toBe('2020-02-03T00:00:00.000Z');
    expect(endOfMonth('2024-02-01')).toBe('2024-02-29');
    expect(daysBetween('2021-03-15', '2021-04-01')).toBe(17);
  });

  it('takes today in Quebec, not in UTC', () => {
    // 23:30 in Montreal on 31 March is already 1 April in UTC.
    expect(todayIso(new Date('2021-04-01T03:30:00Z'))).toBe('2021-03-31');
    expect(todayIso(new Date('2021-03-15T12:00:00Z'))).toBe('2021-03-15');
  });
});
