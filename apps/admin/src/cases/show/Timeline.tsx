import AlarmIcon from '@mui/icons-material/Alarm';
import PriorityHighIcon from '@mui/icons-material/PriorityHigh';
import { Chip, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useQuery } from '@tanstack/react-query';
import type { CaseEvent, CaseView } from '@whistle/domain';
import { Loading, RecordContextProvider, ReferenceField, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import type { Attachment } from '../../attachments/attachmentsApi';
import { useCaseAttachments } from '../../attachments/useCaseAttachments';
import { useCategoryWord } from '../../categories/useCategoryWord';
import { useFormatWhen } from '../../common/WhenField';
import type { WhistleDataProvider } from '../../dataProvider';
import { describeEvent } from './event-words';

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
            translate(`whistle.roles.${r.role}`, { _: translate('whistle.timeline.aUser') })
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
  const categoryWord = useCategoryWord();
  const parts = describeEvent(event, translate, when, categoryWord);
  const { data } = event;
  return (
    <Stack direction="row" spacing={1} component="span" useFlexGap sx={{ flexWrap: 'wrap' }}>
      {parts.map((part, i) =>
        'text' in part ? (
          <span key={i}>{part.text}</span>
        ) : (
          <span key={i}>
            {part.prefix ? `${part.prefix} ` : ''}
            <OrganizationName id={part.organizationId} />
          </span>
        ),
      )}
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
  // Files live beside the workflow, not in its events: each upload still takes its place in the story, by its time.
  const attachments = useCaseAttachments(record).data ?? [];
  if (isPending) return <Loading />;
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (!data.length) return <Typography>{translate('whistle.timeline.empty')}</Typography>;
  const entries = [
    ...data.map((event) => ({ at: event.at, event })),
    ...attachments.map((attachment) => ({ at: attachment.createdAt, attachment })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <List dense data-testid="case-timeline">
      {entries.map((entry) => {
        if ('attachment' in entry) return <AttachmentAdded key={entry.attachment.id} attachment={entry.attachment} />;
        const { event } = entry;
        const alarm = event.type === 'reminder' || event.type === 'escalation' ? ALARMS[event.type] : null;
        const label = translate(`whistle.timeline.events.${event.type}`, { _: translate('whistle.timeline.words.unknown') });
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

/** An upload, as the timeline tells it: when, by whom, which file and what it proves. */
function AttachmentAdded({ attachment }: { attachment: Attachment }) {
  const translate = useTranslate();
  const when = useFormatWhen();
  const by = attachment.uploadedBy.name ? translate('whistle.timeline.by', { name: attachment.uploadedBy.name }) : '';
  return (
    <ListItem divider data-testid="timeline-attachment_added">
      <ListItemIcon sx={{ minWidth: 32 }}>
        <AttachFileIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText
        primary={`${when(attachment.createdAt)} · ${translate('whistle.attachments.timelineAdded')} ${by}`}
        secondary={`${attachment.originalName} · ${translate(`whistle.attachments.purposes.${attachment.purpose}`)}`}
      />
    </ListItem>
  );
}
