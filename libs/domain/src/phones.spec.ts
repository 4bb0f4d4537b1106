import type { CaseState } from './case-state';
import type { Actor } from './directory';
import { maskPhoneFields, mayRevealPhone, parsePhoneField, phoneAt } from './phones';
import {
  act,
  admin,
  communityUser,
  coordinator,
  housingUser,
  inRegistration,
  leader,
  ORG,
  otherCommunityUser,
  sewageUser,
} from './testing/case-fixtures';

function withContactAndMeeting(): CaseState {
  const state = inRegistration();
  return {
    ...state,
    assignments: state.assignments.map((a) =>
      a.role === 'lead' ? { ...a, state: 'registered' as const, contactName: 'Director He', contactPhone: '13900139000' } : a,
    ),
    meetings: [
      {
        id: 'm1',
        scheduledAt: '2026-03-05T10:00:00Z',
        location: 'Room 2',
        attendees: [{ organizationId: ORG.housing }, { name: 'Dai Yinglei', phone: '13700137000' }],
        minutes: null,
      },
    ],
  };
}

describe('phone fields', () => {
  it('parses the three kinds of field and refuses anything else', () => {
    expect(parsePhoneField('reporter')).toEqual({ kind: 'reporter' });
    expect(parsePhoneField('contact:org-1')).toEqual({ kind: 'contact', organizationId: 'org-1' });
    expect(parsePhoneField('attendee:m1:1')).toEqual({ kind: 'attendee', meetingId: 'm1', index: 1 });
    for (const bad of ['', 'Reporter', 'contact:', 'attendee:m1', 'attendee:m1:x', 'attendee:m1:1:2', 42, null])
      expect(parsePhoneField(bad)).toBeNull();
  });

  it('finds the full number a field names, or null', () => {
    const state = withContactAndMeeting();
    const lead = state.assignments.find((a) => a.role === 'lead')!.organizationId;
    expect(phoneAt(state, 'reporter')).toBe('13812345678');
    expect(phoneAt(state, `contact:${lead}`)).toBe('13900139000');
    expect(phoneAt(state, 'attendee:m1:1')).toBe('13700137000');
    expect(phoneAt(state, 'attendee:m1:0')).toBeNull();
    expect(phoneAt(state, 'attendee:m2:1')).toBeNull();
    expect(phoneAt(state, 'contact:org-nobody')).toBeNull();
  });
});

describe('mayRevealPhone', () => {
  const state = withContactAndMeeting();
  const leadOrg = state.assignments.find((a) => a.role === 'lead')!.organizationId;
  const leadUser: Actor = leadOrg === ORG.sewage ? sewageUser : housingUser;
  const coUser: Actor = leadOrg === ORG.sewage ? housingUser : sewageUser;

  it("lets the case's community, its street's coordinators and the lead unit of an open case reveal", () => {
    for (const actor of [communityUser, coordinator, leadUser]) expect(mayRevealPhone(actor, state, 'reporter')).toBe(true);
    expect(mayRevealPhone(coordinator, state, `contact:${leadOrg}`)).toBe(true);
  });

  it('refuses everybody else, another street, a closed case and a field that names nothing', () => {
    for (const actor of [leader, admin, otherCommunityUser, coUser]) expect(mayRevealPhone(actor, state, 'reporter')).toBe(false);
    expect(mayRevealPhone({ ...coordinator, organizationId: 'org-street-other' }, state, 'reporter')).toBe(false);
    expect(mayRevealPhone(leadUser, { ...state, stage: 'closed' }, 'reporter')).toBe(false);
    expect(mayRevealPhone(communityUser, { ...state, stage: 'closed' }, 'reporter')).toBe(true);
    expect(mayRevealPhone(coordinator, state, 'everything')).toBe(false);
  });

  it('works on the view the console holds as well as the state', () => {
    const declined = act(inRegistration(), { type: 'decline', reasonCode: 'other', reason: 'not ours' }, leadUser);
    expect(mayRevealPhone(leadUser, declined, 'reporter')).toBe(false);
  });
});

describe('maskPhoneFields', () => {
  it('masks every phone-named string at any depth and leaves everything else alone', () => {
    const data = {
      attendees: [{ name: 'Dai', phone: '13700137000' }, { organizationId: 'o' }],
      contactPhone: '13900139000',
      note: '13900139000',
      n: 3,
    };
    expect(maskPhoneFields(data)).toEqual({
      attendees: [{ name: 'Dai', phone: '137****7000' }, { organizationId: 'o' }],
      contactPhone: '139****9000',
      note: '13900139000',
      n: 3,
    });
    expect(data.contactPhone).toBe('13900139000');
  });
});
