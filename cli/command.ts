/**
 * What every `alliance` command shares: the context the dispatcher (cli/alliance.ts) hands it, the
 * one error that becomes « one clear line on stderr, exit 2 », and the few file helpers.
 */
import { stat } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import type { Lang } from '../core/messages/index.js';
import type { ResolvedPlan } from '../core/writes.js';
import type { CliText } from './messages.js';
import { writeWorkbook } from './xlsx/write.js';

/** Where the command prints: the real process, or a test's buffers. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Asks a yes/no question; absent when stdin is not a terminal. */
  confirm?: (question: string) => Promise<boolean>;
  /** Progress lines only make sense on a terminal. */
  progress: boolean;
  /** Size from which progress lines are shown (default: about 2 000 projects). */
  largeFileBytes?: number;
  now?: () => Date;
}

/** The options `alliance` accepts (cli/alliance.ts parses them). */
export interface Options {
  output?: string;
  json?: boolean;
  'in-place'?: boolean;
  'restore-changed'?: boolean;
  yes?: boolean;
}

export interface CommandContext {
  /** The file arguments after the command name (at most one). */
  files: readonly string[];
  options: Options;
  lang: Lang;
  text: CliText;
  now: Date;
  io: Io;
}

/** One `alliance` command; returns the exit code. */
export interface Command {
  run(context: CommandContext): Promise<number>;
}

/** A malformed command or a file that cannot be read or written: one line on stderr, exit 2. */
export class UsageError extends Error {}

/** The file's size, or -1 when there is no such file. */
export async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return -1;
  }
}

/** Writes the workbook; a file system refusal becomes one sentence naming the file. */
export async function write(
  workbook: ExcelJS.Workbook,
  output: string,
  source: Buffer | undefined,
  plan: ResolvedPlan,
  text: CliText,
): Promise<void> {
  try {
    await writeWorkbook(workbook, output, { source, plan });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const known: Record<string, string> = text.writeErrors;
    const detail = known[code] ?? (error instanceof Error ? error.message : String(error));
    throw new UsageError(text.writeFailed(output, detail));
  }
}
