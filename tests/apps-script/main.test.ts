/**
 * The menu and sidebar server functions over the counted SpreadsheetApp fake: every action makes
 * the same calls at 10 and at 10 000 projects, none of them per cell (a changed staff cell costs
 * one call per run of changed cells), holds the document lock, and never overwrites a colleague.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { allianceRun, confirmText, menuAction } from '../../apps-script/main.js';
import { readSnapshot } from '../../apps-script/sheets-adapter.js';
import { ACTIONS, type ActionName, changesCells } from '../../core/action-table.js';
import { runAction } from '../../core/actions.js';
import type { CellValue, WorkbookSnapshot } from '../../core/cells.js';
import { PRESET_SETTINGS } from '../../core/settings.js';
import { resolvePlan } from '../../core/writes.js';
import { asServices, asSpreadsheet, FakeSpreadsheet, fakeServices } from '../fakes/spreadsheet-app.js';

const MUNICIPALITY_TEXTS = [
  'St-Hyacinthe; Saint-Pie; Saint-Damase; La Présentation; Saint-Dominique',
  'Ste-Madeleine, Sainte-Marie-Madeleine',
  'Toutes',
];

/** A staff workbook with `count` projects, each with the usual mess (amounts as text, St-…). */
function workbook(count: number): WorkbookSnapshot {
  const criteria = PRESET_SETTINGS.criteria.map((c) => c.name);
  const projects: CellValue[][] = [];
  const reviews: CellValue[][] = [];
  const payments: CellValue[][] = [];
  for (let i = 0; i < count; i++) {
    const id = `P-${String(i + 1).padStart(5, '0')}`;
    const accepted = i % 4 === 0;
    projects.push([
      id,
      `Cuisines collectives ${i + 1}`,
      'Moisson Maskoutaine',
      i % 3 === 0 ? 'Centre d’entraide maskoutain' : 'Contact Richelieu-Yamaska',
      i % 5 === 0 ? 'Ville de Saint-Hyacinthe' : '',
      MUNICIPALITY_TEXTS[i % MUNICIPALITY_TEXTS.length],
      i % 2 === 0 ? '1; 4' : 'Habitation',
      new Date(Date.UTC(2020, 8, 1)),
      new Date(Date.UTC(2022, 2, 31)),
      i % 2 === 0 ? '25 350,72 $' : 58200,
      i % 2 === 0 ? '12 000 $' : 8000,
      accepted ? 8000 : null,
      accepted ? 'Accepté' : 'En analyse',
    ]);
    reviews.push([id, 'Évaluatrice A', ...criteria.map((_, c) => ((i + c) % 10) + 1), 'Non']);
    if (accepted) payments.push([id, new Date(Date.UTC(2021, 0, 15)), 4000, 'Premier versement']);
  }
  return {
    sheets: [
      {
        name: 'Budget prévisionnel',
        values: [
          ['BUDGET PRÉVISIONNEL', null, null, null, null, null],
          ['Poste', '2019-2020', '2020-2021', '2021-2022', '2022-2023', 'Total'],
          ['Total', '- $', '195 007 $', 97503, 97503, 390013],
        ],
      },
      {
        name: 'Projets',
        values: [
          [
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
            'Accordé 2020-2021',
            'Décision',
          ],
          ...projects,
        ],
      },
      {
        name: 'Grille de sélection',
        values: [['No', 'Évaluateur', ...criteria, 'Conflit d’intérêts'], ...reviews],
      },
      { name: 'Versements', values: [['No', 'Date', 'Montant', 'Type'], ...payments] },
    ],
  };
}

const GLOBALS = [
  'SpreadsheetApp',
  'HtmlService',
  'Charts',
  'Logger',
  'Session',
  'LockService',
  'Utilities',
] as const;

/** Installs the fakes as Apps Script globals (main.ts reads them at call time). */
function install(book: FakeSpreadsheet): void {
  Object.assign(globalThis, fakeServices(book));
}

afterEach(() => {
  for (const name of GLOBALS) delete (globalThis as Record<string, unknown>)[name];
});

describe('actions through the Sheets host', () => {
  it('make the same calls at 10 and 2 000 projects, never per cell; changed cells cost one call per run', () => {
    const counts = (rows: number) => {
      const result: Partial<Record<ActionName, Record<string, number>>> = {};
      const book = FakeSpreadsheet.fromSnapshot(workbook(rows));
      install(book);
      // Same order as staff would: reformat first so that undo has something to restore.
      for (const action of [
        'validate',
        'summary',
        'rank',
        'followup',
        'reformat',
        'undo',
        'template',
      ] as ActionName[]) {
        const snapshot = readSnapshot(asSpreadsheet(book), asServices(fakeServices(book)));
        const planned = runAction(action, snapshot, { lang: 'fr', now: new Date() });
        const runs = resolvePlan(planned.plan, snapshot).resolved.sheets.reduce(
          (n, s) => n + s.runs.length,
          0,
        );
        book.counter.reset();
        const outcome = allianceRun(action, 'fr');
        expect(outcome.ok, `${action} at ${rows}: ${outcome.summary}`).toBe(true);
        const calls = book.counter.snapshot();
        // Growing a sheet past its 1 000 rows is one call, only when needed.
        delete calls['Sheet.insertRowsAfter'];
        expect(calls['Range.getValue'] ?? 0, action).toBe(0);
        expect(calls['Range.setValue'] ?? 0, action).toBe(0);
        expect(calls['SpreadsheetApp.flush'], action).toBe(1);
        expect(calls['Lock.tryLock'], action).toBe(1);
        expect(calls['Lock.releaseLock'], action).toBe(1);
        // Only changed cells are written: a staff sheet's runs of changed cells, one call each.
        expect(calls['Range.setValues'] ?? 0, action).toBeLessThanOrEqual(runs);
        if (changesCells(action)) {
          delete calls['Range.setValues'];
          delete calls['Range.setNumberFormats'];
          delete calls['Range.getNumberFormats'];
          delete calls['Sheet.getRange'];
        }
        result[action] = calls;
      }
      return result;
    };
    const small = counts(10);
    // 200 times the rows: a call per row or per cell would show. `npm run bench` counts at 10 000.
    const large = counts(2_000);
    for (const action of ACTIONS) expect(large[action], action).toEqual(small[action]);
    // Seven whole actions on 2 000 projects: a limit for a busy 2-core machine, not a speed target.
  }, 240_000);

  it('a colleague’s edit made while the menu asks is never overwritten, and is reported', () => {
    const book = FakeSpreadsheet.fromSnapshot(workbook(12));
    install(book);
    const projets = book.sheet('Projets');
    const amount = projets.valuesForTest()[1][9];
    expect(amount).toBe('25 350,72 $');
    book.onAlert(() => {
      // The colleague retypes the amount of P-00001 while the question is open.
      projets.cellFor(2, 10).value = '26 000 $';
      return 'YES';
    });
    menuAction('reformat');
    expect(projets.valuesForTest()[1][9]).toBe('26 000 $');
    // The other text amounts were converted, and the Journal records only those.
    expect(projets.valuesForTest()[3][9]).toBe(25350.72);
    const journal = book.sheet('Journal').valuesForTest();
    expect(journal.some((row) => row[4] === 'J2')).toBe(false);
    expect(journal.some((row) => row[4] === 'J4')).toBe(true);
    expect(book.toasts.at(-1)).toMatch(/1 cellule modifiée entre-temps a été laissée telle quelle/);
  });

  it('tells the second user that an action is running, and writes nothing', () => {
    const book = FakeSpreadsheet.fromSnapshot(workbook(4));
    install(book);
    book.documentLock.holdElsewhere();
    const before = book.sheet('Projets').valuesForTest();
    expect(() => allianceRun('validate', 'fr')).toThrow(/Une autre opération Alliance est en cours/);
    menuAction('reformat');
    expect(book.alerts.at(-1)?.prompt).toMatch(/Une autre opération Alliance est en cours/);
    expect(book.sheet('Projets').valuesForTest()).toEqual(before);
    expect(book.sheets.map((s) => s.name)).not.toContain('Journal');
  });

  it('reformat from the menu asks with the cell count, then undo restores every cell', () => {
    const book = FakeSpreadsheet.fromSnapshot(workbook(12));
    install(book);
    const before = book.sheet('Projets').valuesForTest();
    menuAction('validate');
    menuAction('reformat');
    expect(book.alerts).toHaveLength(1);
    expect(book.alerts[0].title).toBe('Alliance — Reformater');
    expect(book.alerts[0].prompt).toMatch(/^\d+ cellules seront modifiées\./);
    expect(book.sheet('Projets').valuesForTest()).not.toEqual(before);
    menuAction('undo');
    expect(book.sheet('Projets').valuesForTest()).toEqual(before);
  });

  it('summary from the menu offers to convert its text sources first: Oui converts, Non shades, Annuler writes nothing', () => {
    const answered = (answer: 'YES' | 'NO' | 'CANCEL') => {
      const book = FakeSpreadsheet.fromSnapshot(workbook(8));
      install(book);
      book.onAlert((alert) => {
        expect(alert.buttons).toBe('YES_NO_CANCEL');
        return answer;
      });
      menuAction('summary');
      return book;
    };
    const no = answered('NO');
    expect(no.alerts[0].prompt).toMatch(/^Le Sommaire lit une cellule saisie en texte/);
    expect(no.sheet('Budget prévisionnel').valuesForTest()[2][2]).toBe('195 007 $');
    expect(no.sheets.map((s) => s.name)).not.toContain('Journal');
    const shaded = no.sheet('Sommaire budgétaire');
    expect(shaded.valuesForTest()[5][1]).toBe(195007);

    const yes = answered('YES');
    expect(yes.sheet('Budget prévisionnel').valuesForTest()[2][2]).toBe(195007);
    expect(
      yes
        .sheet('Journal')
        .valuesForTest()
        .some((row) => row.includes('C3')),
    ).toBe(true);
    expect(yes.sheets.map((s) => s.name)).toContain('Sommaire budgétaire');

    const cancel = answered('CANCEL');
    expect(cancel.sheets.map((s) => s.name)).not.toContain('Sommaire budgétaire');
    expect(cancel.toasts.at(-1)).toMatch(/annulée/);
  });

  it('says the cell count in French', () => {
    expect(confirmText(1)).toMatch(/^1 cellule sera modifiée\./);
    expect(confirmText(23)).toMatch(/^23 cellules seront modifiées\./);
    expect(confirmText(12345)).toMatch(/^12\u00a0345 cellules seront modifiées\./);
  });
});

describe('protected sheets and ranges in Sheets', () => {
  /** A protection the running user may not edit: the owner keeps it to themself. */
  function lockedFor(book: FakeSpreadsheet, protection: ReturnType<FakeSpreadsheet['addProtection']>) {
    protection.removeEditors(protection.getEditors());
    expect(protection.canEdit()).toBe(false);
    return book;
  }

  it('refuses an action that would write into a protected range, names it, and writes nothing', () => {
    const book = FakeSpreadsheet.fromSnapshot(workbook(10));
    install(book);
    // Coût total (J) of the first projects, typed as text: Reformater would convert them.
    lockedFor(book, book.sheet('Projets').tracked.getRange('J2:J4').protect());
    const before = JSON.stringify(book.sheets.map((s) => s.valuesForTest()));
    book.counter.reset();
    const result = allianceRun('reformat', 'fr');
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(
      /^La plage J2:J4 de la feuille\s«\sProjets\s» est protégée\s: rien n’a été écrit\./,
    );
    expect(book.counter.get('Range.setValues')).toBe(0);
    expect(JSON.stringify(book.sheets.map((s) => s.valuesForTest()))).toBe(before);
    expect(book.sheets.map((s) => s.name)).not.toContain('Journal');
  });

  it('refuses a protected sheet, but writes inside the ranges it leaves editable', () => {
    const book = FakeSpreadsheet.fromSnapshot(workbook(10));
    install(book);
    const projets = book.sheet('Projets').tracked;
    const sheetLock = lockedFor(book, projets.protect()) && book.protections[0];
    const refused = allianceRun('reformat', 'fr');
    expect(refused.ok).toBe(false);
    expect(refused.summary).toMatch(/^La feuille\s«\sProjets\s» est protégée/);
    // The header row stays protected; the project rows are left open to staff.
    sheetLock.setUnprotectedRanges([projets.getRange('A2:M11')]);
    const done = allianceRun('reformat', 'fr');
    expect(done.ok, done.summary).toBe(true);
    expect(book.sheet('Projets').cellAt(2, 10).value).toBe(25350.72);
  });

  it('after a write refused part-way, the Journal says which cells were not written, and Annuler restores the rest', () => {
    const book = FakeSpreadsheet.fromSnapshot(workbook(10));
    install(book);
    const original = book.sheet('Projets').valuesForTest();
    lockedFor(book, book.sheet('Projets').tracked.getRange('J5').protect());
    // Protected after the read: the read sees no protection, the write meets it.
    const listed = book.getProtections.bind(book);
    let reads = 0;
    book.getProtections = (type: string) => (reads++ < 2 ? [] : listed(type));
    const result = allianceRun('reformat', 'fr');
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/^Écriture interrompue/);
    const journal = book.sheet('Journal').valuesForTest();
    const header = journal.findIndex((row) => row[0] === 'Opération');
    const rows = journal.slice(header + 1).filter((row) => row[0]);
    const projets = book.sheet('Projets');
    const states = new Set(rows.map((row) => row[8]));
    expect(states).toEqual(new Set(['Appliquée', 'Non appliquée']));
    for (const row of rows) {
      const [, col, line] = /^([A-Z]+)(\d+)$/.exec(String(row[4])) ?? [];
      const now = book.sheet(String(row[3])).cellAt(Number(line), col.charCodeAt(0) - 64).value;
      // Applied: the cell holds the new value; not applied: it still holds the old one.
      expect(row[8] === 'Appliquée' ? now !== row[5] : now === row[5], JSON.stringify([row, now])).toBe(true);
    }
    book.getProtections = listed;
    book.protections.length = 0;
    expect(allianceRun('undo', 'fr').ok).toBe(true);
    expect(projets.valuesForTest()).toEqual(original);
  });

  it('lets a warning-only protection be, as Sheets lets a script write through it', () => {
    const book = FakeSpreadsheet.fromSnapshot(workbook(10));
    install(book);
    book.sheet('Projets').tracked.getRange('J2:J4').protect().setWarningOnly(true);
    expect(allianceRun('reformat', 'fr').ok).toBe(true);
  });
});

describe('nothing lost in Sheets', () => {
  it('Reformater never writes an array formula’s outputs nor the rich text between the cells it changes', () => {
    const book = FakeSpreadsheet.fromSnapshot(workbook(6));
    install(book);
    const projets = book.sheet('Projets');
    // Coût total (J): P-00002 and P-00004 become the outputs of a staff QUERY, anchored at J3.
    projets.cellFor(3, 10).value = '';
    projets.cellFor(4, 10).value = '';
    // Sheets gives no array's extent: an output is read as the run of filled cells below its anchor.
    projets.cellFor(5, 10).value = '';
    projets.setArrayFormula('J3', '=QUERY(Budget!A1:A2;"select A")', [['58 200 $'], ['12 000 $']]);
    // A link staff put on « Toutes » (P-00003), between two municipality lists Reformater tidies.
    projets.setRichText('F4', 'Toutes', [{ start: 0, end: 6, url: 'https://example.org/mrc' }]);
    menuAction('reformat');
    expect(projets.shownAt(3, 10)).toEqual({ value: '58 200 $', formula: '=QUERY(Budget!A1:A2;"select A")' });
    expect(projets.shownAt(4, 10).value).toBe('12 000 $');
    expect(projets.cellAt(4, 6).richText?.getLinkUrl()).toBe('https://example.org/mrc');
    expect(projets.valuesForTest()[2][5]).toBe('Sainte-Madeleine; Sainte-Marie-Madeleine');
    expect(projets.valuesForTest()[4][5]).toMatch(/^Saint-Hyacinthe; Saint-Pie/);
    // The text amounts around them were converted.
    expect(projets.valuesForTest()[1][9]).toBe(25350.72);
    expect(projets.valuesForTest()[5][9]).toBe(25350.72);
  });

  it('a staff formula pointing at the Sommaire keeps working after two regenerations', () => {
    const book = FakeSpreadsheet.fromSnapshot(workbook(6));
    install(book);
    menuAction('summary');
    const summary = book.sheet('Sommaire budgétaire');
    const id = summary.getSheetId();
    const board = book.insertSheet('Tableau de bord');
    board.getRange('A1').setFormulas([["='Sommaire budgétaire'!A1"]]);
    const title = summary.shownAt(1, 1).value;
    expect(board.shownAt(1, 1).value).toBe(title);
    menuAction('summary');
    menuAction('summary');
    expect(book.sheet('Sommaire budgétaire').getSheetId()).toBe(id);
    expect(board.shownAt(1, 1)).toEqual({ value: title, formula: "='Sommaire budgétaire'!A1" });
  });
});
