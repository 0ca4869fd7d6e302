/**
 * The decision history (the optional Décisions sheet): the latest decision of a project by date
 * drives the ledger and the recommendation. « Abrogé » cancels the grant before it: the project is
 * back under analysis until a new decision. A Projets row that disagrees is a warning at its cell;
 * without the sheet, or for a project it does not name, Projets stays the source.
 */
import { type Issue, issue } from './issues.js';
import { type DecisionRecord, type Project, placeOf } from './records.js';
import { type Decision, RESCINDED } from './values/vocabulary.js';

export interface DecisionHistory {
  /** The projects as the ledger and the recommendation see them: decision and grants from the history. */
  projects: Project[];
  /** The latest decision of each project the history names, by project number. */
  latest: Map<string, DecisionRecord>;
  issues: Issue[];
}

/** What a rescinded decision leaves: no grant, the project back under analysis. */
const AFTER_RESCINDED: Decision = 'En analyse';

/** The latest decision of each project: by date, the later row on the same date. */
export function latestDecisions(decisions: readonly DecisionRecord[]): Map<string, DecisionRecord> {
  const latest = new Map<string, DecisionRecord>();
  for (const decision of decisions) {
    const current = latest.get(decision.projectId);
    if (current === undefined || decision.date >= current.date) latest.set(decision.projectId, decision);
  }
  return latest;
}

/** The decision and grants a project has once its latest decision is applied. */
export function decidedProject(project: Project, latest: DecisionRecord): Project {
  const rescinded = latest.decision === RESCINDED;
  return {
    ...project,
    decision: rescinded ? AFTER_RESCINDED : (latest.decision as Decision),
    grantedCents: rescinded ? {} : { ...latest.grantedCents },
  };
}

export function applyDecisions(
  projects: readonly Project[],
  decisions: readonly DecisionRecord[],
): DecisionHistory {
  const latest = latestDecisions(decisions);
  const issues: Issue[] = [];
  const decided = projects.map((project) => {
    const last = latest.get(project.id);
    if (last === undefined) return project;
    const effective = decidedProject(project, last);
    if (project.decision !== effective.decision) {
      issues.push(
        issue('decision.decisionDiffers', 'warning', placeOf(project.origin, 'decision'), {
          project: project.id,
          date: last.date,
          latest: last.decision,
          found: project.decision ?? '',
          ...sheetNames(project, last),
        }),
      );
    }
    const years = new Set([...Object.keys(project.grantedCents), ...Object.keys(effective.grantedCents)]);
    for (const year of [...years].sort()) {
      const found = project.grantedCents[year] ?? 0;
      const expected = effective.grantedCents[year] ?? 0;
      if (found === expected) continue;
      issues.push(
        issue('decision.grantDiffers', 'warning', placeOf(project.origin, `granted ${year}`), {
          project: project.id,
          date: last.date,
          year,
          latest: expected,
          found,
          ...sheetNames(project, last),
        }),
      );
    }
    return effective;
  });
  return { projects: decided, latest, issues };
}

/** The two sheets a difference is between, as the workbook names them. */
function sheetNames(project: Project, decision: DecisionRecord): { projects: string; decisions: string } {
  return { projects: project.origin?.sheet ?? 'Projets', decisions: decision.origin?.sheet ?? 'Décisions' };
}
