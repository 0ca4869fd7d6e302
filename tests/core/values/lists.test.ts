import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinList, rememberingSplitter, splitList } from '../../../core/values/lists.js';

describe('splitList', () => {
  it('splits on semicolons and line breaks, trimmed', () => {
    expect(splitList('Moisson Maskoutaine ; Centre d’entraide\r\nSource d’espoir\n')).toEqual([
      'Moisson Maskoutaine',
      'Centre d’entraide',
      'Source d’espoir',
    ]);
  });

  it('keeps commas inside names unless the column allows them as separators', () => {
    expect(splitList('Moisson Maskoutaine, inc.; Contact Richelieu-Yamaska')).toEqual([
      'Moisson Maskoutaine, inc.',
      'Contact Richelieu-Yamaska',
    ]);
    expect(splitList('Saint-Pie, St-Damase,Saint-Jude', { allowComma: true })).toEqual([
      'Saint-Pie',
      'St-Damase',
      'Saint-Jude',
    ]);
  });

  it('splits municipalities and priorities on « / » and on the word « et » too', () => {
    const places = { allowComma: true };
    expect(splitList('Saint-Pie / Saint-Damase', places)).toEqual(['Saint-Pie', 'Saint-Damase']);
    expect(splitList('Saint-Jude, Saint-Louis et Saint-Hugues', places)).toEqual([
      'Saint-Jude',
      'Saint-Louis',
      'Saint-Hugues',
    ]);
    expect(splitList('1 et 3', places)).toEqual(['1', '3']);
    expect(splitList('1/3', places)).toEqual(['1', '3']);
    expect(splitList('1 ET 4', places)).toEqual(['1', '4']);
    // A whole word only, and organization names keep both.
    expect(splitList('Sainte-Hélène-de-Bagot', places)).toEqual(['Sainte-Hélène-de-Bagot']);
    expect(splitList('sécurité et alimentation, 24/7', { allowComma: true, wordSeparators: false })).toEqual([
      'sécurité et alimentation',
      '24/7',
    ]);
    expect(splitList('Centre et Maison de la famille / Les Maskoutains')).toEqual([
      'Centre et Maison de la famille / Les Maskoutains',
    ]);
  });

  it('collapses inner spaces and drops empty items and bullets', () => {
    expect(splitList('  La   Présentation ;; ; \n• Saint-Hugues\n- Saint-Louis')).toEqual([
      'La Présentation',
      'Saint-Hugues',
      'Saint-Louis',
    ]);
    expect(splitList('Saint\u00A0Pie')).toEqual(['Saint Pie']);
  });

  it('turns other cell values into one item or none', () => {
    expect(splitList(null)).toEqual([]);
    expect(splitList('')).toEqual([]);
    expect(splitList(2)).toEqual(['2']);
    expect(splitList(Number.NaN)).toEqual([]);
  });

  it('never returns empty or untrimmed items', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('a', ' ', ';', ',', '\n', '\u00A0', '\r') })),
        fc.boolean(),
        (text, allowComma) => {
          for (const item of splitList(text, { allowComma })) {
            expect(item).not.toBe('');
            expect(item).toBe(item.trim());
            expect(item).not.toMatch(/\s{2}|[;\n\r]/);
            if (allowComma) expect(item).not.toContain(',');
          }
        },
      ),
    );
  });
});

describe('joinList', () => {
  it('writes the one separator Reformater uses, and splits back', () => {
    expect(joinList(['Saint-Pie', 'Saint-Damase'])).toBe('Saint-Pie; Saint-Damase');
    expect(splitList(joinList(['Saint-Pie', 'Saint-Damase']))).toEqual(['Saint-Pie', 'Saint-Damase']);
  });
});

describe('rememberingSplitter', () => {
  it('gives the items of splitList for any text, numbers and dates, with or without commas', () => {
    const split = rememberingSplitter();
    const pieces = fc.constantFrom(
      'Saint-Pie',
      ' Moisson, inc. ',
      'é',
      'e\u0301',
      '• ',
      '- x',
      '\u00A0',
      ' ',
    );
    const separators = fc.constantFrom(';', ',', '\n', '\r\n', '\u2028', ';;', '/', ' et ', ' ET ', 'et');
    const text = fc
      .array(fc.tuple(pieces, separators), { maxLength: 6 })
      .map((parts) => parts.map(([p, s]) => p + s).join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), fc.boolean(), (value, allowComma) => {
        expect(split(value, allowComma)).toEqual(splitList(value, { allowComma }));
      }),
    );
    for (const value of [12, true, new Date('2021-03-31T00:00:00Z'), null])
      expect(split(value, false)).toEqual(splitList(value));
  });
});
