import { describe, expect, it } from 'vitest';
import { runAction } from '../../../core/actions.js';
import { analyzeWorkbook } from '../../../core/analysis.js';
import type { WorkbookSnapshot } from '../../../core/cells.js';
import { isGeneratedSheet, TOOL_FIGURE_FILL } from '../../../core/generated.js';
import { renderIssue } from '../../../core/messages/index.js';
import { rangeEnd, SUMMARY_HEADERS, summaryPlan, summaryTextSources } from '../../../core/plans/summary.js';
import { MONEY_FORMAT } from '../../../core/values/money.js';
import { applyPlanToSnapshot, sheetOf } from '../../fakes/memory-writer.js';
import { sheet } from '../../fixtures/workbook.js';
import { NOW, sampleWorkbook } from './fixture.js';

function written(snapshot: WorkbookSnapshot, options: { converted?: ReadonlySet<string> } = {}) {
  const analysis = analyzeWorkbook(snapshot, { today: '2026-11-27' });
  const result = summaryPlan(analysis, snapshot, { now: NOW, ...options });
  const workbook = applyPlanToSnapshot(snapshot, {
    action: 'summary',
    sheets: [result.sheet],
    changedCells: 0,
  });
  return { analysis, result, workbook, sheet: sheetOf(workbook, result.sheet.sheet) };
}

/** The sample after Reformater: every amount and date a number, as the formulas read them. */
function tidied(): WorkbookSnapshot {
  const snapshot = sampleWorkbook();
  return applyPlanToSnapshot(snapshot, runAction('reformat', snapshot, { now: NOW }).plan);
}

describe('Sommaire budgétaire', () => {
  it('is a generated sheet with the exact headers, one row per program year, then Total', () => {
    const { sheet, result } = written(sampleWorkbook());
    expect(result.sheet.sheet).toBe('Sommaire budgétaire');
    expect(result.sheet.mode).toBe('replace');
    expect(isGeneratedSheet(sheet)).toBe(true);
    expect(sheet.values[3].slice(0, 8)).toEqual([...SUMMARY_HEADERS, null]);
    expect(sheet.values.slice(4, 9).map((r) => r[0])).toEqual([
      '2019-2020',
      '2020-2021',
      '2021-2022',
      '2022-2023',
      'Total',
    ]);
    expect(sheet.frozenRows).toBe(4);
    expect(sheet.bold[3][0]).toBe(true);
  });

  it('reads each envelope as a SUM of numbers from the Total row of Budget prévisionnel', () => {
    const { sheet } = written(tidied());
    // 2020-2021 is column C of the budget; its Total row is row 7.
    expect(sheet.formulas[5][1]).toBe("=SUM('Budget prévisionnel'!C7)");
    expect(sheet.formulas[7][1]).toBe("=SUM('Budget prévisionnel'!E7)");
  });

  it('never writes a formula that turns text into a number (what a locale would misread)', () => {
    for (const snapshot of [sampleWorkbook(), tidied()]) {
      const { sheet } = written(snapshot);
      const formulas = sheet.formulas.flat().filter((f): f is string => typeof f === 'string');
      expect(formulas.length).toBeGreaterThan(20);
      for (const f of formulas) {
        // No coercion of a cell's text: `*1`, `--`, VALUE, NUMBERVALUE, DATEVALUE; the only
        // SUBSTITUTE folds the « é » of a decision word (LOWER(TRIM(Décision))).
        expect(f, f).not.toMatch(/\*1(?![0-9])|--|\bVALUE\(|NUMBERVALUE\(|DATEVALUE\(/);
        expect(f, f).not.toMatch(/SUBSTITUTE\((?!LOWER\(TRIM\()/);
      }
    }
  });

  it('sums the envelope rows when the budget has no Total row', () => {
    const snapshot = tidied();
    const budget = snapshot.sheets.find((s) => s.name === 'Budget prévisionnel')!;
    budget.values = budget.values.slice(0, 6);
    const { sheet } = written(snapshot);
    expect(sheet.formulas[5][1]).toBe("=SUM('Budget prévisionnel'!C5:C6)");
  });

  it('commits the Accordé column of each year over accepted projects, whatever the column order', () => {
    const { sheet } = written(tidied());
    const committed2020 = sheet.formulas[5][4]!;
    // Projets: Décision in A, Accordé 2021-2022 in B, No in C, Accordé 2020-2021 in E; data from row 3.
    expect(committed2020).toMatch(/^=SUMPRODUCT\(/);
    expect(committed2020).toContain('TRIM(Projets!C3:C1000&"")<>""');
    expect(committed2020).toContain('SUBSTITUTE(LOWER(TRIM(Projets!A3:A1000&"")),"é","e")');
    // The amounts are SUMPRODUCT's own array: text there counts as 0, never parsed.
    expect(committed2020).toMatch(/,Projets!E3:E1000\)$/);
    expect(sheet.formulas[6][4]).toMatch(/,Projets!B3:B1000\)$/);
    // No Accordé 2022-2023 column: nothing can be committed that year.
    expect(sheet.values[7][4]).toBe(0);
    expect(sheet.formulas[7][4]).toBeNull();
  });

  it('shows the tool’s figure, shaded, where a source holds text, and names the cells', () => {
    const { sheet, result, analysis } = written(sampleWorkbook());
    // The budget's Total row is text (« 195 007 $ »): no formula reads it.
    expect(sheet.formulas[5][1]).toBeNull();
    expect(sheet.values[5][1]).toBe(195007);
    expect(sheet.fills[5][1]).toBe(TOOL_FIGURE_FILL);
    expect(sheet.values[5][8]).toBe('chiffre de l’outil');
    // P-01's Accordé 2020-2021 « 89 598 $ » is text: Engagé 2020-2021 is the ledger's figure too.
    expect(sheet.values[5][4]).toBe(analysis.ledger.years[1].committedCents / 100);
    // Derived figures stay formulas over the table.
    expect(sheet.formulas[5][3]).toBe('=B6+C6');
    expect(sheet.values[10][0]).toMatch(/^Cases grises/);
    const found = result.issues.filter((i) => i.code === 'summary.toolFigure');
    expect(found[0]).toMatchObject({
      severity: 'warning',
      sheet: 'Budget prévisionnel',
      cell: 'C7',
      params: { year: '2020-2021', column: 'Enveloppe', cells: ['Budget prévisionnel!C7'], unreadable: 0 },
    });
    expect(renderIssue(found[0])).toContain('Budget prévisionnel!C7');
    // Converted first, the same cells read as numbers: a live formula, no shade, no warning.
    const converted = written(sampleWorkbook(), {
      converted: new Set(['Budget prévisionnel!C7', 'Budget prévisionnel!D7', 'Budget prévisionnel!E7']),
    });
    expect(converted.sheet.formulas[5][1]).toBe("=SUM('Budget prévisionnel'!C7)");
    expect(converted.sheet.fills[5][1]).toBeNull();
    expect(converted.result.issues.filter((i) => i.params?.column === 'Enveloppe')).toEqual([]);
  });

  it('says an unreadable source cannot be converted, and leaves « - $ » alone', () => {
    const snapshot = tidied();
    const payments = snapshot.sheets.find((s) => s.name === 'Versements')!;
    payments.values[3][0] = 'la moitié'; // P-02, 2021-05-10: Versé 2021-2022
    const budget = snapshot.sheets.find((s) => s.name === 'Budget prévisionnel')!;
    budget.values[6][1] = '- $'; // 2019-2020: nothing, read either way
    const { sheet, result } = written(snapshot);
    expect(sheet.formulas[4][1]).toBe("=SUM('Budget prévisionnel'!B7)");
    expect(sheet.formulas[6][5]).toBeNull();
    const found = result.issues.find((i) => i.code === 'summary.toolFigure');
    expect(found).toMatchObject({ sheet: 'Versements', cell: 'A4' });
    expect(found?.params).toMatchObject({ column: 'Versé', year: '2021-2022', unreadable: 1 });
    expect(renderIssue(found!)).toContain('corrigez-la');
    // Versé only: 2021-2022 is incomplete, the solde carried on is not; said under the table.
    expect(sheet.values[11][0]).toBe('Incomplet\u00a0: 2021-2022 (un montant illisible y compte pour 0).');
    expect(sheet.values[12][0]).toBe('Par priorité');
    expect(summaryTextSources(analyzeWorkbook(snapshot, { today: '2026-11-27' }), snapshot)[2][5]).toEqual([
      { sheet: 'Versements', cell: 'A4', convertible: false, kind: 'money' },
    ]);
  });

  it('commits what the latest decision of Décisions grants, live over the projects it does not name', () => {
    const snapshot = sampleWorkbook();
    // P-01 is « Accepté » in Projets with 89 598 $ in 2020-2021; the council later cut it to 60 000 $.
    snapshot.sheets.push(
      sheet('Décisions', [
        ['No', 'Date', 'Décision', 'Accordé 2020-2021', 'Accordé 2021-2022'],
        ['P-01', new Date(Date.UTC(2020, 10, 10)), 'Accepté', 89598, 55564],
        ['P-01', new Date(Date.UTC(2021, 0, 12)), 'Accepté', 60000, 55564],
      ]),
    );
    const { sheet: summary, analysis } = written(snapshot);
    const year = analysis.ledger.years.find((y) => y.year === '2020-2021')!;
    // The ledger follows Décisions (60 000 $ + P-02's 58 200 $). The Sommaire stays live over the
    // projects Décisions does not name and adds the ledger's figure for the ones it names.
    expect(year.committedCents).toBe(11_820_000);
    const committed = summary.formulas[5][4]!;
    expect(committed).toMatch(/^=SUMPRODUCT\(.*\)\+60000$/);
    expect(committed).toContain("*(COUNTIF('Décisions'!A2:A1000,Projets!C3:C1000)=0)*");
    // An empty Décisions sheet changes nothing.
    const empty = sampleWorkbook();
    empty.sheets.push(sheet('Décisions', [['No', 'Date', 'Décision', 'Accordé 2020-2021']]));
    expect(written(empty).sheet.formulas[5][4]).toBe(written(sampleWorkbook()).sheet.formulas[5][4]);
  });

  it('pays by fiscal year of the Versements dates, only to projects listed in Projets', () => {
    const { sheet } = written(tidied());
    const paid = sheet.formulas[5][5]!;
    expect(paid).toContain('COUNTIF(Projets!C3:C1000,Versements!C2:C1000)>0');
    // A date typed as text is no date to the formula, whatever the locale.
    expect(paid).toContain('ISNUMBER(Versements!D2:D1000)*(Versements!D2:D1000>=DATE(2020,4,1))');
    expect(paid).toContain('(Versements!D2:D1000<DATE(2021,4,1))');
    expect(paid).toMatch(/,Versements!A2:A1000\)$/);
  });

  it('chains the carry-forward and totals with formulas', () => {
    const { sheet } = written(sampleWorkbook());
    expect(sheet.values[4][2]).toBe(0);
    expect(sheet.formulas[5][2]).toBe('=G5');
    expect(sheet.formulas[5][3]).toBe('=B6+C6');
    expect(sheet.formulas[5][6]).toBe('=D6-E6');
    expect(sheet.formulas[8].slice(1, 7)).toEqual([
      '=SUM(B5:B8)',
      null,
      null,
      '=SUM(E5:E8)',
      '=SUM(F5:F8)',
      '=G8',
    ]);
    expect(sheet.values[8][2]).toBeNull();
    expect(sheet.values[8][3]).toBeNull();
    for (let row = 4; row <= 8; row++) {
      for (const col of [1, 4, 5, 6]) expect(sheet.numberFormats[row][col]).toBe(MONEY_FORMAT);
    }
  });

  it('writes the core ledger next to the table and a check per figure comparing both', () => {
    const { sheet, analysis } = written(tidied());
    const y2020 = analysis.ledger.years[1];
    expect(sheet.values[2][8]).toBe('Contrôle');
    expect(sheet.values[3].slice(8, 14)).toEqual([
      'Écart enveloppe',
      'Écart report reçu',
      'Écart disponible',
      'Écart engagé',
      'Écart versé',
      'Écart solde reporté',
    ]);
    expect(sheet.values[5].slice(15, 21)).toEqual([195007, 0, 195007, 147798, 89598, 47209]);
    expect(y2020.balanceCents).toBe(4_720_900);
    // Total row: Σ enveloppes, blank, blank, Σ engagé, Σ versé, non utilisé.
    expect(sheet.values[8].slice(15, 21)).toEqual([390013, null, null, 203362, 118698, 186651]);
    expect(analysis.ledger.lapsedCents).toBe(18_665_100);
    expect(sheet.formulas[5][8]).toBe('=IFERROR(IF(ABS(B6-P6)<0.005,"OK",B6-P6),"Erreur")');
    expect(sheet.formulas[5][13]).toBe('=IFERROR(IF(ABS(G6-U6)<0.005,"OK",G6-U6),"Erreur")');
    expect(sheet.formulas[8][9]).toBeNull();
    expect(sheet.numberFormats[5][8]).toBe(MONEY_FORMAT);
    expect(sheet.numberFormats[5][18]).toBe(MONEY_FORMAT);
  });

  it('says what lapses, follows with a table by priority and a chart of envelope, committed, paid and carried', () => {
    const { sheet, result, analysis } = written(sampleWorkbook());
    // Under the Total row: the unused amount in words, the last year's carry-forward as a formula.
    expect(sheet.values[9][0]).toBe('Non utilisé à la fin du programme');
    expect(sheet.formulas[9][6]).toBe('=G9');
    expect(sheet.values[9][6]).toBeNull();
    expect(analysis.ledger.lapsedCents).toBe(analysis.ledger.years[3].balanceCents);
    expect(sheet.values[18][0]).toBe(
      'Un projet visant plusieurs priorités compte pour une part égale de ses montants dans chacune.',
    );
    expect(sheet.values[11][0]).toBe('Par priorité');
    expect(sheet.values[12].slice(0, 5)).toEqual(['Priorité', 'Projets', 'Demandé', 'Engagé', 'Versé']);
    expect(sheet.values[15].slice(0, 5)).toEqual(['3 - Habitation', 1, 58200, 58200, 29100]);
    expect(sheet.formulas[17][3]).toBe('=SUM(D14:D17)');
    expect(result.sheet.charts).toEqual([
      {
        type: 'column',
        title: 'Enveloppe, engagé, versé et solde reporté par exercice',
        categories: 'A5:A8',
        series: [
          { name: 'Enveloppe', values: 'B5:B8' },
          { name: 'Engagé', values: 'E5:E8' },
          { name: 'Versé', values: 'F5:F8' },
          { name: 'Solde reporté', values: 'G5:G8' },
        ],
        // Over A21:G36, the printed columns: 34 + 6 × 16 characters wide, 16 rows of 20 px.
        anchor: 'A21',
        end: 'G36',
        width: 34 * 7 + 5 + 6 * (16 * 7 + 5),
        height: 320,
      },
    ]);
  });

  it('ends with each project’s grant, payments and what remains, on a page of its own', () => {
    const { sheet, result, analysis } = written(tidied());
    const title = sheet.values.findIndex((row) => row[0] === 'Par projet');
    // After the chart (A21:G36), a page break before the table.
    expect(title).toBe(37);
    expect(result.sheet.pageSetup?.rowBreaks).toEqual([title]);
    expect(sheet.values[title + 1].slice(0, 4)).toEqual(['Projet', 'Accordé', 'Versé', 'Reste à verser']);
    const ledger = analysis.ledger.projects.find((p) => p.projectId === 'P-01')!;
    expect(sheet.values[title + 2].slice(0, 4)).toEqual([
      'P-01 — Cuisines collectives maskoutaines',
      ledger.committedCents / 100,
      ledger.paidCents / 100,
      ledger.remainingCents / 100,
    ]);
    const total = sheet.values.findIndex((row, i) => i > title && row[0] === 'Total');
    expect(sheet.formulas[total].slice(1, 4)).toEqual([
      `=SUM(B${title + 3}:B${total})`,
      `=SUM(C${title + 3}:C${total})`,
      `=SUM(D${title + 3}:D${total})`,
    ]);
    // Refused and withdrawn projects with neither grant nor payment are not listed.
    const listed = sheet.values.slice(title + 2, total).map((row) => String(row[0]).split(' — ')[0]);
    expect(listed).toEqual(
      analysis.ledger.projects.filter((p) => p.committedCents || p.paidCents).map((p) => p.projectId),
    );
    // The print runs to the note under the table.
    expect(result.sheet.pageSetup?.printArea).toBe(`A1:G${total + 2}`);
  });

  it('extends the source ranges well past the last data row', () => {
    expect(rangeEnd({ headerRow: 0, rows: [1, 2, 3] })).toBe(1000);
    expect(rangeEnd({ headerRow: 0, rows: [1, 2, 1199] })).toBe(1700);
  });

  it('never overwrites a staff sheet named « Sommaire budgétaire »: writes « Sommaire budgétaire (2) »', () => {
    const snapshot = sampleWorkbook();
    snapshot.sheets.push({
      name: 'Sommaire budgétaire',
      values: [['Notes du comité'], ['Rencontre du 3 février 2020']],
    });
    const { workbook, result } = written(snapshot);
    expect(result.sheet.sheet).toBe('Sommaire budgétaire (2)');
    expect(result.issues.map((i) => i.code)).toContain('action.renamedSheet');
    expect(sheetOf(workbook, 'Sommaire budgétaire').values).toEqual([
      ['Notes du comité'],
      ['Rencontre du 3 février 2020'],
    ]);
    expect(sheetOf(workbook, 'Sommaire budgétaire (2)').values[3][0]).toBe('Exercice');
    // Written again: the tool's own sheet is replaced, no third copy.
    const again = written(workbook);
    expect(again.result.sheet.sheet).toBe('Sommaire budgétaire (2)');
  });

  it('writes the core values when a source sheet is missing', () => {
    const snapshot = sampleWorkbook();
    snapshot.sheets = snapshot.sheets.filter(
      (s) => s.name !== 'Budget prévisionnel' && s.name !== 'Versements',
    );
    const { sheet } = written(snapshot);
    expect(sheet.values.slice(4, 8).map((r) => r[1])).toEqual([0, 195007, 97503, 97503]);
    expect(sheet.values[5][5]).toBe(0);
    expect(sheet.formulas[6][4]).toContain('Projets!B3:B1000');
  });
});
