import fc from 'fast-check';
import { mayOpenCase, mayOpenCaseInSomeStreet } from './case-opening';
import { ROLES, SYSTEM_ACTOR, type Actor } from './directory';
import { admin, communityUser, coordinator, leader, ORG, otherCommunityUser, resident, sewageUser } from './testing/case-fixtures';

const OTHER_STREET = 'org-street-other';
const target = { communityId: ORG.community, streetId: ORG.street };

describe('mayOpenCase', () => {
  it("lets the community's own users and its street's coordinators blow the whistle", () => {
    expect(mayOpenCase(communityUser, target)).toBe(true);
    expect(mayOpenCase(coordinator, target)).toBe(true);
  });

  it("refuses another community, another street's coordinator, leaders, departments, admins, residents and the system", () => {
    for (const actor of [otherCommunityUser, { ...coordinator, organizationId: OTHER_STREET }, leader, sewageUser, admin, resident, SYSTEM_ACTOR]) {
      expect(mayOpenCase(actor, target)).toBe(false);
    }
  });

  it('refuses a coordinator or a community user without an organization', () => {
    expect(mayOpenCase({ ...coordinator, organizationId: null }, target)).toBe(false);
    expect(mayOpenCase({ ...communityUser, organizationId: undefined }, target)).toBe(false);
  });

  it('lets a user holding both roles open for their own community, whichever street it is in', () => {
    const both: Actor = { ...communityUser, roles: ['community', 'coordinator'] };
    expect(mayOpenCase(both, { ...target, streetId: OTHER_STREET })).toBe(true);
  });
});

describe('mayOpenCaseInSomeStreet', () => {
  it('refuses before any lookup the actors no street could allow', () => {
    expect(mayOpenCaseInSomeStreet(otherCommunityUser, ORG.community)).toBe(false);
    expect(mayOpenCaseInSomeStreet(sewageUser, ORG.community)).toBe(false);
    expect(mayOpenCaseInSomeStreet(leader, ORG.community)).toBe(false);
    expect(mayOpenCaseInSomeStreet({ ...coordinator, organizationId: OTHER_STREET }, ORG.community)).toBe(true);
  });

  it('never refuses someone mayOpenCase would allow', () => {
    const id = fc.constantFrom(ORG.street, OTHER_STREET, ORG.community, ORG.otherCommunity, ORG.sewage);
    const actor = fc.record({
      kind: fc.constantFrom<Actor['kind']>('user', 'resident', 'system'),
      roles: fc.subarray([...ROLES]),
      organizationId: fc.option(id, { nil: null }),
    });
    fc.assert(
      fc.property(actor, id, id, (a, communityId, streetId) => {
        if (mayOpenCase(a, { communityId, streetId })) expect(mayOpenCaseInSomeStreet(a, communityId)).toBe(true);
      }),
    );
  });
});
