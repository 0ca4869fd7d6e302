/**
 * The flow every command on an existing workbook shares (validate, reformat, summary, rank, undo):
 * read the file once, run the core action, settle where the result goes, print, ask before changing
 * cells, compare-and-set if the file was saved meanwhile, write the resolved plan to a new file
 * (or the input with `--in-place`). Each command file only says what differs.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { changesCells, commandWord, offersConversion } from '../core/action-table.js';
import { type ActionResult, runAction, summaryAfterWrite } from '../core/actions.js';
import type { Analysis } from '../core/analysis.js';
import type { WorkbookSnapshot } from '../core/cells.js';
import { hasErrors, type Issue } from '../core/issues.js';
import { type Lang, renderIssue } from '../core/messages/index.js';
import type { Plan } from '../core/plan.js';
import { type JsonReport, toJsonIssue, toJsonReport, toJsonSummary } from '../core/report.js';
import { optionalCells, resolvePlan, settlePlan } from '../core/writes.js';
import { type Command, type CommandContext, type Io, sizeOf, UsageError, write } from './command.js';
import type { CliText } from './messages.js';
import { applyResolved } from './xlsx/apply.js';
import { checkOutput } from './xlsx/in-place.js';
import { readWorkbook } from './xlsx/read.js';

/** A file bigger than this shows progress lines on a terminal (about 2 000 projects). */
const LARGE_FILE_BYTES = 1_000_000;

export interface FileCommandSpec {
  action: 'validate' | 'reformat' | 'summary' | 'rank' | 'followup' | 'undo';
  /** The default output beside the input: `budget.xlsx` → `budget.<suffix>.xlsx`. */
  outputSuffix: string;
  /** Writes a file only when asked with `-o` or `--in-place` (validate). */
  writesOnlyWhenAsked?: boolean;
  /** Lists every issue under its sheet; otherwise only counts them and points at validate. */
  listsIssues: boolean;
  /** Exit code 1 when the issues hold an error (validate). */
  failsOnErrors?: boolean;
  /** The lines after the issues: eligibility, ranking, budget table. */
  details?: (shown: Shown) => string[];
}

/** What a command's details read: the analysis, its JSON report, and the language's writing. */
export interface Shown {
  analysis: Analysis;
  /** Its projects and budget (the issues are listed above the details, each rendered once). */
  report: Omit<JsonReport, 'issues'>;
  text: CliText;
  lang: Lang;
  /** The report's amounts are dollars; each language writes them its way (`195 007 $`, `$195,007`). */
  dollars: (amount: number) => string;
}

export function fileCommand(spec: FileCommandSpec): Command {
  return { run: (context) => runOnFile(spec, context) };
}

async function runOnFile(spec: FileCommandSpec, context: CommandContext): Promise<number> {
  const { files, options, lang, text, now, io } = context;
  const { action } = spec;
  const input = files[0];
  if (!input) throw new UsageError(text.missingFile(commandWord(action)));

  const large = io.progress && (await sizeOf(input)) > (io.largeFileBytes ?? LARGE_FILE_BYTES);
  if (large) io.stderr(text.progressRead(input));
  const { workbook, snapshot, source } = await readWorkbook(input);
  if (large) io.stderr(text.progressRun);
  const writes = !spec.writesOnlyWhenAsked || options.output !== undefined || options['in-place'];
  // Only what is printed: validate without -o builds no Validation sheet.
  const result = runAction(action, snapshot, { lang, now, sheets: Boolean(writes) });

  // Where the result goes is settled before anything is printed, so a refusal never follows a success.
  const output = writes
    ? outputPath(input, spec.outputSuffix, options.output, options['in-place'] ?? false, text)
    : null;
  const inPlace = output !== null && resolve(output) === resolve(input);
  // Staff often go on working in a produced file: running again never replaces it silently.
  if (output !== null && !inPlace && !options.yes && (await sizeOf(output)) >= 0) {
    throw new UsageError(text.outputExists(output));
  }
  // Never the input under another name, never a file open in Excel or LibreOffice, nothing lost in place.
  const check = await checkOutput({ input, output, inPlace, source, text });
  for (const line of check.warnings) io.stderr(line);
  if (check.refusal !== null) throw new UsageError(check.refusal);

  if (options.json) {
    io.stdout(
      JSON.stringify(
        result.analysis
          ? toJsonReport(result.analysis, lang)
          : { issues: result.issues.map((i) => toJsonIssue(i, lang)) },
        null,
        2,
      ),
    );
  } else {
    // What a command writes is said once it is written: the sentence follows the write.
    printHuman(spec, result, snapshot, lang, text, io, output === null || !result.ok);
  }
  if (!result.ok) return 1;

  // validate writes only when asked (-o): the Validation sheet, fills and notes in a copy.
  if (output !== null) {
    let plan = result.plan;
    let target = { workbook, snapshot, source };
    let restoreChanged = options['restore-changed'] ?? false;
    const skipped: Issue[] = [];
    const offered = offersConversion(action) ? optionalCells(plan) : 0;
    if ((changesCells(action) && plan.changedCells > 0) || offered > 0) {
      const readAt = await modifiedAt(input);
      if (offered > 0) {
        restoreChanged = await conversionWanted(offered, options.yes ?? false, io, text);
      } else if (!(await confirmed(plan, options.yes ?? false, inPlace, io, text))) {
        io.stderr(text.cancelled);
        return 1;
      }
      // Compare-and-set: saved by someone while the question was open, the file is read again and
      // only the cells that still hold what was read are changed.
      if ((await modifiedAt(input)) !== readAt) {
        target = await readWorkbook(input);
        const settled = settlePlan(plan, target.snapshot, { restoreChanged });
        plan = settled.plan;
        skipped.push(...settled.issues);
      }
    }
    const { resolved, issues: refused } = resolvePlan(plan, target.snapshot, { restoreChanged });
    skipped.push(...refused);
    applyResolved(target.workbook, resolved);
    if (large) io.stderr(text.progressWrite(output));
    await write(target.workbook, output, target.source, resolved, text);
    if (!options.json) io.stdout(summaryAfterWrite(result, resolved.changedCells, lang));
    for (const found of skipped) io.stderr(`${found.sheet ?? ''}${issueLine(found, text, lang)}`);
    if (resolved.changedCells > 0 && (changesCells(action) || offersConversion(action))) {
      io.stderr(text.changed(resolved.changedCells));
    } else if (offered > 0 && !restoreChanged) {
      io.stderr(text.notConverted(offered));
    }
    io.stderr(text.written(output));
  }
  return spec.failsOnErrors && hasErrors(result.issues) ? 1 : 0;
}

/** `budget.xlsx` → `budget.sommaire.xlsx` beside it; `-o` wins; the input only with `--in-place`. */
function outputPath(
  input: string,
  suffix: string,
  option: string | undefined,
  inPlace: boolean,
  text: CliText,
) {
  if (inPlace) return input;
  if (option !== undefined) {
    if (resolve(option) === resolve(input)) throw new UsageError(text.sameAsInput);
    return option;
  }
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.${suffix}${ext || '.xlsx'}`);
}

async function confirmed(
  plan: Plan,
  yes: boolean,
  inPlace: boolean,
  io: Io,
  text: CliText,
): Promise<boolean> {
  if (yes) return true;
  if (!io.confirm) {
    // A new file is written: nothing is lost without a terminal. Overwriting the input needs --yes.
    if (inPlace) throw new UsageError(text.inPlaceNeedsYes);
    return true;
  }
  return io.confirm(text.confirm(plan.changedCells));
}

/** « Sommaire budgétaire »: convert its text sources first? Yes with --yes; no without a terminal. */
async function conversionWanted(cells: number, yes: boolean, io: Io, text: CliText): Promise<boolean> {
  if (yes) return true;
  if (!io.confirm) return false;
  return io.confirm(text.convertFirst(cells));
}

/** When the file was last written (ms), to tell whether someone saved it while we waited. */
async function modifiedAt(path: string): Promise<number> {
  return (await stat(path)).mtimeMs;
}

/** French (or English) report for people: issues grouped by sheet, then what the action produced. */
function printHuman(
  spec: FileCommandSpec,
  result: ActionResult,
  snapshot: WorkbookSnapshot,
  lang: Lang,
  text: CliText,
  io: Io,
  withSummary: boolean,
): void {
  const lines: string[] = withSummary ? [result.summary] : [];
  const all = result.issues;
  // A command that only counts the workbook's issues still lists its own (the Sommaire's shaded
  // figures): `validate` would not show them.
  const analysed = new Set<Issue>(result.analysis?.issues ?? []);
  const issues = spec.listsIssues ? all : all.filter((i) => !analysed.has(i));
  const counted = spec.listsIssues ? [] : all.filter((i) => analysed.has(i));
  const count = (s: string) => counted.filter((i) => i.severity === s).length;
  if (counted.length > 0) {
    lines.push(text.counts(count('error'), count('warning'), count('info')) + text.seeValidate);
  }
  if (issues.length > 0) {
    const order = snapshot.sheets.map((s) => s.name);
    const bySheet = new Map<string, Issue[]>();
    for (const i of issues) {
      const key = i.sheet ?? '';
      const list = bySheet.get(key);
      if (list) list.push(i);
      else bySheet.set(key, [i]);
    }
    const sheets = [...bySheet.keys()].sort((a, b) => sheetRank(a, order) - sheetRank(b, order));
    for (const sheet of sheets) {
      lines.push('', sheet === '' ? text.workbookLevel : sheet);
      for (const i of bySheet.get(sheet) ?? []) {
        lines.push(issueLine(i, text, lang));
      }
    }
  }
  if (result.analysis && spec.details) {
    const report = toJsonSummary(result.analysis, lang);
    const dollars = (amount: number) => text.money(Math.round(amount * 100));
    appendLines(lines, spec.details({ analysis: result.analysis, report, text, lang, dollars }));
  }
  while (lines[0] === '') lines.shift();
  if (lines.length > 0) io.stdout(lines.join('\n'));
}

/** `  F5     avertissement Municipalité non reconnue…` (the sheet heads its group). */
function issueLine(found: Issue, text: CliText, lang: Lang): string {
  const where = (found.cell ?? '').padEnd(6);
  return `  ${where} ${text.severity[found.severity].padEnd(13)} ${renderIssue(found, lang)}`;
}

function sheetRank(sheet: string, order: string[]): number {
  if (sheet === '') return -1;
  const index = order.indexOf(sheet);
  return index < 0 ? order.length : index;
}

/** A blank line, then `more`: a loop, since push(...more) of 100 000 lines overflows the call stack. */
function appendLines(lines: string[], more: readonly string[]): void {
  lines.push('');
  for (const line of more) lines.push(line);
}
