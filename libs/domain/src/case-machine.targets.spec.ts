import { actionTargets } from './case-machine';
import {
  act,
  communityUser,
  coordinator,
  hoursAfter,
  housingUser,
  inCoordination,
  inRegistration,
  inResolution,
  NOW,
  ORG,
  registerBody,
  ruleSetFrom,
  sewageUser,
} from './testing/case-fixtures';

describe('actionTargets', () => {
  it('names the units each actor may register or decline for: every pending one for a coordinator, their own for a unit', () => {
    const state = act(inRegistration(), registerBody(), housingUser);
    expect(actionTargets(state, coordinator)).toMatchObject({ register: [ORG.sewage], decline: [ORG.sewage] });
    expect(actionTargets(state, sewageUser)).toMatchObject({ register: [ORG.sewage], decline: [ORG.sewage] });
    expect(actionTargets(state, housingUser)).not.toHaveProperty('register');
    expect(actionTargets(state, communityUser)).toEqual({});
  });

  it('names the meetings without minutes and the open action items each actor may complete', () => {
    let state = inCoordination();
    state = act(state, { type: 'schedule_meeting', scheduledAt: NOW, location: 'Hall', attendees: [{ organizationId: ORG.sewage }] }, coordinator);
    const meetingId = state.meetings[0].id;
    expect(actionTargets(state, coordinator).record_minutes).toEqual([meetingId]);
    state = act(
      state,
      {
        type: 'record_minutes',
        meetingId,
        summary: 'agreed',
        actionItems: [
          { ownerOrganizationId: ORG.sewage, title: 'Pipe', dueAt: hoursAfter(NOW, 48) },
          { ownerOrganizationId: ORG.housing, title: 'Notice', dueAt: hoursAfter(NOW, 48) },
        ],
      },
      coordinator,
    );
    const [pipe, notice] = state.actionItems.map((i) => i.id);
    expect(actionTargets(state, coordinator).record_minutes).toEqual([]);
    expect(actionTargets(state, coordinator).complete_action_item).toEqual([pipe, notice]);
    expect(actionTargets(state, sewageUser).complete_action_item).toEqual([pipe]);
    state = act(state, { type: 'complete_action_item', actionItemId: pipe, evidence: 'photo' }, sewageUser);
    expect(actionTargets(state, coordinator).complete_action_item).toEqual([notice]);
  });

  it('names the open tasks of the stage assigned to the actor (every one for a coordinator)', () => {
    const ruleSet = ruleSetFrom({
      tasks: [
        { stage: 'registration', name: 'Site visit', assignee: { lead: true }, required: false },
        { stage: 'registration', name: 'Call the reporter', assignee: { role: 'community' }, required: false },
      ],
    });
    const state = inRegistration({ ruleSet });
    const [visit, call] = state.tasks.map((t) => t.id);
    expect(actionTargets(state, coordinator).complete_task).toEqual([visit, call]);
    expect(actionTargets(state, sewageUser).complete_task).toEqual([visit]);
    expect(actionTargets(state, communityUser).complete_task).toEqual([call]);
  });

  it('names the pending extension for a coordinator to approve or reject, and nothing once it is decided', () => {
    const state = act(inResolution(), { type: 'request_extension', reason: 'parts', requestedDueAt: hoursAfter(NOW, 24 * 30) }, sewageUser);
    const id = state.extensions[0].id;
    expect(actionTargets(state, coordinator)).toMatchObject({ approve_extension: [id], reject_extension: [id] });
    expect(actionTargets(state, sewageUser)).not.toHaveProperty('approve_extension');
    const decided = act(state, { type: 'reject_extension', extensionId: id, reason: 'no' }, coordinator);
    expect(actionTargets(decided, coordinator)).not.toHaveProperty('approve_extension');
  });
});
