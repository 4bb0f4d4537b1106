import { categoryProblem, STANDARD_CATEGORIES, whistleCategories, type NamedRuleSet } from './categories';

const published = (overrides: Partial<NamedRuleSet>): NamedRuleSet => ({
  ruleSetId: 'rs-default',
  name: 'Street default',
  version: 1,
  categories: ['*'],
  urgencies: [],
  publishedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('whistleCategories', () => {
  it('offers the standard taxonomy, in its order, with the built-in rules when nothing is published', () => {
    const categories = whistleCategories([]);
    expect(categories.map((c) => c.id)).toEqual([...STANDARD_CATEGORIES]);
    expect(categories.every((c) => c.standard && c.ruleSet === null)).toBe(true);
  });

  it('adds the categories published rule sets name, after the standard ones, alphabetically and once', () => {
    const categories = whistleCategories([
      published({ ruleSetId: 'rs-parking', name: 'Parking', categories: ['parking', 'hidden_danger'] }),
      published({ ruleSetId: 'rs-noise', name: 'Noise', categories: ['noise', 'parking'] }),
    ]);
    expect(categories.map((c) => c.id)).toEqual([...STANDARD_CATEGORIES, 'noise', 'parking']);
    expect(categories.find((c) => c.id === 'noise')).toEqual({
      id: 'noise',
      standard: false,
      ruleSet: { id: 'rs-noise', name: 'Noise', version: 1 },
    });
  });

  it('names the rule set a normal case of each category would start with: the category match beats the default', () => {
    const categories = whistleCategories([
      published({}),
      published({ ruleSetId: 'rs-danger', name: 'Dangers', version: 3, categories: ['hidden_danger'] }),
      published({ ruleSetId: 'rs-urgent', name: 'Emergency', urgencies: ['urgent'] }),
    ]);
    expect(categories.find((c) => c.id === 'hidden_danger')?.ruleSet).toEqual({ id: 'rs-danger', name: 'Dangers', version: 3 });
    expect(categories.find((c) => c.id === 'small_demand')?.ruleSet).toEqual({ id: 'rs-default', name: 'Street default', version: 1 });
  });

  it('does not offer "*" as a category', () => {
    expect(whistleCategories([published({ categories: ['*'] })]).map((c) => c.id)).not.toContain('*');
  });
});

describe('categoryProblem', () => {
  const categories = whistleCategories([published({ ruleSetId: 'rs-parking', categories: ['parking'] })]);

  it('accepts a standard category and one a published rule set names', () => {
    expect(categoryProblem('small_demand', categories)).toBeNull();
    expect(categoryProblem('parking', categories)).toBeNull();
  });

  it('refuses any other', () => {
    expect(categoryProblem('bicycles', categories)).toMatch(/^bicycles is neither a standard category/);
  });
});
