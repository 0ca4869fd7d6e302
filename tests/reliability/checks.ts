/**
 * Checks shared by the reliability tests: issues at real cells, messages fit to show. They return
 * the problems found (plain strings) instead of asserting cell by cell, which keeps thousands of
 * generated workbooks fast; the tests assert that the list is empty.
 */
import type { WorkbookSnapshot } from '../../core/cells.js';
import type { Issue } from '../../core/issues.js';
import { type Lang, renderIssue } from '../../core/messages/index.js';

/** What a broken message template leaves behind. */
const BROKEN_TEXT = /undefined|NaN|Infinity|\[object Object\]|\bnull\b/;

/** Why a message is not fit for staff (empty, or leaking `undefined`, `NaN`…), or null when it is. */
export function unreadable(text: unknown): string | null {
  if (typeof text !== 'string') return `not text: ${String(text)}`;
  if (text.trim() === '') return 'empty message';
  if (BROKEN_TEXT.test(text)) return `broken message: ${text}`;
  return null;
}

/** Texts that leak a broken template (blank texts are allowed: they may be copied staff cells). */
export function leakingTexts(texts: readonly string[]): string[] {
  return texts.filter((t) => t.trim() !== '' && BROKEN_TEXT.test(t));
}

function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

/**
 * Problems with issues: a cell without a sheet, a sheet that does not exist, an address that is not
 * A1 or lies outside the sheet's grid, a message that does not render in French and English.
 */
export function misplacedIssues(issues: readonly Issue[], workbook: WorkbookSnapshot): string[] {
  const problems: string[] = [];
  const sizes = new Map<string, { rows: number; cols: number }>();
  for (const sheet of workbook.sheets) {
    if (sizes.has(sheet.name)) continue;
    let cols = 0;
    for (const row of sheet.values) if (row.length > cols) cols = row.length;
    sizes.set(sheet.name, { rows: sheet.values.length, cols });
  }
  for (const found of issues) {
    const label = `${found.code} at ${found.sheet ?? '(workbook)'}!${found.cell ?? ''}`;
    for (const lang of ['fr', 'en'] as Lang[]) {
      let problem: string | null;
      try {
        problem = unreadable(renderIssue(found, lang));
      } catch (error) {
        problem = `render threw ${String(error)}`;
      }
      if (problem) problems.push(`${label} (${lang}): ${problem}`);
    }
    if (found.cell === undefined) continue;
    if (found.sheet === undefined) {
      problems.push(`${label}: a cell without a sheet`);
      continue;
    }
    const size = sizes.get(found.sheet);
    if (!size) {
      problems.push(`${label}: no sheet of that name`);
      continue;
    }
    const match = /^([A-Z]{1,3})([1-9]\d*)$/.exec(found.cell);
    if (!match) {
      problems.push(`${label}: not an A1 address`);
      continue;
    }
    const row = Number(match[2]);
    const col = columnNumber(match[1]);
    if (row > size.rows || col > size.cols) {
      problems.push(`${label}: outside the sheet's ${size.rows}×${size.cols} grid`);
    }
  }
  return problems;
}
