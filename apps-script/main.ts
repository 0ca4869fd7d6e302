/// <reference types="google-apps-script" />
/**
 * Apps Script entry: the « Alliance » menu, the server functions the sidebar calls through
 * `google.script.run`, and the custom functions. esbuild bundles this file as an `iife` assigned to
 * `AllianceLib`; apps-script/stubs.ts appends the top-level functions that call these exports.
 * Nothing runs at load time: custom functions load the same file without access to the UI.
 */
import { runAction } from '../core/actions.js';
import type { CatalogName } from '../core/catalog/catalog.js';
import type { Lang } from '../core/messages/index.js';
import { ACTIONS, type ActionName, CHANGING_ACTIONS } from '../core/plan.js';
import type { PanelResult } from '../panel/bridge.js';
import { toPanelResult } from '../panel/result.js';
import { STRINGS } from '../panel/strings.js';
import { runCustomFunction, type SheetsCell } from './functions.js';
import { applyPlan, readSnapshot, type SheetsServices } from './sheets-adapter.js';

export const MENU_TITLE = 'Alliance';
export const SIDEBAR_FILE = 'Sidebar';
const SIDEBAR_TITLE = 'Alliance pour la solidarité';

/** Menu items in order: the panel's action labels and the top-level handler (apps-script/stubs.ts declares them). */
const menuItem = (action: ActionName, handler: string) => ({
  label: STRINGS.fr.action[action],
  handler,
  action,
});
export const MENU_ITEMS: readonly { label: string; handler: string; action: ActionName | null }[] = [
  menuItem('template', 'allianceMenuTemplate'),
  menuItem('validate', 'allianceMenuValidate'),
  menuItem('reformat', 'allianceMenuReformat'),
  menuItem('summary', 'allianceMenuSummary'),
  menuItem('rank', 'allianceMenuRank'),
  menuItem('undo', 'allianceMenuUndo'),
  { label: 'Ouvrir le panneau', handler: 'allianceMenuOpenPanel', action: null },
];

function services(): SheetsServices {
  return { SpreadsheetApp, Charts };
}

type Outcome = ReturnType<typeof runAction>;

/** Reads the whole workbook in one batch and asks core for the action's plan. Nothing is written. */
function compute(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  action: ActionName,
  lang: Lang,
): Outcome {
  return runAction(action, readSnapshot(spreadsheet), { lang, now: new Date() });
}

// ---------------------------------------------------------------------------------------------
// Menu

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item.action === null) menu.addSeparator();
    menu.addItem(item.label, item.handler);
  }
  menu.addToUi();
}

/** « 23 cellules seront modifiées » — French plural, fr-CA grouping of thousands. */
export function confirmText(cells: number): string {
  const count = cells.toLocaleString('fr-CA');
  const change = cells <= 1 ? `${count} cellule sera modifiée` : `${count} cellules seront modifiées`;
  return `${change}. Les anciennes valeurs sont consignées dans la feuille Journal et « Annuler la dernière opération » les rétablit. Continuer ?`;
}

/** Runs an action from the menu: changing actions show the cell count and wait for « Oui ». */
function runFromMenu(action: ActionName): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const outcome = compute(spreadsheet, action, 'fr');
  const label = MENU_ITEMS.find((item) => item.action === action)?.label ?? action;
  if (!outcome.ok || !outcome.plan) {
    ui.alert(`${MENU_TITLE} — ${label}`, outcome.summary, ui.ButtonSet.OK);
    return;
  }
  const changed = outcome.plan.changedCells;
  if (CHANGING_ACTIONS.includes(action) && changed > 0) {
    const answer = ui.alert(`${MENU_TITLE} — ${label}`, confirmText(changed), ui.ButtonSet.YES_NO);
    if (answer !== ui.Button.YES) {
      spreadsheet.toast('Opération annulée : rien n’a été modifié.', MENU_TITLE);
      return;
    }
  }
  applyPlan(spreadsheet, outcome.plan, services());
  spreadsheet.toast(outcome.summary, MENU_TITLE, 10);
}

export const menuTemplate = (): void => runFromMenu('template');
export const menuValidate = (): void => runFromMenu('validate');
export const menuReformat = (): void => runFromMenu('reformat');
export const menuSummary = (): void => runFromMenu('summary');
export const menuRank = (): void => runFromMenu('rank');
export const menuUndo = (): void => runFromMenu('undo');

export function menuOpenPanel(): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

// ---------------------------------------------------------------------------------------------
// Sidebar server functions: arguments come from the browser, results cross as plain data.

function actionArgument(action: unknown): ActionName {
  if (typeof action === 'string' && (ACTIONS as readonly string[]).includes(action))
    return action as ActionName;
  throw new Error(`Action inconnue : ${String(action)}`);
}

function langArgument(lang: unknown): Lang {
  return lang === 'en' ? 'en' : 'fr';
}

/** Only JSON crosses `google.script.run`: dates become ISO text, undefined fields disappear. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Runs the action and applies its plan (the panel has already confirmed changing actions). */
export function allianceRun(action: unknown, lang: unknown): PanelResult {
  const name = actionArgument(action);
  const language = langArgument(lang);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const outcome = compute(spreadsheet, name, language);
  if (outcome.ok && outcome.plan) applyPlan(spreadsheet, outcome.plan, services());
  return plain(toPanelResult(outcome, language));
}

/** How many staff cells the action would change, without changing anything. */
export function alliancePreview(action: unknown, lang: unknown): { changedCells: number; summary: string } {
  const outcome = compute(SpreadsheetApp.getActiveSpreadsheet(), actionArgument(action), langArgument(lang));
  return plain({ changedCells: outcome.plan?.changedCells ?? 0, summary: outcome.summary });
}

/** Shows the cell of an issue the user clicked. Unknown sheet or cell: nothing happens. */
export function allianceSelect(sheet: unknown, cell: unknown): void {
  if (typeof sheet !== 'string' || typeof cell !== 'string') return;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const target = spreadsheet.getSheetByName(sheet);
  if (!target || !/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(cell)) return;
  spreadsheet.setActiveSheet(target);
  target.setActiveRange(target.getRange(cell));
}

// ---------------------------------------------------------------------------------------------
// Custom functions

export function customFunction(name: CatalogName, args: unknown[]): SheetsCell[][] {
  return runCustomFunction(name, args, 'fr');
}
