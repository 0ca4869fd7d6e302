/**
 * The task pane's Content-Security-Policy at work, in Chromium: the built task pane (its test page,
 * Office.js replaced by the fake host) still runs its panel, and a script in the page that tries to
 * reach another site is stopped before any request leaves — a second local server standing for
 * « another site » counts what reaches it. The Sheets sidebar has no policy of its own to test here:
 * HtmlService ignores meta tags written in the file
 * (developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String)); its
 * code is checked in no-network.test.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build as buildAddin } from '../../build/addin.js';
import {
  type ChromiumSession,
  collectPageErrors,
  launchChromium,
  type StaticServer,
  serveFiles,
} from '../e2e/browser.js';

/** The same tries from a page without a policy must reach the other site, or the test proves nothing. */
const CONTROL_PAGE =
  '<!DOCTYPE html><html lang="fr-CA"><head><meta charset="utf-8"><title>t</title></head><body></body></html>';

let dir: string;
let session: ChromiumSession;
let taskpaneSite: StaticServer;
let elsewhere: StaticServer;
const reachedElsewhere: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alliance-csp-'));
  const { testOutDir } = await buildAddin({
    outDir: join(dir, 'addin'),
    testOutDir: join(dir, 'addin-test'),
  });
  if (!testOutDir) throw new Error('the add-in build wrote no test page');
  const taskpaneFiles: Record<string, Buffer> = {};
  for (const name of ['taskpane.html', 'taskpane.js', 'functions.js', 'taskpane.css', 'fake-office.js'])
    taskpaneFiles[`/${name}`] = await readFile(join(testOutDir, name));
  // The control page is served by a real server, the task pane's: Chromium keeps a page it cannot
  // place on the network (e.g. a routed one) from reaching loopback addresses at all.
  taskpaneSite = await serveFiles({ ...taskpaneFiles, '/control.html': CONTROL_PAGE });
  elsewhere = await serveFiles((path) => {
    reachedElsewhere.push(path);
    return 'ok';
  });
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
  await Promise.all([taskpaneSite?.close(), elsewhere?.close()]);
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

describe('the task pane under its CSP', () => {
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

  it('nothing the task pane tried reached the other site, though the same tries without a CSP do', async () => {
    // The control: a page without a policy, from the same site as the task pane.
    const page = await session.newPage();
    await page.goto(`${taskpaneSite.origin}/control.html`);
    const { evalRan } = await tryToLeave(page, `${elsewhere.origin}/control`);
    expect(evalRan).toBe(true);
    await expect
      .poll(() => reachedFrom('control'), { timeout: 10_000 })
      .toEqual(['/control/beacon', '/control/fetch', '/control/image', '/control/xhr']);
    await page.close();
    // The beacon and image of the task pane were sent before the control's: they had their time.
    expect(reachedFrom('taskpane')).toEqual([]);
  });
});
