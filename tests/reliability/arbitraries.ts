/**
 * fast-check arbitraries for staff-like workbooks: the real header vocabulary in random order, title
 * rows above, blank rows, and cells drawn from the messy values staff really type as well as from
 * anything at all (NaN, Infinity, invalid dates, error text, huge text).
 *
 * Two flavours: `anyWorkbook` feeds the core only (any JavaScript value a buggy host could hand
 * over); `hostableWorkbook` holds only what a real spreadsheet can store, so that the three hosts'
 * fakes can hold it and give it back exactly.
 */
import fc from 'fast-check';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/cells.js';
import { fixedColumns, PROJECTS_CONTRACT } from '../../core/grids/contracts.js';
import { PRESET_SETTINGS } from '../../core/settings.js';
import { settingsSheetRows } from '../../core/settings-reader.js';

/** How many generated workbooks a property runs: small in `npm test`, large in `npm run fuzz:nightly`. */
export function fuzzRuns(fallback = 100): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Strings that look like formulas: they must come back as text everywhere. */
export const FORMULA_LOOKALIKES = ['=HYPERLINK("http://x","clic")', '+1+1', '-2', '@SUM(A1)', '=1+1'];

export const ERROR_TEXTS = ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?'];

/** What staff really type, grouped by the kind of column it belongs to. */
export const MESSY = {
  money: [
    '- $',
    '195 007,50 $',
    '$195,007.50',
    '1,234',
    '25 k$',
    '195 007 $',
    '25 350,72 $',
    '89\u00a0598 $',
    '58\u202f200 $',
    '-500 $',
    'environ 5000',
    '',
    89598,
    55564,
    -1200,
    0.5,
  ] as CellValue[],
  date: [
    43865,
    '3 février 2020',
    'le 3 février 2020',
    'Septembre 2019',
    '2021-02-30',
    '03/02/2020',
    '2020-02-03',
    '2023-03-31',
    '2024-06-30',
    utc(2020, 2, 3),
    utc(2022, 6, 30),
    'bientôt',
  ] as CellValue[],
  list: [
    'Moisson Maskoutaine; Centre de bénévolat',
    'Moisson Maskoutaine, Contact Richelieu-Yamaska',
    'Maison de la famille\nCDC des Maskoutains',
    ' Moisson  Maskoutaine ',
    'Moisson Maskoutaine',
  ] as CellValue[],
  municipalities: [
    'Ste-Madelaine',
    'Saint-Barnabé',
    'Sainte-Madeleine; Sainte-Marie-Madeleine',
    'Sainte-Rosalie',
    'Toutes',
    'St-Hyacinthe; Saint-Pie; Saint-Damase; La Présentation; Saint-Dominique',
    'St-Hyacinthe, St-Pie-de-Bagot, Ste-Hélène-de-Bagot, Saint-Jude, Saint-Louis',
    'Saint-Hyacinthe\nSaint-Liboire\nSaint-Simon',
  ] as CellValue[],
  priorities: ['1', '1; 3', '2, 4', 'Habitation', 'sécurité alimentaire', '5', 2, 'aucune'] as CellValue[],
  decision: ['Accepté', 'acceptee', 'Refusé', 'En analyse', 'Reçu', 'Retiré', 'peut-être'] as CellValue[],
  score: [7, 8.5, '7,5', 'S.O.', 'N/A', 12, -1, 'dix', 0, 10] as CellValue[],
  yesNo: ['Oui', 'Non', 'x', 'non', 'peut-être'] as CellValue[],
  id: ['P-001', 'p-001', 'P-002', 'P-003', 1, 2, 'P-010'] as CellValue[],
  text: [
    'Cuisines collectives',
    'Logemen’mêle',
    'Contact Richelieu-Yamaska',
    'Moisson Maskoutaine',
    'Marie Tremblay',
    'Jean Gagnon',
    '  espaces   en trop ',
    ' -5',
    ' +12 ',
  ] as CellValue[],
  payment: ['Avance', 'versement', 'Solde', 'autre'] as CellValue[],
};

/** Text a spreadsheet would turn into a number, a date or a boolean if written without care. */
export const NUMBER_LIKE_TEXT = [
  ' -5',
  ' +12',
  '(500)',
  '12:30',
  '50 %',
  '1e5',
  '007',
  'VRAI',
  ' true ',
  '2020-02-03',
  '0,5',
];

const ALL_MESSY: CellValue[] = [
  ...NUMBER_LIKE_TEXT,
  ...Object.values(MESSY).flat(),
  ...FORMULA_LOOKALIKES,
  ...ERROR_TEXTS,
  '   ',
  '\u00a0',
];

/** Anything a buggy host could hand to core: NaN, ±Infinity, -0, invalid dates, huge text. */
export const anyValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ALL_MESSY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 10_000_000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date() },
  { weight: 1, arbitrary: fc.constant(new Date(Number.NaN)) },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(10_000), `${'Sainte-Madeleine; '.repeat(600)}`) },
);

/** Text a spreadsheet can store: no control characters other than line breaks and tabs. */
const hostableString = fc
  .string({ maxLength: 24, unit: 'grapheme' })
  .map((s) => [...s].map((ch) => (isControl(ch) ? '?' : ch)).join(''));

function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  const lineBreakOrTab = code === 9 || code === 10 || code === 13;
  return (code < 32 && !lineBreakOrTab) || code === 0x7f || code === 0xfffe || code === 0xffff;
}

/** Whole days at UTC midnight between 1950 and 2099: the dates staff grids hold. */
const hostableDate = fc
  .integer({ min: Date.UTC(1950, 0, 1) / 86_400_000, max: Date.UTC(2099, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000));

/** Finite numbers a cell can hold (no -0: no spreadsheet keeps its sign). */
const hostableNumber = fc
  .oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
    fc.integer({ min: -100_000, max: 1_000_000 }),
  )
  .map((n) => (Object.is(n, -0) ? 0 : n));

/** A value every host can store and give back as it was. */
export const hostableValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ALL_MESSY.filter((v) => v !== '')) },
  { weight: 2, arbitrary: hostableString },
  { weight: 2, arbitrary: hostableNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: hostableDate },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(10_000)) },
);

/** Formulas staff keep in their grids (their results are whatever the host computed). */
export const STAFF_FORMULAS = ['=SUM(B2:B3)', '=A2&" "&B2', '=TODAY()', '=VLOOKUP(A2,Projets!A:B,2,FALSE)'];

type ColumnKind = keyof typeof MESSY;

interface ColumnDef {
  header: string;
  kind: ColumnKind;
}

const YEAR_HEADERS: ColumnDef[] = [
  { header: 'Demandé 2020-2021', kind: 'money' },
  { header: 'Demandé 2021-2022', kind: 'money' },
  { header: 'Requested 2022-2023', kind: 'money' },
  { header: 'Accordé 2020-2021', kind: 'money' },
  { header: 'Granted 2021-2022', kind: 'money' },
  { header: 'Accordé 2030-2031', kind: 'money' },
];

const PROJECT_KINDS: Record<string, ColumnKind> = {
  id: 'id',
  title: 'text',
  lead: 'list',
  partners: 'list',
  supports: 'list',
  municipalities: 'municipalities',
  priorities: 'priorities',
  start: 'date',
  end: 'date',
  totalCost: 'money',
  decision: 'decision',
  reportReceived: 'date',
};

/** Every Projets header of the vocabulary: canonical French name or any alias, per field. */
const PROJECT_HEADER_CHOICES: fc.Arbitrary<ColumnDef>[] = fixedColumns(PROJECTS_CONTRACT).map((spec) =>
  fc.constantFrom(...spec.names).map((header) => ({ header, kind: PROJECT_KINDS[spec.field] ?? 'text' })),
);

const CRITERIA = PRESET_SETTINGS.criteria.map((c) => c.name);

const SELECTION_COLUMNS: ColumnDef[] = [
  { header: 'No', kind: 'id' },
  { header: 'Évaluateur', kind: 'text' },
  ...CRITERIA.map((header) => ({ header, kind: 'score' as const })),
  { header: 'Conflit d’intérêts', kind: 'yesNo' },
  { header: 'Commentaire', kind: 'text' },
  { header: 'Critère inventé', kind: 'score' },
];

const PAYMENT_COLUMNS: ColumnDef[] = [
  { header: 'No', kind: 'id' },
  { header: 'Date', kind: 'date' },
  { header: 'Montant', kind: 'money' },
  { header: 'Type', kind: 'payment' },
];

function rectangular(rows: CellValue[][]): CellValue[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined ? null : r[c])));
}

interface SheetOptions {
  value: fc.Arbitrary<CellValue>;
  maxRows: number;
}

/** A cell of a column: mostly the column's own messy values, sometimes anything. */
function cellOf(kind: ColumnKind, options: SheetOptions): fc.Arbitrary<CellValue> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...MESSY[kind]) },
    { weight: 1, arbitrary: options.value },
  );
}

/** A table: title rows, a shuffled header row, data rows (some blank), optional staff formulas. */
function table(
  name: fc.Arbitrary<string>,
  columns: fc.Arbitrary<ColumnDef[]>,
  options: SheetOptions,
): fc.Arbitrary<SheetSnapshot> {
  return fc
    .record({
      name,
      columns,
      titles: fc.array(fc.constantFrom<CellValue[]>(['Alliance pour la solidarité — appel 2020'], []), {
        maxLength: 3,
      }),
      rowCount: fc.integer({ min: 0, max: options.maxRows }),
    })
    .chain(({ name, columns, titles, rowCount }) =>
      fc
        .record({
          rows: fc.array(
            fc.oneof(
              { weight: 5, arbitrary: fc.tuple(...columns.map((c) => cellOf(c.kind, options))) },
              { weight: 1, arbitrary: fc.constant([] as CellValue[]) },
            ),
            { minLength: rowCount, maxLength: rowCount },
          ),
          formulaCells: fc.array(
            fc.record({
              row: fc.nat({ max: Math.max(0, rowCount - 1) }),
              col: fc.nat({ max: Math.max(0, columns.length - 1) }),
              formula: fc.constantFrom(...STAFF_FORMULAS),
            }),
            { maxLength: 2 },
          ),
        })
        .map(({ rows, formulaCells }) => {
          const header = columns.map((c) => c.header);
          const values = rectangular([...titles, header, ...rows]);
          const sheet: SheetSnapshot = { name, values };
          const dataStart = titles.length + 1;
          if (formulaCells.length > 0 && rows.length > 0) {
            const formulas = values.map((r) => r.map((): string | null => null));
            for (const f of formulaCells) {
              const r = dataStart + f.row;
              if (r < values.length && f.col < header.length) formulas[r][f.col] = f.formula;
            }
            sheet.formulas = formulas;
          }
          return sheet;
        }),
    );
}

/** Some columns of the vocabulary, in a random order. */
function someColumns(all: ColumnDef[]): fc.Arbitrary<ColumnDef[]> {
  return fc.shuffledSubarray(all, { minLength: 1 });
}

function projectsSheet(options: SheetOptions): fc.Arbitrary<SheetSnapshot> {
  const columns = fc
    .tuple(fc.tuple(...PROJECT_HEADER_CHOICES), fc.subarray(YEAR_HEADERS), fc.boolean(), fc.boolean())
    .chain(([named, years, dropId, extra]) => {
      const base = dropId ? named.slice(1) : named;
      const all = [
        ...base,
        ...years,
        ...(extra ? [{ header: 'Notes internes', kind: 'text' as const }] : []),
      ];
      return fc.shuffledSubarray(all, { minLength: Math.min(3, all.length) });
    });
  return table(fc.constantFrom('Projets', 'Projects', 'projets '), columns, options);
}

function selectionSheet(options: SheetOptions): fc.Arbitrary<SheetSnapshot> {
  return table(
    fc.constantFrom('Grille de sélection', 'Selection grid'),
    someColumns(SELECTION_COLUMNS),
    options,
  );
}

function paymentsSheet(options: SheetOptions): fc.Arbitrary<SheetSnapshot> {
  return table(fc.constantFrom('Versements', 'Payments'), someColumns(PAYMENT_COLUMNS), options);
}

const YEARS = ['2019-2020', '2020-2021', '2021-2022', '2022-2023'];

/** The forecast grid: label column, some year columns (one maybe outside the program), Total. */
function budgetSheet(options: SheetOptions): fc.Arbitrary<SheetSnapshot> {
  return fc
    .record({
      years: fc.subarray([...YEARS, '2024-2025']),
      total: fc.boolean(),
      titles: fc.nat({ max: 3 }),
      rows: fc.array(
        fc.tuple(
          fc.constantFrom('Enveloppe', 'Priorité 1', null, 'Total'),
          fc.array(cellOf('money', options), { minLength: 6, maxLength: 6 }),
        ),
        {
          maxLength: 4,
        },
      ),
    })
    .map(({ years, total, titles, rows }) => {
      const header: CellValue[] = ['Poste', ...years, ...(total ? ['Total'] : [])];
      const values = rectangular([
        ...Array.from({ length: titles }, (_, i) => (i === 0 ? ['BUDGET PRÉVISIONNEL 2019-2023'] : [])),
        header,
        ...rows.map(([label, cells]) => [label, ...cells.slice(0, header.length - 1)]),
      ]);
      return { name: 'Budget prévisionnel', values };
    });
}

/** The preset's Paramètres sheet with a few cells replaced by messy or arbitrary values. */
function settingsSheet(options: SheetOptions): fc.Arbitrary<SheetSnapshot> {
  const base = settingsSheetRows(PRESET_SETTINGS);
  return fc
    .array(
      fc.record({
        row: fc.nat({ max: base.length - 1 }),
        col: fc.nat({ max: 2 }),
        value: fc.oneof(options.value, fc.constantFrom<CellValue>(0, -5, 150, 'médiane', 'zéro', 'x')),
      }),
      { maxLength: 4 },
    )
    .map((changes) => {
      const values = base.map((row) => [...row]);
      for (const { row, col, value } of changes) values[row][col] = value;
      return { name: 'Paramètres', values };
    });
}

/** Staff sheets that share a name with a generated one: they must survive every action untouched. */
function namesakeSheet(options: SheetOptions): fc.Arbitrary<SheetSnapshot> {
  return fc
    .record({
      name: fc.constantFrom('Validation', 'Sommaire budgétaire', 'Classement', 'Journal'),
      rows: fc.array(fc.array(options.value, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
    })
    .map(({ name, rows }) => ({
      name,
      // Column A row 1 says whose sheet this is, so no random text can ever pass for the tool's mark.
      values: rectangular([[`Notes du personnel (${name})`], ...rows]),
    }));
}

/** Any sheet of an unknown name, as staff add them. */
function otherSheet(options: SheetOptions): fc.Arbitrary<SheetSnapshot> {
  return fc
    .record({
      name: fc.constantFrom('Notes de la direction', 'Feuil1', 'Contacts'),
      rows: fc.array(fc.array(options.value, { maxLength: 3 }), { maxLength: 3 }),
    })
    .map(({ name, rows }) => ({ name, values: rectangular(rows) }));
}

function workbookOf(options: SheetOptions, requireProjects = false): fc.Arbitrary<WorkbookSnapshot> {
  return fc
    .record({
      settings: fc.option(settingsSheet(options), { freq: 3 }),
      budget: fc.option(budgetSheet(options), { freq: 3 }),
      projects: requireProjects ? projectsSheet(options) : fc.option(projectsSheet(options), { freq: 8 }),
      selection: fc.option(selectionSheet(options), { freq: 3 }),
      payments: fc.option(paymentsSheet(options), { freq: 3 }),
      namesakes: fc.uniqueArray(namesakeSheet(options), { maxLength: 2, selector: (s) => s.name }),
      other: fc.option(otherSheet(options), { freq: 4 }),
    })
    .chain(({ projects, ...others }) =>
      fc
        .shuffledSubarray(
          [
            others.settings,
            others.budget,
            others.selection,
            others.payments,
            ...others.namesakes,
            others.other,
          ].filter((s): s is SheetSnapshot => s !== null),
        )
        .chain((kept) =>
          // Projets, when there is one, goes anywhere among the others: it is what most workbooks hold.
          fc.nat({ max: kept.length }).map((at) => {
            const sheets = [...kept];
            if (projects) sheets.splice(at, 0, projects);
            return { sheets };
          }),
        ),
    );
}

/** Rows cut short at random: a careless host may hand over a ragged grid, and readers never trust the shape. */
function ragged(workbook: WorkbookSnapshot): fc.Arbitrary<WorkbookSnapshot> {
  return fc.array(fc.nat({ max: 6 }), { minLength: 64, maxLength: 64 }).map((cuts) => {
    let i = 0;
    const next = () => cuts[i++ % cuts.length];
    return {
      sheets: workbook.sheets.map((sheet) => ({
        ...sheet,
        values: sheet.values.map((row) =>
          next() === 0 ? row.slice(0, Math.max(0, row.length - next())) : row,
        ),
      })),
    };
  });
}

/** Workbooks for the core alone: any value at all may sit in a cell, rows may be ragged. */
export const anyWorkbook: fc.Arbitrary<WorkbookSnapshot> = workbookOf({ value: anyValue, maxRows: 8 }).chain(
  (workbook) => fc.oneof(fc.constant(workbook), ragged(workbook)),
);

/** Workbooks every host can hold: the values real spreadsheets store, and at least one sheet. */
export const hostableWorkbook: fc.Arbitrary<WorkbookSnapshot> = workbookOf({
  value: hostableValue,
  maxRows: 6,
}).map((workbook) => (workbook.sheets.length > 0 ? workbook : { sheets: [{ name: 'Feuil1', values: [] }] }));

/** Hostable workbooks that always hold a Projets sheet: something for Reformater to tidy. */
export const hostableWorkbookWithProjects: fc.Arbitrary<WorkbookSnapshot> = workbookOf(
  { value: hostableValue, maxRows: 6 },
  true,
);
