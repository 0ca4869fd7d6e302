/**
 * Nothing lost, nothing let in, in every host (the core's in-memory applier, the Excel adapter on
 * the fake Office.js, the Sheets adapter on its fake, ExcelJS writing and reopening the file):
 * - any staff grid → Reformater → Annuler gives back exactly the same cells, types and formulas,
 *   and each adapter writes Reformater's cells as the core's reference applier does;
 * - a staff sheet named like a generated one survives every action untouched, and only
 *   Reformater and Annuler ever change a staff value;
 * - Valider twice marks the same cells, and a fixed cell gets back the staff's note and fill;
 * - text that looks like a formula, read from staff cells, is written back as text everywhere;
 * - every action, in every host, leaves each cell outside its resolved writes exactly as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAddress } from '../../core/a1.js';
import { ACTIONS, type ActionName, changesCells } from '../../core/action-table.js';
import { confirmAction, runAction } from '../../core/actions.js';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/cells.js';
import type { Plan } from '../../core/plan.js';
import { PRESET_SETTINGS, type Settings } from '../../core/settings.js';
import { settingsSheetRows } from '../../core/settings-reader.js';
import { type ResolvedPlan, resolvePlan } from '../../core/writes.js';
import {
  FORMULA_LOOKALIKES,
  fuzzRuns,
  hostableWorkbook,
  hostableWorkbookWithProjects,
  MESSY,
} from './arbitraries.js';
import { baseWorkbook, spoiled } from './base.js';
import { HOSTS, type Host, type StoredSheet } from './hosts.js';

/** Every run drives whole actions through a host: a twentieth of the fuzz runs (10 in `npm test`). */
const RUNS = Math.max(10, Math.ceil(fuzzRuns(100) / 20));
/** ExcelJS writes and reopens a zip per action: a quarter of that again. */
const XLSX_RUNS = Math.max(4, Math.ceil(RUNS / 4));
const NOW = new Date('2026-11-27T14:03:05Z');
const LATER = new Date('2026-11-27T15:10:00Z');

async function storedSheets(host: Host, names: readonly string[]): Promise<Map<string, StoredSheet>> {
  const result = new Map<string, StoredSheet>();
  for (const name of names) {
    const stored = await host.stored(name);
    if (stored) result.set(name, stored);
  }
  return result;
}

/** Cells that differ between two stored sheets, as readable lines. */
function differences(
  name: string,
  before: StoredSheet | undefined,
  after: StoredSheet | undefined,
): string[] {
  if (!before || !after) return before === after ? [] : [`${name}: sheet ${before ? 'lost' : 'added'}`];
  const lines: string[] = [];
  for (const cell of new Set([...before.keys(), ...after.keys()])) {
    const a = JSON.stringify(before.get(cell) ?? null);
    const b = JSON.stringify(after.get(cell) ?? null);
    if (a !== b) lines.push(`${name}!${cell}: ${a} → ${b}`);
  }
  return lines;
}

/** Every non-empty cell's content (value or formula, typed) of the sheets, without notes and fills. */
function contents(sheets: Map<string, StoredSheet>): string[] {
  const lines: string[] = [];
  for (const [name, sheet] of sheets) {
    for (const [cell, stored] of sheet)
      if (stored.content !== 'empty') lines.push(`${name}!${cell} ${stored.content}`);
  }
  return lines.sort();
}

function comparableContents(sheets: Map<string, StoredSheet>, host: string, reference = false): string[] {
  const lines: string[] = [];
  for (const [name, sheet] of sheets) {
    for (const [cell, stored] of sheet) {
      if (stored.content !== 'empty')
        lines.push(`${name}!${cell} ${comparable(stored.content, host, reference)}`);
    }
  }
  return lines.sort();
}

async function run(host: Host, action: ActionName, now = NOW) {
  const snapshot = await host.read();
  const result = runAction(action, snapshot, { now });
  await host.apply(result.plan, snapshot);
  return result;
}

/** The clean workbook with some staff notes and fills, some cells spoiled by messy values. */
const markedWorkbook = fc.record({
  spoils: fc.uniqueArray(
    fc.record({
      row: fc.integer({ min: 1, max: 2 }),
      col: fc.nat({ max: 13 }),
      value: fc.constantFrom(...MESSY.money, ...MESSY.date, ...MESSY.municipalities, ...FORMULA_LOOKALIKES),
    }),
    { minLength: 1, maxLength: 4, selector: (s) => `${s.row},${s.col}` },
  ),
  notes: fc.array(
    fc.record({
      row: fc.nat({ max: 2 }),
      col: fc.nat({ max: 13 }),
      text: fc.constantFrom('Vérifier avec le porteur', 'Entente signée le 2020-11-30', 'À confirmer'),
    }),
    { maxLength: 3 },
  ),
  fills: fc.array(
    fc.record({
      row: fc.nat({ max: 2 }),
      col: fc.nat({ max: 13 }),
      fill: fc.constantFrom('#FFEB9C', '#C6EFCE'),
    }),
    { maxLength: 3 },
  ),
});

/** The base workbook's Projets with the staff's notes and fills (and, if given, the spoiled values). */
function withMarks(
  marks: {
    notes: { row: number; col: number; text: string }[];
    fills: { row: number; col: number; fill: string }[];
  },
  spoils: { row: number; col: number; value: CellValue }[] = [],
): WorkbookSnapshot {
  const workbook = baseWorkbook();
  const projets = workbook.sheets[1];
  const blank = () => projets.values.map((row) => row.map((): string | null => null));
  projets.notes = blank();
  projets.fills = blank();
  for (const n of marks.notes) projets.notes[n.row][n.col] = n.text;
  for (const f of marks.fills) projets.fills[f.row][f.col] = f.fill;
  for (const s of spoils) projets.values[s.row][s.col] = s.value;
  return workbook;
}

/** The base workbook with an envelope and an accepted grant typed as text: the Sommaire offers both. */
const TEXT_SOURCES = spoiled({ 'Budget prévisionnel!C2': '195 007 $', 'Projets!L2': '89 598 $' });

/** A colleague typing `value` in one cell, through the host's own writer. */
function colleagueTypes(sheet: string, row: number, col: number, value: CellValue): Plan {
  return {
    action: 'edit',
    changedCells: 1,
    sheets: [{ sheet, mode: 'edit', blocks: [{ row, col, values: [[value]] }] }],
  };
}

/** Staff typing the clean values back into the spoiled cells. */
function fixPlan(spoils: { row: number; col: number }[]): Plan {
  const clean = baseWorkbook().sheets[1];
  return {
    action: 'reformat',
    changedCells: spoils.length,
    sheets: [
      {
        sheet: 'Projets',
        mode: 'edit',
        // Typed back into a cell that may now carry a date or money format: the format goes too.
        blocks: spoils.map(({ row, col }) => ({
          row,
          col,
          values: [[clean.values[row][col]]],
          numberFormats: [['General']],
        })),
      },
    ],
  };
}

/**
 * A stored cell's content the same way in every host: Excel keeps dates as day serials (so the
 * core's dates become serials there), Sheets as the local midnight of the day.
 */
function comparable(content: string, host: string, reference: boolean): string {
  const date = /^date:(.*)$/.exec(content);
  if (!date) return content;
  const time = new Date(date[1]).getTime();
  if (host === 'Excel' && reference) return `number:${time / 86_400_000 + 25_569}`;
  // The nearest UTC day, as the core reads a date: a UTC and a Montreal midnight are the same day.
  return `day:${new Date(Math.round(time / 86_400_000) * 86_400_000).toISOString().slice(0, 10)}`;
}

describe.each(HOSTS.filter((h) => h.name !== 'core'))(
  '$name applies plans as the reference does',
  ({ name, make }) => {
    const runs = name === 'xlsx' ? XLSX_RUNS : RUNS;

    it(`Reformater writes the staff cells the core's reference applier writes (${runs} workbooks)`, async () => {
      await fc.assert(
        fc.asyncProperty(hostableWorkbookWithProjects, async (staff) => {
          const host = await make(staff);
          const reference = HOSTS[0].make(staff) as Host;
          const names = staff.sheets.map((s) => s.name);
          // Both start from the same cells, and apply the plan this host's snapshot gave.
          const before = comparableContents(await storedSheets(host, names), name);
          expect(before).toEqual(comparableContents(await storedSheets(reference, names), name, true));
          const snapshot = await host.read();
          const plan = runAction('reformat', snapshot, { now: NOW }).plan;
          await host.apply(plan, snapshot);
          await reference.apply(plan, await reference.read());
          const mine = comparableContents(await storedSheets(host, names), name);
          const expected = comparableContents(await storedSheets(reference, names), name, true);
          expect(mine).toEqual(expected);
        }),
        { numRuns: runs },
      );
    });
  },
);

/** Whether a resolved plan may touch a cell: a cleared or added sheet is wholly its own. */
function writtenBy(resolved: ResolvedPlan): (sheet: string, cell: string) => boolean {
  const whole = new Set<string>();
  const cells = new Set<string>();
  for (const sheet of resolved.sheets) {
    const name = sheet.name.toLowerCase();
    if (sheet.clear || sheet.create) whole.add(name);
    for (const run of sheet.runs) {
      run.values.forEach((row, r) => {
        row.forEach((_, c) => {
          cells.add(`${name}!${cellAddress(run.row + r, run.col + c)}`);
        });
      });
    }
    for (const mark of sheet.marks) cells.add(`${name}!${cellAddress(mark.row, mark.col)}`);
  }
  return (sheet, cell) => whole.has(sheet.toLowerCase()) || cells.has(`${sheet.toLowerCase()}!${cell}`);
}

describe.each(HOSTS)('nothing lost in $name', ({ name, make }) => {
  const runs = name === 'xlsx' ? XLSX_RUNS : RUNS;

  it(`every action leaves each cell outside its resolved writes as it was (${runs} workbooks)`, async () => {
    let inside = 0;
    await fc.assert(
      fc.asyncProperty(hostableWorkbookWithProjects, async (staff) => {
        const host = await make(staff);
        let now = NOW.getTime();
        // Every action as it runs without a question, the Sommaire's conversion accepted too.
        const steps: { action: ActionName; restoreChanged?: boolean }[] = [
          ...ACTIONS.map((action) => ({ action })),
          { action: 'summary', restoreChanged: true },
          ...(['reformat', 'undo', 'undo'] as const).map((action) => ({ action })),
        ];
        for (const { action, restoreChanged } of steps) {
          now += 60_000;
          const names = await host.sheetNames();
          const before = await storedSheets(host, names);
          const snapshot = await host.read();
          const result = runAction(action, snapshot, { now: new Date(now) });
          const touched = writtenBy(resolvePlan(result.plan, snapshot, { restoreChanged }).resolved);
          await host.apply(result.plan, snapshot, { restoreChanged });
          const after = await storedSheets(host, names);
          const changed = names
            .flatMap((sheet) => differences(sheet, before.get(sheet), after.get(sheet)))
            .filter((line) => {
              const [sheet, cell] = line.slice(0, line.indexOf(':')).split('!');
              if (!cell) return true;
              if (touched(sheet, cell)) inside += 1;
              return !touched(sheet, cell);
            });
          expect(changed, action).toEqual([]);
        }
      }),
      // A workbook whose Sommaire offers a conversion, whatever the generator draws.
      { numRuns: runs, examples: [[TEXT_SOURCES]] },
    );
    // The actions did write: the property is about where, not about nothing happening.
    expect(inside).toBeGreaterThan(0);
  });

  it('the Sommaire’s accepted conversion never overwrites a cell a colleague changed after the read', async () => {
    const host = await make(TEXT_SOURCES);
    const snapshot = await host.read();
    const result = runAction('summary', snapshot, { now: NOW });
    const offered = (result.plan.operation?.changes ?? []).map((c) => `${c.sheet}!${c.cell}`);
    expect(offered).toEqual(['Budget prévisionnel!C2', 'Projets!L2']);
    // While the question is open, a colleague retypes the envelope.
    await host.apply(colleagueTypes('Budget prévisionnel', 1, 2, '200 000 $'), snapshot);
    const current = await host.read();
    const { result: confirmed, resolved } = confirmAction(result, snapshot, current, {
      restoreChanged: true,
    });
    expect(confirmed.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toContain(
      'write.changedSince Budget prévisionnel!C2',
    );
    const names = await host.sheetNames();
    const before = await storedSheets(host, names);
    await host.apply(confirmed.plan, snapshot, { restoreChanged: true });
    const after = await storedSheets(host, names);
    // The colleague's text stays; the other offered cell is converted; nothing else of staff changes.
    expect(after.get('Budget prévisionnel')?.get('C2')?.content).toBe('text:200 000 $');
    expect(after.get('Projets')?.get('L2')?.content).toBe('number:89598');
    const touched = writtenBy(resolved);
    const outside = names
      .flatMap((sheet) => differences(sheet, before.get(sheet), after.get(sheet)))
      .filter((line) => {
        const [sheet, cell] = line.slice(0, line.indexOf(':')).split('!');
        return !cell || !touched(sheet, cell);
      });
    expect(outside).toEqual([]);
    // A conversion left half done keeps the tool's figures: the envelope is no formula over text.
    const summary = await host.stored('Sommaire budgétaire');
    expect(summary?.get('B6')?.content).toBe('number:195007');
  });

  it(`Reformater then Annuler gives back every staff cell exactly (${runs} generated workbooks)`, async () => {
    let reformatted = 0;
    await fc.assert(
      fc.asyncProperty(hostableWorkbookWithProjects, async (staff) => {
        const host = await make(staff);
        const names = staff.sheets.map((s) => s.name);
        const before = await storedSheets(host, names);
        const reformat = await run(host, 'reformat');
        if (reformat.plan.changedCells === 0) return;
        reformatted += 1;
        const undo = await run(host, 'undo', LATER);
        expect(undo.ok, undo.summary).toBe(true);
        expect(undo.plan.changedCells).toBe(reformat.plan.changedCells);
        const after = await storedSheets(host, names);
        const lost = names.flatMap((name) => differences(name, before.get(name), after.get(name)));
        expect(lost).toEqual([]);
      }),
      // A known messy workbook first, so that Reformater changes cells in at least one run, whatever
      // the generator draws in the few runs a host gets.
      {
        numRuns: runs,
        examples: [[spoiled({ 'Projets!J2': '150 000 $', 'Projets!F3': ' St-Hyacinthe ;Ste-Madeleine' })]],
      },
    );
    // The property says something only if Reformater did change cells in some of the workbooks.
    expect(reformatted).toBeGreaterThan(0);
  });

  it(`a staff sheet named like a generated one survives every action, cell for cell (${runs} workbooks)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        hostableWorkbook,
        fc.subarray(NAMESAKES, { minLength: 1 }),
        async (generated, namesakes) => {
          const staff: WorkbookSnapshot = {
            sheets: [
              ...generated.sheets.filter((s) => !namesakes.some((n) => n.name === s.name)),
              ...namesakes,
            ],
          };
          const host = await make(staff);
          const names = namesakes.map((s) => s.name);
          const staffNames = staff.sheets.map((s) => s.name);
          const before = await storedSheets(host, names);
          for (const action of [
            'template',
            'validate',
            'reformat',
            'summary',
            'rank',
            'undo',
            'validate',
          ] as const) {
            const contentsBefore = contents(await storedSheets(host, staffNames));
            await run(host, action);
            const after = await storedSheets(host, names);
            const changed = names.flatMap((name) => differences(name, before.get(name), after.get(name)));
            expect(changed, `after ${action}`).toEqual([]);
            // Only Reformater and Annuler change staff values; the others at most mark cells.
            if (!changesCells(action)) {
              expect(contents(await storedSheets(host, staffNames)), `after ${action}`).toEqual(
                contentsBefore,
              );
            }
          }
        },
      ),
      { numRuns: runs },
    );
  });

  it(`Valider twice marks the same cells; once fixed, staff cells get back their own notes and fills (${runs} workbooks)`, async () => {
    await fc.assert(
      fc.asyncProperty(markedWorkbook, async ({ spoils, notes: allNotes, fills: allFills }) => {
        // ExcelJS drops the note of an unstyled empty cell when it opens a file (the CLI's readWorkbook
        // puts it back from the package; this host helper reopens with ExcelJS alone): staff marks on
        // the xlsx host are held to cells with a value.
        const spoiled = withMarks({ notes: [], fills: [] }, spoils).sheets[1].values;
        const filled = (c: { row: number; col: number }) =>
          name !== 'xlsx' || (spoiled[c.row][c.col] !== null && spoiled[c.row][c.col] !== '');
        const notes = allNotes.filter(filled);
        const fills = allFills.filter(filled);
        const host = await make(withMarks({ notes, fills }, spoils));
        const names = baseWorkbook().sheets.map((s) => s.name);
        const before = await storedSheets(host, names);
        await run(host, 'validate');
        const once = await storedSheets(host, names);
        await run(host, 'validate', LATER);
        const twice = await storedSheets(host, names);
        expect(
          names.flatMap((n) => differences(n, once.get(n), twice.get(n))),
          'validated twice',
        ).toEqual([]);
        // Validation never changes a value: only notes and fills moved.
        expect(contents(once)).toEqual(contents(before));
        await host.apply(fixPlan(spoils), await host.read());
        await run(host, 'validate', LATER);
        const fixed = await storedSheets(host, names);
        const clean = await storedSheets(await make(withMarks({ notes, fills })), names);
        const lost = names.flatMap((n) => differences(n, clean.get(n), fixed.get(n)));
        if (name === 'Excel') {
          // The Excel adapter reads neither notes nor fills (design choice, see addin/excel-adapter.ts):
          // a staff note or fill on a cell Valider marked is not restored. Values never move.
          expect(lost.filter((line) => !/"(note|fill)"/.test(line) && !line.includes('"empty"'))).toEqual([]);
        } else {
          expect(lost).toEqual([]);
        }
      }),
      // Found by CI: a marked cell fixed back to empty, with a staff fill, kept our note in the xlsx
      // host (the reader skipped empty cells, notes and fills included).
      {
        numRuns: runs,
        examples: [
          [
            {
              spoils: [
                { row: 2, col: 11, value: '- $' },
                { row: 1, col: 0, value: '- $' },
              ],
              notes: [],
              fills: [{ row: 2, col: 11, fill: '#FFEB9C' }],
            },
          ],
        ],
      },
    );
  });

  it('a staff note and fill on a cell with only an info stay through two validations', async () => {
    // P-002 is granted an amount while « En analyse »: an info at L3, never marked.
    const staff = withMarks({
      notes: [{ row: 2, col: 11, text: 'Montant à confirmer au CA' }],
      fills: [{ row: 2, col: 11, fill: '#C6EFCE' }],
    });
    staff.sheets[1].values[2][11] = 58_200;
    const host = await make(staff);
    const before = await host.stored('Projets');
    await run(host, 'validate');
    await run(host, 'validate', LATER);
    expect(differences('Projets', before, await host.stored('Projets'))).toEqual([]);
  });

  it('text that looks like a formula is written back as text in every generated sheet', async () => {
    const host = await make(INJECTION_WORKBOOK);
    const staffNames = INJECTION_WORKBOOK.sheets.map((s) => s.name);
    for (const action of ['validate', 'summary', 'rank', 'reformat'] as const) await run(host, action);
    const all = await host.sheetNames();
    const generated = all.filter((name) => !staffNames.includes(name));
    expect(generated).toEqual(
      expect.arrayContaining(['Validation', 'Sommaire budgétaire', 'Classement', 'Journal']),
    );
    const texts = new Set<string>();
    const injected: string[] = [];
    for (const name of all) {
      for (const [cell, stored] of (await host.stored(name)) ?? new Map()) {
        if (stored.content.startsWith('text:')) texts.add(stored.content.slice(5));
        if (stored.content.startsWith('formula:') && INJECTED.some((bit) => stored.content.includes(bit))) {
          injected.push(`${name}!${cell}: ${stored.content}`);
        }
      }
    }
    expect(injected).toEqual([]);
    // The titles reach Classement (and Reformater's trimmed titles the staff sheet) as text.
    for (const text of LOOKALIKES) expect(texts.has(text), text).toBe(true);
  });
});

/** Staff sheets with a generated sheet's name: column A row 1 says they are the staff's own. */
const NAMESAKES: SheetSnapshot[] = [
  {
    name: 'Validation',
    values: [
      ['Validation des dossiers (personnel)', null],
      ['P-001', 'validé par Marie Tremblay'],
    ],
  },
  {
    name: 'Sommaire budgétaire',
    values: [
      ['Notre sommaire', null],
      ['2020-2021', 195007],
      ['Total', null],
    ],
    formulas: [
      [null, null],
      [null, null],
      [null, '=SUM(B2:B2)'],
    ],
  },
  { name: 'Classement', values: [['Classement du comité (personnel)'], ['=1+1'], ['+1+1']] },
  {
    name: 'Journal',
    values: [
      ['Journal de bord', null],
      [new Date(Date.UTC(2020, 1, 3)), 'Appel de projets lancé'],
    ],
  },
];

const LOOKALIKES = ['=HYPERLINK("http://x","clic")', '+1+1', '-2', '@SUM(A1)'];
/** Settings whose program name, a priority and a criterion look like formulas. */
function injectedSettings(): CellValue[][] {
  const settings: Settings = {
    ...PRESET_SETTINGS,
    programName: '=HYPERLINK("http://x","clic")',
    territory: '+1+1',
    priorities: PRESET_SETTINGS.priorities.map((p, i) => (i === 1 ? { ...p, name: '@SUM(A1)' } : p)),
    criteria: PRESET_SETTINGS.criteria.map((c, i) => (i === 0 ? { ...c, name: '-2' } : c)),
  };
  return settingsSheetRows(settings);
}

/** Pieces of the lookalikes that no formula of ours contains. */
const INJECTED = ['http://x', '+1+1', '=-2', '@SUM', '"clic"'];

const SEVEN_TOWNS = 'Saint-Hyacinthe; Saint-Pie; Saint-Damase; La Présentation; Saint-Dominique';

/** Projets whose titles, organizations and evaluators look like formulas (some padded with spaces). */
const INJECTION_WORKBOOK: WorkbookSnapshot = {
  sheets: [
    { name: 'Paramètres', values: injectedSettings() },
    {
      name: 'Projets',
      values: [
        [
          'No',
          'Titre',
          'Organisme porteur',
          'Organismes partenaires',
          'Municipalités',
          'Priorités',
          'Demandé 2020-2021',
          'Accordé 2020-2021',
          'Décision',
        ],
        ['P-001', LOOKALIKES[0], '+1+1', 'Moisson Maskoutaine', SEVEN_TOWNS, 1, 89598, 89598, 'Accepté'],
        [
          'P-002',
          '  +1+1  ',
          '=HYPERLINK("http://x","clic")',
          'Contact Richelieu-Yamaska',
          SEVEN_TOWNS,
          '1; 3',
          '58 200 $',
          null,
          'En analyse',
        ],
        ['P-003', '-2', '@SUM(A1)', 'CDC des Maskoutains', SEVEN_TOWNS, 2, 61936, null, 'Reçu'],
        [
          'P-004',
          '@SUM(A1)',
          'Maison de la famille',
          '-2',
          'Ste-Madelaine; =HYPERLINK("http://x","clic")',
          4,
          55564,
          null,
          'Reçu',
        ],
      ],
    },
    {
      name: 'Grille de sélection',
      values: [
        [
          'No',
          'Évaluateur',
          'Réponse aux priorités du plan',
          'Impact sur la pauvreté et l’exclusion',
          'Commentaire',
        ],
        ['P-001', '+1+1', 8, 7, '=HYPERLINK("http://x","clic")'],
        ['P-002', '=HYPERLINK("http://x","clic")', 9, 'dix', '-2'],
        ['P-003', '@SUM(A1)', 6, 12, null],
      ],
    },
  ],
};
