import { describe, expect, it } from 'vitest';
import {
  applyResolved,
  needsTextMarker,
  readSnapshot,
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
      const before = readSnapshot(asSpreadsheet(book));
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
    const { spreadsheet } = setup();
    const snapshot = readSnapshot(spreadsheet);
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
    const { spreadsheet } = setup({ sheets: [{ name: 'Vide', values: [] }] });
    expect(readSnapshot(spreadsheet).sheets[0].values).toEqual([[null]]);
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

  it('writes a core date (UTC midnight) as the same calendar day in the script time zone', () => {
    // Apps Script runs in the script's time zone (appsscript.json): Montreal, five hours behind UTC.
    const previous = process.env.TZ;
    process.env.TZ = 'America/Montreal';
    try {
      const { book, apply } = setup();
      const day = new Date(Date.UTC(2020, 1, 3));
      const instant = new Date(Date.UTC(2020, 1, 3, 14, 3, 5));
      apply(
        plan([{ sheet: 'Dates', mode: 'replace', blocks: [{ row: 0, col: 0, values: [[day], [instant]] }] }]),
      );
      const written = book.sheet('Dates').cellAt(1, 1).value as Date;
      expect(written.toISOString()).toBe('2020-02-03T05:00:00.000Z');
      expect([written.getFullYear(), written.getMonth(), written.getDate(), written.getHours()]).toEqual([
        2020, 1, 3, 0,
      ]);
      expect((book.sheet('Dates').cellAt(2, 1).value as Date).toISOString()).toBe(instant.toISOString());
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
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
      const { book, spreadsheet, apply } = setup({
        sheets: [
          { name: 'Projets', values: [['No', 'Organisme porteur', 'Accordé 2020-2021'], ...projects] },
        ],
      });
      book.counter.reset();
      readSnapshot(spreadsheet);
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
    expect(toSheetsValue('-5 $')).toBe("'-5 $");
    expect(toSheetsValue({ formula: '=SUM(A1:A2)' })).toBe('=SUM(A1:A2)');
    expect(toSheetsValue(null)).toBe('');
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
