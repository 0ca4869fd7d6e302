/**
 * The Sheets host reads, for each action, only what core/action-table.ts says it needs: the
 * contract's sheets whole, every other sheet's name and first rows, the Journal's header and last
 * row when the action only appends to it. Core must decide exactly what it decides on a whole read.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { allianceRun } from '../../apps-script/main.js';
import { readSnapshot } from '../../apps-script/sheets-adapter.js';
import { readWorkbook } from '../../cli/xlsx/read.js';
import { ACTIONS, type ActionName } from '../../core/action-table.js';
import { type ActionResult, previewAction, runAction } from '../../core/actions.js';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { resolvePlan } from '../../core/writes.js';
import { asServices, asSpreadsheet, FakeSpreadsheet, fakeServices } from '../fakes/spreadsheet-app.js';
import { withJournal } from '../fixtures/journal.js';
import { fuzzRuns, hostableWorkbookWithProjects } from '../reliability/arbitraries.js';

const NOW = new Date('2026-11-27T14:03:05Z');
/** The Apps Script globals a test installed (main.ts calls them as globals). */
const installed = new Set<string>();
function install(book: FakeSpreadsheet) {
  const services = fakeServices(book);
  Object.assign(globalThis, services);
  for (const name of Object.keys(services)) installed.add(name);
  return services;
}

afterEach(() => {
  for (const name of installed) delete (globalThis as Record<string, unknown>)[name];
});

/** What core decides of an action: its outcome, issues, plan, preview and exact writes. */
function decisions(action: ActionName, snapshot: WorkbookSnapshot) {
  const result: ActionResult = runAction(action, snapshot, { lang: 'fr', now: NOW });
  const preview = previewAction(result, snapshot);
  return {
    ok: result.ok,
    summary: result.summary,
    issues: result.issues,
    plan: result.plan,
    preview: { changedCells: preview.plan.changedCells, issues: preview.issues },
    resolved: resolvePlan(result.plan, snapshot),
  };
}

/**
 * A spreadsheet that has lived: a Journal (unless staff own a sheet of that name), the generated
 * sheets written by the host, a Reformater journaled; then each action decides the same on a
 * whole read and on its partial read.
 */
function expectSameDecisions(workbook: WorkbookSnapshot): void {
  const staffJournal = workbook.sheets.some((s) => s.name.toLowerCase() === 'journal');
  const book = FakeSpreadsheet.fromSnapshot(staffJournal ? workbook : withJournal(workbook, 30));
  install(book);
  for (const action of ['validate', 'summary', 'rank', 'followup', 'reformat'] as const)
    allianceRun(action, 'fr');
  const spreadsheet = asSpreadsheet(book);
  const services = asServices(fakeServices(book));
  const whole = readSnapshot(spreadsheet, services);
  for (const action of ACTIONS) {
    const part = readSnapshot(spreadsheet, services, { action });
    // Core sees every sheet, in order: a staff sheet is never overwritten, whatever its case.
    expect(part.sheets.map((s) => s.name)).toEqual(whole.sheets.map((s) => s.name));
    expect(decisions(action, part), action).toEqual(decisions(action, whole));
  }
}

describe('Sheets reads only what an action needs, and core decides the same', () => {
  it('on the sample workbook', async () => {
    const sample = (await readWorkbook('examples/alliance-exemple.xlsx')).snapshot;
    expectSameDecisions(sample);
  });

  it('on generated workbooks (staff sheets named like generated ones included)', () => {
    fc.assert(
      fc.property(hostableWorkbookWithProjects, (workbook) => expectSameDecisions(workbook)),
      { numRuns: Math.max(10, Math.ceil(fuzzRuns(100) / 10)), seed: 12 },
    );
  });

  it('reads the other sheets in part: names, first rows and row count', async () => {
    const sample = (await readWorkbook('examples/alliance-exemple.xlsx')).snapshot;
    const book = FakeSpreadsheet.fromSnapshot(withJournal(sample, 500));
    const services = install(book);
    allianceRun('rank', 'fr');
    const part = readSnapshot(asSpreadsheet(book), asServices(services), { action: 'summary' });
    const journal = part.sheets.find((s) => s.name === 'Journal');
    expect(journal?.partial).toEqual({ rows: 504 });
    expect(journal?.values).toHaveLength(3);
    expect(part.sheets.find((s) => s.name === 'Classement')?.partial).toBeDefined();
    expect(part.sheets.find((s) => s.name === 'Projets')?.partial).toBeUndefined();
    const reformat = readSnapshot(asSpreadsheet(book), asServices(services), { action: 'reformat' });
    expect(reformat.sheets.find((s) => s.name === 'Journal')?.partial).toMatchObject({
      rows: 504,
      lastRow: expect.arrayContaining(['Annulée']),
    });
  });
});
