import { BooleanField, DataTable, List, ReferenceField, SearchInput } from 'react-admin';
import { RolesField } from './RolesField';
import { WhenField } from '../common/WhenField';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** Everyone who can sign in (admin only). */
export function UserList() {
  return (
    <List filters={filters} sort={{ field: 'username', order: 'ASC' }}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="username" />
        <DataTable.Col source="displayName" />
        <DataTable.Col source="roles" disableSort>
          <RolesField />
        </DataTable.Col>
        <DataTable.Col source="organizationId" disableSort>
          <ReferenceField source="organizationId" reference="organizations" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="active" disableSort>
          <BooleanField source="active" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <WhenField source="createdAt" dateOnly />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
