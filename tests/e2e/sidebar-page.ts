/**
 * The Google Sheets sidebar page in Chromium, with a fake `google.script.run` whose server
 * functions run in the test process (page.exposeFunction), so a test can answer them with the
 * real core or with scripted results.
 */
import type { Page } from 'playwright-core';
import { buildPanel, panelPage } from '../../build/panel.js';
import type { ChromiumSession } from './browser.js';

export type ServerFunction = 'allianceRun' | 'alliancePreview' | 'allianceSelect';
export type FakeServer = (name: ServerFunction, args: unknown[]) => unknown | Promise<unknown>;

/** Sidebar.html as the panel build makes it: the real sidebar entry and stylesheet, inlined. */
export async function sidebarHtml(): Promise<string> {
  const { js, css } = await buildPanel();
  return panelPage({ js, css, head: '<base target="_top">' });
}

/**
 * Runs in the page before its script: a `google.script.run` with HtmlService's shape (each
 * `with…Handler` returns a runner carrying its handlers; answers arrive asynchronously as JSON).
 */
function installFakeScriptRun(): void {
  type Handler = (value: unknown) => void;
  type Reply = { ok: true; value: unknown } | { ok: false; error: string };
  const server = (
    window as unknown as { __allianceServer: (name: string, args: unknown[]) => Promise<Reply> }
  ).__allianceServer;
  const runner = (onSuccess?: Handler, onFailure?: Handler): Record<string, unknown> => {
    const call =
      (name: string) =>
      (...args: unknown[]): void => {
        server(name, args).then((reply) => {
          if (reply.ok) onSuccess?.(reply.value);
          else onFailure?.(new Error(reply.error));
        });
      };
    return {
      withSuccessHandler: (handler: Handler) => runner(handler, onFailure),
      withFailureHandler: (handler: Handler) => runner(onSuccess, handler),
      allianceRun: call('allianceRun'),
      alliancePreview: call('alliancePreview'),
      allianceSelect: call('allianceSelect'),
    };
  };
  (window as unknown as { google: unknown }).google = { script: { run: runner() } };
}

/** Opens the sidebar at `url` in a new page whose server functions are answered by `server`. */
export async function openSidebar(
  session: ChromiumSession,
  url: string,
  server: FakeServer,
  options: { colorScheme?: 'light' | 'dark'; width?: number } = {},
): Promise<Page> {
  const page = await session.newPage(options);
  await page.exposeFunction('__allianceServer', async (name: ServerFunction, args: string[]) => {
    try {
      const value = await server(name, args);
      // Like google.script.run: only JSON crosses, undefined becomes null.
      return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
  // Each new page starts from a fresh panel (no language remembered by an earlier test); a reload
  // of the same page keeps what the user chose.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('alliance.test.fresh')) {
      localStorage.clear();
      sessionStorage.setItem('alliance.test.fresh', '1');
    }
  });
  await page.addInitScript(installFakeScriptRun);
  await page.goto(url);
  await page.locator('.alliance-panel').waitFor();
  return page;
}
