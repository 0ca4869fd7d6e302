import { describe, expect, it } from 'vitest';
import { en } from '../../../core/messages/en.js';
import { fr } from '../../../core/messages/fr.js';
import { frenchSpacing, message } from '../../../core/messages/index.js';

describe('messages', () => {
  it('has an English entry for every French code, and no other', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('keeps quotes and colons on the line of their text in French', () => {
    expect(
      frenchSpacing('Municipalité non reconnue : « Ste-Madelaine ». Vouliez-vous dire Sainte-Madeleine ?'),
    ).toBe(
      'Municipalité non reconnue\u00a0: «\u00a0Ste-Madelaine\u00a0». Vouliez-vous dire Sainte-Madeleine\u00a0?',
    );
    expect(frenchSpacing('https://exemple.qc.ca/a:b')).toBe('https://exemple.qc.ca/a:b');
  });

  it('renders French with no-break spaces and English untouched', () => {
    const fr = message('municipality.unrecognized', {
      input: 'Ste-Madelaine',
      suggestion: 'Sainte-Madeleine',
    });
    expect(fr).not.toMatch(/« | »| [:;?!]/);
    const english = message('municipality.unrecognized', { input: 'Ste-Madelaine' }, 'en');
    expect(english).not.toContain('\u00a0:');
  });
});
