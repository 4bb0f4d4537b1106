import type { Role } from '@whistle/domain';
import { DataTable, List, ReferenceField, SearchInput, SelectInput, usePermissions } from 'react-admin';
import { KindField, kindChoices } from './KindField';
import { WebhookField } from './WebhookField';
import { ResponsibleField } from '../places/ResponsibleField';
import { WhenField } from '../common/WhenField';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />];

/** The street's directory: communities, departments, property companies, partners. Admins open a row to edit it. */
export function OrganizationList() {
  const { permissions } = usePermissions<Role[]>();
  const isAdmin = !!permissions?.includes('admin');
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick={isAdmin ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <KindField />
        </DataTable.Col>
        <DataTable.Col source="parentId" disableSort>
          <ReferenceField source="parentId" reference="organizations" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="responsibleUserId" label="whistle.places.responsible" disableSort>
          <ResponsibleField />
        </DataTable.Col>
        <DataTable.Col source="webhookUrl" disableSort>
          <WebhookField />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <WhenField source="createdAt" dateOnly />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
