import { describe, expect, it } from 'vitest';
import {
  type ColumnContract,
  fixedColumns,
  kindOf,
  PAYMENTS_CONTRACT,
  PROJECTS_CONTRACT,
  SELECTION_CONTRACT,
  sheetColumns,
} from '../../../core/grids/contracts.js';
import { classifierFor, yearAmountField } from '../../../core/grids/headers.js';
import { PRESET_SETTINGS } from '../../../core/settings.js';
import { headerKey } from '../../../core/values/text.js';

const CONTRACTS: [string, readonly ColumnContract[]][] = [
  ['Projets', PROJECTS_CONTRACT],
  ['Grille de sélection', SELECTION_CONTRACT],
  ['Versements', PAYMENTS_CONTRACT],
];

describe('staff sheet contracts', () => {
  it.each(CONTRACTS)('%s: every header and alias belongs to one column only', (_, contract) => {
    const owner = new Map<string, string>();
    for (const column of fixedColumns(contract)) {
      for (const name of column.names) {
        const key = headerKey(name);
        expect(owner.get(key) ?? column.field, name).toBe(column.field);
        owner.set(key, column.field);
      }
    }
  });

  it.each(CONTRACTS)(
    '%s: the template’s headers read back as their fields, with their kinds',
    (_, contract) => {
      const classify = classifierFor(
        [
          ...fixedColumns(contract),
          ...PRESET_SETTINGS.criteria.map((c) => ({ field: `criterion ${c.name}`, names: [c.name] })),
        ],
        yearAmountField,
      );
      for (const column of sheetColumns(contract, PRESET_SETTINGS)) {
        expect(classify(column.header), column.header).toBe(column.field);
        expect(kindOf(contract, column.field)).toBe(column.kind);
      }
    },
  );

  it('expands one column per program year and per criterion, in sheet order', () => {
    const projects = sheetColumns(PROJECTS_CONTRACT, PRESET_SETTINGS).map((c) => c.header);
    const years = PRESET_SETTINGS.years.map((y) => y.label);
    expect(projects.slice(10, 10 + 2 * years.length)).toEqual([
      ...years.map((y) => `Demandé ${y}`),
      ...years.map((y) => `Accordé ${y}`),
    ]);
    const grid = sheetColumns(SELECTION_CONTRACT, PRESET_SETTINGS);
    expect(grid.filter((c) => c.kind === 'score').map((c) => c.header)).toEqual(
      PRESET_SETTINGS.criteria.map((c) => c.name),
    );
    expect(kindOf(PROJECTS_CONTRACT, 'granted 2031-2032')).toBe('money');
    expect(kindOf(SELECTION_CONTRACT, 'criterion Inventé')).toBe('score');
    expect(kindOf(PROJECTS_CONTRACT, 'inconnu')).toBeUndefined();
  });

  it('takes the priorities drop-down from the settings', () => {
    const priorities = sheetColumns(PROJECTS_CONTRACT, {
      ...PRESET_SETTINGS,
      priorities: [{ number: 7, name: 'Transport', keywords: [] }],
    }).find((c) => c.field === 'priorities');
    expect(priorities?.list).toEqual(['7']);
  });
});
