import type { Role } from '@whistle/domain';

export const BOARD_PATH = '/board';

/** The board is the street's daily tool: its coordinators and leaders have it (the API still scopes every case). */
export function seesBoard(roles: readonly Role[]): boolean {
  return roles.includes('coordinator') || roles.includes('leader');
}
