/**
 * The Google Sheets sidebar end to end in headless Chromium: the built page (panel bundle and
 * stylesheet inlined, as in Sidebar.html) with a fake `google.script.run` whose server functions
 * run the REAL core on the sample workbook (examples/alliance-exemple.xlsx) in the test process,
 * applying each plan to an in-memory copy, as apps-script/main.ts does over SpreadsheetApp.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/xlsx/read.js';
import type { ActionName } from '../../core/action-table.js';
import { runAction } from '../../core/actions.js';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { type Lang, renderIssue } from '../../core/messages/index.js';
import type { PanelResult } from '../../panel/bridge.js';
import { applyPlanToSnapshot } from '../fakes/memory-writer.js';
import {
  type ChromiumSession,
  collectPageErrors,
  launchChromium,
  type StaticServer,
  screenshot,
  serveFiles,
} from './browser.js';
import { type FakeServer, openSidebar, sidebarHtml } from './sidebar-page.js';

const SAMPLE = new URL('../../examples/alliance-exemple.xlsx', import.meta.url).pathname;
/** A fixed moment inside the program, so « report due » and journal stamps do not drift. */
const NOW = new Date('2022-05-02T14:00:00');

/** What apps-script/main.ts does in `allianceRun`, over an in-memory workbook instead of SpreadsheetApp. */
function coreServer(initial: WorkbookSnapshot) {
  let workbook = initial;
  const selections: string[] = [];
  const runs: ActionName[] = [];
  const server: FakeServer = (name, args) => {
    if (name === 'allianceSelect') {
      selections.push(`${args[0]}!${args[1]}`);
      return undefined;
    }
    const action = args[0] as ActionName;
    const lang = args[1] as Lang;
    const outcome = runAction(action, workbook, { lang, now: NOW });
    if (name === 'alliancePreview')
      return { changedCells: outcome.plan.changedCells, summary: outcome.summary };
    runs.push(action);
    if (outcome.ok) workbook = applyPlanToSnapshot(workbook, outcome.plan);
    const result: PanelResult = {
      action,
      ok: outcome.ok,
      summary: outcome.summary,
      issues: outcome.issues.map((issue) => ({
        severity: issue.severity,
        code: issue.code,
        sheet: issue.sheet,
        cell: issue.cell,
        message: renderIssue(issue, lang),
      })),
      changedCells: outcome.ok ? outcome.plan.changedCells : 0,
      sheet: outcome.plan.activate,
    };
    return result;
  };
  return { server, selections, runs, workbook: () => workbook };
}

let session: ChromiumSession;
let site: StaticServer;
let url: string;
let sample: WorkbookSnapshot;

beforeAll(async () => {
  sample = (await readWorkbook(SAMPLE)).snapshot;
  site = await serveFiles({ '/Sidebar.html': await sidebarHtml() });
  url = `${site.origin}/Sidebar.html`;
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
  await site?.close();
});

describe('Google Sheets sidebar on the sample workbook (real core)', () => {
  it('Valider lists the real issues grouped by sheet; a click selects the cell', async () => {
    const host = coreServer(sample);
    // Google Sheets sidebars are 300 px wide.
    const page = await openSidebar(session, url, host.server, { width: 300 });
    const errors = collectPageErrors(page);
    await page.getByRole('button', { name: /^Valider/ }).click();
    await page.locator('.ap-group').first().waitFor();

    const expected = runAction('validate', sample, { lang: 'fr', now: NOW });
    expect(await page.locator('.ap-summary').textContent()).toBe(expected.summary);
    const sheets = [...new Set(expected.issues.map((i) => i.sheet ?? 'Général'))];
    expect((await page.locator('.ap-group-name').allTextContents()).sort()).toEqual(sheets.sort());
    expect(await page.locator('.ap-issue').count()).toBe(expected.issues.length);

    // The sample's trap: « Ste-Madelaine » is not a municipality, and it is said in French.
    const municipality = page.locator('button.ap-issue', { hasText: 'Ste-Madelaine' }).first();
    await municipality.waitFor();
    const [sheet, cell] = await Promise.all([
      municipality.getAttribute('data-sheet'),
      municipality.getAttribute('data-cell'),
    ]);
    expect(sheet).toBe('Projets');
    expect(await municipality.textContent()).toContain('Sainte-Madeleine');
    await municipality.click();
    await expect.poll(() => host.selections).toEqual([`${sheet}!${cell}`]);

    expect(host.workbook().sheets.map((s) => s.name)).toContain('Validation');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    expect(errors).toEqual([]);
    await screenshot(page, 'sidebar-validate-light');
    // What a user sees of the list in a 720 px high sidebar, at full size.
    await municipality.scrollIntoViewIfNeeded();
    await screenshot(page, 'sidebar-validate-light-view', { fullPage: false });
    await page.close();
  });

  it('Reformater shows how many cells will change, then changes them on Confirmer', async () => {
    const host = coreServer(sample);
    const page = await openSidebar(session, url, host.server);
    const preview = runAction('reformat', sample, { lang: 'fr', now: NOW });
    expect(preview.plan.changedCells).toBeGreaterThan(1);

    await page.getByRole('button', { name: /^Reformater/ }).click();
    await page.locator('.ap-confirm').waitFor();
    expect(await page.locator('.ap-confirm-text').textContent()).toBe(
      `${preview.plan.changedCells} cellules seront modifiées. Continuer\u00a0?`,
    );
    expect(host.runs).toEqual([]);
    await screenshot(page, 'sidebar-reformat-confirm-light');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await expect
      .poll(() => page.locator('.ap-changed').textContent())
      .toBe(`${preview.plan.changedCells} cellules modifiées.`);
    expect(host.runs).toEqual(['reformat']);
    expect(host.workbook().sheets.map((s) => s.name)).toContain('Journal');
    await page.close();
  });

  it('in English, the core answers in English', async () => {
    const host = coreServer(sample);
    const page = await openSidebar(session, url, host.server);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: /^Validate/ }).click();
    await page.locator('.ap-group').first().waitFor();
    const expected = runAction('validate', sample, { lang: 'en', now: NOW });
    expect(await page.locator('.ap-summary').textContent()).toBe(expected.summary);
    const municipality = page.locator('button.ap-issue', { hasText: 'Ste-Madelaine' }).first();
    const cell = await municipality.getAttribute('data-cell');
    const issue = expected.issues.find((i) => i.code === 'municipality.unrecognized' && i.cell === cell);
    expect(issue).toBeDefined();
    expect(await municipality.locator('.ap-issue-message').textContent()).toBe(renderIssue(issue!, 'en'));
    await page.getByRole('button', { name: 'Français' }).click();
    await page.close();
  });

  it('reads well in the dark theme', async () => {
    const host = coreServer(sample);
    const page = await openSidebar(session, url, host.server, { colorScheme: 'dark' });
    await page.getByRole('button', { name: /^Valider/ }).click();
    await page.locator('.ap-group').first().waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(31, 31, 31)',
    );
    await screenshot(page, 'sidebar-validate-dark');
    await page.locator('.ap-result').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('.ap-result')?.scrollIntoView());
    await screenshot(page, 'sidebar-validate-dark-view', { fullPage: false });
    await page.close();
  });
});
