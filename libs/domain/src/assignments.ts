import type { Assignment, CaseState } from './case-state';

/** Units still on the case: every assignment but the declined ones. */
export function currentAssignments(state: CaseState): Assignment[] {
  return state.assignments.filter((a) => a.state !== 'declined');
}

export function leadOf(state: CaseState): Assignment | undefined {
  return currentAssignments(state).find((a) => a.role === 'lead');
}

export function coHandlersOf(state: CaseState): Assignment[] {
  return currentAssignments(state).filter((a) => a.role === 'co');
}
