import { randomUUID } from 'node:crypto';
import { openDataSource } from '@whistle/persistence';
import { freePortSync } from '../support/ports';
import { call, expectStatus, login } from '../support/api';
import { toFeedback, toResolution } from '../support/cases';
import { createTestStreet, whistleBody, type TestStreet } from '../support/street';
import { startAppProcess, type AppProcess } from '../support/processes';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('HTTP edges of the shared API', () => {
  let street: TestStreet;
  beforeAll(async () => {
    street = await createTestStreet();
  });

  it('sends security headers and forbids caching on every authenticated answer, errors included', async () => {
    const answers = [
      await call('GET', '/auth/me', { token: street.token.coordinator }),
      await call('GET', '/cases/not-a-case', { token: street.token.coordinator }),
      await call('GET', '/auth/me'),
    ];
    for (const response of answers) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('answers browsers only from the configured console origins', async () => {
    const allowed = await fetch(`${process.env.WHISTLE_API_URL}/api/health`, { headers: { origin: 'http://console.test' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://console.test');
    expect(allowed.headers.get('access-control-expose-headers')).toMatch(/Content-Range/i);
    const other = await fetch(`${process.env.WHISTLE_API_URL}/api/health`, { headers: { origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${process.env.WHISTLE_API_URL}/api/cases`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("closes a resident's link when the case does not await feedback, saying nothing about the case", async () => {
    const inResolution = await toResolution(street);
    const link = expectStatus(await call('GET', `/cases/${inResolution.id}/feedback-link`, { token: street.token.community }), 200).body;
    expect(link.expiresAt).toBeNull();
    const gone = expectStatus(await call('GET', `/public/feedback/${link.token}`), 410);
    expect(JSON.stringify(gone.body)).not.toContain(inResolution.code);
    expect(JSON.stringify(gone.body)).not.toContain(inResolution.title);
    expectStatus(await call('POST', `/public/feedback/${link.token}`, { body: { satisfaction: 5 } }), 410);
    expect(expectStatus(await call('GET', `/cases/${inResolution.id}`, { token: street.token.community }), 200).body.stage).toBe('resolution');
  });
});

/**
 * Limits and expiry with small numbers, on an API process of its own (the shared one runs with generous limits so
 * that the other suites can drive cases fast). It shares the database and the worker with the rest.
 */
describe('limits and link expiry (an API with tight settings)', () => {
  let street: TestStreet;
  let api: AppProcess;
  const port = freePortSync();
  const baseUrl = `http://127.0.0.1:${port}`;
  const LINK_TTL_SECONDS = 8;

  beforeAll(async () => {
    street = await createTestStreet();
    api = await startAppProcess('api', {
      PORT: String(port),
      WHISTLE_RATE_LIMIT_WRITES: '3',
      WHISTLE_RATE_LIMIT_PUBLIC: '4',
      WHISTLE_CASES_PER_COMMUNITY_HOUR: '2',
      WHISTLE_FEEDBACK_LINK_TTL: `PT${LINK_TTL_SECONDS}S`,
      WHISTLE_AUDIT_REFUSALS_PER_ADDRESS: '2',
    });
  });
  afterAll(() => api?.stop());

  it('caps the cases one community opens in an hour, with Retry-After, and opens nothing more', async () => {
    const community = street.token.community;
    expectStatus(await call('POST', '/cases', { token: community, body: whistleBody(street), baseUrl }), 201);
    expectStatus(await call('POST', '/cases', { token: community, body: whistleBody(street), baseUrl }), 201);
    const refused = expectStatus(await call('POST', '/cases', { token: community, body: whistleBody(street), baseUrl }), 429);
    expect(refused.body.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
    const listed = await call('GET', `/cases?filter=${encodeURIComponent(JSON.stringify({ communityId: street.org.community }))}`, {
      token: street.token.coordinator,
    });
    expect(listed.body).toHaveLength(2);
    // Another community of the street is not held back by this one.
    expectStatus(
      await call('POST', '/cases', {
        token: street.token.coordinator,
        body: whistleBody(street, { communityId: street.org.otherCommunity }),
        baseUrl,
      }),
      201,
    );
  });

  it("limits each user's writes per minute, without holding back anybody else", async () => {
    const partner = street.token.partner;
    for (let i = 0; i < 3; i++) expectStatus(await call('POST', '/notifications/read-all', { token: partner, body: {}, baseUrl }), 200);
    const refused = expectStatus(await call('POST', '/notifications/read-all', { token: partner, body: {}, baseUrl }), 429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'rate_limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Reads are not writes, and another user has a budget of their own.
    expectStatus(await call('GET', '/auth/me', { token: partner, baseUrl }), 200);
    expectStatus(await call('POST', '/notifications/read-all', { token: street.token.sewage, body: {}, baseUrl }), 200);
  });

  it(`opens a feedback link for ${LINK_TTL_SECONDS} s after the case entered feedback, then answers 410 and changes nothing`, async () => {
    const inFeedback = await toFeedback(street); // through the shared API
    const link = expectStatus(await call('GET', `/cases/${inFeedback.id}/feedback-link`, { token: street.token.community, baseUrl }), 200).body;
    expect(Date.parse(link.expiresAt) - Date.parse(inFeedback.stageEnteredAt)).toBe(LINK_TTL_SECONDS * 1000);
    expect(expectStatus(await call('GET', `/public/feedback/${link.token}`, { baseUrl }), 200).body).toMatchObject({
      code: inFeedback.code,
      awaitingFeedback: true,
    });
    await sleep(Math.max(0, Date.parse(link.expiresAt) - Date.now()) + 200);
    const gone = expectStatus(await call('GET', `/public/feedback/${link.token}`, { baseUrl }), 410);
    expect(gone.body).toEqual({
      statusCode: 410,
      error: 'Gone',
      code: 'gone',
      reason: 'gone',
      params: {},
      message: 'this feedback link is no longer open',
    });
    expectStatus(await call('POST', `/public/feedback/${link.token}`, { body: { satisfaction: 1 }, baseUrl }), 410);
    const after = expectStatus(await call('GET', `/cases/${inFeedback.id}`, { token: street.token.community }), 200).body;
    expect(after).toMatchObject({ stage: 'feedback', version: inFeedback.version, feedback: inFeedback.feedback });
  });

  it('records only a few refusals per address a minute, so a flood of bad tokens is not a flood of audit rows', async () => {
    const path = `/cases/${randomUUID()}`;
    for (let i = 0; i < 5; i++) expectStatus(await call('GET', path, { token: 'not-a-token', baseUrl }), 401);
    const db = await openDataSource(process.env.DATABASE_URL!);
    try {
      const rows = (await db.query(`SELECT count(*)::int AS count FROM audit_entries WHERE kind = 'auth.refused' AND data->>'path' = $1`, [
        `/api${path}`,
      ])) as {
        count: number;
      }[];
      expect(rows[0].count).toBe(2);
    } finally {
      await db.destroy();
    }
  });

  it('limits public requests per address, with Retry-After', async () => {
    // The link test above used three of the four; sign-in counts as public too.
    expectStatus(await call('GET', '/public/feedback/not-a-token', { baseUrl }), 404);
    const refused = expectStatus(await call('GET', '/public/feedback/not-a-token', { baseUrl }), 429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expectStatus(
      await call('POST', '/auth/login', { body: { username: street.user.coordinator.username, password: 'street-test-password' }, baseUrl }),
      429,
    );
    // Signed-in reads are not public requests.
    expectStatus(await call('GET', '/auth/me', { token: await login(street.user.coordinator.username, 'street-test-password'), baseUrl }), 200);
  });
});
