import AlarmIcon from '@mui/icons-material/Alarm';
import PriorityHighIcon from '@mui/icons-material/PriorityHigh';
import { Chip, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useQuery } from '@tanstack/react-query';
import type { CaseEvent, CaseView } from '@whistle/domain';
import { Loading, RecordContextProvider, ReferenceField, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { useFormatWhen } from '../../common/WhenField';
import type { WhistleDataProvider } from '../../dataProvider';

/** What people wrote or chose; ids and copies of the case are left to the sections above. */
const SHOWN = [
  'contactName',
  'reasonCode',
  'reason',
  'summary',
  'outcome',
  'note',
  'text',
  'satisfaction',
  'comment',
  'thanks',
  'location',
  'title',
  'name',
  'evidence',
];
/** Times an event names, each with its label. */
const TIMES = ['previousDueAt', 'requestedDueAt', 'dueAt'] as const;
/** Reminders (催办) and escalations (督办) stand out from what people did. */
const ALARMS = {
  reminder: { color: 'warning', icon: <AlarmIcon color="warning" fontSize="small" /> },
  escalation: { color: 'error', icon: <PriorityHighIcon color="error" fontSize="small" /> },
} as const;

type Recipient = { organizationId?: string; userId?: string; role?: string };

function OrganizationName({ id }: { id: string }) {
  return (
    <RecordContextProvider value={{ id, organizationId: id }}>
      <ReferenceField source="organizationId" reference="organizations" link={false} />
    </RecordContextProvider>
  );
}

/** Who a reminder or escalation went to: street roles by name, units by name. */
function Recipients({ recipients }: { recipients: Recipient[] }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} component="span" sx={{ alignItems: 'center' }}>
      <span>{translate('whistle.timeline.notified')}</span>
      {recipients.map((r, i) => (
        <span key={i}>
          {r.role ? (
            translate(`whistle.roles.${r.role}`, { _: r.role })
          ) : r.organizationId ? (
            <OrganizationName id={r.organizationId} />
          ) : (
            translate('whistle.timeline.aUser')
          )}
          {i < recipients.length - 1 ? translate('whistle.timeline.listSeparator') : ''}
        </span>
      ))}
    </Stack>
  );
}

function EventDetails({ event }: { event: CaseEvent }) {
  const translate = useTranslate();
  const when = useFormatWhen();
  const { data } = event;
  const parts = SHOWN.filter((key) => data[key] !== undefined && data[key] !== null && data[key] !== '').map((key) => String(data[key]));
  if (event.type === 'stage_changed') {
    parts.unshift(`${translate(`whistle.stages.${String(data.from)}`)} → ${translate(`whistle.stages.${String(data.to)}`)}`);
  }
  if (typeof data.clock === 'string') {
    const stage = typeof data.stage === 'string' ? translate(`whistle.stages.${data.stage}`) : '';
    parts.unshift(translate(`whistle.timeline.clocks.${data.clock}`, { _: data.clock, stage }));
  }
  for (const key of TIMES) {
    if (typeof data[key] === 'string') parts.push(`${translate(`whistle.timeline.times.${key}`)} ${when(data[key])}`);
  }
  const organizationId = data.leadOrganizationId ?? data.organizationId;
  return (
    <Stack direction="row" spacing={1} component="span" useFlexGap sx={{ flexWrap: 'wrap' }}>
      {typeof organizationId === 'string' ? <OrganizationName id={organizationId} /> : null}
      <span>{parts.join(' · ')}</span>
      {Array.isArray(data.recipients) && data.recipients.length ? <Recipients recipients={data.recipients as Recipient[]} /> : null}
    </Stack>
  );
}

/** Every event of the case, oldest first, from GET /api/cases/:id/timeline; fetched again when the case changes. */
export function Timeline() {
  const record = useRecordContext<CaseView>();
  const dataProvider = useDataProvider<WhistleDataProvider>();
  const translate = useTranslate();
  const when = useFormatWhen();
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
      {data.map((event) => {
        const alarm = event.type === 'reminder' || event.type === 'escalation' ? ALARMS[event.type] : null;
        const label = translate(`whistle.timeline.events.${event.type}`, { _: event.type });
        const by = event.actor.displayName ? translate('whistle.timeline.by', { name: event.actor.displayName }) : '';
        return (
          <ListItem
            key={event.id}
            divider
            data-testid={`timeline-${event.type}`}
            sx={
              alarm
                ? { borderLeft: 4, borderColor: `${alarm.color}.main`, bgcolor: (theme) => alpha(theme.palette[alarm.color].main, 0.06) }
                : undefined
            }
          >
            {alarm ? <ListItemIcon sx={{ minWidth: 32 }}>{alarm.icon}</ListItemIcon> : null}
            <ListItemText
              primary={
                alarm ? (
                  <Stack direction="row" spacing={1} component="span" sx={{ alignItems: 'center' }}>
                    <span>{when(event.at)}</span>
                    <Chip size="small" color={alarm.color} label={label} />
                  </Stack>
                ) : (
                  `${when(event.at)} · ${label} ${by}`
                )
              }
              secondary={<EventDetails event={event} />}
              slotProps={{ primary: { component: 'div' }, secondary: { component: 'div' } }}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
