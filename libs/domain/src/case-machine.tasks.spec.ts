import { activeClocks } from './clocks';
import { openTasks } from './actions/tasks';
import { availableActions } from './case-machine';
import { advanceClock, nextAlarmAt } from './time-passes';
import type { CaseState } from './case-state';
import {
  act,
  actChange,
  communityUser,
  coordinator,
  fire,
  hoursAfter,
  housingUser,
  inFeedback,
  inRegistration,
  inResolution,
  leader,
  NOW,
  openedCase,
  ORG,
  refusal,
  registerBody,
  reminderRule,
  resetIds,
  ruleSetFrom,
  sewageUser,
} from './testing/case-fixtures';

beforeEach(() => resetIds());

const siteInspection = {
  stage: 'registration',
  name: 'Site inspection',
  assignee: { lead: true },
  due: 'P1D',
  required: true,
  reminders: [reminderRule('PT12H')],
};
const withSiteInspection = ruleSetFrom({ tasks: [siteInspection] });
const complete = (taskId: string, evidence = 'photos of the site') => ({ type: 'complete_task', taskId, evidence });
const resolveBody = { type: 'resolve', summary: 'Pipe replaced', outcome: 'resolved' };

/** A case in resolution whose only action item is done: ready to resolve but for its tasks. */
function readyToResolve(tasks: unknown[]): CaseState {
  const state = inResolution({ ruleSet: ruleSetFrom({ tasks }) });
  return act(state, { type: 'complete_action_item', actionItemId: state.actionItems[0].id, evidence: 'photo' }, sewageUser);
}

describe('a registration task assigned to the lead', () => {
  it('appears on dispatch, assigned to the lead organization, with its due time', () => {
    const state = inRegistration({ ruleSet: withSiteInspection });
    expect(state.tasks).toEqual([
      {
        id: 'id-1',
        stage: 'registration',
        name: 'Site inspection',
        assignee: { organizationId: ORG.sewage },
        required: true,
        startedAt: NOW,
        dueAt: hoursAfter(NOW, 24),
        completedAt: null,
        rule: 0,
      },
    ]);
    expect(openTasks(state).map((t) => t.id)).toEqual(['id-1']);
  });

  it('does not appear before its stage', () => {
    expect(openedCase({ ruleSet: withSiteInspection }).tasks).toEqual([]);
  });

  it('keeps the case in registration while open, even when every unit registered', () => {
    let state = inRegistration({ ruleSet: withSiteInspection });
    state = act(state, registerBody(), sewageUser);
    state = act(state, registerBody(), housingUser);
    expect(state.stage).toBe('registration');
    expect(state.assignments.every((a) => a.state === 'registered')).toBe(true);
  });

  it('may not be completed by a user of another organization', () => {
    const state = inRegistration({ ruleSet: withSiteInspection });
    expect(refusal(state, complete('id-1'), housingUser)?.code).toBe('forbidden');
  });

  it('completed by the lead’s user, lets registration end', () => {
    let state = inRegistration({ ruleSet: withSiteInspection });
    state = act(state, registerBody(), sewageUser);
    state = act(state, registerBody(), housingUser);
    const later = hoursAfter(NOW, 3);
    const { state: after, events } = actChange(state, complete('id-1'), sewageUser, later);
    expect(after.tasks[0]).toMatchObject({ completedAt: later, evidence: 'photos of the site' });
    expect(after.stage).toBe('coordination');
    expect(events.map((e) => e.type)).toEqual(['task_completed', 'stage_changed']);
    expect(events[0].data).toEqual({ taskId: 'id-1', name: 'Site inspection', evidence: 'photos of the site', stage: 'registration' });
    expect(openTasks(after)).toEqual([]);
  });

  it('completed before everyone registered, registration ends with the last registration', () => {
    let state = act(inRegistration({ ruleSet: withSiteInspection }), complete('id-1'), sewageUser);
    expect(state.stage).toBe('registration');
    state = act(state, registerBody(), sewageUser);
    state = act(state, registerBody(), housingUser);
    expect(state.stage).toBe('coordination');
  });

  it('a coordinator may complete it for the lead; a completed task cannot be completed again', () => {
    const state = act(inRegistration({ ruleSet: withSiteInspection }), complete('id-1'), coordinator);
    expect(state.tasks[0].completedAt).toBe(NOW);
    expect(refusal(state, complete('id-1'), coordinator)?.code).toBe('precondition_failed');
    expect(refusal(state, complete('no-such-task'), coordinator)?.code).toBe('invalid');
  });

  it('reminds its assignee while open', () => {
    const state = inRegistration({ ruleSet: withSiteInspection });
    expect(nextAlarmAt(state)).toBe(hoursAfter(NOW, 12));
    const { events } = fire(state, hoursAfter(NOW, 12));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'reminder',
      actor: { kind: 'system' },
      data: {
        clock: 'task',
        clockId: 'task:id-1',
        taskId: 'id-1',
        name: 'Site inspection',
        dueAt: hoursAfter(NOW, 24),
        recipients: [{ organizationId: ORG.sewage }],
      },
    });
  });

  it('does not remind once completed', () => {
    const state = act(inRegistration({ ruleSet: withSiteInspection }), complete('id-1'), sewageUser, hoursAfter(NOW, 2));
    expect(state.stage).toBe('registration');
    expect(activeClocks(state).some((c) => c.kind === 'task')).toBe(false);
    expect(nextAlarmAt(state)).toBeNull();
    expect(advanceClock(state, hoursAfter(NOW, 12))).toBeNull();
  });
});

describe('tasks that gate leaving a stage', () => {
  const resolutionTask = (required: boolean, assignee: unknown = { lead: true }) => ({
    stage: 'resolution',
    name: 'Photo evidence',
    assignee,
    required,
  });

  it('a required resolution task blocks resolve, naming the open tasks', () => {
    const state = readyToResolve([resolutionTask(true)]);
    const task = openTasks(state)[0];
    expect(refusal(state, resolveBody, sewageUser)).toMatchObject({
      code: 'precondition_failed',
      details: { openTasks: [{ id: task.id, name: 'Photo evidence', assignee: { organizationId: ORG.sewage } }] },
    });
    expect(refusal(state, resolveBody, coordinator)?.code).toBe('precondition_failed');
    const done = act(state, complete(task.id), sewageUser);
    expect(refusal(done, resolveBody, sewageUser)).toBeNull();
    expect(act(done, resolveBody, sewageUser).stage).toBe('feedback');
  });

  it('a non-required task does not block resolve', () => {
    const state = readyToResolve([resolutionTask(false)]);
    expect(openTasks(state)).toHaveLength(1);
    expect(refusal(state, resolveBody, sewageUser)).toBeNull();
  });

  it('a required whistle task blocks dispatch', () => {
    const state = openedCase({ ruleSet: ruleSetFrom({ tasks: [{ stage: 'whistle', name: 'Verify on site', assignee: { role: 'community' } }] }) });
    expect(state.tasks).toMatchObject([{ stage: 'whistle', assignee: { role: 'community' }, required: true }]);
    const dispatch = { type: 'dispatch', leadOrganizationId: ORG.sewage };
    expect(refusal(state, dispatch, coordinator)?.code).toBe('precondition_failed');
    const done = act(state, complete(state.tasks[0].id), communityUser);
    expect(act(done, dispatch, coordinator).stage).toBe('registration');
  });

  it('a required coordination task blocks concluding coordination', () => {
    let state = inRegistration({
      ruleSet: ruleSetFrom({
        stages: { coordination: { optional: true } },
        tasks: [{ stage: 'coordination', name: 'Cost estimate', assignee: { lead: true } }],
      }),
    });
    state = act(state, registerBody(), sewageUser);
    state = act(state, registerBody(), housingUser);
    expect(state.stage).toBe('coordination');
    expect(refusal(state, { type: 'conclude_coordination' }, coordinator)?.code).toBe('precondition_failed');
    state = act(state, complete(openTasks(state)[0].id), sewageUser);
    expect(refusal(state, { type: 'conclude_coordination' }, coordinator)).toBeNull();
  });
});

describe('task assignees', () => {
  it('a {role: community} task is completed by community users, not by a department', () => {
    const state = readyToResolve([{ stage: 'resolution', name: 'Check with residents', assignee: { role: 'community' } }]);
    const task = openTasks(state)[0];
    expect(task.assignee).toEqual({ role: 'community' });
    expect(refusal(state, complete(task.id), sewageUser)?.code).toBe('forbidden');
    expect(refusal(state, complete(task.id), communityUser)).toBeNull();
    expect(act(state, complete(task.id), communityUser).tasks.find((t) => t.id === task.id)?.completedAt).toBe(NOW);
  });

  it('a {role: leader} task is completed by a leader', () => {
    const state = readyToResolve([{ stage: 'resolution', name: 'Sign off', assignee: { role: 'leader' } }]);
    const task = openTasks(state)[0];
    expect(refusal(state, complete(task.id), sewageUser)?.code).toBe('forbidden');
    expect(refusal(state, complete(task.id), leader)).toBeNull();
  });

  it('a unit with a task of its own still may not complete another unit’s task', () => {
    const state = inRegistration({
      ruleSet: ruleSetFrom({
        tasks: [siteInspection, { stage: 'registration', name: 'Check the records', assignee: { organizationId: ORG.housing } }],
      }),
    });
    const [inspection, records] = openTasks(state);
    expect(records.assignee).toEqual({ organizationId: ORG.housing });
    expect(refusal(state, complete(inspection.id), housingUser)?.code).toBe('forbidden');
    expect(refusal(state, complete(records.id), sewageUser)?.code).toBe('forbidden');
    expect(refusal(state, complete(records.id), housingUser)).toBeNull();
  });

  it('a task for a named organization is assigned to it', () => {
    const state = readyToResolve([{ stage: 'resolution', name: 'Pay the rest', assignee: { organizationId: ORG.partner } }]);
    expect(openTasks(state)[0].assignee).toEqual({ organizationId: ORG.partner });
  });

  it('a {lead: true} task in whistle, before there is a lead, goes to the coordinators', () => {
    const state = openedCase({ ruleSet: ruleSetFrom({ tasks: [{ stage: 'whistle', name: 'Triage', assignee: { lead: true } }] }) });
    expect(state.tasks[0].assignee).toEqual({ role: 'coordinator' });
  });
});

describe('tasks of a re-entered stage', () => {
  it('appear again with new ids after a reopen', () => {
    let state = readyToResolve([{ stage: 'resolution', name: 'Photo evidence', assignee: { lead: true } }]);
    const first = openTasks(state)[0];
    state = act(state, complete(first.id), sewageUser);
    state = act(state, resolveBody, sewageUser);
    state = act(state, { type: 'feedback', satisfaction: 1 }, communityUser, hoursAfter(NOW, 5));
    expect(state.stage).toBe('resolution');
    const again = openTasks(state);
    expect(again).toHaveLength(1);
    expect(again[0].id).not.toBe(first.id);
    expect(again[0]).toMatchObject({ name: 'Photo evidence', startedAt: hoursAfter(NOW, 5), completedAt: null });
    expect(state.tasks.find((t) => t.id === first.id)?.completedAt).toBe(NOW);
    expect(refusal(state, resolveBody, sewageUser)?.code).toBe('precondition_failed');
  });

  it('after a reopen, only the new visit’s tasks are open: one left undone last time does not come back twice', () => {
    const ruleSet = ruleSetFrom({
      tasks: [{ stage: 'resolution', name: 'Photo evidence', assignee: { lead: true }, required: false, reminders: [reminderRule('PT1H')] }],
    });
    let state = inResolution({ ruleSet });
    state = act(state, { type: 'complete_action_item', actionItemId: state.actionItems[0].id, evidence: 'photo' }, sewageUser);
    const old = openTasks(state)[0];
    state = fire(state, hoursAfter(NOW, 1)).state;
    state = act(state, resolveBody, sewageUser, hoursAfter(NOW, 2));
    const reopenedAt = hoursAfter(NOW, 5);
    state = act(state, { type: 'feedback', satisfaction: 1 }, communityUser, reopenedAt);
    expect(openTasks(state).map((t) => t.startedAt)).toEqual([reopenedAt]);
    expect(refusal(state, complete(old.id), sewageUser)?.code).toBe('precondition_failed');
    const { events } = fire(state, hoursAfter(reopenedAt, 1));
    expect(events.map((e) => e.data.taskId)).toEqual([openTasks(state)[0].id]);
  });

  it('after a lead declines and the case is dispatched again, only the new registration tasks are open', () => {
    let state = inRegistration({ ruleSet: withSiteInspection });
    state = act(state, { type: 'decline', reasonCode: 'wrong_jurisdiction', reason: 'not ours' }, sewageUser);
    expect(state.stage).toBe('whistle');
    expect(openTasks(state)).toEqual([]);
    state = act(state, { type: 'dispatch', leadOrganizationId: ORG.emergency, coHandlerOrganizationIds: [] }, coordinator, hoursAfter(NOW, 1));
    expect(openTasks(state).map((t) => [t.name, t.assignee])).toEqual([['Site inspection', { organizationId: ORG.emergency }]]);
  });
});

describe('availableActions and tasks', () => {
  it('offers complete_task only to the task’s assignee and coordinators, while a task is open', () => {
    const state = inRegistration({ ruleSet: withSiteInspection });
    expect(availableActions(state, sewageUser)).toContain('complete_task');
    expect(availableActions(state, coordinator)).toContain('complete_task');
    expect(availableActions(state, housingUser)).not.toContain('complete_task');
    expect(availableActions(state, communityUser)).not.toContain('complete_task');
    const done = act(state, complete('id-1'), sewageUser);
    expect(availableActions(done, sewageUser)).not.toContain('complete_task');
    expect(availableActions(done, coordinator)).not.toContain('complete_task');
  });

  it('offers complete_task to community users for a community task', () => {
    const state = readyToResolve([{ stage: 'resolution', name: 'Check with residents', assignee: { role: 'community' } }]);
    expect(availableActions(state, communityUser)).toContain('complete_task');
    expect(availableActions(state, sewageUser)).not.toContain('complete_task');
  });

  it('does not offer complete_task when the stage has no tasks', () => {
    expect(availableActions(inFeedback(), coordinator)).not.toContain('complete_task');
    expect(availableActions(inRegistration(), sewageUser)).not.toContain('complete_task');
  });
});
