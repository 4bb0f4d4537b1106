import { computeRates } from './rates';
import {
  act,
  coordinator,
  communityUser,
  hoursAfter,
  housingUser,
  inFeedback,
  inRegistration,
  openedCase,
  ORG,
  sewageUser,
  T0,
} from './testing/case-fixtures';

describe('computeRates', () => {
  it('counts on-time registrations, overdue silences, resolutions and ratings, per lead organization', () => {
    // Registered within the day: on time. The built-in registration limit is P1D from dispatch.
    const onTime = act(inRegistration(), { type: 'register', contactName: 'Zhang', contactPhone: '13800000000' }, sewageUser, hoursAfter(T0, 2));
    // A unit that never answered, a day and a half later: counted, not on time.
    const resolvedAndRated = act(inFeedback(), { type: 'feedback', satisfaction: 5 }, communityUser);
    const reopened = act(inFeedback(), { type: 'feedback', satisfaction: 2 }, communityUser);
    const withdrawn = act(openedCase(), { type: 'withdraw', reason: 'duplicate' }, coordinator);

    const { overall, byOrganization } = computeRates([onTime, resolvedAndRated, reopened, withdrawn], hoursAfter(T0, 36));
    const sewage = byOrganization.find((r) => r.organizationId === ORG.sewage)!;
    // onTime: sewage registered, housing silent and overdue; the two feedback cases: both registered.
    expect(overall.assignments).toBe(6);
    expect(overall.respondedOnTime).toBe(5);
    expect(overall.responseRate).toBe(0.833);
    // The reopened case is back in resolution: not resolved (any more), but its low rating counts.
    expect(overall).toMatchObject({ cases: 3, resolved: 1, resolutionRate: 0.333, ratings: 2, satisfied: 1, satisfactionRate: 0.5 });
    expect(sewage).toMatchObject({ cases: 3, resolved: 1 });
    const housing = byOrganization.find((r) => r.organizationId === ORG.housing)!;
    expect(housing).toMatchObject({ assignments: 3, respondedOnTime: 2, cases: 0, resolutionRate: null });
  });

  it('leaves out declines and clocks still running, and answers null rates when nothing counts', () => {
    const declined = act(inRegistration(), { type: 'decline', reasonCode: 'wrong_jurisdiction', reason: 'not ours' }, housingUser);
    const { overall } = computeRates([declined], hoursAfter(T0, 1));
    expect(overall).toMatchObject({ assignments: 0, responseRate: null, cases: 1, resolved: 0, resolutionRate: 0, satisfactionRate: null });
  });
});
