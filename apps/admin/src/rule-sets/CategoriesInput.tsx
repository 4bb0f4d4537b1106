import { categoryWord } from '@whistle/domain';
import { AutocompleteArrayInput, useLocale, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useWhistleCategories } from '../cases/whistle/useWhistleCategories';
import { languageOf } from '../categories/useCategoryWord';

/** Required, counting no empty leftover as a category. */
const atLeastOne = (value: string[] | undefined) => ((value ?? []).some(Boolean) ? undefined : 'ra.validation.required');

/**
 * Which categories a rule set applies to, picked from the category directory (in the console's language), with
 * "every other category" (`*`). A category the draft already names that is no longer offered (retired, or only a
 * rule set names it) stays, and shows, until it is removed.
 */
export function CategoriesInput() {
  const translate = useTranslate();
  const language = languageOf(useLocale());
  const { data, isPending } = useWhistleCategories();
  const chosen = ((useWatch({ name: 'categories' }) as string[] | undefined) ?? []).filter(Boolean);
  const categories = data ?? [];
  const offered = categories.filter((c) => c.active || chosen.includes(c.id));
  const unknown = chosen.filter((code) => code !== '*' && !categories.some((c) => c.id === code));
  const choices = [
    { id: '*', name: translate('whistle.ruleSets.anyCategory') },
    ...offered.map((c) => ({
      id: c.id,
      name: c.active
        ? categoryWord(c.id, language, categories)
        : translate('whistle.categoryDirectory.retiredChoice', { name: categoryWord(c.id, language, categories) }),
    })),
    ...unknown.map((code) => ({ id: code, name: code })),
  ];
  return (
    <AutocompleteArrayInput
      source="categories"
      choices={choices}
      translateChoice={false}
      isPending={isPending}
      // A new draft starts with one empty category (the text inputs this replaced): no choice at all.
      format={(value: string[] | undefined) => (value ?? []).filter(Boolean)}
      validate={atLeastOne}
      helperText="whistle.ruleSets.categoriesHelp"
      sx={{ minWidth: 360 }}
    />
  );
}
