// The case list at a city's size (README "Benchmarks"): --closed terminal and --open open cases in PostgreSQL,
// then the lists people open, each as GET /api/cases beside the same SQL straight through `pg`, interleaved
// request by request at a fixed rate (open loop), p95 compared.
// Run: npm run bench:case-list [-- --quick] [-- --closed 1000000 --open 50000 --requests 200 --rate 4]
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parseFlags } from './lib/args.js';
import { ALL_STAGES, TITLE_WORDS } from './lib/case-list-rows.js';
import { caseListVerdict, runCaseList } from './lib/case-list.js';
import { benchDirectory, insertCaseRows, templateCase } from './lib/case-list-seed.js';
import { benchStack } from './lib/fixture.js';
import { writeResult } from './lib/results.js';
import { formatTable, ratio } from './lib/table.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flags = parseFlags(process.argv.slice(2));
const quick = flags.quick === true;
const options = {
  closed: flags.closed ?? (quick ? 100_000 : 1_000_000),
  open: flags.open ?? (quick ? 5_000 : 50_000),
  streets: flags.streets ?? 10,
  communities: flags.communities ?? 200,
  departments: flags.departments ?? 20,
  requests: flags.requests ?? (quick ? 60 : 200),
  rate: flags.rate ?? 4,
};
const loadAverageAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
const log = (line) => console.log(line);

const bench = await benchStack(root);
const db = new pg.Pool({ connectionString: bench.stack.env.DATABASE_URL, max: 10 });
let results;
try {
  log(`directory: ${options.streets} streets, ${options.communities} communities, ${options.departments} departments`);
  const directory = await benchDirectory(bench, options);
  const templateId = await templateCase(bench, db);
  log(`inserting ${options.closed} closed and ${options.open} open cases`);
  const table = await insertCaseRows(db, { templateId, directory, ...options, log });
  log(`cases: ${table.rows} rows, ${table.tableMiB} MiB with indexes (insert ${table.insertSeconds} s, vacuum ${table.vacuumSeconds} s)`);
  const lists = await runCaseList({ bench, db, directory, stages: ALL_STAGES, words: TITLE_WORDS, ...options, log });
  results = { table, lists, processes: bench.sampler.mark() };
} finally {
  await db.end();
  await bench.stop();
}

const rows = results.lists.map((l) => ({
  list: l.name,
  rows: l.total,
  api95: l.api.p95,
  sql95: l.sql.p95,
  ratio: ratio(l.api.p95, l.sql.p95),
  api50: l.api.p50,
  sql50: l.sql.p50,
  api99: l.api.p99,
  errors: l.api.errors + l.sql.errors,
  verdict: caseListVerdict(l),
}));
const columns = [
  { key: 'list', label: 'list (first page)' },
  { key: 'rows', label: 'matching' },
  { key: 'api95', label: 'API p95 ms' },
  { key: 'sql95', label: 'SQL p95 ms' },
  { key: 'ratio', label: 'API/SQL' },
  { key: 'api50', label: 'API p50' },
  { key: 'sql50', label: 'SQL p50' },
  { key: 'api99', label: 'API p99' },
  { key: 'errors', label: 'errors' },
  { key: 'verdict', label: 'goal (p95 <= 300 ms, <= 1.5x)' },
];
const file = writeResult(root, { benchmark: 'case-list', parameters: { ...options, flags, loadAverageAtStart }, results });
console.log(
  `\nCase list: ${results.table.rows} cases (${options.closed} closed, ${options.open} open), ${options.requests} requests a path at ${options.rate}/s each, interleaved` +
    `\n(API = GET /api/cases as the console asks it; SQL = the page and count queries the API issues, through pg)\n` +
    `${formatTable(columns, rows)}\n\nload average at start ${loadAverageAtStart.join(' ')}, at end ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}\nresult: ${path.relative(root, file)}`,
);
