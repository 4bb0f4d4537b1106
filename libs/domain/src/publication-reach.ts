import { URGENCIES } from './case-input';
import { pickRuleSet, type PublishedRuleSet } from './rule-set';

/**
 * Which kinds of new case (category × urgency) a rule set's next version would be given to, were it published now:
 * the same choice as `pickRuleSet`, with the rule set's current version replaced by the new one. `knownCategories`
 * are the categories a whistle may use, which a "*" rule set stands for.
 */
export function publicationReach(
  next: { ruleSetId: string; categories: string[]; urgencies: string[] },
  latest: PublishedRuleSet[],
  knownCategories: string[],
): { category: string; urgency: string }[] {
  const candidates = [
    ...latest.filter((v) => v.ruleSetId !== next.ruleSetId),
    { ...next, version: Number.MAX_SAFE_INTEGER, publishedAt: '9999-12-31T00:00:00Z' },
  ];
  const categories = next.categories.includes('*')
    ? [...new Set([...knownCategories, ...next.categories.filter((c) => c !== '*')])]
    : next.categories;
  const urgencies = next.urgencies.length ? next.urgencies : URGENCIES;
  return categories.flatMap((category) =>
    urgencies.filter((urgency) => pickRuleSet(candidates, category, urgency)?.ruleSetId === next.ruleSetId).map((urgency) => ({ category, urgency })),
  );
}
