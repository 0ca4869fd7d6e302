/**
 * `functions.json` for Excel, derived from the one catalog (core/catalog): ids are the catalog
 * names, shown in Excel under the ALLIANCE namespace (`=ALLIANCE.ELIGIBLE(…)`), French help.
 *
 * Every parameter is `any` with matrix dimensionality: Excel then always passes a 2-D array (a
 * single cell as `[[value]]`, empty cells as `null`), which is what the catalog takes. Results
 * are matrices too: the catalog always answers with a 2-D array that spills.
 */
import { CATALOG, type CatalogFunction } from '../core/catalog/catalog.js';
import { frFunctions } from '../core/messages/functions.js';
import type { FunctionTexts } from '../core/messages/texts.js';

export const FUNCTIONS_NAMESPACE = 'ALLIANCE';

export interface FunctionParameterMetadata {
  name: string;
  description: string;
  type: 'any';
  dimensionality: 'matrix';
  optional?: true;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: FunctionParameterMetadata[];
  result: { type: 'any'; dimensionality: 'matrix' };
}

export interface FunctionsMetadata {
  /**
   * Excel calls the functions even when an argument holds an error cell, passing a
   * `CustomFunctions.Error` in its place (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json):
   * without it, one `#N/A` in a column turns the whole spill into `#N/A` instead of one row's error.
   */
  allowErrorForDataTypeAny: true;
  functions: FunctionMetadata[];
}

export function functionMetadata(fn: CatalogFunction, texts: FunctionTexts = frFunctions): FunctionMetadata {
  return {
    id: fn.name,
    name: fn.name,
    description: texts.help[fn.name],
    parameters: fn.declaration.params.map((param) => ({
      name: texts.params[param.key].name,
      description: texts.params[param.key].help,
      type: 'any',
      dimensionality: 'matrix',
      ...('optional' in param ? { optional: true as const } : {}),
    })),
    result: { type: 'any', dimensionality: 'matrix' },
  };
}

export function functionsMetadata(catalog: readonly CatalogFunction[] = CATALOG): FunctionsMetadata {
  return { allowErrorForDataTypeAny: true, functions: catalog.map((fn) => functionMetadata(fn)) };
}

/** The text of `functions.json`. */
export function functionsJson(catalog: readonly CatalogFunction[] = CATALOG): string {
  return `${JSON.stringify(functionsMetadata(catalog), null, 2)}\n`;
}

/**
 * The same functions as JSDoc-annotated stubs, the input Microsoft's `custom-functions-metadata`
 * reads: tests run it on this text to check our JSON against the official generator.
 */
export function functionsJsDocSource(catalog: readonly CatalogFunction[] = CATALOG): string {
  return catalog
    .map((fn) => {
      const params = fn.declaration.params.map((p) => {
        const { name, help } = frFunctions.params[p.key];
        return ` * @param {any[][]} ${'optional' in p ? `[${name}]` : name} ${oneLine(help)}`;
      });
      const args = fn.declaration.params.map((p) => frFunctions.params[p.key].name).join(', ');
      return [
        '/**',
        ` * ${oneLine(frFunctions.help[fn.name])}`,
        ` * @customfunction ${fn.name} ${fn.name}`,
        ...params,
        ` * @returns {any[][]} ${frFunctions.results.any}`,
        ' */',
        `function ${fn.name.toLowerCase()}(${args}) {`,
        '  return [[0]];',
        '}',
        '',
      ].join('\n');
    })
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\*\//g, '* /').trim();
}
