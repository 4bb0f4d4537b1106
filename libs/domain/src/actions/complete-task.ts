import { z } from 'zod';
import { inCurrentStageVisit } from '../clocks';
import { domainError } from '../errors';
import { defineAction, nobody, Refusal } from './action';
import { isCoordinator } from './actor';
import { settleRegistration } from './registration';
import { id, text } from './schema-parts';
import { isTaskAssignee, openTasks } from './tasks';

/** Its assignee (or a coordinator) ticks off an item of the stage's checklist, with evidence. */
export const completeTask = defineAction({
  schema: z.object({ taskId: id, evidence: text(5000) }).strict(),
  roles: ['coordinator', 'leader', 'community', 'member'],
  stages: ['whistle', 'registration', 'coordination', 'resolution', 'feedback'],
  group: 'checklist',
  mayTakePart: (state, actor) =>
    openTasks(state).some((task) => isTaskAssignee(task, actor))
      ? null
      : domainError('forbidden', 'no_task_assigned', 'no open task on this case is assigned to you'),
  relevant: (state, actor) => openTasks(state).some((task) => isCoordinator(actor) || isTaskAssignee(task, actor)),
  targets: (state, actor) =>
    openTasks(state)
      .filter((task) => isCoordinator(actor) || isTaskAssignee(task, actor))
      .map((task) => task.id),
  check(state, action, actor) {
    const task = (state.tasks ?? []).find((t) => t.id === action.taskId);
    if (!task) {
      return new Refusal(
        domainError('invalid', 'task_not_found', `no task ${action.taskId} on this case`, { taskId: action.taskId }, { field: 'taskId' }),
      );
    }
    if (task.completedAt) {
      return new Refusal(domainError('precondition_failed', 'task_already_complete', 'this task is already complete', {}, { taskId: task.id }));
    }
    if (task.stage !== state.stage) {
      return new Refusal(
        domainError(
          'precondition_failed',
          'task_of_other_stage',
          `this task belongs to the ${task.stage} stage`,
          { stage: task.stage },
          { taskId: task.id },
        ),
      );
    }
    if (!inCurrentStageVisit(task.stage, task.startedAt, state)) {
      return new Refusal(
        domainError(
          'precondition_failed',
          'task_of_earlier_visit',
          `this task belongs to an earlier visit of the ${task.stage} stage`,
          { stage: task.stage },
          { taskId: task.id },
        ),
      );
    }
    return isCoordinator(actor) || isTaskAssignee(task, actor)
      ? { task }
      : new Refusal(domainError('forbidden', 'task_assigned_elsewhere', 'this task is assigned to someone else'));
  },
  apply(change, action, { task }, { now }) {
    task.completedAt = now;
    task.evidence = action.evidence;
    change.emit('task_completed', { taskId: task.id, name: task.name, evidence: action.evidence });
    if (change.state.stage === 'registration') settleRegistration(change);
  },
  emits: { task_completed: nobody },
});
