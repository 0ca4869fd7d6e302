/**
 * The `alliance` command (design.md « Command line »): read the workbook once, run one core action,
 * apply its plan, write a new file. Exit 0 without errors, 1 with errors (validate), 2 when the
 * file cannot be read or the command is malformed: always one clear line, never a stack trace.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { runAction } from '../core/actions.js';
import type { WorkbookSnapshot } from '../core/cells.js';
import { hasErrors, type Issue } from '../core/issues.js';
import { type Lang, renderIssue } from '../core/messages/index.js';
import { ACTIONS, type ActionName, CHANGING_ACTIONS, type Plan } from '../core/plan.js';
import { type JsonReport, toJsonIssue, toJsonReport } from '../core/report.js';
import { type ResolvedPlan, resolvePlan, settlePlan } from '../core/writes.js';
import packageJson from '../package.json';
import { CLI_TEXT, type CliText } from './messages.js';
import { applyResolved } from './xlsx/apply.js';
import { checkOutput } from './xlsx/in-place.js';
import { readWorkbook, WorkbookReadError } from './xlsx/read.js';
import { writeWorkbook } from './xlsx/write.js';

/** Where the command prints: the real process, or a test's buffers. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Asks a yes/no question; absent when stdin is not a terminal. */
  confirm?: (question: string) => Promise<boolean>;
  /** Progress lines only make sense on a terminal. */
  progress: boolean;
  /** Size from which progress lines are shown (default: about 2 000 projects). */
  largeFileBytes?: number;
  now?: () => Date;
}

/** A file bigger than this shows progress lines on a terminal (about 2 000 projects). */
const LARGE_FILE_BYTES = 1_000_000;

const OUTPUT_SUFFIX: Record<Exclude<ActionName, 'template'>, string> = {
  validate: 'validation',
  reformat: 'reformate',
  summary: 'sommaire',
  rank: 'classement',
  undo: 'annule',
};

class UsageError extends Error {}

export async function main(argv: string[], io: Io): Promise<number> {
  const langGuess: Lang =
    argv.includes('--lang=en') || argv.some((a, i) => a === '--lang' && argv[i + 1] === 'en') ? 'en' : 'fr';
  try {
    return await run(argv, io);
  } catch (error) {
    const text = CLI_TEXT[langGuess];
    if (error instanceof UsageError || error instanceof WorkbookReadError) {
      io.stderr(error.message);
      return 2;
    }
    io.stderr(text.internal(error instanceof Error ? error.message : String(error)));
    return 2;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(CLI_TEXT.fr.badOption(parseErrorDetail(error)));
  }
  const { values, positionals } = parsed;
  const langOption = values.lang ?? 'fr';
  if (langOption !== 'fr' && langOption !== 'en') throw new UsageError(CLI_TEXT.fr.badLang(langOption));
  const lang: Lang = langOption;
  const text = CLI_TEXT[lang] as CliText;

  if (values.version) {
    io.stdout(packageJson.version);
    return 0;
  }
  if (values.help || positionals.length === 0) {
    if (positionals.length === 0 && !values.help) {
      io.stderr(text.usage);
      return 2;
    }
    io.stdout(text.help);
    return 0;
  }
  const [command, ...files] = positionals;
  if (!(ACTIONS as readonly string[]).includes(command)) throw new UsageError(text.unknownCommand(command));
  const action = command as ActionName;
  if (files.length > 1) throw new UsageError(text.tooManyFiles);
  const now = io.now?.() ?? new Date();

  if (action === 'template') {
    // `alliance template NEW.xlsx` is understood as `-o NEW.xlsx`.
    if (files.length > 0 && values.output) throw new UsageError(text.tooManyFiles);
    const output = values.output ?? files[0] ?? 'alliance-gabarit.xlsx';
    // A fresh template never replaces a workbook that is already there, unless asked to.
    if (!values.yes && (await sizeOf(output)) >= 0) throw new UsageError(text.outputExists(output));
    return template(output, lang, now, io, text);
  }
  const input = files[0];
  if (!input) throw new UsageError(text.missingFile(action));

  const large = io.progress && (await sizeOf(input)) > (io.largeFileBytes ?? LARGE_FILE_BYTES);
  if (large) io.stderr(text.progressRead(input));
  const { workbook, snapshot, source } = await readWorkbook(input);
  if (large) io.stderr(text.progressRun);
  const result = runAction(action, snapshot, { lang, now });

  // Where the result goes is settled before anything is printed, so a refusal never follows a success.
  const writes = action !== 'validate' || values.output !== undefined || values['in-place'];
  const output = writes ? outputPath(input, action, values.output, values['in-place'] ?? false, text) : null;
  const inPlace = output !== null && resolve(output) === resolve(input);
  // Staff often go on working in a produced file: running again never replaces it silently.
  if (output !== null && !inPlace && !values.yes && (await sizeOf(output)) >= 0) {
    throw new UsageError(text.outputExists(output));
  }
  // Never the input under another name, never a file open in Excel or LibreOffice, nothing lost in place.
  const check = await checkOutput({ input, output, inPlace, source, text });
  for (const line of check.warnings) io.stderr(line);
  if (check.refusal !== null) throw new UsageError(check.refusal);

  if (values.json) {
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
    printHuman(action, result, snapshot, lang, text, io);
  }
  if (!result.ok) return 1;

  // validate writes only when asked (-o): the Validation sheet, fills and notes in a copy.
  if (output !== null) {
    let plan = result.plan;
    let target = { workbook, snapshot, source };
    const restoreChanged = values['restore-changed'] ?? false;
    const skipped: Issue[] = [];
    if ((CHANGING_ACTIONS as readonly string[]).includes(action) && plan.changedCells > 0) {
      const readAt = await modifiedAt(input);
      if (!(await confirmed(plan, values.yes ?? false, inPlace, io, text))) {
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
    for (const found of skipped) io.stderr(`${found.sheet ?? ''}${issueLine(found, text, lang)}`);
    if (resolved.changedCells > 0 && (CHANGING_ACTIONS as readonly string[]).includes(action)) {
      io.stderr(text.changed(resolved.changedCells));
    }
    io.stderr(text.written(output));
  }
  return action === 'validate' && hasErrors(result.issues) ? 1 : 0;
}

/** node:util's parse errors are English sentences: say the same in French. */
function parseErrorDetail(error: unknown): string {
  const { code, message: text } = error as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(text ?? '')?.[1] ?? '';
  const name = option.replace(/ <value>$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `option inconnue «\u00a0${name}\u00a0»`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(text ?? '')
      ? `il manque la valeur de ${name}`
      : `${name} ne prend pas de valeur`;
  }
  return text ?? String(error);
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      'in-place': { type: 'boolean' },
      'restore-changed': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'V' },
    },
  });
}

async function template(output: string, lang: Lang, now: Date, io: Io, text: CliText): Promise<number> {
  const snapshot: WorkbookSnapshot = { sheets: [] };
  const result = runAction('template', snapshot, { lang, now });
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  workbook.modified = now;
  const { resolved } = resolvePlan(result.plan, snapshot);
  applyResolved(workbook, resolved);
  await write(workbook, output, undefined, resolved, text);
  io.stdout(result.summary);
  io.stderr(text.written(output));
  return 0;
}

async function write(
  workbook: ExcelJS.Workbook,
  output: string,
  source: Buffer | undefined,
  plan: ResolvedPlan,
  text: CliText,
): Promise<void> {
  try {
    await writeWorkbook(workbook, output, { source, plan });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const known: Record<string, string> = text.writeErrors;
    const detail = known[code] ?? (error instanceof Error ? error.message : String(error));
    throw new UsageError(text.writeFailed(output, detail));
  }
}

/** `budget.xlsx` → `budget.sommaire.xlsx` beside it; `-o` wins; the input only with `--in-place`. */
function outputPath(
  input: string,
  action: ActionName,
  option: string | undefined,
  inPlace: boolean,
  text: CliText,
) {
  if (inPlace) return input;
  if (option !== undefined) {
    if (resolve(option) === resolve(input)) throw new UsageError(text.sameAsInput);
    return option;
  }
  const suffix = OUTPUT_SUFFIX[action as Exclude<ActionName, 'template'>];
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

/** When the file was last written (ms), to tell whether someone saved it while we waited. */
async function modifiedAt(path: string): Promise<number> {
  return (await stat(path)).mtimeMs;
}

/** The file's size, or -1 when there is no such file. */
async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return -1;
  }
}

type ActionResult = ReturnType<typeof runAction>;

/** French (or English) report for people: issues grouped by sheet, then what the action produced. */
function printHuman(
  action: ActionName,
  result: ActionResult,
  snapshot: WorkbookSnapshot,
  lang: Lang,
  text: CliText,
  io: Io,
): void {
  const lines: string[] = [result.summary];
  const issues = result.issues;
  const count = (s: string) => issues.filter((i) => i.severity === s).length;
  // validate, reformat and undo list their issues in full (undo warns about cells changed since,
  // reformat about cells it left as they were); summary and rank only count the validation's.
  const listed = action === 'validate' || action === 'reformat' || action === 'undo';
  if (issues.length > 0 && !listed) {
    lines.push(text.counts(count('error'), count('warning'), count('info')) + text.seeValidate);
  } else if (issues.length > 0) {
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
  if (result.analysis && (action === 'validate' || action === 'rank' || action === 'summary')) {
    const report = toJsonReport(result.analysis, lang);
    if (action === 'validate') appendLines(lines, eligibilityLines(report, text));
    if (action === 'rank') {
      const recommendations = new Map(
        result.analysis.recommendations.map((r) => [r.projectId, renderIssue(r, lang)]),
      );
      appendLines(lines, rankingLines(report, recommendations, text));
    }
    if (action === 'summary') appendLines(lines, budgetLines(report, text));
  }
  io.stdout(lines.join('\n'));
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

export function eligibilityLines(report: JsonReport, text: CliText): string[] {
  const eligible = report.projects.filter((p) => p.eligible);
  const lines = [text.eligibleTitle(eligible.length, report.projects.length)];
  for (const p of report.projects) {
    const mark = p.eligible ? '✓' : '✗';
    lines.push(`  ${mark} ${p.id}  ${p.title}`);
    for (const reason of p.reasons) lines.push(`        ${reason.message}`);
  }
  return lines;
}

export function rankingLines(
  report: JsonReport,
  recommendations: Map<string, string>,
  text: CliText,
): string[] {
  const ranked = report.projects.filter((p) => p.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const lines = [text.rankingTitle];
  for (const p of ranked) {
    const score =
      p.finalScore === null
        ? '—'
        : p.finalScore.toLocaleString(text.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    lines.push(`  ${String(p.rank).padStart(2)}. ${p.id}  ${p.title}`);
    lines.push(`      ${text.score} ${score} / 100 · ${recommendations.get(p.id) ?? p.recommendation ?? ''}`);
  }
  return lines;
}

export function budgetLines(report: JsonReport, text: CliText): string[] {
  // The report's amounts are dollars; each language writes them its way (`195 007 $`, `$195,007`).
  const money = (dollars: number) => text.money(Math.round(dollars * 100));
  const rows = report.budget.years.map((y) => [
    y.year,
    money(y.envelope),
    money(y.carriedIn),
    money(y.available),
    money(y.committed),
    money(y.paid),
    money(y.remaining),
  ]);
  const table = [text.budgetHeaders, ...rows];
  const widths = text.budgetHeaders.map((_, c) => Math.max(...table.map((r) => r[c].length)));
  const lines = [text.budgetTitle];
  for (const row of table)
    lines.push(
      `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')}`,
    );
  lines.push(`  ${text.lapsed} : ${money(report.budget.lapsed)}`);
  return lines;
}

/** The process entry: real streams, a terminal prompt when there is one. */
export async function cli(argv: string[] = process.argv.slice(2)): Promise<number> {
  const io: Io = {
    stdout: (t) => process.stdout.write(`${t}\n`),
    stderr: (t) => process.stderr.write(`${t}\n`),
    progress: Boolean(process.stderr.isTTY),
  };
  if (process.stdin.isTTY) {
    io.confirm = async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      const answer = await rl.question(question);
      rl.close();
      return /^\s*(o|oui|y|yes)\s*$/i.test(answer);
    };
  }
  return main(argv, io);
}

/** A blank line, then `more`: a loop, since push(...more) of 100 000 lines overflows the call stack. */
function appendLines(lines: string[], more: readonly string[]): void {
  lines.push('');
  for (const line of more) lines.push(line);
}
