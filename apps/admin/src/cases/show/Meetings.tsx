import { ArrayField, DataTable, TextField } from 'react-admin';
import { WhenField } from '../../common/WhenField';

/** Coordination meetings, with their minutes once recorded. */
export function Meetings() {
  return (
    <ArrayField source="meetings">
      <DataTable bulkActionButtons={false} rowClick={false} empty={<span>—</span>}>
        <DataTable.Col source="scheduledAt" label="whistle.meeting.scheduledAt">
          <WhenField source="scheduledAt" />
        </DataTable.Col>
        <DataTable.Col source="location" label="whistle.meeting.location" />
        <DataTable.Col source="minutes.summary" label="whistle.meeting.minutes">
          <TextField source="minutes.summary" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
}
