import { List, ListItem, Stack, Typography } from '@mui/material';
import { ruleSetDefinitionSchema, STAGES } from '@whistle/domain';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { useCategoryWord } from '../../categories/useCategoryWord';
import type { WhistleDataProvider } from '../../dataProvider';
import type { RuleSetRecord } from '../types';
import { ChangeList } from './ChangeList';

const P = 'whistle.ruleVersions';

/** What publishing the draft now would affect, for the publish confirmation: open cases that keep their version, and who gets the new one. */
export function PublishImpact({ ruleSet }: { ruleSet: RuleSetRecord }) {
  const ruleSetId = String(ruleSet.id);
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const translate = useTranslate();
  const categoryWord = useCategoryWord();
  // The same query as the versions list: what the draft replaces.
  const { data: versions } = useQuery({
    queryKey: ['rule-sets', 'versions', ruleSet.id, ruleSet.latestVersion],
    queryFn: () => dataProvider.getRuleSetVersions(ruleSetId),
    enabled: ruleSet.latestVersion > 0,
  });
  const current = versions?.find((v) => v.version === ruleSet.latestVersion);
  const draft = ruleSetDefinitionSchema.safeParse(ruleSet.definition);
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
      {current && draft.success ? (
        <>
          <Typography>{translate(`${P}.impactChanges`, { version: current.version })}</Typography>
          <ChangeList before={ruleSetDefinitionSchema.parse(current.definition)} after={draft.data} />
        </>
      ) : null}
      <Typography>{running}</Typography>
      <Typography>{translate(data.reach.length ? `${P}.impactReach` : `${P}.impactReachNone`)}</Typography>
      {data.reach.length ? (
        <List dense disablePadding>
          {data.reach.map(({ category, urgency }) => (
            <ListItem key={`${category}-${urgency}`} disableGutters>
              {translate(`${P}.reachItem`, {
                category: categoryWord(category),
                urgency: translate(`whistle.urgencies.${urgency}`, { _: urgency }),
              })}
            </ListItem>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
