/**
 * Custom functions: one call over a whole column versus one call per row, through the core catalog
 * and through both hosts' wrappers (Excel's addin/functions.ts, Sheets' apps-script/functions.ts),
 * each with arguments shaped as that host passes them.
 */
import { type CustomFunctionsRuntime, excelFunction } from '../addin/functions.js';
import { runCustomFunction } from '../apps-script/functions.js';
import { catalogFunction } from '../core/catalog/catalog.js';
import type { CellValue } from '../core/cells.js';
import { generateWorkbook } from './generate.js';
import { type BenchRow, medianMs } from './measure.js';

/** Excel's runtime as the wrappers see it: errors are plain objects here. */
const RUNTIME: CustomFunctionsRuntime = {
  associate: () => {},
  Error: class {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  } as unknown as CustomFunctionsRuntime['Error'],
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
};

/** Excel appends an invocation object after the arguments. */
const INVOCATION = { address: 'Projets!Z2', functionName: 'ALLIANCE.ELIGIBLE' };

/** ELIGIBLE's five project columns (organizations, supports, towns, priorities, end date) of `rows` projects. */
function projectColumns(rows: number): CellValue[][][] {
  const data = generateWorkbook(rows).sheets[0].values.slice(1);
  const organizations = data.map((r) => [r[3] ? `${r[2]}; ${r[3]}` : r[2]]);
  return [
    organizations,
    data.map((r) => [r[4]]),
    data.map((r) => [r[5]]),
    data.map((r) => [r[6]]),
    data.map((r) => [r[8]]),
  ];
}

export function benchFunctions(rows: number, runs: { oneCall: number; perRow: number }): BenchRow[] {
  const columns = projectColumns(rows);
  const eligible = catalogFunction('ELIGIBLE');
  const excelEligible = excelFunction(eligible, RUNTIME);
  const label = rows.toLocaleString('fr-CA');
  const hosts: { host: string; oneCall: () => unknown; perRow: () => unknown }[] = [
    {
      host: 'catalogue (cœur)',
      oneCall: () => eligible.invoke([...columns, null]),
      perRow: () => {
        for (let r = 0; r < rows; r++) eligible.invoke([...columns.map((c) => c[r][0]), null]);
      },
    },
    {
      // Excel: every argument a 2-D array (null for empty), even a single cell, then the invocation.
      host: 'Excel (addin/functions.ts)',
      oneCall: () => excelEligible(...columns.map(excelGrid), null, INVOCATION),
      perRow: () => {
        for (let r = 0; r < rows; r++)
          excelEligible(...columns.map((c) => [[c[r][0] ?? null]]), null, INVOCATION);
      },
    },
    {
      // Sheets: a range as a 2-D array with '' for empty, a single cell as its value.
      host: 'Sheets (apps-script/functions.ts)',
      oneCall: () => runCustomFunction('ELIGIBLE', columns.map(sheetsGrid)),
      perRow: () => {
        for (let r = 0; r < rows; r++)
          runCustomFunction(
            'ELIGIBLE',
            columns.map((c) => c[r][0] ?? ''),
          );
      },
    },
  ];
  const out: BenchRow[] = [];
  for (const { host, oneCall, perRow } of hosts) {
    const one = medianMs(oneCall, runs.oneCall);
    const many = medianMs(perRow, runs.perRow);
    out.push(
      {
        section: 'fonctions',
        name: `${host} : ELIGIBLE, 1 appel sur ${label} lignes`,
        value: one,
        unit: 'ms',
        ...(rows === 10_000 ? { target: '< 50 ms', ok: one < 50 } : {}),
      },
      {
        section: 'fonctions',
        name: `${host} : ELIGIBLE, ${label} appels d’une ligne`,
        value: many,
        unit: 'ms',
      },
      {
        section: 'fonctions',
        name: `${host} : ratio appels d’une ligne / un appel`,
        value: many / one,
        unit: '×',
      },
    );
  }
  return out;
}

function excelGrid(column: CellValue[][]): CellValue[][] {
  return column.map(([value]) => [value ?? null]);
}

function sheetsGrid(column: CellValue[][]): (string | number | boolean | Date)[][] {
  return column.map(([value]) => [value ?? '']);
}
