import { CASE_UNIT_KINDS } from '@whistle/domain';
import { useGetList, useGetMany } from 'react-admin';
import { useSettled } from '../useSettled';

/** Units that handle cases (a default lead, a task's assignee): every kind but the grid, which is a place. */
export const CASE_UNITS = { kind: [...CASE_UNIT_KINDS] };

/** An organization or a person found in the directory, by name. */
export interface DirectoryOption {
  kind: 'organization' | 'user';
  id: string;
  name: string;
}

interface OrganizationRecord {
  id: string;
  name: string;
}
interface UserRecord {
  id: string;
  displayName: string;
  username: string;
}

const userName = (user: UserRecord) => user.displayName || user.username;

/**
 * The names of the organizations and users a definition names, to show them instead of ids. `organization(id)` is
 * undefined while loading or when nobody has that id; `resolved` tells the two apart.
 */
export function useDirectoryNames(organizationIds: string[], userIds: string[] = []) {
  const organizations = useGetMany<OrganizationRecord>('organizations', { ids: organizationIds }, { enabled: organizationIds.length > 0 });
  const users = useGetMany<UserRecord>('users', { ids: userIds }, { enabled: userIds.length > 0 });
  return {
    organization: (id: string) => organizations.data?.find((o) => o.id === id)?.name,
    user: (id: string) => {
      const user = users.data?.find((u) => u.id === id);
      return user && userName(user);
    },
    /** Whether the directory has answered, so a missing name means the id names nobody. */
    resolved: { organization: !organizations.isPending || !organizationIds.length, user: !users.isPending || !userIds.length },
  };
}

const FIRST_MATCHES = { page: 1, perPage: 10 };

interface SearchOptions {
  /** Which organizations (e.g. `CASE_UNITS`); all by default. */
  organizationFilter?: object;
  /** Whether people are found as well. */
  users?: boolean;
  /** Whether to search at all: only while the picker is open, not for every picker on the page. */
  enabled: boolean;
}

/**
 * Organizations (of `organizationFilter`'s kinds) and, when asked, people whose name contains `text`, through the
 * API's `q` search, so the whole directory is reachable, not only its first page.
 */
export function useDirectorySearch(text: string, { organizationFilter = {}, users = false, enabled }: SearchOptions) {
  const q = useSettled(text.trim(), 300);
  const organizations = useGetList<OrganizationRecord>(
    'organizations',
    {
      filter: { ...organizationFilter, ...(q ? { q } : {}) },
      pagination: FIRST_MATCHES,
      sort: { field: 'name', order: 'ASC' },
    },
    { enabled },
  );
  const people = useGetList<UserRecord>(
    'users',
    { filter: q ? { q } : {}, pagination: FIRST_MATCHES, sort: { field: 'displayName', order: 'ASC' } },
    { enabled: enabled && users },
  );
  const options: DirectoryOption[] = [
    ...(organizations.data ?? []).map((o) => ({ kind: 'organization' as const, id: o.id, name: o.name })),
    ...(users ? (people.data ?? []) : []).map((u) => ({ kind: 'user' as const, id: u.id, name: userName(u) })),
  ];
  return { options, loading: organizations.isFetching || (users && people.isFetching) };
}
