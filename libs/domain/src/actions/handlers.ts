import { currentAssignments } from '../assignments';
import type { Assignment, CaseState } from '../case-state';
import { stageDue } from '../change-builder';
import { domainError } from '../errors';
import { Refusal } from './action';

/** The units a dispatch or reassign puts on the case. */
export interface Handlers {
  lead: string;
  coHandlers: string[];
}

/** A lead and co-handlers that make sense together: what was found, or why not. */
export function checkHandlers(lead: string, coHandlers: string[]): Handlers | Refusal {
  if (coHandlers.includes(lead)) {
    return new Refusal(
      domainError('invalid', 'lead_is_co_handler', 'the lead organization cannot also be a co-handler', {}, { field: 'coHandlerOrganizationIds' }),
    );
  }
  if (new Set(coHandlers).size !== coHandlers.length) {
    return new Refusal(domainError('invalid', 'co_handler_twice', 'co-handlers are listed twice', {}, { field: 'coHandlerOrganizationIds' }));
  }
  return { lead, coHandlers };
}

/** Keeps assignments of units that stay on the case (with their clocks), drops the others, adds the new ones. */
export function setHandlers(state: CaseState, { lead, coHandlers }: Handlers, now: string): void {
  const wanted = new Map<string, 'lead' | 'co'>([[lead, 'lead'], ...coHandlers.map((id) => [id, 'co'] as [string, 'co'])]);
  const kept = currentAssignments(state).filter((a) => wanted.has(a.organizationId));
  const due = stageDue(state.ruleSet.definition, 'registration', now);
  const fresh: Assignment[] = [...wanted.keys()]
    .filter((id) => !kept.some((a) => a.organizationId === id))
    .map((organizationId) => ({
      organizationId,
      role: wanted.get(organizationId)!,
      state: 'pending',
      dispatchedAt: now,
      dueAt: due,
      registeredAt: null,
    }));
  for (const assignment of kept) assignment.role = wanted.get(assignment.organizationId)!;
  const declined = state.assignments.filter((a) => a.state === 'declined');
  state.assignments = [...declined, ...kept, ...fresh];
}
