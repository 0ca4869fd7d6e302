/**
 * The actions every host offers (task pane, sidebar, Sheets menu and its stubs, CLI commands), in
 * the order they are shown. Declarations only, so the panel bundle reads this list without pulling
 * in the rules; `core/actions.ts` pairs each name with its `run`. Adding an action is one line here,
 * one runner there, its labels in the locale files; the compiler then asks every host for it.
 */
export const ACTION_TABLE = [
  { name: 'template', changesCells: false },
  { name: 'validate', changesCells: false },
  { name: 'reformat', changesCells: true },
  { name: 'summary', changesCells: false },
  { name: 'rank', changesCells: false },
  { name: 'undo', changesCells: true },
] as const satisfies readonly ActionDeclaration[];

export interface ActionDeclaration {
  readonly name: string;
  /** Changes staff cells: the host shows `changedCells`, asks, and compare-and-sets before writing. */
  readonly changesCells: boolean;
}

export type ActionName = (typeof ACTION_TABLE)[number]['name'];

export const ACTIONS: readonly ActionName[] = ACTION_TABLE.map((a) => a.name);

export function isActionName(value: unknown): value is ActionName {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

/** True for the actions that change staff cells (Reformater, Annuler). */
export function changesCells(action: ActionName): boolean {
  return ACTION_TABLE.some((a) => a.name === action && a.changesCells);
}
