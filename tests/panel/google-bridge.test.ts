import { describe, expect, it } from 'vitest';
import { frPanel } from '../../core/messages/fr.js';
import type { PanelResult } from '../../panel/bridge.js';
import { createGoogleBridge, type GoogleScriptRunner } from '../../panel/google-bridge.js';
import { errorText, HostError } from '../../panel/model.js';
import { VALIDATION_ISSUES } from './fixtures.js';

type ServerName = 'allianceRun' | 'alliancePreview' | 'allianceSelect';
type Server = Record<ServerName, (...args: unknown[]) => unknown>;

/**
 * A `google.script.run` like the one HtmlService gives the sidebar: every `with…Handler` returns
 * a runner carrying its handlers, and the server answers asynchronously with plain JSON.
 */
function fakeRunner(server: Server, calls: string[]): () => GoogleScriptRunner {
  const make = (onSuccess?: (v: unknown) => void, onFailure?: (e: unknown) => void): GoogleScriptRunner => {
    const invoke =
      (name: ServerName) =>
      (...args: unknown[]): void => {
        calls.push(`${name}(${args.join(', ')})`);
        setTimeout(() => {
          try {
            const value = server[name](...args);
            onSuccess?.(value === undefined ? null : JSON.parse(JSON.stringify(value)));
          } catch (error) {
            onFailure?.(error);
          }
        }, 0);
      };
    return {
      withSuccessHandler: (handler) => make(handler, onFailure),
      withFailureHandler: (handler) => make(onSuccess, handler),
      allianceRun: invoke('allianceRun'),
      alliancePreview: invoke('alliancePreview'),
      allianceSelect: invoke('allianceSelect'),
    };
  };
  return () => make();
}

const validation: PanelResult = {
  action: 'validate',
  ok: true,
  summary: '6 problèmes trouvés dans 3 feuilles.',
  issues: VALIDATION_ISSUES,
  changedCells: 0,
  sheet: 'Validation',
};

describe('createGoogleBridge', () => {
  it('calls the server functions with the action and language and returns their answers', async () => {
    const calls: string[] = [];
    const bridge = createGoogleBridge(
      fakeRunner(
        {
          allianceRun: () => validation,
          alliancePreview: () => ({
            changedCells: 23,
            optionalCells: 0,
            summary: '23 cellules à reformater.',
            warnings: [],
            token: '[]',
          }),
          allianceSelect: () => undefined,
        },
        calls,
      ),
    );
    expect(await bridge.run('validate', 'fr')).toEqual(validation);
    expect(await bridge.preview('reformat', 'en')).toEqual({
      changedCells: 23,
      optionalCells: 0,
      summary: '23 cellules à reformater.',
      warnings: [],
      token: '[]',
    });
    // The confirmed run hands the previewed token back to the server.
    const confirmation = { token: '[]', restoreChanged: true };
    const seen: unknown[] = [];
    const confirming = createGoogleBridge(
      fakeRunner(
        {
          allianceRun: (...args) => {
            seen.push(args[2]);
            return validation;
          },
          alliancePreview: () => ({}),
          allianceSelect: () => undefined,
        },
        [],
      ),
    );
    await confirming.run('reformat', 'fr', confirmation);
    expect(seen).toEqual([confirmation]);
    await bridge.selectCell('Projets', 'F7');
    expect(calls).toEqual([
      'allianceRun(validate, fr)',
      'alliancePreview(reformat, en)',
      'allianceSelect(Projets, F7)',
    ]);
  });

  it('keeps concurrent calls apart', async () => {
    const bridge = createGoogleBridge(
      fakeRunner(
        {
          allianceRun: (action) => ({ ...validation, action, summary: `fait : ${action}` }),
          alliancePreview: () => ({}),
          allianceSelect: () => undefined,
        },
        [],
      ),
    );
    const [a, b] = await Promise.all([bridge.run('summary', 'fr'), bridge.run('rank', 'fr')]);
    expect([a.summary, b.summary]).toEqual(['fait : summary', 'fait : rank']);
  });

  it('rejects with the server error message', async () => {
    const bridge = createGoogleBridge(
      fakeRunner(
        {
          allianceRun: () => {
            throw new Error('Exception: Le service Spreadsheets a expiré.');
          },
          alliancePreview: () => null,
          allianceSelect: () => undefined,
        },
        [],
      ),
    );
    await expect(bridge.run('validate', 'fr')).rejects.toThrow(
      'Exception: Le service Spreadsheets a expiré.',
    );
    await expect(bridge.preview('undo', 'fr')).rejects.toThrow(HostError);
  });

  it('says in French when the page is not inside Google Sheets', async () => {
    const bridge = createGoogleBridge();
    await expect(bridge.run('validate', 'fr')).rejects.toSatisfy((error) =>
      errorText(error, frPanel.hostProblem).startsWith('google.script.run est absent'),
    );
  });
});
