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
import type { Issue, Severity } from '../issues.js';
import { type Lang, renderIssue } from '../messages/index.js';
import type { Block, CellMark, SheetPlan } from '../plan.js';
import { areaAddress, pageSetup } from '../print.js';
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
/** Written in the hidden column for « this cell had no fill ». */
const NO_FILL: Record<Lang, string> = { fr: 'aucun', en: 'none' };

const TEXT = {
  fr: {
    title: 'Validation du classeur',
    counts: ['Erreurs', 'Avertissements', 'Infos'],
    headers: ['Gravité', 'Feuille', 'Cellule', 'Code', 'Message', 'Remplissage d’origine'],
    severity: { error: 'Erreur', warning: 'Avertissement', info: 'Info' },
    none: 'Aucun problème trouvé.',
  },
  en: {
    title: 'Workbook validation',
    counts: ['Errors', 'Warnings', 'Info'],
    headers: ['Severity', 'Sheet', 'Cell', 'Code', 'Message', 'Original fill'],
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    none: 'No problem found.',
  },
} as const;

/** 0-based rows of the sheet's parts: title block, counts, then the table. */
const COUNTS_ROW = 3;
const TABLE_HEADER_ROW = 6;
const SHEET_COL = 1;
const CELL_COL = 2;
const ORIGINAL_FILL_COL = 5;

const HEADER_FILL = '#E9ECEF';
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

/** Original fills recorded by the previous validation, by `sheet!cell`: `#RRGGBB`, null (none) or undefined (unknown). */
function previousOriginalFills(sheet: SheetSnapshot | undefined): Map<string, string | null | undefined> {
  const fills = new Map<string, string | null | undefined>();
  if (!sheet || !isGeneratedSheet(sheet)) return fills;
  const headerRow = sheet.values.findIndex((row, index) => {
    if (index > 20 || !row) return false;
    const sheetHeader = row[SHEET_COL];
    const fillHeader = row[ORIGINAL_FILL_COL];
    return (
      typeof sheetHeader === 'string' &&
      typeof fillHeader === 'string' &&
      [TEXT.fr.headers[SHEET_COL], TEXT.en.headers[SHEET_COL]].some(
        (h) => headerKey(h) === headerKey(sheetHeader),
      ) &&
      [TEXT.fr.headers[ORIGINAL_FILL_COL], TEXT.en.headers[ORIGINAL_FILL_COL]].some(
        (h) => headerKey(h) === headerKey(fillHeader),
      )
    );
  });
  if (headerRow < 0) return fills;
  const noFill = new Set(Object.values(NO_FILL));
  const infoLabels = new Set([TEXT.fr.severity.info, TEXT.en.severity.info].map(headerKey));
  for (let row = headerRow + 1; row < sheet.values.length; row++) {
    const cells = sheet.values[row] ?? [];
    const [name, cell, recorded] = [cells[SHEET_COL], cells[CELL_COL], cells[ORIGINAL_FILL_COL]];
    if (typeof name !== 'string' || typeof cell !== 'string' || name === '' || cell === '') continue;
    // Info rows were never marked: « restoring » them would clear a staff fill or note the host cannot read.
    if (infoLabels.has(headerKey(String(cells[0] ?? '')))) continue;
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

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function validationPlan(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  options: { lang: Lang; now: Date },
): SheetPlan[] {
  const name = generatedSheetName(snapshot, VALIDATION_SHEET);
  const previous = previousOriginalFills(snapshot.sheets.find((s) => s.name === name));
  const staffSheets = new Map(
    snapshot.sheets.filter((s) => !isGeneratedSheet(s)).map((sheet) => [sheet.name, sheet] as const),
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
          originalFill === undefined ? '' : originalFill === null ? NO_FILL[options.lang] : originalFill,
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

  return [
    validationSheetPlan(name, analysis.issues, originalFills, {
      ...options,
      program: analysis.settings.programName,
    }),
    ...plans,
  ];
}

function validationSheetPlan(
  name: string,
  issues: readonly Issue[],
  originalFills: ReadonlyMap<string, string>,
  options: { lang: Lang; now: Date; program: string },
): SheetPlan {
  const text = TEXT[options.lang];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const found of issues) counts[found.severity]++;
  const rows: CellValue[][] = [];
  const links: (string | null)[][] = [];
  for (const found of issues) {
    const where =
      found.sheet !== undefined && found.cell !== undefined ? `${found.sheet}!${found.cell}` : null;
    rows.push([
      text.severity[found.severity],
      found.sheet ?? '',
      found.cell ?? '',
      found.code,
      renderIssue(found, options.lang),
      where === null ? '' : (originalFills.get(where) ?? ''),
    ]);
    links.push([
      null,
      null,
      found.sheet !== undefined && found.cell !== undefined ? cellLink(found.sheet, found.cell) : null,
      null,
      null,
      null,
    ]);
  }
  if (rows.length === 0) {
    rows.push(['', '', '', '', text.none, '']);
    links.push([null, null, null, null, null, null]);
  }
  const blocks: Block[] = [
    generatedTitleBlock(text.title, journalTimestamp(options.now)),
    { row: COUNTS_ROW, col: 0, values: [[...text.counts]], bold: true },
    { row: COUNTS_ROW + 1, col: 0, values: [[counts.error, counts.warning, counts.info]] },
    {
      row: TABLE_HEADER_ROW,
      col: 0,
      values: [[...text.headers]],
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
    },
    { row: TABLE_HEADER_ROW + 1, col: 0, values: rows, links },
  ];
  return {
    sheet: name,
    mode: 'replace',
    blocks,
    columnWidths: [
      { col: 0, width: 15 },
      { col: 1, width: 22 },
      { col: 2, width: 10 },
      { col: 3, width: 30 },
      { col: 4, width: 100 },
      { col: ORIGINAL_FILL_COL, width: 12 },
    ],
    frozenRows: TABLE_HEADER_ROW + 1,
    hiddenColumns: [ORIGINAL_FILL_COL],
    // The hidden bookkeeping column stays out of the print.
    pageSetup: pageSetup({
      lang: options.lang,
      now: options.now,
      program: options.program,
      orientation: 'landscape',
      titleRows: { first: TABLE_HEADER_ROW, last: TABLE_HEADER_ROW },
      printArea: areaAddress(TABLE_HEADER_ROW + rows.length, ORIGINAL_FILL_COL - 1),
    }),
  };
}
