/// <reference types="google-apps-script" />
/**
 * Apps Script entry: the « Alliance » menu, the server functions the sidebar calls through
 * `google.script.run`, and the custom functions. esbuild bundles this file as an `iife` assigned to
 * `AllianceLib`; apps-script/stubs.ts appends the top-level functions that call these exports.
 * Nothing runs at load time: custom functions load the same file without access to the UI.
 */

import {
  ACTIONS,
  type ActionName,
  changesCells,
  isActionName,
  offersConversion,
} from '../core/action-table.js';
import * as actions from '../core/actions.js';
import type { CatalogName } from '../core/catalog/catalog.js';
import type { WorkbookSnapshot } from '../core/cells.js';
import { notAppliedPlan } from '../core/journal.js';
import { enSheetsMenu } from '../core/messages/en.js';
import { frMenu } from '../core/messages/fr.js';
import type { Lang } from '../core/messages/index.js';
import {
  bridgeRuns,
  type ConfirmedCell,
  confirmationToken,
  confirmedCells,
  optionalCells,
  resolvePlan,
} from '../core/writes.js';
import type { PanelPreview, PanelResult } from '../panel/bridge.js';
import { toPanelPreview, toPanelResult } from '../panel/result.js';
import { menuHandler, OPEN_PANEL_HANDLER } from './entry-names.js';
import { runCustomFunction, type SheetsCell } from './functions.js';
import {
  applyResolved,
  readSnapshot,
  rewritesUnchanged,
  type SheetsServices,
  spreadsheetClock,
} from './sheets-adapter.js';

export const MENU_TITLE = frMenu.sheetsMenu.title;
export const SIDEBAR_FILE = 'Sidebar';
const SIDEBAR_TITLE = frMenu.title;

/** Menu items in order: one per action of core's table with the panel's label, then the panel. */
export const MENU_ITEMS: readonly { label: string; handler: string; action: ActionName | null }[] = [
  ...ACTIONS.map((action) => ({ label: frMenu.action[action], handler: menuHandler(action), action })),
  { label: frMenu.sheetsMenu.openPanel, handler: OPEN_PANEL_HANDLER, action: null },
];

/** How long an action waits for another one to finish in the same spreadsheet. */
const LOCK_WAIT_MS = 20_000;

function services(): SheetsServices {
  return { SpreadsheetApp, Charts, Utilities };
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Reads in one batch what the action needs (core/action-table.ts `reads`) and asks core for the
 * action's plan. Nothing is written.
 */
function compute(
  spreadsheet: Spreadsheet,
  action: ActionName,
  lang: Lang,
): { snapshot: WorkbookSnapshot; result: actions.ActionResult } {
  const snapshot = readSnapshot(spreadsheet, services(), { action });
  return { snapshot, result: actions.runAction(action, snapshot, { lang, now: new Date() }) };
}

/**
 * Runs `write` holding the document lock, so two users' actions never interleave their writes and
 * Journal rows (developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()).
 * Null when another action still holds it after the wait.
 */
function withDocumentLock<T>(write: () => T): T | null {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return null;
  try {
    return write();
  } finally {
    lock.releaseLock();
  }
}

// ---------------------------------------------------------------------------------------------
// Menu

function addMenu(menu: GoogleAppsScript.Base.Menu): void {
  for (const item of MENU_ITEMS) {
    if (item.action === null) menu.addSeparator();
    menu.addItem(item.label, item.handler);
  }
  menu.addToUi();
}

/** The bound script's « Alliance » menu. */
export function onOpen(): void {
  addMenu(SpreadsheetApp.getUi().createMenu(MENU_TITLE));
}

/**
 * The editor add-on's menu, under Extensions and titled by the add-on's name
 * (developers.google.com/apps-script/reference/base/ui#createAddonMenu()). It may run in
 * AuthMode.NONE, where no service that needs authorization may be called
 * (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle): it only builds the
 * menu, whatever `e.authMode`, and every item asks for authorization when it is chosen.
 */
export function onAddonOpen(_e?: unknown): void {
  addMenu(SpreadsheetApp.getUi().createAddonMenu());
}

/** Installing the add-on opens it in the current spreadsheet: the menu appears without a reload. */
export function onAddonInstall(e?: unknown): void {
  onAddonOpen(e);
}

/** « 23 cellules seront modifiées… Continuer ? » */
export function confirmText(cells: number): string {
  return frMenu.sheetsMenu.confirm(cells);
}

/** Runs an action from the menu: changing actions show the cell count and wait for « Oui ». */
function runFromMenu(action: ActionName): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const { snapshot, result } = compute(spreadsheet, action, 'fr');
  const label = MENU_ITEMS.find((item) => item.action === action)?.label ?? action;
  if (!result.ok) {
    ui.alert(`${MENU_TITLE} — ${label}`, result.summary, ui.ButtonSet.OK);
    return;
  }
  const changing = changesCells(action);
  const shown = changing ? actions.previewAction(result, snapshot) : result;
  let restoreChanged = false;
  if (changing && shown.plan.changedCells > 0) {
    const answer = ui.alert(
      `${MENU_TITLE} — ${label}`,
      confirmText(shown.plan.changedCells),
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) {
      spreadsheet.toast(frMenu.cancelled, MENU_TITLE);
      return;
    }
  } else if (offersConversion(action) && optionalCells(result.plan) > 0) {
    // Oui: convert the text sources first; Non: the tool's figures, shaded; Annuler: nothing.
    const answer = ui.alert(
      `${MENU_TITLE} — ${label}`,
      frMenu.sheetsMenu.convertFirst(optionalCells(result.plan)),
      ui.ButtonSet.YES_NO_CANCEL,
    );
    if (answer !== ui.Button.YES && answer !== ui.Button.NO) {
      spreadsheet.toast(frMenu.cancelled, MENU_TITLE);
      return;
    }
    restoreChanged = answer === ui.Button.YES;
  }
  // Colleagues kept typing while the question was open: under the lock the workbook is read again,
  // and only the cells that still hold what the question was about are written.
  const confirmed =
    changing || restoreChanged ? { cells: result.plan.operation?.changes ?? [], restoreChanged } : null;
  const done = writeUnderLock(spreadsheet, action, 'fr', confirmed);
  if (!done) {
    ui.alert(`${MENU_TITLE} — ${label}`, frMenu.sheetsMenu.busy, ui.ButtonSet.OK);
    return;
  }
  spreadsheet.toast(doneText(done), MENU_TITLE, 10);
}

/** The toast after a menu action: its summary, and how many cells changed meanwhile were left alone. */
function doneText(result: actions.ActionResult): string {
  const kept = result.issues.filter((i) => i.code === 'write.changedSince').length;
  return kept === 0 ? result.summary : frMenu.sheetsMenu.doneKeptChanged(result.summary, kept);
}

/** What every action's menu item calls (apps-script/stubs.ts generates one top-level function each). */
export function menuAction(action: unknown): void {
  runFromMenu(actionArgument(action));
}

export function menuOpenPanel(): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

// ---------------------------------------------------------------------------------------------
// Sidebar server functions: arguments come from the browser, results cross as plain data.

function actionArgument(action: unknown): ActionName {
  if (isActionName(action)) return action;
  throw new Error(`Action inconnue : ${String(action)}`);
}

function langArgument(lang: unknown): Lang {
  return lang === 'en' ? 'en' : 'fr';
}

/** Only JSON crosses `google.script.run`: dates become ISO text, undefined fields disappear. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Runs the action and applies its plan, holding the document lock from the read to the last
 * Journal row. After a preview (`confirmation`), the plan is made again from a fresh read and only
 * the cells that still hold what the preview read are written; the others are listed.
 */
export function allianceRun(action: unknown, lang: unknown, confirmation?: unknown): PanelResult {
  const name = actionArgument(action);
  const language = langArgument(lang);
  const confirmed = confirmationArgument(confirmation);
  const done = writeUnderLock(
    SpreadsheetApp.getActiveSpreadsheet(),
    name,
    language,
    confirmed && { cells: confirmedCells(confirmed.token), restoreChanged: confirmed.restoreChanged },
  );
  if (!done) throw new Error((language === 'en' ? enSheetsMenu : frMenu.sheetsMenu).busy);
  return plain(toPanelResult(done, language));
}

/**
 * Reads, computes and writes holding the document lock, from the read to the last Journal row.
 * After a confirmation, only the cells that still hold what the user confirmed are written; the
 * others are listed. Null when another action holds the lock.
 */
function writeUnderLock(
  spreadsheet: Spreadsheet,
  action: ActionName,
  lang: Lang,
  confirmed: { cells: readonly ConfirmedCell[]; restoreChanged: boolean } | null,
): actions.ActionResult | null {
  return withDocumentLock(() => {
    const { snapshot, result } = compute(spreadsheet, action, lang);
    if (!result.ok) return result;
    const { result: final, resolved } = confirmed
      ? actions.confirmAction(result, snapshot, snapshot, {
          lang,
          confirmed: confirmed.cells,
          restoreChanged: confirmed.restoreChanged,
        })
      : actions.resolveAction(result, snapshot);
    try {
      applyResolved(spreadsheet, bridgeRuns(resolved, snapshot, rewritesUnchanged), services());
    } catch (error) {
      // Protections are checked before writing; one set meanwhile still throws part-way.
      Logger.log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      markNotApplied(spreadsheet, final);
      return actions.interruptedAction(final, lang);
    }
    return final;
  });
}

/** After an interrupted write, the Journal rows of cells left unwritten say « Non appliquée ». */
function markNotApplied(spreadsheet: Spreadsheet, result: actions.ActionResult): void {
  const operation = result.plan.operation;
  if (!operation) return;
  const after = readSnapshot(spreadsheet, services());
  const fix = notAppliedPlan(after, operation.id);
  if (fix)
    applyResolved(
      spreadsheet,
      resolvePlan({ action: result.plan.action, sheets: [fix], changedCells: 0 }, after).resolved,
      services(),
    );
}

function confirmationArgument(value: unknown): { token: string; restoreChanged: boolean } | null {
  if (!value || typeof value !== 'object') return null;
  const { token, restoreChanged } = value as Record<string, unknown>;
  return typeof token === 'string' ? { token, restoreChanged: restoreChanged === true } : null;
}

/** What the action would change (cells, the cells changed since for Annuler), without changing anything. */
export function alliancePreview(action: unknown, lang: unknown): PanelPreview {
  const language = langArgument(lang);
  const { snapshot, result } = compute(
    SpreadsheetApp.getActiveSpreadsheet(),
    actionArgument(action),
    language,
  );
  return plain(
    toPanelPreview(actions.previewAction(result, snapshot), language, confirmationToken(result.plan)),
  );
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

/**
 * A custom function: its dates are read on the spreadsheet's clock like the actions' (custom
 * functions may read the spreadsheet and use Utilities:
 * developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services).
 */
export function customFunction(name: CatalogName, args: unknown[]): SheetsCell[][] {
  return runCustomFunction(name, args, 'fr', spreadsheetClock(SpreadsheetApp.getActive(), { Utilities }));
}
