/**
 * The one entry point every host calls: read the workbook in one batch, call `runAction`, show
 * `plan.changedCells` for changing actions, apply `plan` in one batch. Pure: no I/O, `now` passed in.
 */
import { type ActionName, isActionName } from './action-table.js';
import { type Analysis, analyzeWorkbook } from './analysis.js';
import type { WorkbookSnapshot } from './cells.js';
import { type Issue, issue } from './issues.js';
import { undoLastOperation } from './journal.js';
import { type Lang, message, renderIssue } from './messages/index.js';
import type { CellChange, Plan, SheetPlan } from './plan.js';
import { followupPlan } from './plans/followup.js';
import { rankingPlan } from './plans/ranking.js';
import { summaryPlan, summaryTextSources, type YearTextSources } from './plans/summary.js';
import { templatePlan } from './plans/template.js';
import { validationPlan } from './plans/validation.js';
import { conversionChange, reformatOperation, reformatPlan } from './reformat.js';
import { todayIso } from './values/dates.js';
import { type ResolvedPlan, resolvePlan, type SettleOptions, settlePlan } from './writes.js';

export interface ActionOptions {
  lang?: Lang;
  /** The moment of the action (journal ids, « produced at » marks, today's date); defaults to now. */
  now?: Date;
  /** False when nothing will be written (`alliance validate` without -o): no sheet plan is built. */
  sheets?: boolean;
}

export interface ActionResult {
  action: ActionName;
  /** False when the action could not run (e.g. nothing to undo); `summary` says why. */
  ok: boolean;
  plan: Plan;
  issues: Issue[];
  /** One sentence for the user: « 14 erreurs, 9 avertissements dans 3 feuilles », « 23 cellules reformatées ». */
  summary: string;
  analysis?: Analysis;
  /** Reformater: cells left as they were because they could not be read. */
  unreadCells?: number;
}

/** The summary of a changing action once its cells are known (after the compare-and-set too). */
function changeSummary(
  action: 'reformat' | 'undo',
  plan: Plan,
  unread: number,
  listed: number,
  lang: Lang,
): string {
  const cells = plan.changedCells;
  if (action === 'undo')
    return message('action.undone', { cells, operation: plan.operation?.undoes ?? '' }, lang);
  // The sentence counts every line listed after it: the cells left alone, then the other notes.
  return cells === 0 && listed === 0
    ? message('action.nothingToReformat', {}, lang)
    : message('action.reformatted', { cells, skipped: unread, notes: Math.max(0, listed - unread) }, lang);
}

/**
 * The exact writes of an action's plan on the snapshot it was made from (actions without a
 * confirmation); cells it may not write are added to the issues.
 */
export function resolveAction(
  result: ActionResult,
  snapshot: WorkbookSnapshot,
  options: { lang?: Lang } = {},
): { result: ActionResult; resolved: ResolvedPlan } {
  const { resolved, issues } = resolvePlan(result.plan, snapshot);
  return {
    result: refusedIfProtected(
      issues.length > 0 ? { ...result, issues: [...result.issues, ...issues] } : result,
      options.lang ?? 'fr',
    ),
    resolved,
  };
}

/**
 * The host refused a write part-way (staff switched workbooks, a range protected meanwhile): what was written
 * stays. A journaled action is undone with Annuler; a regenerated sheet is rewritten by running again.
 */
export function interruptedAction(result: ActionResult, lang: Lang = 'fr'): ActionResult {
  const found = issue(result.plan.operation ? 'write.interrupted' : 'write.interruptedRerun', 'error');
  return {
    ...result,
    ok: false,
    plan: { ...result.plan, changedCells: 0 },
    issues: [...result.issues, found],
    summary: renderIssue(found, lang),
  };
}

/** An action that would write into a protected sheet or range did not run: its summary names it. */
function refusedIfProtected(result: ActionResult, lang: Lang): ActionResult {
  const refusal = result.issues.find(
    (i) => i.code === 'write.protectedSheet' || i.code === 'write.protectedRange',
  );
  if (!refusal) return result;
  return {
    ...result,
    ok: false,
    plan: { ...result.plan, changedCells: 0 },
    summary: renderIssue(refusal, lang),
  };
}

/**
 * A changing action as its preview shows it: with the cells no write may touch (those an array
 * formula fills) listed and left out of the count.
 */
export function previewAction(
  result: ActionResult,
  snapshot: WorkbookSnapshot,
  lang: Lang = 'fr',
): ActionResult {
  const { issues } = resolvePlan(result.plan, snapshot);
  if (issues.length === 0) return result;
  const skipped = issues.filter((i) => i.code === 'write.computedCell').length;
  return refusedIfProtected(
    {
      ...result,
      plan: { ...result.plan, changedCells: Math.max(0, result.plan.changedCells - skipped) },
      issues: [...result.issues, ...issues],
    },
    lang,
  );
}

export interface ConfirmOptions extends SettleOptions {
  lang?: Lang;
}

/**
 * After the user confirmed a changing action: compare-and-set against what the host just read
 * again (`current`), then the exact writes on the snapshot the plan was made from. The cells that
 * changed meanwhile are skipped and listed; the summary counts what is really written.
 */
export function confirmAction(
  result: ActionResult,
  snapshot: WorkbookSnapshot,
  current: WorkbookSnapshot,
  options: ConfirmOptions = {},
): { result: ActionResult; resolved: ResolvedPlan } {
  const settled = settlePlan(result.plan, current, options);
  const { resolved, issues } = resolvePlan(settled.plan, snapshot, options);
  const plan = { ...settled.plan, changedCells: resolved.changedCells };
  const summary = summaryAfterWrite(result, resolved.changedCells, options.lang ?? 'fr');
  return {
    result: refusedIfProtected(
      { ...result, plan, issues: [...result.issues, ...settled.issues, ...issues], summary },
      options.lang ?? 'fr',
    ),
    resolved,
  };
}

/** The sentence once the plan is written: a changing action counts the cells really written. */
export function summaryAfterWrite(result: ActionResult, written: number, lang: Lang = 'fr'): string {
  const { action } = result;
  if (action !== 'reformat' && action !== 'undo') return result.summary;
  const plan = { ...result.plan, changedCells: written };
  return changeSummary(action, plan, result.unreadCells ?? 0, result.issues.length, lang);
}

function planOf(action: ActionName, sheets: SheetPlan[], changedCells = 0, activate?: string): Plan {
  const plan: Plan = { action, sheets, changedCells };
  if (activate !== undefined) plan.activate = activate;
  return plan;
}

/** An action that writes one generated sheet and shows it: the analysis's issues after the sheet's. */
function oneSheetResult(
  action: ActionName,
  result: { sheet: SheetPlan; issues: Issue[] },
  analysis: Analysis,
  summary: string,
): ActionResult {
  const plan = planOf(action, [result.sheet], 0, result.sheet.sheet);
  return { action, ok: true, plan, issues: [...result.issues, ...analysis.issues], summary, analysis };
}

/** « 14 erreurs, 9 avertissements dans 3 feuilles »: sheets are those holding an error or a warning. */
export function validationSummary(issues: readonly Issue[], lang: Lang): string {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const sheets = new Set([...errors, ...warnings].map((i) => i.sheet).filter((s): s is string => Boolean(s)));
  return message(
    'action.validated',
    { errors: errors.length, warnings: warnings.length, sheets: sheets.size },
    lang,
  );
}

interface RunContext {
  lang: Lang;
  now: Date;
  sheets: boolean;
}

function analyze(snapshot: WorkbookSnapshot, now: Date): Analysis {
  return analyzeWorkbook(snapshot, { today: todayIso(now) });
}

/**
 * How each action of `ACTION_TABLE` (core/action-table.ts) runs: the type asks for one runner per
 * declared action, so a new action cannot be declared without one.
 */
const RUNS: {
  readonly [A in ActionName]: (snapshot: WorkbookSnapshot, context: RunContext) => ActionResult;
} = {
  template(snapshot, { lang, now }) {
    const result = templatePlan(snapshot, { lang, now });
    const summary =
      result.sheets.length === 0
        ? message('action.templateNothing', {}, lang)
        : message('action.templateCreated', { sheets: result.sheets.length, kept: result.kept.length }, lang);
    return {
      action: 'template',
      ok: true,
      plan: planOf('template', result.sheets, 0, result.sheets[0]?.sheet),
      issues: result.issues,
      summary,
    };
  },

  validate(snapshot, { lang, now, sheets: planned }) {
    const analysis = analyze(snapshot, now);
    const sheets = planned ? validationPlan(analysis, snapshot, { lang, now }) : [];
    return {
      action: 'validate',
      ok: true,
      plan: planOf('validate', sheets, 0, sheets.find((s) => s.mode === 'replace')?.sheet),
      issues: analysis.issues,
      summary: validationSummary(analysis.issues, lang),
      analysis,
    };
  },

  reformat(snapshot, { lang, now }) {
    const analysis = analyze(snapshot, now);
    const result = reformatPlan(analysis, snapshot, { lang, now });
    const summary = changeSummary('reformat', result.plan, result.skippedCells, result.issues.length, lang);
    const edited = result.plan.operation?.changes[0]?.sheet;
    if (edited !== undefined) result.plan.activate = edited;
    return {
      action: 'reformat',
      ok: true,
      plan: result.plan,
      issues: result.issues,
      summary,
      analysis,
      unreadCells: result.skippedCells,
    };
  },

  summary(snapshot, { lang, now }) {
    const analysis = analyze(snapshot, now);
    const sources = summaryTextSources(analysis, snapshot);
    const result = summaryPlan(analysis, snapshot, { lang, now, sources });
    const plan = planOf('summary', [result.sheet], 0, result.sheet.sheet);
    // The text its formulas would misread, offered for conversion first: optional changes, written
    // (and journaled, as Reformater's) only if the user says yes; then the sheet is all live formulas.
    const conversion = sourceConversion(snapshot, sources);
    if (conversion.length > 0) {
      const converted = new Set(conversion.map((change) => `${change.sheet}!${change.cell}`));
      plan.operation = reformatOperation(snapshot, conversion, now);
      plan.sheetsWithOptional = [summaryPlan(analysis, snapshot, { lang, now, sources, converted }).sheet];
    }
    return {
      action: 'summary',
      ok: true,
      plan,
      issues: [...result.issues, ...analysis.issues],
      summary: message(
        'action.summaryWritten',
        {
          sheet: result.sheet.sheet,
          years: analysis.ledger.years.length,
          lapsed: analysis.ledger.lapsedCents,
        },
        lang,
      ),
      analysis,
    };
  },

  rank(snapshot, { lang, now }) {
    const analysis = analyze(snapshot, now);
    const result = rankingPlan(analysis, snapshot, { lang, now });
    const eligible = analysis.ranking.filter((r) => r.eligible).length;
    const recommended = analysis.recommendations.filter((r) => r.status === 'recommended').length;
    const params = { sheet: result.sheet.sheet, eligible, total: analysis.ranking.length, recommended };
    return oneSheetResult('rank', result, analysis, message('action.ranked', params, lang));
  },

  followup(snapshot, { lang, now }) {
    const analysis = analyze(snapshot, now);
    const result = followupPlan(analysis, snapshot, { lang, now });
    const params = { sheet: result.sheet.sheet, projects: result.projects, late: result.late };
    return oneSheetResult('followup', result, analysis, message('action.followupWritten', params, lang));
  },

  undo(snapshot, { lang, now }) {
    const result = undoLastOperation(snapshot, now);
    const plan = planOf('undo', [], result.changedCells, result.plan?.changes[0]?.sheet);
    if (result.plan) plan.operation = result.plan;
    const summary = result.ok
      ? changeSummary('undo', plan, 0, 0, lang)
      : renderIssue(result.issues[0] ?? { code: 'journal.nothingToUndo' }, lang);
    return { action: 'undo', ok: result.ok, plan, issues: result.issues, summary };
  },
};

/** Reformater's conversion of the text sources of the Sommaire, each cell once, as optional changes. */
function sourceConversion(snapshot: WorkbookSnapshot, sources: readonly YearTextSources[]): CellChange[] {
  const changes: CellChange[] = [];
  const seen = new Set<string>();
  for (const year of sources)
    for (const source of [...year[1], ...year[4], ...year[5]]) {
      const key = `${source.sheet}!${source.cell}`;
      const sheet = snapshot.sheets.find((s) => s.name === source.sheet);
      if (!source.convertible || seen.has(key) || !sheet) continue;
      seen.add(key);
      const change = conversionChange(sheet, source.cell, source.kind);
      if (change) changes.push({ ...change, optional: true });
    }
  return changes;
}

export function runAction(
  action: ActionName,
  snapshot: WorkbookSnapshot,
  options: ActionOptions = {},
): ActionResult {
  if (!isActionName(action)) throw new Error(`Unknown action: ${String(action)}`);
  return RUNS[action](snapshot, {
    lang: options.lang ?? 'fr',
    now: options.now ?? new Date(),
    sheets: options.sheets ?? true,
  });
}
