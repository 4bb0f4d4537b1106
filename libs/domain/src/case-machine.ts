import type { CaseAction, ActionType } from './actions';
import { inCurrentStageVisit } from './alarms';
import { coHandlersOf, currentAssignments, leadOf } from './assignments';
import { ChangeBuilder, stageDue } from './change-builder';
import type { ActionItem, Assignment, CaseSeed, CaseState, Change, Extension, Task } from './case-state';
import { hasRole, type Actor } from './directory';
import { domainError, type DomainError } from './errors';
import { participantOrganizationIds, roleMayAttempt, STAGE_ACTIONS } from './permissions';
import { canSeeCase } from './visibility';

/** What the outside world lends a pure transition: the time, and fresh ids (both deterministic in a workflow). */
export interface TransitionContext {
  now: string;
  newId: () => string;
}

/** Two declines on one case send it to the street's leaders for arbitration. */
export const ARBITRATION_AFTER_DECLINES = 2;

/** A new case in `whistle`, with its first timeline event. */
export function openCase(seed: CaseSeed): Change {
  const state: CaseState = {
    id: seed.id,
    code: seed.code,
    workflowId: seed.workflowId,
    title: seed.title,
    description: seed.description,
    category: seed.category,
    urgency: seed.urgency,
    channel: seed.channel,
    communityId: seed.communityId,
    // Left out, not null, when the seed has none: a replayed older case must stay "street unknown".
    ...(seed.streetId !== undefined ? { streetId: seed.streetId } : {}),
    gridId: seed.gridId ?? null,
    address: seed.address ?? null,
    reporter: seed.reporter,
    stage: 'whistle',
    stageEnteredAt: seed.openedAt,
    stageDueAt: stageDue(seed.ruleSet.definition, 'whistle', seed.openedAt),
    assignments: [],
    meetings: [],
    actionItems: [],
    resolution: null,
    feedback: null,
    feedbackHistory: [],
    reopenCount: 0,
    declineCount: 0,
    declinesByOrganization: {},
    arbitrationRequestedAt: null,
    closedReason: null,
    withdrawnReason: null,
    tasks: [],
    extensions: [],
    stageExtendedMs: 0,
    firedAlarms: [],
    ruleSet: seed.ruleSet,
    openedBy: seed.openedBy,
    createdAt: seed.openedAt,
    updatedAt: seed.openedAt,
    version: 1,
    eventSeq: 0,
  };
  let taskCount = 0;
  const change = new ChangeBuilder(state, seed.openedAt, seed.openedBy, () => `${seed.id}:task:${++taskCount}`);
  change.createTasks();
  change.emit('whistled', {
    title: seed.title,
    category: seed.category,
    communityId: seed.communityId,
    channel: seed.channel,
    urgency: seed.urgency,
  });
  return change.result(false);
}

/** The actions this actor could take on the case right now: the console shows these as buttons. */
export function availableActions(state: CaseState, actor: Actor): ActionType[] {
  return STAGE_ACTIONS[state.stage].filter((type) => mayAttempt(state, type, actor) === null && isRelevant(state, type, actor));
}

/** Whether offering the action makes sense now (there is something to register, complete or decide). */
function isRelevant(state: CaseState, type: ActionType, actor: Actor): boolean {
  switch (type) {
    case 'register':
    case 'decline':
      return currentAssignments(state).some((a) => a.state === 'pending' && (isCoordinator(actor) || a.organizationId === actor.organizationId));
    case 'complete_task':
      return openTasks(state).some((task) => isCoordinator(actor) || isTaskAssignee(task, actor));
    case 'request_extension':
      return extensibleDue(state) !== null && !pendingExtension(state);
    case 'approve_extension':
      return extensibleDue(state) !== null && !!pendingExtension(state);
    case 'reject_extension':
      return !!pendingExtension(state);
    default:
      return true;
  }
}

/**
 * May this actor take this action on this case now? Checks go from the most general refusal to the most
 * specific one, so the reason given is the one a person can act on: role (403), stage (409), the actor's
 * organization on this case (403), then the action's own preconditions (409 or 400).
 */
export function decide(state: CaseState, action: CaseAction, actor: Actor, now?: string): DomainError | null {
  return mayAttempt(state, action.type, actor) ?? checkPayload(state, action, actor, now);
}

function mayAttempt(state: CaseState, type: ActionType, actor: Actor): DomainError | null {
  const view = { communityId: state.communityId, streetId: state.streetId, participantOrganizationIds: participantOrganizationIds(state) };
  if (actor.kind !== 'resident' && !canSeeCase(actor, view)) {
    return domainError('forbidden', 'you cannot see this case');
  }
  if (!roleMayAttempt(actor, type)) {
    return domainError('forbidden', `your roles (${actor.roles.join(', ') || 'none'}) may not ${type}`, { action: type });
  }
  const allowed = STAGE_ACTIONS[state.stage];
  if (!allowed.includes(type)) {
    return domainError('stage_conflict', `a case in ${state.stage} does not take ${type}`, {
      stage: state.stage,
      allowedActions: allowed,
    });
  }
  if (isCoordinator(actor)) return null;
  const org = actor.organizationId ?? '';
  switch (type) {
    case 'register':
    case 'decline':
      return currentAssignments(state).some((a) => a.organizationId === org)
        ? null
        : domainError('forbidden', 'your organization is not dispatched on this case');
    case 'complete_action_item':
      return state.actionItems.some((item) => item.ownerOrganizationId === org)
        ? null
        : domainError('forbidden', 'your organization owns no action item on this case');
    case 'resolve':
      return leadOf(state)?.organizationId === org ? null : domainError('forbidden', 'only the lead organization or a coordinator may resolve');
    case 'feedback':
      return actor.kind === 'resident' || org === state.communityId
        ? null
        : domainError('forbidden', "only the case's community or the resident may give feedback");
    case 'complete_task':
      return openTasks(state).some((task) => isTaskAssignee(task, actor))
        ? null
        : domainError('forbidden', 'no open task on this case is assigned to you');
    case 'request_extension':
      return leadOf(state)?.organizationId === org
        ? null
        : domainError('forbidden', 'only the lead organization or a coordinator may request an extension');
    default:
      return null;
  }
}

function checkPayload(state: CaseState, action: CaseAction, actor: Actor, now: string | undefined): DomainError | null {
  switch (action.type) {
    case 'dispatch': {
      const blocking = requiredOpenTasks(state);
      if (blocking) return blocking;
      const lead = action.leadOrganizationId ?? state.ruleSet.definition.stages.registration.defaultLead;
      if (!lead)
        return domainError('invalid', 'leadOrganizationId is required (the rule set names no default lead)', { field: 'leadOrganizationId' });
      return checkHandlers(lead, dispatchCoHandlers(state, action.coHandlerOrganizationIds, lead));
    }
    case 'reassign': {
      const lead = action.leadOrganizationId ?? leadOf(state)?.organizationId;
      if (!lead) return domainError('invalid', 'leadOrganizationId is required: the case has no lead', { field: 'leadOrganizationId' });
      return checkHandlers(lead, reassignCoHandlers(state, action.coHandlerOrganizationIds, lead));
    }
    case 'register':
    case 'decline': {
      const target = targetAssignment(state, action.organizationId, actor);
      if ('code' in target) return target;
      if (target.state !== 'pending') {
        return domainError('precondition_failed', `${target.organizationId} has already registered on this case`, {
          organizationId: target.organizationId,
        });
      }
      return null;
    }
    case 'record_minutes': {
      const meeting = state.meetings.find((m) => m.id === action.meetingId);
      if (!meeting) return domainError('invalid', `no meeting ${action.meetingId} on this case`, { field: 'meetingId' });
      if (meeting.minutes) return domainError('precondition_failed', 'this meeting already has minutes', { meetingId: meeting.id });
      return null;
    }
    case 'conclude_coordination': {
      const blocking = requiredOpenTasks(state);
      if (blocking) return blocking;
      if (state.ruleSet.definition.stages.coordination.optional) return null;
      const agreed = state.meetings.some((m) => (m.minutes?.actionItemIds.length ?? 0) > 0);
      return agreed ? null : domainError('precondition_failed', 'record minutes with at least one action item before concluding coordination');
    }
    case 'complete_action_item': {
      const item = state.actionItems.find((i) => i.id === action.actionItemId);
      if (!item) return domainError('invalid', `no action item ${action.actionItemId} on this case`, { field: 'actionItemId' });
      if (!isCoordinator(actor) && item.ownerOrganizationId !== actor.organizationId) {
        return domainError('forbidden', 'only the owner organization or a coordinator may complete this item');
      }
      if (item.completedAt) return domainError('precondition_failed', 'this action item is already complete', { actionItemId: item.id });
      return null;
    }
    case 'resolve': {
      const open = openActionItems(state);
      if (open.length > 0) {
        return domainError('precondition_failed', `${open.length} action item(s) are still open`, {
          openActionItems: open.map((i) => ({ id: i.id, title: i.title, ownerOrganizationId: i.ownerOrganizationId })),
        });
      }
      return requiredOpenTasks(state);
    }
    case 'complete_task': {
      const task = (state.tasks ?? []).find((t) => t.id === action.taskId);
      if (!task) return domainError('invalid', `no task ${action.taskId} on this case`, { field: 'taskId' });
      if (task.completedAt) return domainError('precondition_failed', 'this task is already complete', { taskId: task.id });
      if (task.stage !== state.stage) return domainError('precondition_failed', `this task belongs to the ${task.stage} stage`, { taskId: task.id });
      if (!inCurrentStageVisit(task.stage, task.startedAt, state)) {
        return domainError('precondition_failed', `this task belongs to an earlier visit of the ${task.stage} stage`, { taskId: task.id });
      }
      return isCoordinator(actor) || isTaskAssignee(task, actor) ? null : domainError('forbidden', 'this task is assigned to someone else');
    }
    case 'request_extension': {
      const clock = extensibleDue(state);
      if (!clock) return domainError('precondition_failed', 'the current stage has no time limit to extend');
      if (pendingExtension(state)) {
        return domainError('precondition_failed', 'an extension request is already waiting for a decision');
      }
      if (now && Date.parse(clock.dueAt) <= Date.parse(now)) {
        return domainError('precondition_failed', 'an extension must be requested before the time limit passes', { dueAt: clock.dueAt });
      }
      if (Date.parse(action.requestedDueAt) <= Date.parse(clock.dueAt)) {
        return domainError('invalid', 'requestedDueAt must be later than the current time limit', { field: 'requestedDueAt', dueAt: clock.dueAt });
      }
      return null;
    }
    case 'approve_extension':
    case 'reject_extension': {
      const extension = (state.extensions ?? []).find((e) => e.id === action.extensionId);
      if (!extension) return domainError('invalid', `no extension request ${action.extensionId} on this case`, { field: 'extensionId' });
      if (extension.state !== 'pending') return domainError('precondition_failed', `this request was already ${extension.state}`);
      if (!inCurrentStageVisit(extension.stage, extension.requestedAt, state)) {
        return domainError('precondition_failed', 'this request was for a stage the case has left');
      }
      if (pendingExtension(state)?.id !== extension.id) {
        return domainError('precondition_failed', 'this request lapsed: the unit that asked no longer leads the case');
      }
      if (action.type === 'approve_extension' && !extensibleDue(state)) {
        return domainError('precondition_failed', 'the time limit this request would move is no longer running');
      }
      return null;
    }
    default:
      return null;
  }
}

/** Co-handlers of a dispatch: those named, else the rule set's defaults for the case (never the lead itself). */
function dispatchCoHandlers(state: CaseState, named: string[] | undefined, lead: string): string[] {
  return named ?? state.ruleSet.definition.stages.registration.defaultCoHandlers.filter((id) => id !== lead);
}

/** Co-handlers after a reassign: those named, else the current ones (less a co-handler promoted to lead). */
function reassignCoHandlers(state: CaseState, named: string[] | undefined, lead: string): string[] {
  return (
    named ??
    coHandlersOf(state)
      .map((a) => a.organizationId)
      .filter((id) => id !== lead)
  );
}

function checkHandlers(lead: string, coHandlers: string[]): DomainError | null {
  if (coHandlers.includes(lead)) {
    return domainError('invalid', 'the lead organization cannot also be a co-handler', { field: 'coHandlerOrganizationIds' });
  }
  if (new Set(coHandlers).size !== coHandlers.length) {
    return domainError('invalid', 'co-handlers are listed twice', { field: 'coHandlerOrganizationIds' });
  }
  return null;
}

/** Applies an action that `decide` accepted. */
export function apply(state: CaseState, action: CaseAction, actor: Actor, ctx: TransitionContext): Change {
  const change = new ChangeBuilder(state, ctx.now, actor, ctx.newId);
  const s = change.state;
  switch (action.type) {
    case 'dispatch': {
      const lead = action.leadOrganizationId ?? s.ruleSet.definition.stages.registration.defaultLead!;
      const coHandlers = dispatchCoHandlers(s, action.coHandlerOrganizationIds, lead);
      setHandlers(s, lead, coHandlers, ctx.now);
      change.emit('dispatched', { leadOrganizationId: lead, coHandlerOrganizationIds: coHandlers });
      change.enterStage('registration');
      settleRegistration(change);
      break;
    }
    case 'reassign': {
      const lead = action.leadOrganizationId ?? leadOf(s)!.organizationId;
      const coHandlers = reassignCoHandlers(s, action.coHandlerOrganizationIds, lead);
      setHandlers(s, lead, coHandlers, ctx.now);
      change.emit('reassigned', { leadOrganizationId: lead, coHandlerOrganizationIds: coHandlers });
      if (s.stage === 'registration') settleRegistration(change);
      break;
    }
    case 'register': {
      const target = targetAssignment(s, action.organizationId, actor) as Assignment;
      target.state = 'registered';
      target.registeredAt = ctx.now;
      target.contactName = action.contactName;
      target.contactPhone = action.contactPhone;
      if (action.note) target.note = action.note;
      change.emit('registered', { organizationId: target.organizationId, role: target.role, contactName: action.contactName });
      if (s.stage === 'registration') settleRegistration(change);
      break;
    }
    case 'decline': {
      const target = targetAssignment(s, action.organizationId, actor) as Assignment;
      target.state = 'declined';
      target.declinedAt = ctx.now;
      target.reasonCode = action.reasonCode;
      target.reason = action.reason;
      s.declineCount += 1;
      s.declinesByOrganization[target.organizationId] = (s.declinesByOrganization[target.organizationId] ?? 0) + 1;
      change.emit('declined', {
        organizationId: target.organizationId,
        role: target.role,
        reasonCode: action.reasonCode,
        reason: action.reason,
        declineCount: s.declineCount,
      });
      if (s.declineCount >= ARBITRATION_AFTER_DECLINES && !s.arbitrationRequestedAt) {
        s.arbitrationRequestedAt = ctx.now;
        change.emit('arbitration_requested', { declineCount: s.declineCount, notify: ['leader'] });
      }
      if (target.role === 'lead') change.enterStage('whistle', { reason: 'lead_declined' });
      else if (s.stage === 'registration') settleRegistration(change);
      break;
    }
    case 'schedule_meeting': {
      const meeting = {
        id: ctx.newId(),
        scheduledAt: action.scheduledAt,
        location: action.location,
        attendees: action.attendees,
        minutes: null,
      };
      s.meetings.push(meeting);
      change.emit('meeting_scheduled', {
        meetingId: meeting.id,
        scheduledAt: meeting.scheduledAt,
        location: meeting.location,
        attendees: meeting.attendees,
      });
      break;
    }
    case 'record_minutes': {
      const meeting = s.meetings.find((m) => m.id === action.meetingId)!;
      const items: ActionItem[] = action.actionItems.map((draft) => ({
        id: ctx.newId(),
        meetingId: meeting.id,
        ownerOrganizationId: draft.ownerOrganizationId,
        title: draft.title,
        dueAt: draft.dueAt,
        completedAt: null,
      }));
      meeting.minutes = { summary: action.summary, decisions: action.decisions, recordedAt: ctx.now, actionItemIds: items.map((i) => i.id) };
      s.actionItems.push(...items);
      change.emit('minutes_recorded', {
        meetingId: meeting.id,
        summary: action.summary,
        decisions: action.decisions,
        actionItems: items.map(({ id, ownerOrganizationId, title, dueAt }) => ({ id, ownerOrganizationId, title, dueAt })),
      });
      break;
    }
    case 'conclude_coordination': {
      const skipped = !s.meetings.some((m) => m.minutes);
      change.emit('coordination_concluded', { note: action.note ?? null, skipped });
      change.enterStage('resolution');
      break;
    }
    case 'complete_action_item': {
      const item = s.actionItems.find((i) => i.id === action.actionItemId)!;
      item.completedAt = ctx.now;
      item.evidence = action.evidence;
      change.emit('action_item_completed', { actionItemId: item.id, title: item.title, evidence: action.evidence });
      break;
    }
    case 'resolve': {
      s.resolution = { summary: action.summary, outcome: action.outcome, at: ctx.now };
      change.emit('resolved', { summary: action.summary, outcome: action.outcome });
      change.enterStage('feedback');
      break;
    }
    case 'feedback': {
      const reopen = action.satisfaction < s.ruleSet.definition.stages.feedback.reopenBelow;
      const feedback = {
        satisfaction: action.satisfaction,
        comment: action.comment,
        thanks: action.thanks,
        at: ctx.now,
        from: actor.kind === 'resident' ? ('resident' as const) : ('community' as const),
        reopened: reopen,
      };
      s.feedback = feedback;
      s.feedbackHistory.push(feedback);
      change.emit('feedback_received', { ...feedback });
      if (reopen) {
        s.reopenCount += 1;
        s.resolution = null;
        change.emit('reopened', { reopenCount: s.reopenCount, satisfaction: action.satisfaction });
        change.enterStage('resolution');
      } else {
        s.closedReason = 'feedback';
        change.enterStage('closed');
        change.emit('closed', { reason: 'feedback', satisfaction: action.satisfaction });
      }
      break;
    }
    case 'comment':
      change.emit('commented', { text: action.text });
      break;
    case 'complete_task': {
      const task = s.tasks.find((t) => t.id === action.taskId)!;
      task.completedAt = ctx.now;
      task.evidence = action.evidence;
      change.emit('task_completed', { taskId: task.id, name: task.name, evidence: action.evidence });
      if (s.stage === 'registration') settleRegistration(change);
      break;
    }
    case 'request_extension': {
      const clock = extensibleDue(s)!;
      const extension: Extension = {
        id: ctx.newId(),
        stage: s.stage,
        organizationId: leadOf(s)?.organizationId ?? null,
        reason: action.reason,
        requestedAt: ctx.now,
        previousDueAt: clock.dueAt,
        requestedDueAt: action.requestedDueAt,
        state: 'pending',
      };
      s.extensions.push(extension);
      change.emit('extension_requested', {
        extensionId: extension.id,
        reason: action.reason,
        dueAt: clock.dueAt,
        requestedDueAt: action.requestedDueAt,
        notify: ['coordinator'],
      });
      break;
    }
    case 'approve_extension': {
      const extension = s.extensions.find((e) => e.id === action.extensionId)!;
      const clock = extensibleDue(s)!;
      const added = Date.parse(extension.requestedDueAt) - Date.parse(clock.dueAt);
      clock.extend(added, extension.requestedDueAt);
      extension.state = 'approved';
      extension.decidedAt = ctx.now;
      if (action.reason) extension.decisionReason = action.reason;
      change.emit('extension_approved', { extensionId: extension.id, dueAt: extension.requestedDueAt, previousDueAt: clock.dueAt });
      break;
    }
    case 'reject_extension': {
      const extension = s.extensions.find((e) => e.id === action.extensionId)!;
      extension.state = 'rejected';
      extension.decidedAt = ctx.now;
      extension.decisionReason = action.reason;
      change.emit('extension_rejected', { extensionId: extension.id, reason: action.reason });
      break;
    }
    case 'withdraw':
      s.withdrawnReason = action.reason;
      change.enterStage('withdrawn');
      change.emit('withdrawn', { reason: action.reason });
      break;
  }
  return change.result(true);
}

export function openTasks(state: CaseState): Task[] {
  return (state.tasks ?? []).filter((t) => !t.completedAt && inCurrentStageVisit(t.stage, t.startedAt, state));
}

function isTaskAssignee(task: Task, actor: Actor): boolean {
  if ('organizationId' in task.assignee) return !!actor.organizationId && actor.organizationId === task.assignee.organizationId;
  return actor.kind === 'user' && hasRole(actor, task.assignee.role);
}

/** Refuses to complete a stage while its required tasks are open, naming them. */
function requiredOpenTasks(state: CaseState): DomainError | null {
  const open = openTasks(state).filter((t) => t.required);
  return open.length === 0
    ? null
    : domainError('precondition_failed', `${open.length} required task(s) of this stage are still open`, {
        openTasks: open.map((t) => ({ id: t.id, name: t.name, assignee: t.assignee })),
      });
}

/** The request waiting for a decision in the current stage; one left pending by an earlier stage (or visit) lapses. */
/**
 * The request still waiting for a decision: asked in this visit of the stage, by the unit that still leads.
 * One whose stage ended, or whose unit is no longer the lead, has lapsed (`toCaseView` shows it so).
 */
export function pendingExtension(state: CaseState): Extension | undefined {
  const lead = leadOf(state)?.organizationId ?? null;
  return (state.extensions ?? []).find(
    (e) => e.state === 'pending' && inCurrentStageVisit(e.stage, e.requestedAt, state) && (e.organizationId === null || e.organizationId === lead),
  );
}

/** The clock a lead's extension moves: its own registration clock, or the stage's. */
function extensibleDue(state: CaseState): { dueAt: string; extend: (addedMs: number, newDue: string) => void } | null {
  if (state.stage === 'registration') {
    const lead = leadOf(state);
    if (!lead || lead.state !== 'pending' || !lead.dueAt) return null;
    return {
      dueAt: lead.dueAt,
      extend: (addedMs, newDue) => {
        lead.extendedMs = (lead.extendedMs ?? 0) + addedMs;
        lead.dueAt = newDue;
      },
    };
  }
  if ((state.stage === 'coordination' || state.stage === 'resolution') && state.stageDueAt) {
    return {
      dueAt: state.stageDueAt,
      extend: (addedMs, newDue) => {
        state.stageExtendedMs = (state.stageExtendedMs ?? 0) + addedMs;
        state.stageDueAt = newDue;
      },
    };
  }
  return null;
}

export function openActionItems(state: CaseState): ActionItem[] {
  return state.actionItems.filter((i) => !i.completedAt);
}

function isCoordinator(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && hasRole(actor, 'coordinator'));
}

/** The assignment an actor registers or declines: their own, or the one a coordinator names. */
function targetAssignment(state: CaseState, organizationId: string | undefined, actor: Actor): Assignment | DomainError {
  const org = isCoordinator(actor) ? organizationId : (organizationId ?? actor.organizationId ?? undefined);
  if (!org) return domainError('invalid', 'organizationId is required when a coordinator acts for a unit', { field: 'organizationId' });
  if (!isCoordinator(actor) && org !== actor.organizationId) {
    return domainError('forbidden', 'you may only act for your own organization');
  }
  const assignment = currentAssignments(state).find((a) => a.organizationId === org);
  return assignment ?? domainError('invalid', `${org} is not dispatched on this case`, { field: 'organizationId' });
}

/** Keeps assignments of units that stay on the case (with their clocks), drops the others, adds the new ones. */
function setHandlers(state: CaseState, lead: string, coHandlers: string[], now: string): void {
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

/** Registration ends when every unit still on the case has reported in. */
function settleRegistration(change: ChangeBuilder): void {
  const current = currentAssignments(change.state);
  const tasksDone = !openTasks(change.state).some((t) => t.required);
  if (current.length > 0 && leadOf(change.state) && current.every((a) => a.state === 'registered') && tasksDone) {
    change.enterStage('coordination');
  }
}
