/**
 * The optional Décisions sheet → `DecisionRecord`s: every decision of the council on a project,
 * dated, with its resolution and its grants by year. A row without a readable date or decision is
 * reported at its cell and not kept: it could not be placed in the history.
 */
import { cellAddress } from '../a1.js';
import type { SheetSnapshot } from '../cells.js';
import { type Issue, issue } from '../issues.js';
import type { DecisionField, DecisionRecord } from '../records.js';
import { memoize } from '../values/memo.js';
import { HISTORY_DECISIONS, parseHistoryDecision } from '../values/vocabulary.js';
import { DECISIONS_CONTRACT, fixedColumns, requiredColumns } from './contracts.js';
import { classifierFor, readHeader, type SheetLayout, yearAmountField } from './headers.js';
import { gridRows, projectIdKey, type ReaderOptions, readerIssues } from './sheets.js';

export interface DecisionsReading {
  decisions: DecisionRecord[];
  layout: SheetLayout | null;
  issues: Issue[];
}

/** Only the grants by year count in Décisions: a `Demandé` column there is left as staff's own. */
function grantedYearField(text: string): string | null {
  const field = yearAmountField(text);
  return field?.startsWith('granted ') ? field : null;
}

export function readDecisions(
  sheet: SheetSnapshot,
  projectIds: ReadonlyMap<string, string>,
  options: { years: readonly string[]; projectsSheet?: string } & ReaderOptions,
): DecisionsReading {
  const header = readHeader(sheet, {
    classify: classifierFor(fixedColumns(DECISIONS_CONTRACT), grantedYearField),
    required: requiredColumns(DECISIONS_CONTRACT),
  });
  const issues = header.issues;
  const layout = header.layout;
  if (layout === null) return { decisions: [], layout: null, issues };
  const columns = layout.columns;
  const { reader, rows, cellsOf } = gridRows<DecisionField>(sheet, layout);
  const programYears = new Set(options.years);
  const yearColumns = Object.entries(columns)
    .filter(([field]) => field.startsWith('granted '))
    .map(([field, col]) => ({ col, year: field.slice('granted '.length) }));
  for (const { col, year } of yearColumns) {
    if (programYears.has(year)) continue;
    issues.push(
      issue(
        'header.yearOutsideProgram',
        'warning',
        { sheet: sheet.name, cell: cellAddress(layout.headerRow, col) },
        { column: String(sheet.values[layout.headerRow]?.[col] ?? ''), year, years: [...options.years] },
      ),
    );
  }
  const decisionOf = memoize(parseHistoryDecision);
  const decisions: DecisionRecord[] = [];
  for (const { row, typed } of rows) {
    const projectId = projectIds.get(projectIdKey(typed));
    if (projectId === undefined) {
      reader.report('decision.unknownProject', 'warning', row, columns.id, {
        project: typed,
        projects: options.projectsSheet ?? 'Projets',
      });
      continue;
    }
    const date = reader.date(row, columns.date);
    if (date === null) {
      if (reader.text(row, columns.date) === '')
        reader.report('decision.missingDate', 'error', row, columns.date, { project: projectId });
      continue;
    }
    const text = reader.text(row, columns.decision);
    const decision = text === '' ? null : decisionOf(text);
    if (decision === null) {
      reader.report('project.decisionUnknown', 'error', row, columns.decision, {
        value: text.length > 80 ? `${text.slice(0, 79)}…` : text,
        choices: [...HISTORY_DECISIONS],
      });
      continue;
    }
    const grantedCents: Record<string, number> = {};
    for (const { col, year } of yearColumns) {
      const cents = reader.money(row, col);
      if (cents !== null && cents !== 0) grantedCents[year] = cents;
    }
    decisions.push({
      projectId,
      date,
      decision,
      resolution: reader.text(row, columns.resolution),
      grantedCents,
      origin: { sheet: sheet.name, cells: cellsOf(row) },
    });
  }
  return { decisions, layout, issues: readerIssues(issues, reader, options) };
}
