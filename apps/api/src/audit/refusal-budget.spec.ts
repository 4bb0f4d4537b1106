import { RefusalBudget } from './refusal-budget';

describe('RefusalBudget', () => {
  let now = 0;
  const budget = () => new RefusalBudget(3, 60_000, () => now);
  beforeEach(() => {
    now = 1_000_000;
  });

  it('records a few refusals per address and window, then counts the rest', () => {
    const refusals = budget();
    for (let i = 0; i < 3; i++) expect(refusals.take('10.0.0.1')).toEqual({ suppressedBefore: 0 });
    expect(refusals.take('10.0.0.1')).toBeNull();
    expect(refusals.take('10.0.0.1')).toBeNull();
    // Another address has a budget of its own.
    expect(refusals.take('10.0.0.2')).toEqual({ suppressedBefore: 0 });
  });

  it('says in the next window how many were left out, once', () => {
    const refusals = budget();
    for (let i = 0; i < 5; i++) refusals.take('10.0.0.1');
    now += 60_000;
    expect(refusals.take('10.0.0.1')).toEqual({ suppressedBefore: 2 });
    expect(refusals.take('10.0.0.1')).toEqual({ suppressedBefore: 0 });
  });

  it('forgets the oldest address when it holds too many', () => {
    const refusals = new RefusalBudget(1, 60_000, () => now, 2);
    refusals.take('a');
    refusals.take('b');
    refusals.take('c');
    // `a` was forgotten, so it starts a fresh window.
    expect(refusals.take('a')).toEqual({ suppressedBefore: 0 });
    expect(refusals.take('c')).toBeNull();
  });
});
