import { DataTable, List, SearchInput } from 'react-admin';
import { CategoriesField, UrgenciesField } from './CategoriesField';
import { LatestVersionField, ProblemsChip } from './ProblemsChip';
import { WhenField } from '../common/WhenField';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** Rule sets: each says which cases it applies to, and which version new cases get. */
export function RuleSetList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
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
