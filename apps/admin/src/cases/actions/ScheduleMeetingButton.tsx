import { Stack } from '@mui/material';
import { ArrayInput, DateTimeInput, FormDataConsumer, SimpleFormIterator, TextInput, required, useSimpleFormIterator } from 'react-admin';
import { TextButton } from '../../common/TextButton';
import { fromBeijingInput, toBeijingInput } from '../../common/when';
import { ActionDialog } from './ActionDialog';
import { DirectoryOrganizationInput } from './OrganizationInput';

/** A row of the attendee list as the form holds it: a unit (it has the `organizationId` key) or a named person. */
type AttendeeRow = { organizationId?: string | null; name?: string; role?: string; phone?: string };

const isUnitRow = (row: AttendeeRow | undefined): boolean => !!row && 'organizationId' in row;

/** The payload's attendees: a unit by its id, or a person with the details given (empty ones left out). */
export function attendeesPayload(rows: AttendeeRow[] = []): Record<string, string>[] {
  return rows.map((row) =>
    isUnitRow(row)
      ? { organizationId: row.organizationId ?? '' }
      : Object.fromEntries(Object.entries(row).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')),
  );
}

/** Two ways to add an attendee: a unit from the directory, or a person by name (an owner representative...). */
function AddAttendeeButtons() {
  const { add } = useSimpleFormIterator();
  return (
    <Stack direction="row" spacing={1}>
      <TextButton label="whistle.actionFields.addAttendeeUnit" onClick={() => add({ organizationId: null })} data-testid="add-attendee-unit" />
      <TextButton
        label="whistle.actionFields.addAttendeePerson"
        onClick={() => add({ name: '', role: '', phone: '' })}
        data-testid="add-attendee-person"
      />
    </Stack>
  );
}

/** 召开协调会: when and where, and who attends (units picked by name, and named people). */
export function ScheduleMeetingButton() {
  return (
    <ActionDialog
      type="schedule_meeting"
      defaultValues={{ attendees: [] }}
      transform={(values) => ({ ...values, attendees: attendeesPayload(values.attendees as AttendeeRow[]) })}
    >
      {/* Typed and shown in Beijing time like every other time in the console; sent as an ISO instant. */}
      <DateTimeInput
        source="scheduledAt"
        label="whistle.actionFields.scheduledAt"
        format={toBeijingInput}
        parse={fromBeijingInput}
        validate={required()}
        fullWidth
      />
      <TextInput source="location" label="whistle.actionFields.location" validate={required()} fullWidth />
      <ArrayInput source="attendees" label="whistle.actionFields.attendees" validate={required()}>
        <SimpleFormIterator disableReordering disableClear addButton={<AddAttendeeButtons />} fullWidth>
          <FormDataConsumer>
            {({ scopedFormData }) =>
              isUnitRow(scopedFormData as AttendeeRow | undefined) ? (
                <DirectoryOrganizationInput source="organizationId" label="whistle.actionFields.attendeeOrganization" validate={required()} />
              ) : (
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 1 }} sx={{ width: '100%' }}>
                  <TextInput source="name" label="whistle.actionFields.attendeeName" validate={required()} fullWidth />
                  <TextInput source="role" label="whistle.actionFields.attendeeRole" fullWidth />
                  <TextInput source="phone" label="whistle.actionFields.attendeePhone" fullWidth />
                </Stack>
              )
            }
          </FormDataConsumer>
        </SimpleFormIterator>
      </ArrayInput>
    </ActionDialog>
  );
}
