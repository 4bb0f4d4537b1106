/** Who exists: the organizations of a street and the people who act for them. */
export const ORGANIZATION_KINDS = ['street', 'community', 'department', 'property_company', 'partner'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ROLES = ['admin', 'coordinator', 'community', 'department', 'leader'] as const;
export type Role = (typeof ROLES)[number];

/** The person (or public link) behind an action, as the API authenticated it. */
export interface Actor {
  /** `resident` is the public feedback link: no account, proven by the case's feedback token. */
  kind: 'user' | 'resident' | 'system';
  userId?: string;
  username?: string;
  displayName?: string;
  roles: Role[];
  organizationId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', displayName: 'Whistle', roles: [] };

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

/** Street-wide roles see every case; everybody else sees the cases their organization takes part in. */
export function seesAllCases(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'coordinator', 'leader');
}
