import { describe, expect, it } from '@jest/globals';
import { localList } from './localList';

const rows = [
  { id: 'noise', nameZh: '噪音', nameEn: 'Noise', sortOrder: 30, active: true },
  { id: 'bikes', nameZh: '单车', nameEn: 'Bikes', sortOrder: 10, active: false },
  { id: 'legacy', nameZh: null, nameEn: null, sortOrder: null, active: true },
];

describe('localList', () => {
  it('sorts (nulls last), pages and counts', () => {
    const page = localList(rows, { filter: {}, sort: { field: 'sortOrder', order: 'ASC' }, pagination: { page: 1, perPage: 2 } });
    expect(page).toEqual({ data: [rows[1], rows[0]], total: 3 });
    expect(localList(rows, { filter: {}, sort: { field: 'sortOrder', order: 'ASC' }, pagination: { page: 2, perPage: 2 } }).data).toEqual([rows[2]]);
    expect(
      localList(rows, { filter: {}, sort: { field: 'nameEn', order: 'DESC' }, pagination: { page: 1, perPage: 9 } }).data.map((r) => r.id),
    ).toEqual(['legacy', 'noise', 'bikes']);
  });

  it('filters by text in any field, case-blind, and by equal values', () => {
    const all = { sort: { field: 'id', order: 'ASC' as const }, pagination: { page: 1, perPage: 9 } };
    expect(localList(rows, { ...all, filter: { q: 'NOI' } }).data.map((r) => r.id)).toEqual(['noise']);
    expect(localList(rows, { ...all, filter: { q: '单' } }).data.map((r) => r.id)).toEqual(['bikes']);
    expect(localList(rows, { ...all, filter: { active: false } }).data.map((r) => r.id)).toEqual(['bikes']);
    expect(localList(rows, { ...all, filter: { q: '' } }).total).toBe(3);
  });
});
