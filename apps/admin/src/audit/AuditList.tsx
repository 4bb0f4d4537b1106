import { DataTable, List, SelectInput, TextField, TextInput, TopToolbar, useTranslate } from 'react-admin';
import { WhenField } from '../common/WhenField';
import { ActorField, KindField, TargetField } from './AuditFields';
import { AuditDetails } from './AuditDetails';
import { AUDIT_KINDS, kindKey, TARGET_TYPES } from './types';
import { VerifyChainButton } from './VerifyChainButton';

function KindInput(props: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  const choices = AUDIT_KINDS.map((kind) => ({ id: kind, name: translate(kindKey(kind), { _: kind }) }));
  return <SelectInput {...props} choices={choices} />;
}

function TargetTypeInput(props: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  return <SelectInput {...props} choices={TARGET_TYPES.map((type) => ({ id: type, name: translate(`whistle.audit.targets.${type}`) }))} />;
}

const filters = [
  <TextInput key="actor" source="actor" alwaysOn />,
  <KindInput key="kind" source="kind" alwaysOn />,
  <TargetTypeInput key="targetType" source="targetType" alwaysOn />,
  <TextInput key="targetId" source="targetId" alwaysOn />,
];

/**
 * The audit trail (admin): who did what, when and from where, newest first; a row opens to what it recorded,
 * with before and after for changes. Read-only: the API has no way to change it.
 */
export function AuditList() {
  return (
    <List
      filters={filters}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={25}
      actions={
        <TopToolbar sx={{ alignItems: 'center' }}>
          <VerifyChainButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="expand" expand={<AuditDetails />} bulkActionButtons={false}>
        <DataTable.Col source="at">
          <WhenField source="at" />
        </DataTable.Col>
        <DataTable.Col source="actor" disableSort>
          <ActorField />
        </DataTable.Col>
        <DataTable.Col source="kind" disableSort>
          <KindField />
        </DataTable.Col>
        <DataTable.Col source="target" disableSort>
          <TargetField />
        </DataTable.Col>
        <DataTable.Col source="address" disableSort>
          <TextField source="address" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
