/**
 * The Sommaire budgétaire sheet: the year-by-year table of design.md as LIVE formulas over the
 * staff sheets (they stay right when staff edit), a « Contrôle » per column comparing each formula
 * with the core's ledger, a table by priority and a chart. The formulas read numbers only: a figure
 * whose source cells hold text (or nothing readable) is the tool's own, shaded, never a formula a
 * spreadsheet's locale could misread.
 */
import { cellAddress, columnLetters, parseCellAddress, sheetReference } from '../a1.js';
import type { Analysis } from '../analysis.js';
import {
  type CellValue,
  cellState,
  isErrorValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../cells.js';
import { formulaReads, generatedSheetPlace, generatedTitleBlock, TOOL_FIGURE_FILL } from '../generated.js';
import type { SheetLayout } from '../grids/headers.js';
import { type Issue, issue } from '../issues.js';
import { type Lang, SHEET_TEXTS } from '../messages/index.js';
import {
  type Block,
  type Formula,
  isFormula,
  type PlanOptions,
  type PlanValue,
  planDefaults,
  type SheetPlan,
} from '../plan.js';
import { areaAddress, chartPlace, pageSetup, wrappedRowHeights } from '../print.js';
import { compareNatural } from '../ranking.js';
import { fiscalYearOf, fiscalYearRange, isFiscalYearLabel, parseDate } from '../values/dates.js';
import { centsToDollars, MONEY_FORMAT, parseMoney } from '../values/money.js';
import { decisionKeys } from '../values/vocabulary.js';
import { journalTimestamp } from './journal.js';

export const SUMMARY_SHEET = 'Sommaire budgétaire';
/** The table's headers, exactly as design.md fixes them. */
export const SUMMARY_HEADERS = [
  'Exercice',
  'Enveloppe',
  'Report reçu',
  'Disponible',
  'Engagé',
  'Versé',
  'Solde reporté',
] as const;
export const CONTROL_HEADER = 'Contrôle';
export const PRIORITY_HEADERS = ['Priorité', 'Projets', 'Demandé', 'Engagé', 'Versé'] as const;
export const PROJECT_LEDGER_HEADERS = ['Projet', 'Accordé', 'Versé', 'Reste à verser'] as const;

/** 0-based row of the table's headers (rows 1-2 hold the title block). */
export const SUMMARY_HEADER_ROW = 3;
/** The design's table ends in G: what prints. */
const TABLE_LAST_COL = SUMMARY_HEADERS.length - 1;
/** The check, one column per figure (I to N), after a blank column. */
const CONTROL_COL = TABLE_LAST_COL + 2;
const FIGURES = SUMMARY_HEADERS.length - 1;
/** The core’s values, written as constants, after another blank column (P to U). */
const HELPER_COL = CONTROL_COL + FIGURES + 1;
/** The chart's height in rows. */
const CHART_ROWS = 16;

/** Staff add rows: ranges run well past the last data row. */
export function rangeEnd(layout: { headerRow: number; rows: number[] }): number {
  // A loop, not Math.max(...rows): 100 000 arguments overflow the call stack.
  let last = layout.headerRow;
  for (const row of layout.rows) if (row > last) last = row;
  return Math.max(1000, last + 1 + 500);
}

/** One column of a staff table, from the first row below its header to `rangeEnd`, sheet-qualified. */
function columnRange(layout: SheetLayout, col: number): string {
  const letters = columnLetters(col);
  return sheetReference(layout.sheet, `${letters}${layout.headerRow + 2}:${letters}${rangeEnd(layout)}`);
}

/**
 * Décision = Accepté, without case, accents or extra spaces, and the other words the reader accepts.
 * No array constant: Google Sheets spells `{…}` differently in comma-decimal locales.
 */
function acceptedExpression(ref: string): string {
  const key = `SUBSTITUTE(LOWER(TRIM(${ref}&"")),"é","e")`;
  // Keys are accent-free (headerKey) and LOWER keeps accents: é is the one accent the words have.
  const words = decisionKeys('Accepté').map((word) => `(${key}="${word}")`);
  return `((${words.join('+')})>0)`;
}

function notBlank(ref: string): string {
  return `(TRIM(${ref}&"")<>"")`;
}

function dateParts(iso: string): string {
  return `DATE(${Number(iso.slice(0, 4))},${Number(iso.slice(5, 7))},${Number(iso.slice(8, 10))})`;
}

function formula(text: string): Formula {
  return { formula: text };
}

/** A formula with the tool's figure as its cached value; anything else as it is. */
function withResult(value: PlanValue, result: CellValue): PlanValue {
  if (!isFormula(value) || typeof result !== 'number') return value;
  return { ...value, result };
}

function dollars(cents: number): number {
  return centsToDollars(cents);
}

interface YearFormulas {
  envelope: PlanValue;
  committed: PlanValue;
  paid: PlanValue;
}

/**
 * Enveloppe, Engagé and Versé of one year: live formulas where the staff sheet is there, else the
 * core's value. The formulas read numbers only (SUM, and SUMPRODUCT's separate arrays, count text as
 * 0 in Excel, Sheets and LibreOffice alike): `sources` tells which figures they would misread.
 */
function yearSources(analysis: Analysis, index: number): YearFormulas {
  const year = analysis.ledger.years[index];
  const { budget, projects, payments } = analysis.layouts;
  let envelope: PlanValue = dollars(year.envelopeCents);
  const budgetCol = budget?.yearColumns[year.year];
  if (budget && budgetCol !== undefined) {
    const rows = budget.totalRow !== null ? [budget.totalRow] : [...budget.rows].sort((a, b) => a - b);
    if (rows.length === 0) {
      envelope = 0;
    } else {
      const contiguous = rows.length > 1 && rows[rows.length - 1] - rows[0] === rows.length - 1;
      const cells = contiguous
        ? [`${cellAddress(rows[0], budgetCol)}:${cellAddress(rows[rows.length - 1], budgetCol)}`]
        : rows.map((r) => cellAddress(r, budgetCol));
      envelope = formula(`=SUM(${cells.map((cell) => sheetReference(budget.sheet, cell)).join(',')})`);
    }
  }

  let committed: PlanValue = dollars(year.committedCents);
  const grantedCol = projects?.columns[`granted ${year.year}`];
  if (projects && grantedCol !== undefined && projects.columns.decision !== undefined) {
    const decision = columnRange(projects, projects.columns.decision);
    const id = columnRange(projects, projects.columns.id);
    const granted = columnRange(projects, grantedCol);
    const decided = decidedCommitment(analysis, year.year);
    // The projects Décisions names follow its latest decision, which no formula over Projets can
    // see: they are left out of the live sum and count with the ledger's own figure.
    const unnamed = decided ? `*(COUNTIF(${decided.ids},${id})=0)` : '';
    const live = `SUMPRODUCT(${notBlank(id)}${unnamed}*${acceptedExpression(decision)},${granted})`;
    committed = formula(decided ? `=${live}+${dollars(decided.cents)}` : `=${live}`);
  } else if (projects) {
    committed = 0;
  }

  let paid: PlanValue = dollars(year.paidCents);
  if (
    payments &&
    projects &&
    payments.columns.date !== undefined &&
    payments.columns.amount !== undefined &&
    isFiscalYearLabel(year.year)
  ) {
    const { start, end } = fiscalYearRange(year.year);
    const date = columnRange(payments, payments.columns.date);
    const amount = columnRange(payments, payments.columns.amount);
    const paymentId = columnRange(payments, payments.columns.id);
    const projectIds = columnRange(projects, projects.columns.id);
    // Payments to a project missing from Projets are not counted by the ledger either; a date
    // typed as text is no date here (ISNUMBER), whatever the locale could make of it.
    paid = formula(
      `=SUMPRODUCT(${notBlank(paymentId)}*(COUNTIF(${projectIds},${paymentId})>0)*ISNUMBER(${date})*(${date}>=${dateParts(start)})*(${date}<${dateParts(`${end.slice(0, 4)}-04-01`)}),${amount})`,
    );
  }
  return { envelope, committed, paid };
}

/** A source cell a live figure reads that holds no number: text Reformater converts, or nothing readable. */
export interface TextSource {
  sheet: string;
  cell: string;
  /** Reformater would make it a number or a date (same count, same Journal). */
  convertible: boolean;
  kind: 'money' | 'date';
}

/** The figures of one year that read text, by table column (1 Enveloppe, 4 Engagé, 5 Versé). */
export type YearTextSources = Record<1 | 4 | 5, TextSource[]>;

/** The problem of one source cell, or null when a formula reads it right (a number, a date, blank, 0). */
function textSource(sheet: SheetSnapshot, address: string, kind: 'money' | 'date'): TextSource | null {
  const { row, col } = parseCellAddress(address);
  const state = cellState(sheet, row, col);
  const value = state.value;
  if (formulaReads(value, kind === 'money' ? 'amount' : 'date')) return null;
  const parsed = kind === 'money' ? parseMoney(value) : parseDate(value);
  // « - $ » is 0 read either way: nothing to convert, nothing misread.
  if (parsed.kind === 'amount' && parsed.cents === 0) return null;
  const convertible =
    typeof value === 'string' &&
    parsed.kind !== 'invalid' &&
    parsed.kind !== 'blank' &&
    !state.formula &&
    !state.computed &&
    !isErrorValue(value);
  return { sheet: sheet.name, cell: address, convertible, kind };
}

/**
 * For each program year, the source cells of its live Enveloppe, Engagé and Versé that hold text:
 * the cells « Sommaire budgétaire » offers to convert first, or shows the tool's figure for.
 */
export function summaryTextSources(analysis: Analysis, snapshot: WorkbookSnapshot): YearTextSources[] {
  const sheets = new Map(snapshot.sheets.map((sheet) => [sheet.name, sheet]));
  const { budget, payments } = analysis.layouts;
  const years = analysis.ledger.years.map((): YearTextSources => ({ 1: [], 4: [], 5: [] }));
  const yearIndex = new Map(analysis.ledger.years.map((year, i) => [year.year, i]));
  const add = (
    target: TextSource[],
    sheet: SheetSnapshot | undefined,
    address: string | undefined,
    kind: 'money' | 'date',
  ) => {
    if (!sheet || address === undefined) return;
    const found = textSource(sheet, address, kind);
    if (found) target.push(found);
  };

  const budgetSheet = budget && sheets.get(budget.sheet);
  if (budget && budgetSheet)
    for (const [year, col] of Object.entries(budget.yearColumns)) {
      const i = yearIndex.get(year);
      if (i === undefined) continue;
      for (const row of budget.totalRow !== null ? [budget.totalRow] : budget.rows)
        add(years[i][1], budgetSheet, cellAddress(row, col), 'money');
    }

  const named = analysis.decisions?.latest;
  for (const project of analysis.projects) {
    if (project.decision !== 'Accepté' || named?.has(project.id) || !project.origin) continue;
    const sheet = sheets.get(project.origin.sheet);
    for (const [year, i] of yearIndex)
      add(years[i][4], sheet, project.origin.cells[`granted ${year}`], 'money');
  }

  const paymentSheet = payments && sheets.get(payments.sheet);
  const known = new Set(analysis.projects.map((project) => project.id));
  for (const payment of analysis.payments) {
    if (!payment.date || !known.has(payment.projectId) || !payment.origin) continue;
    const i = yearIndex.get(fiscalYearOf(payment.date));
    if (i === undefined) continue;
    add(years[i][5], paymentSheet, payment.origin.cells.amount, 'money');
    add(years[i][5], paymentSheet, payment.origin.cells.date, 'date');
  }
  return years;
}

/**
 * What the ledger commits in `year` to the projects the Décisions sheet names (their latest
 * decision), and the range of their numbers there; null without decisions.
 */
function decidedCommitment(analysis: Analysis, year: string): { ids: string; cents: number } | null {
  const history = analysis.decisions;
  const layout = analysis.layouts.decisions;
  if (!history || history.latest.size === 0 || !layout) return null;
  let cents = 0;
  for (const project of analysis.projects)
    if (history.latest.has(project.id) && project.decision === 'Accepté')
      cents += project.grantedCents[year] ?? 0;
  return { ids: columnRange(layout, layout.columns.id), cents };
}

function a1(row: number, col: number): string {
  return cellAddress(row, col);
}

export interface SummaryPlanResult {
  sheet: SheetPlan;
  issues: Issue[];
}

export interface SummaryOptions extends PlanOptions {
  /** The sources that hold text (`summaryTextSources`); computed when absent. */
  sources?: YearTextSources[];
  /** `sheet!A1` of the text sources converted first: they read as the numbers they become. */
  converted?: ReadonlySet<string>;
}

const FIGURE_COLUMNS = [1, 4, 5] as const;

export function summaryPlan(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  options: SummaryOptions = {},
): SummaryPlanResult {
  const { lang, now } = planDefaults(options);
  const texts = SHEET_TEXTS[lang];
  const { name, issues } = generatedSheetPlace(snapshot, SUMMARY_SHEET);

  const title = texts.summaryTitle(analysis.settings.programName);
  const blocks: Block[] = [generatedTitleBlock(title, journalTimestamp(now))];
  const years = analysis.ledger.years;
  const headerRow = SUMMARY_HEADER_ROW;
  const firstRow = headerRow + 1;
  const totalRow = firstRow + years.length;
  const sources = options.sources ?? summaryTextSources(analysis, snapshot);
  const converted = options.converted ?? new Set<string>();

  // The design's table holds exactly its seven headers: the check sits apart, after a blank column.
  blocks.push({ row: headerRow, col: 0, values: [[...SUMMARY_HEADERS]], bold: true });
  blocks.push({ row: headerRow - 1, col: CONTROL_COL, values: [[CONTROL_HEADER]], bold: true });
  blocks.push({
    row: headerRow,
    col: CONTROL_COL,
    values: [SUMMARY_HEADERS.slice(1).map(texts.controlColumn)],
    bold: true,
    wrap: true,
  });
  blocks.push({ row: headerRow - 1, col: HELPER_COL, values: [[texts.summaryCheck]], bold: true });
  blocks.push({
    row: headerRow,
    col: HELPER_COL,
    values: [SUMMARY_HEADERS.slice(1).map(texts.toolColumn)],
    bold: true,
    wrap: true,
  });

  const money = new Array<string | null>(FIGURES).fill(MONEY_FORMAT);
  const tableValues: PlanValue[][] = [];
  const tableFormats: (string | null)[][] = [];
  const helperValues: CellValue[][] = [];
  /** Cells showing the tool's figure: a figure whose sources hold text, or an incomplete year. */
  const toolFigures: { row: number; col: number }[] = [];
  years.forEach((year, i) => {
    const row = firstRow + i;
    const live = yearSources(analysis, i);
    const helper = [
      dollars(year.envelopeCents),
      dollars(year.carriedInCents),
      dollars(year.availableCents),
      dollars(year.committedCents),
      dollars(year.paidCents),
      dollars(year.balanceCents),
    ];
    const values: PlanValue[] = [
      year.year,
      live.envelope,
      i === 0 ? 0 : formula(`=${a1(row - 1, 6)}`),
      formula(`=${a1(row, 1)}+${a1(row, 2)}`),
      live.committed,
      live.paid,
      formula(`=${a1(row, 3)}-${a1(row, 4)}`),
    ];
    for (const col of FIGURE_COLUMNS) {
      const misread = sources[i][col].filter((source) => !converted.has(`${source.sheet}!${source.cell}`));
      if (misread.length === 0) continue;
      // The tool's own figure, shaded: never a formula that would read the text as 0.
      values[col] = helper[col - 1];
      toolFigures.push({ row, col });
      issues.push(
        issue('summary.toolFigure', 'warning', misread[0], {
          year: year.year,
          column: SUMMARY_HEADERS[col],
          cells: misread.map((source) => `${source.sheet}!${source.cell}`),
          unreadable: misread.filter((source) => !source.convertible).length,
        }),
      );
    }
    tableValues.push(values);
    tableFormats.push([null, ...money]);
    helperValues.push(helper);
  });
  const sumColumn = (col: number): PlanValue =>
    years.length === 0 ? 0 : formula(`=SUM(${a1(firstRow, col)}:${a1(totalRow - 1, col)})`);
  tableValues.push([
    'Total',
    sumColumn(1),
    null,
    null,
    sumColumn(4),
    sumColumn(5),
    years.length === 0 ? 0 : formula(`=${a1(totalRow - 1, 6)}`),
  ]);
  tableFormats.push([null, ...money]);
  const sum = (pick: (y: (typeof years)[number]) => number) => years.reduce((s, y) => s + pick(y), 0);
  helperValues.push([
    dollars(sum((y) => y.envelopeCents)),
    null,
    null,
    dollars(sum((y) => y.committedCents)),
    dollars(sum((y) => y.paidCents)),
    dollars(analysis.ledger.lapsedCents),
  ]);
  // Each live figure carries the tool's own as its cached value.
  tableValues.forEach((row, i) => {
    for (let col = 1; col <= FIGURES; col++) row[col] = withResult(row[col], helperValues[i][col - 1]);
  });
  blocks.push({ row: firstRow, col: 0, values: tableValues, numberFormats: tableFormats });
  for (const { row, col } of toolFigures)
    blocks.push({
      row,
      col,
      values: [[tableValues[row - firstRow][col]]],
      numberFormats: [[MONEY_FORMAT]],
      fill: TOOL_FIGURE_FILL,
    });

  // The check, per figure: the live value less the tool's, « OK » when they agree.
  const tool = new Set(toolFigures.map(({ row, col }) => `${row}:${col}`));
  const controlValues: PlanValue[][] = helperValues.map((helper, i) =>
    helper.map((value, k): PlanValue => {
      const row = firstRow + i;
      if (value === null) return null;
      if (tool.has(`${row}:${k + 1}`)) return texts.toolFigureControl;
      const gap = `${a1(row, k + 1)}-${a1(row, HELPER_COL + k)}`;
      return formula(`=IFERROR(IF(ABS(${gap})<0.005,"OK",${gap}),"${texts.controlError}")`);
    }),
  );
  blocks.push({
    row: firstRow,
    col: CONTROL_COL,
    values: controlValues,
    numberFormats: controlValues.map(() => [...money]),
    align: 'right',
  });
  blocks.push({ row: totalRow, col: 0, values: [['Total']], bold: true });
  // What lapses: the last year's carry-forward, said in words under the total.
  if (years.length > 0)
    blocks.push({
      row: totalRow + 1,
      col: 0,
      values: [
        [
          texts.lapsed,
          null,
          null,
          null,
          null,
          null,
          withResult(formula(`=${a1(totalRow, 6)}`), dollars(analysis.ledger.lapsedCents)),
        ],
      ],
      numberFormats: [[null, null, null, null, null, null, MONEY_FORMAT]],
    });
  if (toolFigures.length > 0)
    blocks.push({ row: totalRow + 2, col: 0, values: [[texts.toolFigureLegend]], fill: TOOL_FIGURE_FILL });
  // Unreadable amounts count as 0: the years they reach (and those carrying their solde) say so.
  const incomplete = years.filter((year) => !year.complete).map((year) => year.year);
  if (incomplete.length > 0)
    blocks.push({
      row: totalRow + 3,
      col: 0,
      values: [[texts.incompleteYears(incomplete)]],
      fill: TOOL_FIGURE_FILL,
    });
  blocks.push({
    row: firstRow,
    col: HELPER_COL,
    values: helperValues,
    numberFormats: helperValues.map(() => [...money]),
  });

  // By priority: the ledger's amounts (a project on several priorities is split equally).
  const priorityTitleRow = totalRow + (incomplete.length > 0 ? 4 : 3);
  blocks.push({
    row: priorityTitleRow,
    col: 0,
    values: [[texts.byPriority]],
    bold: true,
  });
  blocks.push({ row: priorityTitleRow + 1, col: 0, values: [[...PRIORITY_HEADERS]], bold: true });
  const priorities = analysis.ledger.priorities;
  const priorityRows: PlanValue[][] = priorities.map((p) => [
    p.priority > 0 ? `${p.priority} - ${p.name}` : p.name,
    p.projects,
    dollars(p.requestedCents),
    dollars(p.committedCents),
    dollars(p.paidCents),
  ]);
  const firstPriorityRow = priorityTitleRow + 2;
  const priorityTotalRow = firstPriorityRow + priorityRows.length;
  const prioritySum = (col: number): PlanValue =>
    priorityRows.length === 0
      ? 0
      : formula(`=SUM(${a1(firstPriorityRow, col)}:${a1(priorityTotalRow - 1, col)})`);
  const total = (pick: (p: (typeof priorities)[number]) => number) =>
    dollars(priorities.reduce((sum, p) => sum + pick(p), 0));
  priorityRows.push([
    'Total',
    null,
    withResult(
      prioritySum(2),
      total((p) => p.requestedCents),
    ),
    withResult(
      prioritySum(3),
      total((p) => p.committedCents),
    ),
    withResult(
      prioritySum(4),
      total((p) => p.paidCents),
    ),
  ]);
  blocks.push({
    row: firstPriorityRow,
    col: 0,
    values: priorityRows,
    numberFormats: priorityRows.map(() => [null, '0', MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT]),
  });
  blocks.push({ row: priorityTotalRow, col: 0, values: [['Total']], bold: true });
  blocks.push({ row: priorityTotalRow + 1, col: 0, values: [[texts.prioritySplit]] });

  const columnWidths = [
    { col: 0, width: 34 },
    ...[1, 2, 3, 4, 5, 6].map((col) => ({ col, width: 16 })),
    { col: CONTROL_COL - 1, width: 3 },
    // Wide enough for « -1 234 567,89 $ » and « chiffre de l’outil ».
    ...[0, 1, 2, 3, 4, 5].map((i) => ({ col: CONTROL_COL + i, width: 18 })),
    { col: HELPER_COL - 1, width: 3 },
    ...[0, 1, 2, 3, 4, 5].map((i) => ({ col: HELPER_COL + i, width: 16 })),
  ];
  // The chart over the table's columns, below the tables: inside the printed columns A to G.
  const chart = chartPlace(priorityTotalRow + 3, 0, TABLE_LAST_COL, CHART_ROWS, columnWidths);
  const chartEndRow = years.length > 0 ? parseCellAddress(chart.end).row : priorityTotalRow + 1;
  // Each project's grant, payments and what remains: on a page of its own, after the chart.
  const projectTitleRow = chartEndRow + 2;
  const projectBlocks = projectTable(analysis, projectTitleRow, texts);
  blocks.push(...projectBlocks.blocks);
  const sheet: SheetPlan = {
    sheet: name,
    mode: 'replace',
    blocks,
    frozenRows: headerRow + 1,
    columnWidths,
    rowHeights: wrappedRowHeights(projectBlocks.blocks, columnWidths),
    // The check columns (Contrôle, the tool's values) are for the screen: the print stops at G.
    pageSetup: pageSetup({
      lang,
      now,
      program: analysis.settings.programName,
      orientation: 'landscape',
      titleRows: { first: 0, last: 0 },
      printArea: areaAddress(projectBlocks.lastRow, TABLE_LAST_COL),
      rowBreaks: [projectTitleRow],
    }),
  };
  if (years.length > 0) {
    const range = (col: number) => `${a1(firstRow, col)}:${a1(totalRow - 1, col)}`;
    sheet.charts = [
      {
        type: 'column',
        title: texts.summaryChart,
        categories: range(0),
        series: [
          { name: 'Enveloppe', values: range(1) },
          { name: 'Engagé', values: range(4) },
          { name: 'Versé', values: range(5) },
          { name: 'Solde reporté', values: range(6) },
        ],
        ...chart,
      },
    ];
  }
  return { sheet, issues };
}

/**
 * « Par projet »: each project the ledger commits or pays, its grant, what was paid and what
 * remains (the tool's figures; « Suivi des projets » keeps them live), then their totals.
 */
function projectTable(
  analysis: Analysis,
  titleRow: number,
  texts: (typeof SHEET_TEXTS)[Lang],
): { blocks: Block[]; lastRow: number } {
  const titles = new Map(analysis.projects.map((project) => [project.id, project.title]));
  const projects = analysis.ledger.projects
    .filter((p) => p.committedCents !== 0 || p.paidCents !== 0)
    .sort((a, b) => compareNatural(a.projectId, b.projectId));
  const rows: PlanValue[][] = projects.map((p) => {
    const title = titles.get(p.projectId) ?? '';
    return [
      title ? `${p.projectId} — ${title}` : p.projectId,
      dollars(p.committedCents),
      dollars(p.paidCents),
      dollars(p.remainingCents),
    ];
  });
  const firstRow = titleRow + 2;
  const totalRow = firstRow + rows.length;
  const total = (col: number, cents: number): PlanValue =>
    rows.length === 0
      ? 0
      : withResult(formula(`=SUM(${a1(firstRow, col)}:${a1(totalRow - 1, col)})`), dollars(cents));
  const sum = (pick: (p: (typeof projects)[number]) => number) => projects.reduce((s, p) => s + pick(p), 0);
  rows.push([
    'Total',
    total(
      1,
      sum((p) => p.committedCents),
    ),
    total(
      2,
      sum((p) => p.paidCents),
    ),
    total(
      3,
      sum((p) => p.remainingCents),
    ),
  ]);
  const money = [null, MONEY_FORMAT, MONEY_FORMAT, MONEY_FORMAT];
  return {
    blocks: [
      { row: titleRow, col: 0, values: [[texts.byProject]], bold: true },
      { row: titleRow + 1, col: 0, values: [[...PROJECT_LEDGER_HEADERS]], bold: true },
      { row: firstRow, col: 0, values: rows, numberFormats: rows.map(() => money), wrap: true },
      { row: totalRow, col: 0, values: [['Total']], bold: true },
      { row: totalRow + 1, col: 0, values: [[texts.byProjectNote]] },
    ],
    lastRow: totalRow + 1,
  };
}
