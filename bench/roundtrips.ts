/**
 * Round trips per action: Excel `context.sync()` count and Apps Script call count, for the real
 * adapters and for the per-cell adapters of naive-adapters.ts, on the same fakes. The naive run is
 * kept short: it is counted at two small sizes and extrapolated linearly to 10 000 projects (its
 * cost is one call per cell, so the line is exact up to the few per-sheet calls).
 */
import { runActionInExcel } from '../addin/excel-bridge.js';
import { allianceRun } from '../apps-script/main.js';
import { ACTIONS, type ActionName } from '../core/action-table.js';
import type { WorkbookSnapshot } from '../core/cells.js';
import { createFakeExcel, EXCEL_WEB_LIMITS, type FakeLimits } from '../tests/fakes/excel/index.js';
import { asSpreadsheet, FakeSpreadsheet, fakeServices } from '../tests/fakes/spreadsheet-app.js';
import { generateWorkbook } from './generate.js';
import { naiveExcelAction, naiveSheetsAction } from './naive-adapters.js';

export interface RoundTripRow {
  host: 'Excel' | 'Sheets';
  action: ActionName;
  /** What is counted: `sync()` for Excel, every Apps Script method call for Sheets. */
  unit: string;
  adapterSmall: number;
  adapterLarge: number;
  /** Excel on the web only: the 5 MB request limit splits big writes into more syncs. */
  adapterLargeWeb?: number;
  naiveSmall: number;
  /** Extrapolated from `naiveSmall` and the count at `naiveMeasuredRows`. */
  naiveLarge: number;
  naiveMeasuredRows: number;
}

export interface RoundTripSizes {
  small: number;
  large: number;
  /** Largest size the naive adapters really run at. */
  naiveMeasured: number;
}

const NOW = () => new Date(Date.UTC(2026, 10, 27, 14, 0, 0));
const DESKTOP: FakeLimits = {
  requestBytes: Number.POSITIVE_INFINITY,
  responseBytes: Number.POSITIVE_INFINITY,
};
const EMPTY: WorkbookSnapshot = { sheets: [{ name: 'Feuil1', values: [] }] };

function workbookFor(action: ActionName, projects: number): WorkbookSnapshot {
  return action === 'template' ? EMPTY : generateWorkbook(projects);
}

// ————————————————————————————————————————————— Excel

/** A fake Excel ready for `action`: undo gets a Reformater to undo first, counters zeroed. */
async function excelFor(action: ActionName, projects: number, limits: FakeLimits) {
  const fake = createFakeExcel(workbookFor(action, projects), limits);
  if (action === 'undo') {
    await runActionInExcel('reformat', 'fr', {
      run: fake.run,
      now: NOW,
      notes: true,
      // On the web fake, the default 4 MB budget, as Excel on the web would get.
      payloadBudget: limits === DESKTOP ? Number.POSITIVE_INFINITY : undefined,
    });
  }
  fake.resetStats();
  return fake;
}

async function excelAdapterSyncs(action: ActionName, projects: number, web: boolean): Promise<number> {
  const fake = await excelFor(action, projects, web ? EXCEL_WEB_LIMITS : DESKTOP);
  const { result } = await runActionInExcel(action, 'fr', {
    run: fake.run,
    now: NOW,
    notes: true,
    payloadBudget: web ? undefined : Number.POSITIVE_INFINITY,
  });
  if (!result.ok) throw new Error(`Excel ${action} at ${projects}: ${result.summary}`);
  return fake.stats.syncs;
}

async function excelNaiveSyncs(action: ActionName, projects: number): Promise<number> {
  const fake = await excelFor(action, projects, DESKTOP);
  await fake.run((context) => naiveExcelAction(context, action));
  return fake.stats.syncs;
}

// ————————————————————————————————————————————— Sheets

const GLOBALS = ['SpreadsheetApp', 'HtmlService', 'Charts', 'Logger', 'Session'] as const;

/** The counted fake installed as Apps Script's globals; undo gets a Reformater first. */
function sheetsFor(action: ActionName, projects: number): FakeSpreadsheet {
  const book = FakeSpreadsheet.fromSnapshot(workbookFor(action, projects));
  Object.assign(globalThis, fakeServices(book));
  if (action === 'undo') allianceRun('reformat', 'fr');
  book.counter.reset();
  return book;
}

function uninstallSheets(): void {
  for (const name of GLOBALS) delete (globalThis as Record<string, unknown>)[name];
}

function sheetsAdapterCalls(action: ActionName, projects: number): number {
  try {
    const book = sheetsFor(action, projects);
    const outcome = allianceRun(action, 'fr');
    if (!outcome.ok) throw new Error(`Sheets ${action} at ${projects}: ${outcome.summary}`);
    return book.counter.total();
  } finally {
    uninstallSheets();
  }
}

function sheetsNaiveCalls(action: ActionName, projects: number): number {
  try {
    const book = sheetsFor(action, projects);
    naiveSheetsAction(asSpreadsheet(book), action);
    return book.counter.total();
  } finally {
    uninstallSheets();
  }
}

// ————————————————————————————————————————————— both

/** The count at `target` on the line through (small, atSmall) and (measured, atMeasured). */
export function extrapolate(
  small: number,
  atSmall: number,
  measured: number,
  atMeasured: number,
  target: number,
) {
  if (measured === small) return atMeasured;
  return Math.round(atMeasured + ((atMeasured - atSmall) * (target - measured)) / (measured - small));
}

export async function benchRoundTrips(sizes: RoundTripSizes): Promise<RoundTripRow[]> {
  const rows: RoundTripRow[] = [];
  for (const action of ACTIONS) {
    const naiveSmall = await excelNaiveSyncs(action, sizes.small);
    const naiveMeasured = await excelNaiveSyncs(action, sizes.naiveMeasured);
    rows.push({
      host: 'Excel',
      action,
      unit: 'sync()',
      adapterSmall: await excelAdapterSyncs(action, sizes.small, false),
      adapterLarge: await excelAdapterSyncs(action, sizes.large, false),
      adapterLargeWeb: await excelAdapterSyncs(action, sizes.large, true),
      naiveSmall,
      naiveLarge: extrapolate(sizes.small, naiveSmall, sizes.naiveMeasured, naiveMeasured, sizes.large),
      naiveMeasuredRows: sizes.naiveMeasured,
    });
  }
  for (const action of ACTIONS) {
    const naiveSmall = sheetsNaiveCalls(action, sizes.small);
    const naiveMeasured = sheetsNaiveCalls(action, sizes.naiveMeasured);
    rows.push({
      host: 'Sheets',
      action,
      unit: 'appels',
      adapterSmall: sheetsAdapterCalls(action, sizes.small),
      adapterLarge: sheetsAdapterCalls(action, sizes.large),
      naiveSmall,
      naiveLarge: extrapolate(sizes.small, naiveSmall, sizes.naiveMeasured, naiveMeasured, sizes.large),
      naiveMeasuredRows: sizes.naiveMeasured,
    });
  }
  return rows;
}
