/**
 * The Sommaire budgétaire sheet: the year-by-year table of design.md as LIVE formulas over the
 * staff sheets (they stay right when staff edit), a « Contrôle » column comparing each formula with
 * the core's ledger, a table by priority and a chart.
 */
import { cellAddress, columnLetters, parseCellAddress, sheetReference } from '../a1.js';
import type { Analysis } from '../analysis.js';
import type { CellValue, WorkbookSnapshot } from '../cells.js';
import { generatedSheetName, generatedTitleBlock } from '../generated.js';
import type { SheetLayout } from '../grids/headers.js';
import { type Issue, issue } from '../issues.js';
import { type Lang, SHEET_TEXTS } from '../messages/index.js';
import { type Block, type Formula, isFormula, type PlanValue, type SheetPlan } from '../plan.js';
import { areaAddress, chartPlace, pageSetup } from '../print.js';
import { fiscalYearRange, isFiscalYearLabel } from '../values/dates.js';
import { centsToDollars, MONEY_FORMAT } from '../values/money.js';
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

/** 0-based row of the table's headers (rows 1-2 hold the title block). */
export const SUMMARY_HEADER_ROW = 3;
const CONTROL_COL = 8;
/** The design's table ends in G: what prints. */
const TABLE_LAST_COL = SUMMARY_HEADERS.length - 1;
/** The chart's height in rows. */
const CHART_ROWS = 16;
/** The core’s values, written as constants, start here (column K). */
const HELPER_COL = 10;

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
 * A cell or range read as whole dollars whether staff typed a number or fr-CA text such as
 * « 195 007 $ » or « - $ » (unreadable text counts as 0, like the core). Array-safe inside SUMPRODUCT.
 */
export function amountExpression(ref: string): string {
  // The no-break spaces (fr-CA U+00A0, fr-FR U+202F) are written literally: CHAR(160) is not U+00A0
  // in LibreOffice, and UNICHAR needs an `_xlfn.` prefix inside .xlsx files.
  const stripped = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref}&"","$",""),"\u00A0",""),"\u202F","")," ","")`;
  return `IFERROR(${ref}*1,IFERROR(--${stripped},0))`;
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

/** Enveloppe, Engagé and Versé of one year: live formulas where the staff sheet is there, else the core's value. */
function yearSources(analysis: Analysis, index: number): YearFormulas {
  const year = analysis.ledger.years[index];
  const { budget, projects, payments } = analysis.layouts;
  let envelope: PlanValue = dollars(year.envelopeCents);
  const budgetCol = budget?.yearColumns[year.year];
  if (budget && budgetCol !== undefined) {
    if (budget.totalRow !== null) {
      envelope = formula(
        `=${amountExpression(sheetReference(budget.sheet, cellAddress(budget.totalRow, budgetCol)))}`,
      );
    } else if (budget.rows.length > 0) {
      const rows = [...budget.rows].sort((a, b) => a - b);
      const contiguous = rows[rows.length - 1] - rows[0] === rows.length - 1;
      envelope = contiguous
        ? formula(
            `=SUMPRODUCT(${amountExpression(
              sheetReference(
                budget.sheet,
                `${cellAddress(rows[0], budgetCol)}:${cellAddress(rows[rows.length - 1], budgetCol)}`,
              ),
            )})`,
          )
        : formula(
            `=${rows.map((r) => amountExpression(sheetReference(budget.sheet, cellAddress(r, budgetCol)))).join('+')}`,
          );
    } else {
      envelope = 0;
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
    const live = `SUMPRODUCT(${notBlank(id)}${unnamed}*${acceptedExpression(decision)}*${amountExpression(granted)})`;
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
    const day = `IFERROR(${date}*1,0)`;
    const amount = columnRange(payments, payments.columns.amount);
    const paymentId = columnRange(payments, payments.columns.id);
    const projectIds = columnRange(projects, projects.columns.id);
    // Payments to a project missing from Projets are not counted by the ledger either.
    paid = formula(
      `=SUMPRODUCT(${notBlank(paymentId)}*(COUNTIF(${projectIds},${paymentId})>0)*(${day}>=${dateParts(start)})*(${day}<${dateParts(`${end.slice(0, 4)}-04-01`)})*${amountExpression(amount)})`,
    );
  }
  return { envelope, committed, paid };
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

export function summaryPlan(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  options: { lang?: Lang; now?: Date } = {},
): SummaryPlanResult {
  const lang = options.lang ?? 'fr';
  const now = options.now ?? new Date();
  const issues: Issue[] = [];
  const name = generatedSheetName(snapshot, SUMMARY_SHEET);
  if (name !== SUMMARY_SHEET)
    issues.push(issue('action.renamedSheet', 'info', {}, { base: SUMMARY_SHEET, sheet: name }));

  const title = SHEET_TEXTS[lang].summaryTitle(analysis.settings.programName);
  const blocks: Block[] = [generatedTitleBlock(title, journalTimestamp(now))];
  const years = analysis.ledger.years;
  const headerRow = SUMMARY_HEADER_ROW;
  const firstRow = headerRow + 1;
  const totalRow = firstRow + years.length;

  // The design's table holds exactly its seven headers: the check sits apart, after a blank column.
  blocks.push({ row: headerRow, col: 0, values: [[...SUMMARY_HEADERS]], bold: true });
  blocks.push({ row: headerRow, col: CONTROL_COL, values: [[CONTROL_HEADER]], bold: true });
  blocks.push({
    row: headerRow - 1,
    col: HELPER_COL,
    values: [[SHEET_TEXTS[lang].summaryCheck]],
    bold: true,
  });
  blocks.push({
    row: headerRow,
    col: HELPER_COL,
    values: [SUMMARY_HEADERS.slice(1).map(SHEET_TEXTS[lang].toolColumn)],
    bold: true,
  });

  const money = new Array<string | null>(6).fill(MONEY_FORMAT);
  const tableValues: PlanValue[][] = [];
  const tableFormats: (string | null)[][] = [];
  const helperValues: CellValue[][] = [];
  years.forEach((year, i) => {
    const row = firstRow + i;
    const sources = yearSources(analysis, i);
    tableValues.push([
      year.year,
      sources.envelope,
      i === 0 ? 0 : formula(`=${a1(row - 1, 6)}`),
      formula(`=${a1(row, 1)}+${a1(row, 2)}`),
      sources.committed,
      sources.paid,
      formula(`=${a1(row, 3)}-${a1(row, 4)}`),
      null,
      controlFormula(row),
    ]);
    tableFormats.push([null, ...money, null, null]);
    helperValues.push([
      dollars(year.envelopeCents),
      dollars(year.carriedInCents),
      dollars(year.availableCents),
      dollars(year.committedCents),
      dollars(year.paidCents),
      dollars(year.balanceCents),
    ]);
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
    null,
    controlFormula(totalRow),
  ]);
  tableFormats.push([null, ...money, null, null]);
  const sum = (pick: (y: (typeof years)[number]) => number) => years.reduce((s, y) => s + pick(y), 0);
  helperValues.push([
    dollars(sum((y) => y.envelopeCents)),
    null,
    null,
    dollars(sum((y) => y.committedCents)),
    dollars(sum((y) => y.paidCents)),
    dollars(analysis.ledger.lapsedCents),
  ]);
  // Each live figure carries the tool's own as its cached value (the Contrôle is left to compute).
  tableValues.forEach((row, i) => {
    for (let col = 1; col <= 6; col++) row[col] = withResult(row[col], helperValues[i][col - 1]);
  });
  blocks.push({ row: firstRow, col: 0, values: tableValues, numberFormats: tableFormats });
  blocks.push({ row: totalRow, col: 0, values: [['Total']], bold: true });
  // What lapses: the last year's carry-forward, said in words under the total.
  if (years.length > 0)
    blocks.push({
      row: totalRow + 1,
      col: 0,
      values: [
        [
          SHEET_TEXTS[lang].lapsed,
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
  blocks.push({
    row: firstRow,
    col: HELPER_COL,
    values: helperValues,
    numberFormats: helperValues.map(() => [...money]),
  });

  // By priority: the ledger's amounts (a project on several priorities is split equally).
  const priorityTitleRow = totalRow + 3;
  blocks.push({
    row: priorityTitleRow,
    col: 0,
    values: [[SHEET_TEXTS[lang].byPriority]],
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
  blocks.push({ row: priorityTotalRow + 1, col: 0, values: [[SHEET_TEXTS[lang].prioritySplit]] });

  const columnWidths = [
    { col: 0, width: 34 },
    ...[1, 2, 3, 4, 5, 6].map((col) => ({ col, width: 16 })),
    { col: CONTROL_COL - 1, width: 3 },
    { col: CONTROL_COL, width: 22 },
    { col: HELPER_COL - 1, width: 3 },
    ...[0, 1, 2, 3, 4, 5].map((i) => ({ col: HELPER_COL + i, width: 16 })),
  ];
  // The chart over the table's columns, below the tables: inside the printed columns A to G.
  const chart = chartPlace(priorityTotalRow + 3, 0, TABLE_LAST_COL, CHART_ROWS, columnWidths);
  const lastRow = years.length > 0 ? parseCellAddress(chart.end).row : priorityTotalRow;
  const sheet: SheetPlan = {
    sheet: name,
    mode: 'replace',
    blocks,
    frozenRows: headerRow + 1,
    columnWidths,
    // The check columns (Contrôle, the tool's values) are for the screen: the print stops at G.
    pageSetup: pageSetup({
      lang,
      now,
      program: analysis.settings.programName,
      orientation: 'landscape',
      titleRows: { first: 0, last: 0 },
      printArea: areaAddress(lastRow, TABLE_LAST_COL),
    }),
  };
  if (years.length > 0) {
    const range = (col: number) => `${a1(firstRow, col)}:${a1(totalRow - 1, col)}`;
    sheet.charts = [
      {
        type: 'column',
        title: SHEET_TEXTS[lang].summaryChart,
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

/** « OK », or « Écart : X $ » with X the sum of the differences between the row's formulas and the core. */
function controlFormula(row: number): Formula {
  const table = `${a1(row, 1)}:${a1(row, 6)}`;
  const helper = `${a1(row, HELPER_COL)}:${a1(row, HELPER_COL + 5)}`;
  const gap = `SUMPRODUCT(ABS(${table}-${helper}))`;
  return formula(`=IFERROR(IF(${gap}<0.005,"OK","Écart : "&FIXED(${gap},2)&" $"),"Écart")`);
}
