import { CASE_UNIT_KINDS, gridProblem, parentProblem, type DirectoryEntry } from './grids';

const community = { name: 'Yichun Road Community', kind: 'community' as const };
const grid = (overrides: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  id: 'grid-1',
  name: 'Grid 6',
  kind: 'grid',
  parentId: 'community-1',
  ...overrides,
});

describe('parentProblem', () => {
  it('lets a grid sit under a community', () => {
    expect(parentProblem('grid', community)).toBeNull();
  });

  it('refuses a grid without a parent or under anything but a community', () => {
    expect(parentProblem('grid', null)).toMatch(/belongs to a community/);
    expect(parentProblem('grid', { name: 'Dunhua Road Street', kind: 'street' })).toMatch(/belongs to a community/);
    expect(parentProblem('grid', { name: 'Grid 5', kind: 'grid' })).toMatch(/belongs to a community/);
  });

  it('puts nothing under a grid', () => {
    expect(parentProblem('community', { name: 'Grid 5', kind: 'grid' })).toBe('Grid 5 is a grid; nothing belongs to a grid');
    expect(parentProblem('department', { name: 'Grid 5', kind: 'grid' })).not.toBeNull();
  });

  it('leaves the other kinds as they were', () => {
    expect(parentProblem('community', { name: 'Dunhua Road Street', kind: 'street' })).toBeNull();
    expect(parentProblem('department', null)).toBeNull();
    expect(parentProblem('street', null)).toBeNull();
  });
});

describe('gridProblem', () => {
  it("accepts a grid of the case's community", () => {
    expect(gridProblem('grid-1', grid(), 'community-1')).toBeNull();
  });

  it('refuses a grid that does not exist', () => {
    expect(gridProblem('grid-9', null, 'community-1')).toBe('no grid grid-9');
  });

  it('refuses an organization that is not a grid, even one of the community', () => {
    expect(gridProblem('grid-1', grid({ kind: 'department' }), 'community-1')).toBe('no grid grid-1');
  });

  it("refuses another community's grid", () => {
    expect(gridProblem('grid-1', grid({ parentId: 'community-2' }), 'community-1')).toBe("Grid 6 is not a grid of the case's community");
  });
});

describe('CASE_UNIT_KINDS', () => {
  it('never offers a grid as a unit', () => {
    expect(CASE_UNIT_KINDS).not.toContain('grid');
    expect(CASE_UNIT_KINDS).toEqual(expect.arrayContaining(['community', 'department', 'property_company', 'partner']));
  });
});
