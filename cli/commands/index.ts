/** One command per action of core's table (core/action-table.ts): the type asks for each. */
import type { ActionName } from '../../core/action-table.js';
import type { Command } from '../command.js';
import { followup } from './followup.js';
import { rank } from './rank.js';
import { reformat } from './reformat.js';
import { summary } from './summary.js';
import { template } from './template.js';
import { undo } from './undo.js';
import { validate } from './validate.js';

export const COMMANDS: { readonly [A in ActionName]: Command } = {
  template,
  validate,
  reformat,
  summary,
  rank,
  followup,
  undo,
};
