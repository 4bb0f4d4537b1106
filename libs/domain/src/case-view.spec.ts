import { availableActions } from './case-machine';
import { caseCode, caseWorkflowId, toCaseView } from './case-view';
import {
  act,
  hoursAfter,
  inFeedback,
  inRegistration,
  NOW,
  openedCase,
  ORG,
  registerBody,
  sewageUser,
  coordinator,
  communityUser,
} from './testing/case-fixtures';

describe('toCaseView', () => {
  it('masks the reporter’s phone and keeps the name', () => {
    expect(toCaseView(openedCase(), NOW, coordinator).reporter).toEqual({ name: 'Aunt Li', phone: '138****5678' });
  });

  it('does not leak the rule set definition or the full phone number', () => {
    const view = toCaseView(openedCase(), NOW, coordinator);
    expect(view).not.toHaveProperty('ruleSet');
    expect(view).toMatchObject({ ruleSetId: 'built-in', ruleSetVersion: 0, workflowId: 'case-case-1', version: 1 });
    expect(JSON.stringify(view)).not.toContain('13812345678');
  });

  it('computes overdue from `now`: not before the stage deadline, yes at and after it', () => {
    const state = openedCase(); // whistle due 4h after opening
    expect(toCaseView(state, hoursAfter(state.stageDueAt!, -1), coordinator).overdue).toBe(false);
    expect(toCaseView(state, state.stageDueAt!, coordinator).overdue).toBe(true);
    expect(toCaseView(state, hoursAfter(state.stageDueAt!, 1), coordinator).overdue).toBe(true);
  });

  it('marks only pending assignments overdue once their own deadline passes', () => {
    const state = act(inRegistration(), registerBody(), sewageUser);
    const view = toCaseView(state, hoursAfter(NOW, 25), coordinator);
    expect(view.assignments.map((a) => [a.organizationId, a.overdue])).toEqual([
      [ORG.sewage, false],
      [ORG.housing, true],
    ]);
    expect(toCaseView(state, hoursAfter(NOW, 23), coordinator).assignments.every((a) => !a.overdue)).toBe(true);
  });

  it('is never overdue once the case is closed or withdrawn', () => {
    const closed = act(inFeedback(), { type: 'feedback', satisfaction: 5 }, { kind: 'resident', roles: [] });
    expect(toCaseView(closed, hoursAfter(NOW, 24 * 365), coordinator).overdue).toBe(false);
    const withdrawn = act(openedCase(), { type: 'withdraw', reason: 'x' }, coordinator);
    expect(toCaseView(withdrawn, hoursAfter(NOW, 24 * 365), coordinator).overdue).toBe(false);
  });

  it('lists the participating organizations', () => {
    expect(toCaseView(inRegistration(), NOW, coordinator).participantOrganizationIds).toEqual([ORG.community, ORG.sewage, ORG.housing]);
  });

  it('says what the one who asked may do now, and on which items', () => {
    const state = inRegistration();
    expect(toCaseView(state, NOW, coordinator)).toMatchObject({
      availableActions: availableActions(state, coordinator),
      actionTargets: { register: [ORG.sewage, ORG.housing], decline: [ORG.sewage, ORG.housing] },
    });
    expect(toCaseView(state, NOW, sewageUser)).toMatchObject({
      availableActions: ['register', 'decline', 'request_extension', 'comment'],
      actionTargets: { register: [ORG.sewage], decline: [ORG.sewage] },
    });
    expect(toCaseView(state, NOW, communityUser)).toMatchObject({ availableActions: ['comment'], actionTargets: {} });
  });
});

describe('case identifiers', () => {
  it('pads the case code to six digits', () => {
    expect(caseCode(2026, 123)).toBe('WS-2026-000123');
    expect(caseCode(2026, 1234567)).toBe('WS-2026-1234567');
  });

  it('derives the workflow id from the case id', () => {
    expect(caseWorkflowId('abc')).toBe('case-abc');
  });
});
