import { ArrayInput, DateTimeInput, SelectInput, SimpleFormIterator, TextInput, required, useRecordContext } from 'react-admin';
import { fromBeijingInput, toBeijingInput } from '../../common/when';
import { useFormatWhen } from '../../common/WhenField';
import { targetsOf, type CaseRecord } from '../case-record';
import { ActionDialog } from './ActionDialog';
import { DirectoryOrganizationInput } from './OrganizationInput';

/** The decisions are typed one per line; the payload lists the lines that say something. */
const linesToList = (text: string | null): string[] => (text ?? '').split('\n');
const listToLines = (lines: string[] | null | undefined): string => (lines ?? []).join('\n');
const saidLines = (lines: unknown): string[] => (Array.isArray(lines) ? lines.map(String).filter((line) => line.trim() !== '') : []);

/**
 * 录入会议纪要: for a meeting the API lists as still without minutes (named by its time and place), the summary,
 * the decisions and the responsibility list: rows of owner unit (picked by name), task and due time.
 */
export function RecordMinutesButton() {
  const record = useRecordContext<CaseRecord>();
  const when = useFormatWhen();
  const ids = record ? targetsOf(record, 'record_minutes') : [];
  // Every meeting, those with minutes already greyed out: the chosen one stays among the choices while the dialog
  // closes over a case whose refreshed view no longer lists it.
  const choices = (record?.meetings ?? []).map((meeting) => ({
    id: meeting.id,
    name: `${when(meeting.scheduledAt)} · ${meeting.location}`,
    disabled: !ids.includes(meeting.id),
  }));
  return (
    <ActionDialog
      type="record_minutes"
      defaultValues={{ meetingId: ids[0], decisions: [], actionItems: [] }}
      transform={(values) => ({ ...values, decisions: saidLines(values.decisions) })}
    >
      <SelectInput
        source="meetingId"
        label="whistle.actionFields.meetingId"
        choices={choices}
        validate={required()}
        translateChoice={false}
        fullWidth
      />
      <TextInput source="summary" label="whistle.actionFields.minutesSummary" validate={required()} multiline minRows={2} fullWidth />
      <TextInput source="decisions" label="whistle.actionFields.decisions" format={listToLines} parse={linesToList} multiline minRows={2} fullWidth />
      <ArrayInput source="actionItems" label="whistle.actionFields.actionItems">
        <SimpleFormIterator disableReordering disableClear fullWidth>
          <DirectoryOrganizationInput source="ownerOrganizationId" label="whistle.actionFields.ownerOrganizationId" validate={required()} />
          <TextInput source="title" label="whistle.actionFields.actionItemTitle" validate={required()} fullWidth />
          {/* Typed and shown in Beijing time like every other time in the console; sent as an ISO instant. */}
          <DateTimeInput
            source="dueAt"
            label="whistle.actionFields.actionItemDueAt"
            format={toBeijingInput}
            parse={fromBeijingInput}
            validate={required()}
            fullWidth
          />
        </SimpleFormIterator>
      </ArrayInput>
    </ActionDialog>
  );
}
