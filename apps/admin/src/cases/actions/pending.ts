import { hasRole, inCurrentStageVisit, leadOf, openTasks, type Actor, type CaseState, type CaseView } from '@whistle/domain';

/** The view carries every field these domain helpers read. */
const asState = (view: CaseView) => view as unknown as CaseState;

/** Open tasks of the current stage this actor may complete: a coordinator any, others their own. */
export function completableTasks(view: CaseView, actor: Actor | null): CaseView['tasks'] {
  const ids = new Set(openTasks(asState(view)).map((t) => t.id));
  return (view.tasks ?? []).filter((task) => {
    if (!ids.has(task.id) || !actor) return false;
    if (hasRole(actor, 'coordinator')) return true;
    if ('organizationId' in task.assignee) return actor.organizationId === task.assignee.organizationId;
    return hasRole(actor, task.assignee.role);
  });
}

/** The request awaiting a decision in the current stage, if any. */
export function pendingExtension(view: CaseView): CaseView['extensions'][number] | undefined {
  return (view.extensions ?? []).find((e) => e.state === 'pending' && inCurrentStageVisit(e.stage, e.requestedAt, asState(view)));
}

/** The time limit an extension moves: the lead's report-in limit while registering, else the stage's. */
export function extensibleDue(view: CaseView): string | null {
  if (view.stage === 'registration') {
    const lead = leadOf(asState(view));
    return lead?.state === 'pending' ? lead.dueAt : null;
  }
  return view.stage === 'coordination' || view.stage === 'resolution' ? view.stageDueAt : null;
}
