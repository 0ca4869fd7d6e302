/**
 * Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core,
 * a fresh profile per launch, and a tiny static server on 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the background-networking switches Chromium keeps dialing Google on a closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where tests save screenshots (gitignored). */
export const ARTIFACTS_DIR = new URL('../.artifacts/', import.meta.url).pathname;

export interface ChromiumSession {
  context: BrowserContext;
  newPage(options?: { width?: number; height?: number; colorScheme?: 'light' | 'dark' }): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Chromium with a new empty user-data-dir, removed again by `close()`. */
export async function launchChromium(): Promise<ChromiumSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    // CI (.ci/run) installs the Debian package; a missing browser must fail loudly, not skip.
    throw new Error(`Chromium introuvable à ${CHROMIUM_PATH} : installez le paquet Debian « chromium ».`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'alliance-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 320, height: 720 },
    locale: 'fr-CA',
  });
  return {
    context,
    async newPage({ width = 320, height = 720, colorScheme = 'light' } = {}) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml',
};

/**
 * Serves fixed files by path (`/sidebar.html` → its text); anything else is a 404. Pages are
 * built in the test process, so there is no directory to serve from.
 */
export async function serveFiles(
  files: Record<string, string | Buffer> | ((path: string) => string | Buffer | undefined),
): Promise<StaticServer> {
  const lookup = typeof files === 'function' ? files : (path: string) => files[path];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const body = lookup(path);
    if (body === undefined && path === '/favicon.ico') {
      // Chromium asks for it on every first load; a 404 would show up as a console error.
      response.writeHead(204).end();
      return;
    }
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('introuvable');
      return;
    }
    const ext = path.split('.').pop() ?? '';
    response
      .writeHead(200, {
        'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** Screenshot (full page unless told) into tests/.artifacts/NAME.png; returns its path. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Collects page errors so a test can assert the page ran without uncaught exceptions. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}
