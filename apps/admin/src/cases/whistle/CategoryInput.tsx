import { SelectInput, required, useTranslate } from 'react-admin';
import { whistleCategoryChoices } from './categoryChoices';
import { useWhistleCategories } from './useWhistleCategories';

/** The whistle's category, from the directory's list (GET /api/categories), not a list the console keeps. */
export function CategoryInput() {
  const translate = useTranslate();
  const { data, isPending } = useWhistleCategories();
  return (
    <SelectInput
      source="category"
      choices={whistleCategoryChoices(data ?? [], translate)}
      translateChoice={false}
      isPending={isPending}
      validate={required()}
    />
  );
}
