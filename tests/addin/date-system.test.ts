import { describe, expect, it } from 'vitest';
import { readDateSystem, readSnapshot } from '../../addin/excel-adapter.js';
import { createExcelBridge, runActionInExcel } from '../../addin/excel-bridge.js';
import { askDateSystem, associateFunctions, type CustomFunctionsRuntime } from '../../addin/functions.js';
import { analyzeWorkbook } from '../../core/analysis.js';
import { CATALOG } from '../../core/catalog/catalog.js';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { createFakeExcel } from '../fakes/excel/index.js';

const NOW = () => new Date(Date.UTC(2026, 11, 3, 15, 0, 0));
/** 2021-06-01 and 2022-03-31 as serials of the 1904 date system (1462 less than in the 1900 one). */
const START_1904 = 44348 - 1462;
const END_1904 = 44651 - 1462;

function workbook(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Projets',
        values: [
          ['No', 'Titre', 'Début', 'Fin', 'Reddition reçue'],
          ['AS-01', 'Cuisines collectives', START_1904, END_1904, '2022-06-15'],
        ],
      },
    ],
  };
}

describe('a workbook on the 1904 date system (Excel: Options → Advanced → Use 1904 date system)', () => {
  it('is recognized in the read sync, and its serials read as the days Excel shows', async () => {
    const fake = createFakeExcel(workbook());
    fake.model.date1904 = true;
    const snapshot = await fake.run((context) => readSnapshot(context));
    expect(fake.stats.syncs).toBe(1);
    expect(snapshot.sheets.every((sheet) => sheet.date1904)).toBe(true);
    const project = analyzeWorkbook(snapshot, { today: '2026-12-03' }).projects[0];
    expect([project.start, project.end]).toEqual(['2021-06-01', '2022-03-31']);
  });

  it('the same serials in a 1900 workbook are four years and a day earlier', async () => {
    const fake = createFakeExcel(workbook());
    const snapshot = await fake.run((context) => readSnapshot(context));
    expect(snapshot.sheets[0].date1904).toBeUndefined();
    expect(analyzeWorkbook(snapshot, { today: '2026-12-03' }).projects[0].end).toBe('2018-03-30');
  });

  it('Reformater writes a date typed as text as that workbook’s serial', async () => {
    for (const date1904 of [true, false]) {
      const fake = createFakeExcel(workbook());
      fake.model.date1904 = date1904;
      const { result } = await runActionInExcel('reformat', 'fr', { run: fake.run, now: NOW, notes: true });
      expect(result.ok).toBe(true);
      // 2022-06-15 is 44727 in the 1900 system.
      expect(fake.model.sheet('Projets').valueAt('E2')).toBe(date1904 ? 44727 - 1462 : 44727);
      // The dates already real are left as they are.
      expect(fake.model.sheet('Projets').valueAt('D2')).toBe(END_1904);
    }
  });
});

describe('the panel in a workbook on the 1904 date system: nothing lost', () => {
  it('previews, confirms and undoes Reformater with that system’s serials', async () => {
    const fake = createFakeExcel(workbook());
    fake.model.date1904 = true;
    const bridge = createExcelBridge({ run: fake.run, now: NOW, notes: true });
    const before = fake.model.toSnapshot().sheets.find((s) => s.name === 'Projets')?.values;
    const preview = await bridge.preview('reformat', 'fr');
    expect(preview.changedCells).toBeGreaterThan(0);
    // The confirmation writes what the preview read, in the workbook's date system.
    await bridge.run('reformat', 'fr', { token: preview.token, restoreChanged: false });
    const projets = fake.model.sheet('Projets');
    expect(projets.valueAt('E2')).toBe(44727 - 1462);
    expect(projets.valueAt('D2')).toBe(END_1904);
    // Annuler gives back the very cells staff had.
    await bridge.run('undo', 'fr');
    expect(fake.model.toSnapshot().sheets.find((s) => s.name === 'Projets')?.values).toEqual(before);
  });
});

describe('custom functions in a workbook on the 1904 date system', () => {
  const runtime: CustomFunctionsRuntime & { associated: Map<string, (...args: unknown[]) => unknown> } = {
    associated: new Map(),
    associate(id, fn) {
      this.associated.set(id, fn);
    },
    Error: class {} as unknown as CustomFunctionsRuntime['Error'],
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
  };

  it('ask Excel once, wait for its answer, then read and give that system’s serials', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Feuil1', values: [] }] });
    fake.model.date1904 = true;
    const dateSystem = askDateSystem(() => fake.run(readDateSystem));
    associateFunctions(runtime, CATALOG, 'fr', dateSystem);
    const reportDue = runtime.associated.get('REPORT_DUE')!;
    // 2022-11-30 + 3 months = 2023-02-28: 44895 and 44985 in the 1900 system.
    const first = reportDue([[44895 - 1462]], undefined, { address: 'A1' });
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toEqual([[44985 - 1462]]);
    expect(fake.stats.syncs).toBe(1);
    // Once answered, calls are synchronous again.
    expect(reportDue([[44895 - 1462]], undefined, { address: 'A1' })).toEqual([[44985 - 1462]]);
  });

  it('take the 1900 system when Excel does not answer in time, rather than wait forever', async () => {
    const dateSystem = askDateSystem(() => new Promise<boolean>(() => {}), 20);
    associateFunctions(runtime, CATALOG, 'fr', dateSystem);
    expect(await runtime.associated.get('REPORT_DUE')!([[44895]], undefined, {})).toEqual([[44985]]);
  });

  it('take the 1900 system when Excel cannot answer', async () => {
    const dateSystem = askDateSystem(() => Promise.reject(new Error('no Excel API here')));
    associateFunctions(runtime, CATALOG, 'fr', dateSystem);
    expect(await runtime.associated.get('REPORT_DUE')!([[44895]], undefined, {})).toEqual([[44985]]);
  });
});
