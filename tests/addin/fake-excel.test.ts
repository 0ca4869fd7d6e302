/**
 * The Office.js fake itself (not the adapter): it must be as unkind as Excel where our promises
 * are at stake — formulas of staff that point at our sheets, the undo stack, dynamic arrays and
 * protected sheets. Each behaviour cites its source in tests/fakes/excel/.
 */
import { describe, expect, it } from 'vitest';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { createFakeExcel, type FakeOfficeError } from '../fakes/excel/index.js';

function workbook(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Sommaire budgétaire',
        values: [
          ['Exercice', 'Montant'],
          ['2020-2021', 10],
          ['2021-2022', 20],
          ['2022-2023', 30],
          ['2023-2024', null],
          ['Total', 60],
        ],
      },
      {
        name: 'Notes du personnel',
        values: [['Total vu', 'Somme', 'Projet', 'Autre']],
        formulas: [
          ["='Sommaire budgétaire'!B6", "=SUM('Sommaire budgétaire'!B2:B5)", '=Projets!B2', '=TODAY()'],
        ],
      },
      {
        name: 'Projets',
        values: [
          ['No', 'Titre'],
          ['P-1', 'Jardin'],
        ],
      },
    ],
  };
}

async function failure(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (error) {
    return error as FakeOfficeError;
  }
  throw new Error('expected the batch to fail');
}

describe('formulas that point at another sheet', () => {
  it('are computed when values are read, and follow a sheet rewritten in place', async () => {
    const fake = createFakeExcel({
      ...workbook(),
      sheets: workbook().sheets.map((s) =>
        s.name === 'Notes du personnel' ? { ...s, values: [['stale', 'stale', 'stale', 45000]] } : s,
      ),
    });
    const read = () =>
      fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Notes du personnel').getRange('A1:D1');
        range.load('values, formulas');
        await context.sync();
        return { values: range.values, formulas: range.formulas };
      });
    const before = await read();
    // A formula the fake cannot compute keeps the value it came with.
    expect(before.values).toEqual([[60, 60, 'Jardin', 45000]]);
    expect(before.formulas[0][0]).toBe("='Sommaire budgétaire'!B6");

    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sommaire budgétaire');
      sheet.getRange('B2:B6').values = [[1], [2], [3], [''], [6]];
      await context.sync();
    });
    expect((await read()).values).toEqual([[6, 6, 'Jardin', 45000]]);
    // The model answers the same way to a test.
    expect(fake.model.sheet('Notes du personnel').valueAt('B1')).toBe(6);
  });

  it('show 0 for a reference to an empty cell', async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: 'A', values: [[null]] },
        { name: 'B', values: [[null]], formulas: [['=A!A1']] },
      ],
    });
    expect(fake.model.sheet('B').valueAt('A1')).toBe(0);
  });

  it('become #REF! when their sheet is deleted, and stay so when a sheet of that name comes back', async () => {
    const fake = createFakeExcel(workbook());
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sommaire budgétaire').delete();
      await context.sync();
    });
    const notes = fake.model.sheet('Notes du personnel');
    expect(notes.formulaAt('A1')).toBe('=#REF!B6');
    expect(notes.formulaAt('B1')).toBe('=SUM(#REF!B2:B5)');
    expect(notes.valueAt('A1')).toBe('#REF!');
    expect(notes.valueAt('B1')).toBe('#REF!');
    // Other references are untouched.
    expect(notes.formulaAt('C1')).toBe('=Projets!B2');
    expect(notes.valueAt('C1')).toBe('Jardin');

    await fake.run(async (context) => {
      const again = context.workbook.worksheets.add('Sommaire budgétaire');
      again.getRange('B6').values = [[99]];
      await context.sync();
    });
    const after = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Notes du personnel').getRange('A1:B1');
      range.load('values, formulas');
      await context.sync();
      return range;
    });
    expect(after.values).toEqual([['#REF!', '#REF!']]);
    expect(after.formulas).toEqual([['=#REF!B6', '=SUM(#REF!B2:B5)']]);
  });
});

describe('undo stack', () => {
  it('counts one undo record per sync that changes cells', async () => {
    const fake = createFakeExcel(workbook());
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Projets');
      sheet.getRange('B2').values = [['Potager']];
      await context.sync();
      sheet.getRange('B2').values = [['Verger']];
      await context.sync();
      sheet.getRange('A1').load('values');
      await context.sync();
    });
    expect(fake.model.undoRecords).toBe(2);
    expect(fake.model.undoStackCleared).toBe(0);
  });

  it('merges the syncs of a run into one record with mergeUndoGroup (ExcelApi 1.20)', async () => {
    const fake = createFakeExcel(workbook());
    await fake.run({ mergeUndoGroup: true }, async (context) => {
      const sheet = context.workbook.worksheets.getItem('Projets');
      sheet.getRange('B2').values = [['Potager']];
      await context.sync();
      sheet.getRange('B2').values = [['Verger']];
      await context.sync();
    });
    expect(fake.model.undoRecords).toBe(1);
  });

  it('is cleared by Worksheet.delete, on every platform', async () => {
    for (const platform of ['desktop', 'web'] as const) {
      const fake = createFakeExcel(workbook());
      fake.model.undoPlatform = platform;
      await fake.run(async (context) => {
        context.workbook.worksheets.getItem('Projets').getRange('B2').values = [['Potager']];
        await context.sync();
        context.workbook.worksheets.getItem('Notes du personnel').delete();
        await context.sync();
      });
      expect(fake.model.undoStackCleared).toBe(1);
      expect(fake.model.undoClearedBy).toEqual(['Worksheet.delete']);
      expect(fake.model.undoRecords).toBe(0);
    }
  });

  it('is cleared by Worksheet.position and Worksheet.visibility on Windows and Mac, not on the web', async () => {
    const desktop = createFakeExcel(workbook());
    await desktop.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Projets');
      sheet.position = 0;
      sheet.visibility = 'Hidden';
      await context.sync();
    });
    expect(desktop.model.undoClearedBy).toEqual(['Worksheet.position', 'Worksheet.visibility']);
    expect(desktop.model.sheets[0].name).toBe('Projets');

    const web = createFakeExcel(workbook());
    web.model.undoPlatform = 'web';
    await web.run(async (context) => {
      context.workbook.worksheets.getItem('Projets').position = 0;
      await context.sync();
    });
    expect(web.model.undoStackCleared).toBe(0);
    expect(web.model.undoRecords).toBe(1);
  });

  it('is cleared by WorksheetProtection.protect and unprotect', async () => {
    const fake = createFakeExcel(workbook());
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Projets');
      sheet.protection.protect();
      await context.sync();
      sheet.protection.unprotect();
      await context.sync();
    });
    expect(fake.model.undoClearedBy).toEqual([
      'WorksheetProtection.protect',
      'WorksheetProtection.unprotect',
    ]);
  });

  it('refuses a call it cannot undo inside a mergeUndoGroup run (UndoNotSupported)', async () => {
    const fake = createFakeExcel(workbook());
    const error = await failure(
      fake.run({ mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.getItem('Notes du personnel').delete();
        await context.sync();
      }),
    );
    expect(error.code).toBe('UndoNotSupported');
    expect(fake.model.find('Notes du personnel')).toBeDefined();
    expect(fake.model.undoStackCleared).toBe(0);
  });
});

describe('dynamic arrays', () => {
  function spilling() {
    const fake = createFakeExcel({
      sheets: [
        {
          name: 'Classement',
          values: [
            ['No', 'Note', '', 'Tri'],
            ['P-1', 70],
            ['P-2', 90],
            ['P-3', 80],
          ],
        },
      ],
    });
    fake.model.sheet('Classement').setSpill('D2', '=SORT(B2:B4,,-1)', [[90], [80], [70]]);
    return fake;
  }

  async function column(fake: ReturnType<typeof spilling>) {
    return fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Classement').getRange('D2:D4');
      range.load('values, formulas');
      await context.sync();
      return { values: range.values, formulas: range.formulas };
    });
  }

  it('show their results; a spilled cell has no formula of its own, so formulas gives its value', async () => {
    const fake = spilling();
    expect(await column(fake)).toEqual({
      values: [[90], [80], [70]],
      formulas: [['=SORT(B2:B4,,-1)'], [80], [70]],
    });
    const used = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Classement').getUsedRangeOrNullObject(true);
      range.load('address');
      await context.sync();
      return range.address;
    });
    expect(used).toBe("'Classement'!A1:D4");
  });

  it('answer getSpillParentOrNullObject and getSpillingToRangeOrNullObject (ExcelApi 1.12)', async () => {
    const fake = spilling();
    const found = await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Classement');
      const parent = sheet.getRange('D3').getSpillParentOrNullObject();
      const spillTo = sheet.getRange('D2').getSpillingToRangeOrNullObject();
      const notSpilled = sheet.getRange('B3').getSpillParentOrNullObject();
      const notAnchor = sheet.getRange('D3').getSpillingToRangeOrNullObject();
      const several = sheet.getRange('D2:D3').getSpillParentOrNullObject();
      parent.load('address');
      spillTo.load('address');
      await context.sync();
      return {
        parent: parent.address,
        spillTo: spillTo.address,
        nulls: [notSpilled.isNullObject, notAnchor.isNullObject, several.isNullObject],
      };
    });
    expect(found).toEqual({
      parent: "'Classement'!D2",
      spillTo: "'Classement'!D2:D4",
      nulls: [true, true, true],
    });
  });

  it('show #SPILL! in the anchor when a value is written into a spilled cell, and spill again once it is cleared', async () => {
    const fake = spilling();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Classement').getRange('D3').values = [['à la main']];
      await context.sync();
    });
    expect((await column(fake)).values).toEqual([['#SPILL!'], ['à la main'], ['']]);
    const blocked = await fake.run(async (context) => {
      const spillTo = context.workbook.worksheets
        .getItem('Classement')
        .getRange('D2')
        .getSpillingToRangeOrNullObject();
      await context.sync();
      return spillTo.isNullObject;
    });
    expect(blocked).toBe(true);

    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Classement').getRange('D3').values = [['']];
      await context.sync();
    });
    expect((await column(fake)).values).toEqual([[90], [80], [70]]);
  });

  it('end when the anchor is overwritten', async () => {
    const fake = spilling();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Classement').getRange('D2').values = [[1]];
      await context.sync();
    });
    expect((await column(fake)).values).toEqual([[1], [''], ['']]);
  });
});

describe('protected sheets', () => {
  it('load protection.protected', async () => {
    const fake = createFakeExcel(workbook());
    fake.model.sheet('Projets').protect();
    const states = await fake.run(async (context) => {
      const projets = context.workbook.worksheets.getItem('Projets');
      const notes = context.workbook.worksheets.getItem('Notes du personnel');
      projets.protection.load('protected');
      notes.load('name, protection/protected');
      await context.sync();
      return [projets.protection.protected, notes.protection.protected];
    });
    expect(states).toEqual([true, false]);
  });

  it('refuse writes with AccessDenied when the batch runs, and keep the cell', async () => {
    const fake = createFakeExcel(workbook());
    fake.model.sheet('Projets').protect();
    const error = await failure(
      fake.run(async (context) => {
        // Queuing the write does not fail: the sync does.
        context.workbook.worksheets.getItem('Projets').getRange('B2').values = [['Verger']];
        await context.sync();
      }),
    );
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toBe('You cannot perform the requested operation.');
    expect(fake.model.sheet('Projets').valueAt('B2')).toBe('Jardin');
  });

  it('refuse a range that holds one locked cell, even where the value is null', async () => {
    const fake = createFakeExcel(workbook());
    const projets = fake.model.sheet('Projets');
    projets.protect();
    projets.unlock('B1');
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Projets').getRange('B1').values = [['Intitulé']];
      await context.sync();
    });
    expect(projets.valueAt('B1')).toBe('Intitulé');
    const error = await failure(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Projets').getRange('B1:B2').values = [['Titre'], [null]];
        await context.sync();
      }),
    );
    expect(error.code).toBe('AccessDenied');
  });

  it('refuse formatting unless the protection allows it', async () => {
    const fake = createFakeExcel(workbook());
    fake.model.sheet('Projets').protect();
    const paint = () =>
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Projets').getRange('A2').format.fill.color = '#FFFF00';
        await context.sync();
      });
    expect((await failure(paint())).code).toBe('AccessDenied');
    fake.model.sheet('Projets').protect({ allowFormatCells: true });
    await paint();
    expect(fake.model.sheet('Projets').cell(1, 0)?.fill).toBe('#FFFF00');
  });

  it('refuse wrapping, alignment and row heights unless the protection allows them', async () => {
    const fake = createFakeExcel(workbook());
    const projets = fake.model.sheet('Projets');
    projets.protect();
    const format = (set: (format: Excel.RangeFormat) => void) =>
      fake.run(async (context) => {
        set(context.workbook.worksheets.getItem('Projets').getRange('A2:B3').format);
        await context.sync();
      });
    for (const set of [
      (f: Excel.RangeFormat) => {
        f.wrapText = true;
      },
      (f: Excel.RangeFormat) => {
        f.horizontalAlignment = 'Center';
      },
      (f: Excel.RangeFormat) => f.autofitRows(),
    ])
      expect((await failure(format(set))).code).toBe('AccessDenied');
    expect(projets.cell(1, 0)?.wrapText ?? false).toBe(false);

    projets.protect({ allowFormatCells: true });
    await format((f) => {
      f.wrapText = true;
    });
    expect(projets.cell(1, 0)?.wrapText).toBe(true);
    expect((await failure(format((f) => f.autofitRows()))).code).toBe('AccessDenied');
    projets.protect({ allowFormatRows: true });
    await format((f) => f.autofitRows());
    expect(projets.autofitRows.has(1)).toBe(true);
  });

  it('fail protect() on a protected sheet, and accept writes once unprotected', async () => {
    const fake = createFakeExcel(workbook());
    fake.model.sheet('Projets').protect();
    const error = await failure(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Projets').protection.protect();
        await context.sync();
      }),
    );
    expect(error.code).toBe('AccessDenied');
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Projets');
      sheet.protection.unprotect();
      sheet.getRange('B2').values = [['Verger']];
      await context.sync();
    });
    expect(fake.model.sheet('Projets').valueAt('B2')).toBe('Verger');
  });
});

describe('clearing a sheet in place', () => {
  function filled() {
    const fake = createFakeExcel({
      sheets: [
        {
          name: 'Classement',
          values: [
            ['Rang', 'No'],
            [1, 'P-2'],
          ],
          formulas: [
            [null, null],
            [null, '=Projets!A2'],
          ],
          notes: [[null, 'ancienne note']],
          fills: [
            [null, null],
            ['#FFC7CE', null],
          ],
        },
        { name: 'Projets', values: [['No'], ['P-2']] },
      ],
    });
    const sheet = fake.model.sheet('Classement');
    sheet.validations.push({ range: 'A2:A3', list: { inCellDropDown: true, source: '1,2' } });
    sheet.addChart('Graphique du personnel');
    return fake;
  }

  it("getRange() is the whole sheet and clear('All') empties it but keeps data validation", async () => {
    const fake = filled();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Classement').getRange().clear('All');
      await context.sync();
    });
    const sheet = fake.model.sheet('Classement');
    expect(sheet.usedBounds()).toBeNull();
    expect(sheet.cell(1, 0)?.fill).toBeNull();
    expect(sheet.notes.size).toBe(0);
    expect(sheet.validations).toHaveLength(1);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Classement').getRange().dataValidation.clear();
      await context.sync();
    });
    expect(sheet.validations).toHaveLength(0);
  });

  it("clear('Contents') leaves formatting, clear('Formats') leaves values", async () => {
    const fake = filled();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Classement');
      sheet.getRange('A2').clear('Contents');
      sheet.getRange('B2').clear('Formats');
      await context.sync();
    });
    const sheet = fake.model.sheet('Classement');
    expect(sheet.valueAt('A2')).toBe('');
    expect(sheet.cell(1, 0)?.fill).toBe('#FFC7CE');
    expect(sheet.formulaAt('B2')).toBe('=Projets!A2');
  });

  it('lists charts by name, deletes one by name, and fails at sync on a name it does not have', async () => {
    const fake = filled();
    const names = await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Classement');
      sheet.charts.add('ColumnClustered', sheet.getRange('A1:B2'), 'Columns');
      sheet.charts.load('items/name');
      await context.sync();
      return sheet.charts.items.map((chart) => chart.name);
    });
    expect(names).toEqual(['Graphique du personnel', 'Chart 2']);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Classement').charts.getItem('Chart 2').delete();
      await context.sync();
    });
    expect([...fake.model.sheet('Classement').chartNames.values()]).toEqual(['Graphique du personnel']);
    const error = await failure(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Classement').charts.getItem('Chart 2').delete();
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
  });
});
