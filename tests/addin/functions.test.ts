import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata } from 'custom-functions-metadata';
import { describe, expect, it } from 'vitest';
import {
  associateFunctions,
  type CustomFunctionsRuntime,
  cellArguments,
  excelFunction,
} from '../../addin/functions.js';
import { functionsJsDocSource, functionsJson, functionsMetadata } from '../../addin/functions-metadata.js';
import { CATALOG, type CatalogName, catalogFunction, isCatalogError } from '../../core/catalog/catalog.js';
import { frFunctions } from '../../core/messages/functions.js';

/** Excel's runtime as a test double: errors keep their code and message. */
class RuntimeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
function testRuntime(): CustomFunctionsRuntime & {
  associated: Map<string, (...args: unknown[]) => unknown>;
} {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    associated,
    associate: (id, fn) => void associated.set(id, fn),
    Error: RuntimeError as unknown as CustomFunctionsRuntime['Error'],
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
  };
}

/** An argument with Excel's error objects as the error text a host snapshot holds. */
function asErrorText(arg: unknown): unknown {
  if (!Array.isArray(arg)) return arg;
  return arg.map((row: unknown[]) => row.map((cell) => (cell instanceof RuntimeError ? cell.code : cell)));
}

/** What Excel appends to every call. */
const INVOCATION = { functionName: 'ALLIANCE.TEST' };
const SEVEN_TOWNS = 'Saint-Hyacinthe; Saint-Pie; Saint-Damase; La Présentation; Saint-Dominique';

/** Excel-shaped calls: every argument a 2-D array, empty cells null, optional ones left out. */
const EXCEL_CALLS: [CatalogName, unknown[]][] = [
  [
    'ELIGIBLE',
    [
      [['Moisson Maskoutaine; Centre de bénévolat'], [null], ['Moisson Maskoutaine'], ['A; B']],
      [[null], [null], ['Centre de bénévolat'], [null]],
      // An error cell, as Excel passes it with allowErrorForDataTypeAny: a CustomFunctions.Error.
      [[SEVEN_TOWNS], [null], [SEVEN_TOWNS], [new RuntimeError('#N/A')]],
      [['1, 3'], [null], [1], [2]],
    ],
  ],
  [
    'REASONS',
    [
      [['Moisson Maskoutaine; Centre de bénévolat'], ['Moisson Maskoutaine']],
      [[null], [null]],
      [[SEVEN_TOWNS], ['Ste-Madelaine']],
      [['1, 3'], [9]],
      [['2023-06-30'], [null]],
    ],
  ],
  ['MUNICIPALITIES', [[['St-Hyacinthe, Sainte-Rosalie'], ['Toutes'], [null], ['Ste-Madelaine']]]],
  [
    'SCORE',
    [
      [
        [8, 6],
        [11, 6],
        [null, null],
      ],
      [[1, 1]],
      [[10, 10]],
    ],
  ],
  [
    'CARRYFORWARD',
    [
      [[0, 195007, 97503, 97503]],
      [
        [0, 89598, 0, 0],
        [null, 60402, null, null],
      ],
    ],
  ],
  [
    'FISCAL_YEAR',
    [
      [
        [43905, 'pas une date'],
        [null, '2021-04-01'],
      ],
    ],
  ],
  ['AMOUNT', [[['195 007 $'], ['- $'], [null], ['1,234'], ['25 350,72 $']]]],
  // Excel passes a date cell as its serial: 44895 is 2022-11-30.
  ['REPORT_DUE', [[[44895], [null], ['Mars 2023']], [[3]]]],
  ['INSTALMENTS', [[[24_999.95], [1000]], [['50 %; 40 %; 10 %']]]],
];

describe('functions.json', () => {
  it('lists exactly the catalog’s functions and parameters, as matrices', () => {
    const metadata = functionsMetadata();
    expect(metadata.functions.map((f) => f.id)).toEqual(CATALOG.map((f) => f.name));
    for (const [i, fn] of CATALOG.entries()) {
      const entry = metadata.functions[i];
      expect(entry.name).toBe(fn.name);
      expect(entry.description).toBe(frFunctions.help[fn.name]);
      expect(entry.parameters.map((p) => [p.name, p.optional === true])).toEqual(
        fn.declaration.params.map((p) => [frFunctions.params[p.key].name, 'optional' in p]),
      );
      expect(entry.parameters.every((p) => p.type === 'any' && p.dimensionality === 'matrix')).toBe(true);
      expect(entry.result).toEqual({ type: 'any', dimensionality: 'matrix' });
    }
    // Without it Excel never calls a function whose range holds an error: the whole spill is #N/A.
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(JSON.parse(functionsJson())).toEqual(metadata);
  });

  it('matches what Microsoft’s custom-functions-metadata generates, without errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'alliance-cf-'));
    const source = join(dir, 'functions.js');
    await writeFile(source, functionsJsDocSource());
    const { metadataJson, errors } = await generateCustomFunctionsMetadata(source, false);
    await rm(dir, { recursive: true, force: true });
    expect(errors).toEqual([]);
    const generated = JSON.parse(metadataJson) as ICustomFunctionsMetadata;
    const ours = functionsMetadata();
    expect(generated.functions.map((f) => f.id)).toEqual(ours.functions.map((f) => f.id));
    for (const [i, fn] of generated.functions.entries()) {
      expect(fn.name).toBe(ours.functions[i].name);
      // The generator leaves `type` out when it is `any`.
      expect({ type: 'any', ...fn.result }).toEqual(ours.functions[i].result);
      expect(
        fn.parameters.map((p) => ({
          name: p.name,
          type: p.type ?? 'any',
          dimensionality: p.dimensionality,
          optional: p.optional,
        })),
      ).toEqual(
        ours.functions[i].parameters.map((p) => ({
          name: p.name,
          type: p.type,
          dimensionality: p.dimensionality,
          optional: p.optional,
        })),
      );
    }
  });
});

describe('the functions module', () => {
  it('registers every catalog function under its id', () => {
    const runtime = testRuntime();
    expect(associateFunctions(runtime)).toEqual(CATALOG.map((f) => f.name));
    expect([...runtime.associated.keys()]).toEqual(CATALOG.map((f) => f.name));
  });

  it.each(EXCEL_CALLS)('%s called the way Excel calls it answers like the core', (name, args) => {
    const runtime = testRuntime();
    const fn = catalogFunction(name);
    const excel = excelFunction(fn, runtime)(...args, INVOCATION);
    // Excel passes a missing optional argument as null; core reads error cells as their text.
    const core = fn.invoke(fn.declaration.params.map((_, i) => asErrorText(args[i] ?? null)));
    expect(excel).toHaveLength(core.length);
    core.forEach((row, r) => {
      expect(excel[r]).toHaveLength(row.length);
      row.forEach((cell, c) => {
        const got = excel[r][c];
        if (isCatalogError(cell)) {
          expect(got).toBeInstanceOf(RuntimeError);
          expect(got).toMatchObject({ code: cell.error, message: cell.message });
        } else {
          expect(got).toEqual(cell);
        }
        expect(got).not.toBeNull();
      });
    });
  });

  it('gives blanks as empty text (a null would show 0) and French messages in failing cells', () => {
    const runtime = testRuntime();
    const amount = excelFunction(catalogFunction('AMOUNT'), runtime);
    const result = amount([['195 007 $'], [null], ['n’importe quoi']], INVOCATION);
    expect(result[0][0]).toBe(195007);
    expect(result[1][0]).toBe('');
    expect(result[2][0]).toBeInstanceOf(RuntimeError);
    expect((result[2][0] as RuntimeError).code).toBe('#VALUE!');
    expect((result[2][0] as RuntimeError).message).toMatch(/montant/i);
  });

  it('answers an error cell Excel passes as an error object with an error on its row only', () => {
    const runtime = testRuntime();
    const amount = excelFunction(catalogFunction('AMOUNT'), runtime);
    const result = amount([['195 007 $'], [new RuntimeError('#N/A')], ['12 $']], INVOCATION);
    expect(result[0][0]).toBe(195007);
    expect(result[1][0]).toBeInstanceOf(RuntimeError);
    // Read as the cell's own error text, not as « [object Object] ».
    expect((result[1][0] as RuntimeError).message).toContain('#N/A');
    expect(result[2][0]).toBe(12);
  });

  it('cuts whole-column arguments (C:C) after the last filled row, before any work', () => {
    const runtime = testRuntime();
    const eligible = excelFunction(catalogFunction('ELIGIBLE'), runtime);
    const column = (first: unknown[]) => [
      ...first.map((v) => [v]),
      ...Array.from({ length: 1_048_574 }, () => [null]),
    ];
    const answer = eligible(
      column(['A; B', 'C']),
      column([null, null]),
      column([SEVEN_TOWNS, SEVEN_TOWNS]),
      column([1, 2]),
      INVOCATION,
    );
    expect(answer).toEqual(
      eligible([['A; B'], ['C']], [[null], [null]], [[SEVEN_TOWNS], [SEVEN_TOWNS]], [[1], [2]], INVOCATION),
    );
    expect(answer).toHaveLength(2);
    // Cut before the catalog sees them: two rows each, the one-row argument kept whole.
    const cut = cellArguments([column(['A; B', 'C']), [[1, 1]], column([null, null])]) as unknown[][];
    expect(cut.map((arg) => arg.length)).toEqual([2, 1, 2]);
  });

  it('treats an optional argument Excel leaves out like an absent one', () => {
    const runtime = testRuntime();
    const eligible = excelFunction(catalogFunction('ELIGIBLE'), runtime);
    const args = [[['A; B']], [[null]], [[SEVEN_TOWNS]], [[1]]];
    const answer = eligible(...args, null, null, INVOCATION);
    expect(answer).toEqual([[true]]);
    expect(eligible(...args, INVOCATION)).toEqual(answer);
  });
});
