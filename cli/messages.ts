/** The command line's texts per language; the sentences live in the locale files `core/messages/fr.ts` and `en.ts`. */
import { enCli } from '../core/messages/en.js';
import type { Lang } from '../core/messages/format.js';
import { frCli } from '../core/messages/fr.js';
import type { CliText } from '../core/messages/texts.js';

export type { CliText } from '../core/messages/texts.js';

export const CLI_TEXT: Record<Lang, CliText> = { fr: frCli, en: enCli };
