import { ArrayField, DataTable, DateField, ReferenceField } from 'react-admin';

/** The responsibility list: who does what by when, and what is done. */
export function ActionItems() {
  return (
    <ArrayField source="actionItems">
      <DataTable bulkActionButtons={false} rowClick={false} empty={<span>—</span>}>
        <DataTable.Col source="title" label="whistle.actionItem.title" />
        <DataTable.Col source="ownerOrganizationId" label="whistle.actionItem.ownerOrganizationId">
          <ReferenceField source="ownerOrganizationId" reference="organizations" link={false} />
        </DataTable.Col>
        <DataTable.Col source="dueAt" label="whistle.actionItem.dueAt">
          <DateField source="dueAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="completedAt" label="whistle.actionItem.completedAt">
          <DateField source="completedAt" showTime emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
}
