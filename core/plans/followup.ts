/**
 * The « Suivi des projets » sheet: one row per accepted project — granted by year and in total,
 * paid, left to pay, the next planned instalment, the final report due, received, days late.
 * Live formulas over the staff sheets where the source cell holds a number (or is blank), the
 * tool's own figure (shaded) where it holds text; fills on what needs action.
 */
import { cellAddress, columnLetters, parseCellAddress, sheetReference } from '../a1.js';
import type { Analysis } from '../analysis.js';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../cells.js';
import { formulaReads, generatedSheetPlace, generatedTitleBlock, TOOL_FIGURE_FILL } from '../generated.js';
import type { SheetLayout } from '../grids/headers.js';
import type { Issue } from '../issues.js';
import { SHEET_TEXTS } from '../messages/index.js';
import {
  type Block,
  type Formula,
  type PlanOptions,
  type PlanValue,
  planDefaults,
  type SheetPlan,
} from '../plan.js';
import { areaAddress, pageSetup } from '../print.js';
import { compareNatural } from '../ranking.js';
import type { Project } from '../records.js';
import type { ProjectTrack } from '../tracking.js';
import { DATE_FORMAT, isoToDate } from '../values/dates.js';
import { centsToDollars, MONEY_FORMAT_CENTS } from '../values/money.js';
import { journalTimestamp } from './journal.js';
import { rangeEnd } from './summary.js';

export const FOLLOWUP_SHEET = 'Suivi des projets';
export const FOLLOWUP_HEADER_ROW = 4;

/** Fills (design.md: « fills on what needs action »). */
export const FOLLOWUP_FILLS = {
  /** The final report is late. */
  late: '#F8CBAD',
  /** The last instalment went out before the report, or more was paid than granted. */
  paidAhead: '#FFE699',
  /** The tool's own figure: the source cell holds text, so no live formula reads it. */
  toolFigure: TOOL_FIGURE_FILL,
} as const;

/** The headers after the per-year grants, in order. */
export const FOLLOWUP_TAIL_HEADERS = [
  'Accordé total',
  'Versé',
  'Reste à verser',
  'Prochain versement',
  'Montant du prochain versement',
  'Reddition due',
  'Reddition reçue',
  'Jours de retard',
] as const;

export interface FollowupPlanResult {
  sheet: SheetPlan;
  issues: Issue[];
  /** Accepted projects listed, and those whose report is late. */
  projects: number;
  late: number;
}

function formula(text: string): Formula {
  return { formula: text };
}

function sheetOf(snapshot: WorkbookSnapshot, name: string | undefined): SheetSnapshot | undefined {
  return name === undefined ? undefined : snapshot.sheets.find((s) => s.name === name);
}

/** A staff cell a live formula reads right (`formulaReads`), as a reference; else null. */
function numericSource(
  sheet: SheetSnapshot | undefined,
  address: string | undefined,
  kind: 'amount' | 'date',
): string | null {
  if (sheet === undefined || address === undefined) return null;
  const { row, col } = parseCellAddress(address);
  const value: CellValue = sheet.values[row]?.[col] ?? null;
  return formulaReads(value, kind) ? sheetReference(sheet.name, address) : null;
}

/** SUMIF reads the criterion as a pattern: numbers like these only mean themselves. */
function plainCriterion(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/.test(id) && !/^\d/.test(id);
}

/**
 * Versé as a live SUMIF over Versements, when every payment the tool counts for the project sits
 * on a row whose number is the project's (in any case) and whose amount is a number; else null.
 */
function paidFormula(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  id: string,
  idCell: string,
): string | null {
  const layout: SheetLayout | undefined = analysis.layouts.payments;
  const sheet = sheetOf(snapshot, layout?.sheet);
  if (!layout || !sheet || layout.columns.amount === undefined || !plainCriterion(id)) return null;
  for (const payment of analysis.payments) {
    if (payment.projectId !== id) continue;
    const idAddress = payment.origin?.cells.id;
    const amountAddress = payment.origin?.cells.amount;
    if (idAddress === undefined || amountAddress === undefined) return null;
    const typed = sheet.values[parseCellAddress(idAddress).row]?.[parseCellAddress(idAddress).col];
    const amount = sheet.values[parseCellAddress(amountAddress).row]?.[parseCellAddress(amountAddress).col];
    if (typeof typed !== 'string' || typed.trim().toLowerCase() !== id.toLowerCase()) return null;
    if (typeof amount !== 'number') return null;
  }
  const column = (col: number) => {
    const letters = columnLetters(col);
    return sheetReference(layout.sheet, `${letters}${layout.headerRow + 2}:${letters}${rangeEnd(layout)}`);
  };
  return `=SUMIF(${column(layout.columns.id)},${idCell},${column(layout.columns.amount)})`;
}

/** Where each granted amount of the project comes from: its latest decision, or its Projets row. */
function grantSource(analysis: Analysis, snapshot: WorkbookSnapshot, project: Project, year: string) {
  const latest = analysis.decisions?.latest.get(project.id);
  if (latest)
    return numericSource(
      sheetOf(snapshot, latest.origin?.sheet),
      latest.origin?.cells[`granted ${year}`],
      'amount',
    );
  return numericSource(
    sheetOf(snapshot, project.origin?.sheet),
    project.origin?.cells[`granted ${year}`],
    'amount',
  );
}

export function followupPlan(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  options: PlanOptions = {},
): FollowupPlanResult {
  const { lang, now } = planDefaults(options);
  const texts = SHEET_TEXTS[lang];
  const { name, issues } = generatedSheetPlace(snapshot, FOLLOWUP_SHEET);

  const years = analysis.years.map((y) => y.label);
  const headers = [
    'No',
    'Titre',
    'Organisme porteur',
    ...years.map((y) => `Accordé ${y}`),
    ...FOLLOWUP_TAIL_HEADERS,
  ];
  const firstYearCol = 3;
  const totalCol = firstYearCol + years.length;
  // After the total: Versé, Reste à verser, the next instalment (2 columns), the report (3 columns).
  const paidCol = totalCol + 1;
  const remainingCol = totalCol + 2;
  const dueCol = totalCol + 5;
  const receivedCol = totalCol + 6;
  const lateCol = totalCol + 7;
  const months = analysis.settings.reportDelayMonths;
  const projectsSheet = sheetOf(snapshot, analysis.layouts.projects?.sheet);

  const accepted = analysis.projects
    .filter((p) => p.decision === 'Accepté')
    .sort((a, b) => compareNatural(a.id, b.id));
  const blocks: Block[] = [
    generatedTitleBlock(texts.followupTitle(analysis.settings.programName), journalTimestamp(now)),
    { row: 2, col: 0, values: [[texts.followupLegend]] },
    { row: FOLLOWUP_HEADER_ROW, col: 0, values: [headers], bold: true, wrap: true },
  ];
  const rows: PlanValue[][] = [];
  const formats: (string | null)[][] = [];
  const fills: { row: number; col: number; fill: string }[] = [];
  let late = 0;
  accepted.forEach((project, i) => {
    const row = FOLLOWUP_HEADER_ROW + 1 + i;
    const at = (col: number) => cellAddress(row, col);
    const track = analysis.tracks.get(project.id) as ProjectTrack;
    const values: PlanValue[] = [project.id, project.title, project.lead];
    for (const [k, year] of years.entries()) {
      const source = grantSource(analysis, snapshot, project, year);
      if (source !== null) values.push(formula(`=${source}`));
      else {
        values.push(centsToDollars(project.grantedCents[year] ?? 0));
        fills.push({ row, col: firstYearCol + k, fill: FOLLOWUP_FILLS.toolFigure });
      }
    }
    values.push(years.length === 0 ? 0 : formula(`=SUM(${at(firstYearCol)}:${at(totalCol - 1)})`));
    const paid = paidFormula(analysis, snapshot, project.id, at(0));
    if (paid !== null) values.push(formula(paid));
    else {
      values.push(centsToDollars(track.paidCents));
      if (track.paidCents !== 0) fills.push({ row, col: paidCol, fill: FOLLOWUP_FILLS.toolFigure });
    }
    values.push(formula(`=${at(totalCol)}-${at(paidCol)}`));

    const next = track.nextInstalment;
    const count = track.instalments.length;
    if (count === 0) values.push('', null);
    else if (next === null) values.push(texts.followupAllPaid, null);
    else {
      const instalment = track.instalments[next];
      values.push(
        next === count - 1
          ? texts.followupLastInstalment(next + 1, count)
          : texts.followupInstalment(next + 1, count),
        centsToDollars(instalment.amountCents - instalment.paidCents),
      );
    }

    const end = numericSource(projectsSheet, project.origin?.cells.end, 'date');
    const endBlank = end !== null && project.end === null;
    if (end !== null && !endBlank)
      // The end-of-month rule: the last day of a month lands on the last day of the due month.
      values.push(formula(`=IF(DAY(${end}+1)=1,EOMONTH(${end},${months}),EDATE(${end},${months}))`));
    else if (track.reportDue !== null) {
      values.push(isoToDate(track.reportDue));
      fills.push({ row, col: dueCol, fill: FOLLOWUP_FILLS.toolFigure });
    } else values.push(null);
    const received = numericSource(projectsSheet, project.origin?.cells.reportReceived, 'date');
    if (received !== null) values.push(formula(`=IF(${received}="","",${received})`));
    else if (project.reportReceived !== null) {
      values.push(isoToDate(project.reportReceived));
      fills.push({ row, col: receivedCol, fill: FOLLOWUP_FILLS.toolFigure });
    } else values.push(null);
    const due = at(dueCol);
    values.push(
      formula(`=IF(AND(ISNUMBER(${due}),${at(receivedCol)}=""),IF(TODAY()>${due},TODAY()-${due},""),"")`),
    );

    if (track.reportDaysLate !== null) {
      late += 1;
      fills.push({ row, col: lateCol, fill: FOLLOWUP_FILLS.late });
      fills.push({ row, col: 0, fill: FOLLOWUP_FILLS.late });
    }
    if (track.lastPaidBeforeReport || track.remainingCents < 0)
      fills.push({ row, col: remainingCol, fill: FOLLOWUP_FILLS.paidAhead });
    rows.push(values);
    formats.push([
      null,
      null,
      null,
      ...years.map(() => MONEY_FORMAT_CENTS),
      MONEY_FORMAT_CENTS,
      MONEY_FORMAT_CENTS,
      MONEY_FORMAT_CENTS,
      null,
      MONEY_FORMAT_CENTS,
      DATE_FORMAT,
      DATE_FORMAT,
      '0',
    ]);
  });
  if (rows.length > 0)
    blocks.push({ row: FOLLOWUP_HEADER_ROW + 1, col: 0, values: rows, numberFormats: formats });

  const widths = [10, 40, 30, ...years.map(() => 16), 16, 16, 16, 22, 16, 14, 14, 10];
  return {
    sheet: {
      sheet: name,
      mode: 'replace',
      blocks,
      // Fills as marks: each host sets them in one batch, not one write per filled cell.
      marks: fills.map(({ row, col, fill }) => ({ cell: cellAddress(row, col), fill })),
      frozenRows: FOLLOWUP_HEADER_ROW + 1,
      columnWidths: widths.map((width, col) => ({ col, width })),
      // Printed as the other generated sheets: landscape, one page wide, headers on every page.
      pageSetup: pageSetup({
        lang,
        now,
        program: analysis.settings.programName,
        orientation: 'landscape',
        titleRows: { first: FOLLOWUP_HEADER_ROW, last: FOLLOWUP_HEADER_ROW },
        printArea: areaAddress(FOLLOWUP_HEADER_ROW + rows.length, headers.length - 1),
      }),
    },
    issues,
    projects: accepted.length,
    late,
  };
}
