import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { openDataSource } from '@whistle/persistence';
import type { DataSource } from 'typeorm';

/**
 * Tables that change on a refused request by design: the audit trail records refusals (401/403, failed
 * sign-ins), and sign-in throttling remembers failures. Everything else must stay as it was.
 */
const CHANGES_ON_REFUSAL = /audit|login|throttle|migrations/i;

export interface Fingerprint {
  /** Per table: its row count and the newest row version (xmin), which any insert or update raises. */
  tables: Record<string, string>;
  /** Workflow executions Temporal knows of (started ones stay counted when they finish). */
  workflows: number;
}

/**
 * Case tables, scoped to the cases of some communities: the worker keeps writing reminders, events and
 * webhook attempts for other suites' cases while the fuzzer runs. The fuzzer's users can only reach their
 * own street's cases (the only case ids it knows), so a change elsewhere cannot be one of its requests.
 */
function caseScope(communityIds: readonly string[]): Record<string, string> {
  if (!communityIds.every((id) => /^[0-9a-f-]{36}$/i.test(id))) throw new Error('community ids must be UUIDs');
  const cases = `SELECT id FROM cases WHERE community_id IN (${communityIds.map((id) => `'${id}'`).join(', ')})`;
  return { cases: `id IN (${cases})`, case_events: `case_id IN (${cases})`, notifications: `case_id IN (${cases})` };
}

/** One query over every table: cheap enough to take before and after each fuzzed request. */
async function fingerprintQuery(db: DataSource, communityIds?: readonly string[]): Promise<string> {
  const names: { name: string }[] = await db.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const scope = communityIds ? caseScope(communityIds) : {};
  return names
    .filter(({ name }) => !CHANGES_ON_REFUSAL.test(name))
    .map(({ name }) => {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const where = scope[name] ? ` WHERE ${scope[name]}` : '';
      return `SELECT '${name.replace(/'/g, "''")}' AS name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS digest FROM ${quoted}${where}`;
    })
    .join(' UNION ALL ');
}

export async function fingerprint(db: DataSource, temporal: Client, query?: string): Promise<Fingerprint> {
  const [rows, { count }] = await Promise.all([
    db.query(query ?? (await fingerprintQuery(db))) as Promise<{ name: string; digest: string }[]>,
    temporal.workflow.count(),
  ]);
  return { tables: Object.fromEntries(rows.map((r) => [r.name, r.digest])), workflows: count };
}

/** Serves the fingerprint on loopback for the fuzzer's hooks (tests/fuzz/whistle_hooks.py). */
export async function serveFingerprints(
  databaseUrl: string,
  temporal: Client,
  options: { communityIds?: readonly string[] } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const db = await openDataSource(databaseUrl, { poolSize: 2 });
  // Tables only change with migrations, which run before the API starts: one query for the whole run.
  const query = await fingerprintQuery(db, options.communityIds);
  const server: Server = createServer((_, response) => {
    fingerprint(db, temporal, query).then(
      (value) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value)),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await db.destroy();
    },
  };
}
