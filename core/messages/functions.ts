/**
 * The spreadsheet functions' help (Excel's functions.json, aide.html, the Apps Script stubs), one
 * JSON file per language; `{max}` stands for the default maximum score, declared in settings.
 */
import { DEFAULT_CRITERION_MAX } from '../settings.js';
import en from './en-functions.json';
import fr from './fr-functions.json';
import type { FunctionTexts } from './texts.js';

function withDefaults(texts: FunctionTexts): FunctionTexts {
  const { maximums } = texts.params;
  const help = maximums.help.replace('{max}', String(DEFAULT_CRITERION_MAX));
  return { ...texts, params: { ...texts.params, maximums: { ...maximums, help } } };
}

export const frFunctions: FunctionTexts = withDefaults(fr);
export const enFunctions: FunctionTexts = withDefaults(en);
