/** Writes a workbook after a plan: ExcelJS, then the package step, then an atomic rename. */
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { Plan } from '../../core/plan.js';
import { finishPackage } from './package.js';

export interface WriteOptions {
  /** The input package: drawings and charts of the kept sheets are carried from it. */
  source?: Buffer;
  /** The plan just applied: its replaced sheets and charts. */
  plan?: Plan;
}

export async function workbookBuffer(
  workbook: ExcelJS.Workbook,
  options: WriteOptions = {},
): Promise<Buffer> {
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  const sheets = options.plan?.sheets ?? [];
  return finishPackage(written, {
    source: options.source,
    replacedSheets: sheets.filter((s) => s.mode === 'replace').map((s) => s.sheet),
    charts: sheets.map((s) => ({ sheet: s.sheet, charts: s.charts ?? [] })),
  });
}

export async function writeWorkbook(
  workbook: ExcelJS.Workbook,
  path: string,
  options: WriteOptions = {},
): Promise<void> {
  await writeAtomically(path, await workbookBuffer(workbook, options));
}

/** A temp file beside the target, then a rename: a crash never leaves a half-written workbook. */
export async function writeAtomically(path: string, data: Buffer): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}
