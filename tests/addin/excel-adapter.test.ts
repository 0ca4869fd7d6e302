import { describe, expect, it } from 'vitest';
import {
  applyResolved,
  charactersToPoints,
  needsQuotePrefix,
  readNotesAndFills,
  readSnapshot,
  toExcelInput,
} from '../../addin/excel-adapter.js';
import type { CellValue, WorkbookSnapshot } from '../../core/cells.js';
import type { Plan } from '../../core/plan.js';
import { firstFreeRow, resolvePlan } from '../../core/writes.js';
import { createFakeExcel, EXCEL_WEB_LIMITS } from '../fakes/excel/index.js';
import { projectsSnapshot } from './fixtures.js';

/** Resolves the plan on the snapshot it was made from, then writes it through the adapter. */
function applyPlan(
  context: Parameters<typeof applyResolved>[0],
  plan: Plan,
  {
    snapshot = { sheets: [] },
    ...options
  }: { snapshot?: WorkbookSnapshot; payloadBudget?: number; pageLayout?: boolean } = {},
) {
  return applyResolved(context, resolvePlan(plan, snapshot).resolved, options);
}

describe('readSnapshot', () => {
  it('reads every sheet, anchored at A1, with formulas apart from values, in one sync', async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: 'Budget prévisionnel',
          values: [
            [null, null, null],
            [null, 'Poste', '2020-2021'],
            [null, 'Enveloppe', 195007],
            [null, 'Total', 195007],
          ],
          formulas: [
            [null, null, null],
            [null, null, null],
            [null, null, null],
            [null, null, '=SUM(C3:C3)'],
          ],
        },
        { name: 'Vide', values: [] },
        {
          name: 'Projets',
          values: [
            ['No', 'Titre'],
            ['P-1', '=pas une formule'],
          ],
        },
      ],
    });
    const snapshot = await fake.run((context) => readSnapshot(context));
    expect(fake.stats.syncs).toBe(1);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Budget prévisionnel', 'Vide', 'Projets']);
    const budget = snapshot.sheets[0];
    expect(budget.values[1]).toEqual([null, 'Poste', '2020-2021']);
    expect(budget.values[2]).toEqual([null, 'Enveloppe', 195007]);
    expect(budget.formulas?.[3][2]).toBe('=SUM(C3:C3)');
    expect(budget.formulas?.[2][2]).toBeNull();
    expect(snapshot.sheets[1].values).toEqual([]);
    // Text that looks like a formula was entered with an apostrophe: it is no formula.
    expect(snapshot.sheets[2].values[1][1]).toBe('=pas une formule');
    expect(snapshot.sheets[2].formulas).toBeUndefined();
  });

  it.each([10, 10_000])('takes one sync at %i rows', async (rows) => {
    const fake = createFakeExcel(projectsSnapshot(rows));
    const snapshot = await fake.run((context) => readSnapshot(context));
    expect(fake.stats.syncs).toBe(1);
    expect(snapshot.sheets[1].values).toHaveLength(rows + 1);
    expect(snapshot.sheets[1].values[rows][0]).toBe(`P-${String(rows).padStart(5, '0')}`);
    // Text stays text: « 89 598 $ » is not turned into a number by the host.
    expect(snapshot.sheets[1].values[1][8]).toBe('89 598 $');
  });

  it('walks past the first probe when the workbook has many sheets', async () => {
    const sheets = Array.from({ length: 7 }, (_, i) => ({ name: `Feuille ${i + 1}`, values: [[i + 1]] }));
    const fake = createFakeExcel({ sheets });
    const snapshot = await fake.run((context) => readSnapshot(context, { sheetsPerProbe: 3 }));
    expect(snapshot.sheets.map((s) => s.values[0][0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(fake.stats.syncs).toBe(3);
  });

  it('lists the sheets first (one more sync) on a host that refuses calls on null objects', async () => {
    const fake = createFakeExcel(projectsSnapshot(10), EXCEL_WEB_LIMITS, { strictNullObjects: true });
    const snapshot = await fake.run((context) => readSnapshot(context));
    expect(snapshot).toEqual(
      await createFakeExcel(projectsSnapshot(10)).run((context) => readSnapshot(context)),
    );
    // The chained attempt, then the names, then the sheets.
    expect(fake.stats.syncs).toBe(3);
  });

  it('falls back to row chunks when the response passes the payload limit', async () => {
    const fake = createFakeExcel(projectsSnapshot(2000), { requestBytes: 5_000_000, responseBytes: 400_000 });
    const snapshot = await fake.run((context) => readSnapshot(context, { cellsPerChunk: 6000 }));
    expect(snapshot.sheets[1].values).toHaveLength(2001);
    expect(snapshot.sheets[1].values[2000][0]).toBe('P-02000');
    // 1 failed attempt, 1 for the names, 1 for the sizes, then about ceil(cells ÷ 6000) chunks
    // (one more for packing).
    const chunks = Math.ceil((2001 * 12 + 2) / 6000);
    expect(fake.stats.syncs).toBeGreaterThanOrEqual(3 + chunks);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3 + chunks + 1);
    expect(Math.max(...fake.stats.responseBytes.slice(1))).toBeLessThanOrEqual(400_000);
  });
});

function summaryPlan(): Plan {
  return {
    action: 'summary',
    changedCells: 0,
    activate: 'Sommaire budgétaire',
    sheets: [
      {
        sheet: 'Sommaire budgétaire',
        mode: 'replace',
        blocks: [
          { row: 0, col: 0, values: [['Sommaire budgétaire']], bold: true },
          {
            row: 3,
            col: 0,
            values: [
              ['Exercice', 'Enveloppe', 'Engagé'],
              ['2020-2021', 195007, { formula: '=SUMIFS(Projets!K:K,Projets!L:L,"Accepté")' }],
            ],
            numberFormats: [
              [null, null, null],
              ['@', '#,##0 "$"', '#,##0 "$"'],
            ],
            fill: '#DDEBF7',
          },
          {
            row: 6,
            col: 0,
            values: [['=ceci reste du texte', '- $', '195 007 $', new Date(Date.UTC(2020, 1, 3))]],
          },
        ],
        validations: [{ range: 'D5:D20', list: ['Reçu', 'Accepté', 'Refusé'] }],
        columnWidths: [{ col: 0, width: 14 }],
        hiddenColumns: [5],
        frozenRows: 4,
        charts: [
          {
            type: 'column',
            title: 'Enveloppe et engagé par exercice',
            categories: 'A5:A5',
            series: [
              { name: 'Enveloppe', values: 'B5:B5' },
              { name: 'Engagé', values: 'C5:C5' },
            ],
            anchor: 'F4',
            end: 'L18',
            width: 480,
            height: 288,
          },
        ],
      },
    ],
  };
}

describe('applyPlan', () => {
  it('writes a whole plan in one sync, calculation suspended, text kept as text', async () => {
    const fake = createFakeExcel(projectsSnapshot(10));
    const syncs = await fake.run((context) =>
      applyPlan(context, summaryPlan(), { snapshot: projectsSnapshot(10) }),
    );
    expect(syncs).toBe(1);
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.suspendedSyncs).toBe(1);
    const sheet = fake.model.sheet('Sommaire budgétaire');
    expect(fake.model.sheets.map((s) => s.name)).toContain('Sommaire budgétaire');
    expect(fake.model.activeSheet).toBe('Sommaire budgétaire');
    expect(sheet.valueAt('A1')).toBe('Sommaire budgétaire');
    expect(sheet.cell(0, 0)?.bold).toBe(true);
    expect(sheet.formulaAt('C5')).toBe('=SUMIFS(Projets!K:K,Projets!L:L,"Accepté")');
    expect(sheet.valueAt('B5')).toBe(195007);
    expect(sheet.cell(4, 1)?.numberFormat).toBe('#,##0 "$"');
    expect(sheet.cell(3, 0)?.fill).toBe('#DDEBF7');
    // Formula-looking and number-looking text stays text, never a formula or a number.
    expect(sheet.valueAt('A7')).toBe('=ceci reste du texte');
    expect(sheet.formulaAt('A7')).toBeNull();
    expect(sheet.valueAt('B7')).toBe('- $');
    expect(sheet.valueAt('C7')).toBe('195 007 $');
    expect(sheet.valueAt('D7')).toBe(43864);
    expect(sheet.validations).toEqual([
      { range: 'D5:D20', list: { inCellDropDown: true, source: 'Reçu,Accepté,Refusé' }, showAlert: false },
    ]);
    expect(sheet.columnWidths.get(0)).toBe(charactersToPoints(14));
    expect(sheet.frozenRows).toBe(4);
    expect([...sheet.hiddenColumns]).toEqual([5]);
    expect(sheet.charts).toEqual([
      {
        type: 'ColumnClustered',
        title: 'Enveloppe et engagé par exercice',
        seriesBy: 'Columns',
        series: [
          { name: 'Enveloppe', values: 'B5', categories: 'A5' },
          { name: 'Engagé', values: 'C5', categories: 'A5' },
        ],
        anchor: 'F4',
        end: 'L18',
        width: null,
        height: null,
      },
    ]);
  });

  it('replaces its own sheet at the same place, dropping what was there', async () => {
    const before: WorkbookSnapshot = {
      sheets: [
        { name: 'Projets', values: [['No']] },
        {
          name: 'Sommaire budgétaire',
          values: [
            ['ancien'],
            [null],
            [null],
            [null],
            [null],
            [null],
            [null],
            [null],
            [null],
            [null],
            ['reste'],
          ],
        },
        { name: 'Versements', values: [['No']] },
      ],
    };
    const fake = createFakeExcel(before);
    await fake.run((context) => applyPlan(context, summaryPlan(), { snapshot: before }));
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Projets', 'Sommaire budgétaire', 'Versements']);
    expect(fake.model.sheet('Sommaire budgétaire').valueAt('A11')).toBe('');
    expect(fake.stats.syncs).toBe(1);
  });

  it('marks staff cells with fills and notes, replacing the note the plan replaces', async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: 'Projets',
          values: [
            ['No', 'Municipalités'],
            ['P-1', 'Ste-Madelaine'],
          ],
          notes: [[], [null, 'ancienne note']],
        },
      ],
    });
    const plan: Plan = {
      action: 'validate',
      changedCells: 0,
      sheets: [
        {
          sheet: 'Projets',
          mode: 'edit',
          blocks: [],
          marks: [
            { cell: 'B2', fill: '#FFC7CE', note: 'Municipalité non reconnue : « Ste-Madelaine ».' },
            { cell: 'A2', fill: null, note: null },
          ],
        },
      ],
    };
    const snapshot = fake.model.toSnapshot();
    await fake.run((context) => applyPlan(context, plan, { snapshot }));
    const sheet = fake.model.sheet('Projets');
    expect(sheet.cell(1, 1)?.fill).toBe('#FFC7CE');
    expect(sheet.notes.get('B2')).toBe('Municipalité non reconnue : « Ste-Madelaine ».');
    expect(sheet.notes.has('A2')).toBe(false);
    expect(sheet.valueAt('B2')).toBe('Ste-Madelaine');
    expect(fake.stats.syncs).toBe(1);
  });

  it('appends below the last used row, creating the sheet when absent', async () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        { name: 'Journal', values: [['Journal des modifications'], [null], [null], ['Opération'], ['op-1']] },
      ],
    };
    const fake = createFakeExcel(snapshot);
    const plan: Plan = {
      action: 'reformat',
      changedCells: 1,
      sheets: [
        { sheet: 'Journal', mode: 'append', blocks: [{ row: 0, col: 0, values: [['op-2'], ['op-2']] }] },
        { sheet: 'Autre', mode: 'append', blocks: [{ row: 0, col: 0, values: [['premier']] }] },
      ],
    };
    await fake.run((context) => applyPlan(context, plan, { snapshot }));
    expect(fake.model.sheet('Journal').valueAt('A6')).toBe('op-2');
    expect(fake.model.sheet('Journal').valueAt('A7')).toBe('op-2');
    expect(fake.model.sheet('Autre').valueAt('A1')).toBe('premier');
    expect(firstFreeRow(snapshot.sheets[0])).toBe(5);
  });

  it('splits a plan bigger than one request by rows: syncs follow size ÷ budget, not cells', async () => {
    const rows = 10_000;
    const values: CellValue[][] = Array.from({ length: rows }, (_, i) => [
      `P-${i}`,
      'Moisson Maskoutaine',
      89598,
      'Accepté',
    ]);
    const plan: Plan = {
      action: 'rank',
      changedCells: 0,
      sheets: [{ sheet: 'Classement', mode: 'replace', blocks: [{ row: 0, col: 0, values }] }],
    };
    const payload = JSON.stringify(values.map((row) => row.map((v) => toExcelInput(v)))).length;

    const big = createFakeExcel({ sheets: [] });
    await big.run((context) => applyPlan(context, plan));
    expect(big.stats.syncs).toBe(1);

    const budget = 100_000;
    const limited = createFakeExcel({ sheets: [] }, { requestBytes: 120_000, responseBytes: 120_000 });
    const syncs = await limited.run((context) => applyPlan(context, plan, { payloadBudget: budget }));
    expect(syncs).toBe(limited.stats.syncs);
    expect(syncs).toBeGreaterThanOrEqual(Math.ceil(payload / budget));
    expect(syncs).toBeLessThanOrEqual(Math.ceil(payload / (budget / 2)) + 1);
    expect(Math.max(...limited.stats.requestBytes)).toBeLessThanOrEqual(120_000);
    expect(limited.stats.suspendedSyncs).toBe(syncs);
    expect(limited.model.sheet('Classement').valueAt(`A${rows}`)).toBe(`P-${rows - 1}`);

    // Excel's real limit below our estimate: refused batches, and refused blocks of rows, go again in halves.
    const stricter = createFakeExcel({ sheets: [] }, { requestBytes: 30_000, responseBytes: 30_000 });
    const written = await stricter.run((context) => applyPlan(context, plan, { payloadBudget: budget }));
    const refused = stricter.stats.requestBytes.filter((bytes) => bytes > 30_000).length;
    expect(refused).toBeGreaterThan(0);
    expect(written).toBe(stricter.stats.syncs - refused);
    expect(stricter.model.sheet('Classement').valueAt(`A${rows}`)).toBe(`P-${rows - 1}`);
    expect(stricter.model.sheet('Classement').valueAt('A1')).toBe('P-0');
  });
});

describe('text written as text', () => {
  it.each([
    ['=SUM(A1)', true],
    ['+1 450-773-1234', true],
    ['-', true],
    ['@organisme', true],
    ["'déjà", true],
    ['195 007 $', true],
    ['2020-02-03', true],
    ['Septembre 2019', true],
    ['VRAI', true],
    ['Moisson Maskoutaine', false],
    ['Saint-Hyacinthe', false],
    ['Demandé 2020-2021', false],
    ['', false],
  ])('%s needs an apostrophe: %s', (text, expected) => {
    expect(needsQuotePrefix(text)).toBe(expected);
  });

  it('turns plan values into Office.js inputs', () => {
    expect(toExcelInput(null)).toBe('');
    expect(toExcelInput({ formula: '=A1' })).toBe('=A1');
    expect(toExcelInput('=A1')).toBe("'=A1");
    expect(toExcelInput(new Date(Date.UTC(2020, 1, 3)))).toBe(43864);
    expect(toExcelInput(true)).toBe(true);
  });
});

describe('readNotesAndFills', () => {
  const staff = (): WorkbookSnapshot => ({
    sheets: [
      {
        name: 'Projets',
        values: [
          ['No', 'Municipalités', 'Montant'],
          ['P-1', 'Ste-Madelaine', '95 000 $'],
        ],
        notes: [[], [null, 'Vérifié par Line']],
        fills: [[], [null, '#00b050', '#FFFFFF']],
      },
    ],
  });
  const cells = new Map([
    [
      'Projets',
      [
        { row: 1, col: 0 },
        { row: 1, col: 1 },
        { row: 1, col: 2 },
      ],
    ],
  ]);

  it('reads the note and fill of the given cells in one sync; no fill is null, white is white', async () => {
    const fake = createFakeExcel(staff());
    const read = await fake.run((context) => readSnapshot(context));
    const { snapshot, syncs } = await fake.run((context) =>
      readNotesAndFills(context, read, cells, { notes: true }),
    );
    expect(syncs).toBe(1);
    const sheet = snapshot.sheets[0];
    expect(sheet.notes?.[1]).toEqual([null, 'Vérifié par Line']);
    expect(sheet.fills?.[1]).toEqual([null, '#00B050', '#FFFFFF']);
    expect(sheet.values).toEqual(read.sheets[0].values);
  });

  it('packs the cells into syncs of `perSync` each', async () => {
    const fake = createFakeExcel(staff());
    const read = await fake.run((context) => readSnapshot(context));
    fake.resetStats();
    const { syncs } = await fake.run((context) =>
      readNotesAndFills(context, read, cells, { notes: true, perSync: 2 }),
    );
    expect(syncs).toBe(2);
    expect(fake.stats.syncs).toBe(2);
  });

  it('below ExcelApi 1.18 the Notes API fails, so without notes only fills are read', async () => {
    const fake = createFakeExcel(staff());
    fake.model.excelApiMinor = 17;
    const read = await fake.run((context) => readSnapshot(context));
    await expect(
      fake.run((context) => readNotesAndFills(context, read, cells, { notes: true })),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    const { snapshot } = await fake.run((context) =>
      readNotesAndFills(context, read, cells, { notes: false }),
    );
    expect(snapshot.sheets[0].notes).toBeUndefined();
    expect(snapshot.sheets[0].fills?.[1]).toEqual([null, '#00B050', '#FFFFFF']);
  });

  it('reads protection with the cells, in the same sync', async () => {
    const fake = createFakeExcel(staff());
    fake.model.sheet('Projets').protect();
    const snapshot = await fake.run((context) => readSnapshot(context));
    expect(fake.stats.syncs).toBe(1);
    expect(snapshot.sheets[0].protected).toBe(true);
  });
});

describe('readSnapshot with Excel Tables', () => {
  it('reads each Table’s header and totals rows in one more sync, only when there are Tables', async () => {
    const fake = createFakeExcel(projectsSnapshot(3));
    await fake.run((context) => readSnapshot(context));
    expect(fake.stats.syncs).toBe(1);
    fake.model.sheet('Projets').addTable('Projets', 'A1:L5', { showTotals: true });
    fake.resetStats();
    const snapshot = await fake.run((context) => readSnapshot(context));
    expect(fake.stats.syncs).toBe(2);
    expect(snapshot.sheets[1].tables).toEqual([{ name: 'Projets', headerRow: 0, totalsRow: 4 }]);
    expect(snapshot.sheets[0].tables).toBeUndefined();
  });
});

describe('print settings (Worksheet.pageLayout, ExcelApi 1.9)', () => {
  const printed: Plan = {
    action: 'summary',
    changedCells: 0,
    sheets: [
      {
        sheet: 'Sommaire budgétaire',
        mode: 'replace',
        blocks: [{ row: 3, col: 0, values: [['Exercice', 'Enveloppe']], bold: true, wrap: true }],
        pageSetup: {
          orientation: 'landscape',
          fitToPagesWide: 1,
          titleRows: { first: 3, last: 3 },
          printArea: 'A1:G40',
          rowBreaks: [21],
          footer: {
            left: ['Alliance & co'],
            center: ['Produit le 2026-11-27'],
            right: ['page ', { field: 'page' }, ' de ', { field: 'pages' }],
          },
        },
      },
    ],
  };

  it('writes what core resolved: orientation, one page wide, title rows, print area, footer, breaks', async () => {
    const fake = createFakeExcel({ sheets: [] });
    await fake.run((context) => applyPlan(context, printed));
    const sheet = fake.model.sheet('Sommaire budgétaire');
    expect(sheet.pageLayout).toEqual({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$4:$4',
      printArea: 'A1:G40',
      footer: { left: 'Alliance && co', center: 'Produit le 2026-11-27', right: 'page &P de &N' },
    });
    expect(sheet.rowBreaks).toEqual([21]);
    // Wrapped headers, their row fitted to them.
    expect(sheet.cell(3, 0)?.wrapText).toBe(true);
    expect(sheet.autofitRows.has(3)).toBe(true);
  });

  it('a regenerated sheet drops the page breaks of the previous generation', async () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        {
          name: 'Sommaire budgétaire',
          values: [['Sommaire'], ['Feuille produite par l’outil Alliance : elle est remplacée.']],
        },
      ],
    };
    const fake = createFakeExcel(snapshot);
    fake.model.sheet('Sommaire budgétaire').rowBreaks.push(7, 30);
    await fake.run((context) => applyPlan(context, printed, { snapshot }));
    expect(fake.model.sheet('Sommaire budgétaire').rowBreaks).toEqual([21]);
  });

  it('below ExcelApi 1.9 the page layout API fails; without it the sheet is written all the same', async () => {
    const old = createFakeExcel({ sheets: [] });
    old.model.excelApiMinor = 8;
    await expect(old.run((context) => applyPlan(context, printed))).rejects.toMatchObject({
      code: 'ApiNotFound',
    });
    const fake = createFakeExcel({ sheets: [] });
    fake.model.excelApiMinor = 8;
    const { resolved } = resolvePlan(printed, { sheets: [] });
    await fake.run((context) => applyResolved(context, resolved, { pageLayout: false }));
    const sheet = fake.model.sheet('Sommaire budgétaire');
    expect(sheet.valueAt('B4')).toBe('Enveloppe');
    expect(sheet.pageLayout.orientation).toBe('Portrait');
  });
});
