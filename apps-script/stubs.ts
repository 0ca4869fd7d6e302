/**
 * The top-level `function` declarations appended to Code.js. Apps Script only sees top-level
 * functions (a `const` is not a global there): custom functions need one each, with a French
 * `@customfunction` JSDoc for Sheets' help and autocomplete, and so do `onOpen`, the menu handlers
 * and the server functions the sidebar calls through `google.script.run`.
 */
import { ACTIONS } from '../core/action-table.js';
import type { CatalogFunction } from '../core/catalog/catalog.js';
import { STRINGS } from '../panel/strings.js';
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

/** Everything Apps Script calls besides the custom functions; one menu entry per action of core's table. */
export const ENTRY_POINTS: readonly EntryPoint[] = [
  {
    name: 'onOpen',
    target: 'onOpen',
    params: ['e'],
    doc: 'Ajoute le menu « Alliance » à l’ouverture du classeur.',
  },
  ...ACTIONS.map((action) => ({
    name: menuHandler(action),
    target: 'menuAction',
    params: [],
    args: [`'${action}'`],
    doc: `Menu : ${STRINGS.fr.action[action]}.`,
  })),
  { name: OPEN_PANEL_HANDLER, target: 'menuOpenPanel', params: [], doc: 'Menu : Ouvrir le panneau.' },
  {
    name: 'allianceRun',
    target: 'allianceRun',
    params: ['action', 'lang', 'confirmation'],
    doc: 'Panneau : exécute une action (ou celle confirmée après son aperçu) et applique son plan ; renvoie des données simples.',
  },
  {
    name: 'alliancePreview',
    target: 'alliancePreview',
    params: ['action', 'lang'],
    doc: 'Panneau : ce qu’une action modifierait (cellules, avertissements), sans rien modifier.',
  },
  {
    name: 'allianceSelect',
    target: 'allianceSelect',
    params: ['sheet', 'cell'],
    doc: 'Panneau : sélectionne une cellule (clic sur un problème).',
  },
];

const RESULT_TYPES: Record<CatalogFunction['resultType'], string> = {
  boolean: 'boolean|Array<Array<boolean>>',
  string: 'string|Array<Array<string>>',
  number: 'number|Array<Array<number>>',
  any: '*',
};

const RESULT_HELP: Record<CatalogFunction['resultType'], string> = {
  boolean: 'VRAI ou FAUX pour chaque ligne.',
  string: 'Un texte pour chaque ligne.',
  number: 'Un nombre pour chaque ligne.',
  any: 'Le résultat, une valeur par cellule.',
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
  const params = fn.params.map((p) => identifier(p.name));
  const lines = ['/**', ` * ${docText(fn.help.fr)}`, ' *'];
  fn.params.forEach((p, i) => {
    const optional = p.optional ? ' (facultatif)' : '';
    lines.push(` * @param {*} ${params[i]} ${docText(p.help.fr)}${optional}`);
  });
  lines.push(` * @return {${RESULT_TYPES[fn.resultType]}} ${RESULT_HELP[fn.resultType]}`);
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

/** Everything appended after the bundle in Code.js. */
export function renderStubs(catalog: readonly CatalogFunction[]): string {
  const parts = [
    '// --- Points d’entrée Apps Script (générés par build/sheets.ts) ---',
    ...ENTRY_POINTS.map(entryPointStub),
    '// --- Fonctions personnalisées =ALLIANCE_… (générées du catalogue core/catalog) ---',
    ...catalog.map(customFunctionStub),
  ];
  return `${parts.join('\n\n')}\n`;
}
