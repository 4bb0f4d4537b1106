import { leadOf } from './assignments';
import type { CaseEvent, CaseEventType, CaseState, Change, Recipient, Task, TimelineActor } from './case-state';
import { dueAfter } from './calendar';
import type { Actor } from './directory';
import { isOpenStage, type Stage, type TimedStage } from './stages';

export function timelineActor(actor: Actor): TimelineActor {
  const { kind, userId, username, displayName, organizationId } = actor;
  return { kind, userId, username, displayName, organizationId };
}

/** When a stage entered at `from` falls due under the case's rules, or null for a stage without a limit. */
export function stageDue(definition: CaseState['ruleSet']['definition'], stage: TimedStage, from: string): string | null {
  const sla = definition.stages[stage].sla;
  return sla ? dueAfter(from, sla, definition.calendar) : null;
}

/**
 * What the event that creates tasks (a stage entered, a case opened) carries so each assignee is told: the tasks,
 * and their assignees once each as its recipients. Nothing when no task was made, so those events keep their shape.
 */
export function tasksAssignedNotice(tasks: Task[]): { tasksAssigned?: { id: string; name: string }[]; recipients?: Recipient[] } {
  if (tasks.length === 0) return {};
  const assignees = new Map<string, Recipient>();
  for (const { assignee } of tasks) assignees.set(JSON.stringify(assignee), assignee);
  return { tasksAssigned: tasks.map(({ id, name }) => ({ id, name })), recipients: [...assignees.values()] };
}

/** Collects the new state and its events; copies the state first so callers' objects stay untouched. */
export class ChangeBuilder {
  readonly state: CaseState;
  private readonly events: CaseEvent[] = [];

  constructor(
    previous: CaseState,
    private readonly now: string,
    private readonly actor: Actor,
    private readonly newId: () => string,
  ) {
    // JSON copy rather than structuredClone: the workflow sandbox does not offer every Node global.
    this.state = JSON.parse(JSON.stringify(previous)) as CaseState;
  }

  emit(type: CaseEventType, data: Record<string, unknown>): void {
    const seq = this.state.eventSeq + 1;
    this.state.eventSeq = seq;
    this.events.push({
      id: `${this.state.id}:${seq}`,
      seq,
      at: this.now,
      type,
      actor: timelineActor(this.actor),
      data: { ...data, stage: this.state.stage },
    });
  }

  enterStage(stage: Stage, data: Record<string, unknown> = {}): void {
    const from = this.state.stage;
    this.state.stage = stage;
    this.state.stageEnteredAt = this.now;
    this.state.stageDueAt = isOpenStage(stage) ? stageDue(this.state.ruleSet.definition, stage, this.now) : null;
    this.state.stageExtendedMs = 0;
    const tasks = this.createTasks();
    // The stage's new tasks are assigned on entry: the change of stage tells each assignee what is now theirs.
    this.emit('stage_changed', { from, to: stage, ...data, ...tasksAssignedNotice(tasks) });
  }

  /** The rule set's checklist for the stage just entered, with assignees resolved now; returns the tasks made. */
  createTasks(): Task[] {
    const { definition } = this.state.ruleSet;
    const stage = this.state.stage;
    const created: Task[] = [];
    definition.tasks.forEach((rule, index) => {
      if (rule.stage !== stage) return;
      const lead = leadOf(this.state)?.organizationId;
      const assignee: Task['assignee'] =
        'organizationId' in rule.assignee
          ? { organizationId: rule.assignee.organizationId }
          : 'role' in rule.assignee
            ? { role: rule.assignee.role }
            : lead
              ? { organizationId: lead }
              : { role: 'coordinator' };
      this.state.tasks.push({
        id: this.newId(),
        stage,
        name: rule.name,
        assignee,
        required: rule.required,
        startedAt: this.now,
        dueAt: rule.due ? dueAfter(this.now, rule.due, definition.calendar) : null,
        completedAt: null,
        rule: index,
      });
      created.push(this.state.tasks[this.state.tasks.length - 1]!);
    });
    return created;
  }

  result(bumpVersion: boolean): Change {
    if (bumpVersion) {
      this.state.version += 1;
      this.state.updatedAt = this.now;
    }
    return { state: this.state, events: this.events };
  }
}
