/**
 * A fake `Excel.RequestContext`: proxies queue commands, `sync()` runs them in order against a
 * `FakeWorkbookModel`, exactly like Office.js batches. It implements only what the adapter uses,
 * and counts what performance budgets are about: syncs, property loads, queued operations, and
 * request / response bytes (with Excel on the web's payload limits, which it enforces).
 */
import { columnIndex, rangeAddress } from '../../../core/a1.js';
import {
  coerceTyped,
  emptyCell,
  type FakeCell,
  type FakeChart,
  type FakePageLayout,
  type FakeProtectionOptions,
  type FakeScalar,
  type FakeSheet,
  type FakeTable,
  type FakeWorkbookModel,
} from './model.js';

export interface FakeStats {
  syncs: number;
  /** Property names requested through `load()`. */
  loads: number;
  /** Queued commands other than loads (property sets and method calls). */
  operations: number;
  /** Bytes sent by each sync (the batch's commands). */
  requestBytes: number[];
  /** Bytes returned by each sync (loaded properties). */
  responseBytes: number[];
  /** Syncs whose batch suspended calculation (`suspendApiCalculationUntilNextSync`). */
  suspendedSyncs: number;
}

export interface FakeLimits {
  /** Excel on the web rejects larger requests (about 5 MB). */
  requestBytes: number;
  responseBytes: number;
}

export const EXCEL_WEB_LIMITS: FakeLimits = { requestBytes: 5_000_000, responseBytes: 5_000_000 };

/** `Excel.RunOptions` the fake knows. */
export interface FakeRunOptions {
  /** All syncs of the run make one undo record (ExcelApi 1.20, https://learn.microsoft.com/javascript/api/excel/excel.runoptions#excel-excel-runoptions-mergeundogroup-member). */
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
}

export function newStats(): FakeStats {
  return { syncs: 0, loads: 0, operations: 0, requestBytes: [], responseBytes: [], suspendedSyncs: 0 };
}

/** Shaped like `OfficeExtension.Error`: code, message, debugInfo. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

interface Command {
  bytes: number;
  load: boolean;
  run(): void;
}

/** What a protected sheet refuses unless its options allow it. */
type ProtectedEdit = 'cells' | 'format' | 'columns' | 'rows' | 'objects';

// Writes into locked cells of a protected sheet fail with AccessDenied « You cannot perform the requested operation. » (undocumented for Range.values; observed through the same Excel service by https://github.com/microsoftgraph/microsoft-graph-docs/issues/4546; code and message from https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
function refuseIfProtected(
  sheet: FakeSheet,
  edit: ProtectedEdit,
  area?: { row: number; col: number; rows: number; cols: number },
): void {
  const protection = sheet.protection;
  if (!protection.protected) return;
  const options: FakeProtectionOptions = protection.options;
  if (edit === 'format' && options.allowFormatCells) return;
  if (edit === 'columns' && options.allowFormatColumns) return;
  if (edit === 'rows' && options.allowFormatRows) return;
  if (edit === 'objects' && options.allowEditObjects) return;
  if (edit === 'cells' && area && sheet.unlocked.size > 0) {
    let allUnlocked = true;
    for (let r = 0; r < Math.min(area.rows, 20_000) && allUnlocked; r++) {
      for (let c = 0; c < area.cols; c++) {
        if (!sheet.unlocked.has(`${area.row + r},${area.col + c}`)) {
          allUnlocked = false;
          break;
        }
      }
    }
    if (allUnlocked) return;
  }
  throw new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation.');
}

/**
 * Overhead of one command in a request, whatever its payload: Office.js sends each call as an
 * action and each proxy it is made on as an object path with its own action (about 110 and 180
 * bytes; measured with Office.js's request builder in tests/addin/real-requests).
 */
const COMMAND_BYTES = 300;
/** Office.js cuts a 2-D array of more than 1 500 cells into row chunks (setRangePropertiesInBulk). */
const BULK_CELLS = 1500;
/** Each chunk: `getRow(i).getBoundingRect(getRow(j))` and its own set, about 650 bytes. */
const BULK_CHUNK_BYTES = 650;

function notLoaded(property: string): Error {
  return new Error(`PropertyNotLoaded: « ${property} » was read before load() and sync()`);
}

const utf8 = new TextEncoder();

/** Requests travel as UTF-8 JSON: an accented letter weighs two bytes. */
function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : utf8.encode(text).length;
}

/** A 2-D array set on a range, with the chunks Office.js cuts it into. */
function gridBytes(grid: readonly unknown[][]): number {
  const cols = grid[0]?.length ?? 0;
  if (grid.length * cols <= BULK_CELLS) return jsonBytes(grid);
  const chunks = Math.ceil(grid.length / Math.max(1, Math.round(BULK_CELLS / cols)));
  return jsonBytes(grid) + chunks * BULK_CHUNK_BYTES;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Command[] = [];
  private suspended = false;
  private responseBytes = 0;
  private clearedUndo = false;
  private undoGroupRecorded = false;

  constructor(
    readonly model: FakeWorkbookModel,
    readonly stats: FakeStats = newStats(),
    readonly limits: FakeLimits = EXCEL_WEB_LIMITS,
    /** Fail, instead of answering null objects, when a call is chained on a null object. */
    readonly strictNullObjects = false,
    readonly runOptions: FakeRunOptions = {},
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /**
   * @internal A call Excel cannot undo: it clears the user's undo stack, or, inside a
   * `mergeUndoGroup` run, fails with UndoNotSupported
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
   * `onlyOn` names the platform where the page says the call is unsupported, when not both.
   */
  undoUnsupported(api: string, onlyOn?: 'desktop' | 'web'): void {
    if (onlyOn && onlyOn !== this.model.undoPlatform) return;
    if (this.runOptions.mergeUndoGroup) {
      throw new FakeOfficeError(
        'UndoNotSupported',
        'The JavaScript API request failed due to lack of support for the undo operation.',
      );
    }
    this.model.clearUndo(api);
    this.clearedUndo = true;
  }

  /** @internal What a call chained on a null object gives: another null object, or an error. */
  nullParent(): null {
    if (this.strictNullObjects) {
      throw new FakeOfficeError('InvalidObjectPath', 'A method was called on a null object.');
    }
    return null;
  }

  /** @internal */
  command(bytes: number, run: () => void): void {
    this.stats.operations += 1;
    this.queue.push({ bytes: bytes + COMMAND_BYTES, load: false, run });
  }

  /** @internal */
  loadCommand(properties: number, run: () => unknown): void {
    this.stats.loads += properties;
    this.queue.push({
      bytes: COMMAND_BYTES,
      load: true,
      run: () => {
        this.responseBytes += jsonBytes(run());
      },
    });
  }

  /** @internal Notes API calls fail at sync below ExcelApi 1.18 (see `FakeWorkbookModel.excelApiMinor`). */
  requireNotesApi(): void {
    if (this.model.excelApiMinor < 18)
      throw new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found.');
  }

  /** @internal Print settings (`pageLayout`, page breaks) fail at sync below ExcelApi 1.9. */
  requirePageLayoutApi(): void {
    if (this.model.excelApiMinor < 9)
      throw new FakeOfficeError('ApiNotFound', 'The API you are trying to use could not be found.');
  }

  /** @internal */
  suspendCalculation(): void {
    this.command(0, () => {
      this.suspended = true;
    });
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.stats.syncs += 1;
    if (this.model.syncsBeforeInterruption !== null) {
      if (this.model.syncsBeforeInterruption <= 0) {
        // A generic refusal (GeneralException: « There was an internal error while processing the request. »,
        // https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
        throw new FakeOfficeError(
          'GeneralException',
          'There was an internal error while processing the request.',
        );
      }
      this.model.syncsBeforeInterruption -= 1;
    }
    const request = batch.reduce((sum, c) => sum + c.bytes, 0);
    this.stats.requestBytes.push(request);
    if (request > this.limits.requestBytes) {
      this.stats.responseBytes.push(0);
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload (${request} bytes) exceeds the limit (${this.limits.requestBytes}).`,
      );
    }
    this.responseBytes = 0;
    this.suspended = false;
    let undoable = false;
    try {
      for (const command of batch) {
        this.clearedUndo = false;
        command.run();
        // What ran before a call that clears the undo stack can no longer be undone.
        if (!command.load) undoable = !this.clearedUndo;
      }
    } finally {
      if (undoable && !(this.runOptions.mergeUndoGroup && this.undoGroupRecorded)) {
        this.model.undoRecords += 1;
        this.undoGroupRecorded = true;
      }
    }
    if (this.suspended) this.stats.suspendedSyncs += 1;
    this.stats.responseBytes.push(this.responseBytes);
    if (this.responseBytes > this.limits.responseBytes) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload (${this.responseBytes} bytes) exceeds the limit (${this.limits.responseBytes}).`,
      );
    }
  }
}

/** A proxy whose target is found when its batch runs; `*OrNullObject` proxies may find nothing. */
abstract class FakeProxy<T> {
  private bound: T | null | undefined;
  private nullState: boolean | undefined;

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolver: () => T | null,
    orNullObject: boolean,
  ) {
    // Objects got without *OrNullObject are never null objects.
    if (!orNullObject) this.nullState = false;
    else {
      context.loadCommand(0, () => {
        this.nullState = this.resolve() === null;
        return this.nullState;
      });
    }
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  /** @internal The target, bound the first time a command needs it (like Office.js object paths). */
  resolve(): T | null {
    if (this.bound === undefined) this.bound = this.resolver();
    return this.bound;
  }

  /** @internal */
  target(): T {
    const target = this.resolve();
    if (target === null) throw new FakeOfficeError('ItemNotFound', 'The requested resource does not exist.');
    return target;
  }
}

class FakeApplication {
  constructor(private readonly context: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.context.suspendCalculation();
  }
}

/**
 * A worksheet function's result: its `value` only after load and sync, as every proxy's property
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheet-functions).
 */
class FakeFunctionResult {
  private loaded: number | undefined;
  constructor(
    private readonly context: FakeRequestContext,
    private readonly compute: () => number,
  ) {}

  get value(): number {
    if (this.loaded === undefined) throw notLoaded('value');
    return this.loaded;
  }

  load(_properties?: string): this {
    this.context.loadCommand(1, () => {
      this.loaded = this.compute();
      return this.loaded;
    });
    return this;
  }
}

class FakeFunctions {
  constructor(private readonly context: FakeRequestContext) {}

  /**
   * DATE's serial for the workbook's date system: 1904-01-01 is 0 in the 1904 system and 1462 in
   * the 1900 one (ECMA-376 Part 1, §18.17.4.1 « Date Representation »; « a number from 1900 or 1904
   * (depending on the workbook's date system) »: https://learn.microsoft.com/javascript/api/excel/excel.functions#excel-excel-functions-date-member(1)).
   */
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, () => {
      const days = Date.UTC(year, month - 1, day) / 86_400_000;
      return this.context.model.date1904 ? days - Date.UTC(1904, 0, 1) / 86_400_000 : days + 25_569;
    });
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  readonly functions: FakeFunctions;
  constructor(context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.application = new FakeApplication(context);
    this.functions = new FakeFunctions(context);
  }
}

class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | undefined;
  constructor(private readonly context: FakeRequestContext) {}

  private get model(): FakeWorkbookModel {
    return this.context.model;
  }

  getFirst(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.live()[0] ?? null, false);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.model.find(name) ?? null, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.model.find(name) ?? null, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => (this.model.activeSheet ? (this.model.find(this.model.activeSheet) ?? null) : null),
      false,
    );
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.context.command(jsonBytes(name), () => {
      if (this.model.find(name))
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
      created = this.model.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => created, false);
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  load(properties?: string): this {
    const names = splitProperties(properties);
    this.context.loadCommand(Math.max(1, names.length), () => {
      this.loadedItems = this.live().map((sheet) => {
        const proxy = new FakeWorksheet(this.context, () => sheet, false);
        proxy.loadedName = sheet.name;
        if (names.includes('items/protection/protected'))
          proxy.protection.loadedProtected = sheet.protection.protected;
        return proxy;
      });
      return this.loadedItems.map((s) => s.loadedName);
    });
    return this;
  }

  private live(): FakeSheet[] {
    return this.model.sheets;
  }
}

function splitProperties(properties: string | string[] | undefined): string[] {
  if (!properties) return [];
  const list = Array.isArray(properties) ? properties : properties.split(',');
  return list.map((p) => p.trim()).filter(Boolean);
}

class FakeWorksheet extends FakeProxy<FakeSheet> {
  /** @internal */
  loadedName: string | undefined;
  readonly freezePanes: { freezeRows(count: number): void; unfreeze(): void };
  readonly notes: {
    add(address: string, content: string): void;
    getItemOrNullObject(address: string): FakeNote;
  };
  readonly charts: FakeChartCollection;
  readonly tables: FakeTableCollection;
  /** `Worksheet.protection` (ExcelApi 1.2): `protected` loads, `protect()` / `unprotect()`. */
  readonly protection: FakeWorksheetProtection;
  /** `Worksheet.pageLayout` (ExcelApi 1.9). */
  readonly pageLayout: FakePageLayoutProxy;
  /** `Worksheet.horizontalPageBreaks` (ExcelApi 1.9): manual breaks only. */
  readonly horizontalPageBreaks: { add(range: string): void; removePageBreaks(): void };

  constructor(context: FakeRequestContext, resolver: () => FakeSheet | null, orNullObject: boolean) {
    super(context, resolver, orNullObject);
    this.protection = new FakeWorksheetProtection(context, this);
    this.pageLayout = new FakePageLayoutProxy(context, this);
    this.horizontalPageBreaks = {
      // « The page break precedes this range » (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheet-display).
      add: (range) =>
        context.command(range.length, () => {
          context.requirePageLayoutApi();
          const sheet = this.target();
          const { row } = parseRange(range);
          if (!sheet.rowBreaks.includes(row)) sheet.rowBreaks.push(row);
        }),
      removePageBreaks: () =>
        context.command(0, () => {
          context.requirePageLayoutApi();
          this.target().rowBreaks.splice(0);
        }),
    };
    this.freezePanes = {
      freezeRows: (count) =>
        context.command(8, () => {
          this.target().frozenRows = count;
        }),
      unfreeze: () =>
        context.command(0, () => {
          this.target().frozenRows = 0;
        }),
    };
    this.notes = {
      add: (address, content) =>
        context.command(jsonBytes(content) + address.length, () => {
          context.requireNotesApi();
          const sheet = this.target();
          refuseIfProtected(sheet, 'objects');
          if (sheet.notes.has(address))
            throw new FakeOfficeError('InvalidArgument', `A note exists on ${address}.`);
          sheet.notes.set(address, content);
        }),
      getItemOrNullObject: (address) => new FakeNote(context, this, address),
    };
    this.charts = new FakeChartCollection(context, this);
    this.tables = new FakeTableCollection(context, this);
  }

  get name(): string {
    if (this.loadedName === undefined) throw notLoaded('name');
    return this.loadedName;
  }

  set position(index: number) {
    this.context.command(8, () => {
      const sheet = this.target();
      this.context.undoUnsupported('Worksheet.position', 'desktop');
      const sheets = this.context.model.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(index, sheets.length), 0, sheet);
    });
  }

  set visibility(visibility: 'Visible' | 'Hidden') {
    this.context.command(8, () => {
      const sheet = this.target();
      this.context.undoUnsupported('Worksheet.visibility', 'desktop');
      sheet.visibility = visibility;
    });
  }

  load(properties?: string | string[]): this {
    const names = splitProperties(properties);
    this.context.loadCommand(names.length, () => {
      const sheet = this.resolve();
      if (sheet && names.includes('name')) this.loadedName = sheet.name;
      if (sheet && names.includes('protection/protected'))
        this.protection.loadedProtected = sheet.protection.protected;
      return sheet?.name ?? null;
    });
    return this;
  }

  getNextOrNullObject(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const sheet = this.resolve();
        if (!sheet) return this.context.nullParent();
        const sheets = this.context.model.sheets;
        return sheets[sheets.indexOf(sheet) + 1] ?? null;
      },
      true,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.resolve();
        if (!sheet) return this.context.nullParent();
        const bounds = sheet.usedBounds();
        return bounds ? { sheet, ...bounds } : null;
      },
      true,
    );
  }

  /** « If not specified, the entire worksheet range is returned. » (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getrange-member(1)) */
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.context,
      () => ({
        sheet: this.target(),
        ...(address === undefined ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseRange(address)),
      }),
      false,
    );
  }

  /** Several cells or ranges at once (`'B2,B5,F7:F9'`): only their fill is faked. */
  getRanges(addresses: string): { format: { fill: { color: string; clear(): void } } } {
    const context = this.context;
    const areas = () => {
      const sheet = this.target();
      return addresses.split(',').map((address) => ({ sheet, ...parseRange(address.trim()) }));
    };
    const paint = (fill: string | null) => () => {
      for (const area of areas()) {
        liveArea(area);
        refuseIfProtected(area.sheet, 'format');
        for (let r = 0; r < area.rows; r++) {
          for (let c = 0; c < area.cols; c++) area.sheet.cellForWrite(area.row + r, area.col + c).fill = fill;
        }
      }
    };
    return {
      format: {
        fill: {
          set color(color: string) {
            context.command(jsonBytes(addresses) + jsonBytes(color), paint(color));
          },
          get color(): string {
            throw notLoaded('format/fill/color');
          },
          clear() {
            context.command(jsonBytes(addresses), paint(null));
          },
        },
      },
    };
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.target(), row, col, rows, cols }), false);
  }

  getCell(row: number, col: number): FakeRange {
    return this.getRangeByIndexes(row, col, 1, 1);
  }

  delete(): void {
    this.context.command(0, () => {
      const sheet = this.target();
      this.context.undoUnsupported('Worksheet.delete');
      const sheets = this.context.model.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheet.removed = true;
      this.context.model.breakReferencesTo(sheet.name);
    });
  }

  activate(): void {
    this.context.command(0, () => {
      this.context.model.activeSheet = this.target().name;
    });
  }
}

interface Area {
  sheet: FakeSheet;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

function parseRange(address: string): Omit<Area, 'sheet'> {
  const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address);
  if (columns) {
    const col = columnIndex(columns[1]);
    return { row: 0, col, rows: MAX_ROWS, cols: columnIndex(columns[2]) - col + 1 };
  }
  const [start, end = start] = address.split(':');
  const a = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(start);
  const b = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(end);
  if (!a || !b) throw new FakeOfficeError('InvalidArgument', `Bad range address ${address}`);
  const row = Number(a[2]) - 1;
  const col = columnIndex(a[1]);
  return { row, col, rows: Number(b[2]) - row, cols: columnIndex(b[1]) - col + 1 };
}

/** Whether an A1 range of the sheet lies within the area. */
function inside(address: string, area: Area): boolean {
  let r: Omit<Area, 'sheet'>;
  try {
    r = parseRange(address);
  } catch {
    return false;
  }
  return (
    r.row >= area.row &&
    r.col >= area.col &&
    r.row + r.rows <= area.row + area.rows &&
    r.col + r.cols <= area.col + area.cols
  );
}

function liveArea(area: Area): Area {
  if (area.sheet.removed) {
    throw new FakeOfficeError('ItemNotFound', `The sheet ${area.sheet.name} was deleted.`);
  }
  return area;
}

/** How Excel takes one input cell of `values` / `formulas` (user-entry rules). */
function enter(sheet: FakeSheet, row: number, col: number, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell as it is
  // A new entry in the anchor replaces the dynamic array; one in a spilled cell blocks it (#SPILL!).
  sheet.spills.delete(`${row},${col}`);
  const cell = sheet.cellForWrite(row, col);
  cell.quotePrefix = false;
  cell.formula = null;
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  const text = String(input);
  if (text === '') {
    cell.value = '';
    return;
  }
  if (text.startsWith("'")) {
    cell.value = text.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = text;
    return;
  }
  const typed = coerceTyped(text);
  if (typed !== text) {
    cell.value = typed;
    return;
  }
  if (/^[=+\-@]./.test(text)) {
    // A formula: the fake does not compute it.
    cell.formula = text.startsWith('=') ? text : `=${text.replace(/^@/, '')}`;
    cell.value = '';
    return;
  }
  cell.value = text;
}

class FakeRange extends FakeProxy<Area> {
  private loaded: Partial<Record<string, unknown>> = {};
  readonly format: {
    font: { bold: boolean };
    fill: {
      color: string;
      readonly tintAndShade: number | null;
      clear(): void;
      load(properties?: string | string[]): void;
    };
    columnWidth: number;
    protection: { locked: boolean };
    wrapText: boolean;
    horizontalAlignment: string;
    autofitRows(): void;
  };
  readonly dataValidation: {
    clear(): void;
    rule: { list?: { inCellDropDown: boolean; source: string } };
    errorAlert: { showAlert?: boolean };
    prompt: { showPrompt: boolean; title: string; message: string };
  };

  constructor(context: FakeRequestContext, resolver: () => Area | null, orNullObject: boolean) {
    super(context, resolver, orNullObject);
    const each = (fn: (sheet: FakeSheet, r: number, c: number) => void) => () => {
      const area = liveArea(this.target());
      refuseIfProtected(area.sheet, 'format');
      const rows = Math.min(area.rows, 20_000);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < area.cols; c++) fn(area.sheet, area.row + r, area.col + c);
    };
    /** One format property set on every cell of the range, refused on a protected sheet. */
    const setCells = <K extends keyof FakeCell>(key: K, value: FakeCell[K]) =>
      context.command(
        jsonBytes(value),
        each((sheet, r, c) => {
          sheet.cellForWrite(r, c)[key] = value;
        }),
      );
    const self = this;
    this.format = {
      font: {
        set bold(bold: boolean) {
          setCells('bold', bold);
        },
        get bold(): boolean {
          throw notLoaded('format/font/bold');
        },
      },
      fill: {
        set color(color: string) {
          setCells('fill', color);
        },
        get color(): string {
          return self.loadedFill('color') as string;
        },
        get tintAndShade(): number | null {
          return self.loadedFill('tintAndShade') as number | null;
        },
        // One cell's fill. No fill reads `#FFFFFF` like white, with `tintAndShade` null where a fill
        // reads a number (github.com/OfficeDev/office-js/issues/4900, answered by Microsoft; #6218).
        load(properties?: string | string[]) {
          const names = splitProperties(properties);
          context.loadCommand(names.length, () => {
            const area = liveArea(self.target());
            const fill = area.sheet.cell(area.row, area.col)?.fill ?? null;
            const read = { color: fill ?? '#FFFFFF', tintAndShade: fill === null ? null : 0 };
            for (const name of names) self.loaded[`format/fill/${name}`] = read[name as keyof typeof read];
            return read;
          });
        },
        clear() {
          setCells('fill', null);
        },
      },
      set columnWidth(points: number) {
        context.command(8, () => {
          const area = liveArea(self.target());
          refuseIfProtected(area.sheet, 'columns');
          for (let c = 0; c < area.cols; c++) area.sheet.columnWidths.set(area.col + c, points);
        });
      },
      get columnWidth(): number {
        throw notLoaded('format/columnWidth');
      },
      protection: {
        // `format.protection.locked` (ExcelApi 1.2): only unlocked cells stay editable on a protected sheet.
        set locked(locked: boolean) {
          context.command(8, () => {
            const area = liveArea(self.target());
            refuseIfProtected(area.sheet, 'format');
            for (let r = 0; r < Math.min(area.rows, 20_000); r++) {
              for (let c = 0; c < area.cols; c++) {
                const k = `${area.row + r},${area.col + c}`;
                if (locked) area.sheet.unlocked.delete(k);
                else area.sheet.unlocked.add(k);
              }
            }
          });
        },
        get locked(): boolean {
          throw notLoaded('format/protection/locked');
        },
      },
      set wrapText(wrap: boolean) {
        setCells('wrapText', wrap);
      },
      get wrapText(): boolean {
        throw notLoaded('format/wrapText');
      },
      set horizontalAlignment(alignment: string) {
        setCells('horizontalAlignment', alignment);
      },
      get horizontalAlignment(): string {
        throw notLoaded('format/horizontalAlignment');
      },
      // « Changes the height of the rows of the current range to achieve the best fit » (ExcelApi 1.2,
      // https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-autofitrows-member(1)).
      autofitRows() {
        context.command(0, () => {
          const area = liveArea(self.target());
          // Row heights are row formatting: a protected sheet refuses them unless `allowFormatRows`
          // (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions).
          refuseIfProtected(area.sheet, 'rows');
          for (let r = 0; r < Math.min(area.rows, 20_000); r++) area.sheet.autofitRows.add(area.row + r);
        });
      },
    };
    this.dataValidation = {
      clear() {
        context.command(0, () => {
          const area = liveArea(self.target());
          refuseIfProtected(area.sheet, 'cells', area);
          const address = self.addressNow();
          // Rules on cells inside the range go (a rule only partly inside is kept whole: a simplification).
          const kept = area.sheet.validations.filter((v) => v.range !== address && !inside(v.range, area));
          area.sheet.validations.splice(0, area.sheet.validations.length, ...kept);
        });
      },
      set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
        context.command(jsonBytes(rule), () => {
          const area = liveArea(self.target());
          refuseIfProtected(area.sheet, 'cells', area);
          if (!rule.list) throw new FakeOfficeError('InvalidArgument', 'Only list rules are faked.');
          area.sheet.validations.push({ range: self.addressNow(), list: rule.list });
        });
      },
      get rule(): { list?: { inCellDropDown: boolean; source: string } } {
        throw notLoaded('dataValidation/rule');
      },
      set errorAlert(alert: { showAlert?: boolean }) {
        context.command(jsonBytes(alert), () => {
          const address = self.addressNow();
          const validation = liveArea(self.target()).sheet.validations.find((v) => v.range === address);
          if (!validation)
            throw new FakeOfficeError('InvalidArgument', 'No data validation rule on this range.');
          validation.showAlert = alert.showAlert;
        });
      },
      get errorAlert(): { showAlert?: boolean } {
        throw notLoaded('dataValidation/errorAlert');
      },
      /**
       * The input message of the range's rule, shown when a cell is selected; ExcelApi 1.8
       * (https://learn.microsoft.com/javascript/api/excel/excel.datavalidation#excel-excel-datavalidation-prompt-member).
       */
      set prompt(prompt: { showPrompt: boolean; title: string; message: string }) {
        context.command(jsonBytes(prompt), () => {
          const address = self.addressNow();
          const validation = liveArea(self.target()).sheet.validations.find((v) => v.range === address);
          if (!validation)
            throw new FakeOfficeError('InvalidArgument', 'No data validation rule on this range.');
          validation.prompt = { ...prompt };
        });
      },
      get prompt(): { showPrompt: boolean; title: string; message: string } {
        throw notLoaded('dataValidation/prompt');
      },
    };
  }

  /** @internal A1 address inside the sheet, once the batch runs. */
  addressNow(): string {
    const area = this.target();
    return rangeAddress(area.row, area.col, area.rows, area.cols);
  }

  /** @internal `'Sheet'!A1:B2`, once the batch runs. */
  qualifiedAddressNow(): string {
    const area = this.target();
    return `'${area.sheet.name}'!${this.addressNow()}`;
  }

  /** @internal A `format/fill/*` property once loaded. */
  loadedFill(name: string): unknown {
    return this.property(`format/fill/${name}`);
  }

  private property<T>(name: string): T {
    if (!(name in this.loaded)) throw notLoaded(name);
    return this.loaded[name] as T;
  }

  get values(): FakeScalar[][] {
    return this.property('values');
  }
  set values(values: unknown[][]) {
    this.write(values);
  }
  get formulas(): FakeScalar[][] {
    return this.property('formulas');
  }
  set formulas(formulas: unknown[][]) {
    this.write(formulas);
  }
  get numberFormat(): string[][] {
    return this.property('numberFormat');
  }
  set numberFormat(formats: (string | null)[][]) {
    this.context.command(gridBytes(formats), () => {
      const area = liveArea(this.target());
      refuseIfProtected(area.sheet, 'format');
      this.checkShape(area, formats);
      formats.forEach((row, r) => {
        row.forEach((format, c) => {
          if (format !== null) area.sheet.cellForWrite(area.row + r, area.col + c).numberFormat = format;
        });
      });
    });
  }
  get rowIndex(): number {
    return this.property('rowIndex');
  }
  get columnIndex(): number {
    return this.property('columnIndex');
  }
  get rowCount(): number {
    return this.property('rowCount');
  }
  get columnCount(): number {
    return this.property('columnCount');
  }
  get address(): string {
    return this.property('address');
  }

  set columnHidden(hidden: boolean) {
    this.context.command(8, () => {
      const area = liveArea(this.target());
      refuseIfProtected(area.sheet, 'columns');
      for (let c = 0; c < area.cols; c++) {
        if (hidden) area.sheet.hiddenColumns.add(area.col + c);
        else area.sheet.hiddenColumns.delete(area.col + c);
      }
    });
  }

  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.context.command(jsonBytes(link), () => {
      const area = liveArea(this.target());
      refuseIfProtected(area.sheet, 'cells', { ...area, rows: 1, cols: 1 });
      const cell = area.sheet.cellForWrite(area.row, area.col);
      cell.hyperlink = link.documentReference ?? link.address ?? null;
      if (link.textToDisplay !== undefined) {
        cell.value = link.textToDisplay;
        cell.formula = null;
      }
    });
  }

  /**
   * `Range.clear(applyTo)`: « All » « Clears everything in the range » (values, formulas, formats,
   * hyperlinks and, read literally, notes); « Contents » leaves formatting; « Formats » leaves values
   * (https://learn.microsoft.com/javascript/api/excel/excel.clearapplyto). Data validation stays
   * (`dataValidation.clear()` removes it).
   */
  clear(applyTo: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' = 'All'): void {
    this.context.command(jsonBytes(applyTo), () => {
      const area = liveArea(this.target());
      const contents = applyTo === 'All' || applyTo === 'Contents';
      const formats = applyTo === 'All' || applyTo === 'Formats' || applyTo === 'RemoveHyperlinks';
      const links = applyTo === 'All' || applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks';
      refuseIfProtected(area.sheet, contents || links ? 'cells' : 'format', area);
      const within = (row: number, col: number) =>
        row >= area.row && row < area.row + area.rows && col >= area.col && col < area.col + area.cols;
      // Only the cells that exist: a whole sheet is a million rows.
      for (const [k, cell] of area.sheet.cells) {
        const [row, col] = k.split(',').map(Number);
        if (!within(row, col)) continue;
        if (contents) {
          Object.assign(cell, { value: '', formula: null, quotePrefix: false });
          area.sheet.spills.delete(k);
        }
        if (formats)
          Object.assign(cell, {
            numberFormat: 'General',
            fill: null,
            bold: false,
            wrapText: false,
            horizontalAlignment: 'General',
          });
        if (links) cell.hyperlink = null;
      }
      if (applyTo === 'All') {
        for (const address of [...area.sheet.notes.keys()]) {
          const { row, col } = parseRange(address);
          if (within(row, col)) area.sheet.notes.delete(address);
        }
      }
    });
  }

  select(): void {
    this.context.command(0, () => {
      const area = this.target();
      this.context.model.activeSheet = area.sheet.name;
      this.context.model.selection = `${area.sheet.name}!${this.addressNow()}`;
    });
  }

  /** Only `Formulas` is faked: one area per run of formula cells in a row. */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType !== 'Formulas') throw new Error(`The fake cannot find special cells « ${cellType} »`);
    return new FakeRangeAreas(
      this.context,
      () => {
        const area = this.resolve();
        if (!area) return this.context.nullParent();
        const runs: FakeFormulaArea[] = [];
        for (let r = 0; r < area.rows; r++) {
          let run: FakeFormulaArea | null = null;
          for (let c = 0; c < area.cols; c++) {
            const formula = area.sheet.cell(area.row + r, area.col + c)?.formula;
            if (!formula) {
              run = null;
              continue;
            }
            if (!run) {
              run = { rowIndex: area.row + r, columnIndex: area.col + c, formulas: [[]] };
              runs.push(run);
            }
            run.formulas[0].push(formula);
          }
        }
        return runs.length > 0 ? runs : null;
      },
      true,
    );
  }

  /** The anchor of the dynamic array a single cell belongs to (ExcelApi 1.12), else a null object. */
  getSpillParentOrNullObject(): FakeRange {
    return new FakeRange(this.context, () => this.spillParent(), true);
  }

  /** Like `getSpillParentOrNullObject`, failing with ItemNotFound at sync when there is none. */
  getSpillParent(): FakeRange {
    return new FakeRange(this.context, () => this.spillParent(), false);
  }

  /** The cells an anchor spills into, anchor included (ExcelApi 1.12), else a null object. */
  getSpillingToRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, () => this.spillingTo(), true);
  }

  getSpillingToRange(): FakeRange {
    return new FakeRange(this.context, () => this.spillingTo(), false);
  }

  private spillParent(): Area | null {
    const area = this.resolve();
    if (!area) return this.context.nullParent();
    // « Fails if applied to a range with more than one cell. »
    if (area.rows !== 1 || area.cols !== 1) return null;
    const spill = area.sheet.spillCovering(area.row, area.col);
    if (!spill || !area.sheet.spillIsActive(spill)) return null;
    return { sheet: area.sheet, row: spill.row, col: spill.col, rows: 1, cols: 1 };
  }

  private spillingTo(): Area | null {
    const area = this.resolve();
    if (!area) return this.context.nullParent();
    if (area.rows !== 1 || area.cols !== 1) return null;
    const spill = area.sheet.spills.get(`${area.row},${area.col}`);
    // A blocked array (#SPILL!) spills nowhere: « the spill range can't be found ».
    if (!spill || !area.sheet.spillIsActive(spill)) return null;
    return {
      sheet: area.sheet,
      row: spill.row,
      col: spill.col,
      rows: spill.values.length,
      cols: spill.values[0]?.length ?? 1,
    };
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.context, () => ({ ...this.target(), row: 0, rows: MAX_ROWS }), false);
  }

  load(properties?: string | string[]): this {
    const names = splitProperties(properties);
    this.context.loadCommand(names.length, () => {
      const area = this.resolve();
      if (!area) return null;
      liveArea(area);
      const out: Record<string, unknown> = {};
      for (const name of names) out[name] = this.read(area, name);
      Object.assign(this.loaded, out);
      return out;
    });
    return this;
  }

  private read(area: Area, name: string): unknown {
    const grid = (fn: (r: number, c: number) => unknown) =>
      Array.from({ length: area.rows }, (_, r) => Array.from({ length: area.cols }, (_, c) => fn(r, c)));
    const cell = (r: number, c: number) => area.sheet.cell(area.row + r, area.col + c) ?? emptyCell();
    switch (name) {
      case 'values':
        // Recalculated on read: references to other sheets, dynamic arrays (see FakeSheet.displayValue).
        return grid((r, c) => area.sheet.displayValue(area.row + r, area.col + c));
      case 'formulas':
        // Like Excel: the formula where there is one, else the constant (text without its apostrophe).
        return grid((r, c) => area.sheet.displayFormula(area.row + r, area.col + c));
      case 'numberFormat':
        return grid((r, c) => cell(r, c).numberFormat);
      case 'rowIndex':
        return area.row;
      case 'columnIndex':
        return area.col;
      case 'rowCount':
        return area.rows;
      case 'columnCount':
        return area.cols;
      case 'address':
        return `'${area.sheet.name}'!${rangeAddress(area.row, area.col, area.rows, area.cols)}`;
      case 'hasSpill': {
        // « true if all cells have a spill border, false if all do not, null if mixed » (ExcelApi 1.12,
        // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-hasspill-member).
        const spilled = grid((r, c) => {
          const spill = area.sheet.spillCovering(area.row + r, area.col + c);
          return spill !== null && area.sheet.spillIsActive(spill);
        }).flat();
        if (spilled.every(Boolean)) return true;
        return spilled.some(Boolean) ? null : false;
      }
      default:
        throw new Error(`The fake range cannot load « ${name} »`);
    }
  }

  private checkShape(area: Area, grid: unknown[][]): void {
    if (grid.length !== area.rows || grid.some((row) => row.length !== area.cols)) {
      throw new FakeOfficeError(
        'InvalidArgument',
        `A ${grid.length}×${grid[0]?.length ?? 0} array was written to a ${area.rows}×${area.cols} range.`,
      );
    }
  }

  private write(grid: unknown[][]): void {
    this.context.command(gridBytes(grid), () => {
      const area = liveArea(this.target());
      this.checkShape(area, grid);
      refuseIfProtected(area.sheet, 'cells', area);
      grid.forEach((row, r) => {
        row.forEach((input, c) => {
          enter(area.sheet, area.row + r, area.col + c, input);
        });
      });
    });
  }
}

/**
 * `NoteCollection.getItemOrNullObject(cellAddress)` (ExcelApi 1.18,
 * https://learn.microsoft.com/javascript/api/excel/excel.notecollection): a null object where the
 * cell has no note; `content` loads; `delete()` on a null object does nothing.
 */
class FakeNote extends FakeProxy<string> {
  private loadedContent: string | undefined;

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
    private readonly address: string,
  ) {
    super(
      context,
      () => {
        context.requireNotesApi();
        return worksheet.resolve()?.notes.get(address) ?? null;
      },
      true,
    );
  }

  get content(): string {
    if (this.loadedContent === undefined) throw notLoaded('content');
    return this.loadedContent;
  }

  load(properties?: string | string[]): this {
    const names = splitProperties(properties);
    this.context.loadCommand(Math.max(1, names.length), () => {
      this.loadedContent = this.resolve() ?? undefined;
      return this.loadedContent ?? null;
    });
    return this;
  }

  delete(): void {
    this.context.command(this.address.length, () => {
      this.context.requireNotesApi();
      const sheet = this.worksheet.resolve();
      if (sheet?.notes.has(this.address)) refuseIfProtected(sheet, 'objects');
      sheet?.notes.delete(this.address);
    });
  }
}

/**
 * `Worksheet.protection` (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection):
 * `protected` is loadable; `protect()` fails on a protected sheet; both calls clear the undo stack.
 */
class FakeWorksheetProtection {
  /** @internal */
  loadedProtected: boolean | undefined;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {}

  get protected(): boolean {
    if (this.loadedProtected === undefined) throw notLoaded('protection/protected');
    return this.loadedProtected;
  }

  load(properties?: string | string[]): this {
    const names = splitProperties(properties);
    this.context.loadCommand(Math.max(1, names.length), () => {
      const sheet = this.worksheet.target();
      this.loadedProtected = sheet.protection.protected;
      return this.loadedProtected;
    });
    return this;
  }

  protect(options?: FakeProtectionOptions, password?: string): void {
    this.context.command(jsonBytes(options ?? {}) + (password?.length ?? 0), () => {
      const sheet = this.worksheet.target();
      // « Protects a worksheet. Fails if the worksheet has already been protected. » (AccessDenied,
      // as reported in https://github.com/OfficeDev/office-js/issues/6784).
      if (sheet.protection.protected)
        throw new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation.');
      this.context.undoUnsupported('WorksheetProtection.protect');
      sheet.protect(options ?? {}, password ?? null);
    });
  }

  unprotect(password?: string): void {
    this.context.command(password?.length ?? 0, () => {
      const sheet = this.worksheet.target();
      if (sheet.protection.password !== null && sheet.protection.password !== password)
        throw new FakeOfficeError('BadPassword', 'The password you supplied is incorrect.');
      this.context.undoUnsupported('WorksheetProtection.unprotect');
      sheet.unprotect();
    });
  }
}

interface FakeFormulaArea {
  rowIndex: number;
  columnIndex: number;
  formulas: string[][];
}

/** `RangeAreas` of formula cells; its `areas` collection loads `items/formulas,rowIndex,columnIndex`. */
class FakeRangeAreas extends FakeProxy<FakeFormulaArea[]> {
  readonly areas: { items: FakeFormulaArea[]; load(properties: string): void };

  constructor(context: FakeRequestContext, resolver: () => FakeFormulaArea[] | null, orNullObject: boolean) {
    super(context, resolver, orNullObject);
    let loaded: FakeFormulaArea[] | undefined;
    this.areas = {
      get items(): FakeFormulaArea[] {
        if (!loaded) throw notLoaded('areas/items');
        return loaded;
      },
      load: (properties) => {
        const names = splitProperties(properties);
        context.loadCommand(names.length, () => {
          loaded = this.resolve() ?? context.nullParent() ?? [];
          return loaded;
        });
      },
    };
  }
}

/** `Worksheet.tables` (https://learn.microsoft.com/javascript/api/excel/excel.tablecollection): load, items. */
class FakeTableCollection {
  private loaded: FakeTableProxy[] | undefined;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {}

  get items(): FakeTableProxy[] {
    if (!this.loaded) throw notLoaded('tables/items');
    return this.loaded;
  }

  load(properties?: string): this {
    const names = splitProperties(properties);
    this.context.loadCommand(Math.max(1, names.length), () => {
      // On a null worksheet (past the last one): nothing, like the other calls chained on it.
      const sheet = this.worksheet.resolve();
      this.loaded = sheet ? sheet.tables.map((table) => new FakeTableProxy(this.context, sheet, table)) : [];
      return this.loaded.map((t) => t.name);
    });
    return this;
  }
}

/**
 * `Table` (https://learn.microsoft.com/javascript/api/excel/excel.table): `name`, `showHeaders`,
 * `showTotals`; `getHeaderRowRange()` is its first row, `getTotalRowRange()` its last.
 */
class FakeTableProxy {
  readonly name: string;
  readonly showHeaders: boolean;
  readonly showTotals: boolean;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: FakeSheet,
    private readonly table: FakeTable,
  ) {
    this.name = table.name;
    this.showHeaders = table.showHeaders;
    this.showTotals = table.showTotals;
  }

  getHeaderRowRange(): FakeRange {
    const { sheet, table } = this;
    return new FakeRange(
      this.context,
      () => ({ sheet, row: table.row, col: table.col, rows: 1, cols: table.cols }),
      false,
    );
  }

  getTotalRowRange(): FakeRange {
    const { sheet, table } = this;
    const last = table.row + table.rows - 1;
    return new FakeRange(
      this.context,
      () => ({ sheet, row: last, col: table.col, rows: 1, cols: table.cols }),
      false,
    );
  }
}

/** `Worksheet.charts`: add, load('items/name'), items, getItem(name). */
class FakeChartCollection {
  private loaded: FakeChartProxy[] | undefined;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {}

  add(type: string, source: FakeRange, seriesBy = 'Auto'): FakeChartProxy {
    const chart: FakeChart = {
      type,
      title: '',
      seriesBy,
      series: [],
      anchor: null,
      end: null,
      width: null,
      height: null,
    };
    let sheet: FakeSheet | null = null;
    this.context.command(32, () => {
      sheet = this.worksheet.target();
      refuseIfProtected(sheet, 'objects');
      chart.series.push({ name: '', values: source.addressNow(), categories: null });
      sheet.chartNames.set(chart, sheet.nextChartName());
      sheet.charts.push(chart);
    });
    return new FakeChartProxy(this.context, chart, () => sheet);
  }

  /** The chart named `name`; failing with ItemNotFound at sync when there is none. */
  getItem(name: string): FakeChartProxy {
    let sheet: FakeSheet | null = null;
    let found: FakeChart | null = null;
    const resolve = () => {
      if (!found) {
        sheet = this.worksheet.target();
        for (const [chart, chartName] of sheet.chartNames) if (chartName === name) found = chart;
        if (!found) throw new FakeOfficeError('ItemNotFound', `No chart named ${name}.`);
      }
      return found;
    };
    return new FakeChartProxy(this.context, resolve, () => sheet);
  }

  get items(): FakeChartProxy[] {
    if (!this.loaded) throw notLoaded('charts/items');
    return this.loaded;
  }

  load(properties?: string): this {
    void properties;
    this.context.loadCommand(1, () => {
      // On a null worksheet (past the last one), like the other calls chained on a null object: nothing.
      const sheet = this.worksheet.resolve();
      if (!sheet) {
        this.loaded = [];
        return [];
      }
      this.loaded = sheet.charts.map((chart) => {
        const proxy = new FakeChartProxy(this.context, chart, () => sheet);
        proxy.loadedName = sheet.chartNames.get(chart) ?? '';
        return proxy;
      });
      return this.loaded.map((c) => c.loadedName);
    });
    return this;
  }
}

class FakeChartProxy {
  /** @internal */
  loadedName: string | undefined;
  readonly title: { text: string };
  readonly series: {
    getItemAt(index: number): FakeSeriesProxy;
    add(name?: string): FakeSeriesProxy;
  };
  private readonly chart: () => FakeChart;

  constructor(
    private readonly context: FakeRequestContext,
    chartOrResolver: FakeChart | (() => FakeChart),
    private readonly sheet: () => FakeSheet | null = () => null,
  ) {
    const chart = typeof chartOrResolver === 'function' ? chartOrResolver : () => chartOrResolver;
    this.chart = chart;
    this.title = {
      set text(text: string) {
        context.command(jsonBytes(text), () => {
          chart().title = text;
        });
      },
      get text(): string {
        throw notLoaded('title/text');
      },
    };
    this.series = {
      getItemAt: (index) => new FakeSeriesProxy(context, () => chart().series[index] ?? null),
      add: (name = '') => {
        let created: FakeChart['series'][number] | null = null;
        context.command(jsonBytes(name), () => {
          created = { name, values: '', categories: null };
          chart().series.push(created);
        });
        return new FakeSeriesProxy(context, () => created);
      },
    };
  }

  /** `Chart.name`, once loaded through `charts.load('items/name')`. */
  get name(): string {
    if (this.loadedName === undefined) throw notLoaded('name');
    return this.loadedName;
  }

  set name(name: string) {
    this.context.command(jsonBytes(name), () => {
      const chart = this.chart();
      this.sheet()?.chartNames.set(chart, name);
    });
  }

  /** `Chart.delete()`: the chart leaves its sheet. */
  delete(): void {
    this.context.command(0, () => {
      const chart = this.chart();
      const sheet = this.sheet();
      if (!sheet) return;
      refuseIfProtected(sheet, 'objects');
      const index = sheet.charts.indexOf(chart);
      if (index >= 0) sheet.charts.splice(index, 1);
      sheet.chartNames.delete(chart);
    });
  }

  /** `setPosition(startCell, endCell?)`: with an end cell the chart covers the cells up to it. */
  setPosition(startCell: string, endCell?: string): void {
    this.context.command(startCell.length + (endCell?.length ?? 0), () => {
      const chart = this.chart();
      chart.anchor = startCell;
      chart.end = endCell ?? null;
    });
  }

  set width(points: number) {
    this.context.command(8, () => {
      this.chart().width = points;
    });
  }

  set height(points: number) {
    this.context.command(8, () => {
      this.chart().height = points;
    });
  }
}

/**
 * `Worksheet.pageLayout` (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout):
 * the settings the adapter writes. `zoom` is set as one object, never through its properties
 * (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model).
 */
class FakePageLayoutProxy {
  readonly headersFooters: {
    defaultForAllPages: { leftFooter: string; centerFooter: string; rightFooter: string };
  };

  constructor(
    private readonly context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    const footer = (part: 'left' | 'center' | 'right') => ({
      set: (text: string) =>
        context.command(jsonBytes(text), () => {
          context.requirePageLayoutApi();
          worksheet.target().pageLayout.footer[part] = text;
        }),
    });
    const left = footer('left');
    const center = footer('center');
    const right = footer('right');
    this.headersFooters = {
      defaultForAllPages: {
        set leftFooter(text: string) {
          left.set(text);
        },
        get leftFooter(): string {
          throw notLoaded('leftFooter');
        },
        set centerFooter(text: string) {
          center.set(text);
        },
        get centerFooter(): string {
          throw notLoaded('centerFooter');
        },
        set rightFooter(text: string) {
          right.set(text);
        },
        get rightFooter(): string {
          throw notLoaded('rightFooter');
        },
      },
    };
  }

  private set<K extends keyof FakePageLayout>(key: K, value: FakePageLayout[K]): void {
    this.context.command(jsonBytes(value), () => {
      this.context.requirePageLayoutApi();
      this.worksheet.target().pageLayout[key] = value;
    });
  }

  set orientation(orientation: 'Portrait' | 'Landscape') {
    this.set('orientation', orientation);
  }
  get orientation(): 'Portrait' | 'Landscape' {
    throw notLoaded('pageLayout/orientation');
  }
  set zoom(zoom: FakePageLayout['zoom']) {
    this.set('zoom', { ...zoom });
  }
  get zoom(): FakePageLayout['zoom'] {
    throw notLoaded('pageLayout/zoom');
  }
  setPrintTitleRows(rows: string): void {
    this.set('printTitleRows', rows);
  }
  setPrintArea(area: string): void {
    this.set('printArea', area);
  }
}

class FakeSeriesProxy {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly series: () => FakeChart['series'][number] | null,
  ) {}

  private target(): FakeChart['series'][number] {
    const series = this.series();
    if (!series) throw new FakeOfficeError('ItemNotFound', 'No such chart series.');
    return series;
  }

  set name(name: string) {
    this.context.command(jsonBytes(name), () => {
      this.target().name = name;
    });
  }

  setValues(range: FakeRange): void {
    this.context.command(16, () => {
      this.target().values = range.addressNow();
    });
  }

  setXAxisValues(range: FakeRange): void {
    this.context.command(16, () => {
      this.target().categories = range.addressNow();
    });
  }
}
