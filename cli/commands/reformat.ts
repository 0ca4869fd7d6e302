/** `alliance reformat FILE [-o OUT] [--yes]`: tidies staff cells, after showing how many change. */
import { fileCommand } from '../file-command.js';

// Its issues are listed in full: the cells it left as they were, and why.
export const reformat = fileCommand({ action: 'reformat', outputSuffix: 'reformate', listsIssues: true });
