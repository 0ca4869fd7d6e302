/**
 * Names of the top-level functions Code.js declares for the menu. Apart from the stubs, so the
 * bundle that runs (apps-script/main.ts) does not carry what only the build writes.
 */
import type { ActionName } from '../core/action-table.js';

/** The top-level function a menu item calls: `allianceMenuReformat` for `reformat`. */
export function menuHandler(action: ActionName): string {
  return `allianceMenu${action.charAt(0).toUpperCase()}${action.slice(1)}`;
}

export const OPEN_PANEL_HANDLER = 'allianceMenuOpenPanel';
