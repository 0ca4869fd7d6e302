/** The `.xlsx` host's writer: a core resolved plan into an ExcelJS workbook. */
import type ExcelJS from 'exceljs';
import { parseCellAddress } from '../../core/a1.js';
import type { CellValue, WorkbookSnapshot } from '../../core/cells.js';
import type { Issue } from '../../core/issues.js';
import { isFormula, type PageSetup, type Plan, type PlanValue } from '../../core/plan.js';
import { headerFooterCode } from '../../core/print.js';
import {
  type CellLink,
  type ResolvedMark,
  type ResolvedPlan,
  type ResolvedSheet,
  type ResolveOptions,
  resolvePlan,
  type WriteRun,
} from '../../core/writes.js';
import { snapshotOf } from './read.js';
import { absoluteRows } from './write.js';

/** ExcelJS has `dataValidations` on worksheets but not in its typings. */
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** Resolves a core plan on the workbook it was made from, then writes it. */
export function applyPlan(
  workbook: ExcelJS.Workbook,
  plan: Plan,
  snapshot: WorkbookSnapshot = snapshotOf(workbook),
  options: ResolveOptions = {},
): { resolved: ResolvedPlan; issues: Issue[] } {
  const result = resolvePlan(plan, snapshot, options);
  applyResolved(workbook, result.resolved);
  return result;
}

/** Writes a resolved plan into an ExcelJS workbook: the `.xlsx` host's only way of writing cells. */
export function applyResolved(workbook: ExcelJS.Workbook, plan: ResolvedPlan): void {
  let hasFormulas = false;
  for (const sheet of plan.sheets) {
    if (writeSheet(workbook, sheet)) hasFormulas = true;
  }
  // Our formulas are written without cached results: ask every spreadsheet to compute them on open.
  if (hasFormulas) workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  if (plan.activate) activate(workbook, plan.activate);
}

/** Writes one sheet; returns true when it wrote a formula. */
function writeSheet(workbook: ExcelJS.Workbook, plan: ResolvedSheet): boolean {
  const worksheet = plan.create ? workbook.addWorksheet(plan.name) : workbook.getWorksheet(plan.name);
  if (!worksheet) throw new Error(`Writes for a missing sheet: ${plan.name}`);
  if (plan.clear) clearInPlace(worksheet);
  const keepStyle = !plan.clear && !plan.create;
  let hasFormulas = false;
  for (const run of plan.runs) {
    if (writeRun(worksheet, run, keepStyle)) hasFormulas = true;
  }
  for (const mark of plan.marks) applyMark(worksheet, mark);
  for (const validation of plan.validations) {
    (worksheet as unknown as WithValidations).dataValidations.add(validation.range, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${validation.items.map((item) => item.replace(/"/g, '""')).join(',')}"`],
      ...(validation.prompt ? { showInputMessage: true, prompt: validation.prompt } : {}),
    });
  }
  for (const { col, width } of plan.columnWidths) worksheet.getColumn(col + 1).width = width;
  for (const { row, height } of plan.rowHeights) worksheet.getRow(row + 1).height = height;
  for (const col of plan.hiddenColumns) worksheet.getColumn(col + 1).hidden = true;
  if (plan.frozenRows !== undefined) {
    worksheet.views = plan.frozenRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: plan.frozenRows }] : [];
  }
  if (plan.hidden !== undefined) worksheet.state = plan.hidden ? 'hidden' : 'visible';
  if (plan.pageSetup) writePageSetup(worksheet, plan.pageSetup);
  return hasFormulas;
}

/**
 * The sheet's print settings (ExcelJS `pageSetup`, `headerFooter`, row breaks). « One page wide »
 * is `fitToWidth` 1 with `fitToHeight` 0: ExcelJS writes 1 for an absent height, which would
 * squeeze the whole sheet onto one page (github.com/exceljs/exceljs/issues/388).
 */
function writePageSetup(worksheet: ExcelJS.Worksheet, setup: PageSetup): void {
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    ...worksheet.pageSetup,
    orientation: setup.orientation,
    fitToPage: true,
    fitToWidth: setup.fitToPagesWide,
    fitToHeight: 0,
  };
  // Absolute (`$A$1:$G$40`), which LibreOffice needs to honour it (see absoluteRows).
  if (setup.printArea) pageSetup.printArea = absoluteRows(setup.printArea);
  else delete pageSetup.printArea;
  if (setup.titleRows) pageSetup.printTitlesRow = `${setup.titleRows.first + 1}:${setup.titleRows.last + 1}`;
  else delete pageSetup.printTitlesRow;
  worksheet.pageSetup = pageSetup;
  const { left, center, right } = setup.footer;
  worksheet.headerFooter = {
    ...worksheet.headerFooter,
    oddFooter: `&L${headerFooterCode(left)}&C${headerFooterCode(center)}&R${headerFooterCode(right)}`,
  };
  for (const row of setup.rowBreaks ?? []) worksheet.getRow(row).addPageBreak();
}

/** ExcelJS internals a generated sheet is cleared through: it has no `clear()` of its own. */
interface ClearableWorksheet {
  _rows: unknown[];
  _columns: unknown;
  _merges: Record<string, unknown>;
  _media: unknown[];
  dataValidations: { model: Record<string, unknown> };
  conditionalFormattings: unknown[];
  rowBreaks: unknown[];
  autoFilter: unknown;
}

/**
 * A generated sheet is emptied where it stands (cells, styles, notes, merges, lists, images),
 * keeping its id, its place and its name, so references to it from other sheets keep working.
 */
function clearInPlace(worksheet: ExcelJS.Worksheet): void {
  const internal = worksheet as unknown as ClearableWorksheet;
  internal._rows = [];
  internal._columns = null;
  internal._merges = {};
  internal._media = [];
  internal.dataValidations.model = {};
  internal.conditionalFormattings = [];
  internal.rowBreaks = [];
  internal.autoFilter = null;
  worksheet.views = [];
}

function writeRun(worksheet: ExcelJS.Worksheet, run: WriteRun, keepStyle: boolean): boolean {
  let hasFormulas = false;
  run.values.forEach((rowValues, i) => {
    const row = worksheet.getRow(run.row + i + 1);
    rowValues.forEach((value, j) => {
      const cell = row.getCell(run.col + j + 1);
      const link = run.links?.[i]?.[j];
      if (isFormula(value)) hasFormulas = true;
      if (keepStyle) detachSharedFormula(worksheet, cell);
      cell.value = link ? linkValue(value, link) : cellValue(value);
      const numFmt = run.numberFormats?.[i]?.[j];
      const style: Partial<ExcelJS.Style> =
        keepStyle || numFmt || run.bold || run.fill || run.wrap || run.align ? { ...cell.style } : {};
      if (numFmt) style.numFmt = numFmt;
      if (run.bold) style.font = { ...style.font, bold: true };
      if (run.fill) style.fill = solid(run.fill);
      if (run.wrap) style.alignment = { ...style.alignment, wrapText: true };
      if (run.align) style.alignment = { ...style.alignment, horizontal: run.align };
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
  if (isFormula(value)) {
    const formula = value.formula.replace(/^=/, '');
    return (
      value.result === undefined ? { formula } : { formula, result: value.result }
    ) as ExcelJS.CellFormulaValue;
  }
  return value as CellValue;
}

/** An internal hyperlink (ExcelJS writes `Sheet!A1` targets as a location). */
function linkValue(value: PlanValue, link: CellLink): ExcelJS.CellValue {
  const target = `'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
  const text = value === null || isFormula(value) ? target : String(value);
  return { text, hyperlink: target } as ExcelJS.CellHyperlinkValue;
}

function applyMark(worksheet: ExcelJS.Worksheet, mark: ResolvedMark): void {
  const cell = worksheet.getCell(mark.row + 1, mark.col + 1);
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
