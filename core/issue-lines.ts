/**
 * Issues as staff read them (Validation sheet, task pane, sidebar): the repeats of one kind of
 * warning in one sheet said once, with their count and their cells (`GROUPED_CODES`), and the
 * reading order: errors first, then by sheet (workbook order, the workbook itself first), row, column.
 */
import { cellPosition } from './a1.js';
import { type Issue, SEVERITY_RANK, type Severity } from './issues.js';
import { type IssueCode, isGroupedCode, type Lang, renderGroup, renderIssue } from './messages/index.js';

export interface IssueLine {
  severity: Severity;
  code: IssueCode;
  sheet?: string;
  /** The cells the line is about, in reading order; the first is where it leads. */
  cells: string[];
  /** How many issues the line stands for (1, or the repeats it gathers). */
  count: number;
  message: string;
}

function byPosition(a: string, b: string): number {
  const [rowA, colA] = cellPosition(a);
  const [rowB, colB] = cellPosition(b);
  return rowA - rowB || colA - colB;
}

/**
 * The issues, each repeated warning or info of a grouped code gathered into the line of its first
 * occurrence (per sheet and severity, from two repeats on); errors always stand alone. The order
 * of first occurrences is kept.
 */
export function issueLines(issues: readonly Issue[], lang: Lang): IssueLine[] {
  const repeats = new Map<string, Issue[]>();
  const keyOf = (found: Issue) =>
    found.severity !== 'error' &&
    found.sheet !== undefined &&
    found.cell !== undefined &&
    isGroupedCode(found.code)
      ? `${found.severity}\u0000${found.sheet}\u0000${found.code}`
      : null;
  for (const found of issues) {
    const key = keyOf(found);
    if (key === null) continue;
    const list = repeats.get(key);
    if (list) list.push(found);
    else repeats.set(key, [found]);
  }
  const lines: IssueLine[] = [];
  const done = new Set<string>();
  for (const found of issues) {
    const key = keyOf(found);
    const group = key === null ? undefined : repeats.get(key);
    if (key !== null && group && group.length > 1 && isGroupedCode(found.code)) {
      if (done.has(key)) continue;
      done.add(key);
      const cells = [...new Set(group.map((i) => i.cell as string))].sort(byPosition);
      lines.push({
        severity: found.severity,
        code: found.code,
        sheet: found.sheet,
        cells,
        count: group.length,
        message: renderGroup(found.code, cells, lang),
      });
      continue;
    }
    const line: IssueLine = {
      severity: found.severity,
      code: found.code,
      cells: found.cell !== undefined ? [found.cell] : [],
      count: 1,
      message: renderIssue(found, lang),
    };
    if (found.sheet !== undefined) line.sheet = found.sheet;
    lines.push(line);
  }
  return lines;
}

/**
 * Errors first, then warnings, then infos; within a severity the workbook's own issues, then each
 * sheet in `sheetOrder` (the workbook's order; others after), then by row and column. Stable.
 */
export function inReadingOrder(lines: readonly IssueLine[], sheetOrder: readonly string[]): IssueLine[] {
  const sheetRank = (sheet: string | undefined) => {
    if (sheet === undefined) return -1;
    const index = sheetOrder.indexOf(sheet);
    return index < 0 ? sheetOrder.length : index;
  };
  return [...lines].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      sheetRank(a.sheet) - sheetRank(b.sheet) ||
      byPosition(a.cells[0] ?? '', b.cells[0] ?? ''),
  );
}
