/** Eligibility of one project: the gates of design.md « Rules (exact) », each failure a reason. */

import { addMonths } from './followup.js';
import { type Issue, issue } from './issues.js';
import { type MunicipalityMatcher, municipalityIssues } from './municipalities.js';
import { parsePriorities } from './priorities.js';
import { type Project, type ProjectField, placeOf } from './records.js';
import type { Settings } from './settings.js';
import { exactLength } from './values/lists.js';
import { memoize } from './values/memo.js';
import { organizationKey } from './values/text.js';

export interface EligibilityResult {
  eligible: boolean;
  /** Distinct involved organizations (lead ∪ partners) as first typed, lead first. */
  organizations: string[];
  /** Distinct recognized municipalities, official names, sorted. */
  municipalities: string[];
  /** Distinct valid priority numbers, sorted. */
  priorities: number[];
  /** One error per failed gate. */
  reasons: Issue[];
  /** Warnings and info notes (unrecognized names, invalid priorities, missing dates…). */
  warnings: Issue[];
}

/** A name as shown (trimmed, single spaces) and its comparison key. */
interface OrganizationName {
  display: string;
  key: string;
}

/** Remembered: the same few organizations recur over thousands of rows. */
const organizationName = memoize(
  (typed): OrganizationName => {
    const display = typed.trim().replace(/\s+/g, ' ');
    return { display, key: organizationKey(display) };
  },
  { limit: 10_000 },
);

function involved(project: Pick<Project, 'lead' | 'partners'>): OrganizationName[] {
  const seen = new Set<string>();
  const names: OrganizationName[] = [];
  for (const typed of [project.lead, ...project.partners]) {
    const name = organizationName(typed);
    if (name.key === '' || seen.has(name.key)) continue;
    seen.add(name.key);
    names.push(name);
  }
  return names;
}

export function evaluateEligibility(
  project: Project,
  settings: Settings,
  matcher: Pick<MunicipalityMatcher, 'matchAll'>,
  today?: string,
): EligibilityResult {
  const reasons: Issue[] = [];
  const warnings: Issue[] = [];
  const at = (field: ProjectField) => placeOf(project.origin, field);

  // Organizations: letters of support (« appuis ») are not involvement.
  const involvedNames = involved(project);
  const organizations = involvedNames.map((name) => name.display);
  const involvedKeys = new Set(involvedNames.map((name) => name.key));
  for (const support of project.supports) {
    const key = organizationName(support).key;
    if (key !== '' && involvedKeys.has(key)) {
      warnings.push(
        issue('eligibility.supportAlsoInvolved', 'info', at('supports'), {
          project: project.id,
          organization: support.trim(),
        }),
      );
    }
  }
  if (organizations.length < settings.minOrganizations) {
    // Addressed where a partner would be added.
    const supportsOnly = project.supports.filter((s) => {
      const key = organizationName(s).key;
      return key !== '' && !involvedKeys.has(key);
    }).length;
    reasons.push(
      issue(
        'eligibility.organizations',
        'error',
        at(project.origin?.cells.partners !== undefined ? 'partners' : 'lead'),
        {
          project: project.id,
          count: organizations.length,
          required: settings.minOrganizations,
          supports: supportsOnly,
        },
      ),
    );
  }

  // Municipalities: only recognized official names count, each once.
  const matched = matcher.matchAll(project.municipalities);
  const municipalities = matched.names;
  warnings.push(...municipalityIssues(matched, at('municipalities')));
  if (municipalities.length < settings.minMunicipalities) {
    const found = issue(
      'eligibility.municipalities',
      settings.municipalityRule === 'blocking' ? 'error' : 'warning',
      at('municipalities'),
      {
        project: project.id,
        count: municipalities.length,
        required: settings.minMunicipalities,
        unrecognized: matched.unrecognized.length,
      },
    );
    if (settings.municipalityRule === 'blocking') reasons.push(found);
    else warnings.push(found);
  }

  // Priorities.
  const parsed = parsePriorities(project.priorities, settings);
  for (const item of parsed.invalid) {
    warnings.push(
      issue('priority.invalid', 'warning', at('priorities'), {
        project: project.id,
        value: item,
        max: Math.max(...settings.priorities.map((p) => p.number)),
      }),
    );
  }
  if (parsed.numbers.length === 0) {
    reasons.push(
      issue('eligibility.priorities', 'error', at('priorities'), {
        project: project.id,
        invalid: parsed.invalid.length,
      }),
    );
  }

  // Dates (ISO text compares in calendar order).
  if (project.end !== null && project.end > settings.programEnd) {
    reasons.push(
      issue('eligibility.endAfterProgram', 'error', at('end'), {
        project: project.id,
        end: project.end,
        programEnd: settings.programEnd,
      }),
    );
  }
  if (project.start !== null && project.start < settings.programStart) {
    reasons.push(
      issue('eligibility.startBeforeProgram', 'error', at('start'), {
        project: project.id,
        start: project.start,
        programStart: settings.programStart,
      }),
    );
  }
  if (project.start !== null && project.end !== null && project.start > project.end) {
    reasons.push(
      issue('eligibility.startAfterEnd', 'error', at('start'), {
        project: project.id,
        start: project.start,
        end: project.end,
      }),
    );
  }
  // A date typed but unreadable is already an error at its cell: it is not « missing » as well.
  const missingStart = project.start === null && !project.unreadableDates?.includes('start');
  const missingEnd = project.end === null && !project.unreadableDates?.includes('end');
  if (missingStart || missingEnd) {
    warnings.push(
      issue('eligibility.missingDates', 'warning', at(missingStart ? 'start' : 'end'), {
        project: project.id,
        missingStart,
        missingEnd,
      }),
    );
  }

  // The community funds at least its share of the cost: what the requests leave of it.
  const minimumShare = settings.minCommunityShare;
  if (minimumShare !== null && project.totalCostCents !== null && project.totalCostCents > 0) {
    let requested = 0;
    for (const year in project.requestedCents) requested += project.requestedCents[year];
    const contribution = project.totalCostCents - requested;
    if (contribution < Math.ceil(project.totalCostCents * minimumShare - 1e-9)) {
      reasons.push(
        issue('eligibility.communityContribution', 'error', at('totalCost'), {
          project: project.id,
          contribution,
          cost: project.totalCostCents,
          minimum: Math.round(minimumShare * 10_000) / 100,
          share: Math.round((contribution / project.totalCostCents) * 1000) / 10,
        }),
      );
    }
  }

  // Follow-up: an accepted project that ended owes its final report; once its due date has
  // passed, the follow-up rules say how late it is instead (report.late).
  if (
    today !== undefined &&
    project.decision === 'Accepté' &&
    project.end !== null &&
    project.end < today &&
    project.reportReceived === null &&
    today <= addMonths(project.end, settings.reportDelayMonths)
  ) {
    warnings.push(
      issue('eligibility.reportDue', 'warning', at('reportReceived'), {
        project: project.id,
        end: project.end,
      }),
    );
  }

  // A decision that funds (or proposes to fund) a project that fails a gate deserves a second look.
  if (reasons.length > 0 && (project.decision === 'Accepté' || project.decision === 'Recommandé')) {
    warnings.push(
      issue('eligibility.decisionOnIneligible', 'warning', at('decision'), {
        project: project.id,
        decision: project.decision,
      }),
    );
  }

  return {
    eligible: reasons.length === 0,
    organizations,
    municipalities,
    priorities: parsed.numbers,
    // Kept by the analysis: see exactLength.
    reasons: exactLength(reasons),
    warnings: exactLength(warnings),
  };
}
