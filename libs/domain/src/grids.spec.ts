import { CASE_UNIT_KINDS, gridProblem, gridResponsibleProblem, parentProblem, type DirectoryEntry, type ResponsibleCandidate } from './grids';

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

describe('gridResponsibleProblem', () => {
  const person = (overrides: Partial<ResponsibleCandidate> = {}): ResponsibleCandidate => ({
    id: 'user-1',
    displayName: 'Wang Fang',
    organizationId: 'community-1',
    active: true,
    ...overrides,
  });

  it('lets nobody be named, on any organization', () => {
    expect(gridResponsibleProblem(grid(), null, null)).toBeNull();
    expect(gridResponsibleProblem(grid({ kind: 'community', parentId: 'street-1' }), null, null)).toBeNull();
  });

  it("takes an active user of the grid's community or of the grid itself", () => {
    expect(gridResponsibleProblem(grid(), 'user-1', person())).toBeNull();
    expect(gridResponsibleProblem(grid(), 'user-1', person({ organizationId: 'grid-1' }))).toBeNull();
  });

  it('refuses anyone else: another community, no organization, a deactivated user, nobody', () => {
    expect(gridResponsibleProblem(grid(), 'user-1', person({ organizationId: 'community-2' }))).toBe(
      'Wang Fang is not a user of Grid 6 or of its community',
    );
    expect(gridResponsibleProblem(grid(), 'user-1', person({ organizationId: null }))).toMatch(/not a user of Grid 6/);
    expect(gridResponsibleProblem(grid(), 'user-1', person({ active: false }))).toBe('Wang Fang is deactivated');
    expect(gridResponsibleProblem(grid(), 'user-9', null)).toBe('no user user-9');
  });

  it('gives no other kind a grid member responsible, whoever is named', () => {
    expect(gridResponsibleProblem(grid({ kind: 'community', parentId: 'street-1' }), 'user-1', person())).toBe(
      'only a grid has a grid member responsible',
    );
  });
});
