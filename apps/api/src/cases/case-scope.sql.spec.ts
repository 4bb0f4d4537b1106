import { SYSTEM_ACTOR, type Actor } from '@whistle/domain';
import { caseScopeSql } from './case-scope.sql';

const user = (roles: Actor['roles'], organizationId: string | null): Actor => ({ kind: 'user', userId: 'u', roles, organizationId });

describe('caseScopeSql', () => {
  it('lets the system see everything and admins nothing', () => {
    expect(caseScopeSql(SYSTEM_ACTOR, 'c')).toEqual({ where: 'TRUE', params: {} });
    expect(caseScopeSql(user(['admin'], null), 'c')).toEqual({ where: 'FALSE', params: {} });
  });

  it("scopes coordinators and leaders to their street's cases (and any their organization takes part in)", () => {
    expect(caseScopeSql(user(['coordinator'], 'street-1'), 'c')).toEqual({
      where: '(c.street_id = :scopeStreetId OR c.participant_organization_ids @> ARRAY[:scopeParticipantId]::text[])',
      params: { scopeStreetId: 'street-1', scopeParticipantId: 'street-1' },
    });
  });

  it('scopes a community to its own cases and a department to the cases it takes part in, on the given alias', () => {
    expect(caseScopeSql(user(['community'], 'com-1'), 'sc').where).toBe(
      '(sc.community_id = :scopeCommunityId OR sc.participant_organization_ids @> ARRAY[:scopeParticipantId]::text[])',
    );
    expect(caseScopeSql(user(['department'], 'dep-1'), 'c')).toEqual({
      where: '(c.participant_organization_ids @> ARRAY[:scopeParticipantId]::text[])',
      params: { scopeParticipantId: 'dep-1' },
    });
  });
});
