import { Stack } from '@mui/material';
import type { CaseView } from '@whistle/domain';
import { ArrayField, DataTable, RecordContextProvider, ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { WhenField } from '../../common/WhenField';

type MeetingView = CaseView['meetings'][number];

/** Who was asked to come: units by name, and named people (owner representatives...) with their role. */
export function Attendees(_props: { label?: string }) {
  const meeting = useRecordContext<MeetingView>();
  const translate = useTranslate();
  if (!meeting?.attendees.length) return <span>—</span>;
  return (
    <Stack data-testid="meeting-attendees">
      {meeting.attendees.map((attendee, i) =>
        attendee.organizationId ? (
          <RecordContextProvider key={i} value={{ id: `${meeting.id}:${i}`, organizationId: attendee.organizationId }}>
            <ReferenceField source="organizationId" reference="organizations" link={false} />
          </RecordContextProvider>
        ) : (
          <span key={i}>
            {attendee.name ?? translate('whistle.timeline.aUser')}
            {attendee.role ? `（${attendee.role}）` : ''}
          </span>
        ),
      )}
    </Stack>
  );
}

/** What the meeting decided, one per line. */
export function Decisions(_props: { label?: string }) {
  const meeting = useRecordContext<MeetingView>();
  const decisions = meeting?.minutes?.decisions ?? [];
  if (!decisions.length) return <span>—</span>;
  return (
    <Stack component="ol" sx={{ m: 0, pl: 2.5 }} data-testid="meeting-decisions">
      {decisions.map((decision, i) => (
        <li key={i}>{decision}</li>
      ))}
    </Stack>
  );
}

/** Coordination meetings: when, where, who, and the minutes and decisions once recorded. */
export function Meetings() {
  return (
    <ArrayField source="meetings">
      <DataTable bulkActionButtons={false} rowClick={false} empty={<span>—</span>}>
        <DataTable.Col source="scheduledAt" label="whistle.meeting.scheduledAt">
          <WhenField source="scheduledAt" />
        </DataTable.Col>
        <DataTable.Col source="location" label="whistle.meeting.location" />
        <DataTable.Col source="attendees" label="whistle.casePage.attendees">
          <Attendees />
        </DataTable.Col>
        <DataTable.Col source="minutes.summary" label="whistle.meeting.minutes">
          <TextField source="minutes.summary" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="minutes.decisions" label="whistle.casePage.decisions">
          <Decisions />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
}
