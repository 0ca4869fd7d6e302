import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centsToDollars,
  dollarsToCents,
  formatMoney,
  formatMoneyAccounting,
  MONEY_FORMAT,
  MONEY_FORMAT_CENTS,
  parseMoney,
} from '../../../core/values/money.js';

const NBSP = '\u00A0';

function cents(value: Parameters<typeof parseMoney>[0]): number {
  const result = parseMoney(value);
  if (result.kind !== 'amount') throw new Error(`not an amount: ${JSON.stringify(result)}`);
  return result.cents;
}

describe('parseMoney', () => {
  it('reads the forecast grid as staff typed it', () => {
    expect(cents('195 007 $')).toBe(19_500_700);
    expect(cents('97 503 $')).toBe(9_750_300);
    expect(cents('390 013 $')).toBe(39_001_300);
    expect(parseMoney('195 007 $')).toEqual({ kind: 'amount', cents: 19_500_700, fromText: true });
  });

  it.each([
    ['normal space', ' '],
    ['no-break space (fr-CA)', '\u00A0'],
    ['narrow no-break space (fr-FR)', '\u202F'],
    ['thin space', '\u2009'],
  ])('groups thousands with a %s', (_name, space) => {
    expect(cents(`195${space}007${space}$`)).toBe(19_500_700);
    expect(cents(`1${space}195${space}007,50${space}$`)).toBe(119_500_750);
  });

  it('reads the accounting zero « - $ » however it is spaced', () => {
    expect(cents('- $')).toBe(0);
    expect(cents('-   $')).toBe(0);
    expect(cents(`-${NBSP}$`)).toBe(0);
    expect(cents('$ -')).toBe(0);
  });

  it('reads a decimal comma, or both marks in English order', () => {
    expect(cents('195 007,50 $')).toBe(19_500_750);
    expect(cents('$195,007.50')).toBe(19_500_750);
    expect(cents('195.007,50 $')).toBe(19_500_750);
    expect(cents('25 350,72 $')).toBe(2_535_072);
    expect(cents('1,234,567')).toBe(123_456_700);
    expect(cents('89598')).toBe(8_959_800);
    expect(cents('12.5')).toBe(1250);
    expect(cents('0,05 $')).toBe(5);
  });

  it('puts $ before or after, with or without a space', () => {
    expect(cents('$ 55 564')).toBe(5_556_400);
    expect(cents('55 564$')).toBe(5_556_400);
    expect(cents('55564 $ CA')).toBe(5_556_400);
    expect(cents('25 000 $ CAD')).toBe(2_500_000);
  });

  it('reads k$ as thousands', () => {
    expect(cents('25 k$')).toBe(2_500_000);
    expect(cents('25k$')).toBe(2_500_000);
    expect(cents('2,5 k$')).toBe(250_000);
  });

  it('parses negatives and leaves the decision to callers', () => {
    expect(cents('-1 234 $')).toBe(-123_400);
    expect(cents('(1 234 $)')).toBe(-123_400);
    expect(cents('-$1,234.00')).toBe(-123_400);
    expect(cents(-61_936)).toBe(-6_193_600);
  });

  it('refuses to guess 1,234: thousands or decimals?', () => {
    expect(parseMoney('1,234')).toEqual({
      kind: 'invalid',
      code: 'money.ambiguous',
      params: { value: '1,234' },
    });
    expect(parseMoney('58.200 $')).toMatchObject({ kind: 'invalid', code: 'money.ambiguous' });
    expect(parseMoney('1,234 $')).toMatchObject({ kind: 'invalid', code: 'money.ambiguous' });
  });

  it('reads an English amount, `$` first with comma groups of three digits', () => {
    expect(parseMoney('$195,007')).toEqual({ kind: 'amount', cents: 19_500_700, fromText: true });
    expect(cents('$20,000.00')).toBe(2_000_000);
    expect(cents('-$1,500')).toBe(-150_000);
    expect(cents('($1,500)')).toBe(-150_000);
    expect(cents('$1,234,567')).toBe(123_456_700);
    // Groups of other sizes are no English amount either.
    expect(parseMoney('$12,34')).toMatchObject({ kind: 'amount', cents: 1234 });
    expect(parseMoney('$1,23,456')).toMatchObject({ kind: 'invalid', code: 'money.invalid' });
  });

  it('reports garbage, booleans, dates and error values', () => {
    expect(parseMoney('environ 25 000 $')).toMatchObject({ kind: 'invalid', code: 'money.invalid' });
    expect(parseMoney('1 23 $')).toMatchObject({ kind: 'invalid', code: 'money.invalid' });
    expect(parseMoney('12,345,67')).toMatchObject({ kind: 'invalid', code: 'money.invalid' });
    expect(parseMoney('$')).toMatchObject({ kind: 'invalid', code: 'money.invalid' });
    expect(parseMoney(true)).toMatchObject({ kind: 'invalid', code: 'money.invalid' });
    expect(parseMoney(new Date(Date.UTC(2020, 1, 3)))).toMatchObject({
      kind: 'invalid',
      code: 'money.invalid',
    });
    expect(parseMoney('#N/A')).toEqual({
      kind: 'invalid',
      code: 'money.errorValue',
      params: { value: '#N/A' },
    });
    expect(parseMoney(Number.NaN)).toMatchObject({ kind: 'invalid', code: 'money.invalid' });
  });

  it('treats empty cells as blank, not zero', () => {
    expect(parseMoney(null)).toEqual({ kind: 'blank' });
    expect(parseMoney('')).toEqual({ kind: 'blank' });
    expect(parseMoney('   ')).toEqual({ kind: 'blank' });
  });

  it('takes numbers as dollars without binary noise', () => {
    expect(parseMoney(195_007)).toEqual({ kind: 'amount', cents: 19_500_700, fromText: false });
    expect(cents(0.29)).toBe(29);
    expect(cents(1.005)).toBe(101);
    expect(cents(89_598.1 + 0.2)).toBe(8_959_830);
  });
});

describe('formatMoney', () => {
  it('writes fr-CA amounts with no-break spaces', () => {
    expect(formatMoney(19_500_700)).toBe(`195${NBSP}007${NBSP}$`);
    expect(formatMoney(2_535_072)).toBe(`25${NBSP}350,72${NBSP}$`);
    expect(formatMoney(-123_400)).toBe(`-1${NBSP}234${NBSP}$`);
    expect(formatMoney(0)).toBe(`0${NBSP}$`);
    expect(formatMoney(19_500_700, { cents: true })).toBe(`195${NBSP}007,00${NBSP}$`);
    expect(formatMoney(2_535_072, { cents: false })).toBe(`25${NBSP}351${NBSP}$`);
  });

  it('shows the accounting zero', () => {
    expect(formatMoneyAccounting(0)).toBe(`-${NBSP}$`);
    expect(formatMoneyAccounting(39_001_300)).toBe(`390${NBSP}013${NBSP}$`);
  });

  it('gives hosts invariant format codes', () => {
    expect(MONEY_FORMAT).toBe('#,##0 "$";-#,##0 "$";"- $"');
    expect(MONEY_FORMAT_CENTS).toBe('#,##0.00 "$";-#,##0.00 "$";"- $"');
  });

  it('round-trips through parseMoney for any cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (amount) => {
        expect(cents(formatMoney(amount))).toBe(amount);
        expect(cents(formatMoney(amount, { cents: true }))).toBe(amount);
        expect(cents(formatMoneyAccounting(amount))).toBe(amount);
      }),
    );
  });

  it('round-trips amounts typed with any group space and either symbol position', () => {
    const space = fc.constantFrom(' ', '\u00A0', '\u202F', '\u2009');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), space, fc.boolean(), (amount, group, before) => {
        const text = formatMoney(amount, { cents: true })
          .replace(/\u00A0/g, group)
          .replace(/\s?\$$/, '');
        expect(cents(before ? `$${text}` : `${text} $`)).toBe(amount);
      }),
    );
  });
});

describe('dollars and cents', () => {
  it('converts exactly both ways', () => {
    expect(centsToDollars(19_500_750)).toBe(195_007.5);
    expect(JSON.stringify(centsToDollars(2_535_072))).toBe('25350.72');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (amount) => {
        expect(dollarsToCents(centsToDollars(amount))).toBe(amount);
      }),
    );
  });

  it('never throws on any cell value', () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.date(), fc.constant(null));
    fc.assert(
      fc.property(cell, (value) => {
        expect(['blank', 'amount', 'invalid']).toContain(parseMoney(value).kind);
      }),
    );
  });
});
