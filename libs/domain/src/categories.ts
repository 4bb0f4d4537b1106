import { z } from 'zod';
import { URGENCIES } from './case-input';
import { pickRuleSet, type PublishedRuleSet } from './rule-set';
import { isSafeText, UNSAFE_TEXT_MESSAGE } from './safe-text';
import { CATEGORY_WORDS, type Language } from './words';

/**
 * The standard taxonomy of what a whistle is about: the "six small" (六小) of the seed stories, and a catch-all. The
 * category directory (admins' data, GET /api/categories) starts with these; they are not special after that.
 */
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

/** A category's code, as cases and rule sets store it: short, lower case, never changed once created. */
export const categoryCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, 'a lower-case letter, then lower-case letters, digits or underscores; 2 to 64 long');

const categoryName = z.string().trim().min(1).max(100).refine(isSafeText, UNSAFE_TEXT_MESSAGE);
const sortOrder = z.int().min(0).max(1_000_000);

/** An admin's new directory category. */
export const createCategorySchema = z
  .object({ code: categoryCodeSchema, nameZh: categoryName, nameEn: categoryName, sortOrder: sortOrder.optional() })
  .strict();
export type CreateCategoryRequest = z.infer<typeof createCategorySchema>;

/** An admin's edit: the names, the place in lists, and `active: false` to retire it (true brings it back). The code stays. */
export const updateCategorySchema = z.object({ nameZh: categoryName, nameEn: categoryName, sortOrder, active: z.boolean() }).partial().strict();
export type UpdateCategoryRequest = z.infer<typeof updateCategorySchema>;

/** A row of the category directory. */
export interface DirectoryCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  /** False once retired: kept for the cases and rule sets that name it, offered to no new whistle. */
  active: boolean;
  sortOrder: number;
}

/** A published rule set as the category list names it. */
export interface NamedRuleSet extends PublishedRuleSet {
  name: string;
}

/** Which published rule set (by name and version) a kind of new case gets; null: the built-in rules. */
export type RuleSetRoute = { id: string; name: string; version: number } | null;

/** A category as everyone reads it (GET /api/categories): the directory's, and those only a published rule set names. */
export interface WhistleCategory {
  /** The category's code, as a case stores it. */
  id: string;
  /** False for a category only a published rule set names (older data): a whistle may still use it. */
  inDirectory: boolean;
  /** The directory's names; null when it is not in the directory (it is shown as its code). */
  nameZh: string | null;
  nameEn: string | null;
  /** Whether a new whistle may use it: false only for a retired directory category. */
  active: boolean;
  /** Its place in lists; categories outside the directory come after every directory one. */
  sortOrder: number | null;
  /** The published rule set a normal-urgency case of it would start with. */
  ruleSet: RuleSetRoute;
}

/** The rule set `pickRuleSet` gives a new case of this category and urgency, as a reference. */
export function routeFor(published: NamedRuleSet[], category: string, urgency: string): RuleSetRoute {
  const handler = pickRuleSet(published, category, urgency);
  return handler ? { id: handler.ruleSetId, name: handler.name, version: handler.version } : null;
}

/**
 * Every category: the directory's in its order (sort order, then code), retired ones included (old cases name them),
 * then, alphabetically, every other category a published rule set names (`*` is no category). `published` holds the
 * newest published version of each rule set.
 */
export function whistleCategories(directory: readonly DirectoryCategory[], published: NamedRuleSet[]): WhistleCategory[] {
  const listed = [...directory].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const known = new Set(listed.map((c) => c.code));
  const outside = [...new Set(published.flatMap((ruleSet) => ruleSet.categories))].filter((c) => c !== '*' && !known.has(c)).sort();
  return [
    ...listed.map((c) => ({
      id: c.code,
      inDirectory: true,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      active: c.active,
      sortOrder: c.sortOrder,
      ruleSet: routeFor(published, c.code, 'normal'),
    })),
    ...outside.map((id) => ({
      id,
      inDirectory: false,
      nameZh: null,
      nameEn: null,
      active: true,
      sortOrder: null,
      ruleSet: routeFor(published, id, 'normal'),
    })),
  ];
}

/** Why a whistle may not use `category` (null: it may). */
export function categoryProblem(category: string, categories: readonly WhistleCategory[]): string | null {
  const found = categories.find((c) => c.id === category);
  if (!found) return `${category} is neither in the category directory nor named by a published rule set`;
  return found.active ? null : `${category} is retired; new cases may not use it`;
}

/** One row of the routing table: a category a whistle may use, and the rule set a new case of it gets at each urgency. */
export interface RoutingRow {
  category: string;
  inDirectory: boolean;
  nameZh: string | null;
  nameEn: string | null;
  routes: Record<(typeof URGENCIES)[number], RuleSetRoute>;
}

/**
 * Where a rule set applies, at a glance: for every category a new whistle may use and every urgency, the rule set a new
 * case gets, chosen by `pickRuleSet` exactly as opening a case chooses it.
 */
export function routingTable(categories: readonly WhistleCategory[], published: NamedRuleSet[]): RoutingRow[] {
  return categories
    .filter((c) => c.active)
    .map((c) => ({
      category: c.id,
      inDirectory: c.inDirectory,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      routes: Object.fromEntries(URGENCIES.map((urgency) => [urgency, routeFor(published, c.id, urgency)])) as RoutingRow['routes'],
    }));
}

/**
 * A category in words: the directory's name in `language`, else the standard words (a standard category the directory
 * no longer holds), else the code itself (a category only a rule set names).
 */
export function categoryWord(
  code: string,
  language: Language,
  directory: readonly { id: string; nameZh: string | null; nameEn: string | null }[],
): string {
  const entry = directory.find((c) => c.id === code);
  const name = entry ? (language === 'zh' ? entry.nameZh : entry.nameEn) : null;
  if (name) return name;
  return Object.hasOwn(CATEGORY_WORDS[language], code) ? CATEGORY_WORDS[language][code as StandardCategory] : code;
}
