import { publicationReach } from './publication-reach';

const published = (ruleSetId: string, categories: string[], urgencies: string[] = []) => ({
  ruleSetId,
  version: 1,
  categories,
  urgencies,
  publishedAt: '2026-01-01T00:00:00Z',
});

describe('publicationReach', () => {
  it('gives every urgency of its categories when nothing more specific competes', () => {
    expect(publicationReach({ ruleSetId: 'a', categories: ['pipes'], urgencies: [] }, [published('a', ['pipes'])], ['pipes', 'noise'])).toEqual([
      { category: 'pipes', urgency: 'normal' },
      { category: 'pipes', urgency: 'urgent' },
    ]);
  });

  it('leaves out what a more specific rule set keeps: an urgent one beats a category one', () => {
    const latest = [published('emergency', ['pipes'], ['urgent'])];
    expect(publicationReach({ ruleSetId: 'a', categories: ['pipes'], urgencies: [] }, latest, ['pipes'])).toEqual([
      { category: 'pipes', urgency: 'normal' },
    ]);
  });

  it('reads "*" as every known category that no category rule set claims', () => {
    const latest = [published('pipes-rules', ['pipes'])];
    expect(publicationReach({ ruleSetId: 'default', categories: ['*'], urgencies: [] }, latest, ['pipes', 'noise'])).toEqual([
      { category: 'noise', urgency: 'normal' },
      { category: 'noise', urgency: 'urgent' },
    ]);
  });

  it('wins over an equally specific rule set by being the newest publication', () => {
    const latest = [published('older', ['pipes'])];
    expect(publicationReach({ ruleSetId: 'a', categories: ['pipes'], urgencies: ['normal'] }, latest, [])).toEqual([
      { category: 'pipes', urgency: 'normal' },
    ]);
  });
});
