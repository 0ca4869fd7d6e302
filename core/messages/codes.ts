import * as z from 'zod/mini';

/*
 * Every issue and reason code, declared once with the types of its parameters. Rules pass raw values
 * (cents, numbers, ISO dates, lists); the locale tables `fr.ts` and `en.ts` turn them into sentences.
 * This module imports nothing of the project, so `issues.ts` and the locale tables can both lean on it.
 * Product code imports only its types: the schemas stay out of the bundles, and the tests run them
 * against every issue the rules raise.
 */

/** What staff typed or a cell holds, as they would recognise it (already shown as text). */
const text = z.string();
/** An amount in cents; each locale writes it (`195 007 $`, `$195,007`). */
const cents = z.number();
/** A whole number that drives a plural. */
const count = z.int();
/** A number that may have decimals (scores, weights); each locale picks its decimal mark. */
const decimal = z.number();
/** `YYYY-MM-DD`. */
const isoDate = z.string();
/** A fiscal-year label, `2020-2021`. */
const year = z.string();
/** A list of names or choices; each locale joins it. */
const list = z.array(z.string());
/** A project number as staff wrote it. */
const project = z.union([z.string(), z.number()]);

/** The kinds of parameter a code may take: the tests fill each with a sample the locales must write. */
export const PARAM_KINDS = { text, cents, count, decimal, isoDate, year, list, project };

const none = z.object({});
const cellValue = z.object({ value: text });

export const ISSUE_CODES = {
  // — réglages (Paramètres)
  'settings.invalidValue': z.object({
    key: text,
    value: text,
    expected: z.enum(['integer', 'number', 'choice', 'date', 'amount', 'text', 'share', 'shares']),
    min: z.optional(decimal),
    max: z.optional(decimal),
    choices: z.optional(list),
  }),
  'settings.unknownKey': z.object({ key: text }),
  'settings.blankValue': z.object({
    key: text,
    /** The default as staff would type it in Paramètres. */
    default: text,
  }),
  'settings.duplicateKey': z.object({ key: text }),
  'settings.weightsSum': z.object({ sum: decimal }),
  'settings.noCriterionCounts': none,
  'settings.missingColumn': z.object({ table: text, column: text }),
  'settings.emptyTable': z.object({ table: text }),
  'settings.duplicateRow': z.object({ table: text, value: text }),
  'settings.invalidRow': z.object({ table: text, column: text, value: text }),
  'settings.variantConflict': z.object({ variant: text, name: text, other: text }),
  'settings.startAfterEnd': z.object({ start: isoDate, end: isoDate }),
  'settings.invalid': z.object({ detail: text }),
  'settings.minAboveCount': z.object({ min: count, count }),
  // — valeurs (montants, dates, listes)
  'money.invalid': cellValue,
  'money.ambiguous': cellValue,
  'money.errorValue': cellValue,
  'money.text': cellValue,
  'money.negative': cellValue,
  'date.invalid': cellValue,
  'date.ambiguous': cellValue,
  'date.errorValue': cellValue,
  'date.outOfRange': cellValue,
  'date.text': cellValue,
  // — municipalités
  'municipality.unrecognized': z.object({
    input: text,
    suggestion: z.optional(text),
    several: z.optional(z.boolean()),
  }),
  'municipality.merged': z.object({ input: text, name: text }),
  'municipality.variant': z.object({ input: text, name: text }),
  // — admissibilité (raisons)
  'eligibility.organizations': z.object({ project, count, required: count, supports: count }),
  'eligibility.municipalities': z.object({ project, count, required: count, unrecognized: count }),
  'eligibility.priorities': z.object({ project, invalid: count }),
  'eligibility.endAfterProgram': z.object({ project, end: isoDate, programEnd: isoDate }),
  'eligibility.startAfterEnd': z.object({ project, start: isoDate, end: isoDate }),
  'eligibility.startBeforeProgram': z.object({ project, start: isoDate, programStart: isoDate }),
  'eligibility.missingDates': z.object({ project, missingStart: z.boolean(), missingEnd: z.boolean() }),
  'eligibility.supportAlsoInvolved': z.object({ project, organization: text }),
  'eligibility.decisionOnIneligible': z.object({ project, decision: text }),
  'eligibility.reportDue': z.object({ project, end: isoDate }),
  'eligibility.communityContribution': z.object({
    project,
    contribution: cents,
    cost: cents,
    /** Percentages: the setting, and the project's own share. */
    minimum: decimal,
    share: decimal,
  }),
  'priority.invalid': z.object({ project, value: text, max: count }),
  // — grille de sélection et pointage
  'score.outOfRange': z.object({ project, evaluator: text, criterion: text, max: decimal, value: decimal }),
  'score.notNumeric': z.object({
    project,
    evaluator: text,
    criterion: text,
    max: decimal,
    value: z.optional(text),
  }),
  'score.missing': z.object({ project, evaluator: text, criterion: text }),
  'review.notDone': z.object({ project, evaluator: text }),
  'review.noScore': z.object({ project, evaluator: text }),
  'review.duplicateEvaluator': z.object({ project, evaluator: text }),
  'review.unknownProject': z.object({ project, evaluator: text, projects: text }),
  'review.missingEvaluator': z.object({ project }),
  'review.conflictExcluded': z.object({ project, evaluator: text }),
  'score.disagreement': z.object({
    project,
    spread: decimal,
    threshold: decimal,
    lowest: decimal,
    highest: decimal,
  }),
  'review.fewerEvaluations': z.object({ project, count, expected: count }),
  // — budget et versements
  'budget.deficit': z.object({ year, deficit: cents, committed: cents, available: cents }),
  'budget.incomplete': z.object({ years: list, cells: list }),
  'budget.grantOutsideProgram': z.object({ project, year, amount: cents }),
  'budget.grantNotAccepted': z.object({ project, decision: text, amount: cents }),
  'payment.aboveGrant': z.object({ project, paid: cents, granted: cents, excess: cents }),
  'payment.notAccepted': z.object({ project, decision: text, amount: cents }),
  'payment.outsideProgram': z.object({ project, date: isoDate, year }),
  'payment.missingDate': z.object({ project, amount: cents }),
  'payment.unknownProject': z.object({ project, amount: cents, projects: text }),
  // — suivi : plafonds, versements prévus, redditions, historique des décisions
  'grant.aboveCap': z.object({ project, granted: cents, cap: cents }),
  'grant.aboveCapWaived': z.object({ project, granted: cents, cap: cents, waiver: text }),
  'grant.aboveRequest': z.object({ project, year, granted: cents, requested: cents }),
  'instalment.lastBeforeReport': z.object({ project, amount: cents, date: isoDate }),
  'report.late': z.object({ project, due: isoDate, days: count }),
  'report.lateElsewhere': z.object({ project, organization: text, other: project, days: count }),
  'decision.decisionDiffers': z.object({
    project,
    date: isoDate,
    latest: text,
    found: text,
    projects: text,
    decisions: text,
  }),
  'decision.grantDiffers': z.object({
    project,
    date: isoDate,
    year,
    latest: cents,
    found: cents,
    projects: text,
    decisions: text,
  }),
  'decision.unknownProject': z.object({ project, projects: text }),
  'decision.missingDate': z.object({ project }),
  'recommendation.committed': z.object({ amount: cents }),
  'recommendation.recommended': z.object({ amount: cents }),
  'recommendation.capped': z.object({ amount: cents, requested: cents, cap: cents }),
  'recommendation.noRequest': none,
  'recommendation.insufficientFunds': z.object({ year, amount: cents, shortfall: cents }),
  'recommendation.belowMinimum': z.object({ score: decimal, minimum: decimal }),
  'recommendation.notEligible': none,
  'recommendation.notScored': none,
  'recommendation.decided': z.object({ decision: text }),
  // — lecture des feuilles
  'sheet.noneFound': none,
  'sheet.missing': z.object({ sheet: text }),
  'sheet.internalError': z.object({ detail: text }),
  'header.notFound': z.object({ column: text }),
  'header.missing': z.object({ column: text, row: count }),
  'header.duplicate': z.object({ column: text, first: text }),
  'header.yearOutsideProgram': z.object({ column: text, year, years: list }),
  'header.criterionMissing': z.object({ criterion: text }),
  'header.unknownCriterion': z.object({ column: text }),
  'cell.errorValue': z.object({ value: text, formula: z.optional(text) }),
  'cell.moneyAsText': cellValue,
  'cell.moneyNegative': z.object({ amount: cents }),
  'cell.dateAsText': cellValue,
  'cell.idMissing': none,
  'cell.amountMissing': none,
  'cell.scoreInvalid': cellValue,
  'cell.conflictInvalid': cellValue,
  'project.duplicateId': z.object({ id: text, cells: list }),
  'project.decisionUnknown': z.object({ value: text, choices: list }),
  'forecast.sheetMissing': z.object({ total: cents }),
  'forecast.noYears': none,
  'forecast.rowTotal': z.object({ found: cents, expected: cents }),
  'forecast.columnTotal': z.object({ year, found: cents, expected: cents }),
  'forecast.grandTotalMismatch': z.object({ found: cents, expected: cents }),
  'forecast.grandTotal': z.object({ total: cents, count }),
  'forecast.programTotalDiffers': z.object({ total: cents, expected: cents, difference: cents }),
  'forecast.yearMissing': z.object({ year }),
  'forecast.yearExtra': z.object({ year, years: list }),
  'forecast.implicitTotal': z.object({ row: count }),
  'forecast.negativeEnvelope': z.object({ year, amount: cents }),
  // — actions (reformater, annuler, feuilles générées)
  'action.validated': z.object({ errors: count, warnings: count, sheets: count }),
  'action.reformatted': z.object({ cells: count, skipped: count, notes: count }),
  'action.nothingToReformat': none,
  'action.undone': z.object({ cells: count, operation: text }),
  'action.summaryWritten': z.object({ sheet: text, years: count, lapsed: cents }),
  'action.ranked': z.object({ sheet: text, eligible: count, total: count, recommended: count }),
  'action.followupWritten': z.object({ sheet: text, projects: count, late: count }),
  'action.templateCreated': z.object({ sheets: count, kept: count }),
  'action.templateNothing': none,
  'action.renamedSheet': z.object({ base: text, sheet: text }),
  'summary.toolFigure': z.object({ year, column: text, cells: list, unreadable: count }),
  'journal.missing': none,
  'journal.nothingToUndo': none,
  'journal.changedSince': z.object({ operation: text }),
  'write.changedSince': cellValue,
  'write.sheetGone': z.object({ sheet: text }),
  'write.computedCell': none,
  'write.protectedSheet': z.object({ sheet: text }),
  'write.protectedRange': z.object({ sheet: text, range: text }),
  'write.interrupted': none,
  'write.interruptedRerun': none,
  'journal.sheetMissing': z.object({ sheet: text, cell: text }),
  'journal.badCell': cellValue,
  'reformat.unrecognizedMunicipality': z.object({ value: text, suggestion: z.optional(text) }),
  'reformat.unparsedPriority': cellValue,
  'reformat.unparsedMoney': cellValue,
  'reformat.unparsedDate': cellValue,
  'reformat.formulaKept': none,
  'template.sheetExists': z.object({ sheet: text }),
  // — fonctions de feuille de calcul (ALLIANCE.*)
  'function.errorValue': cellValue,
  'function.weightsShape': z.object({ expected: count, found: count }),
  'function.maximumsShape': z.object({ expected: count, found: count }),
  'function.notANumber': cellValue,
  'function.outOfRange': z.object({ value: decimal, criterion: text, max: decimal }),
  'function.monthsInvalid': cellValue,
  'function.sharesInvalid': cellValue,
} satisfies Record<string, z.ZodMiniObject>;

export type IssueCode = keyof typeof ISSUE_CODES;

/** The parameters one code takes, as the rule passes them. */
export type ParamsOf<C extends IssueCode> = z.input<(typeof ISSUE_CODES)[C]>;

/** A code with its parameters: what a parser or a plan hands on before a place is known. */
export type Coded<C extends IssueCode = IssueCode> = C extends IssueCode
  ? { code: C; params: ParamsOf<C> }
  : never;

/** Any parameter value: what an issue carries once its code is no longer known statically (JSON, panel). */
export type ParamValue = string | number | boolean | null | undefined | readonly string[];
export type IssueParams = Readonly<Record<string, ParamValue>>;

/** Issue and reason texts in one language: one sentence builder per code, typed by the code's parameters. */
export type IssueTexts = { [C in IssueCode]: (params: ParamsOf<C>) => string };
