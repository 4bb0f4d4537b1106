import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { CaseEvent, CaseView } from '@whistle/domain';
import { Loading, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { WhistleDataProvider } from '../../dataProvider';

/** The plain values of an event's data (ids, reasons, texts), as one short line. */
function details(event: CaseEvent): string {
  return Object.entries(event.data)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ');
}

/** Every event of the case, oldest first, from GET /api/cases/:id/timeline; refreshed with the page. */
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
            secondary={details(event)}
          />
        </ListItem>
      ))}
    </List>
  );
}
