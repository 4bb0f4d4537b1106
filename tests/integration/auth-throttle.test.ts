import { openDataSource } from '@whistle/persistence';
import { request } from 'node:http';
import type { DataSource } from 'typeorm';
import { call, expectStatus } from '../support/api';
import { freePortSync } from '../support/ports';
import { startAppProcess, type AppProcess } from '../support/processes';
import { createTestStreet, type TestStreet } from '../support/street';

/**
 * The sign-in throttle against a real API of its own (its counts live in its memory, so the shared API's
 * other suites are never locked out), configured as production behind a reverse proxy: only 127.0.0.2 is
 * a trusted proxy. Other loopback addresses (127.0.0.3...) play clients connecting directly, whose
 * X-Forwarded-For must count for nothing.
 */
const PROXY = '127.0.0.2';
const PASSWORD = 'street-test-password';

describe('sign-in throttle', () => {
  const port = freePortSync();
  let api: AppProcess;
  let street: TestStreet;
  let db: DataSource;

  beforeAll(async () => {
    [api, street, db] = await Promise.all([
      startAppProcess('api', { PORT: String(port), WHISTLE_TRUSTED_PROXIES: `${PROXY}/32` }),
      createTestStreet(),
      openDataSource(process.env.DATABASE_URL!),
    ]);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.destroy();
  });

  /** POST /api/auth/login from a given local address, with whatever X-Forwarded-For the sender chooses. */
  function signIn(from: string, username: string, password: string, forwardedFor?: string) {
    const body = JSON.stringify({ username, password });
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
    return new Promise<{ status: number; retryAfter?: string; body: any }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, localAddress: from, method: 'POST', path: '/api/auth/login', headers }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(text) }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  const auditOf = (kind: string, username: string) =>
    db.query(`SELECT address, data FROM audit_entries WHERE kind = $1 AND actor_username = $2 ORDER BY seq`, [kind, username]) as Promise<
      { address: string; data: any }[]
    >;
  const newAccount = async (name: string) => {
    const username = `${name}-${street.suffix}`;
    expectStatus(
      await call('POST', '/users', {
        token: street.adminToken,
        body: { username, password: PASSWORD, displayName: name, roles: ['department'], organizationId: street.org.housing },
      }),
      201,
    );
    return username;
  };

  it('locks an account after ten failures, however X-Forwarded-For rotates, and says when to come back', async () => {
    const username = await newAccount('rotated');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await signIn('127.0.0.3', username, 'wrong-password', `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const limited = await signIn('127.0.0.3', username, 'wrong-password', '198.51.100.99');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.retryAfter)).toBeGreaterThan(50);
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(60);
    // Locked is locked: even the right password waits, from another address too, so guessing gains nothing.
    expect((await signIn('127.0.0.4', username, PASSWORD)).status).toBe(429);
    // The failures were counted against the connection's address, not the header's claims.
    const failures = await auditOf('auth.sign_in_failed', username);
    expect(failures).toHaveLength(10);
    expect(new Set(failures.map((f) => f.address))).toEqual(new Set(['127.0.0.3']));
    expect(failures.every((f) => f.data.username === username && !('password' in f.data))).toBe(true);
    // The lock is recorded once, however many attempts it refuses.
    const throttled = await auditOf('auth.sign_in_throttled', username);
    expect(throttled.map((t) => t.data.limit)).toEqual(['account']);
  });

  it('locks an address that tries many accounts, however X-Forwarded-For rotates, and only that address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await signIn('127.0.0.5', `sprayed-${i}-${street.suffix}`, 'Password123!', `203.0.113.${i + 1}`)).status);
    expect(statuses).toEqual(Array(30).fill(401));
    const sprayer = await signIn('127.0.0.5', `sprayed-last-${street.suffix}`, 'Password123!', '203.0.113.200');
    expect(sprayer.status).toBe(429);
    expect(Number(sprayer.retryAfter)).toBeGreaterThan(0);
    // The sprayer's own account is refused too: an address lock holds whatever account it tries.
    expect((await signIn('127.0.0.5', street.user.sewage.username, PASSWORD)).status).toBe(429);
    // Everyone else signs in.
    expect((await signIn('127.0.0.6', street.user.sewage.username, PASSWORD)).status).toBe(200);
  });

  it("naming a victim's address in X-Forwarded-For locks the sender out, never the victim", async () => {
    const victim = await newAccount('victim');
    const victimAddress = '192.0.2.10';
    // A client connecting directly, claiming to be the victim.
    for (let i = 0; i < 31; i++) await signIn('127.0.0.7', `framed-${i}-${street.suffix}`, 'Password123!', victimAddress);
    expect((await signIn('127.0.0.7', `framed-more-${street.suffix}`, 'Password123!', victimAddress)).status).toBe(429);
    // A client behind the trusted proxy, claiming the same: the proxy appends the address it saw connect.
    for (let i = 0; i < 31; i++) await signIn(PROXY, `framed-via-proxy-${i}-${street.suffix}`, 'Password123!', `${victimAddress}, 198.51.100.66`);
    expect((await signIn(PROXY, `framed-via-proxy-more-${street.suffix}`, 'Password123!', `${victimAddress}, 198.51.100.66`)).status).toBe(429);
    // The victim, through the proxy from their own address, is not held up by either.
    const signedIn = await signIn(PROXY, victim, PASSWORD, victimAddress);
    expect(signedIn.status).toBe(200);
    const [entry] = await auditOf('auth.sign_in', victim);
    expect(entry.address).toBe(victimAddress);
  });

  it('believes X-Forwarded-For from the trusted proxy only', async () => {
    // Through the proxy, each client is its own address: one locked client behind it does not lock another.
    for (let i = 0; i < 30; i++) await signIn(PROXY, `proxied-${i}-${street.suffix}`, 'Password123!', '198.51.100.77');
    expect((await signIn(PROXY, `proxied-more-${street.suffix}`, 'Password123!', '198.51.100.77')).status).toBe(429);
    expect((await signIn(PROXY, street.user.emergency.username, PASSWORD, '198.51.100.78')).status).toBe(200);
  });
});
