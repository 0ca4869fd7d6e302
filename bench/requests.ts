/**
 * Real request bytes per action on Excel on the web: the adapter's writer fed to Office.js's own
 * request builder (npm `@microsoft/office-js` in headless Chromium, as the calibration test does),
 * with the default 4 MB budget. Reads are not measured: their requests are small, and what they
 * weigh in responses only a real Excel can say.
 */
import { DEFAULT_PAYLOAD_BUDGET } from '../addin/excel-adapter.js';
import { ACTIONS, type ActionName } from '../core/action-table.js';
import { openRequestMeter } from '../tests/addin/real-requests/harness.js';
import { markdownTable } from './measure.js';

export interface RequestRow {
  action: ActionName;
  projects: number;
  /** Write requests (syncs) the plan needs on the web. */
  requests: number;
  totalBytes: number;
  largestBytes: number;
  /** Largest estimate ÷ real: at least 1 means the estimate never undercounts. */
  lowestEstimateRatio: number;
}

export async function benchRequests(sizes: readonly number[]): Promise<RequestRow[]> {
  const meter = await openRequestMeter();
  try {
    const rows: RequestRow[] = [];
    for (const projects of sizes) {
      for (const action of ACTIONS) {
        const requests = await meter.measure(action, projects, DEFAULT_PAYLOAD_BUDGET);
        rows.push({
          action,
          projects,
          requests: requests.length,
          totalBytes: requests.reduce((sum, r) => sum + r.real, 0),
          largestBytes: Math.max(...requests.map((r) => r.real)),
          lowestEstimateRatio: Math.min(...requests.map((r) => r.estimated / r.real)),
        });
      }
    }
    return rows;
  } finally {
    await meter.close();
  }
}

export function requestTable(rows: readonly RequestRow[]): string {
  const megabytes = (bytes: number) =>
    (bytes / 1e6).toLocaleString('fr-CA', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return markdownTable(
    ['action', 'projets', 'requêtes d’écriture', 'total (Mo)', 'plus grande (Mo)', 'estimation ÷ réel (min)'],
    rows.map((r) => [
      r.action,
      r.projects.toLocaleString('fr-CA'),
      String(r.requests),
      megabytes(r.totalBytes),
      megabytes(r.largestBytes),
      r.lowestEstimateRatio.toFixed(2),
    ]),
  );
}
