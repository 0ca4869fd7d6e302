import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yearAmountField } from '../../../core/grids/headers.js';
import {
  CellReader,
  findStaffSheet,
  flatText,
  projectIdKey,
  sortIssues,
} from '../../../core/grids/sheets.js';
import { issue } from '../../../core/issues.js';
import { splitList } from '../../../core/values/lists.js';
import { parseMoney } from '../../../core/values/money.js';
import { headerKey } from '../../../core/values/text.js';
import { sheet, workbook } from '../../fixtures/workbook.js';

describe('CellReader.list', () => {
  const pieces = fc.constantFrom(
    'Saint-Pie',
    ' St-Hyacinthe ',
    'Ste-Madeleine',
    '• Moisson Maskoutaine',
    '- Comptoir-partage',
    'Saint\u00A0Jude',
    'e\u0301cole',
    ';',
    ',',
    '\n',
    '\r\n',
    '\u2028',
    ' ',
    '',
  );
  it('gives exactly what splitList gives, with and without commas', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        const reader = new CellReader(sheet('Projets', [[text]]));
        expect(reader.list(0, 0)).toEqual(splitList(text));
        expect(reader.list(0, 0, true)).toEqual(splitList(text, { allowComma: true }));
      }),
      { numRuns: 300 },
    );
  });

  it('returns a list of its own for each record', () => {
    const reader = new CellReader(sheet('Projets', [['Saint-Pie; Saint-Jude'], ['Saint-Pie; Saint-Jude']]));
    const first = reader.list(0, 0);
    first.push('Saint-Louis');
    expect(reader.list(1, 0)).toEqual(['Saint-Pie', 'Saint-Jude']);
  });
});

describe('CellReader.money', () => {
  it('reads whole dollars exactly as parseMoney does, -0 included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e6, max: 2e12 }), fc.constant(-0), fc.double()), (dollars) => {
        const parsed = parseMoney(dollars);
        const cents = new CellReader(sheet('Projets', [[dollars]])).money(0, 0, { allowNegative: true });
        if (parsed.kind === 'amount') expect(Object.is(cents, parsed.cents)).toBe(true);
        else expect(cents).toBe(Number.isFinite(dollars) ? 0 : null);
      }),
    );
  });
});

describe('small helpers', () => {
  it('flatText collapses every kind of space and trims', () => {
    expect(flatText('  Moisson\u00A0\u00A0Maskoutaine\n inc. ')).toBe('Moisson Maskoutaine inc.');
    expect(flatText('P-001')).toBe('P-001');
  });

  it('projectIdKey agrees with headerKey on plain numbers and handles accents', () => {
    for (const id of ['P-001', 'p-001', '12', 'AB:', 'Projet-É1'])
      expect(projectIdKey(id)).toBe(headerKey(id));
  });

  it('findStaffSheet matches names without case or accents, in French or English', () => {
    const snapshot = workbook(sheet('GRILLE DE SELECTION', []), sheet('payments', []));
    expect(findStaffSheet(snapshot, 'selection')?.name).toBe('GRILLE DE SELECTION');
    expect(findStaffSheet(snapshot, 'payments')?.name).toBe('payments');
    expect(findStaffSheet(snapshot, 'projects')).toBeUndefined();
  });

  it('sortIssues with dedupe keeps the first of identical issues, even in long runs on one place', () => {
    const at = { sheet: 'Projets', cell: 'F7' };
    const issues = [
      issue('municipality.unrecognized', 'error', at, { input: 'abc', suggestion: undefined }),
      issue('cell.moneyAsText', 'warning', at, { value: '12 $' }),
      issue('municipality.unrecognized', 'error', at, { input: 'abc' }),
      issue('municipality.unrecognized', 'warning', at, { input: 'abc' }),
      issue('municipality.unrecognized', 'error', { sheet: 'Projets', cell: 'F8' }, { input: 'abc' }),
    ];
    expect(sortIssues(issues, ['Projets'], { dedupe: true })).toEqual([
      issues[0],
      issues[1],
      issues[3],
      issues[4],
    ]);
    const many = Array.from({ length: 40 }, (_, i) =>
      issue('money.invalid', 'error', { sheet: 'Projets' }, { value: String(i % 20) }),
    );
    expect(sortIssues(many, ['Projets'], { dedupe: true })).toEqual(many.slice(0, 20));
  });

  it('sortIssues orders by sheet, row, then column (AA after Z), sheet-less first, stable', () => {
    const issues = [
      issue('cell.idMissing', 'error', { sheet: 'Versements', cell: 'A2' }),
      issue('cell.idMissing', 'error', { sheet: 'Projets', cell: 'AA10' }),
      issue('cell.idMissing', 'error', { sheet: 'Projets', cell: 'Z10' }),
      issue('cell.idMissing', 'warning', { sheet: 'Projets', cell: 'B9' }),
      issue('sheet.noneFound', 'error'),
      issue('header.notFound', 'error', { sheet: 'Projets' }, { column: 'No' }),
      issue('cell.idMissing', 'info', { sheet: 'Projets', cell: 'B9' }),
    ];
    const sorted = sortIssues(issues, ['Projets', 'Versements']).map(
      (i) => `${i.sheet ?? '-'}!${i.cell ?? '-'}:${i.severity}`,
    );
    expect(sorted).toEqual([
      '-!-:error',
      'Projets!-:error',
      'Projets!B9:warning',
      'Projets!B9:info',
      'Projets!Z10:error',
      'Projets!AA10:error',
      'Versements!A2:error',
    ]);
  });
});

describe('yearAmountField', () => {
  it.each([
    ['Demandé 2020-2021', 'requested 2020-2021'],
    ['Demandé 2020 – 2021', 'requested 2020-2021'],
    ['demande 2020–2021 :', 'requested 2020-2021'],
    ['Montant accordé (2021-2022)', 'granted 2021-2022'],
    ['Requested amount 2022-2023', 'requested 2022-2023'],
    ['Granted 2019-2020', 'granted 2019-2020'],
    ['Accordée en 2020-2021', 'granted 2020-2021'],
  ])('%s → %s', (header, field) => {
    expect(yearAmountField(header)).toBe(field);
  });

  it('ignores what is not one program year', () => {
    for (const header of ['Demandé 2020-2022', 'Demandé', 'Total demandé', 'Demandé 2020']) {
      expect(yearAmountField(header)).toBeNull();
    }
  });
});
