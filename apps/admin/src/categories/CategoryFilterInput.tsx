import { SelectInput, useLocale } from 'react-admin';
import { allCategoryChoices } from '../cases/whistle/categoryChoices';
import { useWhistleCategories } from '../cases/whistle/useWhistleCategories';
import { languageOf } from './useCategoryWord';

/** A case list filter on the category: every category of the directory (retired ones too) in the console's language. */
export function CategoryFilterInput({ source }: { source: string; alwaysOn?: boolean }) {
  const language = languageOf(useLocale());
  const { data } = useWhistleCategories();
  return <SelectInput source={source} choices={allCategoryChoices(data ?? [], language)} translateChoice={false} />;
}
