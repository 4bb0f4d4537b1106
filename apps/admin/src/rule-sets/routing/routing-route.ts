import type { Role } from '@whistle/domain';

export const ROUTING_PATH = '/routing';

/** The routing table is for those who write the rules and those who live by them (GET /api/routing). */
export function seesRouting(roles: readonly Role[]): boolean {
  return roles.includes('admin') || roles.includes('coordinator');
}
