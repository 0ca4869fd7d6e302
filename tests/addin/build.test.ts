import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGLISH_GLOBAL, type EnglishPack } from '../../addin/english.js';
import { functionsJson } from '../../addin/functions-metadata.js';
import { ADDIN_SCRIPTS, build, OFFICE_JS_URL, taskpaneHtml } from '../../build/addin.js';
import { BUNDLE_BUDGET_BYTES } from '../../build/budget.js';
import { CATALOG } from '../../core/catalog/catalog.js';
import { en, enGroups, enPanel, enSheets } from '../../core/messages/en.js';
import { frPanel } from '../../core/messages/fr.js';
import { enFunctions, frFunctions } from '../../core/messages/functions.js';
import { GROUPED_CODES } from '../../core/messages/groups.js';
import { renderIssue } from '../../core/messages/index.js';

const BASE = 'https://outils.mrcmaskoutains.example/alliance';
let dir: string;
let result: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alliance-addin-'));
  result = await build({
    baseUrl: `${BASE}/`,
    outDir: join(dir, 'addin'),
    testOutDir: join(dir, 'addin-test'),
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = (path: string) => readFile(join(dir, path), 'utf8');

describe('npm run build:addin', () => {
  it('writes every file the manifest points to', async () => {
    for (const file of [
      'taskpane.html',
      ...ADDIN_SCRIPTS,
      'taskpane.css',
      'functions.json',
      'manifest.xml',
      'aide.html',
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
    ]) {
      expect((await stat(join(dir, 'addin', file))).size).toBeGreaterThan(0);
    }
    const manifest = await read('addin/manifest.xml');
    const urls = [...manifest.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]);
    for (const url of urls) {
      const path = url.slice(BASE.length + 1);
      expect((await stat(join(dir, 'addin', path))).isFile()).toBe(true);
    }
    expect(result.baseUrl).toBe(BASE);
    // design.md « Performance budgets » (build/budget.ts): each script, like Code.js.
    for (const name of ADDIN_SCRIPTS) {
      expect(result.sizes[name], name).toBeGreaterThan(0);
      expect(result.sizes[name], name).toBe((await stat(join(dir, 'addin', name))).size);
      expect(result.sizes[name], name).toBeLessThan(BUNDLE_BUDGET_BYTES);
    }
  });

  it('leaves English out of taskpane.js: taskpane-en.js brings the same tables as core', async () => {
    // Every English panel sentence that French does not share is absent from the French script.
    const taskpane = await read('addin/taskpane.js');
    const englishOnly = Object.entries(enPanel).filter(
      ([key, text]) =>
        typeof text === 'string' && text.includes(' ') && text !== frPanel[key as keyof typeof frPanel],
    );
    expect(englishOnly.length).toBeGreaterThan(5);
    for (const [key, text] of englishOnly) expect(taskpane.includes(text), key).toBe(false);
    expect(taskpane.includes('Unrecognized municipality')).toBe(false);

    const context: Record<string, unknown> = {};
    runInNewContext(await read('addin/taskpane-en.js'), context);
    const pack = context[ENGLISH_GLOBAL] as EnglishPack;
    expect(Object.keys(pack)).toEqual(['en', 'enGroups', 'enSheets', 'enPanel']);
    expect(Object.keys(pack.en)).toEqual(Object.keys(en));
    expect(Object.keys(pack.enGroups)).toEqual([...GROUPED_CODES]);
    expect(Object.keys(pack.enSheets)).toEqual(Object.keys(enSheets));
    expect(JSON.stringify(pack.enPanel)).toBe(JSON.stringify(enPanel));
    const found = {
      code: 'municipality.unrecognized',
      params: { input: 'Ste-Madelaine', suggestion: 'X' },
    } as const;
    expect(pack.en[found.code](found.params)).toBe(renderIssue(found, 'en'));
    expect(pack.enGroups['money.text']({ count: 3, cells: 'C5, D5, E5' })).toBe(
      enGroups['money.text']({ count: 3, cells: 'C5, D5, E5' }),
    );
    expect(pack.enPanel.confirmChanges(1234)).toBe(enPanel.confirmChanges(1234));
    expect(pack.enSheets.summaryTitle('P')).toBe(enSheets.summaryTitle('P'));
  });

  it('writes aide.html in French then English, every function with its parameters', async () => {
    const page = await read('addin/aide.html');
    const [french, english] = page.split('<section lang="en">');
    for (const [text, texts] of [
      [french, frFunctions],
      [english, enFunctions],
    ] as const) {
      for (const fn of CATALOG) {
        const params = fn.declaration.params.map((p) =>
          'optional' in p ? `[${texts.params[p.key].name}]` : texts.params[p.key].name,
        );
        expect(text).toContain(`=ALLIANCE.${fn.name}(${params.join('; ')})`);
        expect(text).toContain(texts.help[fn.name].split(' ').slice(0, 3).join(' '));
      }
      expect(text).toContain(texts.helpPage.functionsHeading);
    }
  });

  it('generates functions.json from the catalog and loads Office.js from the CDN only', async () => {
    expect(await read('addin/functions.json')).toBe(functionsJson());
    const html = await read('addin/taskpane.html');
    expect(html).toBe(taskpaneHtml());
    expect(html).toContain(OFFICE_JS_URL);
    expect(await read('addin/taskpane.js')).not.toMatch(/appsforoffice\.microsoft\.com/);
  });

  it('builds a functions.js that registers and answers every catalog function in Excel’s runtime', async () => {
    const associated = new Map<string, (...args: unknown[]) => unknown[][] | Promise<unknown[][]>>();
    class RuntimeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    const CustomFunctions = {
      associate: (id: string, fn: (...args: unknown[]) => unknown[][] | Promise<unknown[][]>) =>
        associated.set(id, fn),
      Error: RuntimeError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
    };
    // A page's globals the bundle uses: the custom functions' runtime and timers.
    runInNewContext(await read('addin/functions.js'), { CustomFunctions, setTimeout, clearTimeout });
    expect([...associated.keys()]).toEqual(CATALOG.map((f) => f.name));
    const amount = associated.get('AMOUNT')!;
    // No Office here: the first calls wait for the date system's answer (none: 1900), as Excel allows.
    expect(await amount([['195 007 $'], [null], ['- $']], { functionName: 'ALLIANCE.AMOUNT' })).toEqual([
      [195007],
      [''],
      [0],
    ]);
    const [[bad]] = await amount([['n’importe quoi']], {});
    expect(bad).toBeInstanceOf(RuntimeError);
  });

  it('writes a test page where the fake Office host stands in for Office.js', async () => {
    const html = await read('addin-test/taskpane.html');
    expect(html).toContain('<script src="fake-office.js"></script>');
    expect(html).not.toContain('appsforoffice');
    const fake = await read('addin-test/fake-office.js');
    expect(fake).toContain('__allianceFake');
    // The sample workbook is inlined: its Projets sheet is there.
    expect(fake).toContain('Projets');
    expect(await read('addin-test/taskpane.js')).toBe(await read('addin/taskpane.js'));
  });
});
