/**
 * The panel's behaviour in real headless Chromium, through the sidebar page and a scripted fake
 * server: busy state, grouped issues, cell selection by mouse and keyboard, the confirmation
 * before changing cells, errors, the language switch, light and dark screenshots at 320 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PanelResult } from '../../panel/bridge.js';
import { panelIssue, VALIDATION_ISSUES } from '../panel/fixtures.js';
import {
  type ChromiumSession,
  collectPageErrors,
  launchChromium,
  type StaticServer,
  screenshot,
  serveFiles,
} from './browser.js';
import { type FakeServer, openSidebar, sidebarHtml } from './sidebar-page.js';

const VALIDATION: PanelResult = {
  action: 'validate',
  ok: true,
  summary: '6 problèmes trouvés : 3 erreurs, 2 avertissements, 1 info. Voir la feuille Validation.',
  issues: VALIDATION_ISSUES,
  changedCells: 0,
  sheet: 'Validation',
};

/** A server that records calls and answers from a table; a function answer may wait or throw. */
function scriptedServer(answers: Partial<Record<string, (args: unknown[]) => unknown>>) {
  const calls: string[] = [];
  const server: FakeServer = async (name, args) => {
    calls.push(`${name}(${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(', ')})`);
    const key = name === 'allianceSelect' ? name : `${name}:${args[0]}`;
    const answer = answers[key] ?? answers[name];
    return answer ? answer(args) : null;
  };
  return { calls, server };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let session: ChromiumSession;
let site: StaticServer;
let url: string;

beforeAll(async () => {
  const html = await sidebarHtml();
  site = await serveFiles({ '/Sidebar.html': html });
  url = `${site.origin}/Sidebar.html`;
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
  await site?.close();
});

describe('panel in Chromium', () => {
  it('shows the seven actions in French, keyboard-reachable in order after FR | EN', async () => {
    const { server } = scriptedServer({});
    const page = await openSidebar(session, url, server);
    const errors = collectPageErrors(page);
    await expect
      .poll(() => page.locator('.ap-action-label').allTextContents())
      .toEqual([
        'Créer le gabarit',
        'Valider',
        'Reformater',
        'Sommaire budgétaire',
        'Classement et recommandation',
        'Suivi des projets',
        'Annuler la dernière opération',
      ]);
    expect(await page.locator('.ap-lang-button[aria-pressed="true"]').textContent()).toBe('FR');
    const order: string[] = [];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el?.dataset.action ?? el?.textContent ?? '';
        }),
      );
    }
    expect(order).toEqual([
      'FR',
      'EN',
      'template',
      'validate',
      'reformat',
      'summary',
      'rank',
      'followup',
      'undo',
    ]);
    // Keyboard focus is visible: an outline in the focus color around the focused button.
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).toBe('solid');
    await screenshot(page, 'panel-keyboard-focus-light', { fullPage: false });
    // The page fits the 320 px task pane: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is busy while Valider runs, then lists the issues by sheet; a click selects the cell', async () => {
    const answer = deferred<PanelResult>();
    const { calls, server } = scriptedServer({ 'allianceRun:validate': () => answer.promise });
    const page = await openSidebar(session, url, server);
    await page.getByRole('button', { name: /^Valider/ }).click();

    const panel = page.locator('.alliance-panel');
    await expect.poll(() => panel.getAttribute('aria-busy')).toBe('true');
    expect(await page.locator('.ap-progress-text').textContent()).toBe('Validation en cours…');
    expect(await page.locator('.ap-action:disabled').count()).toBe(7);
    await screenshot(page, 'panel-busy-light');

    answer.resolve(VALIDATION);
    await page.locator('.ap-group').first().waitFor();
    expect(await panel.getAttribute('aria-busy')).toBe('false');
    expect(await page.locator('.ap-action:disabled').count()).toBe(0);
    expect(await page.locator('.ap-summary').textContent()).toBe(VALIDATION.summary);
    expect(await page.locator('.ap-live .ap-totals').textContent()).toBe('3 erreurs2 avertissements1 info');
    expect(await page.locator('.ap-group-name').allTextContents()).toEqual([
      'Général',
      'Projets',
      'Grille de sélection',
    ]);
    const projets = page.locator('.ap-group[data-sheet="Projets"]');
    expect(await projets.locator('.ap-group-counts').textContent()).toBe('2 erreurs1 avertissement1 info');
    expect(await projets.locator('.ap-issue-cell').allTextContents()).toEqual(['C3', 'F7', 'K4', 'F5']);

    await projets.getByRole('button', { name: /Ste-Madelaine/ }).click();
    await expect.poll(() => calls.at(-1)).toBe('allianceSelect(Projets, F7)');
    expect(await projets.locator('[aria-current="true"] .ap-issue-cell').textContent()).toBe('F7');
    // The workbook-wide issue has no cell: it is text, not a button.
    expect(await page.locator('.ap-group[data-sheet=""] button').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'panel-validate-light');
    await page.close();
  });

  it('selects a cell from the keyboard (Enter and Space on an issue)', async () => {
    const { calls, server } = scriptedServer({ 'allianceRun:validate': () => VALIDATION });
    const page = await openSidebar(session, url, server);
    await page.getByRole('button', { name: /^Valider/ }).click();
    const grille = page.locator('.ap-group[data-sheet="Grille de sélection"] button.ap-issue');
    await grille.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => calls.at(-1)).toBe('allianceSelect(Grille de sélection, D4)');
    await page.locator('.ap-group[data-sheet="Projets"] button.ap-issue').first().focus();
    await page.keyboard.press('Space');
    await expect.poll(() => calls.at(-1)).toBe('allianceSelect(Projets, C3)');
    await page.close();
  });

  it('asks before Reformater changes cells: Annuler changes nothing, Confirmer runs', async () => {
    const { calls, server } = scriptedServer({
      'alliancePreview:reformat': () => ({
        changedCells: 23,
        optionalCells: 0,
        summary: '23 cellules à reformater.',
        warnings: [],
        token: 'jeton-1',
      }),
      'allianceRun:reformat': () => ({
        action: 'reformat',
        ok: true,
        summary: '23 cellules reformatées. L’opération est inscrite au Journal.',
        issues: [],
        changedCells: 23,
        sheet: 'Journal',
      }),
    });
    const page = await openSidebar(session, url, server);
    await page.getByRole('button', { name: /^Reformater/ }).click();
    const confirm = page.locator('.ap-confirm');
    await confirm.waitFor();
    expect(await confirm.locator('.ap-confirm-text').textContent()).toBe(
      '23 cellules seront modifiées. Continuer\u00a0?',
    );
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Confirmer');
    await screenshot(page, 'panel-confirm-light');

    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => confirm.isHidden()).toBe(true);
    expect(await page.locator('.ap-summary').textContent()).toBe(
      'Opération annulée\u00a0: rien n’a été modifié.',
    );
    expect(calls).toEqual(['alliancePreview(reformat, fr)']);

    await page.getByRole('button', { name: /^Reformater/ }).click();
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => page.locator('.ap-changed').textContent()).toBe('23 cellules modifiées.');
    expect(await page.locator('.ap-totals').textContent()).toBe('Aucun problème trouvé.');
    // The confirmed run hands back what the preview read: only those cells are written.
    expect(calls).toEqual([
      'alliancePreview(reformat, fr)',
      'alliancePreview(reformat, fr)',
      'allianceRun(reformat, fr, {"token":"jeton-1","restoreChanged":false})',
    ]);
    await page.close();
  });

  it('Annuler lists the cells staff changed since, and restores them only when asked', async () => {
    const changedSince = {
      severity: 'warning',
      code: 'journal.changedSince',
      sheet: 'Projets',
      cell: 'J5',
      message:
        'Cellule modifiée depuis l’opération 2026-11-27T14:03:05Z-reformat : elle est laissée telle quelle.',
    };
    const { calls, server } = scriptedServer({
      'alliancePreview:undo': () => ({
        changedCells: 38,
        optionalCells: 1,
        summary: '38 cellules restaurées',
        warnings: [changedSince],
        token: 'jeton-2',
      }),
      'allianceRun:undo': () => ({
        action: 'undo',
        ok: true,
        summary: '39 cellules restaurées',
        issues: [],
        changedCells: 39,
      }),
    });
    const page = await openSidebar(session, url, server);
    await page.getByRole('button', { name: /^Annuler la dernière/ }).click();
    const confirm = page.locator('.ap-confirm');
    await confirm.waitFor();
    expect(await confirm.locator('.ap-confirm-warnings li').allTextContents()).toEqual([
      `Projets!J5 — ${changedSince.message}`,
    ]);
    const restore = confirm.getByRole('checkbox');
    expect(await restore.isChecked()).toBe(false);
    expect(await confirm.locator('.ap-confirm-restore').textContent()).toMatch(
      /Rétablir aussi la cellule modifiée depuis l’opération/,
    );
    await screenshot(page, 'panel-confirm-undo-changed-since');
    await restore.check();
    await confirm.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => calls.length).toBe(2);
    expect(calls[1]).toBe('allianceRun(undo, fr, {"token":"jeton-2","restoreChanged":true})');
    await page.close();
  });

  it('Sommaire budgétaire offers to convert its text sources first, and writes either way', async () => {
    const written: PanelResult = {
      action: 'summary',
      ok: true,
      summary: 'Sommaire budgétaire écrit',
      issues: [],
      changedCells: 0,
      sheet: 'Sommaire budgétaire',
    };
    const { calls, server } = scriptedServer({
      'alliancePreview:summary': () => ({
        changedCells: 0,
        optionalCells: 6,
        summary: 'Sommaire budgétaire écrit',
        warnings: [],
        token: 'jeton-3',
      }),
      'allianceRun:summary': () => written,
    });
    const page = await openSidebar(session, url, server);
    await page.getByRole('button', { name: /^Sommaire budgétaire/ }).click();
    const confirm = page.locator('.ap-confirm');
    await confirm.waitFor();
    expect(await confirm.locator('.ap-confirm-text').textContent()).toMatch(
      /^Le Sommaire lit 6 cellules saisies en texte/,
    );
    const convert = confirm.getByRole('checkbox');
    expect(await convert.isChecked()).toBe(false);
    expect(await confirm.locator('.ap-confirm-restore').textContent()).toMatch(
      /Les convertir d’abord en nombres, comme Reformater/,
    );
    await screenshot(page, 'panel-confirm-summary-conversion');
    // Confirmer without the box: the Sommaire is written, nothing converted.
    await confirm.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => calls.length).toBe(2);
    expect(calls[1]).toBe('allianceRun(summary, fr, {"token":"jeton-3","restoreChanged":false})');
    await page.getByRole('button', { name: /^Sommaire budgétaire/ }).click();
    await confirm.waitFor();
    await confirm.getByRole('checkbox').check();
    await confirm.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => calls.length).toBe(4);
    expect(calls[3]).toBe('allianceRun(summary, fr, {"token":"jeton-3","restoreChanged":true})');
    await page.close();
  });

  it('Sommaire budgétaire with nothing to convert is written without a question', async () => {
    const { calls, server } = scriptedServer({
      'alliancePreview:summary': () => ({
        changedCells: 0,
        optionalCells: 0,
        summary: '',
        warnings: [],
        token: 'jeton-4',
      }),
      'allianceRun:summary': () => ({
        action: 'summary',
        ok: true,
        summary: 'Sommaire budgétaire écrit',
        issues: [],
        changedCells: 0,
      }),
    });
    const page = await openSidebar(session, url, server);
    await page.getByRole('button', { name: /^Sommaire budgétaire/ }).click();
    await expect.poll(() => calls.length).toBe(2);
    expect(calls[1]).toBe('allianceRun(summary, fr, {"token":"jeton-4","restoreChanged":false})');
    expect(await page.locator('.ap-confirm').isHidden()).toBe(true);
    await page.close();
  });

  it('Escape cancels the confirmation; nothing to undo is said without asking', async () => {
    const { calls, server } = scriptedServer({
      'alliancePreview:reformat': () => ({ changedCells: 1, summary: '' }),
      'alliancePreview:undo': () => ({ changedCells: 0, summary: 'Rien à annuler : le Journal est vide.' }),
    });
    const page = await openSidebar(session, url, server);
    await page.getByRole('button', { name: /^Reformater/ }).click();
    await page.locator('.ap-confirm').waitFor();
    expect(await page.locator('.ap-confirm-text').textContent()).toBe(
      '1 cellule sera modifiée. Continuer\u00a0?',
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ap-confirm').isHidden()).toBe(true);
    await page.getByRole('button', { name: /^Annuler la dernière/ }).click();
    await expect
      .poll(() => page.locator('.ap-summary').textContent())
      .toBe('Rien à annuler : le Journal est vide.');
    expect(calls.filter((c) => c.startsWith('allianceRun'))).toEqual([]);
    await page.close();
  });

  it('shows a server failure as a readable French message, never a blank panel', async () => {
    const { server } = scriptedServer({
      'allianceRun:rank': () => {
        throw new Error('Exception: Service Spreadsheets timed out while accessing document.');
      },
    });
    const page = await openSidebar(session, url, server);
    await page.getByRole('button', { name: /^Classement et recommandation/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('.ap-failure-text').textContent()).toBe(
      'L’action «\u00a0Classement et recommandation\u00a0» n’a pas pu se terminer.',
    );
    expect(await alert.locator('.ap-failure-hint').textContent()).toContain('Réessayez');
    await alert.locator('summary').click();
    expect(await alert.locator('code').textContent()).toBe(
      'Exception: Service Spreadsheets timed out while accessing document.',
    );
    expect(await page.locator('.ap-action:disabled').count()).toBe(0);
    await screenshot(page, 'panel-error-light');
    await page.close();
  });

  it('shows the lines the host sent, the counts of all, and says how many more the Validation sheet holds', async () => {
    // The host sends the first 50 lines of a sheet and counts the others (panel/result.ts).
    const sent = Array.from({ length: 50 }, (_, i) =>
      panelIssue('warning', 'money.text', `Montant en texte à la ligne ${i + 2}.`, {
        sheet: 'Versements',
        cell: `C${i + 2}`,
      }),
    );
    const { server } = scriptedServer({
      'allianceRun:validate': () => ({
        ...VALIDATION,
        summary: '205 avertissements.',
        issues: sent,
        unsent: [{ sheet: 'Versements', counts: { error: 0, warning: 155, info: 0 } }],
      }),
    });
    const page = await openSidebar(session, url, server);
    await page.getByRole('button', { name: /^Valider/ }).click();
    await page.locator('.ap-more').waitFor();
    expect(await page.locator('.ap-issue').count()).toBe(50);
    expect(await page.locator('.ap-group-counts').textContent()).toBe('205 avertissements');
    expect(await page.locator('.ap-totals').textContent()).toBe('205 avertissements');
    expect(await page.locator('.ap-more').textContent()).toBe(
      'Et 155 autres problèmes, non affichés ici\u00a0: la feuille Validation les liste tous (Valider la met à jour).',
    );
    await page.close();
  });

  it('switches to English and runs actions in English', async () => {
    const { calls, server } = scriptedServer({
      'allianceRun:rank': () => ({
        action: 'rank',
        ok: true,
        summary: '4 projects ranked.',
        issues: [],
        changedCells: 0,
      }),
    });
    const page = await openSidebar(session, url, server);
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('.ap-action-label').nth(4).textContent()).toBe('Ranking and recommendation');
    expect(await page.locator('.ap-result-heading').textContent()).toBe('Result');
    await page.getByRole('button', { name: /^Ranking/ }).click();
    await expect.poll(() => page.locator('.ap-summary').textContent()).toBe('4 projects ranked.');
    expect(calls).toEqual(['allianceRun(rank, en)']);
    // The choice is remembered for the next opening of the panel.
    await page.reload();
    await page.locator('.alliance-panel').waitFor();
    expect(await page.locator('.ap-lang-button[aria-pressed="true"]').textContent()).toBe('EN');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.close();
  });

  it('is readable in the dark theme (system preference and the host class)', async () => {
    const { server } = scriptedServer({ 'allianceRun:validate': () => VALIDATION });
    const page = await openSidebar(session, url, server, { colorScheme: 'dark' });
    await page.getByRole('button', { name: /^Valider/ }).click();
    await page.locator('.ap-group').first().waitFor();
    const colors = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.body);
        const item = getComputedStyle(document.querySelector('.ap-issue-message') as Element);
        return { background: style.backgroundColor, text: item.color };
      });
    expect(await colors()).toEqual({ background: 'rgb(31, 31, 31)', text: 'rgb(240, 240, 240)' });
    await screenshot(page, 'panel-validate-dark');

    // A light host theme wins over the system's dark preference, and the other way round.
    await page.evaluate(() => document.documentElement.classList.add('alliance-theme-light'));
    expect((await colors()).background).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.evaluate(() => {
      document.documentElement.classList.remove('alliance-theme-light');
      document.body.classList.add('alliance-theme-dark');
    });
    expect(await colors()).toEqual({ background: 'rgb(31, 31, 31)', text: 'rgb(240, 240, 240)' });
    await page.close();
  });
});
