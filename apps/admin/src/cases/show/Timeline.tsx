import { List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { CaseEvent, CaseView } from '@whistle/domain';
import { Loading, RecordContextProvider, ReferenceField, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { WhistleDataProvider } from '../../dataProvider';

/** What people wrote or chose; ids and copies of the case are left to the sections above. */
const SHOWN = ['contactName', 'reasonCode', 'reason', 'summary', 'outcome', 'note', 'text', 'satisfaction', 'comment', 'thanks', 'location', 'title', 'evidence'];

function EventDetails({ event }: { event: CaseEvent }) {
  const translate = useTranslate();
  const { data } = event;
  const parts = SHOWN.filter((key) => data[key] !== undefined && data[key] !== null && data[key] !== '').map((key) => String(data[key]));
  if (event.type === 'stage_changed') {
    parts.unshift(`${translate(`whistle.stages.${String(data.from)}`)} → ${translate(`whistle.stages.${String(data.to)}`)}`);
  }
  return (
    <Stack direction="row" spacing={1} component="span">
      {typeof data.leadOrganizationId === 'string' || typeof data.organizationId === 'string' ? (
        <RecordContextProvider value={{ id: event.id, organizationId: data.leadOrganizationId ?? data.organizationId }}>
          <ReferenceField source="organizationId" reference="organizations" link={false} />
        </RecordContextProvider>
      ) : null}
      <span>{parts.join(' · ')}</span>
    </Stack>
  );
}

/** Every event of the case, oldest first, from GET /api/cases/:id/timeline; fetched again when the case changes. */
export function Timeline() {
  const record = useRecordContext<CaseView>();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({
    queryKey: ['cases', 'timeline', record?.id, record?.version],
    queryFn: () => dataProvider.getTimeline(String(record!.id)),
    enabled: !!record,
  });
  if (isPending) return <Loading />;
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (!data.length) return <Typography>{translate('whistle.timeline.empty')}</Typography>;
  return (
    <List dense data-testid="case-timeline">
      {data.map((event) => (
        <ListItem key={event.id} divider>
          <ListItemText
            primary={`${new Date(event.at).toLocaleString()} · ${translate(`whistle.timeline.events.${event.type}`)} ${
              event.actor.displayName ? translate('whistle.timeline.by', { name: event.actor.displayName }) : ''
            }`}
            secondary={<EventDetails event={event} />}
            slotProps={{ secondary: { component: 'div' } }}
          />
        </ListItem>
      ))}
    </List>
  );
}
