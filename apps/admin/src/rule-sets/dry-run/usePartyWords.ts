import type { SimulatedParty } from '@whistle/domain';
import { useCallback, useMemo } from 'react';
import { useGetMany, useTranslate } from 'react-admin';
import type { DryRunAnswer } from './simulate';

/** Every party the dry run names: units, task assignees and alarm recipients. */
function partiesOf(answer: DryRunAnswer | undefined): SimulatedParty[] {
  if (!answer) return [];
  return [
    ...answer.units.map((u) => u.unit),
    ...answer.tasks.map((t) => t.assignee),
    ...answer.alarms.flatMap((a) => [...a.recipients, ...(a.unit ? [a.unit] : [])]),
  ];
}

/**
 * A party of the dry run in words: a role as the console names roles, an organization or user by the directory's
 * name, a placeholder ("the lead unit", "the case's community") as what it stands for. Never an id: one the
 * directory cannot name is "an unknown unit / user".
 */
export function usePartyWords(answer: DryRunAnswer | undefined): (party: SimulatedParty) => string {
  const translate = useTranslate();
  const parties = useMemo(() => partiesOf(answer), [answer]);
  const orgIds = useMemo(() => [...new Set(parties.flatMap((p) => ('organizationId' in p ? [p.organizationId] : [])))], [parties]);
  const userIds = useMemo(() => [...new Set(parties.flatMap((p) => ('userId' in p ? [p.userId] : [])))], [parties]);
  const { data: organizations } = useGetMany<{ id: string; name: string }>('organizations', { ids: orgIds }, { enabled: orgIds.length > 0 });
  const { data: users } = useGetMany<{ id: string; displayName: string }>('users', { ids: userIds }, { enabled: userIds.length > 0 });
  return useCallback(
    (party: SimulatedParty) => {
      if ('placeholder' in party) return translate(`whistle.dryRun.placeholders.${party.placeholder}`);
      if ('role' in party) return translate(`whistle.roles.${party.role}`);
      if ('organizationId' in party) {
        return organizations?.find((o) => o.id === party.organizationId)?.name ?? translate('whistle.dryRun.unknownUnit');
      }
      return users?.find((u) => u.id === party.userId)?.displayName ?? translate('whistle.dryRun.unknownUser');
    },
    [organizations, users, translate],
  );
}
