import { caseScopeOf, type Actor } from '@whistle/domain';

/**
 * The domain's case scope (`caseScopeOf`, the rule `canSeeCase` evaluates) as a SQL condition on a `cases` row, for
 * the queries that must filter in the database: case lists, rates, notifications. The only translation of the
 * rule to SQL; every list derives from it.
 */
export function caseScopeSql(actor: Actor, alias: string): { where: string; params: Record<string, string> } {
  const scope = caseScopeOf(actor);
  if (scope.all) return { where: 'TRUE', params: {} };
  const any: string[] = [];
  const params: Record<string, string> = {};
  if (scope.streetId) {
    any.push(`${alias}.street_id = :scopeStreetId`);
    params.scopeStreetId = scope.streetId;
  }
  if (scope.communityId) {
    any.push(`${alias}.community_id = :scopeCommunityId`);
    params.scopeCommunityId = scope.communityId;
  }
  if (scope.participantOrganizationId) {
    any.push(`${alias}.participant_organization_ids @> ARRAY[:scopeParticipantId]::text[]`);
    params.scopeParticipantId = scope.participantOrganizationId;
  }
  return { where: any.length ? `(${any.join(' OR ')})` : 'FALSE', params };
}
