/**
 * The SpreadsheetApp fake itself (not the adapter): array formulas, rich text, formulas of staff
 * that point at our sheets, the document lock, a colleague editing while a dialog is open, sheet
 * names and protections behave as in Sheets. Each behaviour cites its source in spreadsheet-app.ts.
 */
import { describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { FakeSpreadsheet, fakeServices, LOCK_TIMEOUT_MESSAGE, PROTECTED_MESSAGE } from './spreadsheet-app.js';

function snapshot(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Projets',
        values: [
          ['No', 'Coût', 'Double'],
          ['P-1', 10, null],
          ['P-2', 20, null],
          ['P-3', 30, null],
        ],
      },
      {
        name: 'Sommaire budgétaire',
        values: [
          ['Exercice', 'Montant'],
          ['2020-2021', 1],
          ['2021-2022', 2],
          ['2022-2023', 3],
          ['2023-2024', 4],
          ['Total', 10],
        ],
      },
      {
        name: 'Notes du personnel',
        values: [['stale', 'stale']],
        formulas: [["='Sommaire budgétaire'!B6", "=SUM('Sommaire budgétaire'!B2:B5)"]],
      },
    ],
  };
}

function setup(options: ConstructorParameters<typeof FakeSpreadsheet>[0] = {}) {
  const book = FakeSpreadsheet.fromSnapshot(snapshot(), options);
  const services = fakeServices(book);
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = (name: string) => {
    const found = spreadsheet.getSheetByName(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  return { book, services, spreadsheet, sheet };
}

describe('array formulas', () => {
  function withArray() {
    const ctx = setup();
    ctx.book.sheet('Projets').setArrayFormula('C2', '=ARRAYFORMULA(B2:B4*2)', [[20], [40], [60]]);
    return ctx;
  }

  it('fill their output cells, which have no formula of their own', () => {
    const { sheet } = withArray();
    const range = sheet('Projets').getRange('C2:C4');
    expect(range.getValues()).toEqual([[20], [40], [60]]);
    expect(range.getFormulas()).toEqual([['=ARRAYFORMULA(B2:B4*2)'], [''], ['']]);
    expect(sheet('Projets').getLastRow()).toBe(4);
  });

  it('break when a value is written into an output cell: #REF! in the anchor, outputs gone', () => {
    const { sheet } = withArray();
    sheet('Projets').getRange('C3').setValue('à la main');
    expect(sheet('Projets').getRange('C2:C4').getValues()).toEqual([['#REF!'], ['à la main'], ['']]);
    expect(sheet('Projets').getRange('C2').getFormulas()).toEqual([['=ARRAYFORMULA(B2:B4*2)']]);
    // Emptying the blocking cell lets the array expand again.
    sheet('Projets')
      .getRange('C3:C4')
      .setValues([[''], ['']]);
    expect(sheet('Projets').getRange('C2:C4').getValues()).toEqual([[20], [40], [60]]);
  });

  it('end when the anchor is overwritten', () => {
    const { sheet } = withArray();
    sheet('Projets').getRange('C2').setValue(5);
    expect(sheet('Projets').getRange('C2:C4').getValues()).toEqual([[5], [''], ['']]);
  });

  it('work for any array result, e.g. QUERY spilling right and down', () => {
    const { book, sheet } = setup();
    book.sheet('Projets').setArrayFormula('E1', '=QUERY(A1:B4,"select A, B where B > 15")', [
      ['No', 'Coût'],
      ['P-2', 20],
      ['P-3', 30],
    ]);
    expect(sheet('Projets').getRange('E1:F3').getValues()).toEqual([
      ['No', 'Coût'],
      ['P-2', 20],
      ['P-3', 30],
    ]);
    expect(sheet('Projets').getLastColumn()).toBe(6);
  });
});

describe('rich text', () => {
  it('gives runs with their links through getRichTextValues', () => {
    const { book, sheet } = setup();
    book
      .sheet('Projets')
      .setRichText('A2', 'P-1 (fiche)', [{ start: 5, end: 10, url: 'https://exemple.org/p1' }]);
    const [[rich, amount]] = sheet('Projets').getRange('A2:B2').getRichTextValues();
    expect(rich?.getText()).toBe('P-1 (fiche)');
    expect(rich?.getRuns().map((r) => [r.getText(), r.getLinkUrl()])).toEqual([
      ['P-1 (', null],
      ['fiche', 'https://exemple.org/p1'],
      [')', null],
    ]);
    // « null if the cell value is not text »
    expect(amount).toBeNull();
    expect(sheet('Projets').getRange('A2').getValues()).toEqual([['P-1 (fiche)']]);
  });

  it('is set with newRichTextValue and lost when setValues writes the same text back', () => {
    const { services, sheet } = setup();
    const link = services.SpreadsheetApp.newRichTextValue()
      .setText('Guide')
      .setLinkUrl('https://exemple.org/guide')
      .build();
    const cell = sheet('Projets').getRange('A3');
    cell.setRichTextValue(link);
    expect(cell.getRichTextValue()?.getLinkUrl()).toBe('https://exemple.org/guide');
    cell.setValues(cell.getValues());
    expect(cell.getValues()).toEqual([['Guide']]);
    expect(cell.getRichTextValue()?.getLinkUrl()).toBeNull();
    expect(cell.getRichTextValue()?.getRuns()).toHaveLength(1);
  });
});

describe('formulas that point at another sheet', () => {
  it('are computed, and follow a sheet cleared and rewritten in place', () => {
    const { sheet } = setup();
    expect(sheet('Notes du personnel').getRange('A1:B1').getValues()).toEqual([[10, 10]]);
    const summary = sheet('Sommaire budgétaire');
    summary.clear();
    expect(sheet('Notes du personnel').getRange('A1:B1').getValues()).toEqual([['', 0]]);
    summary.getRange('A1:B6').setValues([
      ['Exercice', 'Montant'],
      ['2020-2021', 5],
      ['2021-2022', 5],
      ['2022-2023', 5],
      ['2023-2024', 5],
      ['Total', 20],
    ]);
    expect(sheet('Notes du personnel').getRange('A1:B1').getValues()).toEqual([[20, 20]]);
  });

  it('become #REF! when deleteSheet removes their sheet, and stay so when it comes back', () => {
    const { spreadsheet, sheet } = setup();
    spreadsheet.deleteSheet(sheet('Sommaire budgétaire'));
    const notes = sheet('Notes du personnel').getRange('A1:B1');
    expect(notes.getValues()).toEqual([['#REF!', '#REF!']]);
    expect(notes.getFormulas()).toEqual([['=#REF!', '=SUM(#REF!)']]);
    const again = spreadsheet.insertSheet('Sommaire budgétaire');
    again.getRange('B6').setValue(99);
    expect(notes.getValues()).toEqual([['#REF!', '#REF!']]);
  });
});

describe('LockService', () => {
  it('gives one document lock per spreadsheet, shared by every getDocumentLock()', () => {
    const { book, services } = setup();
    const lock = services.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    // Another execution on the same spreadsheet (its own services over the same book) waits.
    const other = fakeServices(book).LockService.getDocumentLock();
    expect(other.tryLock(1000)).toBe(false);
    lock.releaseLock();
    expect(other.tryLock(1000)).toBe(true);
    // Another spreadsheet has its own lock.
    expect(setup().services.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });

  it('throws from waitLock when another execution holds it past the timeout', () => {
    const { book, services } = setup();
    book.documentLock.holdElsewhere();
    const lock = services.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(() => lock.waitLock(30_000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(lock.hasLock()).toBe(false);
    book.documentLock.releaseElsewhere();
    lock.waitLock(30_000);
    expect(lock.hasLock()).toBe(true);
    expect(book.documentLock.attempts.map((a) => a.acquired)).toEqual([false, false, true]);
  });

  it('waits for another execution that lets go within the timeout', () => {
    const { book, services } = setup();
    book.documentLock.holdElsewhere(2000);
    const lock = services.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    lock.waitLock(10_000);
    expect(lock.hasLock()).toBe(true);
  });

  it('releases the lock when the execution ends', () => {
    const { book, services } = setup();
    const lock = services.LockService.getDocumentLock();
    lock.waitLock(1000);
    book.endExecution();
    expect(lock.hasLock()).toBe(false);
    expect(services.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });
});

describe('ui.alert', () => {
  it('lets a test play a colleague editing while the question is open', () => {
    const { book, services, sheet } = setup();
    const seen: string[] = [];
    book.onAlert(({ prompt, buttons }) => {
      seen.push(`${buttons}: ${prompt}`);
      book.sheet('Projets').cellFor(2, 2).value = 99;
      return undefined;
    });
    const ui = services.SpreadsheetApp.getUi();
    const answer = ui.alert('Alliance — Reformater', '3 cellules seront modifiées.', ui.ButtonSet.YES_NO);
    expect(answer).toBe(ui.Button.YES);
    expect(seen).toEqual(['YES_NO: 3 cellules seront modifiées.']);
    expect(sheet('Projets').getRange('B2').getValue()).toBe(99);
  });

  it('answers with what the handler returns, and never asks an OK-only alert', () => {
    const { book, services } = setup();
    let calls = 0;
    book.onAlert(() => {
      calls++;
      return 'NO';
    });
    const ui = services.SpreadsheetApp.getUi();
    expect(ui.alert('Continuer ?', ui.ButtonSet.YES_NO)).toBe('NO');
    expect(ui.alert('Terminé', 'Rien à faire.', ui.ButtonSet.OK)).toBe('OK');
    expect(calls).toBe(1);
    expect(book.alerts).toEqual([
      { title: '', prompt: 'Continuer ?', buttons: 'YES_NO' },
      { title: 'Terminé', prompt: 'Rien à faire.', buttons: 'OK' },
    ]);
  });
});

describe('menus and AuthMode.NONE', () => {
  it('keeps a bound menu with its title and an add-on menu without one', () => {
    const book = FakeSpreadsheet.fromSnapshot(snapshot());
    const ui = fakeServices(book).SpreadsheetApp.getUi();
    ui.createMenu('Alliance').addItem('Valider', 'v').addToUi();
    ui.createAddonMenu().addItem('Valider', 'v').addSeparator().addItem('Ouvrir', 'o').addToUi();
    expect(book.menus).toEqual([
      { title: 'Alliance', addon: false, items: [{ label: 'Valider', handler: 'v' }] },
      {
        title: null,
        addon: true,
        items: [
          { label: 'Valider', handler: 'v' },
          { label: 'Ouvrir', handler: 'o' },
        ],
      },
    ]);
  });

  it('in AuthMode.NONE, builds menus but refuses the spreadsheet, the lock, HTML and the user', () => {
    const book = FakeSpreadsheet.fromSnapshot(snapshot(), { authMode: 'NONE' });
    const services = fakeServices(book);
    services.SpreadsheetApp.getUi().createAddonMenu().addItem('Valider', 'v').addToUi();
    expect(book.menus).toHaveLength(1);
    expect(() => services.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
    expect(() => services.SpreadsheetApp.getActive()).toThrow(/permission/);
    expect(() => services.LockService.getDocumentLock()).toThrow(/permission/);
    expect(() => services.HtmlService.createHtmlOutput('x')).toThrow(/permission/);
    expect(() => services.Session.getEffectiveUser()).toThrow(/permission/);
    // The same calls work once authorized.
    const full = fakeServices(FakeSpreadsheet.fromSnapshot(snapshot()));
    expect(() => full.SpreadsheetApp.getActiveSpreadsheet()).not.toThrow();
    expect(() => full.LockService.getDocumentLock()).not.toThrow();
  });
});

describe('sheet names', () => {
  it('are unique without regard to case', () => {
    const { spreadsheet } = setup();
    expect(() => spreadsheet.insertSheet('PROJETS')).toThrow(
      'A sheet with the name "PROJETS" already exists. Please enter another name.',
    );
  });

  it('insertSheet activates the new sheet', () => {
    const { book, spreadsheet } = setup();
    spreadsheet.insertSheet('Journal');
    expect(book.active?.name).toBe('Journal');
    expect(spreadsheet.getActiveSheet()?.getName()).toBe('Journal');
  });

  it('getSheetByName compares exactly by default, or without case when told to', () => {
    expect(setup().spreadsheet.getSheetByName('projets')).toBeNull();
    expect(setup({ sheetNameLookup: 'ignoreCase' }).spreadsheet.getSheetByName('projets')?.getName()).toBe(
      'Projets',
    );
  });
});

describe('protections', () => {
  it('leave a new protection editable until its editors change (they mirror the spreadsheet)', () => {
    const { sheet } = setup();
    const protection = sheet('Projets').getRange('B2:B4').protect();
    expect(protection.canEdit()).toBe(true);
    sheet('Projets').getRange('B2').setValue(11);
    expect(sheet('Projets').getRange('B2').getValue()).toBe(11);
  });

  it('refuse a write that touches a range the user may not edit, and change no cell', () => {
    const { services, sheet } = setup();
    const protection = sheet('Projets').getRange('B3').protect().setDescription('Montants validés');
    protection.removeEditors(protection.getEditors());
    expect(protection.canEdit()).toBe(false);
    expect(() =>
      sheet('Projets')
        .getRange('B2:B3')
        .setValues([[1], [2]]),
    ).toThrow(PROTECTED_MESSAGE);
    expect(sheet('Projets').getRange('B2:B3').getValues()).toEqual([[10], [20]]);
    expect(() => sheet('Projets').getRange('B3').setBackground('#ff0000')).toThrow(PROTECTED_MESSAGE);
    const listed = sheet('Projets').getProtections(services.SpreadsheetApp.ProtectionType.RANGE);
    expect(listed.map((p) => p.getDescription())).toEqual(['Montants validés']);
    expect(listed[0].getRange().getA1Notation()).toBe('B3');
    // Cells outside stay editable; removing the protection frees the cell.
    sheet('Projets').getRange('B2').setValue(1);
    protection.remove();
    sheet('Projets').getRange('B3').setValue(2);
    expect(sheet('Projets').getRange('B2:B3').getValues()).toEqual([[1], [2]]);
  });

  it('let the owner edit anything, and warning-only protections through', () => {
    const owner = setup({ user: 'proprietaire@mrc.example', owner: 'proprietaire@mrc.example' });
    const p = owner.sheet('Projets').getRange('B2').protect();
    p.removeEditors(p.getEditors());
    owner.sheet('Projets').getRange('B2').setValue(1);
    expect(owner.sheet('Projets').getRange('B2').getValue()).toBe(1);

    const { sheet } = setup();
    const warning = sheet('Projets').getRange('B2').protect().setWarningOnly(true);
    warning.removeEditors(warning.getEditors());
    sheet('Projets').getRange('B2').setValue(2);
    expect(sheet('Projets').getRange('B2').getValue()).toBe(2);
  });

  it('protect a whole sheet but its unprotected ranges, against clear and deleteSheet too', () => {
    const { services, spreadsheet, sheet } = setup();
    const projets = sheet('Projets');
    const protection = projets.protect().setUnprotectedRanges([projets.getRange('C2:C4')]);
    protection.removeEditors(protection.getEditors());
    expect(spreadsheet.getProtections(services.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    projets.getRange('C2').setValue('libre');
    expect(() => projets.getRange('A2').setValue('x')).toThrow(PROTECTED_MESSAGE);
    expect(() => projets.clear()).toThrow(PROTECTED_MESSAGE);
    expect(() => spreadsheet.deleteSheet(projets)).toThrow(PROTECTED_MESSAGE);
    expect(projets.getRange('A2:C2').getValues()).toEqual([['P-1', 10, 'libre']]);
  });
});

describe('typed text, dates and time zones', () => {
  it('reads typed numbers in the spreadsheet’s locale: 1,5 in fr_CA, 1.5 in en_US', () => {
    for (const [locale, typed, expected] of [
      ['fr_CA', '1,5', 1.5],
      ['fr_CA', '12 500,25', 12500.25],
      ['fr_CA', '1.5', '1.5'],
      ['en_US', '1.5', 1.5],
      ['en_US', '12,500.25', 12500.25],
      ['en_US', '1,5', '1,5'],
    ] as const) {
      const book = FakeSpreadsheet.fromSnapshot(snapshot(), { locale });
      const range = book.sheet('Projets').tracked.getRange('C2');
      range.setValues([[typed]]);
      expect(range.getValues()[0][0], `${locale} ${typed}`).toBe(expected);
    }
  });

  it('keeps a date as its reading on the spreadsheet’s clock and hands out its instant in that zone', () => {
    const book = FakeSpreadsheet.fromSnapshot(snapshot(), { timeZone: 'America/Vancouver' });
    const range = book.sheet('Projets').tracked.getRange('C2');
    range.setValues([['2021-03-31']]);
    // Midnight in Vancouver is 07:00 UTC in summer time.
    expect((range.getValues()[0][0] as Date).toISOString()).toBe('2021-03-31T07:00:00.000Z');
    range.setValues([[new Date('2021-04-01T06:30:00Z')]]);
    expect(book.sheet('Projets').cellAt(2, 3).value).toEqual(new Date(Date.UTC(2021, 2, 31, 23, 30)));
    const { Utilities } = fakeServices(book);
    expect(
      Utilities.formatDate(new Date('2021-04-01T06:30:00Z'), 'America/Vancouver', "yyyy-MM-dd'T'HH:mm:ss"),
    ).toBe('2021-03-31T23:30:00');
  });

  it('parses nothing typed into a plain-text cell: an apostrophe stays part of the text', () => {
    const book = FakeSpreadsheet.fromSnapshot(snapshot());
    book.sheet('Projets').cellFor(2, 3).numberFormat = '@';
    const range = book.sheet('Projets').tracked.getRange('C2:C3');
    range.setValues([["'2019-001"], ["'2019-002"]]);
    expect(range.getValues()).toEqual([["'2019-001"], ['2019-002']]);
  });
});
