import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_URL, call, expectStatus, login } from '../support/api';
import { openCase, toFeedback } from '../support/cases';
import { serveFingerprints, type Fingerprint } from '../support/fingerprint';
import { ensureSchemathesis, SCHEMATHESIS_VERSION } from '../support/schemathesis';
import { createTestStreet, type TestStreet } from '../support/street';
import { connectTemporal } from '../support/temporal';

/**
 * A property-based fuzz run driven by the API's own OpenAPI document (Schemathesis): anonymous, as a
 * community user and as an admin. Every response must be documented (status, headers, body schema), no
 * request may give a 5xx, and every refused request (4xx) must leave the database and the workflows as
 * they were. Bounded here; `npm run test:fuzz` runs it longer (WHISTLE_FUZZ_SECONDS per identity).
 */
const SECONDS_PER_IDENTITY = Number(process.env.WHISTLE_FUZZ_SECONDS ?? 40);
const LOG_DIR = path.join(__dirname, '../../.data/fuzz');

const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'ignored_auth',
  'refused_requests_change_nothing',
];

interface FuzzResult {
  exitCode: number;
  output: string;
  requests: number;
  byStatus: Record<string, number>;
  refusalsCompared: number;
  seconds: number;
}

let st: string;
let street: TestStreet;
let workDir: string;
let fingerprints: Awaited<ReturnType<typeof serveFingerprints>>;
let temporal: Awaited<ReturnType<typeof connectTemporal>>;
let knownIds: Record<string, Record<string, string[]>>;
let protectedUsernames: string[];
let mutableUserIds: string[];
let adminToken: string;

async function fuzz(name: string, token?: string): Promise<FuzzResult> {
  const statsFile = path.join(workDir, `${name}.json`);
  const args = [
    'run',
    `${API_URL()}/api/docs-json`,
    '--url',
    API_URL(),
    '--checks',
    CHECKS.join(','),
    '--max-time',
    String(SECONDS_PER_IDENTITY),
    // One request at a time: the refusal check compares fingerprints around each request.
    '--workers',
    '1',
    '--request-timeout',
    '15',
    '--generation-database',
    'none',
    // Signed in, logging out or changing the password would revoke the token this run uses for everything
    // after it (and wrong current passwords would lock the account): those two are fuzzed anonymously only.
    ...(token ? ['--exclude-path', '/api/auth/logout', '--exclude-path', '/api/auth/password'] : []),
    '--no-color',
    ...(token ? ['--header', `Authorization: Bearer ${token}`] : []),
  ];
  const started = Date.now();
  const child = spawn(st, args, {
    cwd: workDir,
    env: {
      ...process.env,
      PYTHONPATH: path.join(__dirname, '../fuzz'),
      SCHEMATHESIS_HOOKS: 'whistle_hooks',
      FUZZ_FINGERPRINT_URL: fingerprints.url,
      FUZZ_STATS_FILE: statsFile,
      FUZZ_KNOWN_IDS: JSON.stringify(knownIds),
      FUZZ_PROTECTED_USERNAMES: protectedUsernames.join(','),
      FUZZ_MUTABLE_USER_IDS: mutableUserIds.join(','),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as Pick<FuzzResult, 'requests' | 'byStatus' | 'refusalsCompared'>;
  const result = { exitCode, output, ...stats, seconds: (Date.now() - started) / 1000 };
  console.log(
    `fuzz ${name} (schemathesis ${SCHEMATHESIS_VERSION}): ${result.requests} requests in ${result.seconds.toFixed(0)} s, ` +
      `by status ${JSON.stringify(result.byStatus)}, ${result.refusalsCompared} refusals checked for changes`,
  );
  return result;
}

/** The failures and errors Schemathesis reports, each with its reproducing curl, long lines cut. */
function findings(output: string): string {
  const start = output.search(/^=+ (ERRORS|FAILURES) =+$/m);
  const end = output.search(/^=+ SUMMARY =+$/m);
  const section = start >= 0 ? output.slice(start, end > start ? end : undefined) : output.slice(-6000);
  return section
    .split('\n')
    .map((line) => (line.length > 600 ? `${line.slice(0, 600)}... (cut)` : line))
    .join('\n')
    .slice(0, 15000);
}

function expectClean(name: string, result: FuzzResult): void {
  const log = path.join(LOG_DIR, `${name}.log`);
  writeFileSync(log, result.output);
  if (result.exitCode !== 0)
    throw new Error(`schemathesis found problems (exit ${result.exitCode}; full output in ${log}):\n${findings(result.output)}`);
  expect(result.requests).toBeGreaterThan(100);
  // The refusal check ran: refused requests had their before/after fingerprints compared.
  expect(result.refusalsCompared).toBeGreaterThan(50);
}

beforeAll(async () => {
  st = ensureSchemathesis();
  mkdirSync(LOG_DIR, { recursive: true });
  workDir = mkdtempSync(path.join(os.tmpdir(), 'whistle-fuzz-'));
  street = await createTestStreet();
  // Its own admin, so the fuzzer never touches the real one's password, sessions or sign-in throttle.
  const fuzzAdmin = `fuzz-admin-${street.suffix}`;
  expectStatus(
    await call('POST', '/users', {
      token: street.adminToken,
      body: { username: fuzzAdmin, password: 'fuzz-admin-password-1', displayName: 'Fuzz admin', roles: ['admin'] },
    }),
    201,
  );
  adminToken = await login(fuzzAdmin, 'fuzz-admin-password-1');
  protectedUsernames = ['admin', fuzzAdmin, ...Object.values(street.user).map((u) => u.username)];
  // The one existing account the admin run may edit, reset and deactivate (besides those it creates itself).
  const target = expectStatus(
    await call('POST', '/users', {
      token: street.adminToken,
      body: {
        username: `fuzz-target-${street.suffix}`,
        password: 'fuzz-target-password-1',
        displayName: 'Fuzz target',
        roles: ['community'],
        organizationId: street.org.community,
      },
    }),
    201,
  ).body as { id: string };
  mutableUserIds = [target.id];

  // Real ids, so the fuzzer reaches existing resources: an open case, one awaiting feedback, a draft rule set.
  const open = await openCase(street);
  const awaiting = await toFeedback(street);
  const link = expectStatus(await call('GET', `/cases/${awaiting.id}/feedback-link`, { token: street.token.community }), 200).body;
  const ruleSet = expectStatus(
    await call('POST', '/rule-sets', { token: street.adminToken, body: { name: `fuzz ${street.suffix}`, categories: [`fuzz-${street.suffix}`] } }),
    201,
  ).body;
  const notifications = expectStatus(await call('GET', '/notifications', { token: street.token.community }), 200).body as { id: string }[];
  const auditRows = expectStatus(await call('GET', '/audit?range=[0,4]', { token: adminToken }), 200).body as { seq: string }[];
  const savedView = expectStatus(
    await call('POST', '/saved-views', { token: street.token.community, body: { name: 'fuzz', filter: { overdue: true } } }),
    201,
  ).body as { id: string };
  const cases = [open.id, awaiting.id];
  const organizations = Object.values(street.org);
  knownIds = {
    '/api/cases/{id}': { id: cases },
    '/api/cases/{id}/timeline': { id: cases },
    '/api/cases/{id}/feedback-link': { id: cases },
    '/api/cases/{id}/actions': { id: cases },
    '/api/public/feedback/{token}': { token: [link.token] },
    '/api/organizations/{id}': { id: organizations },
    '/api/rule-sets/{id}': { id: [ruleSet.id] },
    '/api/rule-sets/{id}/versions': { id: [ruleSet.id] },
    '/api/rule-sets/{id}/publish': { id: [ruleSet.id] },
    '/api/cases/{id}/reveal-phone': { id: cases },
    '/api/notifications/{notificationId}/read': { notificationId: notifications.slice(0, 5).map((n) => n.id) },
    '/api/users/{id}': { id: mutableUserIds },
    '/api/users/{id}/reset-password': { id: mutableUserIds },
    '/api/audit/{seq}': { seq: auditRows.map((row) => row.seq) },
    '/api/saved-views/{id}': { id: [savedView.id] },
  };
  temporal = await connectTemporal();
  fingerprints = await serveFingerprints(process.env.DATABASE_URL!, temporal.client, {
    communityIds: [street.org.community, street.org.otherCommunity],
  });
}, 600_000);

afterAll(async () => {
  await fingerprints?.close();
  await temporal?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const timeout = (SECONDS_PER_IDENTITY + 120) * 1000;

describe('fuzz run driven by the OpenAPI document', () => {
  it('fingerprints see an accepted write, and a refused one leaves them as they were', async () => {
    const read = async () => (await (await fetch(fingerprints.url)).json()) as Fingerprint;
    const before = await read();
    const body = { name: `fingerprint ${street.suffix}`, kind: 'partner' };
    expectStatus(await call('POST', '/organizations', { token: street.adminToken, body }), 201);
    const afterWrite = await read();
    expect(afterWrite.tables.organizations).not.toEqual(before.tables.organizations);
    expectStatus(await call('POST', '/organizations', { token: street.token.community, body }), 403);
    expect(await read()).toEqual(afterWrite);
  });

  it(
    'without a token: every answer is documented, nothing is a 5xx, and refusals change nothing',
    async () => {
      expectClean('anonymous', await fuzz('anonymous'));
    },
    timeout,
  );

  it(
    'as a community user',
    async () => {
      expectClean('community', await fuzz('community', street.token.community));
    },
    timeout,
  );

  it(
    'as an admin',
    async () => {
      expectClean('admin', await fuzz('admin', adminToken));
    },
    timeout,
  );

  it("leaves the run's own accounts as they were: still signed in, not locked out, passwords unchanged", async () => {
    for (const token of [adminToken, street.token.community, street.adminToken]) {
      expect(expectStatus(await call('GET', '/auth/me', { token }), 200).body.kind).toBe('user');
    }
    await login('admin', process.env.WHISTLE_ADMIN_PASSWORD!);
    await login(`fuzz-admin-${street.suffix}`, 'fuzz-admin-password-1');
    const community = expectStatus(await call('GET', `/users/${street.user.community.id}`, { token: adminToken }), 200).body;
    expect(community).toMatchObject({ active: true, mustChangePassword: false, roles: ['community'] });
  });
});
