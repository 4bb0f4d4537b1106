import { List, ListItem, Stack, Typography } from '@mui/material';
import { STAGES } from '@whistle/domain';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { WhistleDataProvider } from '../../dataProvider';

const P = 'whistle.ruleVersions';

/** What publishing the draft now would affect, for the publish confirmation: open cases that keep their version, and who gets the new one. */
export function PublishImpact({ ruleSetId }: { ruleSetId: string }) {
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const translate = useTranslate();
  const { data, error } = useQuery({
    queryKey: ['rule-sets', 'impact', ruleSetId],
    queryFn: () => dataProvider.getPublicationImpact(ruleSetId),
    // Counted afresh each time the dialog opens: cases move on.
    staleTime: 0,
    gcTime: 0,
  });
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (!data) return <Typography>{translate(`${P}.impactLoading`)}</Typography>;
  const stages = STAGES.filter((stage) => data.openByStage[stage])
    .map((stage) => translate(`${P}.stageCount`, { stage: translate(`whistle.stages.${stage}`), count: data.openByStage[stage] }))
    .join(translate(`${P}.listJoin`));
  const running = !data.currentVersion
    ? translate(`${P}.impactFirst`)
    : data.openCases
      ? translate(`${P}.impactOpen`, { smart_count: data.openCases, version: data.currentVersion, stages })
      : translate(`${P}.impactNoOpen`, { version: data.currentVersion });
  return (
    <Stack spacing={1} data-testid="publish-impact">
      <Typography>{running}</Typography>
      <Typography>{translate(data.reach.length ? `${P}.impactReach` : `${P}.impactReachNone`)}</Typography>
      {data.reach.length ? (
        <List dense disablePadding>
          {data.reach.map(({ category, urgency }) => (
            <ListItem key={`${category}-${urgency}`} disableGutters>
              {translate(`${P}.reachItem`, {
                category: translate(`whistle.categories.${category}`, { _: category }),
                urgency: translate(`whistle.urgencies.${urgency}`, { _: urgency }),
              })}
            </ListItem>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
