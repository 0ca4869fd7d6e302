/**
 * The `alliance` command as staff run it: a real subprocess of the built CLI (bin/alliance.mjs →
 * dist/cli/alliance.mjs) validating a generated workbook, against a script that only reads the same
 * file with ExcelJS. Both pay Node's start-up, so the ratio is what a user waits for. Peak memory
 * (max RSS) comes from /usr/bin/time -v, or from the process itself when that tool is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { CellValue } from '../core/cells.js';
import { generateWorkbook } from './generate.js';
import type { BenchRow } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ALLIANCE = join(ROOT, 'bin', 'alliance.mjs');
const READ_EXCELJS = join(ROOT, 'bench', 'read-exceljs.mjs');
const REPORT_RSS = join(ROOT, 'bench', 'report-rss.mjs');
const GNU_TIME = '/usr/bin/time';

/** Dates as staff type them are real dates in a workbook, not text. */
function cellForXlsx(value: CellValue): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return value;
}

/** Writes `generateWorkbook(projects)` as an .xlsx with ExcelJS's streaming writer (shared strings, like Excel). */
export async function writeGeneratedWorkbook(projects: number, path: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: false,
  });
  for (const sheet of generateWorkbook(projects).sheets) {
    const worksheet = writer.addWorksheet(sheet.name);
    for (const row of sheet.values) worksheet.addRow(row.map(cellForXlsx)).commit();
    worksheet.commit();
  }
  await writer.commit();
}

interface RunResult {
  ms: number;
  status: number | null;
  maxRssKb: number | null;
  /** The command's own last line on stderr (its error, when it failed). */
  lastError: string;
}

/** One subprocess run: wall time, exit status, and peak memory when asked. */
function runNode(args: string[], measureMemory: boolean): RunResult {
  const useTime = measureMemory && existsSync(GNU_TIME);
  const command = useTime ? GNU_TIME : process.execPath;
  const fullArgs = useTime
    ? ['-v', process.execPath, ...args]
    : measureMemory
      ? ['--import', REPORT_RSS, ...args]
      : args;
  const start = performance.now();
  const child = spawnSync(command, fullArgs, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (child.error) throw child.error;
  let maxRssKb: number | null = null;
  if (measureMemory) {
    const match = useTime
      ? /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)
      : /maxRSS-kB: (\d+)/.exec(child.stderr);
    maxRssKb = match ? Number(match[1]) : null;
  }
  // /usr/bin/time -v writes its report indented by a tab, after a « Command exited… » line.
  const ownLines = child.stderr
    .split('\n')
    .filter((line) => !line.startsWith('\t') && !line.startsWith('Command ') && !line.startsWith('maxRSS-kB'))
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return { ms, status: child.status, maxRssKb, lastError: ownLines.at(-1) ?? '' };
}

function megabytes(bytes: number): string {
  return (bytes / 2 ** 20).toLocaleString('fr-CA', { maximumFractionDigits: 1 });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** `alliance validate` exits 0 (no errors) or 1 (errors found); 2 means it could not run. */
function validateRun(file: string, measureMemory = false, extra: string[] = []): RunResult {
  return runNode([ALLIANCE, 'validate', ...extra, file], measureMemory);
}

function succeeded(run: RunResult): boolean {
  return run.status === 0 || run.status === 1;
}

function validate(file: string): RunResult {
  const result = validateRun(file);
  if (!succeeded(result))
    throw new Error(`alliance validate ${file} exited with ${result.status}: ${result.lastError}`);
  return result;
}

function readWithExcelJS(file: string, measureMemory = false): RunResult {
  const result = runNode([READ_EXCELJS, file], measureMemory);
  if (result.status !== 0) throw new Error(`ExcelJS could not read ${file}`);
  return result;
}

export async function benchCli(options: { projects: number; runs: number; memoryProjects: number | null }) {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'alliance-bench-'));
  try {
    const file = join(dir, `projets-${options.projects}.xlsx`);
    await writeGeneratedWorkbook(options.projects, file);
    const label = options.projects.toLocaleString('fr-CA');
    const mb = megabytes(statSync(file).size);
    // Alternate the two so that a burst of load on the shared machine hits both alike.
    const cliTimes: number[] = [];
    const excelTimes: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      excelTimes.push(readWithExcelJS(file).ms);
      cliTimes.push(validate(file).ms);
    }
    const cli = median(cliTimes);
    const excel = median(excelTimes);
    rows.push(
      {
        section: 'CLI',
        name: `ExcelJS seul lit le classeur de ${label} projets (${mb} Mio), processus complet`,
        value: excel,
        unit: 'ms',
      },
      {
        section: 'CLI',
        name: `alliance validate, ${label} projets, processus complet`,
        value: cli,
        unit: 'ms',
      },
      {
        section: 'CLI',
        name: 'ratio alliance validate / lecture ExcelJS seule',
        value: cli / excel,
        unit: '×',
        target: '≤ 1,25 ×',
        ok: cli / excel <= 1.25,
      },
    );

    if (options.memoryProjects !== null) {
      const big = join(dir, `projets-${options.memoryProjects}.xlsx`);
      await writeGeneratedWorkbook(options.memoryProjects, big);
      const bigLabel = options.memoryProjects.toLocaleString('fr-CA');
      const bigMb = megabytes(statSync(big).size);
      const alone = readWithExcelJS(big, true);
      const mib = (kb: number | null) => (kb === null ? Number.NaN : kb / 1024);
      rows.push(
        {
          section: 'CLI',
          name: `ExcelJS seul, ${bigLabel} projets (${bigMb} Mio) : mémoire maximale`,
          value: mib(alone.maxRssKb),
          unit: 'Mio',
        },
        { section: 'CLI', name: `ExcelJS seul, ${bigLabel} projets : durée`, value: alone.ms, unit: 'ms' },
      );
      // The text report first, as staff run it; when it fails, the JSON report still gives the peak.
      for (const extra of [[], ['--json']]) {
        const run = validateRun(big, true, extra);
        const command = ['alliance validate', ...extra].join(' ');
        const failure = succeeded(run) ? '' : ` — ÉCHEC, sortie ${run.status} : « ${run.lastError} »`;
        rows.push(
          {
            section: 'CLI',
            name: `${command}, ${bigLabel} projets : mémoire maximale${failure}`,
            value: mib(run.maxRssKb),
            unit: 'Mio',
            ...(failure ? { target: 'sortie 0 ou 1', ok: false } : {}),
          },
          { section: 'CLI', name: `${command}, ${bigLabel} projets : durée`, value: run.ms, unit: 'ms' },
        );
        if (succeeded(run)) break;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
