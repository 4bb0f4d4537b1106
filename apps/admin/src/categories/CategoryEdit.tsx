import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { WhistleCategory } from '@whistle/domain';
import { CategoryCodeInput, CategoryFields } from './CategoryForm';

function CategoryTitle() {
  const record = useRecordContext<WhistleCategory>();
  return <span>{record ? `${record.nameZh ?? ''} · ${record.nameEn ?? ''} (${record.id})` : ''}</span>;
}

/**
 * A category (admin): its names, order, and whether new whistles may use it (switching it off retires it). Delete is
 * for a category nothing names yet (a typo): the API refuses it for one a case or a rule set names.
 */
export function CategoryEdit() {
  return (
    <Edit title={<CategoryTitle />} mutationMode="pessimistic" redirect="list">
      <SimpleForm
        toolbar={
          <Toolbar sx={{ justifyContent: 'space-between' }}>
            <SaveButton />
            <DeleteButton
              mutationMode="pessimistic"
              confirmTitle="whistle.categoryDirectory.deleteTitle"
              confirmContent="whistle.categoryDirectory.deleteContent"
            />
          </Toolbar>
        }
      >
        <CategoryCodeInput editing />
        <CategoryFields editing />
      </SimpleForm>
    </Edit>
  );
}
