import type { IssueCode, IssueParams, IssueTexts, ParamsOf } from './codes.js';
import { en, enGroups, enSheets } from './en.js';
import { FORMATS, type Lang } from './format.js';
import { fr, frGroups, frSheets } from './fr.js';
import { GROUPED_CODES, type GroupedCode, type GroupTexts } from './groups.js';
import type { SheetTexts } from './texts.js';

export type { IssueCode, IssueParams, ParamsOf } from './codes.js';
export { FORMATS, type Formats, type Lang } from './format.js';
export type { GroupedCode } from './groups.js';

const tables: Record<Lang, IssueTexts> = { fr, en };
const groups: Record<Lang, GroupTexts> = { fr: frGroups, en: enGroups };
const GROUPED = new Set<string>(GROUPED_CODES);

/** Whether the repeats of `code` in one sheet are said in one line. */
export function isGroupedCode(code: IssueCode): code is GroupedCode {
  return GROUPED.has(code);
}

/** Cells a grouped line names before « … »: the rest are a click (or a row of the sheet) away. */
export const MAX_GROUP_CELLS = 20;

/** « 14 montants saisis comme texte : Reformater les convertira — C5, D5, … ». */
export function renderGroup(code: GroupedCode, cells: readonly string[], lang: Lang = 'fr'): string {
  const shown = FORMATS[lang].list(cells.slice(0, MAX_GROUP_CELLS));
  const text = groups[lang][code]({
    count: cells.length,
    cells: cells.length > MAX_GROUP_CELLS ? `${shown}, …` : shown,
  });
  return lang === 'fr' ? frenchSpacing(text) : text;
}

/** Titles and labels of the generated sheets. */
export const SHEET_TEXTS: Record<Lang, SheetTexts> = { fr: frSheets, en: enSheets };

/** A code the tables know: checks data that crossed a bridge (the panel, a JSON file). */
export function isIssueCode(code: string): code is IssueCode {
  return Object.hasOwn(fr, code);
}

/** Longest parameter a message quotes: a 10 000-character cell is cut, so a message stays a message. */
export const MAX_PARAM_LENGTH = 500;

function shortParams(params: IssueParams): IssueParams {
  let result: Record<string, IssueParams[string]> | undefined;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string' || value.length <= MAX_PARAM_LENGTH) continue;
    result ??= { ...params };
    result[key] = `${value.slice(0, MAX_PARAM_LENGTH - 1)}…`;
  }
  return result ?? params;
}

/**
 * French typography, applied once here rather than in every entry: a no-break space inside « »
 * and before « : ; ? ! », so a narrow task pane never breaks a line between a quote and its text.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/« +/g, '«\u00a0')
    .replace(/ +»/g, '\u00a0»')
    .replace(/ +([:;?!])(?=\s|$)/g, '\u00a0$1');
}

/** The sentence for one code; its parameters are checked against the code's declaration at compile time. */
export function message<C extends IssueCode>(code: C, params: ParamsOf<C>, lang: Lang = 'fr'): string {
  return renderIssue({ code, params }, lang);
}

/**
 * The sentence for a code whose parameters travelled as data (an `Issue`, a reason). The one place
 * a table entry meets untyped parameters: they were typed where the issue was made.
 */
export function renderIssue(found: { code: IssueCode; params?: IssueParams }, lang: Lang = 'fr'): string {
  const build = tables[lang][found.code] as (params: IssueParams) => string;
  const text = build(shortParams(found.params ?? {}));
  return lang === 'fr' ? frenchSpacing(text) : text;
}
