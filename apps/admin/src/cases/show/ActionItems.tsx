import { ArrayField, DataTable, ReferenceField, useRecordContext } from 'react-admin';
import { WhenField } from '../../common/WhenField';
import { CompleteActionItemButton } from '../actions/CompleteActionItemButton';
import type { CaseRecord } from '../case-record';

/** The responsibility list: who does what by when, and what is done. */
export function ActionItems() {
  const caseRecord = useRecordContext<CaseRecord>();
  return (
    <ArrayField source="actionItems">
      <DataTable bulkActionButtons={false} rowClick={false} empty={<span>—</span>}>
        <DataTable.Col source="title" label="whistle.actionItem.title" />
        <DataTable.Col source="ownerOrganizationId" label="whistle.actionItem.ownerOrganizationId">
          <ReferenceField source="ownerOrganizationId" reference="organizations" link={false} />
        </DataTable.Col>
        <DataTable.Col source="dueAt" label="whistle.actionItem.dueAt">
          <WhenField source="dueAt" />
        </DataTable.Col>
        <DataTable.Col source="completedAt" label="whistle.actionItem.completedAt">
          <WhenField source="completedAt" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col label="" disableSort>
          <CompleteActionItemButton caseRecord={caseRecord} />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
}
