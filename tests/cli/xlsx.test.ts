import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../../cli/xlsx/apply.js';
import { readWorkbook, WorkbookReadError } from '../../cli/xlsx/read.js';
import { writeWorkbook } from '../../cli/xlsx/write.js';
import { runAction } from '../../core/actions.js';
import type { Plan } from '../../core/plan.js';
import { compoundFile, staffWorkbook, tempDir, writeFixture } from './fixtures.js';

let dir: string;
let staffPath: string;

beforeAll(async () => {
  dir = await tempDir();
  staffPath = await writeFixture(staffWorkbook(), join(dir, 'staff.xlsx'));
});

async function reopen(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

describe('readWorkbook', () => {
  it('reads every sheet as plain values, invariant formulas, notes and fills', async () => {
    const { snapshot } = await readWorkbook(staffPath);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Projets', 'Notes']);
    const projects = snapshot.sheets[0];
    expect(projects.values[0]).toEqual([
      'No',
      'Titre',
      'Demandé 2020-2021',
      'Double',
      'Organisme porteur',
      'Début',
    ]);
    expect(projects.values[1]).toEqual([
      'AS-01',
      'Frigos solidaires',
      44_799,
      89_598,
      'Moisson Maskoutaine',
      new Date(Date.UTC(2020, 8, 1)),
    ]);
    // Rich text and hyperlinks become their text; an error cell its error text.
    expect(projects.values[2][1]).toBe('Accompagnement logement');
    expect(projects.values[3][4]).toBe('Contact Richelieu-Yamaska');
    expect(projects.values[3][5]).toBe('#N/A');
    // Shared formulas are resolved for every cell of the range.
    expect(projects.formulas?.map((row) => row[3])).toEqual([null, '=C2*2', '=C3*2', '=C4*2']);
    expect(projects.notes?.[1][0]).toBe('Entente signée le 2020-11-30');
    expect(projects.fills?.[1][1]).toBe('#FFEB9C');
    expect(projects.fills?.[1][0]).toBeNull();
  });

  it('gives rectangular arrays from A1, blanks as null', async () => {
    const { snapshot } = await readWorkbook(staffPath);
    for (const sheet of snapshot.sheets) {
      const width = sheet.values[0].length;
      for (const grid of [sheet.values, sheet.formulas, sheet.notes, sheet.fills]) {
        if (!grid) continue;
        expect(grid).toHaveLength(sheet.values.length);
        for (const row of grid) expect(row).toHaveLength(width);
      }
    }
    const notes = snapshot.sheets[1];
    expect(notes.values).toEqual([['Total demandé', 104_867]]);
    expect(notes.formulas).toEqual([[null, '=SUM(Projets!C2:C4)']]);
    expect(notes.fills).toBeUndefined();
  });

  it.each([
    ['missing', async () => join(dir, 'absent.xlsx'), /introuvable/],
    ['directory', async () => dir, /dossier/],
    ['empty', async () => write('vide.xlsx', Buffer.alloc(0)), /vide/],
    ['text', async () => write('texte.xlsx', Buffer.from('No;Titre\nAS-01;Frigos\n')), /fichier texte/],
    [
      'not-zip',
      async () => write('image.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])),
      /pas un classeur/,
    ],
    [
      'encrypted',
      async () => write('protege.xlsx', compoundFile([{ name: 'EncryptionInfo' }])),
      /mot de passe/,
    ],
    [
      'damaged-zip',
      async () => write('tronque.xlsx', (await readFile(staffPath)).subarray(0, 400)),
      /endommagé/,
    ],
    ['not-workbook', async () => write('lettre.docx', await docx()), /pas un classeur/],
  ] as const)('rejects a %s input with one French line', async (reason, make, message) => {
    const path = await make();
    const error = await readWorkbook(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).reason).toBe(reason);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

async function write(name: string, data: Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

/** A Word document: a valid zip, but not a workbook. */
async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    'word/document.xml',
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

const summaryPlan: Plan = {
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
          row: 2,
          col: 0,
          values: [
            ['Exercice', 'Engagé', 'Source'],
            ['2020-2021', { formula: '=SUM(Projets!C2:C4)' }, '=SUM(Projets!C2:C4)'],
            ['Total', { formula: '=B4' }, '+ 5 $'],
            ['-', '@Martel', '-12'],
          ],
          numberFormats: [
            [null, null, null],
            [null, '#,##0 "$"', null],
            [null, '#,##0 "$"', null],
            [null, null, null],
          ],
          links: [
            [null, null, null],
            ["#'Projets'!C2", null, null],
            [null, null, null],
            [null, null, null],
          ],
        },
        { row: 2, col: 0, values: [['Exercice', 'Engagé', 'Source']], bold: true, fill: '#D9E1F2' },
      ],
      validations: [{ range: 'D4:D10', list: ['Oui', 'Non'] }],
      columnWidths: [{ col: 0, width: 18 }],
      hiddenColumns: [5],
      frozenRows: 3,
    },
  ],
};

describe('applyPlan and writeWorkbook', () => {
  let out: ExcelJS.Workbook;
  let outPath: string;

  beforeAll(async () => {
    const { workbook, source } = await readWorkbook(staffPath);
    const { resolved } = applyPlan(workbook, summaryPlan);
    outPath = join(dir, 'staff.sommaire.xlsx');
    await writeWorkbook(workbook, outPath, { source, plan: resolved });
    out = await reopen(outPath);
  });

  it('keeps the other sheets, their styles, formulas and comments', async () => {
    expect(out.worksheets.map((w) => w.name)).toEqual(['Projets', 'Notes', 'Sommaire budgétaire']);
    const projects = out.getWorksheet('Projets')!;
    expect(projects.getCell('C2').numFmt).toBe('#,##0 "$"');
    expect(projects.getCell('C2').font).toMatchObject({ italic: true, color: { argb: 'FF1F4E79' } });
    expect(projects.getCell('B2').fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    expect(projects.getCell('A2').note).toBe('Entente signée le 2020-11-30');
    expect(projects.getCell('D3').formula).toBe('C3*2');
    expect(out.getWorksheet('Notes')!.getCell('B1').formula).toBe('SUM(Projets!C2:C4)');
    expect(out.getWorksheet('Notes')!.getCell('A1').note).toBe('Formule du personnel');
    const { snapshot: before } = await readWorkbook(staffPath);
    const { snapshot: after } = await readWorkbook(outPath);
    expect(after.sheets.slice(0, 2)).toEqual(before.sheets);
  });

  it('writes strings as text, even when they start with =, +, - or @, and formulas as formulas', () => {
    const sheet = out.getWorksheet('Sommaire budgétaire')!;
    for (const address of ['C4', 'C5', 'A6', 'B6', 'C6']) {
      expect(sheet.getCell(address).type).toBe(ExcelJS.ValueType.String);
    }
    expect(sheet.getCell('C4').value).toBe('=SUM(Projets!C2:C4)');
    expect(sheet.getCell('C6').value).toBe('-12');
    expect(sheet.getCell('B4').formula).toBe('SUM(Projets!C2:C4)');
    expect(sheet.getCell('B4').numFmt).toBe('#,##0 "$"');
    expect(sheet.getCell('B5').formula).toBe('B4');
  });

  it('writes bold, fills, internal links, list validations, widths, frozen rows and the active sheet', async () => {
    const sheet = out.getWorksheet('Sommaire budgétaire')!;
    expect(sheet.getCell('A3').font?.bold).toBe(true);
    expect(sheet.getCell('C3').fill).toMatchObject({ fgColor: { argb: 'FFD9E1F2' } });
    expect(sheet.getCell('A4').value).toBe('2020-2021');
    expect(sheet.getCell('D4').dataValidation).toMatchObject({ type: 'list', formulae: ['"Oui,Non"'] });
    expect(sheet.getColumn(1).width).toBe(18);
    expect(sheet.getColumn(6).hidden).toBe(true);
    expect(sheet.getColumn(5).hidden).toBe(false);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(out.views[0].activeTab).toBe(2);
    // The internal link is a location only, not an external relationship Excel would open as a file
    // (ExcelJS itself does not read location-only links back, Excel and LibreOffice do).
    const zip = await JSZip.loadAsync(await readFile(outPath));
    const xml = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    expect(xml).toContain('<hyperlink ref="A4" location="&apos;Projets&apos;!C2"/>');
    const rels = await zip.file('xl/worksheets/_rels/sheet3.xml.rels')?.async('string');
    expect(rels ?? '').not.toContain('hyperlink');
  });

  it('asks spreadsheets to compute the formulas on open', async () => {
    const zip = await JSZip.loadAsync(await readFile(outPath));
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('replaces a generated sheet at its position, and never leaves a temp file', async () => {
    const { workbook, source } = await readWorkbook(outPath);
    workbook.getWorksheet('Sommaire budgétaire')!.getCell('Z99').value = 'ancien';
    const moved = workbook.getWorksheet('Sommaire budgétaire') as unknown as { orderNo: number };
    moved.orderNo = -1;
    const { resolved } = applyPlan(workbook, summaryPlan);
    const again = join(dir, 'again', 'sommaire.xlsx');
    await mkdir(join(dir, 'again'));
    await writeWorkbook(workbook, again, { source, plan: resolved });
    const reread = await reopen(again);
    expect(reread.worksheets.map((w) => w.name)).toEqual(['Sommaire budgétaire', 'Projets', 'Notes']);
    expect(reread.getWorksheet('Sommaire budgétaire')!.getCell('Z99').value).toBeNull();
    expect(await readdir(join(dir, 'again'))).toEqual(['sommaire.xlsx']);
  });
});

describe('notes on empty cells', () => {
  it('keeps a note ExcelJS drops on a cell without a value, in the snapshot and in the written file', async () => {
    const staff = staffWorkbook();
    staff.getWorksheet('Projets')!.getCell('H6').note = 'À vérifier avec le porteur';
    const path = await writeFixture(staff, join(dir, 'note-vide.xlsx'));
    const { workbook, snapshot, source } = await readWorkbook(path);
    expect(snapshot.sheets[0].notes?.[5]?.[7]).toBe('À vérifier avec le porteur');
    expect(snapshot.sheets[0].values[5]?.[7]).toBeNull();
    const out = join(dir, 'note-vide.sortie.xlsx');
    await writeWorkbook(workbook, out, { source });
    const zip = await JSZip.loadAsync(await readFile(out));
    const comments = Object.keys(zip.files).filter((f) => /^xl\/comments/.test(f));
    const xml = (await Promise.all(comments.map((f) => zip.file(f)!.async('string')))).join('');
    expect(xml).toContain('ref="H6"');
    expect(xml).toContain('À vérifier avec le porteur');
  });
});

describe('staff fills in Excel’s palette', () => {
  it('gives a theme colour back once a marked cell is fixed', async () => {
    const staff = staffWorkbook();
    const cell = staff.getWorksheet('Projets')!.getCell('C3');
    cell.value = 'abc';
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { theme: 5, tint: 0.6 } as Partial<ExcelJS.Color>,
    };
    const first = await writeFixture(staff, join(dir, 'theme.xlsx'));
    const validateAndWrite = async (input: string, output: string, fix?: (wb: ExcelJS.Workbook) => void) => {
      const read = await readWorkbook(input);
      fix?.(read.workbook);
      const snapshot = fix ? (await reread(read.workbook)).snapshot : read.snapshot;
      const { plan } = runAction('validate', snapshot, { now: new Date(Date.UTC(2022, 2, 1)) });
      const { resolved } = applyPlan(read.workbook, plan);
      await writeWorkbook(read.workbook, output, { source: read.source, plan: resolved });
    };
    const reread = async (workbook: ExcelJS.Workbook) => {
      const path = join(dir, 'theme-fixed.xlsx');
      await writeWorkbook(workbook, path, {});
      return readWorkbook(path);
    };
    await validateAndWrite(first, join(dir, 'theme-1.xlsx'));
    const marked = (await reopen(join(dir, 'theme-1.xlsx'))).getWorksheet('Projets')!.getCell('C3');
    expect(marked.fill).toMatchObject({ fgColor: { argb: 'FFF8D7DA' } });
    await validateAndWrite(join(dir, 'theme-1.xlsx'), join(dir, 'theme-2.xlsx'), (wb) => {
      wb.getWorksheet('Projets')!.getCell('C3').value = 29_100;
    });
    const restored = (await reopen(join(dir, 'theme-2.xlsx'))).getWorksheet('Projets')!.getCell('C3');
    expect(restored.fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { theme: 5, tint: 0.6 },
    });
  });
});

describe('edit and append plans', () => {
  it('changes only the listed cells, keeps their style, sets and removes marks', async () => {
    const { workbook, source } = await readWorkbook(staffPath);
    const plan: Plan = {
      action: 'reformat',
      changedCells: 2,
      sheets: [
        {
          sheet: 'Projets',
          mode: 'edit',
          blocks: [
            { row: 1, col: 2, values: [[44_800]] },
            { row: 2, col: 4, values: [['+ Logemen’mêle']] },
          ],
          marks: [
            { cell: 'A3', fill: '#FFC7CE', note: 'Montant en texte' },
            { cell: 'B2', fill: null },
            { cell: 'A2', note: null },
          ],
        },
      ],
    };
    const { resolved } = applyPlan(workbook, plan);
    const path = join(dir, 'staff.reformate.xlsx');
    await writeWorkbook(workbook, path, { source, plan: resolved });
    const sheet = (await reopen(path)).getWorksheet('Projets')!;
    expect(sheet.getCell('C2').value).toBe(44_800);
    expect(sheet.getCell('C2').numFmt).toBe('#,##0 "$"');
    expect(sheet.getCell('C2').font).toMatchObject({ italic: true });
    expect(sheet.getCell('E3').value).toBe('+ Logemen’mêle');
    expect(sheet.getCell('A3').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(sheet.getCell('A3').note).toBe('Montant en texte');
    expect(sheet.getCell('B2').fill).toBeUndefined();
    expect(sheet.getCell('A2').note).toBeUndefined();
    // Untouched neighbours keep their values and formulas.
    expect(sheet.getCell('C3').value).toBe(29_100);
    expect(sheet.getCell('D4').formula).toBe('C4*2');
  });

  it('overwrites the master of a shared formula and keeps the formulas of its clones', async () => {
    const { workbook, source } = await readWorkbook(staffPath);
    const plan: Plan = {
      action: 'undo',
      changedCells: 1,
      sheets: [{ sheet: 'Projets', mode: 'edit', blocks: [{ row: 1, col: 3, values: [[89_598]] }] }],
    };
    const { resolved } = applyPlan(workbook, plan);
    const path = join(dir, 'staff.maitre.xlsx');
    await writeWorkbook(workbook, path, { source, plan: resolved });
    const sheet = (await reopen(path)).getWorksheet('Projets')!;
    expect(sheet.getCell('D2').value).toBe(89_598);
    expect(sheet.getCell('D3').formula).toBe('C3*2');
    expect(sheet.getCell('D4').formula).toBe('C4*2');
  });

  it('appends below the last used row, and creates the sheet when absent', async () => {
    const { workbook } = await readWorkbook(staffPath);
    const plan: Plan = {
      action: 'reformat',
      changedCells: 0,
      sheets: [
        { sheet: 'Notes', mode: 'append', blocks: [{ row: 0, col: 0, values: [['Ajout', 1]] }] },
        { sheet: 'Journal', mode: 'append', blocks: [{ row: 1, col: 0, values: [['op-1']] }] },
      ],
    };
    applyPlan(workbook, plan);
    expect(workbook.getWorksheet('Notes')!.getCell('A2').value).toBe('Ajout');
    expect(workbook.getWorksheet('Journal')!.getCell('A2').value).toBe('op-1');
  });
});

describe('a workbook on the 1904 date system (workbookPr date1904, ECMA-376 Part 1 §18.2.28)', () => {
  it('reads a bare serial and a date cell as the days Excel shows, and writes dates in that system', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const projets = workbook.addWorksheet('Projets');
    projets.addRow(['No', 'Titre', 'Début', 'Fin', 'Reddition reçue']);
    // 2022-03-31 is 44651 in the 1900 system, 1462 less in the 1904 one; 2022-06-15 is typed as text.
    projets.addRow([
      'AS-01',
      'Cuisines collectives',
      new Date(Date.UTC(2021, 5, 1)),
      44651 - 1462,
      '2022-06-15',
    ]);
    projets.getCell('C2').numFmt = 'yyyy-mm-dd';
    const path = await writeFixture(workbook, join(dir, 'date1904.xlsx'));

    const read = await readWorkbook(path);
    expect(read.snapshot.sheets[0].date1904).toBe(true);
    const now = new Date(Date.UTC(2026, 11, 3));
    const result = runAction('reformat', read.snapshot, { now });
    const project = result.analysis?.projects[0];
    expect([project?.start, project?.end]).toEqual(['2021-06-01', '2022-03-31']);

    const { resolved } = applyPlan(read.workbook, result.plan);
    const out = join(dir, 'date1904-reformatted.xlsx');
    await writeWorkbook(read.workbook, out, { source: read.source, plan: resolved });
    const zip = await JSZip.loadAsync(await readFile(out));
    expect(await zip.file('xl/workbook.xml')?.async('string')).toMatch(/date1904="1"/);
    const sheetXml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const serialAt = (cell: string) => new RegExp(`<c r="${cell}"[^>]*><v>([^<]+)</v>`).exec(sheetXml)?.[1];
    expect(Number(serialAt('E2'))).toBe(44727 - 1462);
    expect(Number(serialAt('C2'))).toBe(44348 - 1462);
  });
});
