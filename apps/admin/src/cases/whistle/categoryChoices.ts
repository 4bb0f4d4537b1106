import { categoryWord, type Language, type WhistleCategory } from '@whistle/domain';

/**
 * The category picker's choices: the categories a new whistle may use (retired ones are not offered), each in the
 * console's language as the directory names it; one only a rule set names (not in the directory) as its code.
 */
export function whistleCategoryChoices(categories: readonly WhistleCategory[], language: Language) {
  return categories
    .filter((category) => category.active)
    .map((category) => ({ id: category.id, name: categoryWord(category.id, language, categories) }));
}

/** Every category, retired ones too (old cases name them), for filtering what exists rather than creating. */
export function allCategoryChoices(categories: readonly WhistleCategory[], language: Language) {
  return categories.map((category) => ({ id: category.id, name: categoryWord(category.id, language, categories) }));
}
