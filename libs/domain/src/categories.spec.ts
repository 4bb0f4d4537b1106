import {
  categoryProblem,
  categoryWord,
  createCategorySchema,
  routingTable,
  updateCategorySchema,
  whistleCategories,
  type DirectoryCategory,
  type NamedRuleSet,
} from './categories';

const published = (overrides: Partial<NamedRuleSet>): NamedRuleSet => ({
  ruleSetId: 'rs-default',
  name: 'Street default',
  version: 1,
  categories: ['*'],
  urgencies: [],
  publishedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

const entry = (code: string, overrides: Partial<DirectoryCategory> = {}): DirectoryCategory => ({
  code,
  nameZh: `${code}-zh`,
  nameEn: `${code}-en`,
  active: true,
  sortOrder: 10,
  ...overrides,
});

describe('whistleCategories', () => {
  it('lists the directory by sort order, then code, with its names and the built-in rules when nothing is published', () => {
    const categories = whistleCategories(
      [entry('other', { sortOrder: 70 }), entry('small_sign', { sortOrder: 10 }), entry('hidden_danger', { sortOrder: 10 })],
      [],
    );
    expect(categories.map((c) => c.id)).toEqual(['hidden_danger', 'small_sign', 'other']);
    expect(categories[0]).toEqual({
      id: 'hidden_danger',
      inDirectory: true,
      nameZh: 'hidden_danger-zh',
      nameEn: 'hidden_danger-en',
      active: true,
      sortOrder: 10,
      ruleSet: null,
    });
  });

  it('keeps retired categories, marked inactive (old cases name them)', () => {
    expect(whistleCategories([entry('noise', { active: false })], [])).toEqual([
      expect.objectContaining({ id: 'noise', active: false, inDirectory: true }),
    ]);
  });

  it('adds the categories only published rule sets name, after the directory, alphabetically and once, as usable but not in the directory', () => {
    const categories = whistleCategories(
      [entry('hidden_danger')],
      [
        published({ ruleSetId: 'rs-parking', name: 'Parking', categories: ['parking', 'hidden_danger'] }),
        published({ ruleSetId: 'rs-noise', name: 'Noise', categories: ['noise', 'parking'] }),
      ],
    );
    expect(categories.map((c) => c.id)).toEqual(['hidden_danger', 'noise', 'parking']);
    expect(categories.find((c) => c.id === 'noise')).toEqual({
      id: 'noise',
      inDirectory: false,
      nameZh: null,
      nameEn: null,
      active: true,
      sortOrder: null,
      ruleSet: { id: 'rs-noise', name: 'Noise', version: 1 },
    });
  });

  it('does not list a rule set category the directory holds (even retired) a second time', () => {
    const categories = whistleCategories([entry('noise', { active: false })], [published({ categories: ['noise'] })]);
    expect(categories).toEqual([expect.objectContaining({ id: 'noise', inDirectory: true, active: false })]);
  });

  it('names the rule set a normal case of each category would start with: the category match beats the default', () => {
    const categories = whistleCategories(
      [entry('hidden_danger'), entry('small_demand')],
      [
        published({}),
        published({ ruleSetId: 'rs-danger', name: 'Dangers', version: 3, categories: ['hidden_danger'] }),
        published({ ruleSetId: 'rs-urgent', name: 'Emergency', urgencies: ['urgent'] }),
      ],
    );
    expect(categories.find((c) => c.id === 'hidden_danger')?.ruleSet).toEqual({ id: 'rs-danger', name: 'Dangers', version: 3 });
    expect(categories.find((c) => c.id === 'small_demand')?.ruleSet).toEqual({ id: 'rs-default', name: 'Street default', version: 1 });
  });

  it('does not offer "*" as a category', () => {
    expect(whistleCategories([], [published({ categories: ['*'] })]).map((c) => c.id)).not.toContain('*');
  });
});

describe('categoryProblem', () => {
  const categories = whistleCategories(
    [entry('small_demand'), entry('noise', { active: false })],
    [published({ ruleSetId: 'rs-parking', categories: ['parking'] })],
  );

  it('accepts an active directory category and one only a published rule set names', () => {
    expect(categoryProblem('small_demand', categories)).toBeNull();
    expect(categoryProblem('parking', categories)).toBeNull();
  });

  it('refuses a retired category', () => {
    expect(categoryProblem('noise', categories)).toBe('noise is retired; new cases may not use it');
  });

  it('refuses any other', () => {
    expect(categoryProblem('bicycles', categories)).toMatch(/^bicycles is neither in the category directory/);
  });
});

describe('routingTable', () => {
  const rules = [
    published({}),
    published({ ruleSetId: 'rs-danger', name: 'Dangers', version: 3, categories: ['hidden_danger'] }),
    published({ ruleSetId: 'rs-urgent', name: 'Emergency', version: 2, urgencies: ['urgent'], publishedAt: '2026-02-01T00:00:00.000Z' }),
  ];

  it('gives every usable category, at each urgency, the rule set pickRuleSet chooses: urgency beats category', () => {
    const table = routingTable(whistleCategories([entry('hidden_danger'), entry('small_demand'), entry('noise', { active: false })], rules), rules);
    expect(table).toEqual([
      {
        category: 'hidden_danger',
        inDirectory: true,
        nameZh: 'hidden_danger-zh',
        nameEn: 'hidden_danger-en',
        routes: { normal: { id: 'rs-danger', name: 'Dangers', version: 3 }, urgent: { id: 'rs-urgent', name: 'Emergency', version: 2 } },
      },
      {
        category: 'small_demand',
        inDirectory: true,
        nameZh: 'small_demand-zh',
        nameEn: 'small_demand-en',
        routes: { normal: { id: 'rs-default', name: 'Street default', version: 1 }, urgent: { id: 'rs-urgent', name: 'Emergency', version: 2 } },
      },
    ]);
  });

  it('shows the built-in rules (null) where no published rule set matches', () => {
    const table = routingTable(whistleCategories([entry('small_demand')], []), []);
    expect(table).toEqual([expect.objectContaining({ category: 'small_demand', routes: { normal: null, urgent: null } })]);
  });
});

describe('categoryWord', () => {
  const directory = whistleCategories([entry('noise', { nameZh: '噪音', nameEn: 'Noise' })], [published({ categories: ['parking'] })]);

  it('words a directory category in the language asked for', () => {
    expect(categoryWord('noise', 'zh', directory)).toBe('噪音');
    expect(categoryWord('noise', 'en', directory)).toBe('Noise');
  });

  it('falls back to the standard words, then to the code', () => {
    expect(categoryWord('hidden_danger', 'zh', directory)).toBe('小隐患');
    expect(categoryWord('parking', 'en', directory)).toBe('parking');
  });
});

describe('category requests', () => {
  it('takes a short lower-case code and two names', () => {
    expect(createCategorySchema.parse({ code: 'noise_2', nameZh: ' 噪音 ', nameEn: 'Noise' })).toEqual({
      code: 'noise_2',
      nameZh: '噪音',
      nameEn: 'Noise',
    });
  });

  it.each(['N', 'Noise', '2noise', 'noise-x', 'a', `n${'x'.repeat(64)}`, '*'])('refuses the code %p', (code) => {
    expect(createCategorySchema.safeParse({ code, nameZh: '噪音', nameEn: 'Noise' }).success).toBe(false);
  });

  it('refuses empty, over-long and unstorable names', () => {
    for (const nameZh of ['', '  ', 'x'.repeat(101), 'a\u0000b']) {
      expect(createCategorySchema.safeParse({ code: 'noise', nameZh, nameEn: 'Noise' }).success).toBe(false);
    }
  });

  it('refuses a change of code in an edit', () => {
    expect(updateCategorySchema.safeParse({ code: 'other' }).success).toBe(false);
    expect(updateCategorySchema.parse({ active: false })).toEqual({ active: false });
  });
});
