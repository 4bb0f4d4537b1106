import { currentAssignments, leadOf } from '../assignments';
import type { Assignment, CaseState } from '../case-state';
import type { ChangeBuilder } from '../change-builder';
import type { Actor } from '../directory';
import { domainError } from '../errors';
import { Refusal } from './action';
import { isCoordinator } from './actor';
import { openTasks } from './tasks';

/** Registration ends when every unit still on the case has reported in (and the stage's required tasks are done). */
export function settleRegistration(change: ChangeBuilder): void {
  const current = currentAssignments(change.state);
  const tasksDone = !openTasks(change.state).some((t) => t.required);
  if (current.length > 0 && leadOf(change.state) && current.every((a) => a.state === 'registered') && tasksDone) {
    change.enterStage('coordination');
  }
}

/** The assignment an actor registers or declines: their own, or the one a coordinator names. */
export function targetAssignment(state: CaseState, organizationId: string | undefined, actor: Actor): Assignment | Refusal {
  const org = isCoordinator(actor) ? organizationId : (organizationId ?? actor.organizationId ?? undefined);
  if (!org) {
    return new Refusal(
      domainError(
        'invalid',
        'organization_required',
        'organizationId is required when a coordinator acts for a unit',
        {},
        { field: 'organizationId' },
      ),
    );
  }
  if (!isCoordinator(actor) && org !== actor.organizationId) {
    return new Refusal(domainError('forbidden', 'own_organization_only', 'you may only act for your own organization'));
  }
  const assignment = currentAssignments(state).find((a) => a.organizationId === org);
  return (
    assignment ??
    new Refusal(
      domainError('invalid', 'not_dispatched', `${org} is not dispatched on this case`, { organizationId: org }, { field: 'organizationId' }),
    )
  );
}

/** A pending assignment of the actor's (any, for a coordinator) that they may register or decline. */
export function pendingTargets(state: CaseState, actor: Actor): string[] {
  return currentAssignments(state)
    .filter((a) => a.state === 'pending' && (isCoordinator(actor) || a.organizationId === actor.organizationId))
    .map((a) => a.organizationId);
}

/** Register and decline act only for units dispatched on the case. */
export function dispatchedUnitOnly(state: CaseState, actor: Actor) {
  return currentAssignments(state).some((a) => a.organizationId === (actor.organizationId ?? ''))
    ? null
    : domainError('forbidden', 'organization_not_dispatched', 'your organization is not dispatched on this case');
}

/** Register and decline take a unit that has not reported in yet: what they found, or why not. */
export function pendingAssignment(state: CaseState, organizationId: string | undefined, actor: Actor): { target: Assignment } | Refusal {
  const target = targetAssignment(state, organizationId, actor);
  if (target instanceof Refusal) return target;
  if (target.state !== 'pending') {
    return new Refusal(
      domainError(
        'precondition_failed',
        'already_registered',
        `${target.organizationId} has already registered on this case`,
        { organizationId: target.organizationId },
        { organizationId: target.organizationId },
      ),
    );
  }
  return { target };
}
