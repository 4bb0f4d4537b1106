import type { CaseEvent, CaseState } from '../case-state';
import { notificationFor } from '../notifications';
import {
  actChange,
  caseSeed,
  coordinator,
  housingUser,
  inCoordination,
  inFeedback,
  inRegistration,
  inResolution,
  communityUser,
  NOW,
  openedCase,
  ORG,
  ruleSetFrom,
  sewageUser,
} from '../testing/case-fixtures';
import { openCase } from '../case-machine';

/** The one event of `type` a change emitted, its recipients, and its notice. */
function told(before: CaseState, body: Record<string, unknown>, actor = coordinator, type?: string) {
  const { events } = actChange(before, body, actor);
  const event = type ? events.find((e) => e.type === type) : events[0];
  if (!event) throw new Error(`no ${type} event`);
  return { event, recipients: event.data.recipients, notice: notificationFor(event, before) };
}

describe('everyone who must act is told', () => {
  it('dispatch tells each dispatched unit, the lead and the co-handlers', () => {
    const { recipients, notice } = told(
      openedCase(),
      { type: 'dispatch', leadOrganizationId: ORG.sewage, coHandlerOrganizationIds: [ORG.housing] },
      coordinator,
      'dispatched',
    );
    expect(recipients).toEqual([{ organizationId: ORG.sewage }, { organizationId: ORG.housing }]);
    expect(notice?.message.zh).toMatch(/^【派单】.*已派给贵单位/);
    expect(notice?.message.en).toMatch(/^Dispatched: .* was dispatched to your unit/);
  });

  it('every decline tells the coordinators; the second also asks the leaders to arbitrate', () => {
    const first = actChange(inRegistration(), { type: 'decline', reasonCode: 'other', reason: 'not ours' }, housingUser);
    expect(first.events.map((e) => [e.type, e.data.recipients])).toEqual([['declined', [{ role: 'coordinator' }]]]);
    expect(notificationFor(first.events[0]!, first.state)?.message.zh).toContain('被退单：not ours');
    const second = actChange(first.state, { type: 'decline', reasonCode: 'other', reason: 'nor ours' }, sewageUser);
    expect(second.events.filter((e) => e.type !== 'stage_changed').map((e) => [e.type, e.data.recipients])).toEqual([
      ['declined', [{ role: 'coordinator' }]],
      ['arbitration_requested', [{ role: 'leader' }]],
    ]);
  });

  it('a reassign tells the units it changed: the old lead (now a co-handler) and the new lead', () => {
    const { recipients, notice } = told(inRegistration(), {
      type: 'reassign',
      leadOrganizationId: ORG.emergency,
      coHandlerOrganizationIds: [ORG.housing, ORG.sewage],
    });
    expect(recipients).toEqual([{ organizationId: ORG.sewage }, { organizationId: ORG.emergency }]);
    expect(notice?.message.en).toContain('the units handling it were changed');
  });

  it('a meeting tells the organizations invited (once each), not the named people', () => {
    const { recipients, notice } = told(inCoordination(), {
      type: 'schedule_meeting',
      scheduledAt: '2026-03-03T14:00:00+08:00',
      location: 'Community hall',
      attendees: [{ organizationId: ORG.sewage }, { name: 'Owner representative' }, { organizationId: ORG.partner }, { organizationId: ORG.sewage }],
    });
    expect(recipients).toEqual([{ organizationId: ORG.sewage }, { organizationId: ORG.partner }]);
    expect(notice?.message.zh).toContain('协调会将于 2026-03-03 14:00 在 Community hall 召开');
  });

  it('minutes tell each action item owner once', () => {
    let state = actChange(
      inCoordination(),
      { type: 'schedule_meeting', scheduledAt: NOW, location: 'Hall', attendees: [{ name: 'x' }] },
      coordinator,
    ).state;
    const { recipients, notice } = told(state, {
      type: 'record_minutes',
      meetingId: state.meetings[0]!.id,
      summary: 'agreed',
      actionItems: [
        { ownerOrganizationId: ORG.partner, title: 'Pay', dueAt: NOW },
        { ownerOrganizationId: ORG.sewage, title: 'Dig', dueAt: NOW },
        { ownerOrganizationId: ORG.partner, title: 'Refill', dueAt: NOW },
      ],
    });
    expect(recipients).toEqual([{ organizationId: ORG.partner }, { organizationId: ORG.sewage }]);
    expect(notice?.message.zh).toContain('「Pay」');
    // Minutes with no responsibility list tell no one.
    state = actChange(state, { type: 'schedule_meeting', scheduledAt: NOW, location: 'Hall', attendees: [{ name: 'x' }] }, coordinator).state;
    expect(told(state, { type: 'record_minutes', meetingId: state.meetings[1]!.id, summary: 'nothing' }).recipients).toBeUndefined();
  });

  it('a rating tells the lead and the coordinators; a reopened case tells the lead; closing tells no one', () => {
    const resolved = inFeedback();
    expect(told(resolved, { type: 'feedback', satisfaction: 1 }, communityUser, 'feedback_received').recipients).toEqual([
      { organizationId: ORG.sewage },
      { role: 'coordinator' },
    ]);
    const reopened = told(resolved, { type: 'feedback', satisfaction: 1 }, communityUser, 'reopened');
    expect(reopened.recipients).toEqual([{ organizationId: ORG.sewage }]);
    expect(reopened.notice?.message.zh).toContain('被重新打开');
    expect(told(resolved, { type: 'feedback', satisfaction: 5 }, communityUser, 'closed').recipients).toBeUndefined();
  });

  it('resolving tells the community to collect the rating', () => {
    let state = inResolution();
    state = actChange(state, { type: 'complete_action_item', actionItemId: state.actionItems[0]!.id, evidence: 'photo' }, sewageUser).state;
    const { recipients, notice } = told(state, { type: 'resolve', summary: 'done', outcome: 'resolved' }, sewageUser, 'resolved');
    expect(recipients).toEqual([{ role: 'community' }]);
    expect(notice?.message.zh).toContain('已办结，请组织居民评价');
  });

  it('tasks are assigned on stage entry and on opening: their assignees are told, each once', () => {
    const ruleSet = ruleSetFrom({
      tasks: [
        { stage: 'whistle', name: 'Call back', assignee: { role: 'coordinator' }, required: false },
        { stage: 'registration', name: 'Site visit', assignee: { lead: true } },
        { stage: 'registration', name: 'Photos', assignee: { lead: true } },
      ],
    });
    const opened = openCase(caseSeed({ ruleSet }));
    expect(opened.events[0]!.data).toMatchObject({ tasksAssigned: [{ name: 'Call back' }], recipients: [{ role: 'coordinator' }] });
    const { event, notice } = told(opened.state, { type: 'dispatch', leadOrganizationId: ORG.sewage }, coordinator, 'stage_changed');
    expect(event.data).toMatchObject({ tasksAssigned: [{ name: 'Site visit' }, { name: 'Photos' }], recipients: [{ organizationId: ORG.sewage }] });
    expect(notice?.message.zh).toContain('有新任务：「Site visit」、「Photos」');
    // A stage without tasks keeps its event as it was.
    expect(
      told(inRegistration(), { type: 'register', contactName: 'x', contactPhone: '13800000000' }, sewageUser).event.data.recipients,
    ).toBeUndefined();
  });

  it('events recorded before they named recipients still tell no one', () => {
    const old: CaseEvent = { id: 'c:1', seq: 1, at: NOW, type: 'dispatched', actor: { kind: 'system' }, data: { leadOrganizationId: ORG.sewage } };
    expect(notificationFor(old, openedCase())).toBeNull();
    expect(notificationFor({ ...old, type: 'stage_changed', data: { from: 'whistle', to: 'registration' } }, openedCase())).toBeNull();
  });
});
