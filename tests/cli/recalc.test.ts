/**
 * LibreOffice recalculates the Sommaire budgétaire and « Suivi des projets »: every number (and
 * date) they show, computed by LibreOffice from our live formulas, equals the core's, on the sample
 * and after staff-like edits of the source sheets made without regenerating them.
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
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/cells.js';
import { compareNatural } from '../../core/ranking.js';
import { isoFromParts, serialToIso } from '../../core/values/dates.js';
import { tempDir } from './fixtures.js';
import { convertWithLibreOffice, skipWithoutLibreOffice } from './libreoffice.js';

const SAMPLE = resolve(import.meta.dirname, '../../examples/alliance-exemple.xlsx');
const NOW = new Date(Date.UTC(2022, 2, 1, 15, 0, 0));
const YEARS = ['2019-2020', '2020-2021', '2021-2022', '2022-2023'];
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

async function recalculated(path: string, name: string, locale?: string): Promise<WorkbookSnapshot> {
  const outDir = join(dir, name);
  await mkdir(outDir, { recursive: true });
  return (await readWorkbook(convertWithLibreOffice(path, 'xlsx', outDir, { locale }))).snapshot;
}

/** The Sommaire of `input` written to `output`, its offered conversion accepted or declined. */
async function writeSummary(input: string, output: string, convert: boolean): Promise<void> {
  const { workbook, snapshot, source } = await readWorkbook(input);
  const result = runAction('summary', snapshot, { now: NOW });
  const { resolved } = applyPlan(workbook, result.plan, snapshot, { restoreChanged: convert });
  await writeWorkbook(workbook, output, { source, plan: resolved });
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
    // The sample's text amounts and dates converted first, as offered: every figure is live.
    summaryPath = join(dir, 'alliance-exemple.sommaire.xlsx');
    await writeSummary(SAMPLE, summaryPath, true);
  });

  it('carries the tool’s figures as the formulas’ cached values, for previews that never compute', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(summaryPath);
    const sheet = workbook.getWorksheet('Sommaire budgétaire') as ExcelJS.Worksheet;
    const { snapshot } = await readWorkbook(SAMPLE);
    const ledger = analyzeWorkbook(snapshot, { today: '2026-12-03' }).ledger;
    const cached = (address: string) => (sheet.getCell(address).value as ExcelJS.CellFormulaValue).result;
    // 2020-2021 is row 6: Enveloppe (B), Disponible (D), Engagé (E), Solde reporté (G).
    expect(cached('B6')).toBe(ledger.years[1].envelopeCents / 100);
    expect(cached('D6')).toBe(ledger.years[1].availableCents / 100);
    expect(cached('E6')).toBe(ledger.years[1].committedCents / 100);
    expect(cached('G6')).toBe(ledger.years[1].balanceCents / 100);
    expect(cached('G10')).toBe(ledger.lapsedCents / 100);
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
    // A grant changed.
    rowOf(projects, 'AS-10').getCell(column(projects, 'Accordé 2021-2022')).value = 25_000;
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

describe.skipIf(skipWithoutLibreOffice)(
  'The Sommaire of a messy workbook, in a French and an English LibreOffice',
  () => {
    let messy: string;
    beforeAll(async () => {
      dir ??= await tempDir('alliance-recalc-');
      const { workbook } = await readWorkbook(SAMPLE);
      const projects = workbook.getWorksheet('Projets') as ExcelJS.Worksheet;
      // Amounts with comma decimals, `$` first and last, as staff type them.
      rowOf(projects, 'AS-10').getCell(column(projects, 'Accordé 2021-2022')).value = '25\u00a0000,00\u00a0$';
      rowOf(projects, 'AS-01').getCell(column(projects, 'Accordé 2021-2022')).value = '$44,799.00';
      const budget = workbook.getWorksheet('Budget prévisionnel') as ExcelJS.Worksheet;
      budget.getCell('E9').value = '97 503,00 $';
      // A payment dated in words.
      const payments = workbook.getWorksheet('Versements') as ExcelJS.Worksheet;
      payments.addRow(['AS-03', '15 mars 2022', '30 968,00 $', '2e versement']);
      messy = join(dir, 'desordre.xlsx');
      await workbook.xlsx.writeFile(messy);
    });

    for (const convert of [false, true]) {
      it(`every number equals the core ledger in fr-CA and en-US, the conversion ${convert ? 'accepted' : 'declined'}`, async () => {
        const { snapshot } = await readWorkbook(messy);
        const expected = expectedTable(snapshot);
        // The messy cells moved the ledger: 2021-2022 commits AS-01's 44 799 $ and AS-10's 25 000 $.
        expect(expected[2].cents[3]).toBeGreaterThanOrEqual(4_479_900 + 2_500_000);
        const output = join(dir, `desordre-${convert ? 'converti' : 'tel-quel'}.xlsx`);
        await writeSummary(messy, output, convert);
        for (const locale of ['fr-CA', 'en-US']) {
          const table = summaryTable(await recalculated(output, `desordre-${convert}-${locale}`, locale));
          expect(table, locale).toEqual(expected);
        }
      });
    }
  },
);

/** The accepted projects' rows of « Suivi des projets » as LibreOffice computed them. */
function followupRows(snapshot: WorkbookSnapshot) {
  const sheet = snapshot.sheets.find((s) => s.name === 'Suivi des projets') as SheetSnapshot;
  const header = sheet.values.findIndex((row) => row[0] === 'No' && row.includes('Reste à verser'));
  expect(header).toBeGreaterThanOrEqual(0);
  const col = (name: string) => sheet.values[header].indexOf(name);
  const cents = (v: CellValue) => {
    expect(typeof v, String(v)).toBe('number');
    return Math.round((v as number) * 100);
  };
  const day = (v: CellValue) =>
    v === null || v === ''
      ? null
      : v instanceof Date
        ? v.toISOString().slice(0, 10)
        : serialToIso(v as number);
  return sheet.values.slice(header + 1).map((row) => ({
    id: row[0],
    granted: YEARS.map((y) => cents(row[col(`Accordé ${y}`)])),
    total: cents(row[col('Accordé total')]),
    paid: cents(row[col('Versé')]),
    remaining: cents(row[col('Reste à verser')]),
    due: day(row[col('Reddition due')]),
    received: day(row[col('Reddition reçue')]),
    late:
      row[col('Jours de retard')] === '' || row[col('Jours de retard')] === null
        ? null
        : row[col('Jours de retard')],
  }));
}

/** What the core says each row must hold, « today » being LibreOffice's TODAY() (the local date). */
function expectedFollowup(snapshot: WorkbookSnapshot) {
  const now = new Date();
  const today = isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()) as string;
  const analysis = analyzeWorkbook(snapshot, { today });
  return analysis.projects
    .filter((p) => p.decision === 'Accepté')
    .sort((a, b) => compareNatural(a.id, b.id))
    .map((p) => {
      const track = analysis.tracks.get(p.id)!;
      return {
        id: p.id,
        granted: YEARS.map((y) => p.grantedCents[y] ?? 0),
        total: track.grantedCents,
        paid: track.paidCents,
        remaining: track.remainingCents,
        due: track.reportDue,
        received: p.reportReceived,
        late: track.reportDaysLate,
      };
    });
}

describe.skipIf(skipWithoutLibreOffice)('LibreOffice recalculates « Suivi des projets »', () => {
  let followupPath: string;
  beforeAll(async () => {
    dir ??= await tempDir('alliance-recalc-');
    const { workbook, snapshot, source } = await readWorkbook(SAMPLE);
    const result = runAction('followup', snapshot, { now: NOW });
    const { resolved } = applyPlan(workbook, result.plan);
    followupPath = join(dir, 'alliance-exemple.suivi.xlsx');
    await writeWorkbook(workbook, followupPath, { source, plan: resolved });
  });

  it('on the sample: every accepted project’s numbers and dates equal the core’s', async () => {
    const { snapshot } = await readWorkbook(SAMPLE);
    const rows = followupRows(await recalculated(followupPath, 'suivi'));
    expect(rows).toEqual(expectedFollowup(snapshot));
    // The sample's follow-up: AS-01's grant is read from its latest decision (89 598 $ after the
    // rescinded 100 000 $), AS-02 is paid in full but owes its report (due 2022-06-30).
    expect(rows.find((r) => r.id === 'AS-01')).toMatchObject({ total: 8_959_800, due: '2022-11-30' });
    expect(rows.find((r) => r.id === 'AS-02')).toMatchObject({
      paid: 5_820_000,
      remaining: 0,
      due: '2022-06-30',
    });
  });

  it('after staff edit the sources (grant, payment, report received), without regenerating', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(followupPath);
    const projects = workbook.getWorksheet('Projets') as ExcelJS.Worksheet;
    rowOf(projects, 'AS-10').getCell(column(projects, 'Accordé 2021-2022')).value = 25_000;
    rowOf(projects, 'AS-02').getCell(column(projects, 'Reddition reçue')).value = new Date(
      Date.UTC(2022, 9, 3),
    );
    rowOf(projects, 'AS-03').getCell(column(projects, 'Fin')).value = new Date(Date.UTC(2022, 10, 30));
    const payments = workbook.getWorksheet('Versements') as ExcelJS.Worksheet;
    // A new payment row at the bottom of Versements (AS-03's own payments are text: not live).
    payments.addRow(['AS-10', new Date(Date.UTC(2022, 5, 15)), 16_000.5, '2e versement']);
    const edited = join(dir, 'suivi-modifie.xlsx');
    await workbook.xlsx.writeFile(edited);

    const { snapshot } = await readWorkbook(edited);
    const expected = expectedFollowup(snapshot);
    expect(followupRows(await recalculated(edited, 'suivi-edited'))).toEqual(expected);
    // The edits did move the rows: AS-10 now 45 000 $ granted and 36 000,50 $ paid, AS-03 due
    // 2023-02-28, AS-02's report received.
    expect(expected.find((r) => r.id === 'AS-10')).toMatchObject({ total: 4_500_000, paid: 3_600_050 });
    expect(expected.find((r) => r.id === 'AS-03')?.due).toBe('2023-02-28');
    expect(expected.find((r) => r.id === 'AS-02')).toMatchObject({ received: '2022-10-03', late: null });
  });
});
