import { PAGE_SIZE, SCENARIOS, listSql, listUrl, pickFor } from './case-list-queries.js';
import { runOpenLoop } from './open-loop.js';
import { interleavedSchedule } from './schedule.js';

/** The goal for the case list: p95 within 300 ms and within 1.5 times the same SQL's. */
export const CASE_LIST_GOAL = { p95Ms: 300, ratio: 1.5 };

/** `met`, or which half of the goal a list missed. */
export function caseListVerdict({ api, sql }) {
  if (api.p95 === null || sql.p95 === null) return 'no samples';
  const misses = [];
  if (api.p95 > CASE_LIST_GOAL.p95Ms) misses.push(`p95 > ${CASE_LIST_GOAL.p95Ms} ms`);
  if (api.p95 > CASE_LIST_GOAL.ratio * sql.p95) misses.push(`> ${CASE_LIST_GOAL.ratio}x SQL`);
  return misses.length ? `missed: ${misses.join(', ')}` : 'met';
}

/** The total in `Content-Range: cases 0-9/1234`. */
const rangeTotal = (header) => Number(/\/(\d+)$/.exec(header ?? '')?.[1]);

/**
 * Each scenario's list as the API answers it and as the SQL it issues (the auth guard's user read, the page, and
 * the count when the page is full) answers it through `pg`: first checked to return the same rows and total, then
 * sampled interleaved at `rate` a second each for `requests` requests, and its plan recorded (EXPLAIN ANALYZE).
 */
export async function runCaseList({ bench, db, directory, stages, words, requests, rate, log = () => {} }) {
  const userId = async (username) => (await db.query('SELECT id FROM users WHERE username = $1', [username])).rows[0].id;
  const actors = {
    coordinator: { token: bench.coordinator, userId: await userId('bench-coordinator'), scope: { streetId: bench.street } },
    community: { token: directory.communityUser, userId: await userId('bench-community'), scope: { communityId: directory.communityIds[0] } },
  };
  const streetCommunities = directory.communityIds.filter((_, i) => directory.communityStreets[i] === bench.street);
  const lists = [];
  for (const scenario of SCENARIOS) {
    const actor = actors[scenario.actor];
    const query = (k) => ({ filter: scenario.filter(pickFor(k, { streetCommunities, stages, words })), sort: scenario.sort });
    const viaApi = async (k) => {
      const response = await fetch(`${bench.stack.apiUrl}/api${listUrl(query(k))}`, { headers: { authorization: `Bearer ${actor.token}` } });
      const body = await response.json();
      if (!response.ok) throw new Error(`GET /api/cases: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
      return { ids: body.map((c) => c.id), total: rangeTotal(response.headers.get('content-range')) };
    };
    const viaSql = async (k) => {
      const { page, count } = listSql({ scope: actor.scope, ...query(k) });
      await db.query('SELECT * FROM users u WHERE u.id = $1 AND u.active = true LIMIT 1', [actor.userId]);
      const client = await db.connect();
      try {
        const { rows } = await client.query(page);
        const total = rows.length === PAGE_SIZE ? Number((await client.query(count)).rows[0].cnt) : rows.length;
        return { ids: rows.map((r) => r.id), total };
      } finally {
        client.release();
      }
    };
    // Both paths must answer the same list, or the comparison means nothing.
    const [api, sql] = [await viaApi(0), await viaSql(0)];
    if (JSON.stringify(api) !== JSON.stringify(sql)) {
      throw new Error(`${scenario.name}: the API and the SQL disagree: ${JSON.stringify({ api, sql }).slice(0, 600)}`);
    }
    for (let k = 1; k <= 3; k++) await Promise.all([viaApi(k), viaSql(k)]);
    log(`${scenario.name}: ${api.total} matching; ${requests} requests a path at ${rate}/s`);
    const counters = { api: 0, sql: 0 };
    const durationMs = (requests / rate) * 1000;
    const streams = await runOpenLoop({
      schedule: interleavedSchedule(['api', 'sql'], rate, durationMs),
      send: (stream) => (stream === 'api' ? viaApi : viaSql)(counters[stream]++),
      durationMs,
    });
    lists.push({
      name: scenario.name,
      goal: scenario.goal === true,
      total: api.total,
      api: streams.api,
      sql: streams.sql,
      plan: await planOf(db, actor, query(0)),
    });
  }
  return lists;
}

/** EXPLAIN ANALYZE of the page and count queries: each plan's text and its execution time. */
async function planOf(db, actor, query) {
  const { page, count } = listSql({ scope: actor.scope, ...query });
  const explain = async ({ text, values }) => {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    const lines = rows.map((r) => r['QUERY PLAN']);
    return { executionMs: Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1]), lines };
  };
  return { page: await explain(page), count: await explain(count) };
}
