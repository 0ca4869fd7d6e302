/**
 * `functions.json` for Excel, derived from the one catalog (core/catalog): ids are the catalog
 * names, shown in Excel under the ALLIANCE namespace (`=ALLIANCE.ELIGIBLE(…)`), French help.
 *
 * Every parameter is `any` with matrix dimensionality: Excel then always passes a 2-D array (a
 * single cell as `[[value]]`, empty cells as `null`), which is what the catalog takes. Results
 * are matrices too: the catalog always answers with a 2-D array that spills.
 */
import { CATALOG, type CatalogFunction } from '../core/catalog/catalog.js';

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

export function functionMetadata(fn: CatalogFunction): FunctionMetadata {
  return {
    id: fn.name,
    name: fn.name,
    description: fn.help.fr,
    parameters: fn.params.map((param) => ({
      name: param.name,
      description: param.help.fr,
      type: 'any',
      dimensionality: 'matrix',
      ...(param.optional ? { optional: true as const } : {}),
    })),
    result: { type: 'any', dimensionality: 'matrix' },
  };
}

export function functionsMetadata(catalog: readonly CatalogFunction[] = CATALOG): FunctionsMetadata {
  return { allowErrorForDataTypeAny: true, functions: catalog.map(functionMetadata) };
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
      const params = fn.params.map((p) => {
        const name = p.optional ? `[${p.name}]` : p.name;
        return ` * @param {any[][]} ${name} ${oneLine(p.help.fr)}`;
      });
      const args = fn.params.map((p) => p.name).join(', ');
      return [
        '/**',
        ` * ${oneLine(fn.help.fr)}`,
        ` * @customfunction ${fn.name} ${fn.name}`,
        ...params,
        ' * @returns {any[][]} Le résultat, une cellule par ligne.',
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
