/// <reference types="office-js" />
/// <reference types="google-apps-script" />
/**
 * Deliberately naive adapters, for the benchmark only: they read every cell with its own call and
 * write every cell with its own call, the way a first macro would. They run the same core action
 * on the same fakes as the real adapters, so the round-trip ratio is measured, not imagined.
 * They write values, formulas and fills only (no notes, formats, widths or charts): their counts
 * are a lower bound of what a per-cell adapter would cost.
 */
import { toExcelInput } from '../addin/excel-adapter.js';
import { parseCellAddress } from '../core/a1.js';
import type { ActionName } from '../core/action-table.js';
import { runAction } from '../core/actions.js';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../core/cells.js';
import { isFormula, type Plan, type PlanValue } from '../core/plan.js';

const NOW = new Date(Date.UTC(2026, 10, 27, 14, 0, 0));

// ————————————————————————————————————————————— Excel: one sync per cell read or written

/** Reads each used cell with its own `load` + `sync()`, runs the action, writes each cell with its own sync. */
export async function naiveExcelAction(context: Excel.RequestContext, action: ActionName): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const sheets: SheetSnapshot[] = [];
  const usedRows = new Map<string, number>();
  for (const worksheet of worksheets.items) {
    const used = worksheet.getUsedRangeOrNullObject();
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    const values: CellValue[][] = [];
    if (!used.isNullObject) {
      const lastRow = used.rowIndex + used.rowCount;
      const lastColumn = used.columnIndex + used.columnCount;
      for (let r = 0; r < lastRow; r++) {
        const row: CellValue[] = [];
        for (let c = 0; c < lastColumn; c++) {
          if (r < used.rowIndex || c < used.columnIndex) {
            row.push(null);
            continue;
          }
          const cell = worksheet.getCell(r, c);
          cell.load('values');
          await context.sync();
          const value = cell.values[0][0];
          row.push(value === '' ? null : (value as CellValue));
        }
        values.push(row);
      }
    }
    usedRows.set(worksheet.name, values.length);
    sheets.push({ name: worksheet.name, values });
  }
  const result = runAction(action, { sheets }, { lang: 'fr', now: NOW });
  if (!result.ok) return;
  const existing = new Set(sheets.map((s) => s.name));
  for (const sheetPlan of result.plan.sheets) {
    if (!existing.has(sheetPlan.sheet)) {
      worksheets.add(sheetPlan.sheet);
      await context.sync();
      existing.add(sheetPlan.sheet);
    }
    const worksheet = worksheets.getItem(sheetPlan.sheet);
    const offset = sheetPlan.mode === 'append' ? (usedRows.get(sheetPlan.sheet) ?? 0) : 0;
    for (const block of sheetPlan.blocks) {
      for (const [r, row] of block.values.entries()) {
        for (const [c, value] of row.entries()) {
          const cell = worksheet.getCell(offset + block.row + r, block.col + c);
          if (isFormula(value)) cell.formulas = [[value.formula]];
          else cell.values = [[toExcelInput(value)]];
          await context.sync();
        }
      }
    }
    for (const mark of sheetPlan.marks ?? []) {
      const cell = worksheet.getRange(mark.cell);
      if (mark.fill) cell.format.fill.color = mark.fill;
      else cell.format.fill.clear();
      await context.sync();
    }
  }
}

// ————————————————————————————————————————————— Sheets: one getValue / setValue per cell

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Reads each cell with `getRange(r, c).getValue()`, writes each with `setValue` / `setFormula`. */
export function naiveSheetsAction(spreadsheet: Spreadsheet, action: ActionName): void {
  const sheets: SheetSnapshot[] = spreadsheet.getSheets().map((sheet) => {
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    const values: CellValue[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const row: CellValue[] = [];
      for (let c = 1; c <= lastColumn; c++) {
        const value = sheet.getRange(r, c).getValue() as CellValue;
        row.push(value === '' ? null : value);
      }
      values.push(row);
    }
    return { name: sheet.getName(), values };
  });
  const result = runAction(action, { sheets } as WorkbookSnapshot, { lang: 'fr', now: NOW });
  if (result.ok) writePlanPerCell(spreadsheet, result.plan, sheets);
}

function writePlanPerCell(spreadsheet: Spreadsheet, plan: Plan, read: readonly SheetSnapshot[]): void {
  for (const sheetPlan of plan.sheets) {
    const sheet = spreadsheet.getSheetByName(sheetPlan.sheet) ?? spreadsheet.insertSheet(sheetPlan.sheet);
    const offset =
      sheetPlan.mode === 'append' ? (read.find((s) => s.name === sheetPlan.sheet)?.values.length ?? 0) : 0;
    for (const block of sheetPlan.blocks) {
      growTo(sheet, offset + block.row + block.values.length, block.col + (block.values[0]?.length ?? 0));
      for (const [r, row] of block.values.entries()) {
        for (const [c, value] of row.entries()) {
          const cell = sheet.getRange(offset + block.row + r + 1, block.col + c + 1);
          if (isFormula(value)) cell.setFormulas([[value.formula]]);
          else cell.setValue(sheetsInput(value));
        }
      }
    }
    for (const mark of sheetPlan.marks ?? []) {
      const { row, col } = parseCellAddress(mark.cell);
      sheet.getRange(row + 1, col + 1).setBackground(mark.fill ?? null);
    }
  }
}

function sheetsInput(value: Exclude<PlanValue, { formula: string }>): string | number | boolean | Date {
  if (value === null) return '';
  // Same protection as the real adapter: text Sheets would reinterpret keeps its apostrophe.
  return typeof value === 'string' && /^[=+\-@']/.test(value) ? `'${value}` : value;
}

/** Sheets refuses ranges outside the grid: a naive macro grows it first, like the real adapter. */
function growTo(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}
