import { hasRole, type Actor } from '../directory';

/** Coordinators (and the system) act for any unit of the case; everyone else only for their own organization. */
export function isCoordinator(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && hasRole(actor, 'coordinator'));
}
