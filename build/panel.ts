// Builds the panel for a host page: one IIFE script (esbuild) and the panel's stylesheet.
// Called by the hosts' builds (build/addin.ts, build/sheets.ts) and by the browser tests.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const PANEL_CSS_PATH = fileURLToPath(new URL('../panel/styles.css', import.meta.url));
export const SIDEBAR_ENTRY = fileURLToPath(new URL('../panel/sidebar-entry.ts', import.meta.url));

/** The panel's stylesheet as text. */
export async function panelCss(): Promise<string> {
  return readFile(PANEL_CSS_PATH, 'utf8');
}

/**
 * Bundles `entry` (default: the Google Sheets sidebar entry) into one browser script.
 * With `outfile`, writes the script there and the stylesheet beside it (same name, `.css`).
 * Returns both texts so a host can inline them.
 */
export async function buildPanel(
  entry = SIDEBAR_ENTRY,
  outfile: string | null = null,
  options: { minify?: boolean } = {},
): Promise<{ js: string; css: string }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    // Unminified by default: line numbers in the browser console match the sources closely enough.
    minify: options.minify ?? false,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const js = result.outputFiles[0].text;
  const css = await panelCss();
  if (outfile) {
    await mkdir(dirname(outfile), { recursive: true });
    await writeFile(outfile, js);
    await writeFile(`${outfile.replace(/\.[cm]?js$/, '')}.css`, css);
  }
  return { js, css };
}

/** Text safe inside an inline <script>: a `</script` in a string would end the element early. */
export function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** Text safe inside an inline <style>. */
export function inlineStyle(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]);
}

/**
 * A whole page holding the panel, script and styles inlined (the Sheets sidebar's Sidebar.html,
 * or a test page). `head` is raw HTML added to <head> (e.g. the Office.js <script> tag).
 */
export function panelPage({
  js,
  css,
  title = 'Alliance pour la solidarité',
  lang = 'fr-CA',
  head = '',
}: {
  js: string;
  css: string;
  title?: string;
  lang?: string;
  head?: string;
}): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${head}
<style>
${inlineStyle(css)}
</style>
</head>
<body>
<div id="alliance-panel"></div>
<script>
${inlineScript(js)}
</script>
</body>
</html>
`;
}
