import { BooleanInput, DataTable, List, ReferenceField, SearchInput, SelectInput, TextField } from 'react-admin';
import { stageChoices } from './choices';
import { StageChip } from './StageChip';
import { WhenField } from '../common/WhenField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stage" source="stage" choices={stageChoices} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" />,
  <BooleanInput key="arbitration" source="arbitration" />,
];

/** Every case the user may see, newest first; filter by text, stage, overdue, or waiting for arbitration. */
export function CaseList() {
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="title" field={TextField} />
        <DataTable.Col source="stage">
          <StageChip />
        </DataTable.Col>
        <DataTable.Col source="communityId" disableSort>
          <ReferenceField source="communityId" reference="organizations" link={false} />
        </DataTable.Col>
        <DataTable.Col source="stageDueAt">
          <WhenField source="stageDueAt" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <WhenField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
