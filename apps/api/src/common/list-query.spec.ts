import { ApiError } from './api-error';
import { parseListQuery } from './list-query';

const rules = { sortable: ['name'], defaultSort: ['name', 'ASC'] as ['name', 'ASC'] };

/** The issues of the 400 a query is refused with, or the parsed query. */
function issuesOf(query: Record<string, unknown>): unknown {
  try {
    return parseListQuery(query, rules);
  } catch (error) {
    if (error instanceof ApiError) return error.details?.issues;
    throw error;
  }
}

describe('parseListQuery', () => {
  it('reads filter, range and sort', () => {
    expect(parseListQuery({ filter: '{"q":"x"}', range: '[10,19]', sort: '["name","DESC"]' }, rules)).toEqual({
      filter: { q: 'x' },
      offset: 10,
      limit: 10,
      sortField: 'name',
      sortOrder: 'DESC',
    });
  });

  it.each([
    ['beyond 64 bits', '[0,18446744073709551616]'],
    ['1e300', '[1e300,1e300]'],
    ['past the largest safe integer', '[9007199254740992,9007199254740993]'],
    ['a fraction', '[0.5,1]'],
    ['strings', '["0","1"]'],
  ])('refuses a range %s', (_name, range) => {
    expect(issuesOf({ range })).toEqual([{ path: 'range', message: expect.stringMatching(/^must be \[first, last\]/) }]);
  });

  it('refuses unstorable text inside the JSON of a parameter, naming where', () => {
    expect(issuesOf({ filter: JSON.stringify({ q: ['ok', 'a\u0000'] }) })).toEqual([{ path: 'filter.q.1', message: expect.stringMatching(/NUL/) }]);
    expect(issuesOf({ sort: JSON.stringify(['\uD800', 'ASC']) })).toEqual([{ path: 'sort.0', message: expect.stringMatching(/surrogate/) }]);
  });

  it('refuses a parameter given twice (Fastify hands over an array)', () => {
    expect(issuesOf({ filter: ['{}', '{}'] })).toEqual([{ path: 'filter', message: 'must be given once, as JSON' }]);
  });
});
