/**
 * The Excel task pane end to end in headless Chromium: the page `npm run build:addin` makes for
 * tests (dist/addin-test: the real taskpane.js and stylesheet, Office.js replaced by the fake
 * Office host over the sample workbook, in memory). Click Valider and Sommaire budgétaire, then
 * read the cells the task pane wrote back from the fake workbook.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../build/addin.js';
import type { CellValue } from '../../core/cells.js';
import { SUMMARY_HEADERS } from '../../core/plans/summary.js';
import {
  type ChromiumSession,
  collectPageErrors,
  launchChromium,
  type StaticServer,
  screenshot,
  serveFiles,
} from './browser.js';

let session: ChromiumSession;
let site: StaticServer;
let buildDir: string;
let url: string;

beforeAll(async () => {
  // A private build, so this test never races `npm run build` over dist/.
  buildDir = await mkdtemp(join(tmpdir(), 'alliance-addin-'));
  const { testOutDir } = await build({
    outDir: join(buildDir, 'addin'),
    testOutDir: join(buildDir, 'addin-test'),
  });
  const root = testOutDir as string;
  site = await serveFiles((path) => {
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return undefined;
    try {
      return readFileSync(file);
    } catch {
      return undefined;
    }
  });
  url = `${site.origin}/taskpane.html`;
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
  await site?.close();
  if (buildDir) await rm(buildDir, { recursive: true, force: true });
});

/** The fake workbook's sheet as rows of values, read in the page. */
function sheetValues(page: Page, sheet: string): Promise<CellValue[][] | null> {
  return page.evaluate((name) => {
    const fake = (
      window as unknown as {
        __allianceFake: { snapshot(): { sheets: { name: string; values: CellValue[][] }[] } };
      }
    ).__allianceFake;
    return fake.snapshot().sheets.find((s) => s.name === name)?.values ?? null;
  }, sheet);
}

async function openTaskpane(options: { colorScheme?: 'light' | 'dark'; officeBackground?: string } = {}) {
  const page = await session.newPage({ colorScheme: options.colorScheme });
  if (options.officeBackground) {
    // Office tells its theme through Office.context.officeTheme: give the fake one as it installs.
    await page.addInitScript((background) => {
      let office: { context: Record<string, unknown> } | undefined;
      Object.defineProperty(window, 'Office', {
        configurable: true,
        get: () => office,
        set: (value) => {
          office = value;
          value.context.officeTheme = { bodyBackgroundColor: background };
        },
      });
    }, options.officeBackground);
  }
  const errors = collectPageErrors(page);
  // The page's own files it asked for, in order (the English texts load only when picked).
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(url);
  await page.locator('.alliance-panel').waitFor();
  return { page, errors, requested };
}

describe('Excel task pane over the fake Office host (sample workbook)', () => {
  it('Valider lists the issues by sheet and writes the Validation sheet; a click selects the cell', async () => {
    const { page, errors } = await openTaskpane();
    await page.getByRole('button', { name: /^Valider/ }).click();
    await page.locator('.ap-group').first().waitFor();

    expect(await page.locator('.ap-summary').textContent()).toMatch(/erreur|avertissement/);
    const groups = await page.locator('.ap-group-name').allTextContents();
    expect(groups).toContain('Projets');
    const municipality = page.locator('button.ap-issue', { hasText: 'Ste-Madelaine' }).first();
    expect(await municipality.textContent()).toContain('Sainte-Madeleine');
    const cell = await municipality.getAttribute('data-cell');
    await municipality.click();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { __allianceFake: { model: { selection: string } } }).__allianceFake.model
              .selection,
        ),
      )
      .toBe(`Projets!${cell}`);

    const validation = await sheetValues(page, 'Validation');
    expect(validation).not.toBeNull();
    const text = (validation ?? [])
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n');
    expect(text).toContain('Ste-Madelaine');
    expect(errors).toEqual([]);
    await screenshot(page, 'taskpane-validate-light');
    await municipality.scrollIntoViewIfNeeded();
    await screenshot(page, 'taskpane-validate-light-view', { fullPage: false });
    await page.close();
  });

  it('Sommaire budgétaire writes the table with the exact headers, one row per program year, then Total', async () => {
    const { page, errors } = await openTaskpane();
    await page.getByRole('button', { name: /^Sommaire budgétaire/ }).click();
    // The workbook's text amounts are offered for conversion first: accepted here.
    const confirm = page.locator('.ap-confirm');
    await confirm.waitFor();
    expect(await confirm.locator('.ap-confirm-text').textContent()).toMatch(
      /^Le Sommaire lit \d+ cellules? saisies? en texte/,
    );
    await confirm.getByRole('checkbox').check();
    await confirm.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => page.locator('.ap-summary').count()).toBe(1);
    expect(await page.locator('.ap-failure').isHidden()).toBe(true);

    const values = await sheetValues(page, 'Sommaire budgétaire');
    expect(values).not.toBeNull();
    const rows = values ?? [];
    const headerRow = rows.findIndex((row) => row[0] === 'Exercice');
    expect(headerRow).toBeGreaterThanOrEqual(0);
    expect(rows[headerRow].slice(0, SUMMARY_HEADERS.length)).toEqual(SUMMARY_HEADERS);
    const years = rows.slice(headerRow + 1, headerRow + 5).map((row) => row[0]);
    expect(years).toEqual(['2019-2020', '2020-2021', '2021-2022', '2022-2023']);
    expect(rows[headerRow + 5][0]).toBe('Total');
    // Converted as Reformater converts: the budget's « 195 007 $ » is a number now.
    expect((await sheetValues(page, 'Budget prévisionnel'))?.[8][2]).toBe(195007);
    expect(await sheetValues(page, 'Journal')).not.toBeNull();
    expect(errors).toEqual([]);
    await screenshot(page, 'taskpane-summary-light');
    await page.close();
  });

  it('follows Office’s dark theme even when the system is light', async () => {
    const { page } = await openTaskpane({ colorScheme: 'light', officeBackground: '#262626' });
    await page.getByRole('button', { name: /^Valider/ }).click();
    await page.locator('.ap-group').first().waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(31, 31, 31)',
    );
    await screenshot(page, 'taskpane-validate-dark');
    await page.close();
  });

  it('loads the English texts only when English is picked, then validates in English', async () => {
    const { page, errors, requested } = await openTaskpane();
    expect(requested).toContain('/taskpane.js');
    expect(requested).not.toContain('/taskpane-en.js');
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.locator('.ap-action-label').first().textContent())
      .toBe('Create the template');
    expect(await page.locator('.ap-lang-button[aria-pressed="true"]').textContent()).toBe('EN');
    expect(requested.filter((path) => path === '/taskpane-en.js')).toHaveLength(1);

    await page.getByRole('button', { name: /^Validate/ }).click();
    await page.locator('.ap-group').first().waitFor();
    const municipality = page.locator('button.ap-issue', { hasText: 'Ste-Madelaine' }).first();
    const english = 'Unrecognized municipality: "Ste-Madelaine". Did you mean Sainte-Madeleine?';
    expect(await municipality.textContent()).toContain(english);
    const validation = (await sheetValues(page, 'Validation')) ?? [];
    expect(validation.flat()).toContain(english);

    // The choice is remembered: the next opening shows French until English has loaded, then English.
    await page.reload();
    await expect.poll(() => page.locator('.ap-lang-button[aria-pressed="true"]').textContent()).toBe('EN');
    expect(await page.locator('.ap-action-label').first().textContent()).toBe('Create the template');
    expect(errors).toEqual([]);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.close();
  });

  it('stays in French, and says so, when the English texts cannot be loaded', async () => {
    const page = await session.newPage();
    await page.route('**/taskpane-en.js', (route) => route.abort());
    await page.goto(url);
    await page.locator('.alliance-panel').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.ap-failure:not([hidden])').waitFor();
    expect(await page.locator('.ap-failure-text').textContent()).toBe(
      'Les textes anglais n’ont pas pu être chargés\u00a0: le panneau reste en français.',
    );
    expect(await page.locator('.ap-lang-button[aria-pressed="true"]').textContent()).toBe('FR');
    expect(await page.locator('.ap-action-label').first().textContent()).toBe('Créer le gabarit');
    // The next click tries again.
    await page.unroute('**/taskpane-en.js');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.ap-lang-button[aria-pressed="true"]').textContent()).toBe('EN');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.close();
  });
});
