import { describe, expect, test } from '@jest/globals';
import { PAGE_SIZE, SCENARIOS, listSql, listUrl, pickFor } from './case-list-queries.js';

const STREET = '11111111-1111-4111-8111-111111111111';
const COMMUNITY = '22222222-2222-4222-8222-222222222222';

describe('listUrl', () => {
  test("asks as ra-data-simple-rest does: sort, the console's first page and the filter, each as JSON", () => {
    const url = new URL(listUrl({ filter: { communityId: COMMUNITY, stage: 'feedback' }, sort: ['stageDueAt', 'ASC'] }), 'http://x');
    expect(url.pathname).toBe('/cases');
    expect(JSON.parse(url.searchParams.get('sort'))).toEqual(['stageDueAt', 'ASC']);
    expect(JSON.parse(url.searchParams.get('range'))).toEqual([0, PAGE_SIZE - 1]);
    expect(JSON.parse(url.searchParams.get('filter'))).toEqual({ communityId: COMMUNITY, stage: 'feedback' });
  });
});

describe('listSql', () => {
  test("a coordinator's list: the street or a participant, the filters, the order made total by id, one page", () => {
    const { page, count } = listSql({
      scope: { streetId: STREET },
      filter: { communityId: COMMUNITY, stage: 'feedback' },
      sort: ['stageDueAt', 'ASC'],
    });
    expect(page.text).toMatch(/^SELECT c\.id, c\.code, .*c\.state, c\.created_at, c\.updated_at FROM cases c WHERE /);
    expect(page.text).toContain(
      'WHERE (c.street_id = $1 OR c.participant_organization_ids @> ARRAY[$2]::text[]) AND c.community_id IN ($3) AND c.stage = $4 ORDER BY c.stage_due_at ASC, c.id ASC LIMIT 10 OFFSET 0',
    );
    expect(page.values).toEqual([STREET, STREET, COMMUNITY, 'feedback']);
    expect(count.text).toBe(
      'SELECT COUNT(1) AS cnt FROM cases c WHERE (c.street_id = $1 OR c.participant_organization_ids @> ARRAY[$2]::text[]) AND c.community_id IN ($3) AND c.stage = $4',
    );
    expect(count.values).toBe(page.values);
  });

  test("a community user's list: the community or a participant; overdue is the open stages past due", () => {
    const { page } = listSql({ scope: { communityId: COMMUNITY }, filter: { overdue: true }, sort: ['createdAt', 'DESC'], offset: 20, limit: 5 });
    expect(page.text).toContain(
      "WHERE (c.community_id = $1 OR c.participant_organization_ids @> ARRAY[$2]::text[]) AND c.stage NOT IN ('closed', 'withdrawn') AND c.stage_due_at <= now() ORDER BY c.created_at DESC, c.id ASC LIMIT 5 OFFSET 20",
    );
    expect(page.values).toEqual([COMMUNITY, COMMUNITY]);
  });

  test('the text search looks in title and code, its wildcards escaped as the API escapes them', () => {
    const { page } = listSql({ scope: { streetId: STREET }, filter: { q: '50%_a\\b' }, sort: ['createdAt', 'DESC'] });
    expect(page.text).toContain('AND (c.title ILIKE $3 OR c.code ILIKE $3) ORDER BY');
    expect(page.values[2]).toBe('%50\\%\\_a\\\\b%');
  });

  test('refuses what it does not mirror rather than measure a different query', () => {
    expect(() => listSql({ scope: { streetId: STREET }, filter: { urgency: 'urgent' }, sort: ['createdAt', 'DESC'] })).toThrow(/urgency/);
    expect(() => listSql({ scope: { streetId: STREET }, filter: {}, sort: ['color', 'ASC'] })).toThrow(/color/);
    expect(() => listSql({ scope: {}, filter: {}, sort: ['createdAt', 'ASC'] })).toThrow(/scope/);
  });

  test('every scenario builds for its actor', () => {
    const pick = pickFor(0, { streetCommunities: [COMMUNITY], stages: ['closed'], words: ['漏水'] });
    for (const scenario of SCENARIOS) {
      const scope = scenario.actor === 'community' ? { communityId: COMMUNITY } : { streetId: STREET };
      expect(listSql({ scope, filter: scenario.filter(pick), sort: scenario.sort }).page.values.length).toBeGreaterThan(0);
    }
  });
});

describe('pickFor', () => {
  test('every community meets every stage once in communities × stages requests', () => {
    const streetCommunities = ['a', 'b', 'c', 'd', 'e', 'f'];
    const stages = ['s1', 's2', 's3', 's4'];
    const pairs = Array.from({ length: 24 }, (_, k) => pickFor(k, { streetCommunities, stages, words: ['w'] })).map(
      (p) => `${p.community}/${p.stage}`,
    );
    expect(new Set(pairs).size).toBe(24);
  });

  test('a round of communities comes in turn, words in turn', () => {
    const picks = [0, 1, 2].map((k) => pickFor(k, { streetCommunities: ['a', 'b'], stages: ['s'], words: ['x', 'y', 'z'] }));
    expect(picks.map((p) => p.community)).toEqual(['a', 'b', 'a']);
    expect(picks.map((p) => p.word)).toEqual(['x', 'y', 'z']);
  });
});
