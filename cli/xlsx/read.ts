/** Reads an `.xlsx` file into ExcelJS (to write back later) and into the core's plain snapshot, in one pass. */
import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseCellAddress } from '../../core/a1.js';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/cells.js';
import { CLI_TEXT } from '../messages.js';
import { type ForeignFormat, foreignFormat, ODS_MIMETYPE } from './formats.js';
import { type PackageNote, packageNotes } from './package.js';

export type ReadFailure =
  | 'missing'
  | 'directory'
  | 'empty'
  | 'not-zip'
  | 'not-workbook'
  | 'corrupt'
  | 'damaged-zip'
  /** What staff should save as .xlsx, or whose password they should remove (cli/xlsx/formats.ts). */
  | ForeignFormat
  | 'ods';

/** The input cannot be read as a workbook; the CLI says why in the user's language (`fileErrors`). */
export class WorkbookReadError extends Error {
  constructor(
    readonly reason: ReadFailure,
    readonly path: string,
  ) {
    super(CLI_TEXT.fr.fileErrors[reason](path));
    this.name = 'WorkbookReadError';
  }
}

export interface ReadResult {
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
  /** The file's bytes: the package step carries its drawings and charts into the output. */
  source: Buffer;
}

// ExcelJS.ValueType, inlined so that the hot loop compares small integers.
const NULL = 0;
const MERGE = 1;
const HYPERLINK = 5;
const FORMULA = 6;
const RICH_TEXT = 8;
const ERROR = 10;

export async function readWorkbook(path: string): Promise<ReadResult> {
  const source = await readSource(path);
  const isZip = source.length >= 4 && source[0] === 0x50 && source[1] === 0x4b;
  if (!isZip) throw new WorkbookReadError(foreignFormat(source) ?? 'not-zip', path);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(source as unknown as ExcelJS.Buffer);
  } catch {
    throw await diagnose(source, path);
  }
  // ExcelJS reads any zip (a .docx too) as a workbook without sheets.
  if (workbook.worksheets.length === 0) throw await diagnose(source, path);
  const snapshot = snapshotOf(workbook);
  restoreEmptyCellNotes(workbook, snapshot, await packageNotes(source));
  return { workbook, snapshot, source };
}

/**
 * ExcelJS loses the note of a cell without a value: put it back on the cell (so the output keeps it)
 * and in the snapshot (so a validation mark there can give it back).
 */
function restoreEmptyCellNotes(
  workbook: ExcelJS.Workbook,
  snapshot: WorkbookSnapshot,
  notes: PackageNote[],
): void {
  for (const { sheet, ref, text } of notes) {
    const worksheet = workbook.getWorksheet(sheet);
    const sheetSnapshot = snapshot.sheets.find((s) => s.name === sheet);
    if (!worksheet || !sheetSnapshot) continue;
    const cell = worksheet.getCell(ref);
    if (cell.note) continue;
    cell.note = text;
    const { row, col } = parseCellAddress(ref);
    const height = Math.max(sheetSnapshot.values.length, row + 1);
    const width = Math.max(sheetSnapshot.values[0]?.length ?? 0, col + 1);
    sheetSnapshot.values = rectangular(sheetSnapshot.values, height, width);
    if (sheetSnapshot.formulas) sheetSnapshot.formulas = rectangular(sheetSnapshot.formulas, height, width);
    if (sheetSnapshot.fills) sheetSnapshot.fills = rectangular(sheetSnapshot.fills, height, width);
    sheetSnapshot.notes = rectangular(sheetSnapshot.notes ?? [], height, width);
    sheetSnapshot.notes[row][col] = text;
  }
}

/** Why ExcelJS could not read the file: a damaged archive, an OpenDocument file, a zip that is not a workbook. */
async function diagnose(source: Buffer, path: string): Promise<WorkbookReadError> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(source);
  } catch {
    return new WorkbookReadError('damaged-zip', path);
  }
  if (!zip.file('xl/workbook.xml')) {
    const mimetype = await zip.file('mimetype')?.async('string');
    if (mimetype?.trim().startsWith(ODS_MIMETYPE)) return new WorkbookReadError('ods', path);
    return new WorkbookReadError('not-workbook', path);
  }
  return new WorkbookReadError('corrupt', path);
}

async function readSource(path: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new WorkbookReadError('directory', path);
    }
    size = info.size;
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw new WorkbookReadError('missing', path);
  }
  if (size === 0) throw new WorkbookReadError('empty', path);
  return readFile(path);
}

/** Every worksheet as plain values, invariant formulas, notes and fills. */
export function snapshotOf(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets = workbook.worksheets.map(sheetSnapshot);
  // ExcelJS turns date-formatted cells into Dates with the workbook's system; a bare serial stays a
  // number, which core reads in that system too.
  if (workbook.properties.date1904) for (const sheet of sheets) sheet.date1904 = true;
  return { sheets };
}

function sheetSnapshot(worksheet: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  // Formulas, notes and fills are allocated only when the sheet has any: most staff sheets have none.
  let formulas: (string | null)[][] | undefined;
  let notes: (string | null)[][] | undefined;
  let fills: (string | null)[][] | undefined;
  let width = 0;

  // ExcelJS's own iteration skips cells without a value, and with them a staff note or fill on an
  // empty cell: walk the rows and cells it holds instead (ExcelJS is pinned, these fields are stable).
  const rows = (worksheet as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const cells = (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells;
    let rowValues: CellValue[] | undefined;
    const valuesRow = (): CellValue[] => {
      if (rowValues) return rowValues;
      while (values.length <= r) values.push([]);
      rowValues = values[r];
      return rowValues;
    };
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const type = cell.type as number;
      if (type === MERGE) continue;
      if (type === NULL) {
        // An empty cell: only what staff put on it.
        const emptyNote = cell.note as unknown;
        const emptyFill = solidFill(cell.fill);
        if (!emptyNote && !emptyFill) continue;
        if (c >= width) width = c + 1;
        valuesRow();
        if (emptyNote) {
          notes ??= [];
          setAt(notes, r, c, noteText(emptyNote));
        }
        if (emptyFill) {
          fills ??= [];
          setAt(fills, r, c, emptyFill);
        }
        continue;
      }
      if (c >= width) width = c + 1;
      const target = valuesRow();
      if (type === FORMULA) {
        target[c] = plainValue(cell.result);
        formulas ??= [];
        setAt(formulas, r, c, `=${cell.formula}`);
      } else if (type === HYPERLINK || type === RICH_TEXT || type === ERROR) {
        target[c] = plainValue(cell.value);
      } else {
        target[c] = cell.value as CellValue;
      }
      const note = cell.note as unknown;
      if (note) {
        notes ??= [];
        setAt(notes, r, c, noteText(note));
      }
      const fill = solidFill(cell.fill);
      if (fill) {
        fills ??= [];
        setAt(fills, r, c, fill);
      }
    }
  }

  const snapshot: SheetSnapshot = { name: worksheet.name, values: rectangular(values, values.length, width) };
  if (formulas) snapshot.formulas = rectangular(formulas, values.length, width);
  if (notes) snapshot.notes = rectangular(notes, values.length, width);
  if (fills) snapshot.fills = rectangular(fills, values.length, width);
  return snapshot;
}

function setAt<T>(grid: (T | null)[][], r: number, c: number, value: T): void {
  while (grid.length <= r) grid.push([]);
  grid[r][c] = value;
}

/** Pads the sparse rows with null so that every row has `width` cells (holes become null). */
function rectangular<T>(grid: (T | null | undefined)[][], height: number, width: number): (T | null)[][] {
  const result: (T | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const source = grid[r] ?? [];
    const row: (T | null)[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = source[c] ?? null;
    result[r] = row;
  }
  return result;
}

/** Rich text → its text, hyperlink → its text, error → `#N/A`, formula result → the result. */
export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value as CellValue;
  const v = value as Record<string, unknown>;
  if (typeof v.error === 'string') return v.error;
  if (Array.isArray(v.richText)) return richText(v.richText);
  if ('hyperlink' in v) return plainValue(v.text);
  if ('result' in v) return plainValue(v.result);
  if ('formula' in v || 'sharedFormula' in v) return null;
  return String(value);
}

function richText(runs: unknown[]): string {
  let text = '';
  for (const run of runs) text += (run as { text?: string }).text ?? '';
  return text;
}

function noteText(note: unknown): string {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: unknown[] }).texts;
  return Array.isArray(texts) ? richText(texts) : '';
}

/**
 * Solid pattern fill → `#RRGGBB`, or for Excel's palette colours a token this host writes back
 * (`theme:5:0.6`, `indexed:43`), so a validation mark can give the staff's own colour back.
 */
function solidFill(fill: ExcelJS.Fill | undefined): string | null {
  if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const color = fill.fgColor as
    | { argb?: unknown; theme?: unknown; tint?: unknown; indexed?: unknown }
    | undefined;
  const argb = color?.argb;
  if (typeof argb === 'string' && /^[0-9A-Fa-f]{6,8}$/.test(argb)) return `#${argb.slice(-6).toUpperCase()}`;
  if (typeof color?.theme === 'number')
    return `theme:${color.theme}:${typeof color.tint === 'number' ? color.tint : 0}`;
  if (typeof color?.indexed === 'number') return `indexed:${color.indexed}`;
  return null;
}
