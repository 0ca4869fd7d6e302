import type { Issue, IssueParams } from '../issues.js';
import { en } from './en.js';
import { fr } from './fr.js';

export type Lang = 'fr' | 'en';
export type Message = (params: IssueParams) => string;
export type IssueCode = keyof typeof fr;

const tables: Record<Lang, Record<IssueCode, Message>> = { fr, en };

/** Longest parameter a message quotes: a 10 000-character cell is cut, so a message stays a message. */
export const MAX_PARAM_LENGTH = 500;

function shortParams(params: IssueParams): IssueParams {
  let result = params;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string' || value.length <= MAX_PARAM_LENGTH) continue;
    if (result === params) result = { ...params };
    result[key] = `${value.slice(0, MAX_PARAM_LENGTH - 1)}…`;
  }
  return result;
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

export function message(code: IssueCode, params: IssueParams = {}, lang: Lang = 'fr'): string {
  const text = tables[lang][code](shortParams(params));
  return lang === 'fr' ? frenchSpacing(text) : text;
}

/** « Projets!F7 : message » — the place first, so staff can find the cell. */
export function renderIssue(issue: Issue, lang: Lang = 'fr'): string {
  return message(issue.code, issue.params ?? {}, lang);
}

export function isIssueCode(code: string): code is IssueCode {
  return Object.hasOwn(fr, code);
}
