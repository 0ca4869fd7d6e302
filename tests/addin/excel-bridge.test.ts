import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MARKS_PER_SYNC, DEFAULT_PAYLOAD_BUDGET } from '../../addin/excel-adapter.js';
import {
  createExcelBridge,
  type ExcelBridgeOptions,
  previewActionInExcel,
  runActionInExcel,
} from '../../addin/excel-bridge.js';
import { ACTIONS, type ActionName } from '../../core/action-table.js';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { createFakeExcel, EXCEL_WEB_LIMITS, type FakeLimits } from '../fakes/excel/index.js';
import { projectsSnapshot, sampleSnapshot, scaledSnapshot } from './fixtures.js';

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
        // Valider reads the notes and fills of the cells it marks: one more sync, only then.
        const marks = result.plan.sheets.reduce((sum, sheet) => sum + (sheet.marks?.length ?? 0), 0);
        const expected = action === 'validate' ? 2 + Math.ceil(marks / DEFAULT_MARKS_PER_SYNC) : 2;
        expect(syncs).toBe(expected);
        expect(fake.stats.syncs).toBe(expected);
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
    it(`${action}: 2 syncs at 10 rows (3 for Valider's marks); at 10 000 rows, syncs follow the size, every request under the limit`, async () => {
      const small = await workbookFor(action, 10, EXCEL_WEB_LIMITS);
      await runActionInExcel(action, 'fr', {
        run: small.run,
        now: NOW,
        notes: true,
        payloadBudget: DEFAULT_PAYLOAD_BUDGET,
      });
      expect(small.stats.syncs).toBe(action === 'validate' ? 3 : 2);

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
      expect(big.stats.syncs).toBeLessThanOrEqual(3 + 2 * Math.ceil(moved / DEFAULT_PAYLOAD_BUDGET));
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
    // Read, the notes and fills of the marked cells, write.
    expect(fake.stats.syncs).toBe(3);
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

/** Text as staff read it: the no-break spaces of fr-CA amounts as plain spaces. */
function plain(value: unknown): string {
  return String(value).replace(/\u00a0/g, ' ');
}

/** The panel's bridge over a fake Excel, at a pinned time, with notes. */
function bridgeOn(fake: ReturnType<typeof createFakeExcel>, options: ExcelBridgeOptions) {
  return createExcelBridge({ run: fake.run, now: NOW, notes: true, ...options });
}

describe('nothing lost in Excel', () => {
  it('a staff formula pointing at the Sommaire keeps its number after two regenerations; no undo history cleared', async () => {
    const fake = createFakeExcel(sample);
    const bridge = bridgeOn(fake, { undoGroups: false });
    await bridge.run('summary', 'fr');
    const board = fake.model.addSheet('Tableau de bord');
    // The fake computes cross-sheet references, not our own formulas: point at the year label.
    board.cellForWrite(0, 1).formula = "='Sommaire budgétaire'!A6";
    const first = fake.model.sheet('Sommaire budgétaire').valueAt('A6');
    expect(first).toMatch(/^\d{4}-\d{4}$/);
    expect(board.valueAt('B2')).toBe('');
    expect(board.valueAt('B1')).toBe(first);

    await bridge.run('summary', 'fr');
    await bridge.run('summary', 'fr');
    expect(board.formulaAt('B1')).toBe("='Sommaire budgétaire'!A6");
    expect(board.valueAt('B1')).toBe(first);
    expect(fake.model.sheets.filter((s) => s.name.startsWith('Sommaire')).map((s) => s.name)).toEqual([
      'Sommaire budgétaire',
    ]);
    for (const action of ['validate', 'rank', 'reformat', 'undo'] as const) await bridge.run(action, 'fr');
    await bridge.run('validate', 'fr');
    expect(fake.model.undoClearedBy).toEqual([]);
  });

  it('makes each action one undo record where ExcelApi 1.20 merges them', async () => {
    const fake = createFakeExcel(sample);
    const bridge = bridgeOn(fake, { undoGroups: true });
    const preview = await bridge.preview('reformat', 'fr');
    await bridge.run('reformat', 'fr', { token: preview.token, restoreChanged: false });
    await bridge.run('validate', 'fr');
    expect(fake.model.undoRecords).toBe(2);
    expect(fake.model.undoClearedBy).toEqual([]);
  });

  it('a cell typed between the preview and the confirmation is never overwritten, and is listed (3 syncs)', async () => {
    const fake = createFakeExcel(sample);
    const bridge = bridgeOn(fake, { undoGroups: false });
    const preview = await bridge.preview('reformat', 'fr');
    const projets = fake.model.sheet('Projets');
    const typed = projets.cellForWrite(3, 9);
    expect(plain(projets.valueAt('J4'))).toBe('95 000 $');
    typed.value = '96 000 $';
    fake.resetStats();
    const result = await bridge.run('reformat', 'fr', { token: preview.token, restoreChanged: false });
    expect(fake.stats.syncs).toBe(2);
    expect(projets.valueAt('J4')).toBe('96 000 $');
    expect(projets.valueAt('L4')).toBe(30968);
    expect(result.changedCells).toBe(preview.changedCells - 1);
    expect(
      result.issues.filter((i) => i.code === 'write.changedSince').map((i) => [i.sheet, i.cell]),
    ).toEqual([['Projets', 'J4']]);
    const cells = fake.model
      .toSnapshot()
      .sheets.find((s) => s.name === 'Journal')!
      .values.map((row) => row[4]);
    expect(cells).not.toContain('J4');
    expect(cells).toContain('L4');
  });

  it('never writes a cell a dynamic array spills into (Reformater would block it with #SPILL!)', async () => {
    const fake = createFakeExcel(sample);
    const projets = fake.model.sheet('Projets');
    // Staff's amounts come from another sheet through a dynamic array anchored at J3.
    const spilled = [[plain(projets.valueAt('J3'))], ['95 000 $'], [plain(projets.valueAt('J5'))]];
    projets.cells.delete('3,9');
    projets.cells.delete('4,9');
    projets.setSpill('J3', '=Montants!A1:A3', spilled);
    const bridge = bridgeOn(fake, { undoGroups: false, spills: true });
    fake.resetStats();
    const preview = await bridge.preview('reformat', 'fr');
    // Read (1 sync) and the anchors' spill ranges (1 more, only because this sheet has a spill).
    expect(fake.stats.syncs).toBe(2);
    const result = await bridge.run('reformat', 'fr', { token: preview.token, restoreChanged: false });
    expect(result.ok).toBe(true);
    expect(result.issues.filter((i) => i.cell === 'J4').map((i) => i.code)).toEqual(['reformat.formulaKept']);
    expect(projets.valueAt('J4')).toBe('95 000 $');
    expect(projets.formulaAt('J4')).toBeNull();
    expect(projets.valueAt('L4')).toBe(30968);
  });

  it('reads a workbook without dynamic arrays in one sync, spills asked or not', async () => {
    const fake = createFakeExcel(sample);
    const bridge = bridgeOn(fake, { undoGroups: false, spills: true });
    fake.resetStats();
    await bridge.preview('reformat', 'fr');
    expect(fake.stats.syncs).toBe(1);
  });

  it('Annuler leaves a cell staff changed since, unless asked; what it overwrites can be undone', async () => {
    const fake = createFakeExcel(sample);
    const bridge = bridgeOn(fake, { undoGroups: false });
    const reformat = await bridge.preview('reformat', 'fr');
    await bridge.run('reformat', 'fr', { token: reformat.token, restoreChanged: false });
    const projets = fake.model.sheet('Projets');
    expect(projets.valueAt('J4')).toBe(95000);
    projets.cellForWrite(3, 9).value = 97000;

    const undo = await bridge.preview('undo', 'fr');
    expect(undo.optionalCells).toBe(1);
    expect(undo.warnings.map((w) => w.cell)).toEqual(['J4']);
    await bridge.run('undo', 'fr', { token: undo.token, restoreChanged: false });
    expect(projets.valueAt('J4')).toBe(97000);
    expect(plain(projets.valueAt('L4'))).toBe('30 968 $');

    // Annuler of that Annuler, then Annuler again asking for every cell.
    const redo = await bridge.preview('undo', 'fr');
    await bridge.run('undo', 'fr', { token: redo.token, restoreChanged: false });
    expect(projets.valueAt('L4')).toBe(30968);
    const forced = await bridge.preview('undo', 'fr');
    await bridge.run('undo', 'fr', { token: forced.token, restoreChanged: true });
    expect(plain(projets.valueAt('L4'))).toBe('30 968 $');
  });
});

describe('Excel as it really is', () => {
  it('a staff note and fill on a cell Valider marks come back once the cell is fixed', async () => {
    const fake = createFakeExcel(sample);
    const projets = fake.model.sheet('Projets');
    // J4 holds « 95 000 $ » as text: Valider marks it.
    projets.notes.set('J4', 'Vérifié par Line');
    projets.cellForWrite(3, 9).fill = '#00B050';
    const bridge = bridgeOn(fake, {});
    await bridge.run('validate', 'fr');
    expect(projets.notes.get('J4')).toMatch(/^Alliance : Montant saisi comme texte/);
    expect(projets.notes.get('J4')).toContain('Vérifié par Line');
    expect(projets.cell(3, 9)?.fill).toBe('#FFF3CD');

    Object.assign(projets.cellForWrite(3, 9), { value: 95000, quotePrefix: false });
    await bridge.run('validate', 'fr');
    expect(projets.notes.get('J4')).toBe('Vérifié par Line');
    expect(projets.cell(3, 9)?.fill).toBe('#00B050');
  });

  it('below ExcelApi 1.18 Valider still marks with fills, gives fills back, and calls no Notes API', async () => {
    const fake = createFakeExcel(sample);
    fake.model.excelApiMinor = 17;
    const projets = fake.model.sheet('Projets');
    projets.cellForWrite(3, 9).fill = '#00B050';
    const bridge = bridgeOn(fake, { notes: false });
    const first = await bridge.run('validate', 'fr');
    expect(first.ok).toBe(true);
    expect(projets.cell(3, 9)?.fill).toBe('#FFF3CD');
    expect(projets.notes.size).toBe(0);
    Object.assign(projets.cellForWrite(3, 9), { value: 95000, quotePrefix: false });
    await bridge.run('validate', 'fr');
    expect(projets.cell(3, 9)?.fill).toBe('#00B050');
  });

  it('a Table’s totals row is no project: Valider and Classement leave it out', async () => {
    const snapshot = projectsSnapshot(3);
    const projets = snapshot.sheets[1];
    // The totals row Excel adds under a Table (Table Design → Total Row), SUBTOTAL formulas.
    projets.values.push(['Total', null, null, null, null, null, null, null, null, 166692, 55564, null]);
    projets.formulas = projets.values.map((row, r) =>
      row.map((_, c) =>
        r === 4 && c >= 9 && c <= 10 ? `=SUBTOTAL(109,${'JK'[c - 9]}2:${'JK'[c - 9]}4)` : null,
      ),
    );
    const fake = createFakeExcel(snapshot);
    fake.model.sheet('Projets').addTable('Projets', 'A1:L5', { showTotals: true });
    const { result } = await runActionInExcel('validate', 'fr', { run: fake.run, now: NOW, notes: true });
    expect(result.issues.filter((i) => i.sheet === 'Projets' && /\D5$/.test(i.cell ?? ''))).toEqual([]);
    await runActionInExcel('rank', 'fr', { run: fake.run, now: NOW, notes: true });
    const ranking = fake.model.toSnapshot().sheets.find((s) => s.name.startsWith('Classement'));
    // Column B lists the projects, once in the scores and once in the funding (whose own total is in C).
    const ids = ranking?.values
      .map((row) => row[1])
      .filter((v) => typeof v === 'string' && /^(P-\d+|Total)$/.test(v));
    expect([...new Set(ids)].sort()).toEqual(['P-00001', 'P-00002', 'P-00003']);
    expect(ids).toHaveLength(6);
  });

  it('an action that would write into a protected sheet writes nothing and names the sheet', async () => {
    const fake = createFakeExcel(sample);
    fake.model.sheet('Projets').protect();
    const before = JSON.stringify(fake.model.toSnapshot());
    const fills = fake.model.sheet('Projets').cell(3, 9)?.fill ?? null;
    const result = await bridgeOn(fake, {}).run('validate', 'fr');
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(
      /^La feuille\s«\sProjets\s» est protégée\s: rien n’a été écrit\. Ôtez sa protection \(Excel\s: Révision\s; Google Sheets\s: Données → Feuilles et plages protégées\)/,
    );

    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'write.protectedSheet', severity: 'error', sheet: 'Projets' }),
    );
    expect(JSON.stringify(fake.model.toSnapshot())).toBe(before);
    expect(fake.model.sheet('Projets').cell(3, 9)?.fill ?? null).toBe(fills);
    expect(fake.model.sheets.map((s) => s.name)).not.toContain('Validation');
  });

  it('Reformater refuses a protected sheet in its preview, before anything changes', async () => {
    const fake = createFakeExcel(sample);
    fake.model.sheet('Projets').protect();
    const bridge = bridgeOn(fake, {});
    const preview = await bridge.preview('reformat', 'en');
    expect(preview.changedCells).toBe(0);
    expect(preview.summary).toContain('Sheet “Projets” is protected: nothing was written.');
  });

  it('when Excel refuses a write part-way, Reformater says so and points to Annuler', async () => {
    const fake = createFakeExcel(sample);
    // The read goes through, then every write is refused (staff switched workbooks).
    fake.model.syncsBeforeInterruption = 1;
    const { result } = await runActionInExcel('reformat', 'fr', { run: fake.run, now: NOW, notes: true });
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: 'write.interrupted', severity: 'error' }),
    );
    expect(plain(result.summary)).toContain('« Annuler la dernière opération » revient à l’état d’avant');
  });
});

describe('print settings follow the ExcelApi requirement set', () => {
  it('written from ExcelApi 1.9, left to Excel below it, detected through Office.js', async () => {
    const { installFakeOffice } = await import('../fakes/excel/index.js');
    const target = globalThis as unknown as Record<string, unknown>;
    try {
      const handle = installFakeOffice(target, sample);
      await createExcelBridge({ now: NOW, notes: true, undoGroups: false }).run('rank', 'fr');
      const ranking = handle.model.sheet('Classement');
      expect(ranking.pageLayout.orientation).toBe('Landscape');
      expect(ranking.pageLayout.footer.right).toBe('page &P de &N');

      const old = installFakeOffice(target, sample);
      old.model.excelApiMinor = 8;
      const outcome = await createExcelBridge({ now: NOW, notes: false, undoGroups: false }).run(
        'rank',
        'fr',
      );
      expect(outcome.ok).toBe(true);
      expect(old.model.sheet('Classement').valueAt('A4')).toBe('Rang');
      expect(old.model.sheet('Classement').pageLayout.orientation).toBe('Portrait');
    } finally {
      for (const name of ['Office', 'Excel', 'CustomFunctions', '__allianceFake']) delete target[name];
    }
  });
});
