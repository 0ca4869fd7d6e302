/**
 * The real Office.js request builder (npm `@microsoft/office-js`, the client library Excel on the
 * web loads) in headless Chromium, fed by the Excel adapter's writer: what each request really
 * weighs, beside the adapter's estimate. Used by the calibration test and `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import type { ActionName } from '../../../core/action-table.js';
import { collectPageErrors, launchChromium, serveFiles } from '../../e2e/browser.js';
import type { MeasuredRequest } from './page-entry.js';

export type { MeasuredRequest };

export interface RequestMeter {
  measure(action: ActionName, projects: number, payloadBudget: number): Promise<MeasuredRequest[]>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

async function pageScript(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('./page-entry.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
  });
  return result.outputFiles[0].text;
}

export async function openRequestMeter(): Promise<RequestMeter> {
  const officeJs = readFileSync(require.resolve('@microsoft/office-js/dist/excel-web-16.00.js'));
  const server = await serveFiles({
    '/index.html':
      '<!doctype html><meta charset="utf-8"><script src="/excel.js"></script><script src="/page.js"></script>',
    '/excel.js': officeJs,
    '/page.js': await pageScript(),
  });
  const chromium = await launchChromium();
  const page = await chromium.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.origin}/index.html`);
  if (errors.length > 0) throw new Error(`Office.js page: ${errors.join('; ')}`);
  return {
    measure: (action, projects, payloadBudget) =>
      page.evaluate(
        ([a, p, b]) =>
          (window as unknown as { measureRequests: RequestMeter['measure'] }).measureRequests(a, p, b),
        [action, projects, payloadBudget] as const,
      ),
    async close() {
      await chromium.close();
      await server.close();
    },
  };
}
