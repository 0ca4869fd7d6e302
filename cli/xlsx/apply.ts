/** Applies a core sheet plan to an ExcelJS workbook: the `.xlsx` host's only way of writing cells. */
import type ExcelJS from 'exceljs';
import { parseCellAddress } from '../../core/a1.js';
import type { CellValue } from '../../core/cells.js';
import {
  type Block,
  type CellMark,
  isFormula,
  type Plan,
  type PlanValue,
  type SheetPlan,
} from '../../core/plan.js';

/** ExcelJS has `dataValidations` on worksheets but not in its typings. */
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

export function applyPlan(workbook: ExcelJS.Workbook, plan: Plan): void {
  let hasFormulas = false;
  for (const sheetPlan of plan.sheets) {
    if (applySheetPlan(workbook, sheetPlan)) hasFormulas = true;
  }
  // Our formulas are written without cached results: ask every spreadsheet to compute them on open.
  if (hasFormulas) workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  if (plan.activate) activate(workbook, plan.activate);
}

/** Applies one sheet plan; returns true when it wrote a formula. */
function applySheetPlan(workbook: ExcelJS.Workbook, plan: SheetPlan): boolean {
  const worksheet =
    plan.mode === 'replace' ? recreateSheet(workbook, plan.sheet) : sheetOrNew(workbook, plan.sheet);
  const rowOffset = plan.mode === 'append' ? lastUsedRow(worksheet) : 0;
  const keepStyle = plan.mode !== 'replace';
  let hasFormulas = false;
  for (const block of plan.blocks) {
    if (writeBlock(worksheet, block, rowOffset, keepStyle)) hasFormulas = true;
  }
  for (const mark of plan.marks ?? []) applyMark(worksheet, mark);
  for (const validation of plan.validations ?? []) {
    (worksheet as unknown as WithValidations).dataValidations.add(validation.range, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${validation.list.map((item) => item.replace(/"/g, '""')).join(',')}"`],
    });
  }
  for (const { col, width } of plan.columnWidths ?? []) worksheet.getColumn(col + 1).width = width;
  for (const col of plan.hiddenColumns ?? []) worksheet.getColumn(col + 1).hidden = true;
  if (plan.frozenRows !== undefined) {
    worksheet.views = plan.frozenRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: plan.frozenRows }] : [];
  }
  if (plan.hidden !== undefined) worksheet.state = plan.hidden ? 'hidden' : 'visible';
  return hasFormulas;
}

/** A generated sheet starts afresh, at the position it had (new sheets go last). */
function recreateSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const existing = workbook.getWorksheet(name);
  if (!existing) return workbook.addWorksheet(name);
  const { orderNo } = existing as unknown as { orderNo: number };
  workbook.removeWorksheet(existing.id);
  const created = workbook.addWorksheet(name);
  (created as unknown as { orderNo: number }).orderNo = orderNo;
  return created;
}

function sheetOrNew(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return workbook.getWorksheet(name) ?? workbook.addWorksheet(name);
}

/** Number of the last row holding a value (0 when the sheet is empty): appended rows go below it. */
function lastUsedRow(worksheet: ExcelJS.Worksheet): number {
  let last = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hasValues) last = rowNumber;
  });
  return last;
}

function writeBlock(
  worksheet: ExcelJS.Worksheet,
  block: Block,
  rowOffset: number,
  keepStyle: boolean,
): boolean {
  let hasFormulas = false;
  block.values.forEach((rowValues, i) => {
    const row = worksheet.getRow(rowOffset + block.row + i + 1);
    rowValues.forEach((value, j) => {
      const cell = row.getCell(block.col + j + 1);
      const link = block.links?.[i]?.[j];
      if (isFormula(value)) hasFormulas = true;
      if (keepStyle) detachSharedFormula(worksheet, cell);
      cell.value = link ? linkValue(value, link) : cellValue(value);
      const numFmt = block.numberFormats?.[i]?.[j];
      const style: Partial<ExcelJS.Style> =
        keepStyle || numFmt || block.bold || block.fill ? { ...cell.style } : {};
      if (numFmt) style.numFmt = numFmt;
      if (block.bold) style.font = { ...style.font, bold: true };
      if (block.fill) style.fill = solid(block.fill);
      if (link) style.font = { ...style.font, underline: true, color: { argb: 'FF0563C1' } };
      // Styles read by ExcelJS are shared between cells: always give the cell its own copy.
      cell.style = style;
    });
  });
  return hasFormulas;
}

interface FormulaModel {
  shareType?: string;
  ref?: string;
  sharedFormula?: string;
}

/**
 * A staff cell about to be overwritten may be the master of a shared formula (`D2` for `D2:D40`):
 * its clones would lose their formula, and ExcelJS refuses to write them. Give each clone its own.
 */
function detachSharedFormula(worksheet: ExcelJS.Worksheet, cell: ExcelJS.Cell): void {
  const model = (cell as unknown as { _value?: { model?: FormulaModel } })._value?.model;
  if (model?.shareType !== 'shared' || !model.ref) return;
  const [start, end = start] = model.ref.split(':').map(parseCellAddress);
  for (let r = start.row; r <= end.row; r++) {
    for (let c = start.col; c <= end.col; c++) {
      const clone = worksheet.getCell(r + 1, c + 1);
      const cloneModel = (clone as unknown as { _value?: { model?: FormulaModel } })._value?.model;
      if (cloneModel?.sharedFormula !== cell.address) continue;
      clone.value = { formula: clone.formula, result: clone.result } as ExcelJS.CellFormulaValue;
    }
  }
}

/** Strings stay text whatever their first character; formulas lose their leading `=` (ExcelJS adds none). */
export function cellValue(value: PlanValue): ExcelJS.CellValue {
  if (isFormula(value)) return { formula: value.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
  return value as CellValue;
}

/** `#'Projets'!F7` → an internal hyperlink (ExcelJS writes `Sheet!A1` targets as a location). */
function linkValue(value: PlanValue, link: string): ExcelJS.CellValue {
  const text = value === null || isFormula(value) ? link.replace(/^#/, '') : String(value);
  const target = link.replace(/^#/, '').replace(/\$/g, '');
  return { text, hyperlink: target } as ExcelJS.CellHyperlinkValue;
}

function applyMark(worksheet: ExcelJS.Worksheet, mark: CellMark): void {
  const { row, col } = parseCellAddress(mark.cell);
  const cell = worksheet.getCell(row + 1, col + 1);
  if (mark.fill !== undefined) {
    const style: Partial<ExcelJS.Style> = { ...cell.style };
    if (mark.fill === null) delete style.fill;
    else style.fill = solid(mark.fill);
    cell.style = style;
  }
  if (mark.note !== undefined) {
    if (mark.note === null) removeNote(cell);
    else cell.note = mark.note;
  }
}

/** ExcelJS has no API to remove a note; it also caches the comment in the value's model. */
function removeNote(cell: ExcelJS.Cell): void {
  const internal = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  internal._comment = undefined;
  if (internal._value?.model) delete internal._value.model.comment;
}

/** `#RRGGBB`, or the palette tokens the reader produces (`theme:5:0.6`, `indexed:43`). */
function solid(color: string): ExcelJS.Fill {
  const [kind, first, second] = color.toLowerCase().split(':');
  if (kind === 'theme') {
    const fgColor = { theme: Number(first), tint: Number(second) || 0 } as unknown as Partial<ExcelJS.Color>;
    return { type: 'pattern', pattern: 'solid', fgColor };
  }
  if (kind === 'indexed') {
    return {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { indexed: Number(first) } as unknown as Partial<ExcelJS.Color>,
    };
  }
  return {
    type: 'pattern',
    pattern: 'solid',
    fgColor: { argb: `FF${color.replace(/^#/, '').toUpperCase()}` },
  };
}

function activate(workbook: ExcelJS.Workbook, name: string): void {
  const index = workbook.worksheets.findIndex((ws) => ws.name === name);
  if (index < 0) return;
  const views = (workbook.views?.length ? workbook.views : [{}]) as ExcelJS.WorkbookView[];
  workbook.views = views.map((view, i) => (i === 0 ? { ...view, activeTab: index, firstSheet: 0 } : view));
  for (const ws of workbook.worksheets) {
    // Only the active tab may be selected, or Excel opens with several sheets grouped.
    const sheetViews = ws.views?.length ? ws.views : [{}];
    ws.views = sheetViews.map(
      (v) => ({ ...v, tabSelected: ws.name === name }) as unknown as ExcelJS.WorksheetView,
    );
  }
}
