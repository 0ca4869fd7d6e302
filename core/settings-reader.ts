/** The Paramètres sheet: key/value rows and three tables, read into Settings; and written back. */

import { cellAddress } from './a1.js';
import { type CellValue, isBlank, type SheetSnapshot } from './cells.js';
import { isWholePlan } from './followup.js';
import { type Issue, type IssueCode, issue, type ParamsArg } from './issues.js';
import type { ParamsOf } from './messages/codes.js';
import {
  type Criterion,
  choiceWords,
  DEFAULT_CRITERION_MAX,
  KEYED_SETTINGS,
  type KeyedSetting,
  type Municipality,
  PRESET_SETTINGS,
  type Priority,
  SETTINGS_TABLE,
  type SettingChoice,
  type SettingSpec,
  type Settings,
  withinBounds,
} from './settings.js';
import { endDateIso, isoToDate, parseDate } from './values/dates.js';
import { joinList, splitList } from './values/lists.js';
import { centsToDollars, formatMoney, parseMoney } from './values/money.js';
import { parseShare, parseShares, sharesText, shareText } from './values/shares.js';
import { headerKey, normalizeKey } from './values/text.js';

/** Keywords and name variants hold « / » and « et » (« sécurité et alimentation »): commas split them, words do not. */
const KEYWORD_LIST = { allowComma: true, wordSeparators: false };

export const SETTINGS_TITLE = 'Paramètres du programme';

type TableName = 'priorities' | 'criteria' | 'municipalities';

/** Table titles as staff may type them → table. The first is the canonical French title. */
const TABLE_TITLES: Record<TableName, readonly string[]> = {
  priorities: ['Priorités', 'Priorities', "Priorités d'action", 'Priorités du plan'],
  criteria: ['Critères', 'Criteria', 'Critères de sélection', 'Grille de sélection', 'Selection criteria'],
  municipalities: ['Municipalités', 'Municipalities', 'Municipalités du territoire'],
};

interface ColumnSpec {
  field: string;
  /** Canonical French header first, then aliases. */
  headers: readonly string[];
  required: boolean;
}

const TABLE_COLUMNS: Record<TableName, ColumnSpec[]> = {
  priorities: [
    { field: 'number', headers: ['No', 'No.', 'N°', 'Numéro', '#', 'Number'], required: false },
    { field: 'name', headers: ['Priorité', 'Priority', 'Nom', 'Name'], required: true },
    { field: 'keywords', headers: ['Mots-clés', 'Mots clés', 'Keywords'], required: false },
  ],
  criteria: [
    { field: 'name', headers: ['Critère', 'Criterion', 'Nom', 'Name'], required: true },
    { field: 'weight', headers: ['Pondération', 'Poids', 'Weight'], required: true },
    {
      field: 'max',
      headers: ['Note maximale', 'Maximum', 'Note max', 'Max', 'Maximum score'],
      required: false,
    },
  ],
  municipalities: [
    { field: 'name', headers: ['Municipalité', 'Municipality', 'Nom', 'Name'], required: true },
    { field: 'code', headers: ['Code', 'Code géographique', 'Geographic code'], required: false },
    { field: 'variants', headers: ['Variantes', 'Variants', 'Autres noms'], required: false },
  ],
};

/** Header row above the key/value rows; ignored when read. */
const KEY_VALUE_HEADER = ['Paramètre', 'Valeur', 'Explication'] as const;
const IGNORED_KEYS = new Set(
  ['Paramètre', 'Paramètres', 'Réglage', 'Clé', 'Setting', 'Settings', 'Key', SETTINGS_TITLE].map(headerKey),
);

const KEY_LOOKUP = new Map<string, KeyedSetting>();
for (const setting of KEYED_SETTINGS) {
  for (const label of SETTINGS_TABLE[setting].labels) KEY_LOOKUP.set(headerKey(label), setting);
}
/** The table's own explanations, as the template writes them beside each value: never a value. */
const EXPLANATION_KEYS = new Set(
  KEYED_SETTINGS.flatMap((setting) => Object.values(SETTINGS_TABLE[setting].explanation).map(headerKey)),
);
const TITLE_LOOKUP = new Map<string, TableName>();
for (const [table, titles] of Object.entries(TABLE_TITLES) as [TableName, readonly string[]][]) {
  for (const title of titles) TITLE_LOOKUP.set(headerKey(title), table);
}

/** The word written for a choice: its first (French) word. */
function choiceWord(choices: readonly SettingChoice[], value: unknown): string {
  return choices.find((c) => c.value === value)?.words[0] ?? String(value);
}

/** Sets one key/value setting; the table's kinds match the schema's (checked when read ends). */
function assign(settings: Settings, setting: KeyedSetting, value: unknown) {
  (settings as Record<KeyedSetting, unknown>)[setting] = value;
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).trim();
}

function display(value: CellValue): string {
  const text = cellText(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** A number typed as a number or as text (`25`, `2,5`, `60 %`, `5 points`); null when it is not one. */
export function parseSettingNumber(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value
    .trim()
    .replace(/[\s\u00A0\u202F\u2009]+/g, '')
    .replace(/(?:%|points?|pts?)$/i, '')
    .replace(',', '.');
  if (!/^-?(?:\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

function settingLabel(setting: KeyedSetting): string {
  return SETTINGS_TABLE[setting].labels[0];
}

function describeDefault(spec: SettingSpec): string {
  if (spec.kind === 'money') return spec.default === null ? 'aucun' : formatMoney(spec.default);
  if (spec.kind === 'share') return spec.default === null ? 'aucune' : shareText(spec.default);
  if (spec.kind === 'shares') return spec.default === null ? 'aucun' : sharesText(spec.default);
  if (spec.kind === 'choice') return choiceWord(spec.choices, spec.default);
  return String(spec.default);
}

/** A setting's value as the Paramètres sheet holds it: real dates, dollars, French choice words. */
function settingCell(spec: SettingSpec, value: unknown): CellValue {
  switch (spec.kind) {
    case 'date':
      return isoToDate(value as string);
    case 'choice':
      return choiceWord(spec.choices, value);
    case 'money':
      return value === null ? null : centsToDollars(value as number);
    case 'share':
      // A number under a percentage format: it reads back as the same share.
      return value as number | null;
    case 'shares':
      return value === null ? null : sharesText(value as number[]);
    default:
      return value as CellValue;
  }
}

function cloneSettings(settings: Settings): Settings {
  return {
    ...settings,
    years: settings.years.map((year) => ({ ...year })),
    priorities: settings.priorities.map((p) => ({ ...p, keywords: [...p.keywords] })),
    criteria: settings.criteria.map((c) => ({ ...c })),
    municipalities: settings.municipalities.map((m) => ({ ...m, variants: [...m.variants] })),
    allMunicipalitiesWords: [...settings.allMunicipalitiesWords],
  };
}

/** A cell and its address, as found in a row. */
interface Cell {
  col: number;
  value: CellValue;
}

function nonBlankCells(row: readonly CellValue[] | undefined): Cell[] {
  const cells: Cell[] = [];
  if (!Array.isArray(row)) return cells;
  for (let col = 0; col < row.length; col++) {
    const value = row[col];
    if (!isBlank(value)) cells.push({ col, value });
  }
  return cells;
}

interface TableState {
  table: TableName;
  titleRow: number;
  /** field → column; null until the header row is read. */
  columns: Map<string, number> | null;
  /** Whether the table was unusable (missing column): its rows are skipped. */
  broken: boolean;
  rows: { row: number; values: readonly CellValue[] }[];
}

/** The table whose header row this is (all its required columns and at least two known ones), if any. */
function headerOnlyTable(values: readonly CellValue[]): TableName | undefined {
  const keys = new Set(values.filter((v): v is string => typeof v === 'string').map(headerKey));
  for (const [table, specs] of Object.entries(TABLE_COLUMNS) as [TableName, ColumnSpec[]][]) {
    const found = specs.filter((spec) => spec.headers.some((h) => keys.has(headerKey(h))));
    if (found.length >= 2 && specs.every((spec) => !spec.required || found.includes(spec))) return table;
  }
  return undefined;
}

/**
 * Reads the Paramètres sheet. Absent sheet → the preset, no issue. Every unreadable value is an
 * issue at its cell and the preset's value is kept; never throws.
 */
export function readSettings(sheet: SheetSnapshot | undefined): { settings: Settings; issues: Issue[] } {
  // The preset itself (not a copy), so that caches keyed by the settings object keep working.
  if (!sheet || !Array.isArray(sheet.values)) return { settings: PRESET_SETTINGS, issues: [] };
  try {
    return new SettingsReader(sheet).read(cloneSettings(PRESET_SETTINGS));
  } catch (error) {
    // A bug must not stop validation of the whole workbook: say so and use the preset.
    return {
      settings: cloneSettings(PRESET_SETTINGS),
      issues: [issue('settings.invalid', 'error', { sheet: sheet.name }, { detail: String(error) })],
    };
  }
}

class SettingsReader {
  private readonly issues: Issue[] = [];
  private readonly seenKeys = new Map<KeyedSetting, string>();
  /** Where each setting's value was read, to point later checks at it. */
  private readonly valueCells = new Map<KeyedSetting, { row: number; col: number }>();

  constructor(private readonly sheet: SheetSnapshot) {}

  private add<C extends IssueCode>(
    code: C,
    severity: Issue['severity'],
    row: number,
    col: number,
    ...params: ParamsArg<C>
  ) {
    this.issues.push(
      issue(code, severity, { sheet: this.sheet.name, cell: cellAddress(row, col) }, ...params),
    );
  }

  read(settings: Settings): { settings: Settings; issues: Issue[] } {
    const tables: TableState[] = [];
    let current: TableState | null = null;
    const values = this.sheet.values;
    for (let row = 0; row < values.length; row++) {
      const cells = nonBlankCells(values[row]);
      if (cells.length === 0) {
        // A blank row ends a table, but not between its title and its header row.
        if (current && current.columns !== null) current = null;
        continue;
      }
      const first = cells[0];
      const firstKey = typeof first.value === 'string' ? headerKey(first.value) : '';
      // Inside a table's rows only a lone cell is a title: « Critères » could name a criterion.
      const inTableRows: boolean = current !== null && current.columns !== null;
      const title: TableName | undefined =
        cells.length === 1 || !inTableRows ? TITLE_LOOKUP.get(firstKey) : undefined;
      if (title !== undefined) {
        current = { table: title, titleRow: row, columns: null, broken: false, rows: [] };
        tables.push(current);
        continue;
      }
      if (current && current.columns === null) {
        const columns = this.readHeader(current, row, values[row]);
        current.broken = columns === null;
        current.columns = columns ?? new Map();
        continue;
      }
      if (current) {
        current.rows.push({ row, values: values[row] });
        continue;
      }
      const untitled = KEY_LOOKUP.has(firstKey) ? undefined : headerOnlyTable(values[row]);
      if (untitled !== undefined) {
        // A table's header row without its title row above it.
        current = { table: untitled, titleRow: row, columns: null, broken: false, rows: [] };
        current.columns = this.readHeader(current, row, values[row]) ?? new Map();
        tables.push(current);
        continue;
      }
      this.readKeyValue(settings, row, cells, firstKey);
    }
    for (const table of tables) this.applyTable(settings, table);
    this.checkDates(settings);
    this.checkMunicipalityCount(settings);
    // Each value was checked against its kind and bounds as it was read, each table row as well:
    // the tests hold every result to the settings' zod schema (core/settings-schema.ts).
    return { settings, issues: this.issues };
  }

  // — key/value rows

  private readKeyValue(settings: Settings, row: number, cells: Cell[], key: string) {
    const [first, typed] = cells;
    // The template's explanation beside a blank value is not the value.
    const valueCell =
      typed !== undefined && typeof typed.value === 'string' && EXPLANATION_KEYS.has(headerKey(typed.value))
        ? undefined
        : typed;
    const setting = KEY_LOOKUP.get(key);
    if (setting === undefined) {
      // Titles, notes and the « Paramètre | Valeur » header carry no setting.
      if (valueCell === undefined || IGNORED_KEYS.has(key)) return;
      this.add('settings.unknownKey', 'warning', row, first.col, { key: display(first.value) });
      return;
    }
    const label = cellText(first.value).replace(/\s*:+$/, '');
    if (this.seenKeys.has(setting)) {
      this.add('settings.duplicateKey', 'warning', row, first.col, { key: label });
    }
    this.seenKeys.set(setting, label);
    this.valueCells.set(setting, { row, col: valueCell?.col ?? first.col + 1 });
    const spec: SettingSpec = SETTINGS_TABLE[setting];
    if (valueCell === undefined) {
      // A blank maximum, share or plan means « none », a choice like any other.
      if (spec.kind === 'money' || spec.kind === 'share' || spec.kind === 'shares') {
        assign(settings, setting, null);
        return;
      }
      this.add('settings.blankValue', 'warning', row, first.col + 1, {
        key: label,
        default: describeDefault(spec),
      });
      return;
    }
    this.readValue(settings, setting, label, row, valueCell);
  }

  private invalid(
    row: number,
    col: number,
    label: string,
    value: CellValue,
    expected: Omit<ParamsOf<'settings.invalidValue'>, 'key' | 'value'>,
  ) {
    this.add('settings.invalidValue', 'error', row, col, { key: label, value: display(value), ...expected });
  }

  private readValue(settings: Settings, setting: KeyedSetting, label: string, row: number, cell: Cell) {
    const { value, col } = cell;
    const spec: SettingSpec = SETTINGS_TABLE[setting];
    switch (spec.kind) {
      case 'text':
        assign(settings, setting, cellText(value));
        return;
      case 'date': {
        const date = parseDate(value, this.sheet.date1904);
        if (date.kind !== 'date') {
          this.invalid(row, col, label, value, { expected: 'date' });
          return;
        }
        assign(settings, setting, spec.end ? endDateIso(date) : date.iso);
        return;
      }
      case 'choice': {
        const word = headerKey(cellText(value));
        const match = spec.choices.find((choice) => choice.words.some((w) => headerKey(w) === word));
        if (!match) {
          this.invalid(row, col, label, value, {
            expected: 'choice',
            choices: choiceWords(spec.choices),
          });
          return;
        }
        assign(settings, setting, match.value);
        return;
      }
      case 'money': {
        const money = parseMoney(value);
        if (money.kind === 'blank' || (money.kind === 'amount' && money.cents === 0)) {
          assign(settings, setting, null);
          return;
        }
        if (money.kind !== 'amount' || money.cents < 0) {
          this.invalid(row, col, label, value, { expected: 'amount' });
          return;
        }
        assign(settings, setting, money.cents);
        return;
      }
      case 'share': {
        const share = parseShare(value);
        if (share === 'invalid') {
          this.invalid(row, col, label, value, { expected: 'share' });
          return;
        }
        assign(settings, setting, share);
        return;
      }
      case 'shares': {
        const shares = parseShares(value);
        if (shares === 'invalid' || (shares !== null && !isWholePlan(shares))) {
          this.invalid(row, col, label, value, { expected: 'shares' });
          return;
        }
        assign(settings, setting, shares);
        return;
      }
      case 'integer':
      case 'number': {
        const number = parseSettingNumber(value);
        if (number === null || !withinBounds(spec, number)) {
          this.invalid(
            row,
            col,
            label,
            value,
            spec.kind === 'integer'
              ? { expected: 'integer', min: spec.min }
              : { expected: 'number', min: spec.min, max: spec.max },
          );
          return;
        }
        assign(settings, setting, number);
        return;
      }
    }
  }

  // — tables

  private readHeader(
    state: TableState,
    row: number,
    values: readonly CellValue[],
  ): Map<string, number> | null {
    const columns = new Map<string, number>();
    const specs = TABLE_COLUMNS[state.table];
    for (let col = 0; col < values.length; col++) {
      const text = values[col];
      if (typeof text !== 'string') continue;
      const key = headerKey(text);
      const spec = specs.find((s) => s.headers.some((h) => headerKey(h) === key));
      if (spec && !columns.has(spec.field)) columns.set(spec.field, col);
    }
    for (const spec of specs) {
      if (spec.required && !columns.has(spec.field)) {
        this.add('settings.missingColumn', 'error', row, 0, {
          table: TABLE_TITLES[state.table][0],
          column: spec.headers[0],
        });
        return null;
      }
    }
    return columns;
  }

  private applyTable(settings: Settings, state: TableState) {
    const tableTitle = TABLE_TITLES[state.table][0];
    if (state.broken) return;
    if (state.columns === null) {
      this.add('settings.missingColumn', 'error', state.titleRow, 0, {
        table: tableTitle,
        column: TABLE_COLUMNS[state.table].find((s) => s.required)!.headers[0],
      });
      return;
    }
    const columns = state.columns;
    const at = (values: readonly CellValue[], field: string): CellValue => {
      const col = columns.get(field);
      return col === undefined ? null : (values[col] ?? null);
    };
    const colOf = (field: string) => columns.get(field) ?? 0;
    const headerOf = (field: string) =>
      TABLE_COLUMNS[state.table].find((c) => c.field === field)?.headers[0] ?? field;
    const invalidRow = (row: number, field: string, value: CellValue) =>
      this.add('settings.invalidRow', 'error', row, colOf(field), {
        table: tableTitle,
        column: headerOf(field),
        value: display(value),
      });
    const duplicate = (row: number, field: string, value: CellValue) =>
      this.add('settings.duplicateRow', 'error', row, colOf(field), {
        table: tableTitle,
        value: display(value),
      });

    if (state.table === 'priorities') {
      const priorities: Priority[] = [];
      for (const { row, values } of state.rows) {
        const name = cellText(at(values, 'name'));
        const rawNumber = at(values, 'number');
        if (name === '') {
          invalidRow(row, 'name', name);
          continue;
        }
        const number = isBlank(rawNumber) ? priorities.length + 1 : parseSettingNumber(rawNumber);
        if (number === null || !Number.isInteger(number) || number < 1) {
          invalidRow(row, 'number', rawNumber);
          continue;
        }
        if (priorities.some((p) => p.number === number)) {
          duplicate(row, 'number', rawNumber);
          continue;
        }
        if (priorities.some((p) => headerKey(p.name) === headerKey(name))) {
          duplicate(row, 'name', name);
          continue;
        }
        priorities.push({ number, name, keywords: splitList(at(values, 'keywords'), KEYWORD_LIST) });
      }
      if (priorities.length === 0) this.emptyTable(state, tableTitle);
      else settings.priorities = priorities;
      return;
    }

    if (state.table === 'criteria') {
      const criteria: Criterion[] = [];
      for (const { row, values } of state.rows) {
        const name = cellText(at(values, 'name'));
        if (name === '') {
          invalidRow(row, 'name', name);
          continue;
        }
        const rawWeight = at(values, 'weight');
        const weight = parseSettingNumber(rawWeight);
        if (weight === null || weight < 0) {
          invalidRow(row, 'weight', rawWeight);
          continue;
        }
        const rawMax = at(values, 'max');
        const max = isBlank(rawMax) ? DEFAULT_CRITERION_MAX : parseSettingNumber(rawMax);
        if (max === null || max <= 0) {
          invalidRow(row, 'max', rawMax);
          continue;
        }
        if (criteria.some((c) => headerKey(c.name) === headerKey(name))) {
          duplicate(row, 'name', name);
          continue;
        }
        criteria.push({ name, weight, max });
      }
      if (criteria.length === 0) {
        this.emptyTable(state, tableTitle);
        return;
      }
      const sum = criteria.reduce((total, c) => total + c.weight, 0);
      const firstRow = state.rows[0]?.row ?? state.titleRow;
      if (sum === 0) {
        this.add('settings.noCriterionCounts', 'error', firstRow, colOf('weight'));
        return;
      }
      if (Math.abs(sum - 100) > 1e-9) {
        this.add('settings.weightsSum', 'info', firstRow, colOf('weight'), {
          sum: Number(sum.toFixed(6)),
        });
      }
      settings.criteria = criteria;
      return;
    }

    this.applyMunicipalities(settings, state, at, invalidRow, duplicate, tableTitle);
  }

  private applyMunicipalities(
    settings: Settings,
    state: TableState,
    at: (values: readonly CellValue[], field: string) => CellValue,
    invalidRow: (row: number, field: string, value: CellValue) => void,
    duplicate: (row: number, field: string, value: CellValue) => void,
    tableTitle: string,
  ) {
    const rows: { row: number; municipality: Municipality }[] = [];
    for (const { row, values } of state.rows) {
      const name = cellText(at(values, 'name'));
      if (name === '') {
        invalidRow(row, 'name', name);
        continue;
      }
      if (rows.some((r) => normalizeKey(r.municipality.name) === normalizeKey(name))) {
        duplicate(row, 'name', name);
        continue;
      }
      // Variants typed here add to the preset's variants of the same municipality.
      const presetVariants =
        PRESET_SETTINGS.municipalities.find((m) => normalizeKey(m.name) === normalizeKey(name))?.variants ??
        [];
      const variants: string[] = [];
      for (const variant of [...presetVariants, ...splitList(at(values, 'variants'), KEYWORD_LIST)]) {
        if (!variants.some((v) => normalizeKey(v) === normalizeKey(variant))) variants.push(variant);
      }
      rows.push({ row, municipality: { name, code: cellText(at(values, 'code')), variants } });
    }
    if (rows.length === 0) {
      this.emptyTable(state, tableTitle);
      return;
    }
    // A variant that spells another municipality's name (or « Toutes ») would make a count ambiguous.
    const officialKeys = new Map(rows.map((r) => [normalizeKey(r.municipality.name), r.municipality.name]));
    const allKeys = new Set(settings.allMunicipalitiesWords.map(normalizeKey));
    for (const { row, municipality } of rows) {
      municipality.variants = municipality.variants.filter((variant) => {
        const key = normalizeKey(variant);
        const other = officialKeys.get(key) ?? (allKeys.has(key) ? variant : undefined);
        if (other === undefined || other === municipality.name) return other === undefined;
        this.add('settings.variantConflict', 'error', row, state.columns?.get('variants') ?? 0, {
          variant,
          name: municipality.name,
          other,
        });
        return false;
      });
    }
    settings.municipalities = rows.map((r) => r.municipality);
  }

  private emptyTable(state: TableState, tableTitle: string) {
    this.add('settings.emptyTable', 'warning', state.titleRow, 0, { table: tableTitle });
  }

  /** A minimum above the number of municipalities would make every project ineligible. */
  private checkMunicipalityCount(settings: Settings) {
    const count = settings.municipalities.length;
    if (settings.minMunicipalities <= count) return;
    const where = this.valueCells.get('minMunicipalities');
    const params = { min: settings.minMunicipalities, count };
    if (where) this.add('settings.minAboveCount', 'warning', where.row, where.col, params);
    else this.issues.push(issue('settings.minAboveCount', 'warning', { sheet: this.sheet.name }, params));
  }

  private checkDates(settings: Settings) {
    if (settings.programStart <= settings.programEnd) return;
    this.issues.push(
      issue(
        'settings.startAfterEnd',
        'error',
        { sheet: this.sheet.name },
        { start: settings.programStart, end: settings.programEnd },
      ),
    );
    settings.programStart = PRESET_SETTINGS.programStart;
    settings.programEnd = PRESET_SETTINGS.programEnd;
  }
}

/**
 * The rows of a Paramètres sheet for these settings: title, key/value rows (French choice words),
 * then the Priorités, Critères and Municipalités tables. Reading them back gives the same settings,
 * except `years` (the envelopes live in the Budget prévisionnel sheet). Dates are written as real
 * dates (UTC midnight), the maximum grant as dollars (blank for none); rows are padded to one width.
 */
export function settingsSheetRows(settings: Settings): CellValue[][] {
  const rows: CellValue[][] = [[SETTINGS_TITLE], [...KEY_VALUE_HEADER]];
  for (const setting of KEYED_SETTINGS) {
    const spec: SettingSpec = SETTINGS_TABLE[setting];
    rows.push([settingLabel(setting), settingCell(spec, settings[setting]), spec.explanation.fr]);
  }
  rows.push([]);
  rows.push([TABLE_TITLES.priorities[0]]);
  rows.push(TABLE_COLUMNS.priorities.map((c) => c.headers[0]));
  for (const p of settings.priorities) rows.push([p.number, p.name, joinList(p.keywords)]);
  rows.push([]);
  rows.push([TABLE_TITLES.criteria[0]]);
  rows.push(TABLE_COLUMNS.criteria.map((c) => c.headers[0]));
  for (const c of settings.criteria) rows.push([c.name, c.weight, c.max]);
  rows.push([]);
  rows.push([TABLE_TITLES.municipalities[0]]);
  rows.push(TABLE_COLUMNS.municipalities.map((c) => c.headers[0]));
  for (const m of settings.municipalities) rows.push([m.name, m.code, joinList(m.variants)]);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
}
