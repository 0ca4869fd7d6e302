/**
 * Builds the Google Sheets project into dist/apps-script/: Code.js (the esbuild `iife` bundle of
 * apps-script/main.ts, then the top-level stubs generated from the catalog), Sidebar.html (the
 * shared panel with its script and styles inlined) and appsscript.json. Nothing else goes there:
 * `clasp push` uploads the whole folder. Run with `npm run build:sheets`.
 *
 * `npm run build:sheets -- --addon` builds the editor add-on into dist/apps-script-addon/: the same
 * bundle, Sidebar.html and manifest (so the same two scopes), only the stubs differ: `onOpen` makes
 * the add-on menu and `onInstall` calls it (apps-script/stubs.ts, `SheetsVariant`).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { renderStubs, type SheetsVariant } from '../apps-script/stubs.js';
import { CATALOG } from '../core/catalog/catalog.js';
import { CODE_JS_BUDGET_BYTES } from './budget.js';
import { isMain } from './main.js';
import { buildPanel, panelPage } from './panel.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(root, 'dist', 'apps-script');
/** Where `--addon` writes the editor add-on, apart so that each clasp project pushes its own folder. */
export const ADDON_OUT_DIR = join(root, 'dist', 'apps-script-addon');

const PANEL_ENTRY = join(root, 'panel', 'sidebar-entry.ts');

async function bundle(options: esbuild.BuildOptions): Promise<string> {
  const result = await esbuild.build({
    bundle: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    absWorkingDir: root,
    ...options,
  });
  return result.outputFiles?.[0]?.text ?? '';
}

/**
 * The bundle Apps Script runs. Unminified it is about 360 KB, over the budget, so it is
 * minified by default, names included (keeping them cost 17 KB, for stack traces in the execution
 * log that only developers read); `--no-minify` gives the readable bundle for debugging.
 */
async function buildBundle(minify: boolean): Promise<string> {
  return bundle({
    entryPoints: ['apps-script/main.ts'],
    format: 'iife',
    globalName: 'AllianceLib',
    target: 'es2020',
    platform: 'browser',
    minify,
  });
}

/**
 * Sidebar.html: the panel's script and styles inlined (Apps Script serves one HTML file). It carries
 * no Content-Security-Policy: HtmlService ignores meta tags written in the file, all but the few
 * `addMetaTag` accepts (developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String)),
 * and serves the page inside its own sandboxed frames. What keeps the sidebar off the network is
 * its code, checked on this file in tests/security/no-network.test.ts.
 */
async function buildSidebar(): Promise<string> {
  const { js, css } = await buildPanel(PANEL_ENTRY, null);
  // Links in a sidebar must open outside its sandboxed frame
  // (developers.google.com/apps-script/guides/html/restrictions#setting_the_link_target_attribute).
  return panelPage({ js, css, head: '<base target="_top">' });
}

/** Builds everything; returns the paths and Code.js size for callers (tests, npm scripts). */
export async function build({
  variant = 'bound',
  outDir = variant === 'addon' ? ADDON_OUT_DIR : OUT_DIR,
  minify = true,
}: {
  variant?: SheetsVariant;
  outDir?: string;
  minify?: boolean;
} = {}): Promise<{
  outDir: string;
  codeBytes: number;
  overBudget: boolean;
}> {
  const stubs = renderStubs(CATALOG, variant);
  const [bundleCode, sidebar, manifest] = await Promise.all([
    buildBundle(minify),
    buildSidebar(),
    readFile(join(root, 'apps-script', 'appsscript.json'), 'utf8'),
  ]);
  const code = `${bundleCode}\n${stubs}`;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await Promise.all([
    writeFile(join(outDir, 'Code.js'), code),
    writeFile(join(outDir, 'Sidebar.html'), sidebar),
    writeFile(join(outDir, 'appsscript.json'), manifest),
  ]);
  const codeBytes = Buffer.byteLength(code);
  // Apps Script itself accepts much larger files: the budget is ours (build/budget.ts).
  return { outDir, codeBytes, overBudget: codeBytes > CODE_JS_BUDGET_BYTES };
}

if (isMain(import.meta.url)) {
  const addon = process.argv.includes('--addon');
  const { outDir, codeBytes, overBudget } = await build({
    variant: addon ? 'addon' : 'bound',
    minify: !process.argv.includes('--no-minify'),
  });
  const size = `${(codeBytes / 1024).toFixed(1)} Ko`;
  console.log(`Google Sheets${addon ? ' (module complémentaire)' : ''} : ${outDir} (Code.js ${size})`);
  if (overBudget) {
    console.warn(`Attention : Code.js (${size}) dépasse le budget de ${CODE_JS_BUDGET_BYTES / 1024} Ko.`);
  }
}
