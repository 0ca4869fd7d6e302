/**
 * A fake `Excel.RequestContext`: proxies queue commands, `sync()` runs them in order against a
 * `FakeWorkbookModel`, exactly like Office.js batches. It implements only what the adapter uses,
 * and counts what performance budgets are about: syncs, property loads, queued operations, and
 * request / response bytes (with Excel on the web's payload limits, which it enforces).
 */
import { columnIndex, rangeAddress } from '../../core/a1.js';
import {
  coerceTyped,
  emptyCell,
  type FakeChart,
  type FakeScalar,
  FakeSheet,
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

/** Overhead of one command in a request, whatever its payload. */
const COMMAND_BYTES = 40;

function notLoaded(property: string): Error {
  return new Error(`PropertyNotLoaded: « ${property} » was read before load() and sync()`);
}

function jsonBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Command[] = [];
  private suspended = false;
  private responseBytes = 0;

  constructor(
    readonly model: FakeWorkbookModel,
    readonly stats: FakeStats = newStats(),
    readonly limits: FakeLimits = EXCEL_WEB_LIMITS,
    /** Fail, instead of answering null objects, when a call is chained on a null object. */
    readonly strictNullObjects = false,
  ) {
    this.workbook = new FakeWorkbook(this);
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
    for (const command of batch) command.run();
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

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  constructor(context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.application = new FakeApplication(context);
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
      created = new FakeSheet(name);
      this.model.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => created, false);
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  load(properties?: string): this {
    this.context.loadCommand(1, () => {
      this.loadedItems = this.live().map((sheet) => {
        const proxy = new FakeWorksheet(this.context, () => sheet, false);
        proxy.loadedName = sheet.name;
        return proxy;
      });
      return this.loadedItems.map((s) => s.loadedName);
    });
    void properties;
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
    getItemOrNullObject(address: string): { delete(): void };
  };
  readonly charts: { add(type: string, source: FakeRange, seriesBy?: string): FakeChartProxy };

  constructor(context: FakeRequestContext, resolver: () => FakeSheet | null, orNullObject: boolean) {
    super(context, resolver, orNullObject);
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
          const sheet = this.target();
          if (sheet.notes.has(address))
            throw new FakeOfficeError('InvalidArgument', `A note exists on ${address}.`);
          sheet.notes.set(address, content);
        }),
      getItemOrNullObject: (address) => ({
        // Deleting a note that does not exist does nothing (the null object absorbs the call).
        delete: () =>
          context.command(address.length, () => {
            this.resolve()?.notes.delete(address);
          }),
      }),
    };
    this.charts = {
      add: (type, source, seriesBy = 'Auto') => {
        const chart: FakeChart = {
          type,
          title: '',
          seriesBy,
          series: [],
          anchor: null,
          width: null,
          height: null,
        };
        context.command(32, () => {
          chart.series.push({ name: '', values: source.addressNow(), categories: null });
          this.target().charts.push(chart);
        });
        return new FakeChartProxy(context, chart);
      },
    };
  }

  get name(): string {
    if (this.loadedName === undefined) throw notLoaded('name');
    return this.loadedName;
  }

  set position(index: number) {
    this.context.command(8, () => {
      const sheet = this.target();
      const sheets = this.context.model.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(index, sheets.length), 0, sheet);
    });
  }

  set visibility(visibility: 'Visible' | 'Hidden') {
    this.context.command(8, () => {
      this.target().visibility = visibility;
    });
  }

  load(properties?: string | string[]): this {
    const names = splitProperties(properties);
    this.context.loadCommand(names.length, () => {
      const sheet = this.resolve();
      if (sheet && names.includes('name')) this.loadedName = sheet.name;
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

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.target(), ...parseRange(address) }), false);
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
      const sheets = this.context.model.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheet.removed = true;
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

function liveArea(area: Area): Area {
  if (area.sheet.removed) {
    throw new FakeOfficeError('ItemNotFound', `The sheet ${area.sheet.name} was deleted.`);
  }
  return area;
}

/** How Excel takes one input cell of `values` / `formulas` (user-entry rules). */
function enter(sheet: FakeSheet, row: number, col: number, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell as it is
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
    fill: { color: string; clear(): void };
    columnWidth: number;
  };
  readonly dataValidation: {
    clear(): void;
    rule: { list?: { inCellDropDown: boolean; source: string } };
    errorAlert: { showAlert?: boolean };
  };

  constructor(context: FakeRequestContext, resolver: () => Area | null, orNullObject: boolean) {
    super(context, resolver, orNullObject);
    const each = (fn: (sheet: FakeSheet, r: number, c: number) => void) => () => {
      const area = liveArea(this.target());
      const rows = Math.min(area.rows, 20_000);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < area.cols; c++) fn(area.sheet, area.row + r, area.col + c);
    };
    const self = this;
    this.format = {
      font: {
        set bold(bold: boolean) {
          context.command(
            8,
            each((sheet, r, c) => {
              sheet.cellForWrite(r, c).bold = bold;
            }),
          );
        },
        get bold(): boolean {
          throw notLoaded('format/font/bold');
        },
      },
      fill: {
        set color(color: string) {
          context.command(
            jsonBytes(color),
            each((sheet, r, c) => {
              sheet.cellForWrite(r, c).fill = color;
            }),
          );
        },
        get color(): string {
          throw notLoaded('format/fill/color');
        },
        clear() {
          context.command(
            0,
            each((sheet, r, c) => {
              sheet.cellForWrite(r, c).fill = null;
            }),
          );
        },
      },
      set columnWidth(points: number) {
        context.command(8, () => {
          const area = liveArea(self.target());
          for (let c = 0; c < area.cols; c++) area.sheet.columnWidths.set(area.col + c, points);
        });
      },
      get columnWidth(): number {
        throw notLoaded('format/columnWidth');
      },
    };
    this.dataValidation = {
      clear() {
        context.command(0, () => {
          const area = liveArea(self.target());
          const address = self.addressNow();
          const kept = area.sheet.validations.filter((v) => v.range !== address);
          area.sheet.validations.splice(0, area.sheet.validations.length, ...kept);
        });
      },
      set rule(rule: { list?: { inCellDropDown: boolean; source: string } }) {
        context.command(jsonBytes(rule), () => {
          const area = liveArea(self.target());
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
    this.context.command(jsonBytes(formats), () => {
      const area = liveArea(this.target());
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
      for (let c = 0; c < area.cols; c++) {
        if (hidden) area.sheet.hiddenColumns.add(area.col + c);
        else area.sheet.hiddenColumns.delete(area.col + c);
      }
    });
  }

  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.context.command(jsonBytes(link), () => {
      const area = liveArea(this.target());
      const cell = area.sheet.cellForWrite(area.row, area.col);
      cell.hyperlink = link.documentReference ?? link.address ?? null;
      if (link.textToDisplay !== undefined) {
        cell.value = link.textToDisplay;
        cell.formula = null;
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
        return grid((r, c) => cell(r, c).value);
      case 'formulas':
        // Like Excel: the formula where there is one, else the constant (text without its apostrophe).
        return grid((r, c) => cell(r, c).formula ?? cell(r, c).value);
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
    this.context.command(jsonBytes(grid), () => {
      const area = liveArea(this.target());
      this.checkShape(area, grid);
      grid.forEach((row, r) => {
        row.forEach((input, c) => {
          enter(area.sheet, area.row + r, area.col + c, input);
        });
      });
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

class FakeChartProxy {
  readonly title: { text: string };
  readonly series: {
    getItemAt(index: number): FakeSeriesProxy;
    add(name?: string): FakeSeriesProxy;
  };

  constructor(
    private readonly context: FakeRequestContext,
    private readonly chart: FakeChart,
  ) {
    this.title = {
      set text(text: string) {
        context.command(jsonBytes(text), () => {
          chart.title = text;
        });
      },
      get text(): string {
        throw notLoaded('title/text');
      },
    };
    this.series = {
      getItemAt: (index) => new FakeSeriesProxy(context, () => chart.series[index] ?? null),
      add: (name = '') => {
        let created: FakeChart['series'][number] | null = null;
        context.command(jsonBytes(name), () => {
          created = { name, values: '', categories: null };
          chart.series.push(created);
        });
        return new FakeSeriesProxy(context, () => created);
      },
    };
  }

  setPosition(startCell: string): void {
    this.context.command(startCell.length, () => {
      this.chart.anchor = startCell;
    });
  }

  set width(points: number) {
    this.context.command(8, () => {
      this.chart.width = points;
    });
  }

  set height(points: number) {
    this.context.command(8, () => {
      this.chart.height = points;
    });
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
