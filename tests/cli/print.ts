/**
 * One generated sheet printed as LibreOffice prints it: the workbook with every other sheet hidden
 * (LibreOffice prints no hidden sheet, and the hidden sheets still feed the formulas), converted to
 * PDF in a profile set to the workbook's locale, so `#,##0 "$"` shows as staff see it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { SOFFICE } from './libreoffice.js';

/**
 * A private LibreOffice profile whose locale is `locale` (fr-CA groups thousands with a space and
 * writes a decimal comma): the setting LibreOffice's own Tools > Options > Languages writes.
 */
function profileWithLocale(locale: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'alliance-lo-print-'));
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n` +
      '</oor:items>\n',
  );
  return profile;
}

/** `file` as a PDF, in `outDir`, converted by LibreOffice under `locale`. */
export function pdfOf(file: string, outDir: string, locale = 'fr-CA'): string {
  const profile = profileWithLocale(locale);
  const result = spawnSync(
    SOFFICE ?? 'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      file,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (result.status !== 0) {
    throw new Error(`LibreOffice failed (${result.status}): ${result.stderr || result.error?.message}`);
  }
  return join(outDir, `${basename(file, extname(file))}.pdf`);
}

/** The sheet `sheet` of `workbookPath` alone, as a PDF in `outDir`. */
export async function sheetPdf(workbookPath: string, sheet: string, outDir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookPath);
  if (!workbook.getWorksheet(sheet)) throw new Error(`No sheet ${sheet} in ${workbookPath}`);
  for (const worksheet of workbook.worksheets)
    worksheet.state = worksheet.name === sheet ? 'visible' : 'hidden';
  const index = workbook.worksheets.findIndex((ws) => ws.name === sheet);
  workbook.views = [{ activeTab: index, firstSheet: index } as ExcelJS.WorkbookView];
  const alone = join(outDir, `${sheet.replace(/[^\p{L}\p{N}]+/gu, '-')}.xlsx`);
  await workbook.xlsx.writeFile(alone);
  // ExcelJS drops the drawings it read: put the chart parts back from the written package.
  await carryDrawings(workbookPath, alone);
  return pdfOf(alone, outDir);
}

/** Copies the drawing and chart parts of `from` (same sheets, same order) into `to`. */
async function carryDrawings(from: string, to: string): Promise<void> {
  const { finishPackage } = await import('../../cli/xlsx/package.js');
  const source = readFileSync(from);
  const written = readFileSync(to);
  writeFileSync(to, await finishPackage(written, { source, replacedSheets: [], charts: [] }));
}

/** Pages of a PDF: its page objects (LibreOffice writes them uncompressed). */
export function pdfPageCount(pdf: string): number {
  const text = readFileSync(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Each page's width over its height (> 1: landscape), from the media box of each page object. */
export function pdfPageShapes(pdf: string): number[] {
  const text = readFileSync(pdf).toString('latin1');
  const pages = text.matchAll(
    /\/Type\s*\/Page(?![s\w])[^>]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g,
  );
  return [...pages].map((m) => (Number(m[3]) - Number(m[1])) / (Number(m[4]) - Number(m[2])));
}
