/** Writes a workbook after a plan: ExcelJS, then the package step, then an atomic rename. */
import { constants } from 'node:fs';
import { access, chmod, chown, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { ResolvedPlan } from '../../core/writes.js';
import { linkTarget, lockFile } from './in-place.js';
import { finishPackage } from './package.js';

export interface WriteOptions {
  /** The input package: drawings, charts and macros of the kept sheets are carried from it. */
  source?: Buffer;
  /** The resolved plan just written: its regenerated sheets and charts. */
  plan?: ResolvedPlan;
  /** The output's file name: `.xlsm` keeps the input's macros, `.xlsx` cannot (absent: the input's format). */
  output?: string;
}

export async function workbookBuffer(
  workbook: ExcelJS.Workbook,
  options: WriteOptions = {},
): Promise<Buffer> {
  for (const worksheet of workbook.worksheets) keepPrintAreaAbsolute(worksheet);
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  const sheets = options.plan?.sheets ?? [];
  return finishPackage(written, {
    source: options.source,
    replacedSheets: sheets.filter((s) => s.clear).map((s) => s.name),
    charts: sheets.map((s) => ({ sheet: s.name, charts: s.charts })),
    output: options.output,
  });
}

/**
 * ExcelJS reads a print area `$A$1:$G$36` as `A1:G36` and writes `$` before each corner only
 * (lib/xlsx/xform/book/workbook-xform.js), so a sheet kept through a second command came out
 * `$A1:$G36`, which LibreOffice does not honour (the whole sheet printed, the tool's control
 * columns too). Rows given as `$1` come out absolute, for every sheet, ours or staff's.
 */
export function keepPrintAreaAbsolute(worksheet: ExcelJS.Worksheet): void {
  const area = worksheet.pageSetup?.printArea;
  if (area) worksheet.pageSetup.printArea = absoluteRows(area);
}

/** `A1:G36` → `A$1:G$36`, the form ExcelJS turns into `$A$1:$G$36`. */
export function absoluteRows(area: string): string {
  return area.replace(/\$?([A-Za-z]+)\$?(\d+)/g, '$1$$$2');
}

export async function writeWorkbook(
  workbook: ExcelJS.Workbook,
  path: string,
  options: WriteOptions = {},
): Promise<void> {
  await writeAtomically(path, await workbookBuffer(workbook, { output: path, ...options }));
}

/**
 * A temp file beside the target, then a rename: a crash never leaves a half-written workbook. A link
 * is written through (its target is replaced, the link stays a link); a replaced file keeps its
 * permission mode (and owner when allowed); a read-only file, or one open in Excel or LibreOffice
 * (code `ELOCKED`), is not replaced.
 */
export async function writeAtomically(path: string, data: Buffer): Promise<void> {
  const target = await linkTarget(path);
  const existing = await stat(target).catch(() => null);
  if (existing) {
    const lock = await lockFile(path);
    if (lock) throw Object.assign(new Error(`open in ${lock.app}: ${lock.path}`), { code: 'ELOCKED' });
    await access(target, constants.W_OK);
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    // `wx`: never over another file of that name (then it is not ours to remove either).
    await writeFile(temp, data, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await unlink(temp).catch(() => {});
    throw error;
  }
  try {
    if (existing?.isFile()) {
      await chown(temp, existing.uid, existing.gid).catch(() => {});
      await chmod(temp, existing.mode & 0o7777);
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}
