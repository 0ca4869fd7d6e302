import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editDistance,
  headerKey,
  normalizeKey,
  organizationKey,
  stripAccents,
} from '../../../core/values/text.js';

describe('normalizeKey', () => {
  it('expands St and Ste as whole words', () => {
    expect(normalizeKey('St-Hyacinthe')).toBe('saint-hyacinthe');
    expect(normalizeKey('St. Hyacinthe')).toBe('saint-hyacinthe');
    expect(normalizeKey('Ste. Madeleine')).toBe('sainte-madeleine');
    expect(normalizeKey('Ste-Marie-Madeleine')).toBe('sainte-marie-madeleine');
    expect(normalizeKey('Mont-St-Hilaire')).toBe('mont-saint-hilaire');
    expect(normalizeKey('Est')).toBe('est');
    expect(normalizeKey('Stanstead')).toBe('stanstead');
  });

  it('ignores case, accents and the kind of space, dash or apostrophe', () => {
    const key = 'sainte-helene-de-bagot';
    expect(normalizeKey('Sainte-Hélène-de-Bagot')).toBe(key);
    expect(normalizeKey('SAINTE HÉLÈNE DE BAGOT')).toBe(key);
    expect(normalizeKey('Sainte–Hélène\u00A0de\u202FBagot')).toBe(key);
    expect(normalizeKey('  Sainte — Hélène-de-Bagot ')).toBe(key);
    expect(normalizeKey('Sainte-He\u0301le\u0300ne-de-Bagot')).toBe(key);
    expect(normalizeKey('Saint-Thomas-d’Aquin')).toBe("saint-thomas-d'aquin");
  });

  it('keeps Sainte-Madeleine and Sainte-Marie-Madeleine apart', () => {
    expect(normalizeKey('Ste-Madeleine')).not.toBe(normalizeKey('Sainte-Marie-Madeleine'));
  });

  it('is idempotent', () => {
    const letters = fc.constantFrom(...'aéSstTe.-’ \u00A0–'.split(''), 'St', 'Ste', 'St.');
    fc.assert(
      fc.property(
        fc.array(letters).map((parts) => parts.join('')),
        (text) => {
          expect(normalizeKey(normalizeKey(text))).toBe(normalizeKey(text));
        },
      ),
    );
  });
});

describe('organizationKey', () => {
  it('ignores case, accents, punctuation and extra spaces', () => {
    expect(organizationKey('Moisson Maskoutaine inc.')).toBe(organizationKey('moisson maskoutaine, INC'));
    expect(organizationKey('Centre d’Entraide Maskoutain')).toBe(
      organizationKey("centre d'entraide  maskoutain"),
    );
    expect(organizationKey('Maison de la Famille')).not.toBe(organizationKey('Maison des familles'));
  });

  it('reads initials with or without their periods as one name', () => {
    expect(organizationKey('S.O.S. Dépannage')).toBe(organizationKey('SOS Dépannage'));
    expect(organizationKey('C.A.B. de Saint-Hyacinthe')).toBe(organizationKey('CAB de Saint-Hyacinthe'));
  });
});

describe('headerKey', () => {
  it('ignores case, accents, extra spaces and a trailing colon', () => {
    expect(headerKey('Organismes partenaires : ')).toBe(headerKey('organismes partenaires'));
    expect(headerKey('  Coût   total')).toBe('cout total');
    expect(headerKey('Conflit d’intérêts')).toBe(headerKey("Conflit d'interets"));
  });
});

describe('helpers', () => {
  it('strips accents and counts edits', () => {
    expect(stripAccents('Évaluateur, cœur')).toBe('Evaluateur, coeur');
    expect(editDistance('sainte-madelaine', 'sainte-madeleine')).toBe(1);
    expect(editDistance('saitn', 'saint')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
