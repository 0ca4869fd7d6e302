/**
 * The whole analysis of a workbook in one pass: read the staff sheets into records and issues, then
 * eligibility, scores, ranking, ledger and recommendation. Every host action starts here.
 */
import type { SheetSnapshot, WorkbookSnapshot } from './cells.js';
import { applyDecisions, type DecisionHistory } from './decisions.js';
import { type EligibilityResult, evaluateEligibility } from './eligibility.js';
import { type BudgetLayout, readForecastBudget } from './grids/budget.js';
import { readDecisions } from './grids/decisions.js';
import type { SheetLayout } from './grids/headers.js';
import { readPayments } from './grids/payments.js';
import { projectIdIndex, readProjects } from './grids/projects.js';
import { readReviews } from './grids/selection.js';
import { findStaffSheet, STAFF_SHEET_NAMES, sortIssues } from './grids/sheets.js';
import { type Issue, issue } from './issues.js';
import { computeLedger, type Ledger } from './ledger.js';
import { sharedMatcher } from './municipalities.js';
import { type RankedProject, rankProjects } from './ranking.js';
import { type Recommendation, recommendFunding } from './recommendation.js';
import type { Payment, Project, Review } from './records.js';
import { type ProjectScore, scoreProjects } from './scoring.js';
import type { ProgramYear, Settings } from './settings.js';
import { readSettings } from './settings-reader.js';
import { type ProjectTrack, trackProjects } from './tracking.js';
import { todayIso } from './values/dates.js';

export interface Analysis {
  /** Settings from Paramètres (or the preset), with `years` = the forecast budget's years. */
  settings: Settings;
  /** Program years with their envelopes from Budget prévisionnel (the preset's when absent). */
  years: ProgramYear[];
  projects: Project[];
  reviews: Review[];
  payments: Payment[];
  eligibility: Map<string, EligibilityResult>;
  scores: Map<string, ProjectScore>;
  ranking: RankedProject[];
  recommendations: Recommendation[];
  ledger: Ledger;
  /** Each project's cap, payment plan and final report (design.md « Program life »). */
  tracks: Map<string, ProjectTrack>;
  /** The Décisions sheet, when the workbook has one: `projects` above already follow it. */
  decisions?: DecisionHistory;
  /** Every issue, de-duplicated, in sheet order (workbook-level first), then row, then column. */
  issues: Issue[];
  layouts: {
    settings?: SheetLayout;
    budget?: BudgetLayout;
    projects?: SheetLayout;
    selection?: SheetLayout;
    payments?: SheetLayout;
    decisions?: SheetLayout;
  };
  /** The date « today » meant for date checks (ISO). */
  today: string;
}

export interface AnalysisOptions {
  /** ISO date; defaults to today in Quebec. */
  today?: string;
}

/** Never throws: an unexpected failure becomes one issue, so that a host still shows something. */
export function analyzeWorkbook(snapshot: WorkbookSnapshot, options: AnalysisOptions = {}): Analysis {
  const today = options.today ?? todayIso(new Date());
  try {
    return analyze(snapshot, today);
  } catch (error) {
    const fallback = analyze({ sheets: [] }, today);
    fallback.issues = [
      issue(
        'sheet.internalError',
        'error',
        {},
        { detail: error instanceof Error ? error.message : String(error) },
      ),
    ];
    return fallback;
  }
}

function analyze(snapshot: WorkbookSnapshot, today: string): Analysis {
  const sheets = Array.isArray(snapshot?.sheets)
    ? snapshot.sheets.filter((s) => s && Array.isArray(s.values))
    : [];
  const workbook: WorkbookSnapshot = { sheets };
  const issues: Issue[] = [];
  // A loop, not push(...list): a spread of 100 000 issues overflows the call stack.
  const report = (list: readonly Issue[]) => {
    for (const item of list) issues.push(item);
  };
  const layouts: Analysis['layouts'] = {};

  const found = {
    settings: findStaffSheet(workbook, 'settings'),
    budget: findStaffSheet(workbook, 'budget'),
    projects: findStaffSheet(workbook, 'projects'),
    selection: findStaffSheet(workbook, 'selection'),
    payments: findStaffSheet(workbook, 'payments'),
    decisions: findStaffSheet(workbook, 'decisions'),
  };
  const noneFound = Object.values(found).every((sheet) => sheet === undefined);
  if (noneFound) issues.push(issue('sheet.noneFound', 'error'));

  const settingsReading = readSettings(found.settings);
  report(settingsReading.issues);

  const budget = readForecastBudget(found.budget, settingsReading.settings);
  if (!noneFound) report(budget.issues);
  if (budget.layout) layouts.budget = budget.layout;
  const years = budget.years;
  const settings: Settings = { ...settingsReading.settings, years };

  /** A staff grid's reading, its issues and layout kept; null (and said, if it matters) when absent. */
  const readGrid = <Reading extends { layout: SheetLayout | null; issues: Issue[] }>(
    kind: 'projects' | 'selection' | 'payments' | 'decisions',
    read: (sheet: SheetSnapshot) => Reading,
    absent?: Issue['severity'],
  ): Reading | null => {
    const sheet = found[kind];
    if (!sheet) {
      if (absent && !noneFound)
        issues.push(issue('sheet.missing', absent, {}, { sheet: STAFF_SHEET_NAMES[kind][0] }));
      return null;
    }
    const reading = read(sheet);
    report(reading.issues);
    if (reading.layout) layouts[kind] = reading.layout;
    return reading;
  };

  // The readers leave their issues unsorted: the whole list is sorted once at the end.
  const yearLabels = years.map((y) => y.label);
  let projects =
    readGrid('projects', (sheet) => readProjects(sheet, { years: yearLabels, sortIssues: false }), 'warning')
      ?.projects ?? [];
  const ids = projectIdIndex(projects);

  // With a Décisions sheet, the latest decision of each project it names drives what follows.
  let decisions: DecisionHistory | undefined;
  const decisionsReading = readGrid('decisions', (sheet) =>
    readDecisions(sheet, ids, { years: yearLabels, projectsSheet: found.projects?.name, sortIssues: false }),
  );
  if (decisionsReading) {
    decisions = applyDecisions(projects, decisionsReading.decisions);
    projects = decisions.projects;
    report(decisions.issues);
  }

  const reviews =
    readGrid('selection', (sheet) => readReviews(sheet, settings, ids, { sortIssues: false }), 'info')
      ?.reviews ?? [];
  const payments =
    readGrid('payments', (sheet) => readPayments(sheet, ids, { sortIssues: false }), 'info')?.payments ?? [];

  const matcher = sharedMatcher(settings);
  const eligibility = new Map<string, EligibilityResult>();
  for (const project of projects) {
    const result = evaluateEligibility(project, settings, matcher, today);
    eligibility.set(project.id, result);
    report(result.reasons);
    report(result.warnings);
  }
  const scoring = scoreProjects(projects, reviews, settings, eligibility);
  report(scoring.issues);
  const ranking = rankProjects(projects, eligibility, scoring.scores);
  const ledger = computeLedger(years, projects, payments, settings);
  report(ledger.issues);
  const recommendations = recommendFunding(ranking, projects, ledger, years, settings);
  const tracking = trackProjects(projects, payments, ledger, settings, today);
  report(tracking.issues);

  return {
    settings,
    years,
    projects,
    reviews,
    payments,
    eligibility,
    scores: scoring.scores,
    ranking,
    recommendations,
    ledger,
    tracks: tracking.tracks,
    ...(decisions ? { decisions } : {}),
    issues: sortIssues(
      issues,
      sheets.map((s) => s.name),
      { dedupe: true },
    ),
    layouts,
    today,
  };
}

export { sortIssues };
