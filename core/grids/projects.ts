/** The Projets sheet: one row per submission → `Project` records with the cells they came from. */
import { cellAddress } from '../a1.js';
import { isBlank, type SheetSnapshot } from '../cells.js';
import { type Issue, issue } from '../issues.js';
import type { Decision, Project, ProjectField } from '../records.js';
import { memoize } from '../values/memo.js';
import { DECISIONS, parseDecision } from '../values/vocabulary.js';
import { fixedColumns, PROJECTS_CONTRACT, requiredColumns } from './contracts.js';
import { cellAt, classifierFor, readHeader, type SheetLayout, yearAmountField } from './headers.js';
import { gridRows, projectIdKey, projectIdText, type ReaderOptions, readerIssues } from './sheets.js';

export interface ProjectsReading {
  projects: Project[];
  layout: SheetLayout | null;
  issues: Issue[];
}

/**
 * Reads Projets. `years` are the program's fiscal years: `Demandé`/`Accordé` columns of other
 * years are reported (still read: the ledger flags each amount it cannot place). Duplicate numbers: every copy is reported, the first row is read.
 */
export function readProjects(
  sheet: SheetSnapshot,
  options: { years: readonly string[] } & ReaderOptions,
): ProjectsReading {
  const classify = classifierFor(fixedColumns(PROJECTS_CONTRACT), yearAmountField);
  const header = readHeader(sheet, { classify, required: requiredColumns(PROJECTS_CONTRACT) });
  const issues = header.issues;
  const layout = header.layout;
  if (layout === null) return { projects: [], layout: null, issues };

  const programYears = new Set(options.years);
  for (const [field, col] of Object.entries(layout.columns)) {
    const year = /^(?:requested|granted) (.+)$/.exec(field)?.[1];
    if (year === undefined || programYears.has(year)) continue;
    issues.push(
      issue(
        'header.yearOutsideProgram',
        'warning',
        { sheet: sheet.name, cell: cellAddress(layout.headerRow, col) },
        {
          column: String(sheet.values[layout.headerRow]?.[col] ?? field),
          year,
          years: [...options.years],
        },
      ),
    );
  }

  const decisionOf = memoize(parseDecision);
  const columns = layout.columns;
  const { reader, rows, cellsOf } = gridRows<ProjectField>(sheet, layout);
  const yearColumns = Object.entries(columns)
    .map(([field, col]) => ({ field, col, match: /^(requested|granted) (.+)$/.exec(field) }))
    .filter((entry) => entry.match !== null)
    .map(({ field, col, match }) => ({
      field: field as ProjectField,
      col,
      kind: match![1],
      year: match![2],
    }));

  const projects: Project[] = [];
  // First row of each number; the rows of numbers seen more than once (few) in `duplicateRows`.
  const firstRowById = new Map<string, number>();
  const duplicateRows = new Map<string, number[]>();
  for (const { row, typed: id } of rows) {
    const key = projectIdKey(id);
    const first = firstRowById.get(key);
    if (first !== undefined) {
      const rows = duplicateRows.get(key);
      if (rows === undefined) duplicateRows.set(key, [first, row]);
      else rows.push(row);
      continue;
    }
    firstRowById.set(key, row);

    const cells = cellsOf(row);

    const decisionText = reader.text(row, columns.decision);
    let decision: Decision | null = null;
    if (decisionText !== '') {
      decision = decisionOf(decisionText);
      if (decision === null) {
        reader.report('project.decisionUnknown', 'error', row, columns.decision, {
          value: decisionText.length > 80 ? `${decisionText.slice(0, 79)}…` : decisionText,
          choices: [...DECISIONS],
        });
      }
    }

    const requestedCents: Record<string, number> = {};
    const grantedCents: Record<string, number> = {};
    const unreadableBefore = reader.unreadableAmounts.length;
    const unreadableAmounts: ProjectField[] = [];
    for (const { col, kind, year } of yearColumns) {
      const cents = reader.money(row, col);
      if (reader.unreadableAmounts.length > unreadableBefore + unreadableAmounts.length)
        unreadableAmounts.push(`${kind} ${year}` as ProjectField);
      if (cents === null) continue;
      (kind === 'requested' ? requestedCents : grantedCents)[year] = cents;
    }

    const start = reader.date(row, columns.start);
    const end = reader.date(row, columns.end, { endOfPeriod: true });
    const typed = (col: number | undefined) => col !== undefined && !isBlank(cellAt(sheet, row, col));
    const unreadableDates: ('start' | 'end')[] = [];
    if (start === null && typed(columns.start)) unreadableDates.push('start');
    if (end === null && typed(columns.end)) unreadableDates.push('end');
    projects.push({
      id,
      title: reader.text(row, columns.title),
      lead: reader.text(row, columns.lead),
      partners: reader.list(row, columns.partners),
      supports: reader.list(row, columns.supports),
      municipalities: reader.list(row, columns.municipalities, true),
      priorities: reader.list(row, columns.priorities, true),
      start,
      end,
      ...(unreadableDates.length > 0 ? { unreadableDates } : {}),
      totalCostCents: reader.money(row, columns.totalCost),
      requestedCents,
      grantedCents,
      ...(unreadableAmounts.length > 0 ? { unreadableAmounts } : {}),
      decision,
      reportReceived: reader.date(row, columns.reportReceived),
      ...(columns.waiver !== undefined ? { waiver: reader.text(row, columns.waiver) } : {}),
      ...(columns.resolution !== undefined ? { resolution: reader.text(row, columns.resolution) } : {}),
      origin: { sheet: sheet.name, cells },
    });
  }

  // In the order of the numbers' first rows, as they appear in the sheet.
  const duplicates = [...duplicateRows.values()].sort((a, b) => a[0] - b[0]);
  for (const rows of duplicates) {
    const addresses = rows.map((row) => cellAddress(row, columns.id));
    for (const row of rows) {
      reader.report('project.duplicateId', 'error', row, columns.id, {
        id: projectIdText(sheet.values[row]?.[columns.id] ?? null),
        cells: addresses,
      });
    }
  }
  return { projects, layout, issues: readerIssues(issues, reader, options) };
}

/** Project numbers as written in Projets, by comparison key: other sheets' numbers map onto them. */
export function projectIdIndex(projects: readonly Project[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const project of projects) {
    const key = projectIdKey(project.id);
    if (!index.has(key)) index.set(key, project.id);
  }
  return index;
}
