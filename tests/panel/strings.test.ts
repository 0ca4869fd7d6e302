import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../core/action-table.js';
import { formatCount, LANGS, type PanelStrings, STRINGS } from '../../panel/strings.js';

/** Every leaf of a string table, functions called with a few counts, as `path → text`. */
function leaves(table: PanelStrings): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function') {
      for (const n of [0, 1, 2, 1234])
        out.set(`${path}(${n})`, String((value as (...a: unknown[]) => unknown)(n, 'A1')));
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(table, '');
  return out;
}

describe('panel strings', () => {
  it('have the same keys in French and English, none empty', () => {
    const fr = leaves(STRINGS.fr);
    const en = leaves(STRINGS.en);
    expect([...en.keys()]).toEqual([...fr.keys()]);
    for (const table of [fr, en]) for (const [path, text] of table) expect(text.trim(), path).not.toBe('');
  });

  it('label every action in both languages, with the French names staff know', () => {
    for (const lang of LANGS) expect(Object.keys(STRINGS[lang].action).sort()).toEqual([...ACTIONS].sort());
    for (const lang of LANGS) {
      const labels = Object.values(STRINGS[lang].action);
      expect(new Set(labels).size, lang).toBe(labels.length);
    }
    // design.md names these two; the others are the menu's own.
    expect(STRINGS.fr.action.undo).toBe('Annuler la dernière opération');
    expect(STRINGS.fr.action.validate).toBe('Valider');
  });

  it('ask before changing cells, in French with no-break spaces and plurals', () => {
    expect(STRINGS.fr.confirmChanges(23)).toBe('23 cellules seront modifiées. Continuer\u00a0?');
    expect(STRINGS.fr.confirmChanges(1)).toBe('1 cellule sera modifiée. Continuer\u00a0?');
    expect(STRINGS.fr.confirmChanges(12500)).toBe('12\u00a0500 cellules seront modifiées. Continuer\u00a0?');
    expect(STRINGS.en.confirmChanges(23)).toBe('23 cells will be changed. Continue?');
  });

  it('count severities with French plurals (0 and 1 singular)', () => {
    const { severityCount } = STRINGS.fr;
    expect([0, 1, 2].map(severityCount.error)).toEqual(['0 erreur', '1 erreur', '2 erreurs']);
    expect(severityCount.warning(3)).toBe('3 avertissements');
    expect(severityCount.info(1)).toBe('1 info');
    expect(STRINGS.en.severityCount.warning(0)).toBe('0 warnings');
  });

  it('use French typography: no-break space before the colon and inside guillemets', () => {
    for (const [path, text] of leaves(STRINGS.fr)) {
      expect(text, path).not.toMatch(/ [:?;!»]|« /);
    }
    expect(STRINGS.fr.actionFailed('Valider')).toContain('«\u00a0Valider\u00a0»');
  });

  it('format counts per locale', () => {
    expect(formatCount(1234, 'fr-CA')).toBe('1\u00a0234');
    expect(formatCount(1234, 'en-CA')).toBe('1,234');
  });
});
