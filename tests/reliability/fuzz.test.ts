/**
 * Fuzzing: generated staff workbooks (real headers in any order, title rows, blank rows, messy and
 * arbitrary cells) through every reader, every action, the JSON report, every catalog function and
 * each host adapter on its fake. Nothing may throw; every issue sits at a real cell; every message
 * reads well in French and English. `FUZZ_RUNS` sets the run count (`npm run fuzz:nightly`).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelFunction } from '../../addin/functions.js';
import { runCustomFunction } from '../../apps-script/functions.js';
import { main } from '../../cli/alliance.js';
import { ACTIONS } from '../../core/action-table.js';
import { runAction } from '../../core/actions.js';
import { analyzeWorkbook } from '../../core/analysis.js';
import {
  CATALOG,
  type CatalogFunction,
  type CatalogResult,
  isCatalogError,
} from '../../core/catalog/catalog.js';
import type { CellValue, WorkbookSnapshot } from '../../core/cells.js';
import { renderIssue } from '../../core/messages/index.js';
import type { Plan } from '../../core/plan.js';
import { toJsonReport } from '../../core/report.js';
import { tempDir } from '../cli/fixtures.js';
import { applyPlanToSnapshot } from '../fakes/memory-writer.js';
import { anyValue, anyWorkbook, fuzzRuns, hostableValue, hostableWorkbook } from './arbitraries.js';
import { leakingTexts, misplacedIssues, unreadable } from './checks.js';
import { excelHost, type Host, sheetsHost, writeSnapshotToExcelJs, xlsxHost } from './hosts.js';

const RUNS = fuzzRuns(100);
/** The hosts cost more per workbook (ExcelJS writes and reads a zip each action): a twentieth. */
const HOST_RUNS = Math.max(8, Math.ceil(RUNS / 20));
const NOW = new Date('2026-11-27T14:03:05Z');
const TODAY = '2026-11-27';

/** Every text a plan writes: what staff will read in the generated sheets and notes. */
function planTexts(plan: Plan): string[] {
  const texts: string[] = [];
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      for (const row of block.values) for (const v of row) if (typeof v === 'string') texts.push(v);
    }
    for (const mark of sheet.marks ?? []) if (mark.note) texts.push(mark.note);
  }
  return texts;
}

/** Plan blocks are rectangles at real places, with finite numbers and valid dates; marks at A1 cells. */
function malformedPlan(plan: Plan): string[] {
  const problems: string[] = [];
  for (const sheet of plan.sheets) {
    if (sheet.sheet.trim() === '') problems.push('a sheet plan without a name');
    for (const block of sheet.blocks) {
      const where = `${sheet.sheet} block at ${block.row},${block.col}`;
      if (!Number.isInteger(block.row) || block.row < 0 || !Number.isInteger(block.col) || block.col < 0) {
        problems.push(`${where}: bad position`);
      }
      const width = block.values[0]?.length ?? 0;
      for (const row of block.values) {
        if (row.length !== width) problems.push(`${where}: not rectangular`);
        for (const v of row) {
          if (typeof v === 'number' && !Number.isFinite(v)) problems.push(`${where}: number ${v}`);
          if (v instanceof Date && Number.isNaN(v.getTime())) problems.push(`${where}: invalid date`);
          if (v === undefined) problems.push(`${where}: undefined value`);
        }
      }
    }
    for (const mark of sheet.marks ?? []) {
      if (!/^[A-Z]{1,3}[1-9]\d*$/.test(mark.cell)) problems.push(`${sheet.sheet}: mark at ${mark.cell}`);
    }
  }
  return problems;
}

/** Every action on one snapshot, then undo after reformat: the problems found, if any. */
function everyAction(snapshot: WorkbookSnapshot): string[] {
  const problems: string[] = [];
  for (const action of ACTIONS) {
    // Issues render in both languages in `misplacedIssues`; plans are built in French, validate also in English.
    const langs = action === 'validate' ? (['fr', 'en'] as const) : (['fr'] as const);
    for (const lang of langs) {
      const result = runAction(action, snapshot, { lang, now: NOW });
      const summary = unreadable(result.summary);
      if (summary) problems.push(`${action} summary: ${summary}`);
      problems.push(...malformedPlan(result.plan).map((p) => `${action}: ${p}`));
      problems.push(...leakingTexts(planTexts(result.plan)).map((t) => `${action} (${lang}) writes: ${t}`));
      problems.push(...misplacedIssues(result.issues, snapshot).map((p) => `${action}: ${p}`));
      if (action === 'reformat' && lang === 'fr' && result.plan.sheets.length > 0) {
        const after = applyPlanToSnapshot(snapshot, result.plan);
        const undo = runAction('undo', after, { lang, now: NOW });
        if (!undo.ok) problems.push(`undo after reformat refused: ${undo.summary}`);
        problems.push(...misplacedIssues(undo.issues, after).map((p) => `undo: ${p}`));
      }
    }
  }
  return problems;
}

describe(`fuzz: the core over ${RUNS} generated workbooks`, () => {
  it('analyzeWorkbook, every action and the JSON report never throw and place every issue at a real cell', () => {
    fc.assert(
      fc.property(anyWorkbook, (snapshot) => {
        const analysis = analyzeWorkbook(snapshot, { today: TODAY });
        const problems = misplacedIssues(analysis.issues, snapshot);
        if (analysis.issues.some((i) => i.code === 'sheet.internalError')) {
          problems.push(`internal error: ${JSON.stringify(analysis.issues[0].params)}`);
        }
        for (const lang of ['fr', 'en'] as const) {
          const report = toJsonReport(analysis, lang);
          JSON.stringify(report);
          for (const project of report.projects) {
            for (const reason of project.reasons) {
              const problem = unreadable(reason.message);
              if (problem) problems.push(`${project.id} ${reason.code}: ${problem}`);
            }
            for (const n of [project.score, project.finalScore, project.rank]) {
              if (n !== null && !Number.isFinite(n)) problems.push(`${project.id}: score ${n}`);
            }
          }
          for (const year of report.budget.years) {
            for (const n of Object.values(year)) {
              if (typeof n === 'number' && !Number.isFinite(n)) problems.push(`${year.year}: ${n}`);
            }
          }
          for (const line of analysis.issues.map((found) => renderIssue(found, lang))) {
            const problem = unreadable(line);
            if (problem) problems.push(problem);
          }
        }
        problems.push(...everyAction(snapshot));
        expect(problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

/** An argument as a host hands it: one value, a column, a block, or nothing (omitted). */
const hostArgument = (value: fc.Arbitrary<CellValue>) =>
  fc.oneof(
    value,
    fc.array(fc.tuple(value), { minLength: 1, maxLength: 6 }),
    fc.array(fc.array(value, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
    fc.constant(undefined),
  );

const argumentsFor = (fn: CatalogFunction, value: fc.Arbitrary<CellValue>) =>
  fc.array(hostArgument(value), {
    minLength: fn.declaration.params.length,
    maxLength: fn.declaration.params.length,
  });

/** Problems in a catalog result: a ragged shape, non-finite numbers, unreadable errors. */
function badCells(name: string, result: CatalogResult, checkMessages: boolean): string[] {
  const problems: string[] = [];
  if (result.length === 0) return [`${name}: empty result`];
  const width = result[0].length;
  for (const row of result) {
    if (row.length !== width) problems.push(`${name}: ragged result`);
    for (const cell of row) {
      if (isCatalogError(cell)) {
        if (!checkMessages) continue;
        for (const text of [cell.message, cell.messageEn]) {
          const problem = unreadable(text);
          if (problem) problems.push(`${name}: ${problem}`);
        }
      } else if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) problems.push(`${name}: ${cell}`);
      } else if (typeof cell === 'string') {
        if (checkMessages) problems.push(...leakingTexts([cell]).map((t) => `${name}: ${t}`));
      } else if (typeof cell !== 'boolean') {
        problems.push(`${name}: a ${typeof cell} cell`);
      }
    }
  }
  return problems;
}

const excelRuntime = {
  associate: () => {},
  Error: class {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  } as unknown as new (
    code: never,
    message?: string,
  ) => unknown,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
};

const LANGS = fc.constantFrom('fr' as const, 'en' as const);

describe(`fuzz: every catalog function over ${RUNS} generated argument lists`, () => {
  it.each(CATALOG.map((fn) => [fn.name, fn] as const))(
    '%s never throws, whatever JavaScript value it gets',
    (_, fn) => {
      fc.assert(
        fc.property(argumentsFor(fn, anyValue), LANGS, (args, lang) => {
          // NaN, Infinity or an invalid Date never come from a cell: only the shape is checked here.
          expect(badCells(fn.name, fn.invoke(args, { lang }), false)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it.each(CATALOG.map((fn) => [fn.name, fn] as const))(
    '%s answers readable cells through both hosts’ wrappers',
    (_, fn) => {
      fc.assert(
        fc.property(argumentsFor(fn, hostableValue), LANGS, (args, lang) => {
          const problems = badCells(fn.name, fn.invoke(args, { lang }), true);
          // Sheets never gets an error object or a null; Excel never a null (it would show 0).
          for (const row of runCustomFunction(fn.name, args, lang)) {
            for (const cell of row) {
              if (!['string', 'number', 'boolean'].includes(typeof cell))
                problems.push(`Sheets: ${String(cell)}`);
            }
          }
          for (const row of excelFunction(fn, excelRuntime, lang)(...args, { address: 'A1' })) {
            for (const cell of row)
              if (cell === null || cell === undefined) problems.push('Excel: a null cell');
          }
          expect(problems).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
  );
});

/** Every action in turn on one host: read, run, apply; the next action reads what the last wrote. */
async function everyActionOn(host: Host): Promise<string[]> {
  const problems: string[] = [];
  for (const action of [...ACTIONS, 'undo' as const]) {
    const snapshot = await host.read();
    const result = runAction(action, snapshot, { now: NOW });
    problems.push(...misplacedIssues(result.issues, snapshot).map((p) => `${host.name} ${action}: ${p}`));
    await host.apply(result.plan, snapshot);
  }
  return problems;
}

describe(`fuzz: the three hosts over ${HOST_RUNS} generated workbooks each`, () => {
  it.each([
    ['Excel adapter on the fake Office.js', excelHost],
    ['Sheets adapter on the SpreadsheetApp fake', sheetsHost],
    ['xlsx adapter (ExcelJS file written and reopened)', xlsxHost],
  ] as const)('the %s reads and applies every action', async (_, make) => {
    await fc.assert(
      fc.asyncProperty(hostableWorkbook, async (staff) => {
        expect(await everyActionOn(await make(staff))).toEqual([]);
      }),
      { numRuns: HOST_RUNS },
    );
  });

  it('each host reads back the values it was given, types included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostableValue, { minLength: 1, maxLength: 8 }), async (row) => {
        const staff: WorkbookSnapshot = { sheets: [{ name: 'Feuil1', values: [row] }] };
        for (const make of [sheetsHost, xlsxHost, excelHost]) {
          const host = await make(staff);
          const values = (await host.read()).sheets[0].values[0] ?? [];
          row.forEach((value, c) => {
            const back = values[c] ?? null;
            // Every host reads an empty string as an empty cell; Excel keeps dates as day serials.
            if (value === null || value === '') expect(back, host.name).toBeNull();
            else if (value instanceof Date && make === excelHost) {
              expect(back, host.name).toBe(value.getTime() / 86_400_000 + 25_569);
            } else if (value instanceof Date) expect(back, host.name).toEqual(value);
            else expect(back, host.name).toBe(value);
          });
        }
      }),
      { numRuns: HOST_RUNS },
    );
  });
});

describe(`fuzz: the alliance command over ${HOST_RUNS} generated command lines`, () => {
  let dir: string;
  const files: string[] = [];
  const startDir = process.cwd();
  beforeAll(async () => {
    dir = await tempDir('alliance-fuzz-');
    const good = await writeSnapshotToExcelJs({
      sheets: [
        {
          name: 'Projets',
          values: [
            ['No', 'Titre'],
            ['P-001', '=HYPERLINK("http://x","clic")'],
          ],
        },
      ],
    });
    files.push(join(dir, 'classeur.xlsx'));
    await writeFile(files[0], Buffer.from(await good.xlsx.writeBuffer()));
    files.push(join(dir, 'texte.xlsx'));
    await writeFile(files[1], 'No;Titre');
    files.push(join(dir, 'absent.xlsx'), dir);
    // Bare words become output files (`template rank` writes ./rank): keep them out of the checkout.
    process.chdir(dir);
  });
  afterAll(() => process.chdir(startDir));

  it('answers 0, 1 or 2, and a 2 is one French line without a stack trace', async () => {
    const word = fc.oneof(
      fc.constantFrom('template', 'validate', 'reformat', 'summary', 'rank', 'undo', 'valider', ''),
      fc.constantFrom(
        '--json',
        '--lang',
        'en',
        'fr',
        'de',
        '--in-place',
        '--yes',
        '-o',
        '--output',
        '-h',
        '-V',
        '--bogus',
        '-x',
      ),
      fc.nat({ max: 3 }).map((i) => `@file${i}`),
      fc.string({ maxLength: 8 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(word, { maxLength: 6 }),
          // Mostly well-formed: a command, a file, then a few options.
          fc
            .tuple(
              fc.constantFrom('validate', 'reformat', 'summary', 'rank', 'undo', 'template'),
              fc.nat({ max: 3 }).map((i) => `@file${i}`),
              fc.array(word, { maxLength: 3 }),
            )
            .map(([command, file, rest]) => [command, file, ...rest]),
        ),
        fc.nat({ max: 1000 }),
        async (words, n) => {
          // Outputs go to the temp folder, under a fresh name each time.
          const argv = words.map((w, i) =>
            w.startsWith('@file')
              ? files[Number(w.slice(5))]
              : words[i - 1] === '-o' || words[i - 1] === '--output'
                ? join(dir, `sortie-${n}-${i}.xlsx`)
                : w,
          );
          const err: string[] = [];
          const code = await main(argv, {
            stdout: () => {},
            stderr: (text) => err.push(text),
            progress: false,
            now: () => NOW,
          });
          expect([0, 1, 2]).toContain(code);
          const text = err.join('\n');
          expect(text).not.toMatch(/\n\s+at |TypeError|ReferenceError|undefined/);
          if (code === 2) expect(text.trim().split('\n').length, text).toBe(1);
        },
      ),
      { numRuns: HOST_RUNS },
    );
  });
});
