import { parseAction } from '../actions';
import { availableActions } from '../case-machine';
import type { CaseState } from '../case-state';
import { notificationFor } from '../notifications';
import {
  actChange,
  communityUser,
  coordinator,
  housingUser,
  inCoordination,
  inFeedback,
  inRegistration,
  inResolution,
  leader,
  openedCase,
  ORG,
  refusal,
  sewageUser,
} from '../testing/case-fixtures';

const urge = (note = 'the residents have waited a week') => ({ type: 'urge', note });

describe('urge (督办)', () => {
  it.each([
    ['registration', inRegistration],
    ['coordination', inCoordination],
    ['resolution', inResolution],
  ] as const)('in %s a coordinator or a leader may urge the lead; the units and the community may not', (_stage, state) => {
    for (const actor of [coordinator, leader]) {
      expect(refusal(state(), urge(), actor)).toBeNull();
      expect(availableActions(state(), actor)).toContain('urge');
    }
    for (const actor of [sewageUser, housingUser, communityUser]) {
      expect(refusal(state(), urge(), actor)).toMatchObject({ code: 'forbidden', reason: 'role_may_not', params: { action: 'urge' } });
      expect(availableActions(state(), actor)).not.toContain('urge');
    }
  });

  it.each([
    ['whistle', openedCase],
    ['feedback', inFeedback],
  ] as const)('is not taken in %s (no lead to press, or nothing left for it to do)', (stage, state) => {
    expect(refusal(state(), urge(), coordinator)).toMatchObject({ code: 'stage_conflict', reason: 'stage_does_not_take', params: { stage } });
    expect(availableActions(state(), coordinator)).not.toContain('urge');
  });

  it('needs a note of at most 2000 characters', () => {
    const issues = (body: Record<string, unknown>) => {
      const parsed = parseAction(body);
      return parsed.ok ? [] : parsed.issues.map((issue) => issue.path);
    };
    expect(issues({ type: 'urge' })).toEqual(['note']);
    expect(issues(urge('  '))).toEqual(['note']);
    expect(issues(urge('x'.repeat(2001)))).toEqual(['note']);
    expect(issues(urge('x'.repeat(2000)))).toEqual([]);
  });

  it('refuses, with its reason, a case whose lead is gone', () => {
    const state: CaseState = inRegistration();
    state.assignments = state.assignments.filter((a) => a.role !== 'lead');
    expect(refusal(state, urge(), coordinator)).toMatchObject({ code: 'precondition_failed', reason: 'no_lead_to_urge' });
    expect(availableActions(state, coordinator)).not.toContain('urge');
  });

  it('puts the lead and the note on the timeline, tells the lead unit only, and changes nothing else', () => {
    const before = inCoordination();
    const { state, events } = actChange(before, urge('please report by Friday'), leader);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'urged',
      actor: { userId: leader.userId },
      data: { organizationId: ORG.sewage, note: 'please report by Friday', stage: 'coordination', recipients: [{ organizationId: ORG.sewage }] },
    });
    expect({ ...state, eventSeq: before.eventSeq, version: before.version, updatedAt: before.updatedAt }).toEqual(before);
  });

  it('is worded as an escalation (【督办】) in both languages, with the note', () => {
    const before = inCoordination();
    const [event] = actChange(before, urge('please report by Friday'), coordinator).events;
    expect(notificationFor(event!, before)).toEqual({
      level: 'escalation',
      recipients: [{ organizationId: ORG.sewage }],
      message: {
        zh: expect.stringMatching(/^【督办】案件 .+：街道督促贵单位加快办理。please report by Friday$/),
        en: expect.stringMatching(/^Escalation: Case .+: the street urges your unit to act\. please report by Friday$/),
      },
    });
  });
});
