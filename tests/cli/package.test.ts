import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../../cli/xlsx/apply.js';
import { lostContent } from '../../cli/xlsx/package.js';
import { readWorkbook } from '../../cli/xlsx/read.js';
import { writeWorkbook } from '../../cli/xlsx/write.js';
import type { Plan } from '../../core/plan.js';
import { tempDir, workbookWithChart, workbookWithExtensions, workbookWithPivot } from './fixtures.js';
import { convertWithLibreOffice, skipWithoutLibreOffice } from './libreoffice.js';

const plan: Plan = {
  action: 'summary',
  changedCells: 0,
  sheets: [
    {
      sheet: 'Sommaire budgétaire',
      mode: 'replace',
      blocks: [
        {
          row: 0,
          col: 0,
          values: [
            ['Exercice', 'Enveloppe', 'Engagé'],
            ['2020-2021', 195_007, { formula: '=SUM(Projets!C2:C4)' }],
            ['2021-2022', 97_503, 0],
          ],
        },
      ],
      charts: [
        {
          type: 'column',
          title: 'Enveloppe et engagé par exercice',
          categories: 'A2:A3',
          series: [
            { name: 'Enveloppe', values: 'B2:B3' },
            { name: 'Engagé', values: 'C2:C3' },
          ],
          anchor: 'E2',
          end: 'K16',
          width: 480,
          height: 288,
        },
      ],
    },
  ],
};

let dir: string;
let input: string;
let output: string;

async function zipOf(path: string): Promise<JSZip> {
  return JSZip.loadAsync(await readFile(path));
}

/** Chart formulas of every chart part of the package, sorted. */
async function chartFormulas(zip: JSZip): Promise<string[]> {
  const formulas: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)) formulas.push(m[1].replace(/&apos;/g, "'"));
  }
  return formulas.sort();
}

/** The drawing part a sheet points to, following the package's relationships. */
async function drawingOf(zip: JSZip, sheetName: string): Promise<string | null> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(wbRels)?.[1];
  const sheetPath = `xl/${target}`;
  const sheetXml = await zip.file(sheetPath)!.async('string');
  const drawingId = /<drawing r:id="([^"]+)"/.exec(sheetXml)?.[1];
  if (!drawingId) return null;
  const rels = await zip
    .file(`${sheetPath.replace('worksheets/', 'worksheets/_rels/')}.rels`)!
    .async('string');
  const drawing = new RegExp(`Id="${drawingId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  return zip.file(`xl/drawings/${drawing!.split('/').pop()}`)!.async('string');
}

beforeAll(async () => {
  dir = await tempDir();
  input = await workbookWithChart(join(dir, 'graphique.xlsx'));
  const { workbook, source } = await readWorkbook(input);
  const { resolved } = applyPlan(workbook, plan);
  output = join(dir, 'graphique.sommaire.xlsx');
  await writeWorkbook(workbook, output, { source, plan: resolved });
});

describe('charts and drawings in the package', () => {
  it('ExcelJS alone drops the staff chart (the pitfall this module exists for)', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(input);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    expect(await chartFormulas(zip)).toEqual([]);
  });

  it('carries the staff chart, its style parts and the text box into the output', async () => {
    const zip = await zipOf(output);
    const drawing = await drawingOf(zip, 'Graphiques');
    expect(drawing).toContain('Graphique engagements');
    expect(drawing).toContain('Montants engagés par exercice');
    expect(await chartFormulas(zip)).toEqual(
      expect.arrayContaining(['Graphiques!$A$2:$A$3', 'Graphiques!$B$1', 'Graphiques!$B$2:$B$3']),
    );
    const names = Object.keys(zip.files);
    expect(names.filter((n) => /^xl\/charts\/(style|colors)\d+\.xml$/.test(n))).toHaveLength(2);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('application/vnd.ms-office.chartstyle+xml');
  });

  it('writes the plan’s chart as a DrawingML chart over the summary ranges', async () => {
    const zip = await zipOf(output);
    const drawing = await drawingOf(zip, 'Sommaire budgétaire');
    expect(drawing).toContain('<xdr:twoCellAnchor');
    expect(drawing).toContain('Enveloppe et engagé par exercice');
    expect(await chartFormulas(zip)).toEqual(
      expect.arrayContaining([
        "'Sommaire budgétaire'!$A$2:$A$3",
        "'Sommaire budgétaire'!$B$2:$B$3",
        "'Sommaire budgétaire'!$C$2:$C$3",
      ]),
    );
  });

  it('opens again in ExcelJS with every sheet and value', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Projets',
      'Notes',
      'Graphiques',
      'Sommaire budgétaire',
    ]);
    expect(workbook.getWorksheet('Graphiques')!.getCell('B3').value).toBe(124_867);
  });

  it('keeps one chart per sheet when the output goes through the command again', async () => {
    const { workbook, source } = await readWorkbook(output);
    const { resolved } = applyPlan(workbook, plan);
    const second = join(dir, 'graphique.sommaire.2.xlsx');
    await writeWorkbook(workbook, second, { source, plan: resolved });
    const formulas = await chartFormulas(await zipOf(second));
    expect(formulas.filter((f) => f === 'Graphiques!$B$2:$B$3')).toHaveLength(1);
    expect(formulas.filter((f) => f === "'Sommaire budgétaire'!$B$2:$B$3")).toHaveLength(1);
  });

  it.skipIf(skipWithoutLibreOffice)('opens in LibreOffice with both charts', async () => {
    const converted = convertWithLibreOffice(output, 'xlsx', join(dir, 'lo'));
    const formulas = await chartFormulas(await zipOf(converted));
    expect(formulas).toEqual(
      expect.arrayContaining(['Graphiques!$B$2:$B$3', "'Sommaire budgétaire'!$C$2:$C$3"]),
    );
  });
});

describe('Excel 2010 extensions of staff sheets', () => {
  let extended: string;

  beforeAll(async () => {
    const input = await workbookWithExtensions(join(dir, 'listes.xlsx'));
    const { workbook, source } = await readWorkbook(input);
    const { resolved } = applyPlan(workbook, plan);
    extended = join(dir, 'listes.sommaire.xlsx');
    await writeWorkbook(workbook, extended, { source, plan: resolved });
  });

  it('ExcelJS alone drops a drop-down list fed by another sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'listes.xlsx'));
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).not.toContain('Notes!$A$1:$A$3');
  });

  it('carries the cross-sheet drop-down list and the sparkline into the output', async () => {
    const xml = await (await zipOf(extended)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain(
      '<x14:formula1><xm:f>Notes!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>E2:E20</xm:sqref>',
    );
    expect(xml).toContain('<xm:f>Projets!C2:D2</xm:f><xm:sqref>G2</xm:sqref>');
    expect(xml.indexOf('<extLst>')).toBeGreaterThan(xml.indexOf('</sheetData>'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(extended);
    expect(workbook.getWorksheet('Projets')!.getCell('A2').value).toBe('AS-01');
  });

  it.skipIf(skipWithoutLibreOffice)('LibreOffice reads the carried list', async () => {
    const converted = convertWithLibreOffice(extended, 'xlsx', join(dir, 'lo-listes'));
    const xml = await (await zipOf(converted)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/Notes!\$A\$1:\$A\$3/);
  });
});

describe('images of staff sheets', () => {
  it('keeps one drawing with its picture and no orphan media', async () => {
    // A one-pixel PNG: the MRC logo as far as this test is concerned.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const staff = new ExcelJS.Workbook();
    const logo = staff.addWorksheet('Logo');
    logo.getCell('A1').value = 'MRC des Maskoutains';
    logo.addImage(staff.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'B2:D6');
    const input = join(dir, 'logo.xlsx');
    await staff.xlsx.writeFile(input);
    const { workbook, source } = await readWorkbook(input);
    const { resolved } = applyPlan(workbook, plan);
    const out = join(dir, 'logo.sommaire.xlsx');
    await writeWorkbook(workbook, out, { source, plan: resolved });

    const zip = await zipOf(out);
    expect(await drawingOf(zip, 'Logo')).toContain('<xdr:pic>');
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    expect(names.filter((n) => n.startsWith('xl/media/'))).toHaveLength(1);
    expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(2);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(out);
    expect(reread.getWorksheet('Logo')!.getImages()).toHaveLength(1);
  });
});

describe('lostContent', () => {
  it('names the sheets whose pivot tables cannot be carried', async () => {
    const path = await workbookWithPivot(join(dir, 'croise.xlsx'));
    expect(await lostContent(await readFile(path))).toEqual([{ sheet: 'Analyse', kind: 'pivotTable' }]);
  });

  it('names the sheets whose threaded comments would lose their replies', async () => {
    const zip = await JSZip.loadAsync(await readFile(input));
    const rels = 'xl/worksheets/_rels/sheet1.xml.rels';
    const existing = (await zip.file(rels)?.async('string')) ?? '';
    const thread =
      '<Relationship Id="rIdThread" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>';
    zip.file(
      rels,
      existing
        ? existing.replace('</Relationships>', `${thread}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${thread}</Relationships>`,
    );
    const buffer = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await lostContent(buffer)).toEqual([{ sheet: 'Projets', kind: 'threadedComment' }]);
  });

  it('finds nothing to lose in a workbook with only cells and charts', async () => {
    expect(await lostContent(await readFile(input))).toEqual([]);
  });
});
