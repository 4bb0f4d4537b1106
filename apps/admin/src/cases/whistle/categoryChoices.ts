import type { WhistleCategory } from '@whistle/domain';

/**
 * The category picker's choices: a standard category in the console's words, any other (one only a rule set
 * names) as the rule set spells it, since nobody has translated it.
 */
export function whistleCategoryChoices(categories: readonly WhistleCategory[], translate: (key: string, options?: object) => string) {
  return categories.map((category) => ({
    id: category.id,
    name: category.standard ? translate(`whistle.categories.${category.id}`, { _: category.id }) : category.id,
  }));
}
