/**
 * The Versements sheet → `Payment` records. A payment of a project missing from Projets, or
 * without a date, is kept: the ledger reports it at its cell (it sees the projects and the years).
 */
import type { SheetSnapshot } from '../cells.js';
import type { Issue } from '../issues.js';
import type { Payment, PaymentField } from '../records.js';
import { PAYMENTS_CONTRACT, requiredColumns } from './contracts.js';
import { classifierFor, readHeader, type SheetLayout } from './headers.js';
import { gridRows, projectIdKey, type ReaderOptions, readerIssues } from './sheets.js';

export interface PaymentsReading {
  payments: Payment[];
  layout: SheetLayout | null;
  issues: Issue[];
}

export function readPayments(
  sheet: SheetSnapshot,
  projectIds: ReadonlyMap<string, string> = new Map(),
  options: ReaderOptions = {},
): PaymentsReading {
  const header = readHeader(sheet, {
    classify: classifierFor(PAYMENTS_CONTRACT),
    required: requiredColumns(PAYMENTS_CONTRACT),
  });
  const issues = header.issues;
  const layout = header.layout;
  if (layout === null) return { payments: [], layout: null, issues };
  const columns = layout.columns;
  const { reader, rows, cellsOf } = gridRows<PaymentField>(sheet, layout);
  const payments: Payment[] = [];
  for (const { row, typed } of rows) {
    const unreadableBefore = reader.unreadableAmounts.length;
    const amountCents = reader.money(row, columns.amount);
    if (amountCents === null) {
      if (columns.amount !== undefined) reader.report('cell.amountMissing', 'error', row, columns.amount);
      continue;
    }
    payments.push({
      projectId: projectIds.get(projectIdKey(typed)) ?? typed,
      date: reader.date(row, columns.date),
      amountCents,
      ...(reader.unreadableAmounts.length > unreadableBefore ? { unreadableAmount: true as const } : {}),
      type: reader.text(row, columns.type),
      origin: { sheet: sheet.name, cells: cellsOf(row) },
    });
  }
  return { payments, layout, issues: readerIssues(issues, reader, options) };
}
