import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellAddress } from '../../core/a1.js';
import { analyzeWorkbook } from '../../core/analysis.js';
import type { CellValue, WorkbookSnapshot } from '../../core/cells.js';
import { GENERATED_MARK_FR } from '../../core/generated.js';
import type { Issue } from '../../core/issues.js';
import { renderIssue } from '../../core/messages/index.js';
import { at, codes, sheet, workbook } from '../fixtures/workbook.js';
import { sampleWorkbook } from './grids/workbook.js';

const TODAY = '2022-01-15';

describe('analyzeWorkbook on a small realistic workbook', () => {
  const analysis = analyzeWorkbook(sampleWorkbook(), { today: TODAY });

  it('reads the records, first copy of a duplicate number only', () => {
    expect(analysis.projects.map((p) => p.id)).toEqual(['P-001', 'P-002', 'P-003', 'P-004']);
    expect(analysis.reviews).toHaveLength(5);
    expect(analysis.payments.map((p) => p.projectId)).toEqual(['P-001', 'P-099']);
    expect(analysis.years.map((y) => y.envelopeCents)).toEqual([0, 19_500_700, 9_750_300, 9_750_300]);
    expect(analysis.settings.years).toEqual(analysis.years);
  });

  it('evaluates eligibility, scores, ranks, recommends and keeps the books', () => {
    expect(analysis.eligibility.get('P-001')?.eligible).toBe(true);
    expect(analysis.eligibility.get('P-002')?.eligible).toBe(true);
    expect(analysis.eligibility.get('P-003')?.eligible).toBe(false);
    expect(analysis.scores.get('P-002')?.evaluations).toBe(2);
    expect(analysis.ranking.slice(0, 2).map((r) => [r.projectId, r.rank])).toEqual([
      ['P-001', 1],
      ['P-002', 2],
    ]);
    expect(analysis.recommendations.find((r) => r.projectId === 'P-001')?.status).toBe('committed');
    expect(analysis.recommendations.find((r) => r.projectId === 'P-002')?.status).toBe('recommended');
    const [, second, third] = analysis.ledger.years;
    expect(second).toMatchObject({ year: '2020-2021', committedCents: 8_959_800, paidCents: 4_479_900 });
    expect(third.carriedInCents).toBe(19_500_700 - 8_959_800);
  });

  it('gathers every issue, addressed, in sheet order then row then column', () => {
    expect(at(analysis.issues, 'project.duplicateId')).toEqual([
      'project.duplicateId@A8',
      'project.duplicateId@A9',
    ]);
    expect(at(analysis.issues, 'payment.unknownProject')).toEqual(['payment.unknownProject@A3']);
    expect(at(analysis.issues, 'cell.scoreInvalid')).toEqual(['cell.scoreInvalid@D6']);
    expect(at(analysis.issues, 'eligibility.reportDue')).toEqual([]);
    expect(codes(analysis.issues)).toContain('eligibility.organizations');
    const order = ['Budget prévisionnel', 'Projets', 'Grille de sélection', 'Versements'];
    const places = analysis.issues.map((i) => {
      const { row, col } = i.cell ? parseCellAddress(i.cell) : { row: -1, col: -1 };
      return [i.sheet === undefined ? -1 : order.indexOf(i.sheet), row, col];
    });
    const sorted = [...places].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(places).toEqual(sorted);
    const keys = analysis.issues.map((i) => JSON.stringify(i));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('exports the layouts other plans write formulas over', () => {
    expect(analysis.layouts.projects).toMatchObject({
      sheet: 'Projets',
      headerRow: 2,
      rows: [3, 4, 5, 7, 8],
    });
    expect(analysis.layouts.projects?.columns['granted 2020-2021']).toBe(12);
    expect(analysis.layouts.budget?.totalRow).toBe(9);
    expect(analysis.layouts.selection?.rows).toEqual([1, 2, 3, 4, 5]);
    expect(analysis.layouts.payments?.columns).toEqual({ id: 0, date: 1, amount: 2, type: 3 });
  });

  it('warns that an accepted project that ended owes its report', () => {
    const later = analyzeWorkbook(sampleWorkbook(), { today: '2022-06-01' });
    expect(at(later.issues, 'eligibility.reportDue')).toEqual(['eligibility.reportDue@P4']);
  });
});

describe('analyzeWorkbook: an amount that cannot be read is not zero', () => {
  /** The sample with P-001 granted 300 000 $ in 2021-2022, and `edit` applied to its sheets. */
  function withEdit(edit: (book: WorkbookSnapshot) => void) {
    const book = sampleWorkbook();
    const projects = book.sheets.find((s) => s.name === 'Projets')!;
    projects.values[3][13] = 300_000;
    edit(book);
    return analyzeWorkbook(book, { today: TODAY });
  }

  it('marks the year of an unreadable envelope, and every year after, incomplete: no deficit is asserted', () => {
    const readable = withEdit(() => {});
    expect(codes(readable.issues)).toContain('budget.deficit');
    expect(readable.ledger.years.map((y) => y.complete)).toEqual([true, true, true, true]);

    const analysis = withEdit((book) => {
      // The Total row's 2021-2022 envelope, in words.
      book.sheets.find((s) => s.name === 'Budget prévisionnel')!.values[9][3] = 'quatre-vingt-dix mille';
    });
    expect(analysis.ledger.years.map((y) => [y.year, y.complete])).toEqual([
      ['2019-2020', true],
      ['2020-2021', true],
      ['2021-2022', false],
      ['2022-2023', false],
    ]);
    expect(analysis.ledger.years[2].unreadable).toEqual([{ sheet: 'Budget prévisionnel', cell: 'D10' }]);
    expect(codes(analysis.issues)).not.toContain('budget.deficit');
    const incomplete = analysis.issues.filter((i) => i.code === 'budget.incomplete');
    expect(incomplete).toHaveLength(1);
    expect(incomplete[0]).toMatchObject({ severity: 'error', sheet: 'Budget prévisionnel', cell: 'D10' });
    expect(incomplete[0].params).toEqual({
      years: ['2021-2022', '2022-2023'],
      cells: ['Budget prévisionnel!D10'],
    });
  });

  it('counts an accepted project’s unreadable grant, not a refused one’s, and a payment only in its year', () => {
    const analysis = withEdit((book) => {
      const projects = book.sheets.find((s) => s.name === 'Projets')!;
      projects.values[3][12] = 'à confirmer'; // P-001, accepted, Accordé 2020-2021
      projects.values[4][13] = '#N/A'; // P-002, not accepted: changes no figure
    });
    expect(analysis.ledger.years.map((y) => y.complete)).toEqual([true, false, false, false]);
    expect(analysis.ledger.years[1].unreadable).toEqual([{ sheet: 'Projets', cell: 'M4' }]);

    const paid = withEdit((book) => {
      const payments = book.sheets.find((s) => s.name === 'Versements')!;
      payments.values[1][2] = 'la moitié';
    });
    // Versé only: the solde carried on does not depend on payments.
    expect(paid.ledger.years.map((y) => y.complete)).toEqual([true, false, true, true]);
  });
});

describe('analyzeWorkbook on workbooks that are not ours', () => {
  it('reports an empty workbook once and returns empty results', () => {
    const analysis = analyzeWorkbook({ sheets: [] }, { today: TODAY });
    expect(analysis.issues.map((i) => [i.code, i.severity])).toEqual([['sheet.noneFound', 'error']]);
    expect(analysis.projects).toEqual([]);
    expect(analysis.ranking).toEqual([]);
    expect(analysis.years).toHaveLength(4);
  });

  it('ignores sheets the tool generated, even under a staff sheet’s name', () => {
    const analysis = analyzeWorkbook(
      workbook(
        sheet('Projets', [
          ['Classement'],
          [GENERATED_MARK_FR],
          ['No', 'Titre'],
          ['P-001', 'Cuisines collectives'],
        ]),
      ),
      { today: TODAY },
    );
    expect(analysis.projects).toEqual([]);
    expect(codes(analysis.issues)).toEqual(['sheet.noneFound']);
  });

  it('reads English sheet names and says which sheets are missing', () => {
    const analysis = analyzeWorkbook(
      workbook(
        sheet('Projects', [
          ['ID', 'Title'],
          ['P-001', 'Food bank'],
        ]),
      ),
      {
        today: TODAY,
      },
    );
    expect(analysis.projects.map((p) => p.title)).toEqual(['Food bank']);
    expect(analysis.issues.filter((i) => i.code === 'sheet.missing').map((i) => i.params?.sheet)).toEqual([
      'Grille de sélection',
      'Versements',
    ]);
    expect(codes(analysis.issues)).toContain('forecast.sheetMissing');
  });

  it('names the sheets as the workbook names them: « Projects », not « Projets »', () => {
    const analysis = analyzeWorkbook(
      workbook(
        sheet('Projects', [
          ['ID', 'Title'],
          ['P-001', 'Food bank'],
        ]),
        sheet('Payments', [
          ['ID', 'Date', 'Amount'],
          ['P-404', new Date(Date.UTC(2021, 5, 1)), 1000],
        ]),
      ),
      { today: TODAY },
    );
    const unknown = analysis.issues.find((i) => i.code === 'payment.unknownProject')!;
    expect(renderIssue(unknown, 'en')).toMatch(/which is not in the Projects sheet\.$/);
    expect(renderIssue(unknown)).toMatch(/absent de la feuille Projects\.$/);
  });
});

/** Cells staff could type, with a bias towards what our readers look for. */
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    'No',
    'ID',
    'Titre',
    'Évaluateur',
    'Montant',
    'Date',
    'Décision',
    'Municipalités',
    'Priorités',
    'Fin',
    'Total',
    '2020-2021',
    '2021–2022',
    'Demandé 2020-2021',
    'Accordé 2021-2022',
    'Réponse aux priorités du plan',
    'Conflit d’intérêts',
    '195 007 $',
    '- $',
    '1,234',
    '7,5',
    'S.O.',
    'Oui',
    '#N/A',
    '#REF!',
    'Accepté',
    'Toutes',
    'Septembre 2019',
    '=1+1',
    'P-001',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1e6, max: 1e7 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant('x'.repeat(10_000)),
);

const sheetNames = fc.constantFrom(
  'Projets',
  'Projects',
  'Grille de sélection',
  'Versements',
  'Budget prévisionnel',
  'Paramètres',
  'Notes',
);

const randomWorkbook: fc.Arbitrary<WorkbookSnapshot> = fc
  .array(
    fc.record({
      name: sheetNames,
      rows: fc.array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 12 }),
    }),
    { maxLength: 5 },
  )
  .map((sheets) => workbook(...sheets.map((s) => sheet(s.name, s.rows))));

/** Known headers of each staff sheet, shuffled into a header row below random title rows. */
const HEADERS_BY_SHEET: Record<string, string[]> = {
  Projets: [
    'No',
    'Titre',
    'Organisme porteur',
    'Organismes partenaires',
    'Appuis',
    'Municipalités',
    'Priorités',
    'Début',
    'Fin',
    'Coût total',
    'Demandé 2020-2021',
    'Accordé 2020 – 2021',
    'Granted 2023-2024',
    'Décision',
    'Reddition reçue',
  ],
  'Grille de sélection': [
    'No',
    'Évaluateur',
    'Réponse aux priorités du plan',
    'Portée territoriale',
    'Pérennité',
    'Innovation',
    'Conflit d’intérêts',
    'Commentaire',
  ],
  Versements: ['No', 'Date', 'Montant', 'Type'],
  'Budget prévisionnel': ['Poste', '2019-2020', '2020-2021', '2021-2022', '2022-2023', '2023-2024', 'Total'],
};

const structuredSheet = fc
  .record({
    name: fc.constantFrom(...Object.keys(HEADERS_BY_SHEET)),
    titles: fc.array(fc.array(cellValue, { maxLength: 3 }), { maxLength: 3 }),
    order: fc.array(fc.nat(), { minLength: 15, maxLength: 15 }),
    keep: fc.integer({ min: 1, max: 15 }),
    rows: fc.array(fc.array(cellValue, { minLength: 4, maxLength: 12 }), { maxLength: 15 }),
  })
  .map(({ name, titles, order, keep, rows }) => {
    const headers = HEADERS_BY_SHEET[name]
      .map((header, i) => ({ header, rank: order[i] }))
      .sort((a, b) => a.rank - b.rank)
      .slice(0, keep)
      .map((h) => h.header);
    return sheet(name, [...titles, headers, ...rows]);
  });

/** Every issue with a cell names a sheet of the workbook and a cell inside its grid. */
function expectIssuesInside(snapshot: WorkbookSnapshot, issues: readonly Issue[]): void {
  for (const found of issues) {
    if (found.cell === undefined) continue;
    const target = snapshot.sheets.find((s) => s.name === found.sheet);
    expect(target, `${found.code} on ${found.sheet}`).toBeDefined();
    const { row, col } = parseCellAddress(found.cell);
    expect(row, found.code).toBeLessThan(target!.values.length);
    expect(col, found.code).toBeLessThan(Math.max(0, ...target!.values.map((r) => r.length)));
  }
}

describe('analyzeWorkbook on random grids', () => {
  it('reads random rows under real headers without throwing, every issue inside its sheet', () => {
    fc.assert(
      fc.property(fc.array(structuredSheet, { minLength: 1, maxLength: 4 }), (sheets) => {
        const snapshot = workbook(...sheets);
        const analysis = analyzeWorkbook(snapshot, { today: TODAY });
        expect(codes(analysis.issues)).not.toContain('sheet.internalError');
        expectIssuesInside(snapshot, analysis.issues);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, and every addressed issue points inside its sheet', () => {
    fc.assert(
      fc.property(randomWorkbook, (snapshot) => {
        const analysis = analyzeWorkbook(snapshot, { today: TODAY });
        expect(codes(analysis.issues)).not.toContain('sheet.internalError');
        expectIssuesInside(snapshot, analysis.issues);
      }),
      { numRuns: 200 },
    );
  });
});
