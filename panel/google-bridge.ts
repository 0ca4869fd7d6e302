import type { ActionName } from '../core/action-table.js';
import type { Lang } from '../core/messages/index.js';
import type { PanelBridge, PanelConfirmation } from './bridge.js';
import { errorText, HostError, normalizePreview, normalizeResult } from './model.js';

/**
 * The server functions the Apps Script bundle defines at top level (apps-script/), called from the
 * sidebar through `google.script.run`. Only plain data crosses (no Date, no undefined).
 */
export interface AllianceServerFunctions {
  allianceRun(action: ActionName, lang: Lang, confirmation?: PanelConfirmation): void;
  alliancePreview(action: ActionName, lang: Lang): void;
  allianceSelect(sheet: string, cell: string): void;
}

/** The part of the client-side `google.script.run` API the sidebar uses. */
export interface GoogleScriptRunner extends AllianceServerFunctions {
  withSuccessHandler(handler: (value: unknown) => void): GoogleScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): GoogleScriptRunner;
}

declare global {
  // The HtmlService page defines `google.script.run`; absent anywhere else.
  var google: { script: { run: GoogleScriptRunner } } | undefined;
}

function defaultRunner(): GoogleScriptRunner {
  const runner = globalThis.google?.script?.run;
  if (!runner) throw new HostError('noGoogleScript');
  return runner;
}

/**
 * One call to a server function as a promise. Handlers are attached on a fresh chain for every
 * call so that concurrent calls never share them.
 */
function call(
  runner: () => GoogleScriptRunner,
  invoke: (server: AllianceServerFunctions) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const server = runner()
      .withSuccessHandler(resolve)
      .withFailureHandler((error) =>
        reject(errorText(error) ? new Error(errorText(error)) : new HostError('serverCallFailed')),
      );
    invoke(server);
  });
}

/** The panel's bridge for the Google Sheets sidebar. `runner` is for tests; the page uses the real one. */
export function createGoogleBridge(runner: () => GoogleScriptRunner = defaultRunner): PanelBridge {
  return {
    async run(action, lang, confirmation) {
      const answer = await call(runner, (s) =>
        confirmation ? s.allianceRun(action, lang, confirmation) : s.allianceRun(action, lang),
      );
      return normalizeResult(answer, action);
    },
    async preview(action, lang) {
      return normalizePreview(await call(runner, (s) => s.alliancePreview(action, lang)));
    },
    async selectCell(sheet, cell) {
      await call(runner, (s) => s.allianceSelect(sheet, cell));
    },
  };
}
