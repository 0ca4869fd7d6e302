import type { Coded, IssueCode, IssueParams, ParamsOf } from './messages/codes.js';

export type { IssueCode, IssueParams } from './messages/codes.js';

export type Severity = 'error' | 'warning' | 'info';

/** Errors first, then warnings, then infos. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A problem as data: rendered into French or English by `messages/`. Throw only for programming errors. */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** Sheet name as the user sees it, e.g. `Projets`. */
  sheet?: string;
  /** A1 address inside `sheet`, e.g. `F7`. */
  cell?: string;
  /** Raw values (cents, numbers, ISO dates, lists), typed by `code` in `messages/codes.ts`. */
  params?: IssueParams;
}

/** The parameters argument: required when the code declares any, optional when it declares none. */
export type ParamsArg<C extends IssueCode> =
  Record<string, never> extends ParamsOf<C> ? [params?: ParamsOf<C>] : [params: ParamsOf<C>];

export function issue<C extends IssueCode>(
  code: C,
  severity: Severity,
  where: { sheet?: string; cell?: string } = {},
  ...[params]: ParamsArg<C>
): Issue {
  const result: Issue = { code, severity };
  if (where.sheet !== undefined) result.sheet = where.sheet;
  if (where.cell !== undefined) result.cell = where.cell;
  if (params !== undefined) result.params = params;
  return result;
}

/** An issue from a code and parameters handed on together (a parser's verdict, a reformat note). */
export function issueFrom(
  coded: Coded,
  severity: Severity,
  where: { sheet?: string; cell?: string } = {},
): Issue {
  return issue(coded.code, severity, where, coded.params as ParamsOf<IssueCode>);
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
