import { describe, expect, it } from 'vitest';
import { readPayments } from '../../../core/grids/payments.js';
import { at, sheet } from '../../fixtures/workbook.js';

describe('readPayments', () => {
  it('reads payments with their cells, mapping project numbers onto Projets', () => {
    const reading = readPayments(
      sheet('Versements', [
        ['Versements 2020-2021'],
        ['No', 'Date', 'Montant', 'Type'],
        [' p-001 ', new Date(Date.UTC(2021, 1, 15)), 44_799, 'Premier versement'],
        ['P-002', '2021-03-15', '29 100 $', 'Premier versement'],
      ]),
      new Map([
        ['p-001', 'P-001'],
        ['p-002', 'P-002'],
      ]),
    );
    // Origin cells are read by field; JSON gives them all.
    expect(JSON.parse(JSON.stringify(reading.payments))).toEqual([
      {
        projectId: 'P-001',
        date: '2021-02-15',
        amountCents: 4_479_900,
        type: 'Premier versement',
        origin: { sheet: 'Versements', cells: { id: 'A3', date: 'B3', amount: 'C3', type: 'D3' } },
      },
      expect.objectContaining({ projectId: 'P-002', date: '2021-03-15', amountCents: 2_910_000 }),
    ]);
    expect(reading.payments[1].origin?.cells.amount).toBe('C4');
    expect(reading.payments[1].origin?.cells).not.toHaveProperty('comment');
    expect(at(reading.issues)).toEqual(['cell.dateAsText@B4', 'cell.moneyAsText@C4']);
  });

  it('keeps a payment of an unknown project as typed (the ledger reports it), and reports a missing amount', () => {
    const reading = readPayments(
      sheet('Payments', [
        ['ID', 'Amount', 'Date'],
        ['P-099', 10_000, '2021-01-10'],
        ['P-001', null, '2021-01-10'],
        ['P-001', -500, '2021-01-10'],
      ]),
    );
    expect(reading.payments.map((p) => [p.projectId, p.amountCents])).toEqual([
      ['P-099', 1_000_000],
      ['P-001', -50_000],
    ]);
    expect(at(reading.issues).filter((a) => !a.startsWith('cell.dateAsText'))).toEqual([
      'cell.amountMissing@B3',
      'cell.moneyNegative@B4',
    ]);
  });
});
