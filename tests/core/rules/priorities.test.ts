import { describe, expect, it } from 'vitest';
import { parsePriorities, parsePriority } from '../../../core/priorities.js';
import { PRESET_SETTINGS } from '../../../core/settings.js';

const settings = PRESET_SETTINGS;

describe('parsePriorities', () => {
  it.each([
    ['2', 2],
    [' 2 ', 2],
    ['P2', 2],
    ['p 2', 2],
    ['#2', 2],
    ['Priorité 2', 2],
    ['priorite 2', 2],
    ['Priority 2', 2],
    ['Priorité d’action #1', 1],
    ['3 - Habitation', 3],
    ['3. habitation', 3],
    ['habitation', 3],
    ['Securite alimentaire', 1],
    ['SÉCURITÉ ALIMENTAIRE', 1],
    ['Prévention du décrochage scolaire', 4],
    ['Insertion socioprofessionnelle', 2],
    // A keyword that belongs to one priority only.
    ['logement', 3],
  ])('reads « %s » as priority %i', (item, expected) => {
    expect(parsePriority(item, settings)).toBe(expected);
  });

  it.each([
    ['5'],
    ['P0'],
    ['Priorité 12'],
    ['Culture'],
    ['2 - Sécurité alimentaire'],
    ['2habitation'],
    ['2019'],
  ])('rejects « %s »', (item) => {
    expect(parsePriority(item, settings)).toBeNull();
  });

  it('gives distinct sorted numbers and the invalid items as typed', () => {
    expect(parsePriorities(['Habitation', '1', 'P3', ' ', 'Culture ', '#1'], settings)).toEqual({
      numbers: [1, 3],
      invalid: ['Culture'],
    });
    expect(parsePriorities([], settings)).toEqual({ numbers: [], invalid: [] });
  });

  it('reads « 1,2 » that a French spreadsheet turned into the number 1.2 as priorities 1 and 2', () => {
    expect(parsePriorities(['1.2'], settings)).toEqual({ numbers: [1, 2], invalid: [] });
    expect(parsePriorities(['2,34'], settings)).toEqual({ numbers: [2, 3, 4], invalid: [] });
    expect(parsePriorities(['1.5'], settings)).toEqual({ numbers: [], invalid: ['1.5'] });
  });

  it('follows the priorities of the settings', () => {
    const five = {
      ...settings,
      priorities: [
        ...settings.priorities,
        { number: 5, name: 'Transport collectif', keywords: ['transport'] },
      ],
    };
    expect(parsePriorities(['5', 'transport collectif', 'Transport'], five).numbers).toEqual([5]);
  });

  it('ignores a keyword shared by two priorities', () => {
    const shared = {
      ...settings,
      priorities: settings.priorities.map((p) => ({ ...p, keywords: [...p.keywords, 'communautaire'] })),
    };
    expect(parsePriority('communautaire', shared)).toBeNull();
  });
});
