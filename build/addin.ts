// Builds the Excel add-in into dist/addin/ (`npm run build:addin`):
//   taskpane.html  the shared runtime page: Office.js from Microsoft's CDN (never bundled), a
//                  Content-Security-Policy allowing only this site and that CDN, then functions.js
//                  and taskpane.js
//   taskpane.js    the panel and the Excel bridge, in French (build/budget.ts)
//   taskpane-en.js the English tables, loaded when the user picks English (addin/english.ts)
//   taskpane.css   the panel's stylesheet
//   functions.js   registers the catalog's custom functions (CustomFunctions.associate)
//   functions.json Excel's metadata, generated from the catalog
//   manifest.xml   addin/manifest.template.xml with ADDIN_BASE_URL (default https://localhost:3000)
//   aide.html      a short help page (the manifest's support and « learn more » link)
//   assets/        icons
// and a test page into dist/addin-test/ (same scripts, Office.js replaced by the fake host over
// the sample workbook) for the browser end-to-end test.
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, type Plugin } from 'esbuild';
import { functionMetadata, functionsJson, functionsMetadata } from '../addin/functions-metadata.js';
import { readWorkbook } from '../cli/xlsx/read.js';
import { CATALOG } from '../core/catalog/catalog.js';
import type { CellValue, WorkbookSnapshot } from '../core/cells.js';
import { enFunctions, frFunctions } from '../core/messages/functions.js';
import type { FunctionTexts } from '../core/messages/texts.js';
import { BUNDLE_BUDGET_BYTES } from './budget.js';
import { isMain } from './main.js';
import { escapeHtml } from './panel.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = (path: string) => join(ROOT, path);

export const DEFAULT_BASE_URL = 'https://localhost:3000';
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The scripts of dist/addin, each held to the bundle budget. */
export const ADDIN_SCRIPTS = ['taskpane.js', 'taskpane-en.js', 'functions.js'] as const;
export const MANIFEST_TEMPLATE = at('addin/manifest.template.xml');
export const SAMPLE_WORKBOOK = at('examples/alliance-exemple.xlsx');

/** HTTPS only, no trailing slash: Office refuses add-ins served over plain HTTP. */
export function normalizeBaseUrl(url: string = DEFAULT_BASE_URL): string {
  const trimmed = String(url).trim().replace(/\/+$/, '');
  if (!/^https:\/\/[^\s/]+(\/\S*)?$/.test(trimmed)) {
    throw new Error(`ADDIN_BASE_URL doit être une adresse https:// (reçu : « ${url} »).`);
  }
  return trimmed;
}

/** The manifest for a base URL. */
export async function renderManifest(baseUrl: string = DEFAULT_BASE_URL): Promise<string> {
  const template = await readFile(MANIFEST_TEMPLATE, 'utf8');
  return template.replaceAll('{{BASE_URL}}', normalizeBaseUrl(baseUrl));
}

/**
 * The task pane page. `officeScript` is Office.js's URL (the CDN); the test page passes the fake
 * host's script instead and allows nothing but itself.
 */
export function taskpaneHtml({
  officeScript = OFFICE_JS_URL,
  test = false,
}: {
  officeScript?: string;
  test?: boolean;
} = {}): string {
  const scriptSources = test ? "'self'" : "'self' https://appsforoffice.microsoft.com";
  const csp = [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="fr-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Alliance pour la solidarité</title>
<script src="${escapeHtml(officeScript)}"></script>
<link rel="stylesheet" href="taskpane.css">
</head>
<body>
<div id="alliance-panel"></div>
<script src="functions.js"></script>
<script src="taskpane.js"></script>
</body>
</html>
`;
}

/** A short French help page listing the functions (the manifest's support link). */
export function helpHtml(metadata: {
  functions: { name: string; description: string; parameters: { name: string; optional?: boolean }[] }[];
}): string {
  const section = (texts: FunctionTexts, functions: typeof metadata.functions, lang: string) => {
    const items = functions
      .map((fn) => {
        const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join('; ');
        return `<li><code>=ALLIANCE.${escapeHtml(fn.name)}(${escapeHtml(params)})</code> — ${escapeHtml(fn.description)}</li>`;
      })
      .join('\n');
    const page = texts.helpPage;
    return `<section lang="${lang}">
<h1>${page.heading}</h1>
<p>${page.intro}</p>
<h2>${page.functionsHeading}</h2>
<p>${page.ranges}</p>
<ul>
${items}
</ul>
</section>`;
  };
  const english = CATALOG.map((fn) => functionMetadata(fn, enFunctions));
  return `<!DOCTYPE html>
<html lang="fr-CA">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<title>${frFunctions.helpPage.title}</title>
</head>
<body>
${section(frFunctions, metadata.functions, 'fr-CA')}
${section(enFunctions, english, 'en')}
</body>
</html>
`;
}

/**
 * For taskpane.js: core/messages/en.ts becomes addin/english.ts, the same tables filled from
 * taskpane-en.js when the user picks English, so that a French session never downloads them.
 */
const englishOnDemand: Plugin = {
  name: 'english-on-demand',
  setup(build) {
    const english = at('core/messages/en.ts');
    build.onResolve({ filter: /(^|\/)en\.js$/ }, (args) =>
      join(args.resolveDir, args.path.replace(/\.js$/, '.ts')) === english
        ? { path: at('addin/english.ts') }
        : undefined,
    );
  },
};

async function bundle(
  entry: string,
  outfile: string,
  options: { minify?: boolean; define?: Record<string, string>; plugins?: Plugin[] } = {},
): Promise<number> {
  const result = await esbuild({
    entryPoints: [at(entry)],
    outfile,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    charset: 'utf8',
    minify: options.minify ?? true,
    legalComments: 'none',
    define: options.define ?? {},
    plugins: options.plugins ?? [],
    logLevel: 'silent',
    metafile: true,
  });
  return Object.values(result.metafile.outputs)[0].bytes;
}

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_DAYS = 25_569;

/** Dates as Excel hands them to add-ins: day serials. */
function withSerialDates(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const serial = (value: CellValue): CellValue =>
    value instanceof Date ? value.getTime() / DAY_MS + SERIAL_EPOCH_DAYS : value;
  return {
    sheets: snapshot.sheets.map((sheet) => ({
      ...sheet,
      values: sheet.values.map((row) => row.map(serial)),
    })),
  };
}

async function sampleSnapshot(): Promise<WorkbookSnapshot> {
  try {
    const { snapshot } = await readWorkbook(SAMPLE_WORKBOOK);
    return withSerialDates(snapshot);
  } catch {
    return { sheets: [{ name: 'Feuil1', values: [] }] };
  }
}

export async function build(
  options: { baseUrl?: string; outDir?: string; testOutDir?: string | null; minify?: boolean } = {},
): Promise<{ outDir: string; testOutDir: string | null; baseUrl: string; sizes: Record<string, number> }> {
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? process.env.ADDIN_BASE_URL ?? DEFAULT_BASE_URL);
  const outDir = options.outDir ?? at('dist/addin');
  const testOutDir = options.testOutDir === undefined ? at('dist/addin-test') : options.testOutDir;
  const minify = options.minify ?? true;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'assets'), { recursive: true });

  const sizes: Record<string, number> = {};
  {
    sizes['taskpane.js'] = await bundle('addin/taskpane.ts', join(outDir, 'taskpane.js'), {
      minify,
      plugins: [englishOnDemand],
    });
    sizes['taskpane-en.js'] = await bundle('addin/english-pack.ts', join(outDir, 'taskpane-en.js'), {
      minify,
    });
    sizes['functions.js'] = await bundle('addin/functions-entry.ts', join(outDir, 'functions.js'), {
      minify,
    });
    const files = {
      'functions.json': functionsJson(),
      'manifest.xml': await renderManifest(baseUrl),
      'taskpane.html': taskpaneHtml(),
      'taskpane.css': await readFile(at('panel/styles.css'), 'utf8'),
      'aide.html': helpHtml(functionsMetadata()),
    };
    for (const [name, text] of Object.entries(files)) {
      await writeFile(join(outDir, name), text);
      sizes[name] = Buffer.byteLength(text);
    }
    for (const icon of await readdir(at('addin/assets'))) {
      if (icon.endsWith('.png')) await copyFile(at(`addin/assets/${icon}`), join(outDir, 'assets', icon));
    }

    if (testOutDir) {
      await rm(testOutDir, { recursive: true, force: true });
      await mkdir(join(testOutDir, 'assets'), { recursive: true });
      for (const name of [...ADDIN_SCRIPTS, 'taskpane.css', 'functions.json', 'aide.html']) {
        await copyFile(join(outDir, name), join(testOutDir, name));
      }
      for (const icon of await readdir(join(outDir, 'assets'))) {
        await copyFile(join(outDir, 'assets', icon), join(testOutDir, 'assets', icon));
      }
      const sample = await sampleSnapshot();
      await bundle('tests/fakes/excel/browser-entry.ts', join(testOutDir, 'fake-office.js'), {
        minify: false,
        define: { __ALLIANCE_SAMPLE__: JSON.stringify(sample) },
      });
      await writeFile(
        join(testOutDir, 'taskpane.html'),
        taskpaneHtml({ officeScript: 'fake-office.js', test: true }),
      );
    }
  }
  return { outDir, testOutDir, baseUrl, sizes };
}

if (isMain(import.meta.url)) {
  const result = await build();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} Ko`;
  console.log(`Complément Excel construit dans ${result.outDir} (${result.baseUrl})`);
  for (const [name, bytes] of Object.entries(result.sizes)) console.log(`  ${name.padEnd(15)} ${kb(bytes)}`);
  for (const name of ADDIN_SCRIPTS) {
    if (result.sizes[name] > BUNDLE_BUDGET_BYTES) {
      console.warn(`Attention : ${name} dépasse le budget de ${kb(BUNDLE_BUDGET_BYTES)}.`);
    }
  }
  if (result.testOutDir) console.log(`Page de test (Office simulé) : ${result.testOutDir}/taskpane.html`);
}
