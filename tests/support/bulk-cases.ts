import { call, expectStatus, login } from './api';
import { openCase } from './cases';
import { query } from './database';
import type { TestStreet } from './street';

/** A street of its own holding many cases, for the suites that export or list thousands of rows. */
export interface BulkStreet {
  suffix: string;
  streetId: string;
  communityId: string;
  /** Its coordinator, who sees exactly these cases. */
  username: string;
  password: string;
  token: string;
  /** The one real case, opened through the API, whose projection row the others copy. */
  templateTitle: string;
  /** Deletes the copied rows (the template case stays, like every suite's cases). */
  remove(): Promise<void>;
}

/**
 * Starting thousands of workflows would take many minutes, so the cases are projection rows written straight into
 * `cases` (exports and lists read only the projection): one real case gives the state every row copies, with its own
 * id, code `EX-<suffix>-00001`…, title `Bulk case <n>, "quoted"` and a creation time a second apart (case 1 newest).
 * The street, community and coordinator are created here and used by no other suite, so no one else sees them.
 */
export async function createBulkStreet(count: number): Promise<BulkStreet> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const adminToken = await login('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
  const org = async (name: string, kind: string, parentId?: string) =>
    expectStatus(await call('POST', '/organizations', { token: adminToken, body: { name, kind, parentId } }), 201).body.id as string;
  const streetId = await org(`Bulk export street ${suffix}`, 'street');
  const communityId = await org(`Bulk export community ${suffix}`, 'community', streetId);
  const username = `bulk-coordinator-${suffix}`;
  const password = 'bulk-export-password';
  expectStatus(
    await call('POST', '/users', {
      token: adminToken,
      body: { username, password, displayName: 'Bulk coordinator', roles: ['coordinator'], organizationId: streetId },
    }),
    201,
  );
  const token = await login(username, password);
  const templateTitle = `Template ${suffix}`;
  const template = await openCase({ org: { community: communityId } } as TestStreet, { title: templateTitle }, token);
  await query(
    `INSERT INTO cases (id, code, workflow_id, title, category, urgency, community_id, street_id, stage, stage_entered_at, stage_due_at,
                        participant_organization_ids, reopen_count, version, state, created_at, updated_at)
     SELECT g.id, g.code, 'case-' || g.id, g.title, t.category, t.urgency, t.community_id, t.street_id, t.stage, t.stage_entered_at,
            t.stage_due_at, t.participant_organization_ids, 0, 1,
            t.state || jsonb_build_object('id', g.id, 'code', g.code, 'workflowId', 'case-' || g.id, 'title', g.title,
                                          'createdAt', to_char(g.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
            g.at, g.at
     FROM cases t,
          (SELECT gen_random_uuid() AS id, 'EX-${suffix}-' || lpad(n::text, 5, '0') AS code, 'Bulk case ' || n || ', "quoted"' AS title,
                  now() - interval '1 day' - n * interval '1 second' AS at
           FROM generate_series(1, ${Number(count)}) n) g
     WHERE t.id = $1`,
    [template.id],
  );
  return {
    suffix,
    streetId,
    communityId,
    username,
    password,
    token,
    templateTitle,
    remove: async () => {
      await query(`DELETE FROM cases WHERE street_id = $1 AND code LIKE $2`, [streetId, `EX-${suffix}-%`]);
    },
  };
}
