import { describe, expect, it } from '@jest/globals';
import { whistleCategoryChoices } from './categoryChoices';

describe('whistleCategoryChoices', () => {
  const translate = (key: string) => `«${key}»`;

  it('words the standard categories in the console language and shows a custom one as it is', () => {
    const choices = whistleCategoryChoices(
      [
        { id: 'hidden_danger', standard: true, ruleSet: null },
        { id: 'parking', standard: false, ruleSet: { id: 'r-1', name: 'Parking rules', version: 2 } },
      ],
      translate,
    );
    expect(choices).toEqual([
      { id: 'hidden_danger', name: '«whistle.categories.hidden_danger»' },
      { id: 'parking', name: 'parking' },
    ]);
  });
});
