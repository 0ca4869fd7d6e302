/**
 * What an Office.js request weighs, counted the way Office.js builds it: each proxy a command
 * creates (`getRange(…)`, `.format`, `.fill`) is one object path plus one action that instantiates
 * it, each property set or method call is one more action, and arguments travel as JSON, in UTF-8.
 * The constants hold for object ids of up to 7 digits; tests/addin/real-requests checks every
 * estimate against the request Office.js's own builder makes.
 */

/** An object path and its instantiating action, without the arguments. */
export const PROXY_BYTES = 210;
/** A property set or a method call, without the arguments. */
export const CALL_BYTES = 150;
/** What every request carries: the workbook's root paths, the application, the calculation pause. */
export const REQUEST_BYTES = 800;
/** `worksheets.getItem(name)`, once per sheet a request touches. */
export function sheetHandleBytes(name: string): number {
  return 2 * PROXY_BYTES + jsonBytes(name);
}

/** The weight of `proxies` new proxies and `calls` calls whose arguments are `args`. */
export function commandBytes(proxies: number, calls: number, ...args: unknown[]): number {
  let bytes = proxies * PROXY_BYTES + calls * CALL_BYTES;
  for (const arg of args) bytes += jsonBytes(arg);
  return bytes;
}

/** UTF-8 length of a value's JSON: French text weighs more than its character count. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Two bytes up to U+07FF, three above; a surrogate pair is two units for four bytes.
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** Office.js sends a 2-D array of more than this many cells in row chunks (setRangePropertiesInBulk). */
const BULK_CELLS = 1500;

/**
 * The extra weight of setting `values`, `formulas` or `numberFormat` on a `rows × cols` range:
 * Office.js cuts arrays above 1 500 cells into chunks of round(1 500 / cols) rows, each chunk a
 * `getRow(i).getBoundingRect(getRow(j))` (three proxies) and its own set.
 */
export function bulkSetBytes(rows: number, cols: number): number {
  if (rows * cols <= BULK_CELLS) return 0;
  const chunkRows = Math.max(1, Math.round(BULK_CELLS / cols));
  const chunks = Math.ceil(rows / chunkRows);
  return chunks * commandBytes(3, 1, [rows, rows]);
}
