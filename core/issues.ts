import type { IssueCode } from './messages/index.js';

export type Severity = 'error' | 'warning' | 'info';

export type IssueParams = Record<string, string | number | undefined>;

/** A problem as data: rendered into French or English by `messages/`. Throw only for programming errors. */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** Sheet name as the user sees it, e.g. `Projets`. */
  sheet?: string;
  /** A1 address inside `sheet`, e.g. `F7`. */
  cell?: string;
  params?: IssueParams;
}

export function issue(
  code: IssueCode,
  severity: Severity,
  where: { sheet?: string; cell?: string } = {},
  params?: IssueParams,
): Issue {
  const result: Issue = { code, severity };
  if (where.sheet !== undefined) result.sheet = where.sheet;
  if (where.cell !== undefined) result.cell = where.cell;
  if (params !== undefined) result.params = params;
  return result;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareIssues(a: Issue, b: Issue): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}
