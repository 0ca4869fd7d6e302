/**
 * What each action moves in Google Sheets, on the counted fake (tests/fakes/spreadsheet-app.ts):
 * Apps Script calls, bytes read from and written to ranges, and bytes crossing `google.script.run`
 * to and from the sidebar, on a workbook that has lived: a Journal of many rows and the generated
 * sheets already there. Changing actions run as the sidebar runs them: preview, then the confirmed
 * run with its token.
 */
import { alliancePreview, allianceRun } from '../apps-script/main.js';
import { ACTIONS, type ActionName, changesCells } from '../core/action-table.js';
import { JOURNAL_SHEET } from '../core/journal.js';
import { FakeSpreadsheet, fakeServices, PayloadMeter } from '../tests/fakes/spreadsheet-app.js';
import { withJournal } from '../tests/fixtures/journal.js';
import { generateWorkbook } from './generate.js';
import { markdownTable } from './measure.js';

export interface PayloadRow {
  action: ActionName;
  projects: number;
  journalRows: number;
  calls: number;
  readBytes: number;
  journalReadBytes: number;
  writtenBytes: number;
  /** JSON of what the server functions return to the sidebar, and of the confirmation sent back. */
  sidebarBytes: number;
}

const json = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

/** One action as the sidebar runs it; the book is left as the action leaves it. */
function measured(book: FakeSpreadsheet, action: ActionName): Omit<PayloadRow, 'projects' | 'journalRows'> {
  const meter = new PayloadMeter();
  book.counter.reset();
  book.counter.meter = meter;
  let sidebarBytes = 0;
  try {
    let confirmation: { token: string; restoreChanged: boolean } | undefined;
    if (changesCells(action)) {
      const preview = alliancePreview(action, 'fr');
      sidebarBytes += json(preview);
      confirmation = { token: preview.token, restoreChanged: false };
      sidebarBytes += json(confirmation);
    }
    const result = allianceRun(action, 'fr', confirmation);
    sidebarBytes += json(result);
    if (!result.ok) throw new Error(`Sheets ${action}: ${result.summary}`);
  } finally {
    book.counter.meter = null;
  }
  return {
    action,
    calls: book.counter.total(),
    readBytes: meter.bytes('read'),
    journalReadBytes: meter.bytes('read', JOURNAL_SHEET),
    writtenBytes: meter.bytes('written'),
    sidebarBytes,
  };
}

/** Every action in the table's order (Annuler undoes the Reformater before it), at each size. */
export function benchPayload(sizes: readonly number[], journalRows: number): PayloadRow[] {
  const rows: PayloadRow[] = [];
  const installed = new Set<string>();
  try {
    for (const projects of sizes) {
      const book = FakeSpreadsheet.fromSnapshot(withJournal(generateWorkbook(projects), journalRows));
      const services = fakeServices(book);
      Object.assign(globalThis, services);
      for (const name of Object.keys(services)) installed.add(name);
      // A workbook that has lived: the generated sheets are there before the measured runs.
      for (const action of ['validate', 'summary', 'rank', 'followup'] as const) allianceRun(action, 'fr');
      for (const action of ACTIONS) rows.push({ projects, journalRows, ...measured(book, action) });
    }
  } finally {
    for (const name of installed) delete (globalThis as Record<string, unknown>)[name];
  }
  return rows;
}

export function payloadTable(rows: readonly PayloadRow[]): string {
  const n = (count: number) => count.toLocaleString('fr-CA');
  const kb = (bytes: number) => `${(bytes / 1024).toLocaleString('fr-CA', { maximumFractionDigits: 1 })} Kio`;
  return markdownTable(
    [
      'action',
      'projets',
      'lignes du Journal',
      'appels',
      'lu',
      'dont Journal',
      'écrit',
      'panneau (aller-retour)',
    ],
    rows.map((r) => [
      r.action,
      n(r.projects),
      n(r.journalRows),
      n(r.calls),
      kb(r.readBytes),
      kb(r.journalReadBytes),
      kb(r.writtenBytes),
      kb(r.sidebarBytes),
    ]),
  );
}
