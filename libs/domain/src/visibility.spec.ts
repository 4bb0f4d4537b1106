import { SYSTEM_ACTOR, type Actor } from './directory';
import { canSeeCase, caseScopeOf, inCaseScope, organizationReachesCase, type CaseAccessFacts } from './visibility';
import {
  admin,
  communityUser,
  coordinator,
  departmentUser,
  emergencyUser,
  leader,
  ORG,
  otherCommunityUser,
  resident,
  sewageUser,
} from './testing/case-fixtures';

const OTHER_STREET = 'org-street-other';
const facts: CaseAccessFacts = { communityId: ORG.community, streetId: ORG.street, participantOrganizationIds: [ORG.community, ORG.sewage] };
const otherStreetCoordinator: Actor = { ...coordinator, userId: 'u-c2', organizationId: OTHER_STREET };
const otherStreetLeader: Actor = { ...leader, userId: 'u-l2', organizationId: OTHER_STREET };

describe('canSeeCase', () => {
  it("lets the case's street's coordinators and leaders, and the system, see it", () => {
    for (const actor of [coordinator, leader, SYSTEM_ACTOR]) expect(canSeeCase(actor, facts)).toBe(true);
  });

  it("hides it from another street's coordinators and leaders", () => {
    expect(canSeeCase(otherStreetCoordinator, facts)).toBe(false);
    expect(canSeeCase(otherStreetLeader, facts)).toBe(false);
    expect(canSeeCase(coordinator, { ...facts, streetId: null })).toBe(false);
  });

  it('shows admins no case: they administer, they do not handle cases', () => {
    expect(canSeeCase(admin, facts)).toBe(false);
  });

  it("lets the case's own community and participating units see it", () => {
    expect(canSeeCase(communityUser, facts)).toBe(true);
    expect(canSeeCase(sewageUser, facts)).toBe(true);
  });

  it('lets a community see the cases it raised even when no unit of it takes part (mutation check: community clause)', () => {
    const raisedOnly = { ...facts, participantOrganizationIds: [ORG.sewage] };
    expect(canSeeCase(communityUser, raisedOnly)).toBe(true);
    expect(organizationReachesCase(ORG.community, raisedOnly)).toBe(true);
    expect(canSeeCase({ ...communityUser, roles: [] }, raisedOnly)).toBe(false);
  });

  it('hides the case from other communities, other departments, users without an organization and residents', () => {
    expect(canSeeCase(otherCommunityUser, facts)).toBe(false);
    expect(canSeeCase(emergencyUser, facts)).toBe(false);
    expect(canSeeCase(departmentUser(''), facts)).toBe(false);
    expect(canSeeCase({ kind: 'user', roles: ['community'], organizationId: null }, facts)).toBe(false);
    expect(canSeeCase(resident, facts)).toBe(false);
  });

  it("trusts street roles only when the street is not known (an older workflow's own validator)", () => {
    expect(canSeeCase(otherStreetCoordinator, { ...facts, streetId: undefined })).toBe(true);
    expect(canSeeCase(otherCommunityUser, { ...facts, streetId: undefined })).toBe(false);
  });

  it('is the scope evaluated: the same answer the SQL translation of the scope gives', () => {
    for (const actor of [coordinator, otherStreetCoordinator, admin, communityUser, sewageUser, emergencyUser]) {
      expect(inCaseScope(caseScopeOf(actor), facts)).toBe(canSeeCase(actor, facts));
    }
    expect(caseScopeOf({ kind: 'user', roles: ['coordinator', 'community'] })).toEqual({
      all: false,
      streetId: null,
      communityId: null,
      participantOrganizationId: null,
    });
    expect(caseScopeOf(admin)).toEqual({ all: false, streetId: null, communityId: null, participantOrganizationId: null });
    expect(caseScopeOf(coordinator)).toEqual({ all: false, streetId: ORG.street, communityId: null, participantOrganizationId: ORG.street });
  });
});

describe('organizationReachesCase', () => {
  it('lets notices reach the community, the street and participants only', () => {
    for (const org of [ORG.community, ORG.street, ORG.sewage]) expect(organizationReachesCase(org, facts)).toBe(true);
    for (const org of [ORG.otherCommunity, ORG.emergency, OTHER_STREET]) expect(organizationReachesCase(org, facts)).toBe(false);
  });
});
