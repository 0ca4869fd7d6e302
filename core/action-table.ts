/**
 * The actions every host offers (task pane, sidebar, Sheets menu and its stubs, CLI commands), in
 * the order they are shown. Declarations only, so the panel bundle reads this list without pulling
 * in the rules; `core/actions.ts` pairs each name with its `run`. Adding an action is one line here,
 * one runner there, its labels in the locale files; the compiler then asks every host for it.
 */
export const ACTION_TABLE = [
  { name: 'template', changesCells: false, reads: [] },
  { name: 'validate', changesCells: false, reads: ['staff', 'validation'] },
  { name: 'reformat', changesCells: true, reads: ['staff', 'journalEnd'] },
  { name: 'summary', changesCells: false, offersConversion: true, reads: ['staff'] },
  { name: 'rank', changesCells: false, reads: ['staff'] },
  { name: 'followup', changesCells: false, command: 'suivi', reads: ['staff'] },
  { name: 'undo', changesCells: true, reads: 'all' },
] as const satisfies readonly ActionDeclaration[];

/**
 * What an action needs to read beyond the name and first rows of every sheet (`core/reads.ts`
 * turns it into a read per sheet):
 * - `staff`: the sheets of the workbook contract, whole (`STAFF_SHEET_NAMES`);
 * - `validation`: the Validation sheet, whole (the fills it recorded before marking cells);
 * - `journalEnd`: the Journal's header and last row only, to append after it.
 */
export type SheetNeed = 'staff' | 'validation' | 'journalEnd';

export interface ActionDeclaration {
  readonly name: string;
  /** Changes staff cells: the host shows `changedCells`, asks, and compare-and-sets before writing. */
  readonly changesCells: boolean;
  /**
   * Writes its sheet either way, but first offers to convert the text cells its formulas read
   * (optional changes): the host previews, asks, and writes them only when the user says yes.
   */
  readonly offersConversion?: boolean;
  /** The `alliance` command word when it is not the name (French words staff type: `alliance suivi`). */
  readonly command?: string;
  /** The sheets read whole or in part (hosts that pay per byte read only these); `all`: every sheet, whole. */
  readonly reads: readonly SheetNeed[] | 'all';
}

export type ActionName = (typeof ACTION_TABLE)[number]['name'];

export const ACTIONS: readonly ActionName[] = ACTION_TABLE.map((a) => a.name);

export function isActionName(value: unknown): value is ActionName {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

/** The `alliance` command word of an action. */
export function commandWord(action: ActionName): string {
  const declared: ActionDeclaration | undefined = ACTION_TABLE.find((a) => a.name === action);
  return declared?.command ?? action;
}

/** The action an `alliance` command word names: its command word, or its name. */
export function actionOfCommand(word: string): ActionName | null {
  const found = ACTION_TABLE.find((a: ActionDeclaration) => a.command === word || a.name === word);
  return found ? (found.name as ActionName) : null;
}

/** True for the actions that may offer to convert staff cells before they write (Sommaire budgétaire). */
export function offersConversion(action: ActionName): boolean {
  return ACTION_TABLE.some((a: ActionDeclaration) => a.name === action && a.offersConversion === true);
}

/** True for the actions that change staff cells (Reformater, Annuler). */
export function changesCells(action: ActionName): boolean {
  return ACTION_TABLE.some((a) => a.name === action && a.changesCells);
}
