/**
 * The built Sidebar.html in headless Chromium, its `google.script.run` answered by the built
 * Code.js loaded as Apps Script loads it (over the fake spreadsheet holding the sample workbook):
 * the whole Sheets path from a click in the panel to the cells written.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/xlsx/read.js';
import type { WorkbookSnapshot } from '../../core/cells.js';
import {
  type ChromiumSession,
  collectPageErrors,
  launchChromium,
  type StaticServer,
  screenshot,
  serveFiles,
} from '../e2e/browser.js';
import { openSidebar } from '../e2e/sidebar-page.js';
import { type LoadedBundle, loadBundle } from './bundle-harness.js';

let outDir: string;
let code: string;
let sidebar: string;
let sample: WorkbookSnapshot;
let session: ChromiumSession;
let server: StaticServer;

beforeAll(async () => {
  const { build } = await import('../../build/sheets.js');
  outDir = await mkdtemp(join(tmpdir(), 'alliance-sidebar-'));
  await build({ outDir });
  code = await readFile(join(outDir, 'Code.js'), 'utf8');
  sidebar = await readFile(join(outDir, 'Sidebar.html'), 'utf8');
  sample = (await readWorkbook('examples/alliance-exemple.xlsx')).snapshot;
  server = await serveFiles({ '/Sidebar.html': sidebar });
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  await rm(outDir, { recursive: true, force: true });
});

async function open(bundle: LoadedBundle) {
  const calls: string[] = [];
  const page = await openSidebar(session, `${server.origin}/Sidebar.html`, (name, args) => {
    calls.push(name);
    return bundle.call(name, ...args);
  });
  return { page, calls };
}

describe('the Sheets sidebar over the built Code.js', () => {
  it('validates the sample workbook and shows the cell of a clicked issue', async () => {
    const bundle = loadBundle(code, sample, { sidebar });
    const { page, calls } = await open(bundle);
    const errors = collectPageErrors(page);

    await page.getByRole('button', { name: /^Valider/ }).click();
    await page.locator('.ap-group').first().waitFor();
    expect(calls).toEqual(['allianceRun']);
    expect(bundle.book.sheets.map((s) => s.name)).toContain('Validation');
    expect(await page.locator('.ap-summary').textContent()).toMatch(/erreur/);
    const groups = await page.locator('.ap-group-name').allTextContents();
    expect(groups.some((g) => g.startsWith('Projets'))).toBe(true);

    const issue = page.locator('.ap-group[data-sheet="Projets"] button.ap-issue').first();
    const cell = (await issue.locator('.ap-issue-cell').textContent()) ?? '';
    await issue.click();
    await expect.poll(() => bundle.book.sheet('Projets').activeRange).toBe(cell);
    expect(bundle.book.active?.name).toBe('Projets');

    await screenshot(page, 'sheets-sidebar-validate');
    expect(errors).toEqual([]);
  });

  it('reformats after the confirmation with the cell count, then undoes', async () => {
    const bundle = loadBundle(code, sample, { sidebar });
    const before = bundle.book.sheet('Projets').valuesForTest();
    const { page, calls } = await open(bundle);

    await page.getByRole('button', { name: /^Reformater/ }).click();
    const confirm = page.locator('.ap-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/\d+ cellules seront modifiées/);
    expect(bundle.book.flushes).toBe(0);
    await confirm.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => calls.filter((c) => c === 'allianceRun').length).toBe(1);
    await expect.poll(() => bundle.book.sheets.map((s) => s.name)).toContain('Journal');
    expect(bundle.book.sheet('Projets').valuesForTest()).not.toEqual(before);
    await screenshot(page, 'sheets-sidebar-reformat');

    await page.getByRole('button', { name: /^Annuler la dernière/ }).click();
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => calls.filter((c) => c === 'allianceRun').length).toBe(2);
    expect(bundle.book.sheet('Projets').valuesForTest()).toEqual(before);
  });
});
