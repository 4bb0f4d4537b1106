import { openDataSource } from '@whistle/persistence';
import { BACKFILL_CASE_PLACES } from '@whistle/persistence/src/migrations/1796110000000-places';
import { call, expectStatus } from '../support/api';
import { openCase } from '../support/cases';
import { query } from '../support/database';
import { createTestStreet, whistleBody, type TestStreet } from '../support/street';

/**
 * Places on the real stack: a grid names its grid member responsible (an active user of the grid or its community),
 * a whistle may carry a point (kept in the case and in the projection's columns), and the case list filters by grid
 * and by having a point, within what each person may see. Every refusal is a 400 naming its field, and changes nothing.
 */
describe('places: grids, points and the list by grid', () => {
  let street: TestStreet;
  beforeAll(async () => {
    street = await createTestStreet();
  });

  const listed = async (token: string, filter: Record<string, unknown>) =>
    expectStatus(
      await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,499]')}`, { token }),
      200,
    );
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

  /** This street's rows that a refused request must leave alone: its organizations and its communities' cases. */
  async function footprint() {
    return query(
      `SELECT (SELECT count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0) FROM organizations WHERE name LIKE $1) AS organizations,
              (SELECT count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0) FROM cases WHERE community_id = ANY($2::uuid[])) AS cases`,
      [`% ${street.suffix}`, [street.org.community, street.org.otherCommunity]],
    );
  }

  async function refusedNaming(field: string, method: string, path: string, token: string, body: unknown) {
    const before = await footprint();
    const refused = expectStatus(await call(method, path, { token, body }), 400).body;
    const fields = [refused.details?.field, ...(refused.details?.issues ?? []).map((i: { path: string }) => i.path)];
    expect(fields).toContain(field);
    expect(await footprint()).toEqual(before);
    return refused;
  }

  describe('the grid member responsible', () => {
    it("is an active user of the grid's community, named wherever the grid is read", async () => {
      const grid = expectStatus(
        await call('PUT', `/organizations/${street.org.grid}`, { token: street.adminToken, body: { responsibleUserId: street.user.community.id } }),
        200,
      ).body;
      expect(grid).toMatchObject({ id: street.org.grid, responsibleUserId: street.user.community.id, responsibleName: `community ${street.suffix}` });
      // Anyone signed in reads the directory: a department user sees who is responsible for the grid.
      const read = expectStatus(await call('GET', `/organizations/${street.org.grid}`, { token: street.token.housing }), 200).body;
      expect(read).toMatchObject({ responsibleUserId: street.user.community.id, responsibleName: `community ${street.suffix}` });
      const [row] = await query<{ responsible_user_id: string }>('SELECT responsible_user_id FROM organizations WHERE id = $1', [street.org.grid]);
      expect(row.responsible_user_id).toBe(street.user.community.id);
    });

    it("refuses anyone else: another community's user, a unit's, nobody, a user turned away; and on a non-grid", async () => {
      const put = (body: unknown) => refusedNaming('responsibleUserId', 'PUT', `/organizations/${street.org.otherGrid}`, street.adminToken, body);
      expect((await put({ responsibleUserId: street.user.community.id })).message).toMatch(/is not a user of Liaoyuan Grid 1/);
      await put({ responsibleUserId: street.user.housing.id });
      await put({ responsibleUserId: '00000000-0000-4000-8000-000000000000' });
      await put({ responsibleUserId: 'not-a-uuid' });
      await refusedNaming('responsibleUserId', 'PUT', `/organizations/${street.org.housing}`, street.adminToken, {
        responsibleUserId: street.user.housing.id,
      });
      await refusedNaming('responsibleUserId', 'POST', '/organizations', street.adminToken, {
        name: `Liaoyuan Grid 2 ${street.suffix}`,
        kind: 'grid',
        parentId: street.org.otherCommunity,
        responsibleUserId: street.user.community.id,
      });

      // A deactivated user is no grid member.
      const username = `retired-${street.suffix}`;
      const retired = expectStatus(
        await call('POST', '/users', {
          token: street.adminToken,
          body: {
            username,
            password: 'street-test-password',
            displayName: `Retired ${street.suffix}`,
            roles: ['community'],
            organizationId: street.org.otherCommunity,
          },
        }),
        201,
      ).body;
      expectStatus(await call('PUT', `/users/${retired.id}`, { token: street.adminToken, body: { active: false } }), 200);
      expect((await put({ responsibleUserId: retired.id })).message).toMatch(/deactivated/);
    });

    it('goes with a new grid, and keeps fitting it: the grid does not move away from its responsible', async () => {
      const created = expectStatus(
        await call('POST', '/organizations', {
          token: street.adminToken,
          body: {
            name: `Liaoyuan Grid 3 ${street.suffix}`,
            kind: 'grid',
            parentId: street.org.otherCommunity,
            responsibleUserId: street.user.otherCommunity.id,
          },
        }),
        201,
      ).body;
      expect(created).toMatchObject({ responsibleUserId: street.user.otherCommunity.id, responsibleName: `other-community ${street.suffix}` });
      await refusedNaming('responsibleUserId', 'PUT', `/organizations/${created.id}`, street.adminToken, { parentId: street.org.community });
      // Cleared, it may move.
      const moved = expectStatus(
        await call('PUT', `/organizations/${created.id}`, {
          token: street.adminToken,
          body: { parentId: street.org.community, responsibleUserId: null },
        }),
        200,
      ).body;
      expect(moved).toMatchObject({ parentId: street.org.community, responsibleUserId: null, responsibleName: null });
    });
  });

  describe('a point on the map', () => {
    it('is kept on the case: in its answer, its page, the list and the projection', async () => {
      const location = { latitude: 31.278411, longitude: 121.525703 };
      const opened = await openCase(street, { gridId: street.org.grid, location });
      expect(opened.location).toEqual(location);
      expect(expectStatus(await call('GET', `/cases/${opened.id}`, { token: street.token.coordinator }), 200).body.location).toEqual(location);
      const [inList] = (await listed(street.token.coordinator, { id: opened.id })).body;
      expect(inList.location).toEqual(location);
      const [row] = await query<{ latitude: number; longitude: number; grid_id: string }>(
        'SELECT latitude, longitude, grid_id FROM cases WHERE id = $1',
        [opened.id],
      );
      expect(row).toEqual({ latitude: location.latitude, longitude: location.longitude, grid_id: street.org.grid });

      const without = await openCase(street);
      expect(without.location).toBeNull();
      const [bare] = await query('SELECT latitude, longitude, grid_id FROM cases WHERE id = $1', [without.id]);
      expect(bare).toEqual({ latitude: null, longitude: null, grid_id: null });
    });

    it.each([
      [{ latitude: 90.5, longitude: 121.5 }, 'location.latitude'],
      [{ latitude: -91, longitude: 121.5 }, 'location.latitude'],
      [{ latitude: 31.2, longitude: 180.01 }, 'location.longitude'],
      [{ latitude: 31.2, longitude: -200 }, 'location.longitude'],
      [{ latitude: '31.2', longitude: 121.5 }, 'location.latitude'],
      [{ latitude: 31.2 }, 'location.longitude'],
      [{ latitude: 31.2, longitude: 121.5, altitude: 3 }, 'location'],
      [null, 'location'],
    ])('refuses %j with a 400 naming %s, opening nothing', async (location, field) => {
      const before = await footprint();
      const refused = expectStatus(
        await call('POST', '/cases', { token: street.token.community, body: whistleBody(street, { location }) }),
        400,
      ).body;
      expect(JSON.stringify(refused)).toContain(field);
      expect(await footprint()).toEqual(before);
    });
  });

  describe('the list by grid', () => {
    let inGrid: string[];
    let inOtherGrid: string;
    let located: string;
    beforeAll(async () => {
      inGrid = [(await openCase(street, { gridId: street.org.grid })).id, (await openCase(street, { gridId: street.org.grid })).id];
      located = (await openCase(street, { gridId: street.org.grid, location: { latitude: 31.27, longitude: 121.52 } })).id;
      inOtherGrid = (await openCase(street, { communityId: street.org.otherCommunity, gridId: street.org.otherGrid }, street.token.otherCommunity))
        .id;
      await openCase(street); // in no grid
    });

    it("lists only that grid's cases, with the total in Content-Range", async () => {
      const grid = await listed(street.token.coordinator, { gridId: street.org.grid });
      const expected = (await query<{ id: string }>('SELECT id FROM cases WHERE grid_id = $1', [street.org.grid])).map((r) => r.id).sort();
      expect(ids(grid.body)).toEqual(expected);
      expect(ids(grid.body)).toEqual(expect.arrayContaining([...inGrid, located]));
      expect(grid.body.every((c: { gridId: string }) => c.gridId === street.org.grid)).toBe(true);
      expect(grid.headers.get('content-range')).toMatch(new RegExp(`/${expected.length}$`));
      expect(ids((await listed(street.token.coordinator, { gridId: street.org.otherGrid })).body)).toEqual([inOtherGrid]);
      expect(ids((await listed(street.token.coordinator, { gridId: [street.org.grid, street.org.otherGrid] })).body)).toEqual(
        [...expected, inOtherGrid].sort(),
      );
    });

    it('respects who may see what: a community finds no other community’s grid cases, a unit none it is not part of', async () => {
      expect((await listed(street.token.community, { gridId: street.org.otherGrid })).body).toEqual([]);
      expect((await listed(street.token.otherCommunity, { gridId: street.org.grid })).body).toEqual([]);
      expect((await listed(street.token.housing, { gridId: street.org.grid })).body).toEqual([]);
      expect(ids((await listed(street.token.otherCommunity, { gridId: street.org.otherGrid })).body)).toEqual([inOtherGrid]);
    });

    it('narrows to the cases with a point (the map view), and a grid that is no uuid matches nothing', async () => {
      const onMap = (await listed(street.token.coordinator, { gridId: street.org.grid, located: true })).body;
      expect(onMap.map((c: { id: string }) => c.id)).toContain(located);
      expect(onMap.every((c: { location: unknown }) => c.location !== null)).toBe(true);
      const offMap = (await listed(street.token.coordinator, { gridId: street.org.grid, located: false })).body;
      expect(ids(offMap)).toEqual(expect.arrayContaining(inGrid));
      expect(offMap.every((c: { location: unknown }) => c.location === null)).toBe(true);
      expect((await listed(street.token.coordinator, { gridId: 'grid six' })).body).toEqual([]);
      const refused = expectStatus(
        await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify({ located: 'yes' }))}`, { token: street.token.coordinator }),
        400,
      ).body;
      expect(JSON.stringify(refused)).toContain('filter.located');
    });
  });

  it("the migration's backfill fills the grid and point columns of cases written before them, from their states", async () => {
    const located = await openCase(street, { gridId: street.org.grid, location: { latitude: 36.0871, longitude: 120.3745 } });
    const freeText = await openCase(street, { gridId: street.org.grid });
    const bare = await openCase(street);
    const dataSource = await openDataSource(process.env.DATABASE_URL!, { extra: { max: 1 } });
    try {
      // One connection: a temporary copy of the three rows as the migration found old cases (columns empty; one with a
      // free-text grid from before grids were directory data) shadows \`cases\` for this session only.
      await dataSource.query('CREATE TEMP TABLE cases (LIKE public.cases)');
      await dataSource.query('INSERT INTO cases SELECT * FROM public.cases WHERE id = ANY($1::uuid[])', [[located.id, freeText.id, bare.id]]);
      await dataSource.query('UPDATE cases SET grid_id = NULL, latitude = NULL, longitude = NULL');
      await dataSource.query(`UPDATE cases SET state = jsonb_set(state, '{gridId}', '"Grid six"') WHERE id = $1`, [freeText.id]);
      for (const statement of BACKFILL_CASE_PLACES) await dataSource.query(statement);
      const rows: { id: string; grid_id: string | null; latitude: number | null; longitude: number | null }[] = await dataSource.query(
        'SELECT id, grid_id, latitude, longitude FROM cases',
      );
      const byId = Object.fromEntries(rows.map(({ id, ...columns }) => [id, columns]));
      expect(byId).toEqual({
        [located.id]: { grid_id: street.org.grid, latitude: 36.0871, longitude: 120.3745 },
        [freeText.id]: { grid_id: null, latitude: null, longitude: null },
        [bare.id]: { grid_id: null, latitude: null, longitude: null },
      });
    } finally {
      await dataSource.destroy();
    }
  });

  it("gives the console the deployment's map settings", async () => {
    const config = expectStatus(await call('GET', '/console-config', { token: street.token.community }), 200).body;
    expect(config.map).toEqual({
      tileUrl: process.env.WHISTLE_MAP_TILE_URL ?? null,
      attribution: expect.any(String),
      center: { latitude: expect.any(Number), longitude: expect.any(Number), zoom: expect.any(Number) },
    });
  });
});
