import { describe, expect, it } from 'vitest';
import {
  applyResolved,
  needsTextMarker,
  readSnapshot,
  spreadsheetClock,
  toSheetsValue,
  widthRuns,
} from '../../apps-script/sheets-adapter.js';
import { parseInternalLink } from '../../core/a1.js';
import type { WorkbookSnapshot } from '../../core/cells.js';
import type { Plan, SheetPlan } from '../../core/plan.js';
import { resolvePlan } from '../../core/writes.js';
import { asServices, asSpreadsheet, FakeSpreadsheet, fakeServices } from '../fakes/spreadsheet-app.js';

const STAFF: WorkbookSnapshot = {
  sheets: [
    {
      name: 'Projets',
      values: [
        ['No', 'Titre', 'Organisme porteur', 'Municipalités', 'Fin', 'Accordé 2020-2021'],
        [
          'P-01',
          'Cuisines collectives',
          'Moisson Maskoutaine',
          'St-Hyacinthe; Saint-Pie',
          new Date(Date.UTC(2022, 5, 30)),
          89598,
        ],
        ['P-02', 'Logemen’mêle', 'Contact Richelieu-Yamaska', 'Ste-Madeleine', null, '58 200 $'],
      ],
      formulas: [
        [null, null, null, null, null, null],
        [null, null, null, null, null, null],
        [null, null, null, null, null, null],
      ],
      notes: [
        [null, null, null, null, null, null],
        [null, null, null, 'Vérifier la liste', null, null],
        [null, null, null, null, null, null],
      ],
      fills: [
        [null, null, null, null, null, null],
        [null, null, null, '#FCE8E6', null, null],
        [null, null, null, null, null, null],
      ],
    },
    {
      name: 'Budget prévisionnel',
      values: [
        ['Poste', '2020-2021', 'Total'],
        ['Enveloppe', 195007, 195007],
      ],
      formulas: [
        [null, null, null],
        [null, null, '=SUM(B2:B2)'],
      ],
    },
  ],
};

function setup(snapshot: WorkbookSnapshot = STAFF) {
  const book = FakeSpreadsheet.fromSnapshot(snapshot);
  const services = fakeServices(book);
  return {
    book,
    services,
    spreadsheet: asSpreadsheet(book),
    /** Resolves the plan on the book as it stands (read without counting), then writes it. */
    apply: (plan: Plan) => {
      const counts = new Map(book.counter.counts);
      const before = readSnapshot(asSpreadsheet(book), asServices(services));
      book.counter.counts.clear();
      for (const [key, n] of counts) book.counter.counts.set(key, n);
      applyResolved(asSpreadsheet(book), resolvePlan(plan, before).resolved, asServices(services));
    },
  };
}

function plan(sheets: SheetPlan[], extra: Partial<Plan> = {}): Plan {
  return { action: 'validate', sheets, changedCells: 0, ...extra };
}

describe('readSnapshot', () => {
  it('reads values, formulas, notes and fills of every sheet, blanks as null', () => {
    const { spreadsheet, services } = setup();
    const snapshot = readSnapshot(spreadsheet, asServices(services));
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Projets', 'Budget prévisionnel']);
    const projets = snapshot.sheets[0];
    expect(projets.values[2]).toEqual([
      'P-02',
      'Logemen’mêle',
      'Contact Richelieu-Yamaska',
      'Ste-Madeleine',
      null,
      '58 200 $',
    ]);
    expect(projets.values[1][4]).toEqual(new Date(Date.UTC(2022, 5, 30)));
    expect(projets.notes?.[1][3]).toBe('Vérifier la liste');
    expect(projets.notes?.[2][3]).toBeNull();
    expect(projets.fills?.[1][3]).toBe('#FCE8E6');
    expect(projets.fills?.[0][0]).toBeNull();
    expect(snapshot.sheets[1].formulas?.[1][2]).toBe('=SUM(B2:B2)');
    expect(snapshot.sheets[1].formulas?.[1][1]).toBeNull();
  });

  it('reads an empty sheet as one blank cell', () => {
    const { spreadsheet, services } = setup({ sheets: [{ name: 'Vide', values: [] }] });
    expect(readSnapshot(spreadsheet, asServices(services)).sheets[0].values).toEqual([[null]]);
  });
});

describe('applyPlan', () => {
  it('writes a generated sheet: values and formulas, formats, bold, fill, widths, frozen rows, list, chart', () => {
    const { book, apply } = setup();
    apply(
      plan(
        [
          {
            sheet: 'Sommaire budgétaire',
            mode: 'replace',
            blocks: [
              { row: 0, col: 0, values: [['Sommaire budgétaire']], bold: true },
              {
                row: 3,
                col: 0,
                values: [['Exercice', 'Enveloppe']],
                bold: true,
                fill: '#E8F0FE',
                wrap: true,
                align: 'center',
              },
              {
                row: 4,
                col: 0,
                values: [
                  ['2020-2021', { formula: "='Budget prévisionnel'!B2" }],
                  ['Total', { formula: '=SUM(B5:B5)' }],
                ],
                numberFormats: [
                  [null, '#,##0 "$"'],
                  [null, '#,##0 "$"'],
                ],
              },
            ],
            columnWidths: [
              { col: 0, width: 14 },
              { col: 1, width: 14 },
              { col: 3, width: 30 },
            ],
            frozenRows: 4,
            ...{ hiddenColumns: [8, 6, 7] },
            validations: [{ range: 'C5:C6', list: ['Oui', 'Non'] }],
            charts: [
              {
                type: 'column',
                title: 'Enveloppe par exercice',
                categories: 'A5:A5',
                series: [{ name: 'Enveloppe', values: 'B5:B5' }],
                anchor: 'E4',
                end: 'K18',
                width: 480,
                height: 300,
              },
            ],
          },
        ],
        { activate: 'Sommaire budgétaire' },
      ),
    );
    const sheet = book.sheet('Sommaire budgétaire');
    expect(sheet.cellAt(5, 1).value).toBe('2020-2021');
    expect(sheet.cellAt(5, 2).formula).toBe("='Budget prévisionnel'!B2");
    expect(sheet.cellAt(6, 2).formula).toBe('=SUM(B5:B5)');
    expect(sheet.cellAt(5, 2).numberFormat).toBe('#,##0 "$"');
    expect(sheet.cellAt(1, 1).fontWeight).toBe('bold');
    expect(sheet.cellAt(4, 2).background).toBe('#E8F0FE');
    expect(sheet.cellAt(4, 2).wrap).toBe(true);
    expect(sheet.cellAt(4, 2).horizontalAlignment).toBe('center');
    expect(sheet.cellAt(5, 2).wrap).toBe(false);
    expect(sheet.frozenRows).toBe(4);
    expect([...sheet.hiddenColumns].sort()).toEqual([7, 8, 9]);
    expect(sheet.columnWidths.get(1)).toBe(103);
    expect(sheet.columnWidths.get(4)).toBe(215);
    expect(sheet.validations).toEqual([
      { range: 'C5:C6', rule: { list: ['Oui', 'Non'], allowInvalid: true } },
    ]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({
      type: 'COLUMN',
      ranges: ['Sommaire budgétaire!A5', 'Sommaire budgétaire!B5'],
      position: [4, 5, 0, 0],
      options: {
        title: 'Enveloppe par exercice',
        width: 480,
        height: 300,
        series: { 0: { labelInLegend: 'Enveloppe' } },
      },
    });
    expect(book.active?.name).toBe('Sommaire budgétaire');
    expect(book.flushes).toBe(1);
  });

  it('writes staff text exactly, even when Sheets would take it for a formula, a number or a date', () => {
    const { book, apply } = setup();
    const texts = [
      '=1+1',
      '+33 km',
      '-5 $',
      '@Moisson',
      '195 007 $',
      '2020-02-03',
      'TRUE',
      "'guillemet",
      'Saint-Pie',
    ];
    apply(
      plan([
        { sheet: 'Notes', mode: 'replace', blocks: [{ row: 0, col: 0, values: texts.map((t) => [t]) }] },
      ]),
    );
    const sheet = book.sheet('Notes');
    expect(texts.map((_, r) => sheet.cellAt(r + 1, 1).value)).toEqual(texts);
    expect(texts.map((_, r) => sheet.cellAt(r + 1, 1).formula)).toEqual(texts.map(() => ''));
  });

  it('reads and writes every date on the spreadsheet’s clock, whatever the script’s zone', () => {
    // The script runs in Tokyo's zone, the spreadsheet keeps Vancouver's: neither is UTC or Montreal.
    const previous = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      for (const timeZone of ['America/Vancouver', 'Europe/Paris', 'America/Montreal', 'Pacific/Auckland']) {
        const book = FakeSpreadsheet.fromSnapshot(
          { sheets: [{ name: 'Dates', values: [['Fin'], [new Date(Date.UTC(2021, 2, 31, 19, 30))]] }] },
          { timeZone, scriptTimeZone: 'Asia/Tokyo' },
        );
        const services = asServices(fakeServices(book));
        const spreadsheet = asSpreadsheet(book);
        // Read: 2021-03-31 19:30 on the spreadsheet's clock, not the next day in UTC.
        const read = readSnapshot(spreadsheet, services);
        expect(read.sheets[0].values[1][0], timeZone).toEqual(new Date(Date.UTC(2021, 2, 31, 19, 30)));
        // Write: a core day (UTC midnight) and a date-time land on the same clock readings.
        const day = new Date(Date.UTC(2020, 1, 3));
        const late = new Date(Date.UTC(2021, 2, 31, 23, 45));
        applyResolved(
          spreadsheet,
          resolvePlan(
            plan([{ sheet: 'Dates', mode: 'edit', blocks: [{ row: 2, col: 0, values: [[day], [late]] }] }]),
            read,
          ).resolved,
          services,
        );
        expect(book.sheet('Dates').cellAt(3, 1).value, timeZone).toEqual(day);
        expect(book.sheet('Dates').cellAt(4, 1).value, timeZone).toEqual(late);
        expect(readSnapshot(spreadsheet, services).sheets[0].values.slice(2), timeZone).toEqual([
          [day],
          [late],
        ]);
      }
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('writes text as text in a plain-text cell too, where an apostrophe would stay in the value', () => {
    const { book, apply } = setup();
    // Staff formatted B2 as Format > Number > Plain text; B3 keeps the automatic format.
    book.sheet('Projets').cellFor(2, 2).numberFormat = '@';
    apply(
      plan([
        {
          sheet: 'Projets',
          mode: 'edit',
          blocks: [{ row: 1, col: 1, values: [['2019-001'], ['2019-002']] }],
        },
      ]),
    );
    expect(book.sheet('Projets').cellAt(2, 2).value).toBe('2019-001');
    expect(book.sheet('Projets').cellAt(3, 2).value).toBe('2019-002');
    expect(book.counter.get('Range.getNumberFormats')).toBe(1);
  });

  it('asks the zone its offset once per hour of the dates, not once per cell', () => {
    const rows = Array.from({ length: 500 }, () => [new Date(Date.UTC(2021, 5, 30))]);
    const book = FakeSpreadsheet.fromSnapshot({ sheets: [{ name: 'Dates', values: [['Fin'], ...rows] }] });
    readSnapshot(asSpreadsheet(book), asServices(fakeServices(book)));
    expect(book.counter.get('Utilities.formatDate')).toBe(1);
  });

  it('across a change of offset, a day stays the day: the spring and autumn Sundays of Montreal', () => {
    const book = FakeSpreadsheet.fromSnapshot({ sheets: [{ name: 'Dates', values: [['Jour']] }] });
    const services = asServices(fakeServices(book));
    const days = ['2021-03-14', '2021-03-15', '2021-11-07', '2021-11-08'].map(
      (iso) => new Date(`${iso}T00:00:00Z`),
    );
    const read = readSnapshot(asSpreadsheet(book), services);
    applyResolved(
      asSpreadsheet(book),
      resolvePlan(
        plan([{ sheet: 'Dates', mode: 'edit', blocks: [{ row: 1, col: 0, values: days.map((d) => [d]) }] }]),
        read,
      ).resolved,
      services,
    );
    expect(readSnapshot(asSpreadsheet(book), services).sheets[0].values.slice(1)).toEqual(
      days.map((d) => [d]),
    );
  });

  it('turns internal links into HYPERLINK formulas to the sheet id', () => {
    const { book, apply } = setup();
    apply(
      plan([
        {
          sheet: 'Validation',
          mode: 'replace',
          blocks: [
            {
              row: 0,
              col: 0,
              values: [['Projets!D2', 'Municipalité non reconnue : « Ste-Madelaine »']],
              links: [["#'Projets'!D2", null]],
            },
          ],
        },
      ]),
    );
    const sheet = book.sheet('Validation');
    expect(sheet.cellAt(1, 1).formula).toBe('=HYPERLINK("#gid=0&range=D2","Projets!D2")');
    expect(sheet.cellAt(1, 2).value).toBe('Municipalité non reconnue : « Ste-Madelaine »');
  });

  it('marks staff cells through one read and one write per property, keeping the other cells', () => {
    const { book, apply } = setup();
    book.counter.reset();
    apply(
      plan([
        {
          sheet: 'Projets',
          mode: 'edit',
          blocks: [],
          marks: [
            { cell: 'F3', fill: '#FCE8E6', note: 'Montant saisi en texte' },
            { cell: 'B2', fill: '#FEF7E0' },
            { cell: 'D2', fill: null, note: null },
          ],
        },
      ]),
    );
    const sheet = book.sheet('Projets');
    expect(sheet.cellAt(3, 6)).toMatchObject({
      background: '#FCE8E6',
      note: 'Montant saisi en texte',
      value: '58 200 $',
    });
    expect(sheet.cellAt(2, 2)).toMatchObject({ background: '#FEF7E0', note: '' });
    expect(sheet.cellAt(2, 4)).toMatchObject({ background: '#ffffff', note: '' });
    expect(sheet.cellAt(2, 1).value).toBe('P-01');
    expect(book.counter.get('Range.getBackgrounds')).toBe(1);
    expect(book.counter.get('Range.setBackgrounds')).toBe(1);
    expect(book.counter.get('Range.getNotes')).toBe(1);
    expect(book.counter.get('Range.setNotes')).toBe(1);
  });

  it('writes each run of changed cells, never the unchanged cells between them', () => {
    const { book, apply } = setup({
      sheets: [
        {
          name: 'Projets',
          values: [
            ['No', 'Montant'],
            ['P-01', '58 200 $'],
            ['P-02', 1200],
            ['P-03', '-'],
            ['P-04', null],
            ['P-05', '2 500 $'],
          ],
          formulas: [
            [null, null],
            [null, null],
            [null, '=600*2'],
            [null, null],
            [null, null],
            [null, null],
          ],
        },
      ],
    });
    book.counter.reset();
    apply(
      plan([
        {
          sheet: 'Projets',
          mode: 'edit',
          blocks: [
            { row: 1, col: 1, values: [[58200]], numberFormats: [['#,##0 "$"']] },
            { row: 5, col: 1, values: [[2500]], numberFormats: [['#,##0 "$"']], fill: '#E6F4EA' },
            { row: 5, col: 0, values: [['=P-05']] },
          ],
        },
      ]),
    );
    const sheet = book.sheet('Projets');
    expect(sheet.valuesForTest().map((row) => row[1])).toEqual(['Montant', 58200, 1200, '-', null, 2500]);
    expect(sheet.cellAt(3, 2).formula).toBe('=600*2');
    expect(sheet.cellAt(6, 1)).toMatchObject({ value: '=P-05', formula: '' });
    expect([2, 3, 4, 5, 6].map((r) => sheet.cellAt(r, 2).numberFormat)).toEqual([
      '#,##0 "$"',
      '',
      '',
      '',
      '#,##0 "$"',
    ]);
    expect(sheet.cellAt(6, 2).background).toBe('#E6F4EA');
    // B2, B6 and A6: one call per run; B3:B5 between them are never written.
    expect(book.counter.get('Range.setValues')).toBe(3);
  });

  it('appends below the last used row', () => {
    const { book, apply } = setup();
    apply(
      plan([
        { sheet: 'Projets', mode: 'append', blocks: [{ row: 0, col: 0, values: [['P-03', 'Jardins']] }] },
      ]),
    );
    expect(book.sheet('Projets').valuesForTest()[3].slice(0, 2)).toEqual(['P-03', 'Jardins']);
  });

  it('replaces only its own sheet: old content, notes, charts and lists go, staff sheets stay', () => {
    const { book, apply } = setup();
    const first: SheetPlan = {
      sheet: 'Classement',
      mode: 'replace',
      blocks: [
        {
          row: 0,
          col: 0,
          values: [
            ['a', 'b'],
            ['c', 'd'],
            ['e', 'f'],
          ],
        },
      ],
      validations: [{ range: 'A2:A3', list: ['x'] }],
      charts: [
        {
          type: 'line',
          title: 't',
          categories: 'A1:A3',
          series: [{ name: 's', values: 'B1:B3' }],
          anchor: 'D1',
          end: 'D1',
          width: 1,
          height: 1,
        },
      ],
    };
    apply(plan([first]));
    book.sheet('Classement').cellFor(3, 1).note = 'ancienne note';
    apply(plan([{ sheet: 'Classement', mode: 'replace', blocks: [{ row: 0, col: 0, values: [['z']] }] }]));
    const sheet = book.sheet('Classement');
    expect(sheet.valuesForTest()).toEqual([['z']]);
    expect(sheet.cellAt(3, 1).note).toBe('');
    expect(sheet.charts).toEqual([]);
    expect(sheet.validations).toEqual([]);
    expect(book.sheet('Projets').valuesForTest()[1][0]).toBe('P-01');
  });

  it('grows the grid past its 1 000 rows before writing', () => {
    const { book, apply } = setup();
    const rows = Array.from({ length: 1500 }, (_, i) => [`P-${i + 1}`]);
    apply(plan([{ sheet: 'Grand', mode: 'replace', blocks: [{ row: 0, col: 30, values: rows }] }]));
    expect(book.sheet('Grand').cellAt(1500, 31).value).toBe('P-1500');
  });

  it('makes the same calls for 10 and 10 000 rows, none per cell', () => {
    function run(rows: number): Record<string, number> {
      const projects = Array.from({ length: rows }, (_, i) => [
        `P-${i + 1}`,
        'Moisson Maskoutaine',
        1000 + i,
      ]);
      const { book, spreadsheet, services, apply } = setup({
        sheets: [
          { name: 'Projets', values: [['No', 'Organisme porteur', 'Accordé 2020-2021'], ...projects] },
        ],
      });
      book.counter.reset();
      readSnapshot(spreadsheet, asServices(services));
      apply(
        plan([
          {
            sheet: 'Validation',
            mode: 'replace',
            blocks: [
              {
                row: 0,
                col: 0,
                values: projects.map((p, i) => [`Projets!A${i + 2}`, `Montant ${p[2]} $`]),
                links: projects.map((_, i) => [`#Projets!A${i + 2}`, null]),
                numberFormats: projects.map(() => [null, '@']),
              },
            ],
          },
          {
            sheet: 'Projets',
            mode: 'edit',
            blocks: [
              {
                row: 1,
                col: 2,
                values: projects.map((p) => [p[2]]),
                numberFormats: projects.map(() => ['#,##0 "$"']),
              },
            ],
            marks: projects.map((_, i) => ({ cell: `C${i + 2}`, fill: '#FCE8E6', note: 'Vérifier' })),
          },
          {
            sheet: 'Journal',
            mode: 'append',
            blocks: [{ row: 0, col: 0, values: projects.map((p) => [p[0], p[2]]) }],
          },
        ]),
      );
      return book.counter.snapshot();
    }
    const small = run(10);
    const large = run(10_000);
    // Growing a sheet past its 1 000 rows is one call per sheet, only when needed.
    expect(large['Sheet.insertRowsAfter']).toBeLessThanOrEqual(3);
    delete large['Sheet.insertRowsAfter'];
    expect(large).toEqual(small);
    expect(small['Range.getValue'] ?? 0).toBe(0);
    expect(small['Range.setValue'] ?? 0).toBe(0);
    expect(small['SpreadsheetApp.flush']).toBe(1);
  });
});

describe('helpers', () => {
  it('marks text Sheets would reinterpret', () => {
    expect(['=A1', '+1', '-', '@x', '#N/A', '12', '2020-02-03', 'vrai', 'FALSE'].every(needsTextMarker)).toBe(
      true,
    );
    expect(['Saint-Pie', 'Moisson Maskoutaine', 'Oui', 'S.O.'].some(needsTextMarker)).toBe(false);
    const { spreadsheet, services } = setup();
    const clock = spreadsheetClock(spreadsheet, asServices(services));
    expect(toSheetsValue('-5 $', clock)).toBe("'-5 $");
    expect(toSheetsValue('-5 $', clock, true)).toBe('-5 $');
    expect(toSheetsValue({ formula: '=SUM(A1:A2)' }, clock)).toBe('=SUM(A1:A2)');
    expect(toSheetsValue(null, clock)).toBe('');
  });

  it('parses internal links, quoted or not', () => {
    expect(parseInternalLink("#'Sommaire budgétaire'!B3")).toEqual({
      sheet: 'Sommaire budgétaire',
      cell: 'B3',
    });
    expect(parseInternalLink("#'L''été'!$A$1")).toEqual({ sheet: "L'été", cell: 'A1' });
    expect(parseInternalLink('#Projets!F7')).toEqual({ sheet: 'Projets', cell: 'F7' });
    expect(parseInternalLink('https://example.org')).toBeNull();
  });

  it('groups equal neighbouring widths', () => {
    expect(
      widthRuns([
        { col: 2, width: 10 },
        { col: 0, width: 10 },
        { col: 1, width: 10 },
        { col: 4, width: 10 },
      ]),
    ).toEqual([
      { col: 0, count: 3, pixels: 75 },
      { col: 4, count: 1, pixels: 75 },
    ]);
  });
});
