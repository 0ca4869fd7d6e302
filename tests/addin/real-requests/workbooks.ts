/** The plans measured against Office.js: an action over a generated workbook, in Node and in the page alike. */
import { generateWorkbook } from '../../../bench/generate.js';
import type { ActionName } from '../../../core/action-table.js';
import { resolveAction, runAction } from '../../../core/actions.js';
import type { WorkbookSnapshot } from '../../../core/cells.js';
import type { ResolvedPlan } from '../../../core/writes.js';
import { applyResolved as applyInMemory } from '../../fakes/memory-writer.js';

const NOW = new Date(Date.UTC(2026, 10, 27, 14, 0, 0));

/** The generated workbook; for Annuler, as a Reformater left it, with its Journal. */
export function workbookFor(action: ActionName, projects: number): WorkbookSnapshot {
  const generated = generateWorkbook(projects);
  if (action !== 'undo') return generated;
  const reformat = runAction('reformat', generated, { lang: 'fr', now: NOW });
  return applyInMemory(generated, resolveAction(reformat, generated, { lang: 'fr' }).resolved);
}

/** What the action writes into that workbook. */
export function resolvedPlanFor(action: ActionName, snapshot: WorkbookSnapshot): ResolvedPlan {
  const computed = runAction(action, snapshot, { lang: 'fr', now: NOW });
  if (!computed.ok) throw new Error(`${action}: ${computed.summary}`);
  return resolveAction(computed, snapshot, { lang: 'fr' }).resolved;
}
