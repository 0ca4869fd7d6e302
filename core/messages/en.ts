import type { IssueTexts } from './codes.js';
import { FORMATS } from './format.js';
import type { GroupTexts } from './groups.js';
import type { CliText, PanelStrings, SheetsMenuTexts, SheetTexts } from './texts.js';

const { money, decimal, plural, list, integer, cells } = FORMATS.en;

/** English renderings of every code in `fr.ts`; a missing code fails the type check. */
export const en: IssueTexts = {
  // — settings (Paramètres)
  'settings.invalidValue': (p) => {
    const expected: Record<typeof p.expected, string> = {
      integer: `a whole number of at least ${p.min}`,
      number: p.max === undefined ? `a number of at least ${p.min}` : `a number from ${p.min} to ${p.max}`,
      choice: list(p.choices ?? []),
      date: 'a date, e.g. 2023-03-31',
      amount: 'a positive amount, or nothing',
      text: 'text',
      share: 'a percentage from 0 to 100 %, or nothing',
      shares: 'shares adding up to 100 %, e.g. 50 %; 40 %; 10 %, or nothing',
    };
    return `Invalid value for "${p.key}": "${p.value}" (expected: ${expected[p.expected]}). The default value is kept.`;
  },
  'settings.unknownKey': (p) => `Unknown setting: "${p.key}". The row is ignored.`,
  'settings.blankValue': (p) => `Setting "${p.key}" is blank: the default value (${p.default}) is used.`,
  'settings.duplicateKey': (p) => `Setting "${p.key}" appears twice: the last value is used.`,
  'settings.weightsSum': (p) =>
    `Criteria weights add up to ${decimal(p.sum)} instead of 100; scores are still computed proportionally.`,
  'settings.noCriterionCounts': () =>
    'Every criterion weight is 0: no criterion would count. The default grid is kept.',
  'settings.missingColumn': (p) =>
    `Table "${p.table}": column "${p.column}" not found. The default list is kept.`,
  'settings.emptyTable': (p) => `Table "${p.table}" is empty: the default list is kept.`,
  'settings.duplicateRow': (p) =>
    `Table "${p.table}": "${p.value}" appears twice; the duplicate row is ignored.`,
  'settings.invalidRow': (p) => `Table "${p.table}": invalid ${p.column} ("${p.value}"); the row is ignored.`,
  'settings.variantConflict': (p) =>
    `Variant "${p.variant}" of ${p.name} is already the name of ${p.other}; it is ignored.`,
  'settings.startAfterEnd': (p) =>
    `Program start (${p.start}) is after its end (${p.end}): the default dates are kept.`,
  'settings.invalid': (p) => `Inconsistent settings (${p.detail}): the default settings are used.`,
  'settings.minAboveCount': (p) =>
    `Minimum municipalities (${p.min}) above the ${p.count} municipalities listed: no project could be eligible.`,
  // — values (amounts, dates, lists)
  'money.invalid': (p) => `Unreadable amount: "${p.value}" (expected e.g. 195007 or $25,350.72).`,
  'money.ambiguous': (p) =>
    `Ambiguous amount: "${p.value}" (thousands or decimals?). Write e.g. 1234 or 1.23.`,
  'money.errorValue': (p) => `The cell holds an error (${p.value}) instead of an amount.`,
  'money.text': (p) =>
    `Amount typed as text ("${p.value}"): it is used; Reformat will turn it into a number.`,
  'money.negative': (p) => `Negative amount ("${p.value}") not allowed here.`,
  'date.invalid': (p) =>
    `Unreadable or impossible date: "${p.value}" (expected e.g. 2020-02-03 or 3 février 2020).`,
  'date.ambiguous': (p) =>
    `Ambiguous date: "${p.value}" (day/month or month/day?). Write it YYYY-MM-DD, e.g. 2020-02-03.`,
  'date.errorValue': (p) => `The cell holds an error (${p.value}) instead of a date.`,
  'date.outOfRange': (p) => `"${p.value}" is not a plausible date (expected between 1950 and 2099).`,
  'date.text': (p) =>
    `Date typed as text ("${p.value}"): it is used; Reformat will turn it into a real date.`,
  // — municipalities
  'municipality.unrecognized': (p) =>
    p.suggestion
      ? `Unrecognized municipality: "${p.input}". Did you mean ${p.suggestion}?`
      : p.several
        ? `Unrecognized municipality: "${p.input}". Several names? Separate them with ; (Saint-Pie; Saint-Damase).`
        : `Unrecognized municipality: "${p.input}".`,
  'municipality.merged': (p) => `${p.input} is now part of ${p.name}; counted once.`,
  'municipality.variant': (p) => `"${p.input}" read as ${p.name}.`,
  // — eligibility (reasons)
  'eligibility.organizations': (p) =>
    `${p.count} involved organization${plural(p.count, '', 's')} of ${p.required} required (letters of support do not count)`,
  'eligibility.municipalities': (p) =>
    `${p.count} municipalit${plural(p.count, 'y', 'ies')} of ${p.required} required${p.unrecognized > 0 ? ` (${p.unrecognized} unrecognized name${plural(p.unrecognized, '', 's')} not counted)` : ''}`,
  'eligibility.priorities': () => 'No valid priority (at least one priority of the action plan is required)',
  'eligibility.startBeforeProgram': (p) =>
    `Project starts (${p.start}) before the program starts (${p.programStart})`,
  'eligibility.endAfterProgram': (p) => `Project ends (${p.end}) after the program ends (${p.programEnd})`,
  'eligibility.startAfterEnd': (p) => `Project starts (${p.start}) after it ends (${p.end})`,
  'eligibility.missingDates': (p) =>
    `Project ${p.project}: ${p.missingStart && p.missingEnd ? 'start and end dates missing' : p.missingStart ? 'start date missing' : 'end date missing'}, dates cannot be checked.`,
  'eligibility.supportAlsoInvolved': (p) =>
    `Project ${p.project}: “${p.organization}” is also listed among the involved organizations; counted once.`,
  'eligibility.decisionOnIneligible': (p) =>
    `Project ${p.project}: decision “${p.decision}” although the project is not eligible (see the reasons).`,
  'eligibility.reportDue': (p) => `Project ${p.project} ended on ${p.end}: final report due.`,
  'eligibility.communityContribution': (p) =>
    `Community contribution of ${money(p.contribution)} (${decimal(p.share)}% of the total cost of ${money(p.cost)}), below the minimum of ${decimal(p.minimum)}%`,
  'priority.invalid': (p) =>
    `Unrecognized priority: “${p.value}” (expected a number from 1 to ${p.max} or a priority name).`,
  // — selection grid and scoring
  'score.outOfRange': (p) =>
    `Score ${decimal(p.value)} out of range for “${p.criterion}” (0 to ${decimal(p.max)}): ${p.evaluator}, project ${p.project}; not counted.`,
  'score.notNumeric': (p) =>
    `Non-numeric score${p.value ? ` “${p.value}”` : ''} for “${p.criterion}”: ${p.evaluator}, project ${p.project}; not counted.`,
  'score.missing': (p) =>
    `Missing score for “${p.criterion}”: ${p.evaluator}, project ${p.project}; counted as N/A.`,
  'review.notDone': (p) =>
    `Review by ${p.evaluator || 'an unnamed evaluator'} for project ${p.project} has no score at all: it is not counted.`,
  'review.noScore': (p) =>
    `Review without a score: ${p.evaluator || 'an unnamed evaluator'} wrote N/A everywhere for project ${p.project}.`,
  'review.duplicateEvaluator': (p) =>
    `${p.evaluator} reviews project ${p.project} twice: this row is not counted.`,
  'review.unknownProject': (p) =>
    `Review by ${p.evaluator || 'an unnamed evaluator'} for project ${p.project}, which is not in the ${p.projects} sheet.`,
  'review.missingEvaluator': (p) => `Review of project ${p.project} without an evaluator name.`,
  'review.conflictExcluded': (p) =>
    `${p.evaluator} declares a conflict of interest for project ${p.project}: their scores are left out of the average.`,
  'score.disagreement': (p) =>
    `Project ${p.project}: evaluators differ by ${decimal(p.spread)} points (from ${decimal(p.lowest)} to ${decimal(p.highest)}; threshold ${decimal(p.threshold)}).`,
  'review.fewerEvaluations': (p) =>
    `Project ${p.project}: ${p.count} review${plural(p.count, '', 's')}, while other eligible projects have ${p.expected}.`,
  // — budget and payments
  'budget.deficit': (p) =>
    `Deficit of ${money(p.deficit)} in ${p.year}: ${money(p.committed)} committed for ${money(p.available)} available.`,
  'budget.incomplete': (p) =>
    `Budget incomplete in ${list(p.years)}: ${plural(p.cells.length, 'an unreadable amount is counted', `${p.cells.length} unreadable amounts are counted`)} as 0 (${cells(p.cells)}). The balances, carry-forwards and deficits of ${plural(p.years.length, 'this year', 'these years')} are not established: fix ${plural(p.cells.length, 'this cell', 'these cells')}.`,
  'budget.grantOutsideProgram': (p) =>
    `Project ${p.project}: ${money(p.amount)} granted in ${p.year}, outside the program years.`,
  'budget.grantNotAccepted': (p) =>
    `Project ${p.project}: ${money(p.amount)} granted, but the decision is “${p.decision || 'blank'}”: not committed.`,
  'payment.aboveGrant': (p) =>
    `Project ${p.project}: ${money(p.paid)} paid, above the ${money(p.granted)} granted (excess of ${money(p.excess)}).`,
  'payment.notAccepted': (p) =>
    `Payment of ${money(p.amount)} to project ${p.project}, whose decision is “${p.decision || 'blank'}”, not “Accepté”.`,
  'payment.outsideProgram': (p) =>
    `Payment dated ${p.date} to project ${p.project}: fiscal year ${p.year} is outside the program.`,
  'payment.missingDate': (p) =>
    `Payment of ${money(p.amount)} to project ${p.project} without a date: counted in no fiscal year.`,
  'payment.unknownProject': (p) =>
    `Payment of ${money(p.amount)} to project ${p.project}, which is not in the ${p.projects} sheet.`,
  // — follow-up: caps, planned instalments, final reports, decision history
  'grant.aboveCap': (p) =>
    `Project ${p.project}: ${money(p.granted)} granted, above the cap of ${money(p.cap)}; write a justification in “Dérogation” or reduce the grant.`,
  'grant.aboveCapWaived': (p) =>
    `Project ${p.project}: ${money(p.granted)} granted, above the cap of ${money(p.cap)}, by waiver (“${p.waiver}”).`,
  'grant.aboveRequest': (p) =>
    `Project ${p.project}: ${money(p.granted)} granted in ${p.year}, more than the ${money(p.requested)} requested.`,
  'instalment.lastBeforeReport': (p) =>
    `Project ${p.project}: the last planned instalment (${money(p.amount)}) receives a payment on ${p.date}, before the final report is received.`,
  'report.late': (p) =>
    `Project ${p.project}: final report due on ${p.due}, ${p.days} day${plural(p.days, '', 's')} late.`,
  'report.lateElsewhere': (p) =>
    `Project ${p.project}: ${p.organization} has not handed in the final report of project ${p.other} (${p.days} day${plural(p.days, '', 's')} late).`,
  'decision.decisionDiffers': (p) =>
    `Project ${p.project}: the latest decision (${p.date}, ${p.decisions} sheet) is “${p.latest}”, but the ${p.projects} sheet says “${p.found || 'blank'}”; the ${p.decisions} sheet is used.`,
  'decision.grantDiffers': (p) =>
    `Project ${p.project}: the latest decision (${p.date}, ${p.decisions} sheet) grants ${money(p.latest)} in ${p.year}, but the ${p.projects} sheet says ${money(p.found)}; the ${p.decisions} sheet is used.`,
  'decision.unknownProject': (p) =>
    `Decision for project ${p.project}, which is not in the ${p.projects} sheet: it is not counted.`,
  'decision.missingDate': (p) =>
    `Decision without a date for project ${p.project}: it cannot be placed in the history and is not counted.`,
  'recommendation.committed': (p) => `Already committed: ${money(p.amount)}`,
  'recommendation.recommended': (p) => `Recommended: ${money(p.amount)}`,
  'recommendation.capped': (p) =>
    `Recommended (capped): ${money(p.amount)} of the ${money(p.requested)} requested (cap of ${money(p.cap)})`,
  'recommendation.noRequest': () => 'No amount requested for the program years',
  'recommendation.insufficientFunds': (p) =>
    `Insufficient funds in ${p.year} (short by ${money(p.shortfall)})`,
  'recommendation.belowMinimum': (p) =>
    `Final score of ${decimal(p.score)} below the threshold of ${decimal(p.minimum)}`,
  'recommendation.notEligible': () => 'Not eligible',
  'recommendation.notScored': () => 'Not scored yet',
  'recommendation.decided': (p) => `Decision already made: ${p.decision}`,
  // — reading sheets
  'sheet.noneFound': () =>
    'No program sheet in this workbook: it needs at least one of the sheets “Projets”, “Grille de sélection”, “Versements”, “Budget prévisionnel” or “Paramètres” (or their English names).',
  'sheet.missing': (p) => `Sheet “${p.sheet}” not found: it is treated as empty.`,
  'sheet.internalError': (p) =>
    `The workbook could not be fully analyzed (internal error: ${p.detail}). Please report it to the tool's team.`,
  'header.notFound': (p) =>
    `No header row in the first 30 rows (expected column: “${p.column}”): the sheet is not read.`,
  'header.missing': (p) => `Required column “${p.column}” is missing from the header row (row ${p.row}).`,
  'header.duplicate': (p) => `Column “${p.column}” appears twice: only the first one (${p.first}) is read.`,
  'header.yearOutsideProgram': (p) =>
    `Column “${p.column}”: ${p.year} is not a program year (${list(p.years)}); its amounts are not counted in the budget.`,
  'header.criterionMissing': (p) =>
    `Criterion “${p.criterion}” from the settings is missing from the grid: no score is read for it.`,
  'header.unknownCriterion': (p) =>
    `Column “${p.column}” is not a criterion of the settings; its scores are not counted.`,
  'cell.errorValue': (p) =>
    p.formula
      ? `This cell's formula returns an error (${p.value}): the value is ignored.`
      : `Error value in the cell (${p.value}): the value is ignored.`,
  'cell.moneyAsText': (p) => `Amount entered as text (“${p.value}”): Reformat will convert it.`,
  'cell.moneyNegative': (p) => `Negative amount (${money(p.amount)}): an amount cannot be negative here.`,
  'cell.dateAsText': (p) => `Date entered as text (“${p.value}”): Reformat will convert it.`,
  'cell.idMissing': () => 'Project number (No) missing: the row is not read.',
  'cell.amountMissing': () => 'Amount missing: the payment is not counted.',
  'cell.scoreInvalid': (p) => `Unreadable score: “${p.value}”. Enter a number (7 or 7.5) or “N/A”.`,
  'cell.conflictInvalid': (p) =>
    `Unreadable conflict of interest: “${p.value}”. Enter Yes or No; the row is counted without a conflict.`,
  'project.duplicateId': (p) =>
    `Project number “${p.id}” appears twice (${list(p.cells)}): only the first row is read.`,
  'project.decisionUnknown': (p) => `Unknown decision: “${p.value}”. Choices: ${list(p.choices)}.`,
  'forecast.sheetMissing': (p) =>
    `Sheet “Budget prévisionnel” not found: the action plan's envelopes are used (${money(p.total)} in total).`,
  'forecast.noYears': () =>
    "No fiscal-year column (e.g. “2020-2021”) in the forecast budget: the action plan's envelopes are used.",
  'forecast.rowTotal': (p) =>
    `Wrong row total: ${money(p.found)} entered, but the years add up to ${money(p.expected)}.`,
  'forecast.columnTotal': (p) =>
    `Wrong total for ${p.year}: ${money(p.found)} entered, but the rows add up to ${money(p.expected)}.`,
  'forecast.grandTotalMismatch': (p) =>
    `Wrong grand total: ${money(p.found)} entered, but the envelopes add up to ${money(p.expected)}.`,
  'forecast.grandTotal': (p) => `Forecast budget: ${money(p.total)} in total over ${p.count} fiscal years.`,
  'forecast.programTotalDiffers': (p) =>
    `The forecast budget adds up to ${money(p.total)}, but the action plan provides ${money(p.expected)} (difference: ${money(p.difference)}).`,
  'forecast.yearMissing': (p) =>
    `Fiscal year ${p.year} is missing from the forecast budget: its envelope counts as $0.`,
  'forecast.yearExtra': (p) =>
    `Fiscal year ${p.year} is outside the program years (${list(p.years)}): its envelope is counted anyway.`,
  'forecast.implicitTotal': (p) =>
    `Unlabelled row ${p.row} read as a total row: it equals the sum of the rows above.`,
  'forecast.negativeEnvelope': (p) => `Negative envelope for ${p.year}: ${money(p.amount)}.`,
  // — actions (reformat, undo, generated sheets)
  'action.validated': (p) =>
    `${p.errors} error${plural(p.errors, '', 's')}, ${p.warnings} warning${plural(p.warnings, '', 's')} in ${p.sheets} sheet${plural(p.sheets, '', 's')}`,
  'action.reformatted': (p) => {
    const left = p.skipped > 0 ? `; ${p.skipped} left as ${p.skipped === 1 ? 'it was' : 'they were'}` : '';
    const notes = p.notes > 0 ? `; ${p.notes} note${plural(p.notes, '', 's')}` : '';
    return `${p.cells} cell${plural(p.cells, '', 's')} reformatted${left}${notes}${left || notes ? ' (see the list)' : ''}`;
  },
  'action.nothingToReformat': () => 'No cell to reformat: the grids are already tidy.',
  'action.undone': (p) => `${p.cells} cell${plural(p.cells, '', 's')} restored (operation ${p.operation})`,
  'action.summaryWritten': (p) =>
    `Budget summary written to “${p.sheet}”: ${p.years} fiscal years, ${money(p.lapsed)} unused`,
  'action.followupWritten': (p) =>
    `Project follow-up written to “${p.sheet}”: ${p.projects} accepted project${plural(p.projects, '', 's')}, ${p.late} late report${plural(p.late, '', 's')}`,
  'action.ranked': (p) =>
    `Ranking written to “${p.sheet}”: ${p.eligible} eligible project${plural(p.eligible, '', 's')} of ${p.total}, ${p.recommended} recommended`,
  'action.templateCreated': (p) =>
    `Template created: ${p.sheets} sheet${plural(p.sheets, '', 's')} added${p.kept > 0 ? `, ${p.kept} already there left untouched` : ''}`,
  'action.templateNothing': () => 'Every template sheet already exists: nothing was changed.',
  'summary.toolFigure': (p) =>
    `Budget summary, ${p.column} ${p.year}: the tool’s figure, shaded. ${
      p.unreadable > 0
        ? `${plural(p.cells.length, 'Its source cannot be read', 'Not all its sources can be read')} (${cells(p.cells)}): fix ${plural(p.cells.length, 'it', 'them')}.`
        : `${plural(p.cells.length, 'Its source is text', 'Its sources are text')} (${cells(p.cells)}), which a formula would read as 0. Once converted (the summary offers it, so does Reformat), the figure will follow edits.`
    }`,
  'action.renamedSheet': (p) =>
    `A staff sheet is already named “${p.base}”: the result is written to “${p.sheet}”.`,
  'journal.missing': () => 'Nothing to undo: the workbook has no “Journal” sheet yet.',
  'journal.nothingToUndo': () => 'Nothing to undo: every operation in the Journal is already undone.',
  'journal.changedSince': (p) =>
    `Cell changed since operation ${p.operation}: it is left as it is unless you ask to restore it too.`,
  'write.changedSince': (p) =>
    `Cell changed during the operation (it now holds “${p.value}”): left as it is.`,
  'write.sheetGone': (p) => `Sheet “${p.sheet}” no longer exists: the cell is left out.`,
  'write.protectedSheet': (p) =>
    `Sheet “${p.sheet}” is protected: nothing was written. Unprotect it (Excel: Review; Google Sheets: Data → Protected sheets and ranges), then run the action again.`,
  'write.protectedRange': (p) =>
    `Range ${p.range} of sheet “${p.sheet}” is protected: nothing was written. Ask someone who may edit it to add you or remove its protection, then run the action again.`,
  'write.interrupted': () =>
    'Write interrupted (workbook switched, range protected meanwhile): only part of the changes were made. “Undo the last operation” goes back to how things were.',
  'write.interruptedRerun': () =>
    'Write interrupted (workbook switched, range protected meanwhile): only part of the result was written. Run the action again: it rewrites its sheet whole.',
  'write.computedCell': () =>
    'Cell filled by an array formula or a dynamic array: the tool does not write it.',
  'journal.sheetMissing': (p) => `Sheet “${p.sheet}” no longer exists: cell ${p.cell} could not be restored.`,
  'journal.badCell': (p) => `Unreadable cell address in the Journal: “${p.value}”.`,
  'reformat.unrecognizedMunicipality': (p) =>
    p.suggestion
      ? `Unrecognized municipality left as is: “${p.value}”. Did you mean ${p.suggestion}?`
      : `Unrecognized municipality left as is: “${p.value}”.`,
  'reformat.unparsedPriority': (p) => `Unrecognized priority left as is: “${p.value}”.`,
  'reformat.unparsedMoney': (p) => `Unreadable amount left as is: “${p.value}”.`,
  'reformat.unparsedDate': (p) => `Unreadable date left as is: “${p.value}”.`,
  'reformat.formulaKept': () => 'Cell computed by a formula: Reformat leaves it alone.',
  'template.sheetExists': (p) => `Sheet “${p.sheet}” already exists: it is left untouched.`,
  // — spreadsheet functions (ALLIANCE.*)
  'function.errorValue': (p) => `The cell holds an error (${p.value}).`,
  'function.weightsShape': (p) =>
    `One weight per score column is needed: ${p.expected} expected, ${p.found} given (positive numbers).`,
  'function.maximumsShape': (p) =>
    `One positive maximum per score column is needed: ${p.expected} expected, ${p.found} given.`,
  'function.notANumber': (p) => `Unreadable score: « ${p.value} » (a number or N/A).`,
  'function.monthsInvalid': (p) => `Invalid number of months: “${p.value}” (a whole number, 0 or more).`,
  'function.sharesInvalid': (p) =>
    `Invalid shares: “${p.value}” (positive shares adding up to 100%, e.g. 50 %; 40 %; 10 %).`,
  'function.outOfRange': (p) =>
    `Score ${decimal(p.value)} out of range for criterion ${p.criterion} (0 to ${decimal(p.max)}).`,
};

// — task pane / sidebar
/** The Sheets menu's texts: apart, so that Code.js carries them without the whole panel. */
export const enSheetsMenu: SheetsMenuTexts = {
  title: 'Alliance',
  openPanel: 'Open the panel',
  confirm: (cells) =>
    `${integer(cells)} ${cells === 1 ? 'cell will be changed' : 'cells will be changed'}. The old values are recorded in the Journal sheet and “Undo the last operation” restores them. Continue?`,
  convertFirst: (cells) =>
    `The summary reads ${cells === 1 ? 'a cell' : `${integer(cells)} cells`} typed as text (amounts, dates). “Yes”: convert ${cells === 1 ? 'it' : 'them'} to numbers first, as Reformat does (recorded in the Journal). “No”: the tool’s figures, shaded.`,
  busy: 'Another Alliance operation is running in this spreadsheet: nothing was changed. Try again in a moment.',
  doneKeptChanged: (summary, kept) =>
    kept === 1
      ? `${summary}. 1 cell changed meanwhile was left as it was (see the panel).`
      : `${summary}. ${integer(kept)} cells changed meanwhile were left as they were (see the panel).`,
};

export const enPanel: PanelStrings = {
  locale: 'en-CA',
  title: 'Alliance pour la solidarité',
  subtitle: 'MRC des Maskoutains',
  languageSwitch: 'Language',
  languageName: { fr: 'Français', en: 'English' },
  actionsHeading: 'Actions',
  action: {
    template: 'Create the template',
    validate: 'Validate',
    reformat: 'Reformat',
    summary: 'Budget summary',
    rank: 'Ranking and recommendation',
    followup: 'Project follow-up',
    undo: 'Undo the last operation',
  },
  actionHint: {
    template: 'Adds the missing sheets with their headers.',
    validate: 'Checks the grids without changing anything.',
    reformat: 'Tidies amounts, dates and names.',
    summary: 'Budget carry-forward by fiscal year.',
    rank: 'Scores, rank and proposed funding.',
    followup: 'Grants, payments and final reports due.',
    undo: 'Restores the changed cells.',
  },
  busy: {
    template: 'Creating the template…',
    validate: 'Validating…',
    reformat: 'Reformatting…',
    summary: 'Computing the budget summary…',
    rank: 'Computing the ranking…',
    followup: 'Computing the project follow-up…',
    undo: 'Undoing…',
  },
  previewBusy: (action) => `${action}: counting the cells to change…`,
  confirmChanges: (cells) =>
    cells === 1 ? '1 cell will be changed. Continue?' : `${integer(cells)} cells will be changed. Continue?`,
  restoreChanged: (cells) =>
    cells === 1
      ? 'Also restore the cell changed since the operation (the recent entry is replaced, and recorded in the Journal).'
      : `Also restore the ${integer(cells)} cells changed since the operation (the recent entries are replaced, and recorded in the Journal).`,
  confirmConversion: (cells) =>
    `The summary reads ${cells === 1 ? 'a cell' : `${integer(cells)} cells`} typed as text (amounts, dates): a formula would read ${cells === 1 ? 'it' : 'them'} as 0.`,
  convertFirst: (cells) =>
    `Convert ${cells === 1 ? 'it' : 'them'} to numbers first, as Reformat does (recorded in the Journal). Otherwise the tool’s figures are shown, shaded.`,
  moreWarnings: (count) => `… and ${integer(count)} more.`,
  nothingToChange: 'No cell to change.',
  confirm: 'Confirm',
  cancel: 'Cancel',
  cancelled: 'Cancelled: nothing was changed.',
  resultHeading: 'Result',
  idle: 'Choose an action. Problems found will show here, grouped by sheet.',
  generalGroup: 'General',
  severityCount: {
    error: (n) => (n === 1 ? '1 error' : `${integer(n)} errors`),
    warning: (n) => (n === 1 ? '1 warning' : `${integer(n)} warnings`),
    info: (n) => (n === 1 ? '1 info' : `${integer(n)} infos`),
  },
  severityPrefix: { error: 'Error: ', warning: 'Warning: ', info: 'Info: ' },
  noIssues: 'No problem found.',
  changedCells: (cells) => (cells === 1 ? '1 cell changed.' : `${integer(cells)} cells changed.`),
  moreIssues: (hidden) =>
    hidden === 1
      ? 'And 1 more problem, not shown here: the Validation sheet lists them all (Validate updates it).'
      : `And ${integer(hidden)} more problems, not shown here: the Validation sheet lists them all (Validate updates it).`,
  goToCell: (sheet, cell) => `Go to ${sheet}!${cell}`,
  actionFailed: (action) => `The action “${action}” could not finish.`,
  retryHint: 'Try again; if the problem comes back, the technical detail will help support.',
  selectFailed: (sheet, cell) => `Could not show cell ${sheet}!${cell}.`,
  hostProblem: {
    noGoogleScript: 'google.script.run is missing: this page must be opened from Google Sheets.',
    serverCallFailed: 'The call to the Apps Script server failed.',
    emptyReply: 'Empty reply from the spreadsheet: try again; if it happens again, reload the pane.',
  },
  errorDetail: 'Technical detail',
  unknownError: 'Unknown error.',
  languageFailed: 'The English texts could not be loaded: the panel stays in French.',
};

// — command line
const HELP = `alliance — Alliance pour la solidarité grids (MRC des Maskoutains) in .xlsx files

Usage:
  alliance template [-o FILE]                 creates a blank workbook (sheets, headers, lists, plan settings);
                                              when FILE exists, adds the sheets it lacks and leaves the others
  alliance validate FILE [--json] [-o OUT]    checks the grids; exit code 1 when there are errors;
                                              with -o, also writes an annotated copy: Validation sheet,
                                              cells to check filled, each with a note
  alliance reformat FILE [-o OUT] [--yes]     tidies cells (official names, amounts, dates)
  alliance summary FILE [-o OUT]              adds the « Sommaire budgétaire » sheet (live formulas)
  alliance rank FILE [-o OUT] [--json]        adds the « Classement » sheet and the recommendation
  alliance suivi FILE [-o OUT] [--json]       adds the « Suivi des projets » sheet (grants, payments,
                                              final reports due)
  alliance undo FILE [-o OUT] [--restore-changed]
                                              undoes the last operation recorded in the Journal; a
                                              cell changed since is left as it is

Options:
  -o, --output FILE      output file (default next to the input: NAME.sommaire.xlsx, etc.)
      --in-place         writes into the input file instead of a new file
      --yes              does not ask before changing cells
                         and replaces an output file that already exists (template never replaces)
      --restore-changed  undo: also restores the cells changed since the operation
                         (what it replaces is journaled: another undo gives it back)
      --json             prints the result as JSON (validate, rank, suivi)
      --lang fr|en       message language (fr by default)
  -h, --help             shows this help
  -V, --version          shows the version

Exit codes: 0 no error, 1 errors found, 2 unreadable file or bad usage.
The input file is never changed without --in-place, nor while Excel or LibreOffice has it open
(a ~$NAME or .~lock.NAME# file). An .xlsm keeps its macros.`;

export const enCli: CliText = {
  locale: 'en-CA',
  money: (cents) => money(cents),
  help: HELP,
  usage:
    'Usage: alliance <template|validate|reformat|summary|rank|suivi|undo> [FILE] [options] (see alliance --help)',
  unknownCommand: (c: string) =>
    `Unknown command: « ${c} ». Commands: template, validate, reformat, summary, rank, suivi, undo.`,
  missingFile: (c: string) => `Missing file: alliance ${c} FILE.xlsx`,
  badOption: (detail: string) => `Invalid option: ${detail} (see alliance --help).`,
  badLang: (l: string) => `Unknown language: « ${l} » (fr or en).`,
  tooManyFiles: 'One file at a time.',
  outputExists: (path: string) =>
    `« ${path} » already exists: choose another name (-o) or add --yes to replace it.`,
  sameAsInput: 'The output is the input file: add --in-place to overwrite it.',
  inPlaceNeedsYes: '--in-place without a terminal: add --yes to confirm changing the input file.',
  confirm: (n: number) => `${n} staff cell${n > 1 ? 's' : ''} will change. Continue? (y/N) `,
  notConverted: (n: number) =>
    `${n > 1 ? `${n} cells the summary reads remain` : 'A cell the summary reads remains'} text: their figures are the tool’s, shaded. Run again with --yes to convert them first (as Reformat does).`,
  convertFirst: (n: number) =>
    `${n > 1 ? `${n} cells the summary reads are` : 'A cell the summary reads is'} text (amounts, dates). Convert ${n > 1 ? 'them' : 'it'} to numbers first, as Reformat does (old values in the Journal)? Otherwise their figures will be the tool’s, shaded. (y/N) `,
  cancelled: 'Cancelled: no file written.',
  changed: (n: number) => `${n} cell${n > 1 ? 's' : ''} changed (old values recorded in the Journal).`,
  written: (path: string) => `File written: ${path}`,
  lost: (sheet: string, what: string) =>
    `Warning: sheet « ${sheet} » contains ${what} that the tool cannot carry over; it will be missing from the output.`,
  lostWorkbook: (what: string) =>
    `Warning: the workbook contains ${what} that the tool cannot carry over; it will be missing from the output.`,
  lostMacros: (path: string) =>
    `Warning: the workbook contains macros (VBA), which a file like « ${path} » cannot hold; they will be missing from the output (name it .xlsm to keep them).`,
  lostInPlace: 'In-place write refused so that nothing is lost: the input file was not changed (use -o).',
  lostKinds: {
    pivotTable: 'a pivot table',
    oleObject: 'an embedded (OLE) object',
    control: 'form controls',
    slicer: 'slicers',
    chartsheet: 'a chart sheet',
    threadedComment: 'threaded comments (their replies)',
    macroSheet: 'an Excel 4.0 macro sheet',
    externalLink: 'links to other workbooks (external links)',
  },
  locked: (path: string, lock: string, app: string) =>
    `« ${path} » is open in ${app} (lock file « ${lock} »): close it, then try again; nothing was written. If ${app} does not have it open, delete that lock file.`,
  progressRead: (path: string) => `Reading ${path}…`,
  progressRun: 'Analysing…',
  progressWrite: (path: string) => `Writing ${path}…`,
  writeFailed: (path: string, detail: string) => `Cannot write « ${path} »: ${detail}`,
  writeErrors: {
    ENOENT: 'folder not found',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only disk',
    ENOSPC: 'disk full',
    EISDIR: 'it is a folder',
    EBUSY: 'file open in another program',
    ELOCKED: 'file open in Excel or LibreOffice (lock file present)',
  },
  fileErrors: {
    missing: (path: string) => `File not found: « ${path} ».`,
    directory: (path: string) => `« ${path} » is a folder, not a workbook.`,
    empty: (path: string) => `« ${path} » is empty.`,
    'not-zip': (path: string) => `« ${path} » is not an Excel workbook (.xlsx).`,
    'not-workbook': (path: string) => `« ${path} » is not an Excel workbook (.xlsx).`,
    'damaged-zip': (path: string) => `« ${path} » is damaged: the .xlsx archive cannot be opened.`,
    corrupt: (path: string) => `« ${path} » is damaged: the workbook cannot be read.`,
    encrypted: (path: string) =>
      `« ${path} » is protected by a password: remove it in Excel, then try again (File > Info > Protect Workbook > Encrypt with Password: clear it, then save).`,
    xls: (path: string) =>
      `« ${path} » is an Excel 97-2003 workbook (.xls): open it in Excel or LibreOffice, save it as .xlsx (File > Save As), then try again with that file.`,
    ods: (path: string) =>
      `« ${path} » is an OpenDocument spreadsheet (.ods): open it in LibreOffice or Excel, save it as .xlsx (File > Save As), then try again with that file.`,
    text: (path: string) =>
      `« ${path} » is a text file (.csv), not a workbook: open it in Excel or LibreOffice, save it as .xlsx (File > Save As), then try again with that file.`,
  },
  internal: (detail: string) => `Internal error: ${detail}`,
  counts: (e: number, w: number, i: number) =>
    `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info`,
  severity: { error: 'error', warning: 'warning', info: 'info' },
  workbookLevel: 'Workbook',
  seeValidate: ' (details: alliance validate FILE)',
  notEligible: 'not eligible',
  rankingTitle: 'Ranking',
  budgetTitle: 'Budget by fiscal year',
  budgetHeaders: ['Year', 'Envelope', 'Carried in', 'Available', 'Committed', 'Paid', 'Carried out'],
  lapsed: 'Unused at program end',
  followupTitle: 'Follow-up of accepted projects',
  followupHeaders: ['No', 'Granted', 'Paid', 'Left to pay', 'Report due', 'Days late'],
  score: 'score',
};

/** The repeats of one code in one sheet, said once (Validation sheet, task pane, sidebar). */
export const enGroups: GroupTexts = {
  'cell.moneyAsText': (p) => `${p.count} amounts entered as text: Reformat will convert them — ${p.cells}`,
  'cell.dateAsText': (p) => `${p.count} dates entered as text: Reformat will convert them — ${p.cells}`,
  'money.text': (p) =>
    `${p.count} amounts entered as text: they are used; Reformat will convert them to numbers — ${p.cells}`,
  'date.text': (p) =>
    `${p.count} dates entered as text: they are used; Reformat will convert them to real dates — ${p.cells}`,
  'score.missing': (p) => `${p.count} missing scores, counted as N/A — ${p.cells}`,
  'eligibility.reportDue': (p) => `${p.count} projects ended: final report due — ${p.cells}`,
  'municipality.variant': (p) => `${p.count} municipality names read as their official name — ${p.cells}`,
  'municipality.merged': (p) =>
    `${p.count} former municipalities counted once with the one they are now part of — ${p.cells}`,
};

// — sheets the tool writes
export const enSheets: SheetTexts = {
  summaryTitle: (program) => `Budget summary — ${program}`,
  summaryCheck: 'Values computed by the tool (check)',
  toolColumn: (header) => `${header} (tool)`,
  controlColumn: (header) => `Gap ${header.toLowerCase()}`,
  toolFigureControl: 'tool’s figure',
  controlError: 'Error',
  toolFigureLegend:
    'Grey cells: the tool’s figure, because some source cells hold text or cannot be read (see the warnings).',
  incompleteYears: (years) => `Incomplete: ${list(years)} (an unreadable amount counts as 0 there).`,
  byProject: 'By project',
  byProjectNote:
    'The tool’s figures when the summary was made; “Suivi des projets” keeps them up to date, with the planned instalments and the reports.',
  byPriority: 'By priority',
  lapsed: 'Unused at the end of the program',
  prioritySplit: 'A project on several priorities counts an equal share of its amounts in each.',
  summaryChart: 'Envelope, committed, paid and carried forward by fiscal year',
  rankingTitle: (program) => `Ranking and funding recommendation — ${program}`,
  ranking: {
    scoresTitle: 'Scores',
    rank: 'Rank',
    id: 'No',
    title: 'Title',
    eligible: 'Eligible',
    score: 'Score',
    bonus: 'Bonus',
    finalScore: 'Final score',
    fundingTitle: 'Funding recommendation (a simulation: it changes no decision)',
    recommendation: 'Recommendation',
    requested: 'Total requested',
    recommendedIn: (year) => `Amount recommended ${year}`,
    recommendedTotal: 'Total amount recommended',
    balanceAfter: (year) => `Balance after recommendation ${year}`,
    notEligibleBecause: (reasons) => `Not eligible: ${reasons}`,
    total: 'Total',
  },
  yesNo: { yes: 'Yes', no: 'No' },
  validation: {
    title: 'Workbook validation',
    counts: ['Errors', 'Warnings', 'Info'],
    eligibleTitle: (n, total) => `Eligible projects: ${n} of ${total}`,
    eligibilityHeaders: ['No', 'Title', 'Eligible', 'Reasons'],
    issuesTitle: 'Problems found',
    headers: ['Severity', 'Sheet', 'Cell', 'Message', 'Code'],
    bookkeeping: ['Sheet', 'Cell', 'Original fill'],
    noFill: 'none',
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    none: 'No problem found.',
  },
  print: {
    produced: (day) => `Produced on ${day}`,
    pageOf: (page, pages) => ['page ', page, ' of ', pages],
  },
  followupTitle: (program) => `Project follow-up — ${program}`,
  followupLegend:
    'Orange: final report late. Yellow: last instalment paid before the report, or more than the grant. Grey: the tool’s own figure (the source cell holds text; Reformater converts it).',
  followupInstalment: (n, count) => `${n} of ${count}`,
  followupLastInstalment: (n, count) => `${n} of ${count} (on the final report)`,
  followupAllPaid: 'All paid',
};

/** The spreadsheet's own error names (a function's error cell reads like the host's). */
export const enErrorNames = { '#VALUE!': '#VALUE!', '#N/A': '#N/A', '#NUM!': '#NUM!' } as const;
