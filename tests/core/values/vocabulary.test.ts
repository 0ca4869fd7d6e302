import { describe, expect, it } from 'vitest';
import { createMunicipalityMatcher } from '../../../core/municipalities.js';
import { PRESET_SETTINGS } from '../../../core/settings.js';
import {
  ALL_MUNICIPALITIES_FORMS,
  DECISIONS,
  decisionKeys,
  isNotApplicable,
  NOT_APPLICABLE_FORMS,
  PAYMENT_TYPES,
  parseDecision,
  parsePaymentType,
  parseYesNo,
  parseYesNoCell,
  YES_NO_CHOICES,
} from '../../../core/values/vocabulary.js';

describe('S.O.', () => {
  it.each([...NOT_APPLICABLE_FORMS, 's.o', 's/o', ' N/A ', 'SANS OBJET', 'non applicable :'])(
    '%j is S.O.',
    (form) => {
      expect(isNotApplicable(form)).toBe(true);
    },
  );

  it.each(['', 'S', 'Non', 'N', 'sans', 'SOS', '0'])('%j is not', (text) => {
    expect(isNotApplicable(text)).toBe(false);
  });
});

describe('parseYesNoCell', () => {
  it('reads Oui/Non/O/N/Yes/No/X/vrai/faux, blank as Non, and nothing else', () => {
    const read = ['Oui', 'o', 'YES', 'x', 'vrai', true, 'Non', 'N', 'no', 'faux', false, null, ''].map(
      parseYesNoCell,
    );
    expect(read).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(parseYesNoCell('peut-être')).toBeNull();
  });
});

describe('yes and no', () => {
  it('reads 1/0 typed as text like the numbers, and offers Oui/Non as the drop-down', () => {
    expect([parseYesNo('1'), parseYesNo('0'), parseYesNo(' Yes '), parseYesNo('peut-être')]).toEqual([
      true,
      false,
      true,
      null,
    ]);
    expect(parseYesNoCell(1)).toBe(true);
    expect(parseYesNoCell(2)).toBeNull();
    expect(YES_NO_CHOICES).toEqual(['Oui', 'Non']);
  });
});

describe('decisions', () => {
  it('reads each decision, its feminine and English forms, without case or accents', () => {
    for (const decision of DECISIONS) expect(parseDecision(decision.toUpperCase())).toBe(decision);
    expect(['acceptée', 'Approved', 'refusee', 'withdrawn', 'reçue'].map(parseDecision)).toEqual([
      'Accepté',
      'Accepté',
      'Refusé',
      'Retiré',
      'Reçu',
    ]);
    expect(parseDecision('Peut-être')).toBeNull();
  });

  it('gives the Sommaire every key that reads as Accepté', () => {
    expect(decisionKeys('Accepté')).toEqual(['accepte', 'acceptee', 'accepted', 'approved']);
    for (const key of decisionKeys('Refusé')) expect(parseDecision(key)).toBe('Refusé');
  });
});

describe('payment types and « all municipalities »', () => {
  it('reads a payment type without case or accents', () => {
    expect(PAYMENT_TYPES.map((type) => parsePaymentType(` ${type.toUpperCase()} `))).toEqual([
      ...PAYMENT_TYPES,
    ]);
    expect(parsePaymentType('Remboursement')).toBeNull();
  });

  it('reads each « all municipalities » form, « Toute la MRC » included, as the 17 of the preset', () => {
    const matcher = createMunicipalityMatcher(PRESET_SETTINGS);
    for (const form of [...ALL_MUNICIPALITIES_FORMS, 'toute la mrc', 'Tout le territoire de la MRC'])
      expect(matcher.matchAll([form]).names, form).toHaveLength(17);
  });
});
