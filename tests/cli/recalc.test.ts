/**
 * LibreOffice recalculates the Sommaire budgétaire: every number of its table, computed by
 * LibreOffice from our live formulas, equals the core ledger, on the sample and after staff-like
 * edits of the source sheets made without regenerating the summary.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../../cli/xlsx/apply.js';
import { readWorkbook } from '../../cli/xlsx/read.js';
import { writeWorkbook } from '../../cli/xlsx/write.js';
import { runAction } from '../../core/actions.js';
import { analyzeWorkbook } from '../../core/analysis.js';
import type { SheetSnapshot, WorkbookSnapshot } from '../../core/cells.js';
import { tempDir } from './fixtures.js';
import { convertWithLibreOffice, skipWithoutLibreOffice } from './libreoffice.js';

const SAMPLE = resolve(import.meta.dirname, '../../examples/alliance-exemple.xlsx');
const NOW = new Date(Date.UTC(2022, 2, 1, 15, 0, 0));
const HEADERS = ['Exercice', 'Enveloppe', 'Report reçu', 'Disponible', 'Engagé', 'Versé', 'Solde reporté'];

let dir: string;
let summaryPath: string;

interface TableRow {
  label: string;
  /** Enveloppe … Solde reporté in cents, null where the cell is blank. */
  cents: (number | null)[];
}

/** The table of design.md as LibreOffice computed it: the year rows, then Total. */
function summaryTable(snapshot: WorkbookSnapshot): TableRow[] {
  const sheet = snapshot.sheets.find((s) => s.name === 'Sommaire budgétaire') as SheetSnapshot;
  const header = sheet.values.findIndex((row) => HEADERS.every((h, i) => row[i] === h));
  expect(header).toBeGreaterThanOrEqual(0);
  const rows: TableRow[] = [];
  for (let r = header + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    const label = String(row[0]);
    rows.push({
      label,
      cents: row.slice(1, 7).map((v) => {
        if (v === null || v === '') return null;
        expect(typeof v, `${label}: ${String(v)}`).toBe('number');
        return Math.round((v as number) * 100);
      }),
    });
    if (label === 'Total') break;
  }
  return rows;
}

/** What the core ledger says the table must hold. */
function expectedTable(snapshot: WorkbookSnapshot): TableRow[] {
  const { ledger } = analyzeWorkbook(snapshot, { today: '2022-03-01' });
  const sum = (pick: (y: (typeof ledger.years)[number]) => number) =>
    ledger.years.reduce((s, y) => s + pick(y), 0);
  return [
    ...ledger.years.map((y) => ({
      label: y.year,
      cents: [
        y.envelopeCents,
        y.carriedInCents,
        y.availableCents,
        y.committedCents,
        y.paidCents,
        y.balanceCents,
      ],
    })),
    {
      label: 'Total',
      cents: [
        sum((y) => y.envelopeCents),
        null,
        null,
        sum((y) => y.committedCents),
        sum((y) => y.paidCents),
        ledger.lapsedCents,
      ],
    },
  ];
}

async function recalculated(path: string, name: string): Promise<WorkbookSnapshot> {
  const outDir = join(dir, name);
  await mkdir(outDir, { recursive: true });
  return (await readWorkbook(convertWithLibreOffice(path, 'xlsx', outDir))).snapshot;
}

/** Finds a header's column in the first row of a staff sheet (1-based, for ExcelJS). */
function column(sheet: ExcelJS.Worksheet, header: string): number {
  const values = sheet.getRow(1).values as unknown[];
  const index = values.indexOf(header);
  expect(index, header).toBeGreaterThan(0);
  return index;
}

function rowOf(sheet: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === id) found = row;
  });
  expect(found, id).toBeDefined();
  return found as ExcelJS.Row;
}

describe.skipIf(skipWithoutLibreOffice)('LibreOffice recalculates the Sommaire budgétaire', () => {
  beforeAll(async () => {
    dir = await tempDir('alliance-recalc-');
    const { workbook, snapshot, source } = await readWorkbook(SAMPLE);
    const result = runAction('summary', snapshot, { now: NOW });
    const { resolved } = applyPlan(workbook, result.plan);
    summaryPath = join(dir, 'alliance-exemple.sommaire.xlsx');
    await writeWorkbook(workbook, summaryPath, { source, plan: resolved });
  });

  it('on the sample: every number equals the core ledger', async () => {
    const { snapshot } = await readWorkbook(SAMPLE);
    const expected = expectedTable(snapshot);
    const table = summaryTable(await recalculated(summaryPath, 'sample'));
    expect(table).toEqual(expected);
    // The sample's real numbers: 195 007 $ in 2020-2021, 140 279 $ left unused at the end.
    expect(table[1].cents[0]).toBe(19_500_700);
    expect(table[4].cents[5]).toBe(14_027_900);
  });

  it('after staff edit the source sheets (grant, payment, decision), without regenerating', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(summaryPath);
    const projects = workbook.getWorksheet('Projets') as ExcelJS.Worksheet;
    // A grant changed, typed as text the way staff do.
    rowOf(projects, 'AS-10').getCell(column(projects, 'Accordé 2021-2022')).value = '25\u00a0000\u00a0$';
    // A decision reversed: its grants no longer count.
    rowOf(projects, 'AS-02').getCell(column(projects, 'Décision')).value = 'Refusé';
    // A new payment row at the bottom of Versements.
    const payments = workbook.getWorksheet('Versements') as ExcelJS.Worksheet;
    payments.addRow(['AS-03', new Date(Date.UTC(2022, 0, 12)), 30_968, '2e versement']);
    const edited = join(dir, 'modifie.xlsx');
    await workbook.xlsx.writeFile(edited);

    const { snapshot } = await readWorkbook(edited);
    const expected = expectedTable(snapshot);
    const table = summaryTable(await recalculated(edited, 'edited'));
    expect(table).toEqual(expected);
    // The edits did move the ledger: 2021-2022 committed AS-01 + AS-03 + AS-10 = 44 799 + 30 968 + 25 000.
    expect(expected[2].cents[3]).toBe(10_076_700);
    expect(expected[2].cents[4]).toBe(6_000_000 + 3_096_800);
  });
});
