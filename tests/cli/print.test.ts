/**
 * The generated sheets of the sample print well: their page setup is in the `.xlsx` as core
 * declared it (read back with ExcelJS), and LibreOffice prints each of them within its page
 * budget, landscape, with the Sommaire's table and chart on its first page.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../../cli/xlsx/apply.js';
import { readWorkbook } from '../../cli/xlsx/read.js';
import { writeWorkbook } from '../../cli/xlsx/write.js';
import { parseCellAddress } from '../../core/a1.js';
import type { ActionName } from '../../core/action-table.js';
import { runAction } from '../../core/actions.js';
import type { PageSetup } from '../../core/plan.js';
import { tempDir } from './fixtures.js';
import { skipWithoutLibreOffice } from './libreoffice.js';
import { pdfPageCount, pdfPageShapes, sheetPdf } from './print.js';

const SAMPLE = resolve(import.meta.dirname, '../../examples/alliance-exemple.xlsx');
const NOW = new Date(Date.UTC(2022, 2, 1, 15, 0, 0));

interface Generated {
  action: ActionName;
  sheet: string;
  /** Pages LibreOffice may print the sheet on (Letter, landscape). */
  pages: number;
}

const GENERATED: Generated[] = [
  { action: 'summary', sheet: 'Sommaire budgétaire', pages: 2 },
  { action: 'rank', sheet: 'Classement', pages: 2 },
  { action: 'validate', sheet: 'Validation', pages: 2 },
  { action: 'followup', sheet: 'Suivi des projets', pages: 1 },
];

let dir: string;
const outputs = new Map<string, { path: string; setup: PageSetup }>();

beforeAll(async () => {
  dir = await tempDir('alliance-print-');
  for (const { action, sheet } of GENERATED) {
    const { workbook, snapshot, source } = await readWorkbook(SAMPLE);
    const result = runAction(action, snapshot, { now: NOW });
    const setup = result.plan.sheets.find((s) => s.sheet === sheet)?.pageSetup;
    if (!setup) throw new Error(`${sheet}: no page setup in the plan`);
    const { resolved } = applyPlan(workbook, result.plan);
    const path = join(dir, `${action}.xlsx`);
    await writeWorkbook(workbook, path, { source, plan: resolved });
    outputs.set(sheet, { path, setup });
  }
});

async function worksheetOf(sheet: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(outputs.get(sheet)?.path ?? '');
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`No ${sheet}`);
  return worksheet;
}

describe('the page setup core declared is in the .xlsx', () => {
  it.each(GENERATED)(
    '$sheet: landscape, one page wide, title rows, print area, footer',
    async ({ sheet }) => {
      const { setup } = outputs.get(sheet) ?? {};
      const worksheet = await worksheetOf(sheet);
      const page = worksheet.pageSetup;
      expect(page.orientation).toBe('landscape');
      expect(page.fitToPage).toBe(true);
      expect(page.fitToWidth).toBe(1);
      expect(page.fitToHeight).toBe(0);
      expect(page.printArea).toBe(setup?.printArea);
      const titles = setup?.titleRows;
      expect(page.printTitlesRow).toBe(`${(titles?.first ?? 0) + 1}:${(titles?.last ?? 0) + 1}`);
      expect(worksheet.headerFooter.oddFooter).toBe(
        '&LAlliance pour la solidarité 2019-2023&CProduit le 2022-03-01&Rpage &P de &N',
      );
      // The title rows are the table's headers (or the title), and they wrap.
      const titleRow = worksheet.getRow((titles?.last ?? 0) + 1);
      const first = titleRow.getCell(1);
      expect(first.value, sheet).not.toBeNull();
    },
  );

  it('the Sommaire: the check columns are out of the print, the chart inside it', async () => {
    const { setup } = outputs.get('Sommaire budgétaire') ?? {};
    const worksheet = await worksheetOf('Sommaire budgétaire');
    const [, last] = (setup?.printArea ?? '').split(':');
    const end = parseCellAddress(last);
    // Columns A..G print (the design's table); Contrôle and the tool's values sit right of them.
    expect(end.col).toBe(6);
    // « Contrôle » stands above its columns, in row 3.
    const headers = (worksheet.getRow(3).values as unknown[]).slice(1);
    expect(headers.indexOf('Contrôle')).toBeGreaterThan(end.col);
    const result = runAction('summary', (await readWorkbook(SAMPLE)).snapshot, { now: NOW });
    const chart = result.plan.sheets[0].charts?.[0];
    expect(chart).toBeDefined();
    const chartEnd = parseCellAddress(chart?.end ?? 'A1');
    expect(chartEnd.col).toBeLessThanOrEqual(end.col);
    expect(chartEnd.row).toBeLessThanOrEqual(end.row);
  });
});

describe('a second command keeps every print area', () => {
  it('written absolute ($A$1:$G$…), which LibreOffice honours, after ExcelJS read them back', async () => {
    const first = outputs.get('Sommaire budgétaire')?.path ?? '';
    const { workbook, snapshot, source } = await readWorkbook(first);
    const { resolved } = applyPlan(workbook, runAction('rank', snapshot, { now: NOW }).plan);
    const twice = join(dir, 'summary-then-rank.xlsx');
    await writeWorkbook(workbook, twice, { source, plan: resolved });
    const zip = await JSZip.loadAsync(await readFile(twice));
    const book = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const areas = [...book.matchAll(/name="_xlnm\.Print_Area"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(areas).toHaveLength(2);
    expect(areas.some((area) => /^&apos;Sommaire budgétaire&apos;!\$A\$1:\$G\$\d+$/.test(area))).toBe(true);
    for (const area of areas) expect(area).toMatch(/!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
  });
});

describe.skipIf(skipWithoutLibreOffice)('LibreOffice prints each generated sheet within its budget', () => {
  it.each(GENERATED)('$sheet: at most $pages landscape pages', async ({ sheet, pages }) => {
    const outDir = join(dir, 'pdf', sheet.replace(/\W+/g, '-'));
    await mkdir(outDir, { recursive: true });
    const pdf = await sheetPdf(outputs.get(sheet)?.path ?? '', sheet, outDir);
    const count = pdfPageCount(pdf);
    expect(count, sheet).toBeGreaterThanOrEqual(1);
    expect(count, sheet).toBeLessThanOrEqual(pages);
    const shapes = pdfPageShapes(pdf);
    expect(shapes).toHaveLength(count);
    for (const shape of shapes) expect(shape, sheet).toBeGreaterThan(1);
  });
});
