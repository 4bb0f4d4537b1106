import { DataTable, DateField, List, ReferenceField, SearchInput, SelectInput } from 'react-admin';
import { KindField, kindChoices } from './KindField';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />];

/** The street's directory: communities, departments, property companies, partners. */
export function OrganizationList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <KindField />
        </DataTable.Col>
        <DataTable.Col source="parentId" disableSort>
          <ReferenceField source="parentId" reference="organizations" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
