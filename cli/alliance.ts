/**
 * The `alliance` command (design.md « Command line »): parses the options and hands the command of
 * cli/commands/ its context. Exit 0 without errors, 1 with errors (validate), 2 when the file cannot
 * be read or the command is malformed: always one clear line, never a stack trace.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { actionOfCommand } from '../core/action-table.js';
import type { Lang } from '../core/messages/index.js';
import packageJson from '../package.json';
import { type Io, UsageError } from './command.js';
import { COMMANDS } from './commands/index.js';
import { CLI_TEXT, type CliText } from './messages.js';
import { WorkbookReadError } from './xlsx/read.js';

/** The language asked for, before the options are parsed (so that an option error is said in it). */
function langGuessOf(argv: readonly string[]): Lang {
  return argv.includes('--lang=en') || argv.some((a, i) => a === '--lang' && argv[i + 1] === 'en')
    ? 'en'
    : 'fr';
}

export async function main(argv: string[], io: Io): Promise<number> {
  const langGuess = langGuessOf(argv);
  try {
    return await run(argv, io);
  } catch (error) {
    const text = CLI_TEXT[langGuess];
    if (error instanceof WorkbookReadError) {
      io.stderr(text.fileErrors[error.reason](error.path));
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(error.message);
      return 2;
    }
    io.stderr(text.internal(error instanceof Error ? error.message : String(error)));
    return 2;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(CLI_TEXT[langGuessOf(argv)].badOption(parseErrorDetail(error)));
  }
  const { values, positionals } = parsed;
  const langOption = values.lang ?? 'fr';
  if (langOption !== 'fr' && langOption !== 'en') throw new UsageError(CLI_TEXT.fr.badLang(langOption));
  const lang: Lang = langOption;
  const text = CLI_TEXT[lang] as CliText;

  if (values.version) {
    io.stdout(packageJson.version);
    return 0;
  }
  if (values.help || positionals.length === 0) {
    if (positionals.length === 0 && !values.help) {
      io.stderr(text.usage);
      return 2;
    }
    io.stdout(text.help);
    return 0;
  }
  const [word, ...files] = positionals;
  const command = actionOfCommand(word);
  if (command === null) throw new UsageError(text.unknownCommand(word));
  if (files.length > 1) throw new UsageError(text.tooManyFiles);
  const now = io.now?.() ?? new Date();
  return COMMANDS[command].run({ files, options: values, lang, text, now, io });
}

/** node:util's parse errors are English sentences: say the same in French. */
function parseErrorDetail(error: unknown): string {
  const { code, message: text } = error as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(text ?? '')?.[1] ?? '';
  const name = option.replace(/ <value>$/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `option inconnue «\u00a0${name}\u00a0»`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(text ?? '')
      ? `il manque la valeur de ${name}`
      : `${name} ne prend pas de valeur`;
  }
  return text ?? String(error);
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      'in-place': { type: 'boolean' },
      'restore-changed': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'V' },
    },
  });
}

/** The process entry: real streams, a terminal prompt when there is one. */
export async function cli(argv: string[] = process.argv.slice(2)): Promise<number> {
  const io: Io = {
    stdout: (t) => process.stdout.write(`${t}\n`),
    stderr: (t) => process.stderr.write(`${t}\n`),
    progress: Boolean(process.stderr.isTTY),
  };
  if (process.stdin.isTTY) {
    io.confirm = async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      const answer = await rl.question(question);
      rl.close();
      return /^\s*(o|oui|y|yes)\s*$/i.test(answer);
    };
  }
  return main(argv, io);
}
