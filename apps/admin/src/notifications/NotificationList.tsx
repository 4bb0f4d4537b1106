import { BooleanInput, DataTable, List, ReferenceField, SelectInput, TextField } from 'react-admin';
import { LevelChip, MessageField, RecipientField } from './LevelChip';
import { ReadState } from './MarkReadButton';
import { channelChoices, levelChoices, type NotificationRecord } from './types';
import { WhenField } from '../common/WhenField';

const filters = [
  <BooleanInput key="unread" source="unread" alwaysOn />,
  <SelectInput key="level" source="level" choices={levelChoices} alwaysOn />,
  <SelectInput key="channel" source="channel" choices={channelChoices} alwaysOn />,
];

/** Unread notices stand out. */
const rowSx = (record: NotificationRecord) => (record.readAt ? {} : { bgcolor: 'action.hover', '& td': { fontWeight: 600 } });

/**
 * The signed-in user's notices (催办, 督办 and others), newest first: to them, their organization or their
 * roles. In-app notices by default; a unit's robot-webhook copies are one filter away.
 */
export function NotificationList() {
  return (
    <List filters={filters} filterDefaultValues={{ channel: 'in_app' }} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
      <DataTable rowClick={false} bulkActionButtons={false} rowSx={rowSx}>
        <DataTable.Col source="level" disableSort>
          <LevelChip />
        </DataTable.Col>
        <DataTable.Col source="message" disableSort>
          <MessageField />
        </DataTable.Col>
        <DataTable.Col source="caseId" disableSort>
          <ReferenceField source="caseId" reference="cases" link="show">
            <TextField source="code" />
          </ReferenceField>
        </DataTable.Col>
        <DataTable.Col source="recipient" disableSort>
          <RecipientField />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <WhenField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="readAt" disableSort>
          <ReadState />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
