import { setTimeout as sleep } from 'node:timers/promises';
import { caseRowsSql, OPEN_STAGES } from './case-list-rows.js';

/**
 * The directory the case list is measured in, made through the API as an admin would: `streets` streets sharing
 * `communities` communities (the bench stack's own street and community first), `departments` units that lead
 * cases, and a community user in the first community beside the stack's coordinator of the first street.
 */
export async function benchDirectory(bench, { streets, communities, departments }) {
  const { api, admin } = bench;
  const org = async (name, kind, parentId) => (await api('POST', '/organizations', admin, { name, kind, parentId })).id;
  const streetIds = [bench.street];
  for (let s = 1; s < streets; s++) streetIds.push(await org(`Bench street ${s}`, 'street'));
  const communityIds = [bench.community];
  const communityStreets = [bench.street];
  for (let c = 1; c < communities; c++) {
    const street = streetIds[c % streets];
    communityIds.push(await org(`Bench community ${c}`, 'community', street));
    communityStreets.push(street);
  }
  const departmentIds = [];
  for (let d = 0; d < departments; d++) departmentIds.push(await org(`Bench department ${d}`, 'department'));
  await api('POST', '/users', admin, {
    username: 'bench-community',
    password: 'bench-password',
    displayName: 'Community worker',
    roles: ['community'],
    organizationId: communityIds[0],
  });
  const communityUser = (await api('POST', '/auth/login', null, { username: 'bench-community', password: 'bench-password' })).accessToken;
  return { streetIds, communityIds, communityStreets, departmentIds, communityUser };
}

/**
 * One real case, opened through the API and its workflow, whose projection row every bulk row copies (so each row's
 * `state` is what the worker writes, not an invented shape). Waits for the worker to write it.
 */
export async function templateCase(bench, db) {
  const opened = await bench.openCase('template');
  for (let i = 0; i < 300; i++) {
    const { rows } = await db.query('SELECT id FROM cases WHERE id = $1', [opened.id]);
    if (rows.length) return opened.id;
    await sleep(100);
  }
  throw new Error(`the template case ${opened.id} never reached the projection`);
}

/**
 * Inserts `closed` terminal and `open` open cases straight into `cases`, set-based, in batches (one statement each,
 * so a batch is one transaction and progress shows), then vacuums and analyzes as autovacuum would on a live table.
 */
export async function insertCaseRows(db, { templateId, directory, closed, open, batch = 100_000, log = () => {} }) {
  const params = [templateId, directory.communityIds, directory.communityStreets, directory.departmentIds];
  const started = performance.now();
  for (const [kind, total] of [
    ['closed', closed],
    ['open', open],
  ]) {
    for (let from = 0; from < total; from += batch) {
      const count = Math.min(batch, total - from);
      await db.query(caseRowsSql({ kind, from, count, total }), kind === 'open' ? [...params, OPEN_STAGES] : params);
      log(`  ${kind}: ${from + count}/${total} rows (${Math.round((performance.now() - started) / 1000)} s)`);
    }
  }
  const insertSeconds = (performance.now() - started) / 1000;
  const vacuumStarted = performance.now();
  await db.query('VACUUM (ANALYZE) cases');
  const { rows } = await db.query(`SELECT pg_total_relation_size('cases') AS bytes, count(*)::int AS rows FROM cases`);
  return {
    rows: rows[0].rows,
    tableMiB: Math.round(Number(rows[0].bytes) / 1024 ** 2),
    insertSeconds: Math.round(insertSeconds),
    vacuumSeconds: Math.round((performance.now() - vacuumStarted) / 1000),
  };
}
