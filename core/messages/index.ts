import type { Issue, IssueParams } from '../issues.js';
import { en } from './en.js';
import { fr } from './fr.js';

export type Lang = 'fr' | 'en';
export type Message = (params: IssueParams) => string;
export type IssueCode = keyof typeof fr;

const tables: Record<Lang, Record<IssueCode, Message>> = { fr, en };

export function message(code: IssueCode, params: IssueParams = {}, lang: Lang = 'fr'): string {
  return tables[lang][code](params);
}

/** « Projets!F7 : message » — the place first, so staff can find the cell. */
export function renderIssue(issue: Issue, lang: Lang = 'fr'): string {
  return message(issue.code, issue.params ?? {}, lang);
}

export function isIssueCode(code: string): code is IssueCode {
  return Object.hasOwn(fr, code);
}
