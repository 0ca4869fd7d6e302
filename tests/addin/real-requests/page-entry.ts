/**
 * Entry of the calibration page: core makes an action's resolved plan over a generated workbook,
 * and the Excel adapter's writer queues it on a real `Excel.RequestContext` of Office.js, whose
 * request executor is replaced by one that keeps each request's size instead of sending it.
 */
/// <reference types="office-js" />
import { applyResolved } from '../../../addin/excel-adapter.js';
import type { ActionName } from '../../../core/action-table.js';
import { resolvedPlanFor, workbookFor } from './workbooks.js';

export interface MeasuredRequest {
  /** The adapter's estimate for the request. */
  estimated: number;
  /** UTF-8 bytes of the request body Office.js built. */
  real: number;
}

interface RequestMessage {
  Body: unknown;
}

/** Office.js internals set here: the executor a host provides, and the resolved request URL. */
interface ContextInternals {
  _requestExecutor: {
    executeAsync(customData: unknown, flags: number, message: RequestMessage): Promise<unknown>;
  };
  m_requestUrlAndHeaderInfo: { url: string; headers: Record<string, string> };
}

async function measureRequests(
  action: ActionName,
  projects: number,
  payloadBudget: number,
): Promise<MeasuredRequest[]> {
  const resolved = resolvedPlanFor(action, workbookFor(action, projects));
  const context = new Excel.RequestContext();
  const internals = context as unknown as ContextInternals;
  const encoder = new TextEncoder();
  const real: number[] = [];
  internals.m_requestUrlAndHeaderInfo = { url: 'https://excel.invalid/', headers: {} };
  internals._requestExecutor = {
    executeAsync(_customData, _flags, message) {
      real.push(encoder.encode(JSON.stringify(message.Body)).length);
      return Promise.resolve({ ErrorCode: '', HttpStatusCode: 200, Headers: {}, Body: { Results: [] } });
    },
  };
  const estimated: number[] = [];
  await applyResolved(context, resolved, {
    // npm's Office.js 1.1.110 stops before ExcelApi 1.18: no Notes API to build note requests with.
    notes: 'NoteCollection' in Excel,
    payloadBudget,
    onRequest: (bytes) => estimated.push(bytes),
  });
  if (estimated.length !== real.length)
    throw new Error(`${estimated.length} estimates, ${real.length} requests`);
  return real.map((bytes, i) => ({ estimated: estimated[i], real: bytes }));
}

(window as unknown as { measureRequests: typeof measureRequests }).measureRequests = measureRequests;
