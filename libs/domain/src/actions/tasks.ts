import { inCurrentStageVisit } from '../clocks';
import type { CaseState, Task } from '../case-state';
import { hasRole, type Actor } from '../directory';
import { domainError } from '../errors';
import { Refusal } from './action';

/** The checklist items of this visit of the current stage that are still open. */
export function openTasks(state: CaseState): Task[] {
  return (state.tasks ?? []).filter((t) => !t.completedAt && inCurrentStageVisit(t.stage, t.startedAt, state));
}

export function isTaskAssignee(task: Task, actor: Actor): boolean {
  if ('organizationId' in task.assignee) return !!actor.organizationId && actor.organizationId === task.assignee.organizationId;
  return actor.kind === 'user' && hasRole(actor, task.assignee.role);
}

/** Refuses to complete a stage while its required tasks are open, naming them; null when none is. */
export function requiredTasksOpen(state: CaseState): Refusal | null {
  const open = openTasks(state).filter((t) => t.required);
  return open.length === 0
    ? null
    : new Refusal(
        domainError(
          'precondition_failed',
          'required_tasks_open',
          `${open.length} required task(s) of this stage are still open`,
          { count: open.length },
          { openTasks: open.map((t) => ({ id: t.id, name: t.name, assignee: t.assignee })) },
        ),
      );
}
