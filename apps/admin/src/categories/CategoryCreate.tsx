import { Create, SimpleForm } from 'react-admin';
import { CategoryCodeInput, CategoryFields } from './CategoryForm';

/** A new category of the directory (admin): its code (never changed afterwards) and its Chinese and English names. */
export function CategoryCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <CategoryCodeInput />
        <CategoryFields />
      </SimpleForm>
    </Create>
  );
}
