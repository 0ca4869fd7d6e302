/**
 * The adapter's request-size estimate against the requests Office.js really builds (npm
 * `@microsoft/office-js`, the client library, in headless Chromium): never below, so that a plan
 * split by the estimate fits Excel on the web's 5 MB limit; and the fake Excel weighs the same
 * requests close to what Office.js does, so its payload limit refuses what Excel would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyResolved } from '../../../addin/excel-adapter.js';
import { ACTIONS } from '../../../core/action-table.js';
import { createFakeExcel } from '../../fakes/excel/index.js';
import { openRequestMeter, type RequestMeter } from './harness.js';
import { resolvedPlanFor, workbookFor } from './workbooks.js';

/** Small enough for a quick test, big enough to need several requests and Office.js's chunking. */
const SIZES = [10, 2_000];
const BUDGET = 1_000_000;
const UNLIMITED = { requestBytes: Number.POSITIVE_INFINITY, responseBytes: Number.POSITIVE_INFINITY };

let meter: RequestMeter;
beforeAll(async () => {
  meter = await openRequestMeter();
}, 60_000);
afterAll(async () => {
  await meter?.close();
});

describe.each(SIZES)('requests of each action at %i projects', (projects) => {
  it.each([...ACTIONS])(
    '%s: estimate never below the real request, fake within a quarter of it',
    async (action) => {
      const requests = await meter.measure(action, projects, BUDGET);
      expect(requests.length).toBeGreaterThan(0);
      for (const { estimated, real } of requests) {
        expect(estimated).toBeGreaterThanOrEqual(real);
        // Not so cautious that a plan takes many more syncs than it needs.
        expect(estimated).toBeLessThanOrEqual(1.5 * real + 10_000);
        expect(real).toBeLessThanOrEqual(BUDGET);
      }

      const snapshot = workbookFor(action, projects);
      const fake = createFakeExcel(snapshot, UNLIMITED);
      const plan = resolvedPlanFor(action, snapshot);
      await fake.run((context) => applyResolved(context, plan, { notes: false, payloadBudget: BUDGET }));
      expect(fake.stats.requestBytes).toHaveLength(requests.length);
      fake.stats.requestBytes.forEach((bytes, i) => {
        expect(bytes).toBeGreaterThanOrEqual(0.75 * requests[i].real);
        expect(bytes).toBeLessThanOrEqual(1.25 * requests[i].real);
      });
    },
    120_000,
  );
});
