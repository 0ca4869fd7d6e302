/// <reference types="office-js" />
/**
 * A fake Office.js host for tests and for the browser test page.
 *
 * - Node tests: `createFakeExcel(snapshot)` → `{ model, stats, run }`; `run(cb)` behaves like
 *   `Excel.run(cb)` over the in-memory workbook and counts syncs, loads and operations.
 * - Browser (H8's end-to-end test): `npm run build:addin` also writes `dist/addin-test/`:
 *     - `dist/addin-test/taskpane.html` — the task pane page, Office.js replaced by the fake;
 *     - `dist/addin-test/fake-office.js` — installs `window.Office`, `window.Excel` and
 *       `window.CustomFunctions` over the sample workbook (`examples/` .xlsx when present, read
 *       at build time) before `taskpane.js` runs;
 *     - `dist/addin-test/taskpane.js` — the same task pane bundle as `dist/addin/`.
 *   The page exposes `window.__allianceFake` (see `FakeHostHandle`): the model (cells, notes,
 *   charts), the stats, and `snapshot()` to read the workbook back after clicks.
 */
import type { WorkbookSnapshot } from '../../../core/cells.js';
import {
  EXCEL_WEB_LIMITS,
  type FakeLimits,
  FakeRequestContext,
  type FakeRunOptions,
  type FakeStats,
  newStats,
} from './context.js';
import { FakeWorkbookModel } from './model.js';

export type { FakeLimits, FakeRunOptions, FakeStats } from './context.js';
export { EXCEL_WEB_LIMITS, FakeOfficeError, FakeRequestContext, newStats } from './context.js';
export type { RefFormula, SheetRef } from './formula.js';
export { breakReferences, evaluateRefFormula, isErrorValue, parseRefFormula } from './formula.js';
export type {
  FakeCell,
  FakeChart,
  FakeProtectionOptions,
  FakeScalar,
  FakeSheetProtection,
  FakeSpill,
  FakeTable,
  FakeValidation,
} from './model.js';
export { coerceTyped, dateToSerial, FakeSheet, FakeWorkbookModel } from './model.js';

export interface FakeExcel {
  model: FakeWorkbookModel;
  stats: FakeStats;
  /** A new request context over the model, typed as the real one for the adapter. */
  context(options?: FakeRunOptions): Excel.RequestContext;
  /** Like `Excel.run`: one context per call; `run({ mergeUndoGroup: true }, batch)` as in ExcelApi 1.20. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: FakeRunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Zeroes the counters (e.g. after setting a workbook up). */
  resetStats(): void;
}

export function createFakeExcel(
  snapshot: WorkbookSnapshot,
  limits: FakeLimits = EXCEL_WEB_LIMITS,
  options: { strictNullObjects?: boolean } = {},
): FakeExcel {
  const model = FakeWorkbookModel.fromSnapshot(snapshot);
  const stats = newStats();
  const context = (runOptions: FakeRunOptions = {}) =>
    new FakeRequestContext(
      model,
      stats,
      limits,
      options.strictNullObjects,
      runOptions,
    ) as unknown as Excel.RequestContext;
  const run = <T>(
    first: FakeRunOptions | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> => {
    if (typeof first === 'function') return first(context());
    if (!second) throw new Error('Excel.run(options, batch) needs a batch function');
    return second(context(first));
  };
  return {
    model,
    stats,
    context,
    run,
    resetStats: () => Object.assign(stats, newStats()),
  };
}

/** What the browser test page exposes as `window.__allianceFake`. */
export interface FakeHostHandle {
  model: FakeWorkbookModel;
  stats: FakeStats;
  snapshot(): WorkbookSnapshot;
  /** Value of one cell (`''` when empty): `cell('Sommaire budgétaire', 'B5')`. */
  cell(sheet: string, address: string): string | number | boolean;
  formula(sheet: string, address: string): string | null;
  sheetNames(): string[];
}

/** Custom function errors as Excel's runtime builds them (code + message). */
class FakeCustomFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
};

/**
 * Installs fake `Office`, `Excel` and `CustomFunctions` globals on `target` (a browser `window`
 * or `globalThis`), backed by an in-memory workbook loaded from `snapshot`.
 */
export function installFakeOffice(
  target: Record<string, unknown>,
  snapshot: WorkbookSnapshot,
  options: { displayLanguage?: string; limits?: FakeLimits } = {},
): FakeHostHandle {
  const fake = createFakeExcel(snapshot, options.limits);
  const associated: Record<string, unknown> = {};
  target.Office = {
    HostType: { Excel: 'Excel' },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    context: {
      // The fake enforces Excel on the web's payload limits, so it says it is the web.
      platform: 'OfficeOnline',
      displayLanguage: options.displayLanguage ?? 'fr-CA',
      requirements: {
        isSetSupported: (set: string, version = '1.1') =>
          set !== 'ExcelApi' || Number(version.split('.')[1] ?? 0) <= fake.model.excelApiMinor,
      },
    },
  };
  target.Excel = { run: fake.run };
  target.CustomFunctions = {
    associate: (id: string | Record<string, unknown>, fn?: unknown) => {
      if (typeof id === 'string') associated[id] = fn;
      else Object.assign(associated, id);
    },
    Error: FakeCustomFunctionError,
    ErrorCode: ERROR_CODES,
    __associated: associated,
  };
  const handle: FakeHostHandle = {
    model: fake.model,
    stats: fake.stats,
    snapshot: () => fake.model.toSnapshot(),
    cell: (sheet, address) => fake.model.sheet(sheet).valueAt(address),
    formula: (sheet, address) => fake.model.sheet(sheet).formulaAt(address),
    sheetNames: () => fake.model.sheets.map((s) => s.name),
  };
  target.__allianceFake = handle;
  return handle;
}
