/**
 * The Content-Security-Policies at work, in Chromium: the built sidebar and the built task pane
 * (its test page, Office.js replaced by the fake host) still run their panel, and a script in the
 * page that tries to reach another site is stopped before any request leaves — a second local
 * server standing for « another site » counts what reaches it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build as buildAddin } from '../../build/addin.js';
import { build as buildSheets } from '../../build/sheets.js';
import {
  type ChromiumSession,
  collectPageErrors,
  launchChromium,
  type StaticServer,
  serveFiles,
} from '../e2e/browser.js';
import { openSidebar } from '../e2e/sidebar-page.js';

/** The same tries from a page without a policy must reach the other site, or the test proves nothing. */
const CONTROL_PAGE =
  '<!DOCTYPE html><html lang="fr-CA"><head><meta charset="utf-8"><title>t</title></head><body></body></html>';

let dir: string;
let session: ChromiumSession;
let sidebarSite: StaticServer;
let taskpaneSite: StaticServer;
let elsewhere: StaticServer;
const reachedElsewhere: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alliance-csp-'));
  await buildSheets({ outDir: join(dir, 'apps-script') });
  const { testOutDir } = await buildAddin({
    outDir: join(dir, 'addin'),
    testOutDir: join(dir, 'addin-test'),
  });
  if (!testOutDir) throw new Error('the add-in build wrote no test page');
  const sidebar = await readFile(join(dir, 'apps-script', 'Sidebar.html'), 'utf8');
  const taskpaneFiles: Record<string, Buffer> = {};
  for (const name of ['taskpane.html', 'taskpane.js', 'functions.js', 'taskpane.css', 'fake-office.js'])
    taskpaneFiles[`/${name}`] = await readFile(join(testOutDir, name));
  // The control page is served by a real server: Chromium keeps a page it cannot place on the
  // network (e.g. a routed one) from reaching loopback addresses at all.
  sidebarSite = await serveFiles({ '/Sidebar.html': sidebar, '/control.html': CONTROL_PAGE });
  taskpaneSite = await serveFiles(taskpaneFiles);
  elsewhere = await serveFiles((path) => {
    reachedElsewhere.push(path);
    return 'ok';
  });
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
  await Promise.all([sidebarSite?.close(), taskpaneSite?.close(), elsewhere?.close()]);
  await rm(dir, { recursive: true, force: true });
});

/**
 * Every way out a page script could try, each to its own path of the other site so the server's log
 * tells which got through (a cross-origin fetch can reach the server and still reject in the page,
 * so the page's view proves nothing). Returns whether `eval` ran.
 */
async function tryToLeave(page: Page, target: string): Promise<{ evalRan: boolean }> {
  return page.evaluate(async (base) => {
    await fetch(`${base}/fetch`).catch(() => {});
    await new Promise((resolve) => {
      const request = new XMLHttpRequest();
      request.onloadend = resolve;
      request.open('GET', `${base}/xhr`);
      request.send();
    });
    try {
      navigator.sendBeacon(`${base}/beacon`, 'x');
    } catch {
      // refused outright: nothing left
    }
    const image = new Image();
    image.src = `${base}/image`;
    let evalRan = false;
    try {
      // biome-ignore lint/security/noGlobalEval: the point is to prove the page forbids it
      evalRan = eval('1 + 1') === 2;
    } catch {
      evalRan = false;
    }
    return { evalRan };
  }, target);
}

/** Paths the other site received from the page tagged `tag`. */
function reachedFrom(tag: string): string[] {
  return reachedElsewhere.filter((path) => path.startsWith(`/${tag}/`)).sort();
}

describe('pages under their CSP', () => {
  it('the Sheets sidebar runs its panel without a policy error', async () => {
    const page = await openSidebar(session, `${sidebarSite.origin}/Sidebar.html`, () => ({
      action: 'validate',
      ok: true,
      summary: 'Aucun problème dans le classeur.',
      issues: [],
      changedCells: 0,
    }));
    const errors = collectPageErrors(page);
    await page.getByRole('button', { name: 'Valider' }).first().click();
    await page.getByText('Aucun problème dans le classeur.').first().waitFor();
    expect(errors).toEqual([]);
    await tryToLeave(page, `${elsewhere.origin}/sidebar`);
    await page.close();
  });

  it('the Excel task pane runs its panel over the fake host, and refuses eval', async () => {
    const page = await session.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${taskpaneSite.origin}/taskpane.html`);
    await page.locator('.alliance-panel').waitFor();
    expect(errors).toEqual([]);
    const { evalRan } = await tryToLeave(page, `${elsewhere.origin}/taskpane`);
    expect(evalRan).toBe(false);
    await page.close();
  });

  it('nothing either page tried reached the other site, though the same tries without a CSP do', async () => {
    // The control: a page without a policy, from the same site as the sidebar.
    const page = await session.newPage();
    await page.goto(`${sidebarSite.origin}/control.html`);
    const { evalRan } = await tryToLeave(page, `${elsewhere.origin}/control`);
    expect(evalRan).toBe(true);
    await expect
      .poll(() => reachedFrom('control'), { timeout: 10_000 })
      .toEqual(['/control/beacon', '/control/fetch', '/control/image', '/control/xhr']);
    await page.close();
    // The beacons and images of the pages above were sent before the control's: they had their time.
    expect(reachedFrom('sidebar')).toEqual([]);
    expect(reachedFrom('taskpane')).toEqual([]);
  });
});
