/**
 * The three hosts (and the core's in-memory applier) behind one small interface, so that a property
 * runs the same way in each: read the workbook, run a core action, apply its plan, look at the cells
 * exactly as the host stores them.
 */
import ExcelJS from 'exceljs';
import { readSnapshot as readExcel, applyResolved as writeExcel } from '../../addin/excel-adapter.js';
import {
  readSnapshot as readSheets,
  rewritesUnchanged,
  applyResolved as writeSheets,
} from '../../apps-script/sheets-adapter.js';
import { applyResolved as writeXlsx } from '../../cli/xlsx/apply.js';
import { snapshotOf } from '../../cli/xlsx/read.js';
import { workbookBuffer } from '../../cli/xlsx/write.js';
import { cellAddress } from '../../core/a1.js';
import { isErrorValue, type WorkbookSnapshot } from '../../core/cells.js';
import type { Plan } from '../../core/plan.js';
import { bridgeRuns, type ResolvedPlan, type ResolveOptions, resolvePlan } from '../../core/writes.js';
import { createFakeExcel } from '../fakes/excel/index.js';
import { applyPlanToSnapshot } from '../fakes/memory-writer.js';
import { asServices, asSpreadsheet, FakeSpreadsheet, fakeServices } from '../fakes/spreadsheet-app.js';

/** One stored cell, type included: `text:12` is not `number:12`; a formula is its formula. */
export interface StoredCell {
  /** `text:…`, `number:…`, `boolean:…`, `date:ISO` (Excel: a serial `number`), `formula:=…`. */
  content: string;
  note?: string;
  fill?: string;
}

/** A sheet as the host stores it: A1 address → cell; empty cells are absent. */
export type StoredSheet = Map<string, StoredCell>;

export interface Host {
  name: string;
  read(): Promise<WorkbookSnapshot>;
  /**
   * Applies a plan made from `snapshot` (the one `read` gave), through the host's writer; with
   * `restoreChanged`, its optional changes too (the user said yes).
   */
  apply(plan: Plan, snapshot: WorkbookSnapshot, options?: ResolveOptions): Promise<void>;
  sheetNames(): Promise<string[]>;
  /** The sheet's cells as stored, or undefined when there is no such sheet. */
  stored(name: string): Promise<StoredSheet | undefined>;
}

function content(value: unknown, formula: string | null | undefined): string | null {
  if (formula) return `formula:${formula.startsWith('=') ? formula : `=${formula}`}`;
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    return `date:${(value as Date).toISOString()}`;
  }
  if (typeof value === 'string') return `text:${value}`;
  return `${typeof value}:${String(value)}`;
}

function put(sheet: StoredSheet, row: number, col: number, cell: StoredCell | null): void {
  if (cell) sheet.set(cellAddress(row, col), cell);
}

/** The core's in-memory applier: the reference every host should match. */
export function coreHost(staff: WorkbookSnapshot): Host {
  let workbook: WorkbookSnapshot = staff;
  return {
    name: 'core (in-memory applier)',
    read: async () => workbook,
    apply: async (plan, _snapshot, options) => {
      workbook = applyPlanToSnapshot(workbook, plan, options);
    },
    sheetNames: async () => workbook.sheets.map((s) => s.name),
    stored: async (name) => {
      const sheet = workbook.sheets.find((s) => s.name === name);
      if (!sheet) return undefined;
      const stored: StoredSheet = new Map();
      sheet.values.forEach((row, r) => {
        row.forEach((value, c) => {
          const text = content(value, sheet.formulas?.[r]?.[c]);
          const note = sheet.notes?.[r]?.[c] ?? undefined;
          const fill = sheet.fills?.[r]?.[c] ?? undefined;
          if (text === null && !note && !fill) return;
          put(stored, r, c, {
            content: text ?? 'empty',
            ...(note ? { note } : {}),
            ...(fill ? { fill } : {}),
          });
        });
      });
      return stored;
    },
  };
}

/** Excel: the add-in's adapter over the fake Office.js. */
export function excelHost(staff: WorkbookSnapshot): Host {
  const fake = createFakeExcel(staff);
  return {
    name: 'Excel (fake Office.js)',
    read: () => fake.run((context) => readExcel(context)),
    apply: async (plan, snapshot, options) => {
      const { resolved } = resolvePlan(plan, snapshot, options);
      await fake.run((context) => writeExcel(context, resolved, { notes: true }));
    },
    sheetNames: async () => fake.model.sheets.map((s) => s.name),
    stored: async (name) => {
      const sheet = fake.model.sheets.find((s) => s.name === name);
      if (!sheet) return undefined;
      const stored: StoredSheet = new Map();
      for (const [key, cell] of sheet.cells) {
        const [r, c] = key.split(',').map(Number);
        const text = content(cell.value, cell.formula);
        const note = sheet.notes.get(cellAddress(r, c));
        if (text === null && !note && !cell.fill) continue;
        put(stored, r, c, {
          content: text ?? 'empty',
          ...(note ? { note } : {}),
          ...(cell.fill ? { fill: cell.fill.toUpperCase() } : {}),
        });
      }
      for (const [address, note] of sheet.notes) {
        if (!stored.has(address)) stored.set(address, { content: 'empty', note });
      }
      return stored;
    },
  };
}

/** Google Sheets: the Apps Script adapter over the SpreadsheetApp fake. */
export function sheetsHost(staff: WorkbookSnapshot): Host {
  const book = FakeSpreadsheet.fromSnapshot(staff);
  const services = asServices(fakeServices(book));
  return {
    name: 'Google Sheets (SpreadsheetApp fake)',
    read: async () => readSheets(asSpreadsheet(book), services),
    // As apps-script/main.ts writes: runs bridged over the cells Sheets rewrites unchanged.
    apply: async (plan, snapshot, options) =>
      writeSheets(
        asSpreadsheet(book),
        bridgeRuns(resolvePlan(plan, snapshot, options).resolved, snapshot, rewritesUnchanged),
        services,
      ),
    sheetNames: async () => book.sheets.map((s) => s.name),
    stored: async (name) => {
      const sheet = book.sheets.find((s) => s.name === name);
      if (!sheet) return undefined;
      const stored: StoredSheet = new Map();
      for (const [row, line] of sheet.cells) {
        for (const [col, cell] of line) {
          const text = content(cell.value, cell.formula);
          const fill = cell.background && cell.background.toLowerCase() !== '#ffffff' ? cell.background : '';
          if (text === null && !cell.note && !fill) continue;
          put(stored, row - 1, col - 1, {
            content: text ?? 'empty',
            ...(cell.note ? { note: cell.note } : {}),
            ...(fill ? { fill: fill.toUpperCase() } : {}),
          });
        }
      }
      return stored;
    },
  };
}

/**
 * A staff workbook as an `.xlsx` file written by ExcelJS and opened again: formulas with their
 * cached results, error text as real error cells, dates as dates.
 */
export async function writeSnapshotToExcelJs(snapshot: WorkbookSnapshot): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of snapshot.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.values.forEach((row, r) => {
      row.forEach((value, c) => {
        const formula = sheet.formulas?.[r]?.[c];
        const cell = worksheet.getCell(r + 1, c + 1);
        // An empty string is an empty cell in a spreadsheet: nothing to write.
        const empty = value === null || value === '';
        if (formula) {
          const result = value instanceof Date ? value : (value ?? undefined);
          cell.value = { formula: formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
        } else if (isErrorValue(value)) {
          cell.value = { error: value.trim() } as ExcelJS.CellErrorValue;
        } else if (!empty) {
          cell.value = value;
        }
        const note = sheet.notes?.[r]?.[c];
        if (note) cell.note = note;
        const fill = sheet.fills?.[r]?.[c];
        if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill.slice(1)}` } };
      });
    });
  }
  return reopen(workbook);
}

async function reopen(workbook: ExcelJS.Workbook, plan?: ResolvedPlan): Promise<ExcelJS.Workbook> {
  const buffer = await workbookBuffer(workbook, plan ? { plan } : {});
  const reopened = new ExcelJS.Workbook();
  await reopened.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return reopened;
}

/** The CLI's host: ExcelJS applies the plan, the file is written, then opened again for the next step. */
export async function xlsxHost(staff: WorkbookSnapshot): Promise<Host> {
  let workbook = await writeSnapshotToExcelJs(staff);
  return {
    name: 'xlsx (ExcelJS, written and reopened)',
    read: async () => snapshotOf(workbook),
    apply: async (plan, snapshot, options) => {
      const { resolved } = resolvePlan(plan, snapshot, options);
      writeXlsx(workbook, resolved);
      workbook = await reopen(workbook, resolved);
    },
    sheetNames: async () => workbook.worksheets.map((w) => w.name),
    stored: async (name) => {
      const worksheet = workbook.worksheets.find((w) => w.name === name);
      if (!worksheet) return undefined;
      const stored: StoredSheet = new Map();
      // Empty cells too: a note or a fill on an empty cell is staff content as well.
      worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
        row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
          const raw = cell.value as unknown;
          let text: string | null;
          if (cell.type === ExcelJS.ValueType.Formula) {
            text = content(null, `=${cell.formula}`);
          } else if (raw && typeof raw === 'object' && !(raw instanceof Date)) {
            const v = raw as { error?: string; richText?: { text: string }[]; text?: string };
            if (v.error) text = `text:${v.error}`;
            else if (v.richText) text = `text:${v.richText.map((t) => t.text).join('')}`;
            else text = `text:${String(v.text ?? '')}`;
          } else {
            text = content(raw, null);
          }
          const note = noteText(cell.note as unknown);
          const fillArgb =
            cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid'
              ? cell.fill.fgColor?.argb
              : undefined;
          const fill = fillArgb ? `#${fillArgb.slice(-6).toUpperCase()}` : undefined;
          if (text === null && !note && !fill) return;
          put(stored, rowNumber - 1, colNumber - 1, {
            content: text ?? 'empty',
            ...(note ? { note } : {}),
            ...(fill ? { fill } : {}),
          });
        });
      });
      return stored;
    },
  };
}

function noteText(note: unknown): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : undefined;
}

export const HOSTS: { name: string; make: (staff: WorkbookSnapshot) => Host | Promise<Host> }[] = [
  { name: 'core', make: coreHost },
  { name: 'Excel', make: excelHost },
  { name: 'Sheets', make: sheetsHost },
  { name: 'xlsx', make: xlsxHost },
];
