import { describe, expect, it } from '@jest/globals';
import type { WhistleCategory } from '@whistle/domain';
import { allCategoryChoices, whistleCategoryChoices } from './categoryChoices';

const category = (id: string, overrides: Partial<WhistleCategory> = {}): WhistleCategory => ({
  id,
  inDirectory: true,
  nameZh: `${id}（中）`,
  nameEn: `${id} (en)`,
  active: true,
  sortOrder: 10,
  ruleSet: null,
  ...overrides,
});

describe('whistleCategoryChoices', () => {
  const categories = [
    category('hidden_danger', { nameZh: '安全隐患', nameEn: 'Safety hazard' }),
    category('bikes', { active: false }),
    category('parking', {
      inDirectory: false,
      nameZh: null,
      nameEn: null,
      sortOrder: null,
      ruleSet: { id: 'r-1', name: 'Parking rules', version: 2 },
    }),
  ];

  it("offers the usable categories in the console's language as the directory names them, one only a rule set names as its code", () => {
    expect(whistleCategoryChoices(categories, 'zh')).toEqual([
      { id: 'hidden_danger', name: '安全隐患' },
      { id: 'parking', name: 'parking' },
    ]);
    expect(whistleCategoryChoices(categories, 'en')[0]).toEqual({ id: 'hidden_danger', name: 'Safety hazard' });
  });

  it('leaves retired categories out of a new whistle, but not out of a filter', () => {
    expect(whistleCategoryChoices(categories, 'en').map((c) => c.id)).not.toContain('bikes');
    expect(allCategoryChoices(categories, 'en').map((c) => c.id)).toEqual(['hidden_danger', 'bikes', 'parking']);
  });
});
