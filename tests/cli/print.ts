import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { convertWithLibreOffice } from './libreoffice.js';

/** `file` as a PDF, in `outDir`, converted by LibreOffice under `locale`. */
export function pdfOf(file: string, outDir: string, locale = 'fr-CA'): string {
  return convertWithLibreOffice(file, 'pdf', outDir, { locale });
}

/**
 * The sheet `sheet` of `workbookPath` alone, as a PDF in `outDir`: the package as written, every
 * other sheet marked hidden in `xl/workbook.xml` (nothing else rewritten: no ExcelJS round trip).
 */
export async function sheetPdf(workbookPath: string, sheet: string, outDir: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(workbookPath));
  const part = zip.file('xl/workbook.xml');
  if (!part) throw new Error(`${workbookPath} has no xl/workbook.xml`);
  const xml = await part.async('string');
  const escaped = sheet.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  let index = -1;
  let position = 0;
  const edited = xml.replace(/<sheet\b[^>]*?\/>/g, (tag) => {
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    const own = name === escaped || name === sheet;
    if (own) index = position;
    position += 1;
    const bare = tag.replace(/\s+state="[^"]*"/, '');
    return own ? bare : bare.replace(/\/>$/, ' state="hidden"/>');
  });
  if (index < 0) throw new Error(`No sheet ${sheet} in ${workbookPath}`);
  const withTab = edited.replace(/<workbookView\b([^>]*?)\/>/, (_, attributes: string) => {
    const kept = attributes.replace(/\s+(activeTab|firstSheet)="\d+"/g, '');
    return `<workbookView${kept} activeTab="${index}" firstSheet="${index}"/>`;
  });
  zip.file('xl/workbook.xml', withTab);
  const alone = join(outDir, `${sheet.replace(/[^\p{L}\p{N}]+/gu, '-')}.xlsx`);
  writeFileSync(alone, await zip.generateAsync({ type: 'nodebuffer' }));
  return pdfOf(alone, outDir);
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
