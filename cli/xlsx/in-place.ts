/**
 * What the CLI settles before it prints anything and writes over a file (design.md « Nothing lost »):
 * never the input by another name, never a workbook open in Excel or LibreOffice, and never
 * `--in-place` when part of the workbook cannot be carried into the output.
 */
import { lstat, readlink, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { CliText } from '../messages.js';
import { type LostContent, lostContent } from './package.js';

export interface OutputCheck {
  /** Lines for stderr: what the output will not contain. */
  warnings: string[];
  /** Why the command must not write (one line, exit 2), or null. */
  refusal: string | null;
}

export async function checkOutput(options: {
  input: string;
  /** Where the result goes; null when nothing is written. */
  output: string | null;
  inPlace: boolean;
  source: Buffer;
  text: CliText;
}): Promise<OutputCheck> {
  const { input, output, inPlace, source, text } = options;
  if (output === null) return { warnings: [], refusal: null };
  const existing = await stat(output).catch(() => null);
  if (existing) {
    // `-o` naming the input through a link (or a hard link) is the input all the same.
    const original = await stat(input).catch(() => null);
    if (!inPlace && original && original.dev === existing.dev && original.ino === existing.ino) {
      return { warnings: [], refusal: text.sameAsInput };
    }
    const lock = await lockFile(output);
    if (lock) return { warnings: [], refusal: text.locked(output, lock.path, lock.app) };
  }
  const lost = await lostContent(source, output);
  const warnings = lost.map((item) => lostLine(item, output, text));
  return { warnings, refusal: inPlace && lost.length > 0 ? text.lostInPlace : null };
}

function lostLine(item: LostContent, output: string, text: CliText): string {
  if (item.kind === 'macros') return text.lostMacros(output);
  const what = text.lostKinds[item.kind];
  return item.sheet === null ? text.lostWorkbook(what) : text.lost(item.sheet, what);
}

/** A lock file beside a workbook: Excel's owner file or LibreOffice's lock, while the file is open there. */
export interface LockFile {
  /** The lock file's path, beside the workbook (or beside the target of a link to it). */
  path: string;
  app: 'Excel' | 'LibreOffice';
}

/**
 * The lock file of `path` when one is present: `~$budget.xlsx` (Excel's owner file) or
 * `.~lock.budget.xlsx#` (LibreOffice), beside the path and, for a link, beside its target.
 */
export async function lockFile(path: string): Promise<LockFile | null> {
  const places = [path];
  const target = await linkTarget(path);
  if (target !== path) places.push(target);
  for (const place of places) {
    const name = basename(place);
    const candidates: LockFile[] = [
      { path: join(dirname(place), `~$${name}`), app: 'Excel' },
      { path: join(dirname(place), `.~lock.${name}#`), app: 'LibreOffice' },
    ];
    for (const candidate of candidates) if (await present(candidate.path)) return candidate;
  }
  return null;
}

async function present(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Follows symbolic links to the file they name (which may not exist yet); `path` itself when not a link. */
export async function linkTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch(() => null);
    if (!info?.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: 'ELOOP' });
}
