import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAYLOAD_BUDGET } from '../../addin/excel-adapter.js';
import { createExcelBridge, previewActionInExcel, runActionInExcel } from '../../addin/excel-bridge.js';
import { createFakeExcel, EXCEL_WEB_LIMITS, type FakeLimits } from '../../addin/fake/index.js';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { ACTIONS, type ActionName } from '../../core/plan.js';
import { sampleSnapshot, scaledSnapshot } from './fixtures.js';

const NOW = () => new Date(Date.UTC(2026, 10, 27, 14, 3, 5));
let sample: WorkbookSnapshot;

beforeAll(async () => {
  sample = await sampleSnapshot();
});

const DESKTOP = { requestBytes: Number.POSITIVE_INFINITY, responseBytes: Number.POSITIVE_INFINITY };

/** A workbook where `action` has something to write. */
async function workbookFor(action: ActionName, rows: number, limits: FakeLimits) {
  if (action === 'template') return createFakeExcel({ sheets: [{ name: 'Feuil1', values: [] }] }, limits);
  const fake = createFakeExcel(scaledSnapshot(sample, rows), limits);
  // Undo needs an operation in the Journal: a Reformater first.
  if (action === 'undo') {
    await runActionInExcel('reformat', 'fr', {
      run: fake.run,
      now: NOW,
      notes: true,
      payloadBudget: Infinity,
    });
  }
  fake.resetStats();
  return fake;
}

describe('every action in Excel: read in one sync, apply in one more', () => {
  for (const rows of [10, 10_000]) {
    for (const action of ACTIONS) {
      it(`${action} at ${rows} rows`, async () => {
        const fake = await workbookFor(action, rows, DESKTOP);
        const { result, syncs } = await runActionInExcel(action, 'fr', {
          run: fake.run,
          now: NOW,
          notes: true,
          payloadBudget: Number.POSITIVE_INFINITY,
        });
        expect(result.ok).toBe(true);
        expect(result.plan.sheets.length + (result.plan.operation?.changes.length ?? 0)).toBeGreaterThan(0);
        expect(syncs).toBe(2);
        expect(fake.stats.syncs).toBe(2);
        // The write suspended calculation.
        expect(fake.stats.suspendedSyncs).toBe(1);
      });
    }
    it(`previews reformat at ${rows} rows in one sync, changing nothing`, async () => {
      const fake = await workbookFor('reformat', rows, DESKTOP);
      const before = JSON.stringify(fake.model.toSnapshot());
      const { result } = await previewActionInExcel('reformat', 'fr', { run: fake.run, now: NOW });
      expect(fake.stats.syncs).toBe(1);
      expect(result.plan.changedCells).toBeGreaterThan(0);
      expect(JSON.stringify(fake.model.toSnapshot())).toBe(before);
    });
  }
});

describe('on Excel on the web (5 MB per request and per response)', () => {
  // Validate writes the most (Validation sheet, marks, notes); undo reads the most (the Journal).
  for (const action of ['validate', 'undo'] as const) {
    it(`${action}: 2 syncs at 10 rows; at 10 000 rows, syncs follow the size, every request under the limit`, async () => {
      const small = await workbookFor(action, 10, EXCEL_WEB_LIMITS);
      await runActionInExcel(action, 'fr', {
        run: small.run,
        now: NOW,
        notes: true,
        payloadBudget: DEFAULT_PAYLOAD_BUDGET,
      });
      expect(small.stats.syncs).toBe(2);

      const big = await workbookFor(action, 10_000, EXCEL_WEB_LIMITS);
      const { result } = await runActionInExcel(action, 'fr', {
        run: big.run,
        now: NOW,
        notes: true,
        payloadBudget: DEFAULT_PAYLOAD_BUDGET,
      });
      expect(result.ok).toBe(true);
      expect(Math.max(...big.stats.requestBytes)).toBeLessThanOrEqual(EXCEL_WEB_LIMITS.requestBytes);
      const moved = [...big.stats.requestBytes, ...big.stats.responseBytes].reduce((a, b) => a + b, 0);
      expect(big.stats.syncs).toBeLessThanOrEqual(2 + 2 * Math.ceil(moved / DEFAULT_PAYLOAD_BUDGET));
    });
  }
});

describe('the Excel bridge', () => {
  it('validates the sample and writes the Validation sheet, issues rendered in French', async () => {
    const fake = createFakeExcel(sample);
    const bridge = createExcelBridge({ run: fake.run, now: NOW, notes: true });
    const result = await bridge.run('validate', 'fr');
    expect(result.ok).toBe(true);
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues.every((i) => i.message.length > 0)).toBe(true);
    expect(fake.model.find('Validation')).toBeDefined();
    expect(fake.stats.syncs).toBe(2);
  });

  it('reformats then undoes: staff cells come back exactly', async () => {
    const fake = createFakeExcel(sample);
    const before = fake.model.toSnapshot().sheets.find((s) => s.name === 'Projets');
    const bridge = createExcelBridge({ run: fake.run, now: NOW, notes: true });
    const preview = await bridge.preview('reformat', 'fr');
    expect(preview.changedCells).toBeGreaterThan(0);
    const reformat = await bridge.run('reformat', 'fr');
    expect(reformat.changedCells).toBe(preview.changedCells);
    expect(fake.model.toSnapshot().sheets.find((s) => s.name === 'Projets')).not.toEqual(before);
    const undo = await bridge.run('undo', 'fr');
    expect(undo.ok).toBe(true);
    expect(fake.model.toSnapshot().sheets.find((s) => s.name === 'Projets')).toEqual(before);
  });

  it('selects the cell of an issue, and ignores a sheet that is gone', async () => {
    const fake = createFakeExcel(sample);
    const bridge = createExcelBridge({ run: fake.run });
    await bridge.selectCell('Projets', 'F7');
    expect(fake.model.selection).toBe('Projets!F7');
    await bridge.selectCell('Feuille disparue', 'A1');
    expect(fake.model.selection).toBe('Projets!F7');
  });
});
