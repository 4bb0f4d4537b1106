import { call, expectStatus } from '../support/api';
import { openCase } from '../support/cases';
import { query } from '../support/database';
import { createTestStreet, whistleBody, type TestStreet } from '../support/street';

/**
 * The directory behind the whistle form: grids are organizations of their community, and a whistle's grid and
 * category are checked against the directory (GET /api/categories lists the categories). Every refusal is a 400
 * naming its field, and changes nothing.
 */
describe('whistle form: grids and categories', () => {
  let street: TestStreet;
  beforeAll(async () => {
    street = await createTestStreet();
  });

  /** This street's rows: its organizations, and its communities' cases and their events (row count and newest version). */
  async function footprint() {
    const communities = [street.org.community, street.org.otherCommunity];
    return query(
      `SELECT (SELECT count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0) FROM organizations WHERE name LIKE $1) AS organizations,
              (SELECT count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0) FROM cases WHERE community_id = ANY($2::uuid[])) AS cases,
              (SELECT count(*)::text FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.community_id = ANY($2::uuid[])) AS events`,
      [`% ${street.suffix}`, communities],
    );
  }

  /** Sends a request that must be refused with a 400 naming `field`, and checks that nothing changed. */
  async function refusedNaming(field: string, method: string, path: string, token: string, body: unknown) {
    const before = await footprint();
    const refused = expectStatus(await call(method, path, { token, body }), 400).body;
    const fields = [refused.details?.field, ...(refused.details?.issues ?? []).map((i: { path: string }) => i.path)];
    expect(fields).toContain(field);
    expect(await footprint()).toEqual(before);
    return refused;
  }

  const organization = (name: string, kind: string, parentId?: string | null) => ({ name: `${name} ${street.suffix}`, kind, parentId });

  it('keeps grids under their community: a grid needs a community as parent, and nothing sits under a grid', async () => {
    const created = expectStatus(
      await call('POST', '/organizations', { token: street.adminToken, body: organization('Yichun Grid 7', 'grid', street.org.community) }),
      201,
    ).body;
    expect(created).toMatchObject({ kind: 'grid', parentId: street.org.community });

    await refusedNaming('parentId', 'POST', '/organizations', street.adminToken, organization('Orphan grid', 'grid'));
    await refusedNaming('parentId', 'POST', '/organizations', street.adminToken, organization('Street grid', 'grid', street.org.street));
    await refusedNaming('parentId', 'POST', '/organizations', street.adminToken, organization('Grid in a grid', 'grid', street.org.grid));
    await refusedNaming('parentId', 'POST', '/organizations', street.adminToken, organization('Under a grid', 'department', street.org.grid));
    await refusedNaming('parentId', 'PUT', `/organizations/${street.org.grid}`, street.adminToken, { parentId: street.org.street });
    await refusedNaming('parentId', 'PUT', `/organizations/${street.org.grid}`, street.adminToken, { parentId: null });
    // A community that has grids stays a community.
    await refusedNaming('kind', 'PUT', `/organizations/${street.org.community}`, street.adminToken, { kind: 'department' });

    // A grid moves to another community of the street.
    const moved = expectStatus(
      await call('PUT', `/organizations/${created.id}`, { token: street.adminToken, body: { parentId: street.org.otherCommunity } }),
      200,
    ).body;
    expect(moved.parentId).toBe(street.org.otherCommunity);
    // The directory lists a community's grids.
    const grids = expectStatus(
      await call('GET', `/organizations?filter=${encodeURIComponent(JSON.stringify({ kind: 'grid', parentId: street.org.otherCommunity }))}`, {
        token: street.token.community,
      }),
      200,
    ).body;
    expect(grids.map((g: { id: string }) => g.id).sort()).toEqual([street.org.otherGrid, created.id].sort());
  });

  it("locates a whistle in one of its community's grids, and keeps the grid on the case", async () => {
    const opened = await openCase(street, { gridId: street.org.grid });
    expect(opened.gridId).toBe(street.org.grid);
    expect(expectStatus(await call('GET', `/cases/${opened.id}`, { token: street.token.coordinator }), 200).body.gridId).toBe(street.org.grid);
    // A coordinator names the grid of the community they pick.
    const byCoordinator = await openCase(street, { communityId: street.org.otherCommunity, gridId: street.org.otherGrid }, street.token.coordinator);
    expect(byCoordinator).toMatchObject({ communityId: street.org.otherCommunity, gridId: street.org.otherGrid });
  });

  it("refuses a grid that does not exist, is no grid, or is another community's, changing nothing", async () => {
    for (const gridId of ['6f1b5c9e-0000-4000-8000-0000000000ff', 'yichun-grid-6', street.org.housing, street.org.community, street.org.otherGrid]) {
      await refusedNaming('gridId', 'POST', '/cases', street.token.community, whistleBody(street, { gridId }));
    }
    await refusedNaming('gridId', 'POST', '/cases', street.token.coordinator, whistleBody(street, { gridId: street.org.otherGrid }));
  });

  it("never takes a grid as a unit: neither as lead nor as co-handler, nor as a rule set's default lead", async () => {
    const opened = await openCase(street, { gridId: street.org.grid });
    await refusedNaming('leadOrganizationId', 'POST', `/cases/${opened.id}/actions`, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.grid,
    });
    await refusedNaming('coHandlerOrganizationIds.0', 'POST', `/cases/${opened.id}/actions`, street.token.coordinator, {
      type: 'dispatch',
      leadOrganizationId: street.org.housing,
      coHandlerOrganizationIds: [street.org.grid],
    });
    // Nor does a rule set make a grid the default lead.
    const draft = expectStatus(
      await call('POST', '/rule-sets', {
        token: street.adminToken,
        body: {
          name: `Grid lead ${street.suffix}`,
          categories: [`grid_lead_${street.suffix}`],
          definition: { stages: { registration: { defaultLead: street.org.grid } } },
        },
      }),
      201,
    ).body;
    const refused = expectStatus(await call('POST', `/rule-sets/${draft.id}/publish`, { token: street.adminToken }), 400).body;
    expect(refused.details.problems).toEqual([expect.objectContaining({ path: 'stages.registration.defaultLead' })]);
    expect(expectStatus(await call('GET', `/rule-sets/${draft.id}/versions`, { token: street.adminToken }), 200).body).toEqual([]);
  });

  it('lists the directory categories and those only a published rule set names, with the rule set that handles each', async () => {
    const category = `parking_${street.suffix}`;
    const drafted = `draft_only_${street.suffix}`;
    const listed = async () => expectStatus(await call('GET', '/categories', { token: street.token.community }), 200).body as { id: string }[];
    expect((await listed()).map((c) => c.id)).toEqual(
      expect.arrayContaining(['small_dispute', 'hidden_danger', 'small_sign', 'small_vulnerability', 'small_demand', 'small_event', 'other']),
    );
    expect((await listed()).find((c) => c.id === category)).toBeUndefined();

    // Unknown to the directory: refused, naming the field.
    await refusedNaming('category', 'POST', '/cases', street.token.community, whistleBody(street, { category }));

    const ruleSet = expectStatus(
      await call('POST', '/rule-sets', { token: street.adminToken, body: { name: `Parking ${street.suffix}`, categories: [category] } }),
      201,
    ).body;
    expectStatus(
      await call('POST', '/rule-sets', { token: street.adminToken, body: { name: `Draft ${street.suffix}`, categories: [drafted] } }),
      201,
    );
    // A draft names no category a whistle may use; publishing does.
    expect((await listed()).find((c) => c.id === category)).toBeUndefined();
    expectStatus(await call('POST', `/rule-sets/${ruleSet.id}/publish`, { token: street.adminToken }), 201);
    const categories = await listed();
    expect(categories.find((c) => c.id === category)).toMatchObject({
      id: category,
      inDirectory: false,
      active: true,
      ruleSet: { id: ruleSet.id, name: `Parking ${street.suffix}`, version: 1 },
    });
    expect(categories.find((c) => c.id === 'hidden_danger')).toMatchObject({ inDirectory: true });
    expect(categories.find((c) => c.id === drafted)).toBeUndefined();

    const opened = await openCase(street, { category });
    expect(opened).toMatchObject({ category, ruleSetId: ruleSet.id });
    await refusedNaming('category', 'POST', '/cases', street.token.community, whistleBody(street, { category: drafted }));
  });

  it('lets a community user blow the whistle only for their own community', async () => {
    const before = await footprint();
    const refused = await call('POST', '/cases', { token: street.token.otherCommunity, body: whistleBody(street, { gridId: street.org.grid }) });
    expect(refused.status).toBe(403);
    expect(await footprint()).toEqual(before);
  });

  it('asks for a sign-in to list the categories', async () => {
    expect((await call('GET', '/categories')).status).toBe(401);
  });
});
