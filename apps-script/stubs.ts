/**
 * The top-level `function` declarations appended to Code.js. Apps Script only sees top-level
 * functions (a `const` is not a global there): custom functions need one each, with a French
 * `@customfunction` JSDoc for Sheets' help and autocomplete, and so do `onOpen`, the menu handlers
 * and the server functions the sidebar calls through `google.script.run`.
 */
import { ACTIONS } from '../core/action-table.js';
import type { CatalogFunction } from '../core/catalog/catalog.js';
import type { ResultType } from '../core/catalog/declarations.js';
import { frPanel } from '../core/messages/fr.js';
import { frFunctions } from '../core/messages/functions.js';
import { menuHandler, OPEN_PANEL_HANDLER } from './entry-names.js';
import { sheetsFunctionName } from './functions.js';

/** The global the esbuild `iife` bundle is assigned to. */
export const BUNDLE_GLOBAL = 'AllianceLib';

export interface EntryPoint {
  /** Top-level name Apps Script calls (menu item, trigger, `google.script.run`). */
  name: string;
  /** Export of apps-script/main.ts it calls. */
  target: string;
  params: string[];
  /** Fixed first arguments (JavaScript literals): the action a menu item runs. */
  args?: string[];
  doc: string;
}

const DOCS = frFunctions.entryPoints;

/**
 * What `npm run build:sheets` builds: the script bound to one spreadsheet, or (`-- --addon`) the
 * editor add-on, whose menu goes under Extensions and which has an `onInstall` trigger.
 */
export type SheetsVariant = 'bound' | 'addon';

/** The simple triggers of each variant (developers.google.com/apps-script/guides/triggers#onopene, #oninstalle). */
const TRIGGERS: Record<SheetsVariant, readonly EntryPoint[]> = {
  bound: [{ name: 'onOpen', target: 'onOpen', params: ['e'], doc: DOCS.onOpen }],
  addon: [
    { name: 'onOpen', target: 'onAddonOpen', params: ['e'], doc: DOCS.addonOpen },
    { name: 'onInstall', target: 'onAddonInstall', params: ['e'], doc: DOCS.addonInstall },
  ],
};

/** Everything Apps Script calls besides the custom functions; one menu entry per action of core's table. */
export function entryPoints(variant: SheetsVariant): readonly EntryPoint[] {
  return [
    ...TRIGGERS[variant],
    ...ACTIONS.map((action) => ({
      name: menuHandler(action),
      target: 'menuAction',
      params: [],
      args: [`'${action}'`],
      doc: DOCS.menu.replace('%s', frPanel.action[action]),
    })),
    { name: OPEN_PANEL_HANDLER, target: 'menuOpenPanel', params: [], doc: DOCS.openPanel },
    {
      name: 'allianceRun',
      target: 'allianceRun',
      params: ['action', 'lang', 'confirmation'],
      doc: DOCS.run,
    },
    {
      name: 'alliancePreview',
      target: 'alliancePreview',
      params: ['action', 'lang'],
      doc: DOCS.preview,
    },
    {
      name: 'allianceSelect',
      target: 'allianceSelect',
      params: ['sheet', 'cell'],
      doc: DOCS.select,
    },
  ];
}

/** The bound script's entry points. */
export const ENTRY_POINTS: readonly EntryPoint[] = entryPoints('bound');

const RESULT_TYPES: Record<ResultType, string> = {
  boolean: 'boolean|Array<Array<boolean>>',
  string: 'string|Array<Array<string>>',
  number: 'number|Array<Array<number>>',
  any: '*',
};

/** Parameter names become JavaScript identifiers; the French names have no accents already. */
function identifier(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[A-Za-z_$]/.test(plain) ? plain : `_${plain}`;
}

/** JSDoc text on one line, unable to close the comment early. */
function docText(text: string): string {
  return text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();
}

export function customFunctionStub(fn: CatalogFunction): string {
  const texts = frFunctions;
  const declared = fn.declaration.params;
  const params = declared.map((p) => identifier(texts.params[p.key].name));
  const lines = ['/**', ` * ${docText(texts.help[fn.name])} ${docText(texts.sheetsBadRow)}`, ' *'];
  declared.forEach((p, i) => {
    // Sheets' JSDoc has no optional mark: the word says it, once.
    const optional = 'optional' in p ? ` (${texts.optional})` : '';
    lines.push(` * @param {*} ${params[i]} ${docText(texts.params[p.key].help)}${optional}`);
  });
  const result = fn.declaration.result;
  lines.push(` * @return {${RESULT_TYPES[result]}} ${texts.results[result]}`);
  lines.push(' * @customfunction', ' */');
  lines.push(`function ${sheetsFunctionName(fn)}(${params.join(', ')}) {`);
  lines.push(`  return ${BUNDLE_GLOBAL}.customFunction('${fn.name}', [${params.join(', ')}]);`);
  lines.push('}');
  return lines.join('\n');
}

export function entryPointStub(entry: EntryPoint): string {
  const params = entry.params.join(', ');
  const args = [...(entry.args ?? []), ...entry.params].join(', ');
  return [
    `/** ${docText(entry.doc)} */`,
    `function ${entry.name}(${params}) {`,
    `  return ${BUNDLE_GLOBAL}.${entry.target}(${args});`,
    '}',
  ].join('\n');
}

/** The line that opens the stubs in Code.js: everything before it is the bundle, the same in both variants. */
export const STUBS_MARKER = '// --- Points d’entrée Apps Script (générés par build/sheets.ts) ---';

/** Everything appended after the bundle in Code.js. */
export function renderStubs(catalog: readonly CatalogFunction[], variant: SheetsVariant = 'bound'): string {
  const parts = [
    STUBS_MARKER,
    ...entryPoints(variant).map(entryPointStub),
    '// --- Fonctions personnalisées =ALLIANCE_… (générées du catalogue core/catalog) ---',
    ...catalog.map(customFunctionStub),
  ];
  return `${parts.join('\n\n')}\n`;
}
