/**
 * Loads the built Code.js as Apps Script does: a plain script in a fresh `vm` context that holds
 * only the Apps Script fakes (no require, process, timers, URL or TextEncoder), over one fake
 * spreadsheet; its top-level functions are then called by name, like menus, triggers and
 * `google.script.run` call them.
 */
import vm from 'node:vm';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { FakeSpreadsheet, fakeServices, instantIn } from '../fakes/spreadsheet-app.js';

export interface LoadedBundle {
  context: vm.Context;
  book: FakeSpreadsheet;
  /** Calls a top-level function of Code.js. */
  call(name: string, ...args: unknown[]): unknown;
  /**
   * A value as Sheets hands it to a custom function: blanks as '', a core date (a day and time on
   * the spreadsheet's clock) as the instant it is in the spreadsheet's zone, made in the script's realm.
   */
  sheetsArg(value: unknown): unknown;
}

export function loadBundle(
  code: string,
  snapshot: WorkbookSnapshot,
  options: { sidebar?: string; alertAnswer?: 'YES' | 'NO'; timeZone?: string; authMode?: 'NONE' } = {},
): LoadedBundle {
  const context = vm.createContext({});
  const makeDate = vm.runInContext('(time) => new Date(time)', context) as (time: number) => Date;
  const book = FakeSpreadsheet.fromSnapshot(snapshot, {
    makeDate,
    htmlFiles: options.sidebar === undefined ? {} : { Sidebar: options.sidebar },
    alertAnswer: options.alertAnswer,
    timeZone: options.timeZone,
    authMode: options.authMode,
  });
  Object.assign(context, fakeServices(book));
  vm.runInContext(code, context, { filename: 'Code.js' });
  const call = (name: string, ...args: unknown[]) => (context[name] as (...a: unknown[]) => unknown)(...args);
  const sheetsArg = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sheetsArg);
    if (value instanceof Date) return makeDate(instantIn(book.timeZone, value));
    return value === null ? '' : value;
  };
  return { context, book, call, sheetsArg };
}
