import { pickRuleSet, type PublishedRuleSet } from './rule-set';

/** The standard taxonomy of what a whistle is about: the "six small" (六小) of the seed stories, and a catch-all. */
export const STANDARD_CATEGORIES = [
  'small_dispute',
  'hidden_danger',
  'small_sign',
  'small_vulnerability',
  'small_demand',
  'small_event',
  'other',
] as const;
export type StandardCategory = (typeof STANDARD_CATEGORIES)[number];

/** A published rule set as the category list names it. */
export interface NamedRuleSet extends PublishedRuleSet {
  name: string;
}

/** A category a whistle may use, and the published rule set a normal-urgency case of it would start with. */
export interface WhistleCategory {
  /** The category's code, as a case stores it. */
  id: string;
  /** One of STANDARD_CATEGORIES (the console words those); else a category only a rule set names. */
  standard: boolean;
  /** Null when no published rule set matches: the case gets the built-in rules. */
  ruleSet: { id: string; name: string; version: number } | null;
}

/**
 * The categories a whistle may use: the standard ones, then every other category a published rule set names
 * (`*` is no category), in alphabetical order. `published` holds the newest published version of each rule set.
 */
export function whistleCategories(published: NamedRuleSet[]): WhistleCategory[] {
  const standard: readonly string[] = STANDARD_CATEGORIES;
  const custom = [...new Set(published.flatMap((ruleSet) => ruleSet.categories))].filter((c) => c !== '*' && !standard.includes(c)).sort();
  return [...standard, ...custom].map((id) => {
    const handler = pickRuleSet(published, id, 'normal');
    return {
      id,
      standard: standard.includes(id),
      ruleSet: handler ? { id: handler.ruleSetId, name: handler.name, version: handler.version } : null,
    };
  });
}

/** Why a whistle may not use `category` (null: it may). */
export function categoryProblem(category: string, categories: readonly WhistleCategory[]): string | null {
  return categories.some((c) => c.id === category) ? null : `${category} is neither a standard category nor one a published rule set names`;
}
