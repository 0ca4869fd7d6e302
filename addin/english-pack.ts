/**
 * Entry of `taskpane-en.js`: the English tables of core/messages/en.ts that the task pane uses,
 * handed to taskpane.js (addin/english.ts) when the user picks English.
 */
import { en, enGroups, enPanel, enSheets } from '../core/messages/en.js';
import { ENGLISH_GLOBAL, type EnglishPack } from './english.js';

(globalThis as Record<string, unknown>)[ENGLISH_GLOBAL] = {
  en,
  enGroups,
  enSheets,
  enPanel,
} satisfies EnglishPack;
