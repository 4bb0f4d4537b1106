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
  /** Per table: row count and a digest of every row. */
  tables: Record<string, string>;
  /** Workflow executions Temporal knows of (started ones stay counted when they finish). */
  workflows: number;
}

export async function fingerprint(db: DataSource, temporal: Client): Promise<Fingerprint> {
  const names: { name: string }[] = await db.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const tables: Record<string, string> = {};
  for (const { name } of names) {
    if (CHANGES_ON_REFUSAL.test(name)) continue;
    const quoted = `"${name.replace(/"/g, '""')}"`;
    // Order-independent: the digest of the sorted row digests.
    const rows: { n: number; digest: string }[] = await db.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(d, '' ORDER BY d), '')) AS digest FROM (SELECT md5(t::text) AS d FROM ${quoted} t) rows`,
    );
    tables[name] = `${rows[0].n}:${rows[0].digest}`;
  }
  const { count } = await temporal.workflow.count();
  return { tables, workflows: count };
}

/** Serves the fingerprint on loopback for the fuzzer's hooks (tests/fuzz/whistle_hooks.py). */
export async function serveFingerprints(databaseUrl: string, temporal: Client): Promise<{ url: string; close: () => Promise<void> }> {
  const db = await openDataSource(databaseUrl, { poolSize: 2 });
  const server: Server = createServer((_, response) => {
    fingerprint(db, temporal).then(
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
