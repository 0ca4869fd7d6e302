/**
 * The editor add-on (`npm run build:sheets -- --addon`), built into its own folder and loaded as
 * Apps Script loads it: the same bundle as the bound script, a menu under Extensions that needs
 * no authorization, and the same two scopes.
 */

import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENU_ITEMS } from '../../apps-script/main.js';
import { entryPoints, STUBS_MARKER } from '../../apps-script/stubs.js';
import { CODE_JS_BUDGET_BYTES } from '../../build/budget.js';
import { ADDON_OUT_DIR, build, OUT_DIR } from '../../build/sheets.js';
import { readWorkbook } from '../../cli/xlsx/read.js';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { loadBundle } from './bundle-harness.js';

let projectDir: string;
let addonDir: string;
let boundDir: string;
let addonBuild: Awaited<ReturnType<typeof build>>;
let code: string;
let boundCode: string;
let sidebar: string;
let sample: WorkbookSnapshot;

beforeAll(async () => {
  // A stand-in for the repository root: .clasp-addon.json beside dist/apps-script-addon.
  projectDir = await mkdtemp(join(tmpdir(), 'alliance-addon-'));
  addonDir = join(projectDir, 'dist', 'apps-script-addon');
  boundDir = join(projectDir, 'dist', 'apps-script');
  [addonBuild] = await Promise.all([
    build({ variant: 'addon', outDir: addonDir }),
    build({ outDir: boundDir }),
  ]);
  code = await readFile(join(addonDir, 'Code.js'), 'utf8');
  boundCode = await readFile(join(boundDir, 'Code.js'), 'utf8');
  sidebar = await readFile(join(addonDir, 'Sidebar.html'), 'utf8');
  sample = (await readWorkbook('examples/alliance-exemple.xlsx')).snapshot;
});

afterAll(async () => {
  await rm(projectDir, { recursive: true, force: true });
});

/** Every call the AuthMode.NONE menu may make: the UI and its add-on menu. */
const MENU_CALLS = [
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addToUi',
];

describe('editor add-on: Code.js', () => {
  it('is the bound script’s bundle and sidebar, with only its own triggers added', async () => {
    expect(code.split(STUBS_MARKER)[0]).toBe(boundCode.split(STUBS_MARKER)[0]);
    expect(code.split(STUBS_MARKER)[0].length).toBeGreaterThan(100_000);
    expect(sidebar).toBe(await readFile(join(boundDir, 'Sidebar.html'), 'utf8'));
    expect(code).toContain('function onInstall(e) {\n  return AllianceLib.onAddonInstall(e);\n}');
    expect(code).toContain('function onOpen(e) {\n  return AllianceLib.onAddonOpen(e);\n}');
    expect(boundCode).not.toMatch(/^function onInstall\(/m);
    expect(entryPoints('addon').map((e) => e.name)).toEqual([
      'onOpen',
      'onInstall',
      ...entryPoints('bound')
        .map((e) => e.name)
        .filter((name) => name !== 'onOpen'),
    ]);
  });

  it('stays under the Code.js budget', async () => {
    expect(addonBuild.overBudget).toBe(false);
    expect(addonBuild.codeBytes).toBe((await stat(join(addonDir, 'Code.js'))).size);
    expect(addonBuild.codeBytes).toBeLessThan(CODE_JS_BUDGET_BYTES);
  });

  for (const trigger of ['onInstall', 'onOpen']) {
    it(`${trigger} in AuthMode.NONE builds the add-on menu with every action and the panel, calling nothing else`, () => {
      const { book, call, context } = loadBundle(code, sample, { sidebar, authMode: 'NONE' });
      call(trigger, { authMode: 'NONE' });
      expect(book.menus).toHaveLength(1);
      const [menu] = book.menus;
      expect(menu.addon).toBe(true);
      expect(menu.items).toEqual(MENU_ITEMS.map(({ label, handler }) => ({ label, handler })));
      for (const item of menu.items) expect(typeof context[item.handler], item.handler).toBe('function');
      // The fake throws on any service that needs authorization; what was called is the menu only.
      expect([...book.counter.counts.keys()].filter((call) => !MENU_CALLS.includes(call))).toEqual([]);
      expect(book.counter.get('Ui.createAddonMenu')).toBe(1);
    });
  }

  it('the bound script’s onOpen keeps its own « Alliance » menu, not the add-on’s', () => {
    const { book, call } = loadBundle(boundCode, sample, { sidebar });
    call('onOpen', { authMode: 'LIMITED' });
    expect(book.menus.map((m) => [m.title, m.addon])).toEqual([['Alliance', false]]);
  });

  it('once authorized, its menu items run the actions and open the panel', () => {
    const { book, call } = loadBundle(code, sample, { sidebar });
    call('onOpen', { authMode: 'FULL' });
    const validate = book.menus[0].items.find((item) => item.handler === 'allianceMenuValidate');
    call(validate?.handler ?? 'missing');
    expect(book.sheets.map((s) => s.name)).toContain('Validation');
    call(book.menus[0].items.at(-1)?.handler ?? 'missing');
    expect(book.sidebars).toHaveLength(1);
  });
});

describe('editor add-on: deployment files', () => {
  it('writes only Code.js, Sidebar.html and appsscript.json', async () => {
    expect((await readdir(addonDir)).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
  });

  it('asks for the bound script’s two scopes and nothing more', async () => {
    const manifest = JSON.parse(await readFile(join(addonDir, 'appsscript.json'), 'utf8'));
    const source = JSON.parse(await readFile('apps-script/appsscript.json', 'utf8'));
    expect(manifest).toEqual(source);
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

  it('`npm run build:sheets -- --addon` writes the add-on into its own folder, apart from the bound one', () => {
    expect(ADDON_OUT_DIR).not.toBe(OUT_DIR);
    const run = spawnSync(resolve('node_modules/.bin/tsx'), ['build/sheets.ts', '--addon'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(ADDON_OUT_DIR);
    expect(run.stdout).toContain('module complémentaire');
  });

  it('points its clasp project at the add-on folder, and clasp pushes exactly those files', async () => {
    const example = JSON.parse(await readFile('.clasp-addon.json.example', 'utf8'));
    expect(relative(process.cwd(), ADDON_OUT_DIR)).toBe(example.rootDir);
    await copyFile('.clasp-addon.json.example', join(projectDir, '.clasp-addon.json'));
    const clasp = spawnSync(
      resolve('node_modules/.bin/clasp'),
      ['-P', join(projectDir, '.clasp-addon.json'), 'show-file-status', '--json'],
      { cwd: projectDir, encoding: 'utf8', timeout: 60_000 },
    );
    expect(clasp.status, clasp.stderr).toBe(0);
    const status = JSON.parse(clasp.stdout);
    expect(status.filesToPush.map((f: string) => f.split('/').slice(-2).join('/')).sort()).toEqual([
      'apps-script-addon/Code.js',
      'apps-script-addon/Sidebar.html',
      'apps-script-addon/appsscript.json',
    ]);
  });
});
