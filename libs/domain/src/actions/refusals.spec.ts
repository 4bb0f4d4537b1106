import type { CaseState } from '../case-state';
import type { Actor } from '../directory';
import { REFUSAL_REASONS, type RefusalParams, type RefusalReason } from '../errors';
import {
  act,
  communityUser,
  coordinator,
  hoursAfter,
  housingUser,
  inCoordination,
  inFeedback,
  inRegistration,
  inResolution,
  leader,
  NOW,
  openedCase,
  ORG,
  otherCommunityUser,
  refusal,
  registerBody,
  ruleSetFrom,
  sewageUser,
} from '../testing/case-fixtures';

const requiredTask = ruleSetFrom({ tasks: [{ stage: 'whistle', name: 'Call back', assignee: { role: 'coordinator' }, required: true }] });
/** A case in registration whose lead is gone (every unit on it declined but a co-handler). */
const withoutLead = (): CaseState => {
  const state = inRegistration();
  state.assignments = state.assignments.filter((a) => a.role !== 'lead');
  return state;
};
const registered = () => act(inRegistration(), registerBody(), sewageUser);
const requested = () => act(inResolution(), { type: 'request_extension', reason: 'parts', requestedDueAt: hoursAfter(NOW, 24 * 30) }, sewageUser);
const itemDone = () => {
  const state = inResolution();
  return act(state, { type: 'complete_action_item', actionItemId: state.actionItems[0].id, evidence: 'x' }, coordinator);
};
/** Sewage owns the first item; a later meeting gives housing one of its own. */
const withHousingItem = () => {
  let state = act(inResolution(), { type: 'schedule_meeting', scheduledAt: NOW, location: 'Hall', attendees: [{ name: 'x' }] }, coordinator);
  const meetingId = state.meetings[1].id;
  state = act(
    state,
    { type: 'record_minutes', meetingId, summary: 'x', actionItems: [{ ownerOrganizationId: ORG.housing, title: 'x', dueAt: NOW }] },
    coordinator,
  );
  return state;
};
const registrationTask = ruleSetFrom({ tasks: [{ stage: 'registration', name: 'Site visit', assignee: { role: 'coordinator' }, required: false }] });
const whistleTask = ruleSetFrom({ tasks: [{ stage: 'whistle', name: 'Call back', assignee: { role: 'coordinator' }, required: false }] });
const twoTasks = ruleSetFrom({
  tasks: [
    { stage: 'registration', name: 'Site visit', assignee: { lead: true }, required: false },
    { stage: 'registration', name: 'Call back', assignee: { role: 'coordinator' }, required: false },
  ],
});
const taskDone = () => {
  const state = inRegistration({ ruleSet: registrationTask });
  return act(state, { type: 'complete_task', taskId: state.tasks[0].id, evidence: 'x' }, coordinator);
};
/** The lead declined and the case was dispatched again an hour later: the first visit's task stays behind. */
const secondVisit = () => {
  const state = act(inRegistration({ ruleSet: registrationTask }), { type: 'decline', reasonCode: 'other', reason: 'x' }, sewageUser);
  return act(state, { type: 'dispatch', leadOrganizationId: ORG.housing }, coordinator, hoursAfter(NOW, 1));
};
/** Asked in registration; the units then reported in, so the case is in coordination. */
const leftStage = () => {
  const state = act(inRegistration(), { type: 'request_extension', reason: 'x', requestedDueAt: hoursAfter(NOW, 24 * 30) }, sewageUser);
  return act(act(state, registerBody(), sewageUser), registerBody(), housingUser);
};
/** Asked in registration; the lead then reported in (the co-handler has not): no limit is left to move. */
const leadRegisteredAfterRequest = () => {
  const state = act(inRegistration(), { type: 'request_extension', reason: 'x', requestedDueAt: hoursAfter(NOW, 24 * 30) }, sewageUser);
  return act(state, registerBody(), sewageUser);
};
const decided = () => {
  const state = requested();
  return act(state, { type: 'reject_extension', extensionId: state.extensions[0].id, reason: 'no' }, coordinator);
};

/** One case per reason: the state, the action, who tries it, and the params the refusal must carry. */
const CASES: [RefusalReason, () => CaseState, Record<string, unknown> | ((s: CaseState) => Record<string, unknown>), Actor, RefusalParams][] = [
  ['case_not_visible', inRegistration, { type: 'comment', text: 'x' }, otherCommunityUser, {}],
  ['role_may_not', openedCase, { type: 'dispatch', leadOrganizationId: ORG.sewage }, communityUser, { action: 'dispatch' }],
  ['stage_does_not_take', openedCase, { type: 'resolve', summary: 'x', outcome: 'resolved' }, coordinator, { stage: 'whistle', action: 'resolve' }],
  ['organization_not_dispatched', () => act(inRegistration(), { type: 'comment', text: 'x' }, coordinator), registerBody(), leader, {}],
  ['owns_no_action_item', inResolution, (s) => ({ type: 'complete_action_item', actionItemId: s.actionItems[0].id, evidence: 'x' }), housingUser, {}],
  ['lead_only', inResolution, { type: 'resolve', summary: 'x', outcome: 'resolved' }, housingUser, { action: 'resolve' }],
  ['community_or_resident_only', inFeedback, { type: 'feedback', satisfaction: 5 }, { ...sewageUser, roles: ['community'] }, {}],
  ['no_task_assigned', inRegistration, { type: 'complete_task', taskId: 'x', evidence: 'x' }, housingUser, {}],
  ['lead_required', () => openedCase({ ruleSet: ruleSetFrom({}) }), { type: 'dispatch' }, coordinator, {}],
  ['lead_is_co_handler', openedCase, { type: 'dispatch', leadOrganizationId: ORG.sewage, coHandlerOrganizationIds: [ORG.sewage] }, coordinator, {}],
  [
    'co_handler_twice',
    openedCase,
    { type: 'dispatch', leadOrganizationId: ORG.sewage, coHandlerOrganizationIds: [ORG.housing, ORG.housing] },
    coordinator,
    {},
  ],
  ['organization_required', inRegistration, registerBody(), coordinator, {}],
  ['own_organization_only', inRegistration, { ...registerBody(), organizationId: ORG.housing }, sewageUser, {}],
  ['not_dispatched', inRegistration, { ...registerBody(), organizationId: ORG.emergency }, coordinator, { organizationId: ORG.emergency }],
  ['already_registered', registered, registerBody(), sewageUser, { organizationId: ORG.sewage }],
  ['meeting_not_found', inCoordination, { type: 'record_minutes', meetingId: 'm-x', summary: 'x' }, coordinator, { meetingId: 'm-x' }],
  ['minutes_already_recorded', inResolution, (s) => ({ type: 'record_minutes', meetingId: s.meetings[0].id, summary: 'x' }), coordinator, {}],
  ['no_agreed_action_items', inCoordination, { type: 'conclude_coordination' }, coordinator, {}],
  [
    'action_item_not_found',
    inResolution,
    { type: 'complete_action_item', actionItemId: 'ai-x', evidence: 'x' },
    coordinator,
    { actionItemId: 'ai-x' },
  ],
  [
    'action_item_already_complete',
    itemDone,
    (s) => ({ type: 'complete_action_item', actionItemId: s.actionItems[0].id, evidence: 'x' }),
    coordinator,
    {},
  ],
  [
    'not_action_item_owner',
    withHousingItem,
    (s) => ({ type: 'complete_action_item', actionItemId: s.actionItems[0].id, evidence: 'x' }),
    housingUser,
    {},
  ],
  ['task_already_complete', taskDone, (s) => ({ type: 'complete_task', taskId: s.tasks[0].id, evidence: 'x' }), coordinator, {}],
  [
    'task_of_other_stage',
    () => inRegistration({ ruleSet: whistleTask }),
    (s) => ({ type: 'complete_task', taskId: s.tasks[0].id, evidence: 'x' }),
    coordinator,
    { stage: 'whistle' },
  ],
  [
    'task_of_earlier_visit',
    secondVisit,
    (s) => ({ type: 'complete_task', taskId: s.tasks[0].id, evidence: 'x' }),
    coordinator,
    { stage: 'registration' },
  ],
  [
    'task_assigned_elsewhere',
    () => inRegistration({ ruleSet: twoTasks }),
    (s) => ({ type: 'complete_task', taskId: s.tasks[1].id, evidence: 'x' }),
    sewageUser,
    {},
  ],
  ['extension_stage_left', leftStage, (s) => ({ type: 'approve_extension', extensionId: s.extensions[0].id }), coordinator, {}],
  [
    'extension_lapsed',
    () => act(requested(), { type: 'reassign', leadOrganizationId: ORG.housing }, coordinator),
    (s) => ({ type: 'reject_extension', extensionId: s.extensions[0].id, reason: 'x' }),
    coordinator,
    {},
  ],
  ['limit_not_running', leadRegisteredAfterRequest, (s) => ({ type: 'approve_extension', extensionId: s.extensions[0].id }), coordinator, {}],
  ['action_items_open', inResolution, { type: 'resolve', summary: 'x', outcome: 'resolved' }, coordinator, { count: 1 }],
  [
    'required_tasks_open',
    () => openedCase({ ruleSet: requiredTask }),
    { type: 'dispatch', leadOrganizationId: ORG.sewage },
    coordinator,
    { count: 1 },
  ],
  ['task_not_found', inRegistration, { type: 'complete_task', taskId: 't-x', evidence: 'x' }, coordinator, { taskId: 't-x' }],
  [
    'no_time_limit',
    () => inResolution({ ruleSet: ruleSetFrom({}) }),
    { type: 'request_extension', reason: 'x', requestedDueAt: hoursAfter(NOW, 24) },
    sewageUser,
    {},
  ],
  ['extension_already_pending', requested, { type: 'request_extension', reason: 'x', requestedDueAt: hoursAfter(NOW, 24 * 40) }, sewageUser, {}],
  ['requested_due_not_later', inResolution, { type: 'request_extension', reason: 'x', requestedDueAt: NOW }, sewageUser, {}],
  ['extension_not_found', requested, { type: 'approve_extension', extensionId: 'e-x' }, coordinator, { extensionId: 'e-x' }],
  ['extension_already_decided', decided, (s) => ({ type: 'approve_extension', extensionId: s.extensions[0].id }), coordinator, { state: 'rejected' }],
  ['no_lead_to_urge', withoutLead, { type: 'urge', note: 'x' }, coordinator, {}],
];

describe('coded refusals', () => {
  it.each(CASES)('%s', (reason, state, body, actor, params) => {
    const s = state();
    expect(refusal(s, typeof body === 'function' ? body(s) : body, actor)).toMatchObject({ reason, params });
  });

  it('limit_passed: an extension asked once the limit has passed names the limit', () => {
    const state = inResolution();
    const dueAt = state.stageDueAt!;
    expect(
      refusal(state, { type: 'request_extension', reason: 'x', requestedDueAt: hoursAfter(dueAt, 24) }, sewageUser, hoursAfter(dueAt, 1)),
    ).toMatchObject({ reason: 'limit_passed', params: { dueAt } });
  });

  it('covers every reason a case action can give', () => {
    const covered = new Set<string>([...CASES.map(([reason]) => reason), 'limit_passed']);
    expect(REFUSAL_REASONS.filter((reason) => !covered.has(reason))).toEqual(['invalid_input']);
  });
});
