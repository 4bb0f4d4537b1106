import type { OrganizationKind } from './directory';

/**
 * Grids (网格): the patches a community is divided into, each watched by a grid member. A grid belongs to one
 * community (its parent) and locates a case; it is a place, never a unit that is dispatched, leads, attends a
 * meeting or owns an action item.
 */

/** The organization kinds that may take part in a case: every kind but the grid. */
export const CASE_UNIT_KINDS = ['street', 'community', 'department', 'property_company', 'partner'] as const satisfies readonly OrganizationKind[];

/** What the directory rules need to know of an organization. */
export interface DirectoryEntry {
  id: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
}

/**
 * Why an organization of `kind` may not sit under `parent` (null: it may). A grid needs its community as parent;
 * nothing sits under a grid. Other parents are left as the directory has always allowed them.
 */
export function parentProblem(kind: OrganizationKind, parent: Pick<DirectoryEntry, 'name' | 'kind'> | null): string | null {
  if (kind === 'grid' && parent?.kind !== 'community') return 'a grid belongs to a community: give its community as parent';
  if (parent?.kind === 'grid') return `${parent.name} is a grid; nothing belongs to a grid`;
  return null;
}

/**
 * Why a case of `communityId` may not be located in `grid` (null: it may): the grid must exist, be a grid and be
 * one of that community's.
 */
export function gridProblem(gridId: string, grid: DirectoryEntry | null, communityId: string): string | null {
  if (!grid || grid.kind !== 'grid') return `no grid ${gridId}`;
  if (grid.parentId !== communityId) return `${grid.name} is not a grid of the case's community`;
  return null;
}

/** What the grid-responsible rule needs to know of the person named. */
export interface ResponsibleCandidate {
  id: string;
  displayName: string;
  organizationId: string | null;
  active: boolean;
}

/**
 * Why `user` may not be the grid member responsible for `organization` (null: they may, or nobody is named). Only a
 * grid has one; they must be an active user of that grid or of its community, the people who walk it.
 */
export function gridResponsibleProblem(
  organization: Pick<DirectoryEntry, 'id' | 'name' | 'kind' | 'parentId'>,
  responsibleUserId: string | null,
  user: ResponsibleCandidate | null,
): string | null {
  if (responsibleUserId === null) return null;
  if (organization.kind !== 'grid') return 'only a grid has a grid member responsible';
  if (!user) return `no user ${responsibleUserId}`;
  if (!user.active) return `${user.displayName} is deactivated`;
  const belongs = user.organizationId !== null && (user.organizationId === organization.id || user.organizationId === organization.parentId);
  if (!belongs) return `${user.displayName} is not a user of ${organization.name} or of its community`;
  return null;
}
