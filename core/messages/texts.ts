import type { ActionName } from '../action-table.js';
import type { CatalogName, ParamKey, ResultType } from '../catalog/declarations.js';
import type { Severity } from '../issues.js';
import type { FooterField, FooterText } from '../plan.js';
import type { Lang } from './format.js';
import type { frCli } from './fr.js';

/** Every text the panel shows, per language. Counts are functions so each language handles its plurals. */
export interface PanelStrings {
  /** BCP 47 tag for `lang` attributes and number formatting. */
  locale: string;
  title: string;
  subtitle: string;
  languageSwitch: string;
  languageName: Record<Lang, string>;
  actionsHeading: string;
  /** Button label of each action. */
  action: Record<ActionName, string>;
  /** One line under each button label: what the action does. */
  actionHint: Record<ActionName, string>;
  /** « Validation en cours… »: shown next to the progress bar. */
  busy: Record<ActionName, string>;
  previewBusy: (action: string) => string;
  confirmChanges: (cells: number) => string;
  /** Annuler: the choice to restore also the cells staff changed since the operation. */
  restoreChanged: (cells: number) => string;
  /** « Sommaire budgétaire »: its text sources, and the choice to convert them first. */
  confirmConversion: (cells: number) => string;
  convertFirst: (cells: number) => string;
  moreWarnings: (count: number) => string;
  nothingToChange: string;
  confirm: string;
  cancel: string;
  cancelled: string;
  resultHeading: string;
  idle: string;
  /** Heading of a group of issues without a sheet. */
  generalGroup: string;
  severityCount: Record<Severity, (count: number) => string>;
  /** Read by screen readers before each issue (the icon is decorative). */
  severityPrefix: Record<Severity, string>;
  noIssues: string;
  changedCells: (cells: number) => string;
  /** Shown after the first `limit` issues of a group. */
  moreIssues: (hidden: number) => string;
  /** Accessible name of an issue button: where it leads. */
  goToCell: (sheet: string, cell: string) => string;
  actionFailed: (action: string) => string;
  retryHint: string;
  selectFailed: (sheet: string, cell: string) => string;
  /** What went wrong between the panel and its host (panel/model.ts HostProblem). */
  hostProblem: { noGoogleScript: string; serverCallFailed: string; emptyReply: string };
  errorDetail: string;
  unknownError: string;
  /** The task pane could not load the other language's texts: it stays in this one. */
  languageFailed: string;
}

/** The Google Sheets menu and its dialogs (the menu runs actions without the panel): Code.js only. */
export interface SheetsMenuTexts {
  title: string;
  openPanel: string;
  /** « 23 cellules seront modifiées… Continuer ? » before a changing action. */
  confirm: (cells: number) => string;
  /** « Sommaire budgétaire »: convert its text sources first? (Oui / Non / Annuler) */
  convertFirst: (cells: number) => string;
  /** Another user's action holds the document lock. */
  busy: string;
  /** The toast after an action that left `kept` cells alone because staff changed them meanwhile. */
  doneKeptChanged: (summary: string, kept: number) => string;
}

/** The command line's own texts (help, usage errors, progress, result tables): French sets the shape. */
export type CliText = typeof frCli;

/** Titles and labels of the sheets the tool writes (Sommaire budgétaire, Classement), per language. */
export interface SheetTexts {
  summaryTitle: (program: string) => string;
  /** Above the columns the tool computes beside staff's formulas, to check them. */
  summaryCheck: string;
  /** `Enveloppe (outil)`: one of those columns. */
  toolColumn: (header: string) => string;
  /** The Sommaire's check column of one figure: live formula less the tool's. */
  controlColumn: (header: string) => string;
  /** In a check cell, for a figure that is the tool's own. */
  toolFigureControl: string;
  /** In a check cell whose formula fails. */
  controlError: string;
  /** Under the Sommaire's table when it shows the tool's figure somewhere. */
  toolFigureLegend: string;
  /** After it, the years whose figures count an unreadable amount as 0. */
  incompleteYears: (years: readonly string[]) => string;
  byPriority: string;
  /** The Sommaire's per-project table: its title, and the line under it. */
  byProject: string;
  byProjectNote: string;
  /** Beside the last year's carry-forward: what the program leaves unused. */
  lapsed: string;
  /** Under the table by priority. */
  prioritySplit: string;
  summaryChart: string;
  rankingTitle: (program: string) => string;
  /** The Classement sheet: the scores, then the funding the simulation recommends. */
  ranking: {
    scoresTitle: string;
    rank: string;
    id: string;
    title: string;
    eligible: string;
    score: string;
    bonus: string;
    finalScore: string;
    fundingTitle: string;
    recommendation: string;
    requested: string;
    recommendedIn: (year: string) => string;
    recommendedTotal: string;
    balanceAfter: (year: string) => string;
    /** `Non admissible : 4 municipalités sur 5 requises; …`. */
    notEligibleBecause: (reasons: string) => string;
    total: string;
  };
  /** Admissible: Oui / Non. */
  yesNo: { yes: string; no: string };
  /** The Validation sheet. */
  validation: {
    title: string;
    /** Headings over the three counters. */
    counts: readonly [errors: string, warnings: string, infos: string];
    /** `Projets admissibles : 8 sur 12`, over the per-project summary (the CLI prints it too). */
    eligibleTitle: (eligible: number, total: number) => string;
    eligibilityHeaders: readonly [id: string, title: string, eligible: string, reasons: string];
    issuesTitle: string;
    headers: readonly [severity: string, sheet: string, cell: string, message: string, code: string];
    /** The hidden bookkeeping table: each marked cell and the fill it had before. */
    bookkeeping: readonly [sheet: string, cell: string, originalFill: string];
    /** Written in the bookkeeping for « this cell had no fill ». */
    noFill: string;
    severity: Record<Severity, string>;
    none: string;
  };
  /** The footer of every printed page of a generated sheet. */
  print: {
    /** `Produit le 2022-03-01`: the day the sheet was generated, in Montréal. */
    produced: (day: string) => string;
    /** `page 2 de 3`, the printer filling in the fields. */
    pageOf: (page: FooterField, pages: FooterField) => FooterText;
  };
  followupTitle: (program: string) => string;
  /** Under the title: what the fills mean. */
  followupLegend: string;
  /** Prochain versement: « 2 de 3 »; the last one is released on the final report. */
  followupInstalment: (n: number, count: number) => string;
  followupLastInstalment: (n: number, count: number) => string;
  followupAllPaid: string;
}

/**
 * The spreadsheet functions' help, per language: Excel's functions.json and the Apps Script stubs
 * are written from it at build time, so no runtime bundle carries it.
 */
export interface FunctionTexts {
  /** One sentence per function. */
  help: Record<CatalogName, string>;
  /** Each parameter's name (a spreadsheet identifier: no space, no accent) and help. */
  params: Record<ParamKey, { name: string; help: string }>;
  /** What a function gives back, by result type (Apps Script's `@return`). */
  results: Record<ResultType, string>;
  /** Said after an optional parameter's help where the host has no mark of its own. */
  optional: string;
  /** In Sheets' help of each function: what a bad row gives, since Sheets has no per-cell error. */
  sheetsBadRow: string;
  /** The add-in's help page (aide.html), HTML allowed. */
  helpPage: { title: string; heading: string; intro: string; functionsHeading: string; ranges: string };
  /** The doc comments of the top-level functions Code.js declares for Apps Script. */
  entryPoints: {
    onOpen: string;
    /** The editor add-on's `onOpen` and `onInstall` (`npm run build:sheets -- --addon`). */
    addonOpen: string;
    addonInstall: string;
    /** `%s` is the menu item's label (a string, not a function: keepNames would keep the whole table in Code.js). */
    menu: string;
    openPanel: string;
    run: string;
    preview: string;
    select: string;
  };
}
