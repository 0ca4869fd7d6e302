/**
 * The built Code.js as Apps Script runs it: a plain script (no modules) in an empty `vm` context
 * that holds only the Apps Script fakes, driven through its top-level functions.
 */

import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionsMetadata } from '../../addin/functions-metadata.js';
import { toSheetsCell } from '../../apps-script/functions.js';
import { MENU_ITEMS } from '../../apps-script/main.js';
import { ENTRY_POINTS } from '../../apps-script/stubs.js';
import { generateWorkbook } from '../../bench/generate.js';
import { CODE_JS_BUDGET_BYTES } from '../../build/budget.js';
import { readWorkbook } from '../../cli/xlsx/read.js';
import { runAction } from '../../core/actions.js';
import { CATALOG, catalogFunction } from '../../core/catalog/catalog.js';
import type { CellValue, WorkbookSnapshot } from '../../core/cells.js';
import { JOURNAL_HEAD_ROWS } from '../../core/journal.js';
import { frFunctions } from '../../core/messages/functions.js';
import { SUMMARY_HEADERS } from '../../core/plans/summary.js';
import { headerKey } from '../../core/values/text.js';
import { ISSUES_SENT_PER_SHEET } from '../../panel/bridge.js';
import { countBySeverity, SEVERITIES } from '../../panel/model.js';
import { toPanelResult } from '../../panel/result.js';
import { PayloadMeter } from '../fakes/spreadsheet-app.js';
import { withJournal } from '../fixtures/journal.js';
import { loadBundle } from './bundle-harness.js';

const SAMPLE = 'examples/alliance-exemple.xlsx';

let projectDir: string;
let outDir: string;
let code: string;
let sidebar: string;
let sample: WorkbookSnapshot;

beforeAll(async () => {
  const { build } = await import('../../build/sheets.js');
  // A stand-in for the repository root: .clasp.json beside dist/apps-script, as in the README.
  projectDir = await mkdtemp(join(tmpdir(), 'alliance-sheets-'));
  outDir = join(projectDir, 'dist', 'apps-script');
  await build({ outDir });
  code = await readFile(join(outDir, 'Code.js'), 'utf8');
  sidebar = await readFile(join(outDir, 'Sidebar.html'), 'utf8');
  sample = (await readWorkbook(SAMPLE)).snapshot;
});

afterAll(async () => {
  await rm(projectDir, { recursive: true, force: true });
});

function load(snapshot: WorkbookSnapshot, options: { alertAnswer?: 'YES' | 'NO'; timeZone?: string } = {}) {
  return loadBundle(code, snapshot, { sidebar, ...options });
}

function topLevelFunctions(source: string): Map<string, { params: string[]; doc: string }> {
  const file = ts.createSourceFile('Code.js', source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const found = new Map<string, { params: string[]; doc: string }>();
  for (const statement of file.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const full = statement.getFullText();
    const leading = full.slice(0, statement.getStart() - statement.getFullStart());
    found.set(statement.name.text, {
      params: statement.parameters.map((p) => p.name.getText()),
      doc: leading.slice(leading.lastIndexOf('/**')),
    });
  }
  return found;
}

describe('Code.js as Apps Script loads it', () => {
  it('is a plain script with no module syntax or Node API, and no zod locales', () => {
    expect(() => new vm.Script(code, { filename: 'Code.js' })).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).toMatch(/^("use strict";)?var AllianceLib\s*=\s*\(\(\)\s*=>\s*\{/m);
    // `import { z } from 'zod'` would pull every zod locale (~450 KB on its own).
    expect(code).not.toMatch(/Zu klein|Trop petit :/);
    expect(Buffer.byteLength(code)).toBeLessThan(CODE_JS_BUDGET_BYTES);
  });

  it('says in Code.js what core says: the minified locale tables give the same sentences', () => {
    for (const lang of ['fr', 'en'] as const) {
      const { call } = load(sample);
      const bundled = JSON.parse(JSON.stringify(call('allianceRun', 'validate', lang)));
      const direct = toPanelResult(runAction('validate', sample, { lang }), lang);
      expect(bundled.summary).toBe(direct.summary);
      expect(bundled.issues.map((i: { message: string }) => i.message)).toEqual(
        direct.issues.map((i) => i.message),
      );
    }
  });

  it('declares every catalog function at top level with a French @customfunction JSDoc', () => {
    const functions = topLevelFunctions(code);
    for (const fn of CATALOG) {
      const stub = functions.get(`ALLIANCE_${fn.name}`);
      expect(stub, fn.name).toBeDefined();
      expect(stub?.doc).toContain('@customfunction');
      expect(stub?.doc).toContain(frFunctions.help[fn.name]);
      const params = fn.declaration.params.map((p) => frFunctions.params[p.key]);
      expect(stub?.params).toEqual(params.map((p) => p.name));
      for (const p of params) expect(stub?.doc).toContain(`@param {*} ${p.name} ${p.help}`);
      // The optional mark is said once (it used to be in the help too: « (facultatif). (facultatif) »).
      expect(stub?.doc.match(/facultatif/g)?.length ?? 0).toBe(
        fn.declaration.params.filter((p) => 'optional' in p).length,
      );
      expect(stub?.doc).toMatch(/@return \{/);
      // Sheets has no per-cell error for a custom function: each help says what a bad row gives.
      expect(stub?.doc, fn.name).toContain('ESTERREUR ne la voit pas et SOMME l’ignore');
    }
    for (const entry of ENTRY_POINTS) expect(functions.has(entry.name), entry.name).toBe(true);
    for (const item of MENU_ITEMS) expect(functions.has(item.handler), item.handler).toBe(true);
  });

  it('offers the same functions, with the same parameters, as the Excel add-in', () => {
    const sheets = [...topLevelFunctions(code).entries()]
      .filter(([name]) => name.startsWith('ALLIANCE_'))
      .map(([name, stub]) => ({ id: name.slice('ALLIANCE_'.length), params: stub.params }));
    const excel = functionsMetadata().functions.map((f) => ({
      id: f.id,
      params: f.parameters.map((p) => p.name),
    }));
    expect(sheets).toEqual(excel);
  });

  it('runs in a context without require, process, setTimeout, URL or TextEncoder', () => {
    const { context } = load(sample);
    expect(
      vm.runInContext(
        '[typeof require, typeof process, typeof setTimeout, typeof URL, typeof TextEncoder]',
        context,
      ),
    ).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
    expect(typeof context.AllianceLib).toBe('object');
  });

  it('adds the « Alliance » menu on open, each item calling a top-level function', () => {
    const { book, call, context } = load(sample);
    call('onOpen', { authMode: 'LIMITED' });
    expect(book.menus).toHaveLength(1);
    expect(book.menus[0].title).toBe('Alliance');
    expect(book.menus[0].items.map((i) => i.label)).toEqual([
      'Créer le gabarit',
      'Valider',
      'Reformater',
      'Sommaire budgétaire',
      'Classement et recommandation',
      'Suivi des projets',
      'Annuler la dernière opération',
      'Ouvrir le panneau',
    ]);
    for (const item of book.menus[0].items) expect(typeof context[item.handler]).toBe('function');
  });

  it('runs every menu action on the sample workbook', () => {
    const { book, call } = load(sample);
    const projetsBefore = book.sheet('Projets').valuesForTest();

    call('allianceMenuValidate');
    expect(book.sheets.map((s) => s.name)).toContain('Validation');
    expect(book.toasts.at(-1)).toMatch(/erreur/);

    // The Sommaire first offers to convert the sample's text amounts: « Non » here, Projets unchanged.
    book.onAlert((alert) => (alert.buttons === 'YES_NO_CANCEL' ? 'NO' : undefined));
    call('allianceMenuSummary');
    book.onAlert(null);
    expect(book.alerts.at(-1)?.prompt).toMatch(/^Le Sommaire lit \d+ cellules saisies en texte/);
    expect(book.sheet('Projets').valuesForTest()).toEqual(projetsBefore);
    const summary = book.sheet('Sommaire budgétaire');
    const headers = summary.valuesForTest().find((row) => row.includes('Exercice'));
    expect(headers?.filter((h) => h !== null)).toEqual(expect.arrayContaining([...SUMMARY_HEADERS]));
    expect(summary.charts.length).toBeGreaterThan(0);

    call('allianceMenuRank');
    expect(book.sheets.map((s) => s.name)).toContain('Classement');

    call('allianceMenuReformat');
    const confirm = book.alerts.at(-1);
    expect(confirm?.prompt).toMatch(/^\d+ cellules? (seront|sera) modifiées?\./);
    expect(book.sheet('Projets').valuesForTest()).not.toEqual(projetsBefore);
    expect(book.sheets.map((s) => s.name)).toContain('Journal');

    call('allianceMenuUndo');
    expect(book.sheet('Projets').valuesForTest()).toEqual(projetsBefore);

    call('allianceMenuTemplate');
    expect(book.toasts.length).toBeGreaterThanOrEqual(5);
    expect(book.flushes).toBeGreaterThanOrEqual(5);
  });

  it('changes nothing when the user answers « Non » to the cell count', () => {
    const { book, call } = load(sample, { alertAnswer: 'NO' });
    const before = book.sheet('Projets').valuesForTest();
    call('allianceMenuReformat');
    expect(book.alerts).toHaveLength(1);
    expect(book.sheet('Projets').valuesForTest()).toEqual(before);
    expect(book.sheets.map((s) => s.name)).not.toContain('Journal');
    expect(book.flushes).toBe(0);
  });

  it('creates the template in an empty spreadsheet', () => {
    const { book, call } = load({ sheets: [{ name: 'Feuille 1', values: [] }] });
    call('allianceMenuTemplate');
    expect(book.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Projets', 'Budget prévisionnel']),
    );
  });

  it('serves the sidebar and its server functions with plain data', () => {
    const { book, call } = load(sample);
    call('allianceMenuOpenPanel');
    expect(book.sidebars).toHaveLength(1);
    expect(book.sidebars[0].title).toBe('Alliance pour la solidarité');
    expect(book.sidebars[0].content).toContain('<script>');

    const preview = JSON.parse(JSON.stringify(call('alliancePreview', 'reformat', 'fr')));
    expect(preview.changedCells).toBeGreaterThan(0);
    expect(book.flushes).toBe(0);

    const result = JSON.parse(JSON.stringify(call('allianceRun', 'validate', 'en')));
    expect(result).toMatchObject({ action: 'validate', ok: true, changedCells: 0, sheet: 'Validation' });
    expect(result.issues.length).toBeGreaterThan(0);
    const located = result.issues.find((i: { cell?: string }) => i.cell);
    expect(located).toMatchObject({
      severity: expect.any(String),
      code: expect.any(String),
      message: expect.any(String),
    });

    call('allianceSelect', located.sheet, located.cell);
    expect(book.active?.name).toBe(located.sheet);
    expect(book.sheet(located.sheet).activeRange).toBe(located.cell);
    expect(() => call('allianceRun', 'supprimer-tout', 'fr')).toThrow(/Action inconnue/);
  });

  it('offers the Sommaire’s conversion in the sidebar: previewed as optional cells, written only when asked', () => {
    for (const convert of [false, true]) {
      const { book, call } = load(sample);
      const before = book.sheet('Budget prévisionnel').valuesForTest();
      const preview = JSON.parse(JSON.stringify(call('alliancePreview', 'summary', 'fr')));
      expect(preview.changedCells).toBe(0);
      expect(preview.optionalCells).toBeGreaterThan(0);
      const result = JSON.parse(
        JSON.stringify(
          call('allianceRun', 'summary', 'fr', { token: preview.token, restoreChanged: convert }),
        ),
      );
      expect(result).toMatchObject({ action: 'summary', ok: true, sheet: 'Sommaire budgétaire' });
      const after = book.sheet('Budget prévisionnel').valuesForTest();
      if (convert) {
        expect(after).not.toEqual(before);
        expect(book.sheets.map((s) => s.name)).toContain('Journal');
      } else {
        expect(after).toEqual(before);
        expect(book.sheets.map((s) => s.name)).not.toContain('Journal');
      }
    }
  });

  it('reads dates on the spreadsheet’s clock in custom functions and actions, whatever its zone', () => {
    // 2021-03-31 19:30 is still 2020-2021 (it was 2021-2022 when read as UTC); Fin 2021-03-31 too.
    const late = new Date(Date.UTC(2021, 2, 31, 19, 30));
    for (const timeZone of ['America/Montreal', 'America/Vancouver', 'Europe/Paris', 'Asia/Kolkata']) {
      const { call, sheetsArg } = load(sample, { timeZone });
      expect(call('ALLIANCE_FISCAL_YEAR', sheetsArg(late)), timeZone).toEqual([['2020-2021']]);
      expect(call('ALLIANCE_REPORT_DUE', sheetsArg(late), 3), timeZone).toEqual([[44377]]);
    }
    // The same workbook in two zones gives the same report.
    const results = ['America/Montreal', 'Pacific/Auckland'].map((timeZone) => {
      const { call } = load(sample, { timeZone });
      const result = call('allianceRun', 'validate', 'fr') as { summary: string; issues: unknown[] };
      return JSON.stringify([result.summary, result.issues]);
    });
    expect(results[1]).toBe(results[0]);
  });

  it('leaves the user on their sheet although insertSheet makes the new Journal the active one', () => {
    const { call, book } = load(sample);
    book.active = book.sheet('Notes');
    expect(book.sheets.map((s) => s.name)).not.toContain('Journal');
    const result = call('allianceRun', 'reformat', 'fr') as { ok: boolean; summary: string };
    expect(result.ok, result.summary).toBe(true);
    expect(book.sheets.map((s) => s.name)).toContain('Journal');
    // Reformater shows the staff sheet it tidied, never the Journal it had to create.
    expect(book.active?.name).not.toBe('Journal');
    expect(['Notes', 'Projets', 'Budget prévisionnel']).toContain(book.active?.name);
  });

  it('skips sheets that are not grids (a chart sheet, a data source) and never takes their names', () => {
    const { call, book } = load(sample);
    book.addSheet('Graphique des dépenses').type = 'OBJECT';
    book.addSheet('classement').type = 'OBJECT';
    book.addSheet('Données BigQuery').type = 'DATASOURCE';
    for (const action of ['validate', 'rank', 'summary']) {
      const result = call('allianceRun', action, 'fr') as { ok: boolean; summary: string };
      expect(result.ok, `${action}: ${result.summary}`).toBe(true);
    }
    // Sheets names sheets without regard to case: the ranking goes beside the chart sheet.
    expect(book.sheets.map((s) => s.name)).toContain('Classement (2)');
    expect(book.sheets.find((s) => s.name === 'classement')?.type).toBe('OBJECT');
  });

  it('computes custom functions like the core catalog, from Sheets-shaped ranges', () => {
    const { call, sheetsArg } = load(sample);
    const projets = sample.sheets.find((s) => s.name === 'Projets');
    if (!projets) throw new Error('sample without Projets');
    const headerRow = projets.values.findIndex((row) =>
      row.some((v) => typeof v === 'string' && headerKey(v) === headerKey('Organisme porteur')),
    );
    const header = projets.values[headerRow].map((v) => (typeof v === 'string' ? headerKey(v) : ''));
    const rows = projets.values.slice(headerRow + 1);
    const columns = (...names: string[]): CellValue[][] =>
      rows.map((row) => names.map((name) => row[header.indexOf(headerKey(name))] ?? null));
    /** `C2:C` on a 1 000-row sheet: the project rows, then blank rows to the end. */
    const wholeColumn = (grid: CellValue[][]): CellValue[][] => [
      ...grid,
      ...Array.from({ length: 1000 - grid.length }, () => grid[0].map(() => null)),
    ];
    const args: Record<string, CellValue[][][]> = {
      ELIGIBLE: [
        columns('Organisme porteur', 'Organismes partenaires'),
        columns('Appuis'),
        columns('Municipalités'),
        columns('Priorités'),
        columns('Fin'),
      ],
      MUNICIPALITIES: [columns('Municipalités')],
      FISCAL_YEAR: [columns('Début')],
      AMOUNT: [columns('Coût total')],
    };
    args.REASONS = args.ELIGIBLE;
    for (const [name, grids] of Object.entries(args)) {
      const fn = catalogFunction(name as (typeof CATALOG)[number]['name']);
      const sheetsArgs = fn.declaration.params.map((_, i) =>
        grids[i] ? sheetsArg(wholeColumn(grids[i])) : undefined,
      );
      const fromSheets = JSON.parse(JSON.stringify(call(`ALLIANCE_${name}`, ...sheetsArgs)));
      const core = fn
        .invoke(fn.declaration.params.map((_, i) => grids[i]))
        .map((row) => row.map((cell) => toSheetsCell(cell)));
      expect(fromSheets, name).toEqual(core);
      expect(fromSheets.length, name).toBeLessThanOrEqual(rows.length);
    }
    const score = call(
      'ALLIANCE_SCORE',
      sheetsArg([
        [8, 'S.O.', 10],
        [5, 5, 5],
      ]),
      sheetsArg([[50, 30, 20]]),
      '',
    );
    expect(JSON.parse(JSON.stringify(score))).toEqual(
      catalogFunction('SCORE').invoke([
        [
          [8, 'S.O.', 10],
          [5, 5, 5],
        ],
        [[50, 30, 20]],
        '',
      ]),
    );
    const carry = call(
      'ALLIANCE_CARRYFORWARD',
      sheetsArg([[0, 195007, 97503, 97503]]),
      sheetsArg([[0, 150000, 0, 0]]),
    );
    expect(JSON.parse(JSON.stringify(carry))[2]).toEqual([97503, 45007, 142510, 0, 142510]);
    expect(call('ALLIANCE_AMOUNT', 'beaucoup')).toEqual([[expect.stringMatching(/^#VALEUR! /)]]);
  });
});

describe('Code.js at scale: what an action reads and sends', () => {
  const JOURNAL_ROWS = 50_000;

  it('sends the sidebar the first lines of each sheet and the counts of the others', () => {
    const big = generateWorkbook(400);
    const { call } = load(big);
    const sent = JSON.parse(JSON.stringify(call('allianceRun', 'validate', 'fr')));
    const now = new Date();
    const direct = runAction('validate', big, { lang: 'fr', now });
    const perSheet = new Map<string, number>();
    for (const line of sent.issues) perSheet.set(line.sheet ?? '', (perSheet.get(line.sheet ?? '') ?? 0) + 1);
    expect(Math.max(...perSheet.values())).toBe(ISSUES_SENT_PER_SHEET);
    expect(sent.unsent.length).toBeGreaterThan(0);
    const counts = countBySeverity(sent.issues);
    for (const unsent of sent.unsent) for (const sev of SEVERITIES) counts[sev] += unsent.counts[sev];
    const expected = { error: 0, warning: 0, info: 0 };
    for (const found of direct.issues) expected[found.severity] += 1;
    expect(counts).toEqual(expected);
    expect(sent.issues).toEqual(toPanelResult(direct, 'fr').issues);
  });

  it('appends to a 50 000-row Journal reading its header and last row only; Annuler reads it whole', () => {
    const { book, call } = load(withJournal(sample, JOURNAL_ROWS));
    const journal = book.sheet('Journal');
    const lastBefore = journal.getLastRow();
    expect(lastBefore).toBe(JOURNAL_ROWS + 4);
    for (const action of ['validate', 'summary', 'rank', 'followup', 'template', 'reformat'] as const) {
      const meter = new PayloadMeter();
      book.counter.meter = meter;
      if (action === 'reformat') {
        const preview = JSON.parse(JSON.stringify(call('alliancePreview', action, 'fr')));
        expect(preview.changedCells).toBeGreaterThan(0);
        call('allianceRun', action, 'fr', { token: preview.token, restoreChanged: false });
      } else call('allianceRun', action, 'fr');
      book.counter.meter = null;
      const old = meter.reads('Journal').filter((t) => t.row <= lastBefore);
      // The head (title, mark, header: the first JOURNAL_HEAD_ROWS rows at most) and the last row.
      for (const read of old) {
        expect(
          read.row === 1 ? read.rows <= JOURNAL_HEAD_ROWS : read.row === lastBefore && read.rows === 1,
          action,
        ).toBe(true);
      }
      expect(
        old.reduce((sum, t) => sum + t.bytes, 0),
        action,
      ).toBeLessThan(8_000);
    }
    // Reformater's rows start right below the old last row, none written over it.
    const rows = journal.getLastRow();
    expect(rows).toBeGreaterThan(lastBefore);
    expect(journal.getRange(lastBefore, 9).getValue()).toBe('Annulée');
    expect(journal.getRange(lastBefore + 1, 1).getValue()).toMatch(/Z-reformat$/);
    expect(journal.getRange(lastBefore + 1, 9).getValue()).toBe('Appliquée');

    const meter = new PayloadMeter();
    book.counter.meter = meter;
    const preview = JSON.parse(JSON.stringify(call('alliancePreview', 'undo', 'fr')));
    call('allianceRun', 'undo', 'fr', { token: preview.token, restoreChanged: false });
    book.counter.meter = null;
    expect(meter.reads('Journal').some((t) => t.row === 1 && t.rows === rows)).toBe(true);
    expect(journal.getRange(lastBefore + 1, 9).getValue()).toBe('Annulée');
  });
});

describe('deployment files', () => {
  it('writes only Code.js, Sidebar.html and appsscript.json', async () => {
    expect((await readdir(outDir)).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
    expect(sidebar).toContain('<base target="_top">');
  });

  it('asks for exactly the two minimal scopes, on V8 in Montreal time', async () => {
    const manifest = JSON.parse(await readFile(join(outDir, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({
      runtimeVersion: 'V8',
      timeZone: 'America/Montreal',
      exceptionLogging: 'STACKDRIVER',
    });
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

  it('points clasp at the build output, and clasp pushes exactly those files', async () => {
    const { OUT_DIR } = await import('../../build/sheets.js');
    const example = JSON.parse(await readFile('.clasp.json.example', 'utf8'));
    expect(resolve(example.rootDir)).toBe(OUT_DIR);
    expect(relative(process.cwd(), OUT_DIR)).toBe(example.rootDir);
    await copyFile('.clasp.json.example', join(projectDir, '.clasp.json'));
    const clasp = spawnSync(
      resolve('node_modules/.bin/clasp'),
      ['-P', join(projectDir, '.clasp.json'), 'show-file-status', '--json'],
      { cwd: projectDir, encoding: 'utf8', timeout: 60_000 },
    );
    expect(clasp.status, clasp.stderr).toBe(0);
    const status = JSON.parse(clasp.stdout);
    expect(status.filesToPush.map((f: string) => f.split('/').pop()).sort()).toEqual([
      'Code.js',
      'Sidebar.html',
      'appsscript.json',
    ]);
  });
});
