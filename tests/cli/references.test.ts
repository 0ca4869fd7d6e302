/**
 * A generated sheet keeps its identity: a staff formula on another sheet that points at the
 * Sommaire budgétaire still evaluates to the right number after the summary is regenerated twice,
 * as LibreOffice recalculates it.
 */
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/alliance.js';
import { readWorkbook } from '../../cli/xlsx/read.js';
import { tempDir } from './fixtures.js';
import { convertWithLibreOffice, skipWithoutLibreOffice } from './libreoffice.js';

const SAMPLE = resolve(import.meta.dirname, '../../examples/alliance-exemple.xlsx');
const quiet = { stdout: () => {}, stderr: () => {}, progress: false };

let dir: string;

beforeAll(async () => {
  dir = await tempDir();
});

describe.skipIf(skipWithoutLibreOffice)('a staff formula pointing at a generated sheet', () => {
  it('still gives the Sommaire’s number after the summary is regenerated twice', async () => {
    const first = join(dir, 'tableau.xlsx');
    expect(await main(['summary', SAMPLE, '-o', first], quiet)).toBe(0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(first);
    const board = workbook.addWorksheet('Tableau de bord');
    board.getCell('A1').value = 'Enveloppe de la première année';
    board.getCell('B1').value = { formula: "'Sommaire budgétaire'!B6" } as ExcelJS.CellFormulaValue;
    await workbook.xlsx.writeFile(first);

    const second = join(dir, 'tableau-2.xlsx');
    const third = join(dir, 'tableau-3.xlsx');
    expect(await main(['summary', first, '-o', second], quiet)).toBe(0);
    expect(await main(['summary', second, '-o', third], quiet)).toBe(0);

    const computed = convertWithLibreOffice(third, 'xlsx', join(dir, 'calcul'));
    const { snapshot } = await readWorkbook(computed);
    const summary = snapshot.sheets.find((s) => s.name === 'Sommaire budgétaire')!;
    const staff = snapshot.sheets.find((s) => s.name === 'Tableau de bord')!;
    expect(staff.formulas?.[0][1]).toBe("='Sommaire budgétaire'!B6");
    expect(typeof summary.values[5][1]).toBe('number');
    expect(staff.values[0][1]).toBe(summary.values[5][1]);
    // One Sommaire, regenerated where it stood: no « Sommaire budgétaire (2) ».
    expect(snapshot.sheets.filter((s) => s.name.startsWith('Sommaire')).map((s) => s.name)).toEqual([
      'Sommaire budgétaire',
    ]);
  });
});
