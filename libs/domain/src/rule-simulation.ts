import { z } from 'zod';
import { parseAction } from './actions';
import { openActionItems } from './actions/action-items';
import { isoDateTime } from './actions/schema-parts';
import { openTasks } from './actions/tasks';
import { currentAssignments, leadOf } from './assignments';
import { apply, decide, openCase } from './case-machine';
import { openCaseSchema, type OpenCaseRequest } from './case-input';
import type { CaseEvent, CaseState, Change, Recipient } from './case-state';
import { pendingAlarms } from './clocks';
import type { Actor } from './directory';
import type { RuleSetSnapshot } from './rule-set';
import { refuseUnsafeText } from './safe-text';
import { isOpenStage, type Stage, type TimedStage } from './stages';
import { advanceClock, nextAlarmAt } from './time-passes';

/**
 * The dry run: the timeline a case would follow under a rule set if every step were taken just at its limit.
 *
 * Nothing here knows a timing rule. It opens a case with the real case machine (`openCase`), lets time pass with the
 * workflow's own `nextAlarmAt`/`advanceClock` (so every reminder and escalation is the event the workflow would
 * record, with its `alarmAt`, `dueAt` and recipients), and takes each stage's step through `decide`/`apply` as the
 * people would at the last moment. What it assumes about those people:
 *
 * - The street dispatches at the whistle limit, to the rule set's default lead (else the placeholder lead unit) and
 *   its default co-handlers.
 * - Every dispatched unit registers at its own limit; nobody declines, asks for more time or is reassigned.
 * - Each required task is completed at its due time (at the stage's limit when it has none); a stage's step waits for
 *   its required tasks. Optional tasks are left open, so their reminders run while their stage lasts.
 * - Coordination is concluded at its limit: skipped when the rule set makes it optional, otherwise after a meeting
 *   held at the limit (called at that moment, so no meeting reminder) that agrees one action item for the lead,
 *   which the lead completes at the resolution limit, where the case is resolved.
 * - Feedback is left to time out: the case closes as "no response" at the limit, or (keepOpen, or no limit) waits
 *   for a rating after its last reminder, where the walk ends.
 * - A stage without a limit lasts until its last reminder (or its last required task), so all its reminders show.
 * - At any moment, what time raises there (an escalation "at the limit") comes before what people do there.
 *
 * The case's own parties are placeholders: `{ placeholder: 'community' }` (the case's community, which collects the
 * feedback) and `{ placeholder: 'lead' }` (the lead unit, when the rule set names no default lead). Roles
 * (coordinator, leader, community) mean the case's street or community, as on a real case.
 */

export type PlaceholderName = 'lead' | 'community';
/** A recipient or party of the dry run: a real one, or a placeholder for a party only a real case has. */
export type SimulatedParty = Recipient | { placeholder: PlaceholderName };

export interface SimulatedStage {
  stage: TimedStage;
  startedAt: string;
  dueAt: string | null;
  /** When the case left the stage; null for the stage the walk ended in. */
  endedAt: string | null;
}

export interface SimulatedAlarm {
  /** When the workflow raises it (the event's `alarmAt`). */
  at: string;
  level: 'reminder' | 'escalation';
  stage: TimedStage;
  clock: 'stage' | 'assignment' | 'task' | 'meeting';
  /** The limit of the clock it belongs to. */
  dueAt: string | null;
  recipients: SimulatedParty[];
  /** For a dispatched unit's clock: the unit. */
  unit?: SimulatedParty;
  /** For a task's clock: the task's name. */
  task?: string;
}

export interface SimulatedUnit {
  unit: SimulatedParty;
  role: 'lead' | 'co';
  dispatchedAt: string;
  dueAt: string | null;
  registeredAt: string | null;
}

export interface SimulatedTask {
  name: string;
  stage: TimedStage;
  assignee: SimulatedParty;
  required: boolean;
  startedAt: string;
  dueAt: string | null;
  completedAt: string | null;
}

export interface SimulationEnd {
  at: string;
  stage: Stage;
  /**
   * `no_response`: feedback timed out and the case closed. `awaiting_feedback`: the case waits for a rating with no
   * more alarms to come. `refused`: the case machine refused a step (the message says why: a real case would stop
   * there too). `cut_short`: the walk reached its cap of events.
   */
  reason: 'no_response' | 'awaiting_feedback' | 'refused' | 'cut_short';
  message?: string;
}

export interface Simulation {
  start: string;
  category: string;
  urgency: OpenCaseRequest['urgency'];
  stages: SimulatedStage[];
  units: SimulatedUnit[];
  tasks: SimulatedTask[];
  alarms: SimulatedAlarm[];
  end: SimulationEnd;
}

/** What the dry run needs besides the rules: when the case opens and what kind of case it is. */
export const simulationCaseSchema = z
  .object({
    start: isoDateTime,
    // The kind of case, checked as opening a case checks it.
    category: openCaseSchema.shape.category,
    urgency: openCaseSchema.shape.urgency,
  })
  .strict()
  .superRefine(refuseUnsafeText);
export type SimulationCase = z.infer<typeof simulationCaseSchema>;

/**
 * Ids a real organization can never have (real ones are UUIDs, and publishing refuses any other): they stand in for
 * the parties of a case and are shown as `{ placeholder }`, never as ids.
 */
const PLACEHOLDER_IDS: Record<PlaceholderName | 'street', string> = {
  lead: 'placeholder:lead',
  community: 'placeholder:community',
  street: 'placeholder:street',
};

const STREET_COORDINATOR: Actor = {
  kind: 'user',
  userId: 'placeholder:coordinator',
  displayName: 'Dry run',
  roles: ['coordinator'],
  organizationId: PLACEHOLDER_IDS.street,
};

/** Far more than any rule set gives a case; the walk stops there rather than run on. */
export const SIMULATION_EVENT_CAP = 2000;

class Walk {
  state: CaseState;
  now: string;
  readonly stages: SimulatedStage[] = [];
  readonly alarms: SimulatedAlarm[] = [];
  private events = 0;
  private ids = 0;

  constructor(
    opening: Change,
    private readonly cap: number,
  ) {
    this.state = opening.state;
    this.now = opening.state.createdAt;
    this.stages.push({ stage: 'whistle', startedAt: this.now, dueAt: this.state.stageDueAt, endedAt: null });
  }

  get capped(): boolean {
    return this.events >= this.cap;
  }

  private record(change: Change): void {
    const before = this.state;
    this.state = change.state;
    this.events += change.events.length;
    for (const event of change.events) if (event.type === 'reminder' || event.type === 'escalation') this.alarms.push(alarmOf(event));
    if (before.stage !== this.state.stage || before.stageEnteredAt !== this.state.stageEnteredAt) {
      this.stages[this.stages.length - 1]!.endedAt = this.now;
      if (isOpenStage(this.state.stage)) {
        this.stages.push({ stage: this.state.stage, startedAt: this.state.stageEnteredAt, dueAt: this.state.stageDueAt, endedAt: null });
      }
    }
  }

  /** Lets time pass up to `until` (inclusive) exactly as the workflow does: wake at each alarm, advance the clock. */
  passTime(until: string | null): void {
    while (!this.capped && isOpenStage(this.state.stage)) {
      const next = nextAlarmAt(this.state);
      if (next === null || (until !== null && Date.parse(next) > Date.parse(until))) break;
      if (Date.parse(next) > Date.parse(this.now)) this.now = next;
      const change = advanceClock(this.state, this.now);
      if (!change) break;
      this.record(change);
    }
    if (until !== null && Date.parse(until) > Date.parse(this.now)) this.now = until;
  }

  /** One person's action through the case machine; the refusal's message when it refuses. */
  act(body: Record<string, unknown>): string | null {
    const parsed = parseAction(body);
    if (!parsed.ok) return parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    const error = decide(this.state, parsed.action, STREET_COORDINATOR, this.now);
    if (error) return error.message;
    this.record(apply(this.state, parsed.action, STREET_COORDINATOR, { now: this.now, newId: () => `simulated:${++this.ids}` }));
    return null;
  }
}

/** The timeline a case opened at `start` would follow under `ruleSet` if every step were taken just at its limit. */
export function simulateCase(ruleSet: RuleSetSnapshot, kind: SimulationCase, options: { cap?: number } = {}): Simulation {
  const urgency = kind.urgency ?? 'normal';
  const start = new Date(kind.start).toISOString();
  const walk = new Walk(
    openCase({
      id: 'dry-run',
      code: 'DRY-RUN',
      workflowId: 'dry-run',
      title: 'Dry run',
      description: 'Dry run',
      category: kind.category,
      urgency,
      channel: 'platform',
      communityId: PLACEHOLDER_IDS.community,
      streetId: PLACEHOLDER_IDS.street,
      reporter: { name: 'Dry run', phone: '10000000000' },
      openedBy: STREET_COORDINATOR,
      openedAt: start,
      ruleSet,
    }),
    options.cap ?? SIMULATION_EVENT_CAP,
  );
  const end = walkStages(walk);
  return {
    start,
    category: kind.category,
    urgency,
    stages: walk.stages,
    units: walk.state.assignments.map((a) => ({
      unit: shown({ organizationId: a.organizationId }),
      role: a.role,
      dispatchedAt: a.dispatchedAt,
      dueAt: a.dueAt,
      registeredAt: a.registeredAt,
    })),
    tasks: walk.state.tasks.map((t) => ({
      name: t.name,
      stage: t.stage as TimedStage,
      assignee: shown(t.assignee),
      required: t.required,
      startedAt: t.startedAt,
      dueAt: t.dueAt,
      completedAt: t.completedAt,
    })),
    alarms: walk.alarms,
    end,
  };
}

function walkStages(walk: Walk): SimulationEnd {
  while (isOpenStage(walk.state.stage)) {
    if (walk.capped) return { at: walk.now, stage: walk.state.stage, reason: 'cut_short' };
    if (walk.state.stage === 'feedback') return waitForFeedback(walk);
    const visit = `${walk.state.stage}@${walk.state.stageEnteredAt}`;
    const refused = finishStage(walk);
    if (refused) return { at: walk.now, stage: walk.state.stage, reason: 'refused', message: refused };
    if (isOpenStage(walk.state.stage) && `${walk.state.stage}@${walk.state.stageEnteredAt}` === visit && !walk.capped) {
      // Every step of the stage was taken and the case stayed: nothing more could move it.
      return { at: walk.now, stage: walk.state.stage, reason: 'refused', message: `the ${walk.state.stage} stage could not be completed` };
    }
  }
  return { at: walk.now, stage: walk.state.stage, reason: 'no_response' };
}

/** Takes the current stage's required tasks and its step, each at its moment, letting time pass in between. */
function finishStage(walk: Walk): string | null {
  const limit = stageLimit(walk.state);
  const tasks = openTasks(walk.state)
    .filter((t) => t.required)
    .map((t) => ({ id: t.id, at: t.dueAt ?? limit }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  // Registration's units report in at their own limit (the stage moves on once its tasks are done too); the other
  // stages' steps wait for their required tasks.
  const lastTask = tasks.length ? tasks[tasks.length - 1]!.at : limit;
  const stepAt = walk.state.stage === 'registration' || Date.parse(limit) >= Date.parse(lastTask) ? limit : lastTask;
  const stage = walk.state.stage;
  let stepTaken = false;
  for (const task of tasks) {
    if (!stepTaken && stage === 'registration' && Date.parse(stepAt) < Date.parse(task.at)) {
      stepTaken = true;
      const refused = takeStep(walk, stepAt);
      if (refused) return refused;
    }
    walk.passTime(task.at);
    if (walk.capped || walk.state.stage !== stage) return null;
    const refused = walk.act({ type: 'complete_task', taskId: task.id, evidence: 'dry run' });
    if (refused) return refused;
  }
  if (stepTaken || walk.state.stage !== stage) return null;
  return takeStep(walk, stepAt);
}

function takeStep(walk: Walk, at: string): string | null {
  walk.passTime(at);
  if (walk.capped) return null;
  const { state } = walk;
  switch (state.stage) {
    case 'whistle':
      // The rule set's default lead when it names one (the domain picks it, with its co-handlers), else the placeholder.
      return walk.act(
        state.ruleSet.definition.stages.registration.defaultLead
          ? { type: 'dispatch' }
          : { type: 'dispatch', leadOrganizationId: PLACEHOLDER_IDS.lead },
      );
    case 'registration':
      for (const unit of currentAssignments(state).filter((a) => a.state === 'pending' && Date.parse(a.dueAt ?? at) <= Date.parse(at))) {
        const refused = walk.act({ type: 'register', organizationId: unit.organizationId, contactName: 'Dry run', contactPhone: '10000000000' });
        if (refused) return refused;
      }
      return null;
    case 'coordination':
      if (!state.ruleSet.definition.stages.coordination.optional) {
        const lead = leadOf(state)?.organizationId ?? PLACEHOLDER_IDS.lead;
        const refused =
          walk.act({ type: 'schedule_meeting', scheduledAt: walk.now, location: 'Dry run', attendees: [{ organizationId: lead }] }) ??
          walk.act({
            type: 'record_minutes',
            meetingId: walk.state.meetings[walk.state.meetings.length - 1]!.id,
            summary: 'Dry run',
            actionItems: [{ ownerOrganizationId: lead, title: 'Dry run', dueAt: walk.now }],
          });
        if (refused) return refused;
      }
      return walk.act({ type: 'conclude_coordination' });
    case 'resolution':
      for (const item of openActionItems(state)) {
        const refused = walk.act({ type: 'complete_action_item', actionItemId: item.id, evidence: 'Dry run' });
        if (refused) return refused;
      }
      return walk.act({ type: 'resolve', summary: 'Dry run', outcome: 'resolved' });
    default:
      return null;
  }
}

/** Nobody rates: the feedback clock closes the case at its limit, or the case waits once its last alarm is raised. */
function waitForFeedback(walk: Walk): SimulationEnd {
  walk.passTime(null);
  if (walk.capped && isOpenStage(walk.state.stage)) return { at: walk.now, stage: walk.state.stage, reason: 'cut_short' };
  if (walk.state.stage === 'closed') return { at: walk.now, stage: 'closed', reason: 'no_response' };
  const due = walk.state.stageDueAt;
  const at = due && Date.parse(due) > Date.parse(walk.now) ? due : walk.now;
  return { at, stage: walk.state.stage, reason: 'awaiting_feedback' };
}

/**
 * The moment the current stage's step is due: its limit (registration's: the latest of its units'), or for a stage
 * without one the last alarm of its running clocks (so every reminder shows), or now when it has none.
 */
function stageLimit(state: CaseState): string {
  const units = state.stage === 'registration' ? currentAssignments(state).filter((a) => a.state === 'pending') : [];
  const limits = state.stage === 'registration' ? units.map((a) => a.dueAt) : [state.stageDueAt];
  if (limits.length > 0 && limits.every((l): l is string => l !== null)) return latest(limits);
  const alarms = pendingAlarms(state).map((a) => a.at);
  return latest([state.stageEnteredAt, ...limits.filter((l): l is string => l !== null), ...alarms]);
}

function latest(times: string[]): string {
  return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

function alarmOf(event: CaseEvent): SimulatedAlarm {
  const data = event.data as {
    alarmAt: string;
    dueAt: string | null;
    clock: SimulatedAlarm['clock'];
    stage: TimedStage;
    recipients: Recipient[];
    organizationId?: string;
    name?: string;
  };
  return {
    at: data.alarmAt,
    level: event.type as SimulatedAlarm['level'],
    stage: data.stage,
    clock: data.clock,
    dueAt: data.dueAt,
    recipients: data.recipients.map(shown),
    ...(data.clock === 'assignment' && data.organizationId ? { unit: shown({ organizationId: data.organizationId }) } : {}),
    ...(data.clock === 'task' && data.name ? { task: data.name } : {}),
  };
}

/** A recipient as the answer shows it: a placeholder's id never leaves the dry run. */
function shown(party: Recipient): SimulatedParty {
  if ('organizationId' in party) {
    const name = (Object.keys(PLACEHOLDER_IDS) as (PlaceholderName | 'street')[]).find((key) => PLACEHOLDER_IDS[key] === party.organizationId);
    if (name === 'lead' || name === 'community') return { placeholder: name };
  }
  return party;
}
