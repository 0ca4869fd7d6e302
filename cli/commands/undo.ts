/** `alliance undo FILE [-o OUT] [--restore-changed]`: undoes the last operation of the Journal. */
import { fileCommand } from '../file-command.js';

// Its issues are listed in full: the cells changed since the operation, left as they are.
export const undo = fileCommand({ action: 'undo', outputSuffix: 'annule', listsIssues: true });
