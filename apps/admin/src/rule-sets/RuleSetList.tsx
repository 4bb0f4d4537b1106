import AltRouteIcon from '@mui/icons-material/AltRoute';
import type { Role } from '@whistle/domain';
import { Button, CreateButton, DataTable, List, SearchInput, TopToolbar, usePermissions, useResourceDefinition } from 'react-admin';
import { Link } from 'react-router-dom';
import { ROUTING_PATH, seesRouting } from './routing/routing-route';
import { CategoriesField, UrgenciesField } from './CategoriesField';
import { LatestVersionField, ProblemsChip } from './ProblemsChip';
import { WhenField } from '../common/WhenField';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** The routing table (which rule set each kind of new case gets), for those who may read it; Create for admins. */
function ListActions() {
  const { hasCreate } = useResourceDefinition();
  const { permissions } = usePermissions<Role[]>();
  return (
    <TopToolbar>
      {seesRouting(permissions ?? []) ? (
        <Button component={Link} to={ROUTING_PATH} label="whistle.routing.title">
          <AltRouteIcon />
        </Button>
      ) : null}
      {hasCreate ? <CreateButton /> : null}
    </TopToolbar>
  );
}

/** Rule sets: each says which cases it applies to, and which version new cases get. */
export function RuleSetList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }} actions={<ListActions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="categories" disableSort>
          <CategoriesField />
        </DataTable.Col>
        <DataTable.Col source="urgencies" disableSort>
          <UrgenciesField />
        </DataTable.Col>
        <DataTable.Col source="latestVersion" disableSort>
          <LatestVersionField />
        </DataTable.Col>
        <DataTable.Col source="updatedAt">
          <WhenField source="updatedAt" />
        </DataTable.Col>
        <DataTable.Col source="problems" disableSort>
          <ProblemsChip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
