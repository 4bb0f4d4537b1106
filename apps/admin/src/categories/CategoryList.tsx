import AddIcon from '@mui/icons-material/Add';
import AltRouteIcon from '@mui/icons-material/AltRoute';
import type { WhistleCategory } from '@whistle/domain';
import { Button, CreateButton, DataTable, List, SearchInput, TopToolbar, useRecordContext } from 'react-admin';
import { Link } from 'react-router-dom';
import { ROUTING_PATH } from '../rule-sets/routing/routing-route';
import { CategoryStatusField } from './CategoryStatusField';
import { RuleSetRouteLink } from './RuleSetRouteField';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

function ListActions() {
  return (
    <TopToolbar>
      <Button component={Link} to={ROUTING_PATH} label="whistle.routing.title">
        <AltRouteIcon />
      </Button>
      <CreateButton />
    </TopToolbar>
  );
}

/** A category only a rule set names is taken into the directory by creating it under its code. */
function AddToDirectoryButton() {
  const record = useRecordContext<WhistleCategory>();
  if (!record || record.inDirectory) return null;
  return (
    <Button
      component={Link}
      to={{ pathname: '/categories/create', search: `?source=${encodeURIComponent(JSON.stringify({ code: record.id }))}` }}
      label="whistle.categoryDirectory.addToDirectory"
      onClick={(event) => event.stopPropagation()}
    >
      <AddIcon />
    </Button>
  );
}

function NormalRouteField(_: { label?: string }) {
  const record = useRecordContext<WhistleCategory>();
  return record ? <RuleSetRouteLink route={record.ruleSet} /> : null;
}

/**
 * The category directory (admin): code, Chinese and English names, order, in use or retired; then the categories
 * only a published rule set names, which may be taken in. A row of the directory opens its edit form.
 */
export function CategoryList() {
  return (
    <List filters={filters} sort={{ field: 'sortOrder', order: 'ASC' }} actions={<ListActions />} perPage={50}>
      <DataTable rowClick={(_, __, record) => ((record as WhistleCategory).inDirectory ? 'edit' : false)} bulkActionButtons={false}>
        <DataTable.Col source="id" label="resources.categories.fields.code" />
        <DataTable.Col source="nameZh" />
        <DataTable.Col source="nameEn" />
        <DataTable.Col source="sortOrder" />
        <DataTable.Col source="active" label="resources.categories.fields.status">
          <CategoryStatusField />
        </DataTable.Col>
        <DataTable.Col source="ruleSet" label="resources.categories.fields.ruleSet" disableSort>
          <NormalRouteField />
        </DataTable.Col>
        <DataTable.Col disableSort>
          <AddToDirectoryButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
