/**
 * The Grille de sélection: one row per project × evaluator → `Review` records. Only cell-level
 * problems are reported here; score ranges, duplicate evaluators, unknown projects and conflicts
 * are checked by scoring, which sees the whole grid.
 */
import { cellAddress } from '../a1.js';
import type { SheetSnapshot } from '../cells.js';
import { type Issue, issue } from '../issues.js';
import type { Review, ReviewField } from '../records.js';
import type { Settings } from '../settings.js';
import { parseScoreCell } from '../values/scores.js';
import { headerKey } from '../values/text.js';
import { parseYesNoCell } from '../values/vocabulary.js';
import { criterionField, fixedColumns, requiredColumns, SELECTION_CONTRACT } from './contracts.js';
import { type ColumnSpec, cellAt, classifierFor, readHeader, type SheetLayout } from './headers.js';
import { gridRows, projectIdKey, type ReaderOptions, readerIssues, shownValue } from './sheets.js';

/** Headers of columns that hold totals or averages, not criteria. */
const DERIVED_HEADER =
  /^(total|totaux|somme|sum|score|pointage|moyenne|average|note (finale|globale|totale))\b/;

export interface SelectionReading {
  reviews: Review[];
  layout: SheetLayout | null;
  issues: Issue[];
}

/**
 * Reads the grid. `projectIds` maps project-number keys to the numbers as written in Projets, so
 * that `p-001` here refers to `P-001` there.
 */
export function readReviews(
  sheet: SheetSnapshot,
  settings: Settings,
  projectIds: ReadonlyMap<string, string> = new Map(),
  options: ReaderOptions = {},
): SelectionReading {
  const criteria: ColumnSpec[] = settings.criteria.map((c) => ({
    field: criterionField(c.name),
    names: [c.name],
  }));
  const classify = classifierFor([...fixedColumns(SELECTION_CONTRACT), ...criteria]);
  const header = readHeader(sheet, { classify, required: requiredColumns(SELECTION_CONTRACT) });
  const issues = header.issues;
  const layout = header.layout;
  if (layout === null) return { reviews: [], layout: null, issues };
  const columns = layout.columns;
  const headerCell = (col: number) => ({ sheet: sheet.name, cell: cellAddress(layout.headerRow, col) });

  for (const criterion of settings.criteria) {
    if (!Object.hasOwn(columns, criterionField(criterion.name))) {
      issues.push(
        issue('header.criterionMissing', 'warning', headerCell(columns.id ?? columns.evaluator ?? 0), {
          criterion: criterion.name,
        }),
      );
    }
  }
  for (const col of header.unknownColumns) {
    const title = String(cellAt(sheet, layout.headerRow, col) ?? '');
    if (DERIVED_HEADER.test(headerKey(title))) continue;
    if (looksLikeScores(sheet, layout.rows, col)) {
      issues.push(
        issue('header.unknownCriterion', 'warning', headerCell(col), { column: shownValue(title) }),
      );
    }
  }

  // After the header checks: the unknown columns are judged on every row, numbered or not.
  const { reader, rows, cellsOf } = gridRows<ReviewField>(sheet, layout);
  const reviews: Review[] = [];
  const criterionColumns = settings.criteria
    .filter((c) => Object.hasOwn(columns, criterionField(c.name)))
    .map((c) => ({ name: c.name, col: columns[criterionField(c.name)] }));
  // A project's evaluations sit on consecutive rows: look its number up once per run of rows.
  let lastTyped: string | undefined;
  let lastProjectId = '';
  for (const { row, typed } of rows) {
    const cells = cellsOf(row);

    const scores: Record<string, number | 'NA' | null> = {};
    const unreadable: string[] = [];
    for (const { name, col } of criterionColumns) {
      const raw = reader.value(row, col);
      // Numbers (finite: `value` blanks the others) are the usual score: no parsing to do.
      if (typeof raw === 'number') {
        scores[name] = raw;
        continue;
      }
      const parsed = parseScoreCell(raw);
      if (parsed.kind === 'invalid') {
        reader.report('cell.scoreInvalid', 'error', row, col, { value: shownValue(raw) });
        scores[name] = null;
        unreadable.push(name);
      } else {
        scores[name] = parsed.kind === 'blank' ? null : parsed.value;
      }
    }

    let conflict = false;
    if (columns.conflict !== undefined) {
      const raw = reader.value(row, columns.conflict);
      const parsed = parseYesNoCell(raw);
      if (parsed === null) {
        reader.report('cell.conflictInvalid', 'error', row, columns.conflict, { value: shownValue(raw) });
      } else {
        conflict = parsed;
      }
    }

    if (typed !== lastTyped) {
      lastTyped = typed;
      lastProjectId = projectIds.get(projectIdKey(typed)) ?? typed;
    }
    reviews.push({
      projectId: lastProjectId,
      evaluator: reader.text(row, columns.evaluator),
      scores,
      ...(unreadable.length > 0 ? { unreadable } : {}),
      conflict,
      comment: reader.text(row, columns.comment),
      origin: { sheet: sheet.name, cells },
    });
  }
  return { reviews, layout, issues: readerIssues(issues, reader, options) };
}

/** A column of numbers (or S.O.) is a criterion someone forgot to declare, not free text. */
function looksLikeScores(sheet: SheetSnapshot, rows: readonly number[], col: number): boolean {
  let filled = 0;
  let numeric = 0;
  for (const row of rows) {
    const parsed = parseScoreCell(cellAt(sheet, row, col));
    if (parsed.kind === 'blank') continue;
    filled++;
    if (parsed.kind === 'score' && typeof parsed.value === 'number') numeric++;
  }
  return numeric > 0 && numeric * 2 >= filled;
}
