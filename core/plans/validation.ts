/**
 * The Validation sheet (one row per issue, with a link to its cell) and the marks on staff cells
 * (a fill and a note on each cell with an error or a warning). Validation never changes a value.
 *
 * Marks are undone exactly on the next validation, with nothing stored outside the workbook:
 * - our note starts with « Alliance : »; a note staff had written on the cell is kept inside ours,
 *   after ORIGINAL_NOTE_SEPARATORS, and comes back alone once the cell is clean;
 * - the cell's fill before we marked it sits in a hidden column of the Validation sheet
 *   (`#RRGGBB`, `aucun` for none, empty when the host could not read fills), read back next time.
 * So validating twice gives the same marks, and a fixed cell gets back its own fill and note.
 * A snapshot without `notes` means « no note » (hosts leave them out when a sheet has none, or when
 * they cannot read them): our note is written, and cleared once the cell is clean. A fill we could
 * not read is restored as none.
 */
import { columnLetters, parseCellAddress } from '../a1.js';
import type { Analysis } from '../analysis.js';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../cells.js';
import { generatedSheetName, generatedTitleBlock, isGeneratedSheet } from '../generated.js';
import { inReadingOrder, issueLines } from '../issue-lines.js';
import { SEVERITY_RANK, type Severity } from '../issues.js';
import { type Lang, renderIssue, SHEET_TEXTS } from '../messages/index.js';
import type { Block, CellMark, SheetPlan } from '../plan.js';
import { areaAddress, pageSetup, wrappedRowHeights } from '../print.js';
import { headerKey } from '../values/text.js';
import { journalTimestamp } from './journal.js';

export const VALIDATION_SHEET = 'Validation';
export const ERROR_FILL = '#F8D7DA';
export const WARNING_FILL = '#FFF3CD';
export const NOTE_PREFIX = 'Alliance : ';
/** Between our messages and the note staff had written; both languages are recognized. */
export const ORIGINAL_NOTE_SEPARATORS: Record<Lang, string> = {
  fr: '\n\n— Note d’origine —\n',
  en: '\n\n— Original note —\n',
};
/**
 * Columns of the issues table (Gravité, Feuille, Cellule, Message, Code) and of the hidden
 * bookkeeping table beside it (Feuille, Cellule, Remplissage d’origine), which prints not.
 */
const MESSAGE_COL = 3;
const BOOK_COL = 5;
/** 0-based row of the counters (rows 1-2 hold the title block); the two tables follow. */
const COUNTS_ROW = 3;
const TEXTS = [SHEET_TEXTS.fr.validation, SHEET_TEXTS.en.validation];

/** The fill of a table's header row: the Validation sheet's, and the template's staff sheets'. */
export const HEADER_FILL = '#E9ECEF';
const OUR_FILLS = new Set([ERROR_FILL, WARNING_FILL]);

/** `#'Projets'!F7`: quoted always, which both Excel and Sheets accept. */
export function cellLink(sheet: string, cell: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

function isOurNote(note: string | null | undefined): note is string {
  return typeof note === 'string' && note.startsWith(NOTE_PREFIX);
}

/** The note staff had written, kept inside ours; null when there was none. */
export function originalNoteOf(ourNote: string): string | null {
  for (const separator of Object.values(ORIGINAL_NOTE_SEPARATORS)) {
    const at = ourNote.indexOf(separator);
    if (at >= 0) return ourNote.slice(at + separator.length);
  }
  return null;
}

function normalFill(fill: string | null | undefined): string | null | undefined {
  if (fill === undefined) return undefined;
  if (fill === null) return null;
  return fill.trim().toUpperCase();
}

/** Whether a header cell says `label` in one of the languages. */
function isHeader(value: unknown, labels: (t: (typeof TEXTS)[number]) => string): boolean {
  return typeof value === 'string' && TEXTS.some((t) => headerKey(labels(t)) === headerKey(value));
}

/**
 * Original fills recorded by the previous validation, by `sheet!cell`: `#RRGGBB`, null (none) or
 * undefined (unknown). The bookkeeping table is found by its headers: « Remplissage d’origine »,
 * with the nearest « Cellule » and « Feuille » on its left (this version's hidden table, or an
 * earlier version's single table, where they were the issue's own columns).
 */
function previousOriginalFills(sheet: SheetSnapshot | undefined): Map<string, string | null | undefined> {
  const fills = new Map<string, string | null | undefined>();
  if (!sheet || !isGeneratedSheet(sheet)) return fills;
  let headerRow = -1;
  let fillCol = -1;
  for (let r = 0; r < sheet.values.length && headerRow < 0; r++) {
    const col = (sheet.values[r] ?? []).findIndex((v) => isHeader(v, (t) => t.bookkeeping[2]));
    if (col >= 0) [headerRow, fillCol] = [r, col];
  }
  if (headerRow < 0) return fills;
  const header = sheet.values[headerRow];
  const leftOf = (col: number, labels: (t: (typeof TEXTS)[number]) => string) => {
    for (let c = col - 1; c >= 0; c--) if (isHeader(header[c], labels)) return c;
    return -1;
  };
  const cellCol = leftOf(fillCol, (t) => t.bookkeeping[1]);
  const sheetCol = leftOf(cellCol, (t) => t.bookkeeping[0]);
  if (cellCol < 0 || sheetCol < 0) return fills;
  // The earlier single table kept the issue's severity in column A of the same row.
  const sharesIssueRow = sheetCol === 1;
  const noFill = new Set(TEXTS.map((t) => t.noFill));
  const infoLabels = new Set(TEXTS.map((t) => headerKey(t.severity.info)));
  for (let row = headerRow + 1; row < sheet.values.length; row++) {
    const cells = sheet.values[row] ?? [];
    const [name, cell, recorded] = [cells[sheetCol], cells[cellCol], cells[fillCol]];
    if (typeof name !== 'string' || typeof cell !== 'string' || name === '' || cell === '') continue;
    // Info rows were never marked: « restoring » them would clear a staff fill or note the host cannot read.
    if (sharesIssueRow && infoLabels.has(headerKey(String(cells[0] ?? '')))) continue;
    const key = `${name}!${cell}`;
    if (typeof recorded === 'string' && /^#[0-9a-f]{6}$/i.test(recorded.trim())) {
      fills.set(key, recorded.trim().toUpperCase());
    } else if (typeof recorded === 'string' && /^(theme:\d+:-?[\d.]+|indexed:\d+)$/i.test(recorded.trim())) {
      // A palette colour as the host that read it spells it (Excel files: theme or indexed colours).
      fills.set(key, recorded.trim().toLowerCase());
    } else if (typeof recorded === 'string' && noFill.has(recorded.trim())) {
      fills.set(key, null);
    } else if (!fills.has(key)) {
      fills.set(key, undefined);
    }
  }
  return fills;
}

interface CellState {
  row: number;
  col: number;
  note: string | null | undefined;
  fill: string | null | undefined;
}

function cellState(sheet: SheetSnapshot, cell: string): CellState | null {
  let position: { row: number; col: number };
  try {
    position = parseCellAddress(cell);
  } catch {
    return null;
  }
  const { row, col } = position;
  const note = sheet.notes ? (sheet.notes[row]?.[col] ?? null) : undefined;
  const fill = sheet.fills ? normalFill(sheet.fills[row]?.[col] ?? null) : undefined;
  return { row, col, note, fill };
}

export function validationPlan(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  options: { lang: Lang; now: Date },
): SheetPlan[] {
  const name = generatedSheetName(snapshot, VALIDATION_SHEET);
  const previous = previousOriginalFills(snapshot.sheets.find((s) => s.name === name));
  // A sheet the host read in part is outside the workbook contract (core/reads.ts): never marked.
  const staffSheets = new Map(
    snapshot.sheets
      .filter((s) => !isGeneratedSheet(s) && !s.partial)
      .map((sheet) => [sheet.name, sheet] as const),
  );

  // What to mark now: per staff sheet and cell, the worst severity and every message.
  const wanted = new Map<string, Map<string, { severity: Severity; messages: string[] }>>();
  for (const found of analysis.issues) {
    if (found.severity === 'info' || found.sheet === undefined || found.cell === undefined) continue;
    if (!staffSheets.has(found.sheet)) continue;
    let cells = wanted.get(found.sheet);
    if (!cells) {
      cells = new Map();
      wanted.set(found.sheet, cells);
    }
    const entry = cells.get(found.cell);
    const rendered = renderIssue(found, options.lang);
    if (!entry) {
      cells.set(found.cell, { severity: found.severity, messages: [rendered] });
    } else {
      if (SEVERITY_RANK[found.severity] < SEVERITY_RANK[entry.severity]) entry.severity = found.severity;
      if (!entry.messages.includes(rendered)) entry.messages.push(rendered);
    }
  }

  // Cells marked last time: recorded in the previous Validation sheet, or carrying our note.
  const marked = new Map<string, Set<string>>();
  const remember = (sheet: string, cell: string) => {
    let cells = marked.get(sheet);
    if (!cells) {
      cells = new Set();
      marked.set(sheet, cells);
    }
    cells.add(cell);
  };
  for (const key of previous.keys()) {
    const bang = key.lastIndexOf('!');
    remember(key.slice(0, bang), key.slice(bang + 1));
  }
  for (const sheet of staffSheets.values()) {
    sheet.notes?.forEach((row, r) => {
      row?.forEach((note, c) => {
        if (isOurNote(note)) remember(sheet.name, `${columnLetters(c)}${r + 1}`);
      });
    });
  }

  /** Original fill recorded for each cell marked now, for the hidden column. */
  const originalFills = new Map<string, string>();
  const plans: SheetPlan[] = [];
  for (const [sheetName, sheet] of staffSheets) {
    const now = wanted.get(sheetName) ?? new Map();
    const before = marked.get(sheetName) ?? new Set<string>();
    if (now.size === 0 && before.size === 0) continue;
    const marks: (CellMark & { row: number; col: number })[] = [];
    for (const cell of new Set([...now.keys(), ...before])) {
      const state = cellState(sheet, cell);
      if (state === null) continue;
      const key = `${sheetName}!${cell}`;
      const wasOurs = isOurNote(state.note) || previous.has(key);
      const staffNote = isOurNote(state.note) ? originalNoteOf(state.note) : state.note;
      let originalFill: string | null | undefined;
      if (previous.has(key) && previous.get(key) !== undefined) originalFill = previous.get(key);
      else if (wasOurs && state.fill !== undefined && state.fill !== null && OUR_FILLS.has(state.fill)) {
        originalFill = undefined;
      } else originalFill = state.fill;

      const mark = now.get(cell);
      if (mark) {
        const ours = `${NOTE_PREFIX}${mark.messages.join('\n')}`;
        marks.push({
          row: state.row,
          col: state.col,
          cell,
          fill: mark.severity === 'error' ? ERROR_FILL : WARNING_FILL,
          note: staffNote ? `${ours}${ORIGINAL_NOTE_SEPARATORS[options.lang]}${staffNote}` : ours,
        });
        originalFills.set(
          key,
          originalFill === undefined
            ? ''
            : originalFill === null
              ? SHEET_TEXTS[options.lang].validation.noFill
              : originalFill,
        );
      } else {
        // Clean now: give the cell back what it had. A note staff rewrote without our prefix stays theirs.
        const restore: CellMark & { row: number; col: number } = {
          row: state.row,
          col: state.col,
          cell,
          fill: originalFill ?? null,
        };
        if (isOurNote(state.note) || state.note === undefined) restore.note = staffNote ?? null;
        marks.push(restore);
      }
    }
    if (marks.length === 0) continue;
    marks.sort((a, b) => a.row - b.row || a.col - b.col);
    plans.push({
      sheet: sheetName,
      mode: 'edit',
      blocks: [],
      marks: marks.map(({ row: _row, col: _col, ...mark }) => mark),
    });
  }

  return [validationSheetPlan(name, analysis, snapshot, originalFills, options), ...plans];
}

function validationSheetPlan(
  name: string,
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  originalFills: ReadonlyMap<string, string>,
  options: { lang: Lang; now: Date },
): SheetPlan {
  const text = SHEET_TEXTS[options.lang].validation;
  const yesNo = SHEET_TEXTS[options.lang].yesNo;
  const issues = analysis.issues;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const found of issues) counts[found.severity]++;
  const blocks: Block[] = [
    generatedTitleBlock(text.title, journalTimestamp(options.now)),
    { row: COUNTS_ROW, col: 0, values: [[...text.counts]], bold: true },
    { row: COUNTS_ROW + 1, col: 0, values: [[counts.error, counts.warning, counts.info]], align: 'left' },
  ];

  // Each project's eligibility, as `alliance validate` prints it.
  const projects = analysis.projects.map((project) => {
    const eligibility = analysis.eligibility.get(project.id);
    const reasons = (eligibility?.reasons ?? []).map((r) => renderIssue(r, options.lang)).join('; ');
    return [project.id, project.title, eligibility?.eligible ? yesNo.yes : yesNo.no, reasons];
  });
  const eligible = projects.filter((p) => p[2] === yesNo.yes).length;
  let row = COUNTS_ROW + 3;
  blocks.push({ row, col: 0, values: [[text.eligibleTitle(eligible, projects.length)]], bold: true });
  blocks.push(headerBlock(row + 1, text.eligibilityHeaders));
  if (projects.length > 0) blocks.push({ row: row + 2, col: 0, values: projects, wrap: true });
  row += 2 + projects.length + 1;

  // Problems: errors first (severity, sheet, row), a kind of warning repeated in a sheet said once.
  const lines = inReadingOrder(
    issueLines(issues, options.lang),
    snapshot.sheets.map((s) => s.name),
  );
  blocks.push({ row, col: 0, values: [[text.issuesTitle]], bold: true });
  const headerRow = row + 1;
  blocks.push(headerBlock(headerRow, text.headers));
  const rows: CellValue[][] = lines.map((line) => [
    text.severity[line.severity],
    line.sheet ?? '',
    line.cells[0] ?? '',
    line.message,
    line.code,
  ]);
  const links = lines.map((line) => [
    null,
    null,
    line.sheet !== undefined && line.cells[0] !== undefined ? cellLink(line.sheet, line.cells[0]) : null,
    null,
    null,
  ]);
  if (rows.length === 0) {
    rows.push(['', '', '', text.none, '']);
    links.push([null, null, null, null, null]);
  }
  blocks.push({ row: headerRow + 1, col: 0, values: rows, links, wrap: true });

  // The fill each marked cell had: read back by the next validation, hidden, not printed.
  blocks.push({ row: headerRow, col: BOOK_COL, values: [[...text.bookkeeping]], bold: true });
  const recorded = [...originalFills].map(([key, fill]) => {
    const bang = key.lastIndexOf('!');
    return [key.slice(0, bang), key.slice(bang + 1), fill];
  });
  if (recorded.length > 0) blocks.push({ row: headerRow + 1, col: BOOK_COL, values: recorded });

  const lastRow = headerRow + rows.length;
  const columnWidths = [14, 40, 11, 70, 26, 12, 10, 14].map((width, col) => ({ col, width }));
  return {
    sheet: name,
    mode: 'replace',
    blocks,
    columnWidths,
    rowHeights: wrappedRowHeights(blocks, columnWidths),
    // Two tables one above the other: nothing to freeze (and a sheet an earlier version froze thaws).
    frozenRows: 0,
    hiddenColumns: [BOOK_COL, BOOK_COL + 1, BOOK_COL + 2],
    pageSetup: pageSetup({
      lang: options.lang,
      now: options.now,
      program: analysis.settings.programName,
      orientation: 'landscape',
      titleRows: { first: headerRow, last: headerRow },
      // Codes are for the JSON and the screen: the print stops at the message.
      printArea: areaAddress(lastRow, MESSAGE_COL),
    }),
  };
}

function headerBlock(row: number, headers: readonly string[], col = 0): Block {
  return { row, col, values: [[...headers]], bold: true, fill: HEADER_FILL, wrap: true };
}
