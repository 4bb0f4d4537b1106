import type { CaseState } from './case-state';
import { isPast } from './calendar';

/**
 * The three rates hotlines judge units by (DOMAIN.md): response (reported in on time), resolution (cases
 * resolved), satisfaction (ratings at or above the case's reopen threshold). Null when nothing counts yet.
 */
export interface Rates {
  assignments: number;
  respondedOnTime: number;
  responseRate: number | null;
  cases: number;
  resolved: number;
  resolutionRate: number | null;
  ratings: number;
  satisfied: number;
  satisfactionRate: number | null;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

function empty(): Omit<Rates, 'responseRate' | 'resolutionRate' | 'satisfactionRate'> {
  return { assignments: 0, respondedOnTime: 0, cases: 0, resolved: 0, ratings: 0, satisfied: 0 };
}

function finish(counts: ReturnType<typeof empty>): Rates {
  return {
    ...counts,
    responseRate: ratio(counts.respondedOnTime, counts.assignments),
    resolutionRate: ratio(counts.resolved, counts.cases),
    satisfactionRate: ratio(counts.satisfied, counts.ratings),
  };
}

/**
 * Rates over a set of cases, overall and per organization. An assignment counts once its clock has run out
 * or it was answered; a decline is left out (a unit is not blamed for returning what is not its job). A case
 * counts for its lead once dispatched, unless withdrawn; it is resolved once a resolution was declared.
 */
export function computeRates(cases: CaseState[], now: string): { overall: Rates; byOrganization: (Rates & { organizationId: string })[] } {
  const overall = empty();
  const perOrg = new Map<string, ReturnType<typeof empty>>();
  const of = (id: string) => perOrg.get(id) ?? perOrg.set(id, empty()).get(id)!;
  for (const state of cases) {
    for (const a of state.assignments) {
      if (a.state === 'declined') continue;
      const answered = a.state === 'registered';
      if (!answered && !isPast(a.dueAt, now)) continue;
      const onTime = answered && (!a.dueAt || Date.parse(a.registeredAt!) <= Date.parse(a.dueAt));
      for (const counts of [overall, of(a.organizationId)]) {
        counts.assignments += 1;
        if (onTime) counts.respondedOnTime += 1;
      }
    }
    const lead = state.assignments.find((a) => a.role === 'lead' && a.state !== 'declined');
    if (!lead || state.stage === 'withdrawn') continue;
    const resolved = state.resolution !== null || state.stage === 'feedback' || state.stage === 'closed';
    const threshold = state.ruleSet.definition.stages.feedback.reopenBelow;
    for (const counts of [overall, of(lead.organizationId)]) {
      counts.cases += 1;
      if (resolved) counts.resolved += 1;
      for (const feedback of state.feedbackHistory) {
        counts.ratings += 1;
        if (feedback.satisfaction >= threshold) counts.satisfied += 1;
      }
    }
  }
  return {
    overall: finish(overall),
    byOrganization: [...perOrg.entries()].map(([organizationId, counts]) => ({ organizationId, ...finish(counts) })),
  };
}
