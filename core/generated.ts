import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './cells.js';
import { type Issue, issue } from './issues.js';
import type { Block } from './plan.js';
import { headerKey } from './values/text.js';

/** Written in A2 of every sheet the tool generates: how the tool (and staff) recognize them. */
export const GENERATED_MARK_FR =
  'Feuille produite par l’outil Alliance : elle est remplacée à chaque génération.';
/** The Journal is kept, not replaced: its mark says so (and holds the same key that recognizes it). */
export const JOURNAL_MARK_FR =
  'Feuille produite par l’outil Alliance : chaque opération s’ajoute à la fin ; ne pas la modifier ni la trier.';
const GENERATED_MARK_KEY = 'produite par l’outil alliance';

/** A generated sheet's cell showing the tool's own figure: its source holds text no formula may read. */
export const TOOL_FIGURE_FILL = '#E7E6E6';

/**
 * Whether a live formula of a generated sheet reads a staff cell right: blank (0 or ""), a number,
 * or for a date a real date. Text is never read (a locale would read it its own way).
 */
export function formulaReads(value: CellValue, kind: 'amount' | 'date'): boolean {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return kind === 'date' && value instanceof Date;
}

/** Rows of column A that may hold the mark: what a host reads of a sheet an action does not need. */
export const MARK_ROWS = 3;

/** A sheet is ours when its mark sits in column A of its first three rows. */
export function isGeneratedSheet(sheet: SheetSnapshot): boolean {
  for (const row of sheet.values.slice(0, MARK_ROWS)) {
    const first = row[0];
    if (typeof first === 'string' && headerKey(first).includes(headerKey(GENERATED_MARK_KEY))) return true;
  }
  return false;
}

/**
 * The name to write a generated sheet under: `base` itself when it is free or already ours,
 * otherwise `base (2)`, `base (3)`… — a staff sheet with the same name is never overwritten.
 */
export function generatedSheetName(snapshot: WorkbookSnapshot, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    const existing = snapshot.sheets.find((s) => headerKey(s.name) === headerKey(name));
    if (!existing || isGeneratedSheet(existing)) return name;
  }
}

/** A generated sheet's name, and the notice that says so when a staff sheet already holds `base`. */
export function generatedSheetPlace(
  snapshot: WorkbookSnapshot,
  base: string,
): { name: string; issues: Issue[] } {
  const name = generatedSheetName(snapshot, base);
  return {
    name,
    issues: name === base ? [] : [issue('action.renamedSheet', 'info', {}, { base, sheet: name })],
  };
}

/** Whether `name` may be one `generatedSheetName(…, base)` gives: `base`, `base (2)`, `base (3)`… */
export function isGeneratedSheetName(name: string, base: string): boolean {
  const key = headerKey(name);
  const baseKey = headerKey(base);
  return key === baseKey || key.startsWith(`${baseKey} (`);
}

/** Rows 1-2 of a generated sheet: its title, then the mark (with the time it was produced). */
export function generatedTitleBlock(title: string, producedAt: string, mark = GENERATED_MARK_FR): Block {
  return {
    row: 0,
    col: 0,
    values: [[title], [`${mark} (${producedAt})`]],
    bold: true,
  };
}
