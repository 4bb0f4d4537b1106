import { openDataSource } from '@whistle/persistence';
import { randomBytes, scryptSync } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { call, expectStatus, login } from '../support/api';
import { createTestStreet, type TestStreet } from '../support/street';

const PASSWORD = 'street-test-password';

/** Accounts over their life, against the real API: edits, deactivation, resets, password changes, sign-out. */
describe('user lifecycle', () => {
  let street: TestStreet;
  let db: DataSource;

  beforeAll(async () => {
    [street, db] = await Promise.all([createTestStreet(), openDataSource(process.env.DATABASE_URL!)]);
  });
  afterAll(async () => db?.destroy());

  let counter = 0;
  /** A fresh department user and a token of theirs. */
  async function person(password = PASSWORD) {
    const username = `person-${++counter}-${street.suffix}`;
    const user = expectStatus(
      await call('POST', '/users', {
        token: street.adminToken,
        body: { username, password, displayName: `Person ${counter}`, roles: ['department'], organizationId: street.org.housing },
      }),
      201,
    ).body;
    return { id: user.id as string, username, token: await login(username, password) };
  }
  const edit = (id: string, body: unknown, token = street.adminToken) => call('PUT', `/users/${id}`, { token, body });
  const me = (token: string) => call('GET', '/auth/me', { token });
  const audit = (kind: string, targetId: string) =>
    db.query(`SELECT actor_username, data FROM audit_entries WHERE kind = $1 AND target_id = $2 ORDER BY seq`, [kind, targetId]) as Promise<
      { actor_username: string; data: any }[]
    >;

  describe('PUT /api/users/:id', () => {
    it('edits the display name without ending sessions, and audits before and after', async () => {
      const p = await person();
      const edited = expectStatus(await edit(p.id, { displayName: 'He Hongna' }), 200).body;
      expect(edited).toMatchObject({ id: p.id, username: p.username, displayName: 'He Hongna', roles: ['department'], active: true });
      expect(edited).not.toHaveProperty('passwordHash');
      expect(expectStatus(await me(p.token), 200).body.displayName).toBe('He Hongna');
      const [entry] = await audit('user.updated', p.id);
      expect(entry.actor_username).toBe('admin');
      expect(entry.data.before.displayName).toBe(`Person ${counter}`);
      expect(entry.data.after.displayName).toBe('He Hongna');
      expect(JSON.stringify(entry.data)).not.toMatch(/hash|argon|scrypt/i);
    });

    it('ends sessions at once when roles or the organization change', async () => {
      const p = await person();
      expectStatus(await edit(p.id, { roles: ['department', 'leader'] }), 200);
      expect((await me(p.token)).status).toBe(401);
      const again = await login(p.username, PASSWORD);
      expect(expectStatus(await me(again), 200).body.roles).toEqual(['department', 'leader']);
      expectStatus(await edit(p.id, { organizationId: street.org.sewage }), 200);
      expect((await me(again)).status).toBe(401);
    });

    it('deactivation refuses the token at once and every sign-in; reactivation lets the person back', async () => {
      const p = await person();
      expect(expectStatus(await edit(p.id, { active: false }), 200).body.active).toBe(false);
      expect((await me(p.token)).status).toBe(401);
      expect((await call('POST', '/auth/login', { body: { username: p.username, password: PASSWORD } })).status).toBe(401);
      expectStatus(await edit(p.id, { active: true }), 200);
      expect((await me(p.token)).status).toBe(401);
      expectStatus(await me(await login(p.username, PASSWORD)), 200);
    });

    it('refuses unknown fields, the username, a missing organization and bad values with a 400 naming the field, and changes nothing', async () => {
      const p = await person();
      for (const [body, field] of [
        [{ username: 'renamed' }, ''],
        [{ passwordHash: 'x' }, ''],
        [{ roles: [] }, 'roles'],
        [{ roles: ['root'] }, 'roles.0'],
        [{ active: 'no' }, 'active'],
        [{ displayName: '' }, 'displayName'],
        [{ organizationId: 'not-a-uuid' }, 'organizationId'],
      ] as const) {
        const refused = await edit(p.id, body);
        expect(refused.status).toBe(400);
        expect(refused.body.details.issues.map((i: { path: string }) => i.path)).toContain(field);
      }
      const missing = await edit(p.id, { organizationId: '00000000-0000-4000-8000-000000000000' });
      expect(missing.status).toBe(400);
      expect(missing.body.details.field).toBe('organizationId');
      expect(expectStatus(await call('GET', `/users/${p.id}`, { token: street.adminToken }), 200).body).toMatchObject({
        username: p.username,
        roles: ['department'],
        organizationId: street.org.housing,
        active: true,
      });
      expectStatus(await me(p.token), 200);
    });

    it('is for admins only, and answers 404 for a user that does not exist', async () => {
      const p = await person();
      expect((await edit(p.id, { displayName: 'Mine now' }, street.token.coordinator)).status).toBe(403);
      expect((await call('POST', `/users/${p.id}/reset-password`, { token: street.token.coordinator })).status).toBe(403);
      expect((await edit('00000000-0000-4000-8000-000000000000', { displayName: 'x' })).status).toBe(404);
      expect((await edit('nope', { displayName: 'x' })).status).toBe(404);
    });
  });

  describe('password reset and change', () => {
    it('a reset gives a one-time password that opens nothing but the password change, until it is changed', async () => {
      const p = await person();
      const reset = expectStatus(await call('POST', `/users/${p.id}/reset-password`, { token: street.adminToken }), 200).body;
      expect(reset.temporaryPassword).toEqual(expect.any(String));
      expect(reset.temporaryPassword.length).toBeGreaterThanOrEqual(10);
      expect((await me(p.token)).status).toBe(401);
      expect((await call('POST', '/auth/login', { body: { username: p.username, password: PASSWORD } })).status).toBe(401);

      const signedIn = expectStatus(
        await call('POST', '/auth/login', { body: { username: p.username, password: reset.temporaryPassword } }),
        200,
      ).body;
      expect(signedIn.mustChangePassword).toBe(true);
      const temporary = signedIn.accessToken;
      for (const [method, path] of [
        ['GET', '/cases'],
        ['GET', '/auth/me'],
        ['GET', '/organizations'],
      ]) {
        const refused = await call(method, path, { token: temporary });
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('password_change_required');
      }

      const change = (body: object) => call('POST', '/auth/password', { token: temporary, body });
      const wrong = await change({ currentPassword: 'not-the-one', newPassword: 'a brand new secret' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.details.issues[0].path).toBe('currentPassword');
      for (const newPassword of ['short', '1234567890', 'QWERTYUIOP', p.username, reset.temporaryPassword]) {
        const weak = await change({ currentPassword: reset.temporaryPassword, newPassword });
        expect(weak.status).toBe(400);
        expect(weak.body.details.issues[0].path).toBe('newPassword');
      }
      const changed = expectStatus(await change({ currentPassword: reset.temporaryPassword, newPassword: 'a brand new secret' }), 200).body;
      expect(changed.mustChangePassword).toBe(false);
      expect((await me(temporary)).status).toBe(401);
      expectStatus(await me(changed.accessToken), 200);
      expect((await call('POST', '/auth/login', { body: { username: p.username, password: reset.temporaryPassword } })).status).toBe(401);
      const again = expectStatus(await call('POST', '/auth/login', { body: { username: p.username, password: 'a brand new secret' } }), 200).body;
      expect(again.mustChangePassword).toBe(false);
      expectStatus(await call('GET', '/cases', { token: again.accessToken }), 200);

      expect(await audit('user.password_reset', p.id)).toEqual([expect.objectContaining({ actor_username: 'admin' })]);
      expect(await audit('user.password_changed', p.id)).toEqual([expect.objectContaining({ actor_username: p.username })]);
      const rows = await db.query(`SELECT data::text AS data FROM audit_entries WHERE target_id = $1 OR actor_username = $2`, [p.id, p.username]);
      for (const row of rows) expect(row.data).not.toContain(reset.temporaryPassword);
    });

    it('changing a password ends the other sessions', async () => {
      const p = await person();
      const other = await login(p.username, PASSWORD);
      const changed = expectStatus(
        await call('POST', '/auth/password', { token: p.token, body: { currentPassword: PASSWORD, newPassword: 'another long secret' } }),
        200,
      ).body;
      expect((await me(other)).status).toBe(401);
      expect((await me(p.token)).status).toBe(401);
      expectStatus(await me(changed.accessToken), 200);
    });

    it('refuses a weak password for a new user, naming the field', async () => {
      for (const password of ['short-pw', 'password123', 'weak-user-name']) {
        const refused = await call('POST', '/users', {
          token: street.adminToken,
          body: { username: 'weak-user-name', password, displayName: 'Weak', roles: ['department'], organizationId: street.org.housing },
        });
        expect(refused.status).toBe(400);
        expect(refused.body.details.issues[0].path).toBe('password');
      }
    });
  });

  it('signing out ends every session of the user at once', async () => {
    const p = await person();
    const other = await login(p.username, PASSWORD);
    expect((await call('POST', '/auth/logout', { token: p.token })).status).toBe(204);
    expect((await me(p.token)).status).toBe(401);
    expect((await me(other)).status).toBe(401);
    expect(await audit('auth.logout', p.id)).toHaveLength(1);
  });

  it('stores argon2id, and rehashes an older scrypt hash at the next sign-in', async () => {
    const p = await person();
    const [{ password_hash: fresh }] = await db.query('SELECT password_hash FROM users WHERE id = $1', [p.id]);
    expect(fresh).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const salt = randomBytes(16);
    const legacy = ['scrypt', 16384, 8, 1, salt.toString('base64'), scryptSync(PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')].join(
      '$',
    );
    await db.query('UPDATE users SET password_hash = $1 WHERE id = $2', [legacy, p.id]);
    await login(p.username, PASSWORD);
    const [{ password_hash: rehashed }] = await db.query('SELECT password_hash FROM users WHERE id = $1', [p.id]);
    expect(rehashed).toMatch(/^\$argon2id\$/);
    await login(p.username, PASSWORD);
  });

  it('records sign-ins and failures, naming the username tried and never the password', async () => {
    const p = await person();
    expect((await call('POST', '/auth/login', { body: { username: p.username, password: 'a-wrong-guess-123' } })).status).toBe(401);
    const [failed] = await db.query(
      `SELECT actor_user_id, data::text AS data FROM audit_entries WHERE kind = 'auth.sign_in_failed' AND actor_username = $1`,
      [p.username],
    );
    expect(failed.actor_user_id).toBeNull();
    expect(failed.data).not.toContain('a-wrong-guess-123');
    expect(await audit('auth.sign_in', p.id)).toEqual([expect.objectContaining({ actor_username: p.username })]);
    expect(await audit('user.created', p.id)).toEqual([
      expect.objectContaining({ actor_username: 'admin', data: { after: expect.objectContaining({ username: p.username }) } }),
    ]);
  });
});
