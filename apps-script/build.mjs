/**
 * Builds the Google Sheets project into dist/apps-script/: Code.js (the esbuild `iife` bundle of
 * apps-script/main.ts, then the top-level stubs generated from the catalog), Sidebar.html (the
 * shared panel with its script and styles inlined) and appsscript.json. Nothing else goes there:
 * `clasp push` uploads the whole folder. Run with `npm run build:sheets`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(root, 'dist', 'apps-script');
/** The budget of design.md for Code.js (Apps Script itself accepts much larger files). */
export const CODE_BUDGET_BYTES = 200 * 1024;

/** The shared panel (panel/, H8) builds the sidebar page; until it exists, a minimal page stands in. */
const PANEL_BUILD = join(root, 'panel', 'build.mjs');
const PANEL_ENTRY = join(root, 'panel', 'sidebar-entry.ts');
const FALLBACK_SIDEBAR = join(root, 'apps-script', 'sidebar-fallback.html');

async function bundle(options) {
  const result = await esbuild.build({
    bundle: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    absWorkingDir: root,
    ...options,
  });
  return result.outputFiles[0].text;
}

/**
 * The bundle Apps Script runs. Unminified it is about 300 KB, over the 200 KB budget, so it is
 * minified by default but keeps its function names, which is what the execution log's stack traces
 * show; `--no-minify` gives the readable bundle for debugging.
 */
async function buildBundle(minify) {
  return bundle({
    entryPoints: ['apps-script/main.ts'],
    format: 'iife',
    globalName: 'AllianceLib',
    target: 'es2020',
    platform: 'browser',
    minify,
    keepNames: minify,
  });
}

/** The stubs generator needs the catalog: bundle apps-script/stubs.ts for Node and import it. */
async function renderStubs() {
  const code = await bundle({
    stdin: {
      contents:
        "export { renderStubs } from './apps-script/stubs.ts';\nexport { CATALOG } from './core/catalog/catalog.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    format: 'esm',
    platform: 'node',
    target: 'node20',
  });
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return module.renderStubs(module.CATALOG);
}

/**
 * The sidebar's Content-Security-Policy. Scripts and styles stay as Apps Script serves them (inline,
 * plus whatever its sandbox adds); what is closed is the page's own way out: no fetch / XHR /
 * WebSocket / beacon, no image from another site, no frame, no worker, no plugin, no form posting.
 */
const SIDEBAR_CSP =
  "connect-src 'none'; img-src 'self' data:; frame-src 'none'; worker-src 'none'; object-src 'none'; form-action 'none'";

/** Sidebar.html: the panel's script and styles inlined (Apps Script serves one HTML file). */
async function buildSidebar() {
  if (!existsSync(PANEL_BUILD) || !existsSync(PANEL_ENTRY)) {
    return { html: await readFile(FALLBACK_SIDEBAR, 'utf8'), source: 'apps-script/sidebar-fallback.html' };
  }
  const panel = await import(pathToFileURL(PANEL_BUILD).href);
  const { js, css } = await panel.buildPanel(PANEL_ENTRY, null);
  // Links in a sidebar must open outside its sandboxed frame. The CSP forbids the page any network
  // or frame of its own: google.script.run is Apps Script's wrapper frame talking by postMessage.
  const html = panel.panelPage({
    js,
    css,
    head: `<base target="_top">\n<meta http-equiv="Content-Security-Policy" content="${SIDEBAR_CSP}">`,
  });
  return { html, source: 'panel/sidebar-entry.ts' };
}

/** Builds everything; returns the paths and Code.js size for callers (tests, npm scripts). */
export async function build({ outDir = OUT_DIR, minify = true } = {}) {
  const [bundleCode, stubs, sidebar, manifest] = await Promise.all([
    buildBundle(minify),
    renderStubs(),
    buildSidebar(),
    readFile(join(root, 'apps-script', 'appsscript.json'), 'utf8'),
  ]);
  const code = `${bundleCode}\n${stubs}`;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await Promise.all([
    writeFile(join(outDir, 'Code.js'), code),
    writeFile(join(outDir, 'Sidebar.html'), sidebar.html),
    writeFile(join(outDir, 'appsscript.json'), manifest),
  ]);
  const codeBytes = Buffer.byteLength(code);
  return { outDir, codeBytes, overBudget: codeBytes > CODE_BUDGET_BYTES, sidebarSource: sidebar.source };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { outDir, codeBytes, overBudget, sidebarSource } = await build({
    minify: !process.argv.includes('--no-minify'),
  });
  const size = `${(codeBytes / 1024).toFixed(1)} Ko`;
  console.log(`Google Sheets : ${outDir} (Code.js ${size}, panneau : ${sidebarSource})`);
  if (overBudget) {
    console.warn(`Attention : Code.js (${size}) dépasse le budget de ${CODE_BUDGET_BYTES / 1024} Ko.`);
  }
}
