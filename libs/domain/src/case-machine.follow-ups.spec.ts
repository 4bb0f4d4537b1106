import { availableActions } from './case-machine';
import { isoDuration } from './rule-set';
import { act, caseSeed, coordinator, housingUser, inRegistration, openedCase, ORG, refusal, ruleSetFrom, sewageUser } from './testing/case-fixtures';

describe('rule-set defaults and reassignments', () => {
  it('a dispatch that names no co-handlers takes the rule set default co-handlers (never the lead)', () => {
    const ruleSet = ruleSetFrom({ stages: { registration: { defaultLead: ORG.sewage, defaultCoHandlers: [ORG.housing, ORG.sewage] } } });
    const state = act(openedCase(caseSeed({ ruleSet })), { type: 'dispatch' }, coordinator);
    expect(state.assignments.map((a) => [a.organizationId, a.role])).toEqual([
      [ORG.sewage, 'lead'],
      [ORG.housing, 'co'],
    ]);
  });

  it('a dispatch that names an empty co-handler list overrides the default', () => {
    const ruleSet = ruleSetFrom({ stages: { registration: { defaultCoHandlers: [ORG.housing] } } });
    const state = act(
      openedCase(caseSeed({ ruleSet })),
      { type: 'dispatch', leadOrganizationId: ORG.sewage, coHandlerOrganizationIds: [] },
      coordinator,
    );
    expect(state.assignments.map((a) => a.organizationId)).toEqual([ORG.sewage]);
  });

  it('promoting a co-handler to lead without listing co-handlers drops it from the co-handlers', () => {
    const state = act(inRegistration(), { type: 'reassign', leadOrganizationId: ORG.housing }, coordinator);
    expect(state.assignments.map((a) => [a.organizationId, a.role])).toEqual([[ORG.housing, 'lead']]);
  });
});

describe('availableActions for units that already reported in', () => {
  it('offers register and decline only while the unit is pending', () => {
    const state = act(inRegistration(), { type: 'register', contactName: 'Zhang', contactPhone: '13800000000' }, sewageUser);
    expect(availableActions(state, sewageUser)).not.toContain('register');
    expect(availableActions(state, sewageUser)).not.toContain('decline');
    expect(availableActions(state, housingUser)).toEqual(expect.arrayContaining(['register', 'decline']));
    expect(refusal(state, { type: 'register', contactName: 'Zhang', contactPhone: '13800000000' }, sewageUser)?.code).toBe('precondition_failed');
  });
});

describe('durations', () => {
  it('refuses an empty or zero duration', () => {
    expect(isoDuration.safeParse('P').success).toBe(false);
    expect(isoDuration.safeParse('PT0S').success).toBe(false);
    expect(isoDuration.safeParse('PT3S').success).toBe(true);
  });
});
