import type { Assignment, CaseState } from './case-state';

/** Units still on the case: every assignment but the declined ones. */
export function currentAssignments(state: Pick<CaseState, 'assignments'>): Assignment[] {
  return state.assignments.filter((a) => a.state !== 'declined');
}

/** The unit leading the case now (a declined lead no longer leads); a case view will do as well as a state. */
export function leadOf(state: Pick<CaseState, 'assignments'>): Assignment | undefined {
  return currentAssignments(state).find((a) => a.role === 'lead');
}

export function coHandlersOf(state: CaseState): Assignment[] {
  return currentAssignments(state).filter((a) => a.role === 'co');
}
