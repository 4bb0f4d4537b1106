import { SelectInput, required, useLocale } from 'react-admin';
import { languageOf } from '../../categories/useCategoryWord';
import { whistleCategoryChoices } from './categoryChoices';
import { useWhistleCategories } from './useWhistleCategories';

/** The whistle's category, from the category directory (GET /api/categories) in the console's language; retired ones are not offered. */
export function CategoryInput() {
  const language = languageOf(useLocale());
  const { data, isPending } = useWhistleCategories();
  return (
    <SelectInput
      source="category"
      choices={whistleCategoryChoices(data ?? [], language)}
      translateChoice={false}
      isPending={isPending}
      validate={required()}
    />
  );
}
