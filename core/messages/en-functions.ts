import { DEFAULT_CRITERION_MAX } from '../settings.js';
import type { FunctionTexts } from './texts.js';

/** The spreadsheet functions' help in English. */
export const enFunctions: FunctionTexts = {
  help: {
    ELIGIBLE: 'TRUE when the project meets every eligibility rule of the plan (one row per project).',
    REASONS: 'The reasons a project is not eligible, separated by « ; » (empty when eligible).',
    MUNICIPALITIES: 'Number of distinct recognized municipalities reached (one row per project).',
    SCORE: 'Weighted score out of 100 for each row of notes (N/A left out).',
    CARRYFORWARD:
      'Budget carry-forward by year: Envelope, Carried in, Available, Committed, Carried forward.',
    FISCAL_YEAR: 'The Quebec government fiscal year (April 1 to March 31) of a date: « 2020-2021 ».',
    AMOUNT: 'The amount in dollars of text such as « 195 007 $ », « 25 350,72 $ » or « - $ ».',
    REPORT_DUE:
      'The date the final report is due: the project end plus a number of months, end-of-month rule (2022-11-30 + 3 months = 2023-02-28). Give the cell a date format.',
    INSTALMENTS:
      'The instalments of a grant by shares (50 %; 40 %; 10 %), in one row: each rounded to the cent, the last one the remainder, adding up to the grant.',
  },
  params: {
    organizations: {
      name: 'organizations',
      help: 'Organizations carrying out the project (lead and partners): a cell or a range.',
    },
    supports: {
      name: 'supports',
      help: 'Organizations that only gave a letter of support (they do not count).',
    },
    municipalities: {
      name: 'municipalities',
      help: 'Municipalities reached, separated by « ; », « , » or line breaks.',
    },
    priorities: { name: 'priorities', help: 'Plan priorities: numbers 1 to 4 or names.' },
    end: { name: 'end', help: 'Project end date.' },
    settings: {
      name: 'settings',
      help: 'Range of the Paramètres sheet (otherwise the 2019-2023 plan rules).',
    },
    scores: { name: 'scores', help: 'Scores, one column per criterion, one row per review.' },
    weights: { name: 'weights', help: 'The weight of each criterion.' },
    maximums: {
      name: 'maximums',
      help: `The maximum score of each criterion (${DEFAULT_CRITERION_MAX} by default).`,
    },
    envelopes: { name: 'envelopes', help: 'Each year’s envelope (a row or a column).' },
    commitments: {
      name: 'commitments',
      help: 'Committed amounts: one column per year, one row per project (summed).',
    },
    date: { name: 'date', help: 'A date, a cell or a range.' },
    text: { name: 'text', help: 'An amount typed as text.' },
    months: { name: 'months', help: 'The delay in months (3 by default, like the plan’s report delay).' },
    grant: { name: 'amount', help: 'The grant (a cell, or a column: one row each).' },
    shares: {
      name: 'shares',
      help: 'The share of each instalment: « 50 %; 40 %; 10 % » in one cell, or one share per cell; they add up to 100 %.',
    },
  },
  results: {
    boolean: 'TRUE or FALSE for each row.',
    string: 'A text for each row.',
    number: 'A number for each row.',
    any: 'The result, one value per cell.',
  },
  optional: 'optional',
  sheetsBadRow:
    'A row that cannot be read gives a “#VALUE! …” text, not an error: ISERROR does not see it and SUM skips it; ISTEXT finds it.',
  helpPage: {
    title: 'Help — Alliance pour la solidarité',
    heading: 'Alliance pour la solidarité — Excel add-in',
    intro:
      'On the Home tab, the « Alliance » button opens the task pane: Create the template, Validate, Reformat, Budget summary, Ranking and recommendation, Project follow-up, Undo the last operation.',
    functionsHeading: 'Functions',
    ranges:
      'Give the functions bounded ranges (<code>C2:C500</code>) or the columns of an Excel table (<code>Projets[Municipalités]</code>) rather than whole columns (<code>C:C</code>): a whole column sends a million rows at every recalculation. A cell holding an error (<code>#N/A</code>) in a range gives an error on its own row only.',
  },
  entryPoints: {
    onOpen: 'Adds the « Alliance » menu when the spreadsheet opens.',
    addonOpen:
      'Add-on: adds its menu under Extensions when the spreadsheet opens, asking for nothing else (authorization mode NONE included).',
    addonInstall: 'Add-on: on install, adds its menu to the open spreadsheet, as onOpen does.',
    menu: 'Menu: %s.',
    openPanel: 'Menu: Open the panel.',
    run: 'Panel: runs an action (or the one confirmed after its preview) and applies its plan; returns plain data.',
    preview: 'Panel: what an action would change (cells, warnings), changing nothing.',
    select: 'Panel: selects a cell (click on a problem).',
  },
};
