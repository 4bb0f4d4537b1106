import { pendingAlarms } from './clocks';
import { availableActions } from './case-machine';
import { advanceClock, nextAlarmAt } from './time-passes';
import { currentAssignments } from './assignments';
import type { CaseState } from './case-state';
import { toCaseView } from './case-view';
import {
  act,
  actChange,
  communityUser,
  coordinator,
  fire,
  hoursAfter,
  housingUser,
  inCoordination,
  inRegistration,
  inResolution,
  leader,
  NOW,
  ORG,
  refusal,
  registerBody,
  reminderRule,
  resetIds,
  ruleSetFrom,
  sewageUser,
  T0,
} from './testing/case-fixtures';

beforeEach(() => resetIds());

const DAY = 24;
const DAY_MS = 24 * 3_600_000;

const ruleSet = ruleSetFrom({
  stages: {
    registration: { sla: 'P1D', reminders: [reminderRule('PT12H')] },
    coordination: { sla: 'P3D' },
    resolution: { sla: 'P7D', reminders: [reminderRule('P6D', ['assignee', 'coordinator'])] },
  },
});

const request = (requestedDueAt: string, reason = 'waiting for the pipe supplier') => ({ type: 'request_extension', reason, requestedDueAt });
const approve = (extensionId: string, reason?: string) => ({ type: 'approve_extension', extensionId, ...(reason ? { reason } : {}) });
const reject = (extensionId: string, reason = 'the residents cannot wait') => ({ type: 'reject_extension', extensionId, reason });

/** In resolution (entered at NOW, due NOW + 7 days), with the lead's request for 3 more days pending. */
function withPendingRequest(): { state: CaseState; extensionId: string; due: string; requested: string } {
  const resolving = inResolution({ ruleSet });
  const due = resolving.stageDueAt!;
  const requested = hoursAfter(due, 3 * DAY);
  const state = act(resolving, request(requested), sewageUser, hoursAfter(NOW, 1));
  return { state, extensionId: state.extensions[0].id, due, requested };
}

describe('request_extension in resolution', () => {
  it('the lead asks for the stage’s due time plus 3 days; the request waits for a coordinator', () => {
    const before = inResolution({ ruleSet });
    expect(before.stageDueAt).toBe(hoursAfter(NOW, 7 * DAY));
    const requested = hoursAfter(before.stageDueAt!, 3 * DAY);
    const at = hoursAfter(NOW, 1);
    const { state, events } = actChange(before, request(requested), sewageUser, at);
    expect(state.extensions).toEqual([
      {
        id: expect.any(String),
        stage: 'resolution',
        organizationId: ORG.sewage,
        reason: 'waiting for the pipe supplier',
        requestedAt: at,
        previousDueAt: before.stageDueAt,
        requestedDueAt: requested,
        state: 'pending',
      },
    ]);
    expect(events.map((e) => e.type)).toEqual(['extension_requested']);
    expect(events[0].data).toEqual({
      extensionId: state.extensions[0].id,
      reason: 'waiting for the pipe supplier',
      dueAt: before.stageDueAt,
      requestedDueAt: requested,
      recipients: [{ role: 'coordinator' }],
      stage: 'resolution',
    });
    // Nothing moves until a coordinator decides.
    expect(state.stageDueAt).toBe(before.stageDueAt);
    expect(nextAlarmAt(state)).toBe(hoursAfter(NOW, 6 * DAY));
  });

  it('refuses a second request while one is pending', () => {
    const { state, requested } = withPendingRequest();
    expect(refusal(state, request(hoursAfter(requested, DAY)), sewageUser)).toMatchObject({ code: 'precondition_failed' });
    expect(refusal(state, request(hoursAfter(requested, DAY)), coordinator)).toMatchObject({ code: 'precondition_failed' });
  });

  it('refuses a request once the due time has passed', () => {
    const state = inResolution({ ruleSet });
    const due = state.stageDueAt!;
    const body = request(hoursAfter(due, 3 * DAY));
    expect(refusal(state, body, sewageUser, hoursAfter(due, -1))).toBeNull();
    expect(refusal(state, body, sewageUser, due)).toMatchObject({ code: 'precondition_failed', details: { dueAt: due } });
    expect(refusal(state, body, sewageUser, hoursAfter(due, 1))).toMatchObject({ code: 'precondition_failed', details: { dueAt: due } });
  });

  it('refuses a requested due time that is not later than the current one as invalid', () => {
    const state = inResolution({ ruleSet });
    const due = state.stageDueAt!;
    expect(refusal(state, request(hoursAfter(due, -DAY)), sewageUser)).toMatchObject({
      code: 'invalid',
      details: { field: 'requestedDueAt', dueAt: due },
    });
    expect(refusal(state, request(due), sewageUser)).toMatchObject({ code: 'invalid', details: { field: 'requestedDueAt' } });
  });

  it('only the lead or a coordinator may request', () => {
    const state = inResolution({ ruleSet });
    const body = request(hoursAfter(state.stageDueAt!, DAY));
    expect(refusal(state, body, sewageUser)).toBeNull();
    expect(refusal(state, body, coordinator)).toBeNull();
    expect(refusal(state, body, housingUser)?.code).toBe('forbidden');
    expect(refusal(state, body, communityUser)?.code).toBe('forbidden');
    expect(refusal(state, body, leader)?.code).toBe('forbidden');
  });

  it('refuses a request in a stage with no time limit', () => {
    const state = inResolution({ ruleSet: ruleSetFrom({}) });
    expect(state.stageDueAt).toBeNull();
    expect(refusal(state, request(hoursAfter(NOW, 10 * DAY)), sewageUser)?.code).toBe('precondition_failed');
  });
});

describe('deciding an extension', () => {
  it('approval moves the stage’s due time to the requested one, and its pending reminder by the same 3 days', () => {
    const { state: before, extensionId, due, requested } = withPendingRequest();
    const at = hoursAfter(NOW, 2);
    const { state, events } = actChange(before, approve(extensionId, 'supplier confirmed'), coordinator, at);
    expect(state.stageDueAt).toBe(requested);
    expect(state.stageExtendedMs).toBe(3 * DAY_MS);
    expect(state.extensions[0]).toMatchObject({ state: 'approved', decidedAt: at, decisionReason: 'supplier confirmed' });
    expect(events.map((e) => e.type)).toEqual(['extension_approved']);
    // The unit that asked is told.
    expect(events[0].data).toEqual({
      extensionId,
      dueAt: requested,
      previousDueAt: due,
      stage: 'resolution',
      recipients: [{ organizationId: ORG.sewage }],
    });

    expect(nextAlarmAt(state)).toBe(hoursAfter(NOW, 9 * DAY));
    expect(advanceClock(state, hoursAfter(NOW, 6 * DAY + 1))).toBeNull();
  });

  it('an extension of one stage does not carry over to the next stage’s clock', () => {
    let state = inCoordination({
      ruleSet: ruleSetFrom({
        stages: { coordination: { sla: 'P3D', optional: true }, resolution: { sla: 'P7D', reminders: [reminderRule('P6D')] } },
      }),
    });
    state = act(state, request(hoursAfter(state.stageDueAt!, 2 * DAY)), sewageUser);
    state = act(state, approve(state.extensions[0].id), coordinator);
    expect(state.stageExtendedMs).toBe(2 * DAY_MS);
    const concludedAt = hoursAfter(NOW, 5);
    state = act(state, { type: 'conclude_coordination' }, coordinator, concludedAt);
    expect(state).toMatchObject({ stage: 'resolution', stageExtendedMs: 0, stageDueAt: hoursAfter(concludedAt, 7 * DAY) });
    expect(nextAlarmAt(state)).toBe(hoursAfter(concludedAt, 6 * DAY));
  });

  it('the moved reminder fires at its new time, once', () => {
    const { state: pending, extensionId } = withPendingRequest();
    const state = act(pending, approve(extensionId), coordinator, hoursAfter(NOW, 2));
    const { state: after, events } = fire(state, hoursAfter(NOW, 9 * DAY));
    expect(events.map((e) => [e.type, e.data.alarmAt, e.data.dueAt])).toEqual([['reminder', hoursAfter(NOW, 9 * DAY), hoursAfter(NOW, 10 * DAY)]]);
    expect(nextAlarmAt(after)).toBeNull();
  });

  it('rejection leaves the due time and the reminders where they were', () => {
    const { state: before, extensionId, due } = withPendingRequest();
    const { state, events } = actChange(before, reject(extensionId), coordinator, hoursAfter(NOW, 2));
    expect(state.stageDueAt).toBe(due);
    expect(state.stageExtendedMs).toBe(0);
    expect(state.extensions[0]).toMatchObject({ state: 'rejected', decidedAt: hoursAfter(NOW, 2), decisionReason: 'the residents cannot wait' });
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['extension_rejected', { extensionId, reason: 'the residents cannot wait', stage: 'resolution', recipients: [{ organizationId: ORG.sewage }] }],
    ]);
    expect(nextAlarmAt(state)).toBe(hoursAfter(NOW, 6 * DAY));
  });

  it('after a decision the lead may ask again', () => {
    const { state: before, extensionId, due } = withPendingRequest();
    const state = act(before, reject(extensionId), coordinator, hoursAfter(NOW, 2));
    expect(refusal(state, request(hoursAfter(due, DAY)), sewageUser)).toBeNull();
  });

  it('only a coordinator may approve or reject', () => {
    const { state, extensionId } = withPendingRequest();
    for (const actor of [sewageUser, housingUser, communityUser, leader]) {
      expect(refusal(state, approve(extensionId), actor)?.code).toBe('forbidden');
      expect(refusal(state, reject(extensionId), actor)?.code).toBe('forbidden');
    }
    expect(refusal(state, approve(extensionId), coordinator)).toBeNull();
    expect(refusal(state, reject(extensionId), coordinator)).toBeNull();
  });

  it('refuses to decide a request twice, or one that does not exist', () => {
    const { state: pending, extensionId } = withPendingRequest();
    const state = act(pending, approve(extensionId), coordinator);
    expect(refusal(state, approve(extensionId), coordinator)?.code).toBe('precondition_failed');
    expect(refusal(state, reject(extensionId), coordinator)?.code).toBe('precondition_failed');
    expect(refusal(state, approve('nope'), coordinator)).toMatchObject({ code: 'invalid', details: { field: 'extensionId' } });
  });
});

describe('extensions in registration move the lead’s own clock', () => {
  it('approval moves the lead’s assignment due time and its reminders, not the co-handler’s', () => {
    let state = inRegistration({ ruleSet });
    const lead = () => currentAssignments(state).find((a) => a.organizationId === ORG.sewage)!;
    const co = () => currentAssignments(state).find((a) => a.organizationId === ORG.housing)!;
    expect(lead().dueAt).toBe(hoursAfter(NOW, DAY));
    const requested = hoursAfter(NOW, 4 * DAY);
    state = act(state, request(requested), sewageUser, hoursAfter(NOW, 1));
    expect(state.extensions[0]).toMatchObject({ stage: 'registration', organizationId: ORG.sewage, previousDueAt: hoursAfter(NOW, DAY) });
    state = act(state, approve(state.extensions[0].id), coordinator, hoursAfter(NOW, 2));

    expect(lead()).toMatchObject({ dueAt: requested, extendedMs: 3 * DAY_MS });
    expect(co().dueAt).toBe(hoursAfter(NOW, DAY));
    expect(co().extendedMs ?? 0).toBe(0);
    expect(state.stageExtendedMs).toBe(0);
    expect(pendingAlarms(state).map((a) => [a.clock.subject.organizationId, a.at, a.clock.dueAt])).toEqual([
      [ORG.housing, hoursAfter(NOW, 12), hoursAfter(NOW, DAY)],
      [ORG.sewage, hoursAfter(NOW, 12 + 3 * DAY), requested],
    ]);
    expect(fire(state, hoursAfter(NOW, 12)).events.map((e) => e.data.organizationId)).toEqual([ORG.housing]);
  });

  it('a co-handler may not request; a lead that has registered has no clock left to extend', () => {
    const state = inRegistration({ ruleSet });
    const body = request(hoursAfter(NOW, 4 * DAY));
    expect(refusal(state, body, housingUser)?.code).toBe('forbidden');
    const registered = act(state, registerBody(), sewageUser);
    expect(refusal(registered, body, sewageUser)?.code).toBe('precondition_failed');
    expect(availableActions(registered, sewageUser)).not.toContain('request_extension');
  });

  it('refuses to approve a request whose clock stopped (the lead registered meanwhile), rather than failing', () => {
    let state = inRegistration({ ruleSet });
    state = act(state, request(hoursAfter(NOW, 4 * DAY)), sewageUser);
    state = act(state, registerBody(), sewageUser);
    expect(state.stage).toBe('registration');
    expect(refusal(state, approve(state.extensions[0].id), coordinator)?.code).toBe('precondition_failed');
    expect(refusal(state, reject(state.extensions[0].id), coordinator)).toBeNull();
  });
});

describe('a request left pending when its stage ends', () => {
  it('can no longer be decided, and does not block a request in the next stage', () => {
    let state = inCoordination({ ruleSet });
    state = act(state, request(hoursAfter(state.stageDueAt!, DAY)), sewageUser);
    const stale = state.extensions[0].id;
    state = act(
      state,
      { type: 'schedule_meeting', scheduledAt: '2026-03-02T12:00:00Z', location: 'hall', attendees: [{ name: 'Owner representative' }] },
      coordinator,
    );
    state = act(
      state,
      {
        type: 'record_minutes',
        meetingId: state.meetings[0].id,
        summary: 's',
        actionItems: [{ ownerOrganizationId: ORG.sewage, title: 't', dueAt: '2026-03-06T10:00:00Z' }],
      },
      coordinator,
    );
    state = act(state, { type: 'conclude_coordination' }, coordinator, hoursAfter(NOW, 3));
    expect(state.stage).toBe('resolution');
    expect(refusal(state, approve(stale), coordinator)?.code).toBe('precondition_failed');
    expect(availableActions(state, coordinator)).not.toContain('approve_extension');
    expect(refusal(state, request(hoursAfter(state.stageDueAt!, DAY)), sewageUser, hoursAfter(NOW, 4))).toBeNull();
    expect(availableActions(state, sewageUser)).toContain('request_extension');
  });

  it('a request from before a reopen cannot move the reopened stage’s clock', () => {
    let { state } = withPendingRequest();
    const stale = state.extensions[0].id;
    state = act(state, { type: 'complete_action_item', actionItemId: state.actionItems[0].id, evidence: 'photo' }, sewageUser, hoursAfter(NOW, 2));
    state = act(state, { type: 'resolve', summary: 'done', outcome: 'resolved' }, sewageUser, hoursAfter(NOW, 3));
    state = act(state, { type: 'feedback', satisfaction: 1 }, communityUser, hoursAfter(NOW, 4 * DAY));
    expect(state.stage).toBe('resolution');
    expect(refusal(state, approve(stale), coordinator)?.code).toBe('precondition_failed');
    expect(availableActions(state, coordinator)).not.toContain('approve_extension');
    expect(refusal(state, request(hoursAfter(state.stageDueAt!, DAY)), sewageUser, hoursAfter(NOW, 4 * DAY + 1))).toBeNull();
  });
});

describe('availableActions and extensions', () => {
  it('offers request_extension to the lead and coordinators while the stage has a limit and nothing is pending', () => {
    const state = inResolution({ ruleSet });
    expect(availableActions(state, sewageUser)).toContain('request_extension');
    expect(availableActions(state, coordinator)).toContain('request_extension');
    expect(availableActions(state, housingUser)).not.toContain('request_extension');
    expect(availableActions(state, communityUser)).not.toContain('request_extension');
    expect(availableActions(inResolution({ ruleSet: ruleSetFrom({}) }), sewageUser)).not.toContain('request_extension');
    expect(availableActions(inResolution({ ruleSet: ruleSetFrom({}) }), coordinator)).not.toContain('request_extension');
  });

  it('offers approve and reject to coordinators only while a request is pending', () => {
    const fresh = inResolution({ ruleSet });
    expect(availableActions(fresh, coordinator)).not.toContain('approve_extension');
    expect(availableActions(fresh, coordinator)).not.toContain('reject_extension');

    const { state, extensionId } = withPendingRequest();
    expect(availableActions(state, coordinator)).toEqual(expect.arrayContaining(['approve_extension', 'reject_extension']));
    expect(availableActions(state, coordinator)).not.toContain('request_extension');
    expect(availableActions(state, sewageUser)).not.toContain('request_extension');
    expect(availableActions(state, sewageUser)).not.toContain('approve_extension');
    expect(availableActions(state, sewageUser)).not.toContain('reject_extension');

    const decided = act(state, approve(extensionId), coordinator);
    expect(availableActions(decided, coordinator)).not.toContain('approve_extension');
    expect(availableActions(decided, coordinator)).not.toContain('reject_extension');
    expect(availableActions(decided, sewageUser)).toContain('request_extension');
  });
});

describe('a request that lapses', () => {
  it('is no longer pending once another unit leads, and the case view says it lapsed', () => {
    const inRegistrationWithLimit = inRegistration({ ruleSet: ruleSetFrom({ stages: { registration: { sla: 'P1D' } } }) });
    const requested = act(
      inRegistrationWithLimit,
      { type: 'request_extension', reason: 'survey first', requestedDueAt: hoursAfter(T0, 48) },
      sewageUser,
    );
    const reassigned = act(requested, { type: 'reassign', leadOrganizationId: ORG.housing }, coordinator);
    const extensionId = requested.extensions[0].id;
    expect(refusal(reassigned, { type: 'approve_extension', extensionId }, coordinator)?.code).toBe('precondition_failed');
    expect(toCaseView(reassigned, NOW, coordinator).extensions[0].state).toBe('lapsed');
    expect(toCaseView(requested, NOW, coordinator).extensions[0].state).toBe('pending');
  });
});
