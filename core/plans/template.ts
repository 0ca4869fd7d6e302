/**
 * « Créer le gabarit »: every staff sheet of the workbook contract, with the plan's settings (each
 * with its one-line explanation) and forecast budget, bold filled frozen headers, widths, drop-down
 * lists (they suggest, never refuse: Priorités holds « 1; 3 »), money and date formats. A sheet
 * that already exists is never touched.
 */
import { cellAddress, columnLetters } from '../a1.js';
import type { CellValue, WorkbookSnapshot } from '../cells.js';
import {
  DECISIONS_CONTRACT,
  numberFormatOf,
  PAYMENTS_CONTRACT,
  PROJECTS_CONTRACT,
  SELECTION_CONTRACT,
  type SheetColumn,
  sheetColumns,
} from '../grids/contracts.js';
import { findStaffSheet, STAFF_SHEET_NAMES, type StaffSheet } from '../grids/sheets.js';
import { type Issue, issue } from '../issues.js';
import type { Block, ListValidation, PlanOptions, PlanValue, SheetPlan } from '../plan.js';
import {
  choiceWords,
  KEYED_SETTINGS,
  PRESET_SETTINGS,
  SETTINGS_TABLE,
  type SettingSpec,
  type Settings,
} from '../settings.js';
import { settingsSheetRows } from '../settings-reader.js';
import { DATE_FORMAT } from '../values/dates.js';
import { centsToDollars, MONEY_FORMAT } from '../values/money.js';
import { headerKey } from '../values/text.js';
import { HEADER_FILL } from './validation.js';

/** A share setting's cell: 0.8 shows as 80 %. */
export const PERCENT_FORMAT = '0 %';

/** Rows prepared (formats, drop-down lists) below each header. */
export const TEMPLATE_ROWS = 500;
export const BUDGET_LINE_LABEL = 'Attribué en fonction des priorités définies, selon les impacts des projets';

/** A header row at row 0, then prepared empty rows carrying the columns' formats and lists. */
function tableSheet(sheet: string, columns: readonly SheetColumn[]): SheetPlan {
  const blocks: Block[] = [
    { row: 0, col: 0, values: [columns.map((c) => c.header)], bold: true, fill: HEADER_FILL },
  ];
  columns.forEach((column, col) => {
    const format = numberFormatOf(column.kind);
    if (format === null) return;
    blocks.push({
      row: 1,
      col,
      values: Array.from({ length: TEMPLATE_ROWS }, () => [null]),
      numberFormats: Array.from({ length: TEMPLATE_ROWS }, () => [format]),
    });
  });
  const validations: ListValidation[] = [];
  columns.forEach((column, col) => {
    if (!column.list) return;
    const letters = columnLetters(col);
    const range = `${letters}2:${letters}${TEMPLATE_ROWS + 1}`;
    // The template is French, as its headers are.
    validations.push({
      range,
      list: [...column.list],
      ...(column.prompt ? { prompt: column.prompt.fr } : {}),
    });
  });
  return {
    sheet,
    mode: 'replace',
    blocks,
    validations,
    frozenRows: 1,
    columnWidths: columns.map((c, col) => ({ col, width: c.width })),
  };
}

/** Rows of ragged length padded with blanks: a block is a rectangle. */
function rectangle(rows: CellValue[][]): CellValue[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
}

function settingsSheet(settings: Settings): SheetPlan {
  const values = rectangle(settingsSheetRows(settings));
  const formats = values.map((row) => row.map((value) => (value instanceof Date ? DATE_FORMAT : null)));
  const blocks: Block[] = [{ row: 0, col: 0, values, numberFormats: formats }];
  // Titles and table headers in bold: the title, the key/value header and each table's two top rows;
  // the headers (the key/value one and each table's) filled too.
  values.forEach((row, r) => {
    const first = row[0];
    const previousBlank = r > 0 && values[r - 1].every((v) => v === null);
    const isTableTitle = previousBlank && row.slice(1).every((v) => v === null) && typeof first === 'string';
    if (r === 0 || isTableTitle) blocks.push({ row: r, col: 0, values: [row], bold: true });
    if (r === 1) blocks.push({ row: r, col: 0, values: [row], bold: true, fill: HEADER_FILL });
    if (isTableTitle && r + 1 < values.length)
      blocks.push({ row: r + 1, col: 0, values: [values[r + 1]], bold: true, fill: HEADER_FILL });
  });
  // Each setting's row: a drop-down for a choice, the money format for an amount.
  const validations: ListValidation[] = [];
  for (const setting of KEYED_SETTINGS) {
    const spec: SettingSpec = SETTINGS_TABLE[setting];
    const label = headerKey(spec.labels[0]);
    const row = values.findIndex((r) => typeof r[0] === 'string' && headerKey(r[0]) === label);
    if (row < 0) continue;
    if (spec.kind === 'choice')
      validations.push({ range: cellAddress(row, 1), list: choiceWords(spec.choices) });
    if (spec.kind === 'money')
      blocks.push({ row, col: 1, values: [[values[row][1]]], numberFormats: [[MONEY_FORMAT]] });
    if (spec.kind === 'share')
      blocks.push({ row, col: 1, values: [[values[row][1]]], numberFormats: [[PERCENT_FORMAT]] });
  }
  return {
    sheet: STAFF_SHEET_NAMES.settings[0],
    mode: 'replace',
    blocks,
    validations,
    frozenRows: 2,
    columnWidths: [
      { col: 0, width: 36 },
      { col: 1, width: 40 },
      { col: 2, width: 60 },
    ],
  };
}

/** The plan's forecast grid: one line, a Total column and a Total row as formulas. */
function budgetSheet(settings: Settings): SheetPlan {
  const years = settings.years;
  const headerRow = 3;
  const lineRow = headerRow + 1;
  const totalRow = lineRow + 1;
  const lastYearCol = years.length;
  const totalCol = lastYearCol + 1;
  const rowTotal = (row: number): PlanValue => ({
    formula: `=SUM(${cellAddress(row, 1)}:${cellAddress(row, lastYearCol)})`,
  });
  const columnTotal = (col: number): PlanValue => ({
    formula: `=SUM(${cellAddress(lineRow, col)}:${cellAddress(totalRow - 1, col)})`,
  });
  const moneyRow = () => [null, ...years.map(() => MONEY_FORMAT), MONEY_FORMAT];
  return {
    sheet: STAFF_SHEET_NAMES.budget[0],
    mode: 'replace',
    blocks: [
      {
        row: 0,
        col: 0,
        values: [
          [`Budget prévisionnel — ${settings.programName}`],
          [`Territoire visé : ${settings.territory}`],
        ],
        bold: true,
      },
      {
        row: headerRow,
        col: 0,
        values: [['Poste', ...years.map((y) => y.label), 'Total']],
        bold: true,
        fill: HEADER_FILL,
      },
      {
        row: lineRow,
        col: 0,
        values: [
          [BUDGET_LINE_LABEL, ...years.map((y) => centsToDollars(y.envelopeCents)), rowTotal(lineRow)],
          ['Total', ...years.map((_, i) => columnTotal(i + 1)), columnTotal(totalCol)],
        ],
        numberFormats: [moneyRow(), moneyRow()],
      },
      { row: totalRow, col: 0, values: [['Total']], bold: true },
    ],
    frozenRows: headerRow + 1,
    columnWidths: [
      { col: 0, width: 50 },
      ...years.map((_, i) => ({ col: i + 1, width: 14 })),
      { col: totalCol, width: 14 },
    ],
  };
}

export interface TemplatePlanResult {
  sheets: SheetPlan[];
  issues: Issue[];
  /** Staff sheets that already existed and were left untouched. */
  kept: string[];
}

/** Every staff sheet of design.md that the workbook does not have yet. */
export function templatePlan(snapshot: WorkbookSnapshot, _options: PlanOptions = {}): TemplatePlanResult {
  const settings = PRESET_SETTINGS;
  const candidates: [StaffSheet, () => SheetPlan][] = [
    ['settings', () => settingsSheet(settings)],
    ['budget', () => budgetSheet(settings)],
    ['projects', () => tableSheet(STAFF_SHEET_NAMES.projects[0], sheetColumns(PROJECTS_CONTRACT, settings))],
    [
      'selection',
      () => tableSheet(STAFF_SHEET_NAMES.selection[0], sheetColumns(SELECTION_CONTRACT, settings)),
    ],
    ['payments', () => tableSheet(STAFF_SHEET_NAMES.payments[0], sheetColumns(PAYMENTS_CONTRACT, settings))],
    [
      'decisions',
      () => tableSheet(STAFF_SHEET_NAMES.decisions[0], sheetColumns(DECISIONS_CONTRACT, settings)),
    ],
  ];
  const sheets: SheetPlan[] = [];
  const issues: Issue[] = [];
  const kept: string[] = [];
  for (const [kind, build] of candidates) {
    const name = STAFF_SHEET_NAMES[kind][0];
    const existing =
      findStaffSheet(snapshot, kind) ?? snapshot.sheets.find((s) => headerKey(s.name) === headerKey(name));
    if (existing) {
      kept.push(existing.name);
      issues.push(issue('template.sheetExists', 'info', { sheet: existing.name }, { sheet: existing.name }));
      continue;
    }
    sheets.push(build());
  }
  return { sheets, issues, kept };
}
