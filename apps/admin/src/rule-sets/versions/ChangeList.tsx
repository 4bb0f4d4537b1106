import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { ruleSetChanges, type RuleSetDefinition } from '@whistle/domain';
import { useMemo } from 'react';
import { useGetMany, useTranslate } from 'react-admin';
import { changeWords, namedIds } from './changeWords';

const isWorking = (definition: RuleSetDefinition) => definition.calendar.mode === 'working';

/** What changed from one definition to another, one plain sentence a line, organizations and users by name. */
export function ChangeList({ before, after }: { before: RuleSetDefinition; after: RuleSetDefinition }) {
  const translate = useTranslate();
  const changes = useMemo(() => ruleSetChanges(before, after), [before, after]);
  const working = { before: isWorking(before), after: isWorking(after) };
  const ids = namedIds(changes);
  const { data: organizations } = useGetMany('organizations', { ids: ids.organizations }, { enabled: ids.organizations.length > 0 });
  const { data: users } = useGetMany('users', { ids: ids.users }, { enabled: ids.users.length > 0 });
  const nameOf = (kind: 'organization' | 'user', id: string) =>
    (kind === 'organization' ? organizations?.find((o) => o.id === id)?.name : users?.find((u) => u.id === id)?.displayName) ?? id;
  if (!changes.length)
    return (
      <Typography variant="body2" data-testid="rule-version-no-changes">
        {translate('whistle.ruleVersions.noChanges')}
      </Typography>
    );
  return (
    <List dense data-testid="rule-version-changes">
      {changes.map((change, i) => (
        <ListItem key={`${change.path}-${i}`} disableGutters>
          <ListItemText primary={changeWords(change, { translate, nameOf, working })} />
        </ListItem>
      ))}
    </List>
  );
}
