import { AUDIT_GENESIS, openDataSource, verifyAuditChain } from '@whistle/persistence';
import type { DataSource } from 'typeorm';
import { call, expectStatus, type ApiResponse } from '../support/api';
import { act, openCase, toCoordination, toFeedback } from '../support/cases';
import { createTestStreet, type TestStreet } from '../support/street';

interface AuditRow {
  id: string;
  seq: string;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  kind: string;
  targetType: string | null;
  targetId: string | null;
  address: string | null;
  userAgent: string | null;
  data: Record<string, any>;
  prevHash: string;
  hash: string;
}

/**
 * The audit trail: what is recorded (refusals, organization and rule-set changes, case openings and actions,
 * the resident's feedback), how admins read it, and that nobody can change it unseen: the API has no route
 * for it, the database refuses, and the hash chain shows an edit made behind both.
 */
describe('audit trail', () => {
  let street: TestStreet;
  let db: DataSource;
  const agent = () => ({ 'user-agent': `audit-suite/${street.suffix}` });

  async function audit(
    filter: Record<string, unknown>,
    options: { range?: [number, number]; sort?: [string, string]; token?: string } = {},
  ): Promise<ApiResponse<AuditRow[]>> {
    const query = new URLSearchParams({ filter: JSON.stringify(filter), range: JSON.stringify(options.range ?? [0, 199]) });
    if (options.sort) query.set('sort', JSON.stringify(options.sort));
    return call('GET', `/audit?${query}`, { token: options.token ?? street.adminToken });
  }

  const rows = async (filter: Record<string, unknown>, sort?: [string, string]) => expectStatus(await audit(filter, { sort }), 200).body;

  beforeAll(async () => {
    street = await createTestStreet();
    // Quiet: the refused statements below are expected, not errors worth a log line.
    db = await openDataSource(process.env.DATABASE_URL!, { logging: false });
  });

  afterAll(async () => {
    await db?.destroy();
  });

  describe('is for admins only', () => {
    it.each(['/audit', '/audit/verify', '/audit/1'])('GET %s is a 403 to every other role and a 401 without a token', async (path) => {
      for (const token of [street.token.coordinator, street.token.leader, street.token.community, street.token.housing]) {
        expect((await call('GET', path, { token })).status).toBe(403);
      }
      expect((await call('GET', path)).status).toBe(401);
    });

    it('has no route that writes: PUT, PATCH, DELETE and POST are not found', async () => {
      const [first] = await rows({});
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        for (const path of ['/audit', `/audit/${first.id}`]) {
          expect([404, 405]).toContain((await call(method, path, { token: street.adminToken, body: { kind: 'forged' } })).status);
        }
      }
      expect([404, 405]).toContain((await call('POST', '/audit', { token: street.adminToken, body: { kind: 'forged' } })).status);
      expect(expectStatus(await call('GET', `/audit/${first.id}`, { token: street.adminToken }), 200).body).toEqual(first);
    });
  });

  describe('records', () => {
    it('every 401 and 403 refusal, with who (when known), method, path, status, code, address and user agent', async () => {
      expect((await call('GET', `/rule-sets?q=${street.suffix}`, { token: street.token.community, headers: agent() })).status).toBe(403);
      expect((await call('GET', '/users', { headers: agent() })).status).toBe(401);
      expect((await call('GET', '/users', { token: 'not-a-token', headers: agent() })).status).toBe(401);

      const mine = (await rows({ kind: 'auth.refused' }, ['seq', 'DESC'])).filter((r) => r.userAgent === `audit-suite/${street.suffix}`);
      expect(mine.map((r) => r.data)).toEqual([
        { method: 'GET', path: '/api/users', status: 401, code: 'unauthorized' },
        { method: 'GET', path: '/api/users', status: 401, code: 'unauthorized' },
        // The query string is left out: it can hold search terms about people.
        { method: 'GET', path: '/api/rule-sets', status: 403, code: 'forbidden' },
      ]);
      expect(mine[2]).toMatchObject({ actorUserId: street.user.community.id, actorUsername: street.user.community.username });
      expect(mine[0]).toMatchObject({ actorUserId: null, actorUsername: null });
      for (const row of mine) expect(row.address).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    });

    it('organizations created and updated, with before and after; a webhook change is its own line, masked', async () => {
      const name = `Audit Water Bureau ${street.suffix}`;
      const secret = `wecom-secret-${street.suffix}`;
      const created = expectStatus(
        await call('POST', '/organizations', { token: street.adminToken, body: { name, kind: 'department' }, headers: agent() }),
        201,
      ).body;
      expectStatus(
        await call('PUT', `/organizations/${created.id}`, {
          token: street.adminToken,
          body: { name: `${name} (renamed)`, webhookUrl: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${secret}` },
          headers: agent(),
        }),
        200,
      );
      const lines = await rows({ targetType: 'organization', targetId: created.id }, ['seq', 'ASC']);
      expect(lines.map((l) => l.kind)).toEqual(['organization.created', 'organization.updated', 'organization.webhook_changed']);
      const [creation, update, webhook] = lines;
      expect(creation.data).toEqual({ after: { name, kind: 'department', parentId: null, webhook: null } });
      expect(update.data.before).toEqual({ name, kind: 'department', parentId: null, webhook: null });
      expect(update.data.after).toEqual({
        name: `${name} (renamed)`,
        kind: 'department',
        parentId: null,
        webhook: { origin: 'https://qyapi.weixin.qq.com', fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/) },
      });
      expect(update.data.changed).toEqual(['name', 'webhook']);
      expect(webhook.data).toEqual({ before: null, after: update.data.after.webhook });
      for (const line of lines) {
        expect(line).toMatchObject({ actorUsername: 'admin', userAgent: `audit-suite/${street.suffix}`, address: expect.any(String) });
        expect(JSON.stringify(line)).not.toContain(secret);
      }

      // A change that leaves the webhook alone records no webhook line.
      expectStatus(await call('PUT', `/organizations/${created.id}`, { token: street.adminToken, body: { name } }), 200);
      expect((await rows({ targetId: created.id })).map((l) => l.kind)).toEqual([
        'organization.updated',
        'organization.webhook_changed',
        'organization.updated',
        'organization.created',
      ]);
    });

    it('rule sets created, updated and published, with the definitions before and after', async () => {
      const definition = { stages: { registration: { sla: 'PT4H' } } };
      const draft = { name: `Audit rules ${street.suffix}`, categories: [`audit_${street.suffix}`], definition };
      const created = expectStatus(await call('POST', '/rule-sets', { token: street.adminToken, body: draft }), 201).body;
      const edited = { ...draft, definition: { stages: { registration: { sla: 'PT2H' } } } };
      expectStatus(await call('PUT', `/rule-sets/${created.id}`, { token: street.adminToken, body: edited }), 200);
      const version = expectStatus(await call('POST', `/rule-sets/${created.id}/publish`, { token: street.adminToken }), 201).body;

      const [published, updated, creation] = await rows({ targetType: 'rule_set', targetId: created.id });
      expect(creation).toMatchObject({ kind: 'rule_set.created', data: { after: { ...draft, urgencies: [] } } });
      expect(updated).toMatchObject({
        kind: 'rule_set.updated',
        data: { before: { definition }, after: { definition: edited.definition }, changed: ['definition'] },
      });
      expect(published).toMatchObject({ kind: 'rule_set.published', actorUsername: 'admin', data: { version: 1, versionId: version.id } });
      expect(published.data.after.definition.stages.registration.sla).toBe('PT2H');
    });

    it('a huge definition as its digest', async () => {
      const definition = { stages: { registration: { sla: 'PT4H' } }, notes: 'n'.repeat(20_000) };
      const body = { name: `Huge rules ${street.suffix}`, categories: [`huge_${street.suffix}`], definition };
      const created = await call('POST', '/rule-sets', { token: street.adminToken, body });
      expect(created.status).toBe(201);
      const [line] = await rows({ kind: 'rule_set.created', targetId: created.body.id });
      expect(line.data.after.definition).toEqual({
        digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        bytes: JSON.stringify(created.body.definition).length,
      });
    });

    it('case openings and every action, with phones masked and the outcome; refused actions with their status', async () => {
      const c = await toCoordination(street);
      const lines = await rows({ targetType: 'case', targetId: c.id }, ['seq', 'ASC']);
      expect(lines.map((l) => [l.kind, l.data.actionType ?? null, l.actorUsername])).toEqual([
        ['case.opened', null, street.user.community.username],
        ['case.action', 'dispatch', street.user.coordinator.username],
        ['case.action', 'register', street.user.housing.username],
        ['case.action', 'register', street.user.property.username],
      ]);
      expect(lines[0].data).toEqual({
        communityId: street.org.community,
        category: 'hidden_danger',
        urgency: 'normal',
        channel: 'grid_member',
        caseCode: c.code,
        outcome: 'done',
        status: 201,
      });
      // What the opening said about people stays out of the trail.
      expect(JSON.stringify(lines[0])).not.toMatch(/Wang Li|13800138000|Harbin Road/);
      expect(lines[2].data).toEqual({
        actionType: 'register',
        payload: { contactName: 'Director He', contactPhone: '139****9000' },
        caseCode: c.code,
        outcome: 'done',
        status: 200,
      });
      expect(JSON.stringify(lines)).not.toContain('13900139000');

      // Refused: a stage conflict (409), a role the action needs (403), a bad body (400, its junk not kept).
      expect(
        (await call('POST', `/cases/${c.id}/actions`, { token: street.token.housing, body: { type: 'resolve', summary: 'x', outcome: 'resolved' } }))
          .status,
      ).toBe(409);
      expect((await call('POST', `/cases/${c.id}/actions`, { token: street.token.community, body: { type: 'withdraw', reason: 'no' } })).status).toBe(
        403,
      );
      expect(
        (await call('POST', `/cases/${c.id}/actions`, { token: street.token.coordinator, body: { type: 'comment', junk: 'x'.repeat(100) } })).status,
      ).toBe(400);
      const refused = (await rows({ kind: 'case.action', targetId: c.id }, ['seq', 'ASC'])).slice(-3);
      expect(refused.map((l) => l.data)).toEqual([
        {
          actionType: 'resolve',
          payload: { summary: 'x', outcome: 'resolved' },
          caseCode: c.code,
          outcome: 'refused',
          status: 409,
          code: 'stage_conflict',
        },
        { actionType: 'withdraw', payload: { reason: 'no' }, caseCode: c.code, outcome: 'refused', status: 403, code: 'forbidden' },
        { actionType: 'comment', payload: null, caseCode: c.code, outcome: 'refused', status: 400, code: 'invalid' },
      ]);
    });

    it('a refused opening, without the case text', async () => {
      const refused = await call('POST', '/cases', {
        token: street.token.otherCommunity,
        body: {
          title: `Not yours ${street.suffix}`,
          description: 'd',
          category: 'c',
          communityId: street.org.community,
          reporter: { name: 'Zhou', phone: '13600136000' },
          channel: 'hotline',
        },
      });
      expect(refused.status).toBe(403);
      const [line] = await rows({ kind: 'case.open_refused', actor: street.user.otherCommunity.username });
      expect(line.data).toEqual({
        communityId: street.org.community,
        category: 'c',
        urgency: 'normal',
        channel: 'hotline',
        outcome: 'refused',
        status: 403,
        code: 'forbidden',
      });
      expect(JSON.stringify(line)).not.toMatch(/13600136000|Zhou|Not yours/);
    });

    it("the resident's feedback, by the resident (no account)", async () => {
      const c = await toFeedback(street);
      const link = expectStatus(await call('GET', `/cases/${c.id}/feedback-link`, { token: street.token.community }), 200).body;
      expect((await call('POST', `/public/feedback/${link.token}`, { body: { satisfaction: 9 }, headers: agent() })).status).toBe(400);
      expectStatus(await call('POST', `/public/feedback/${link.token}`, { body: { satisfaction: 5, comment: 'Fixed fast' }, headers: agent() }), 200);
      const [given, refused] = await rows({ kind: 'case.action', targetId: c.id });
      expect(given).toMatchObject({
        actorUserId: null,
        actorUsername: null,
        userAgent: `audit-suite/${street.suffix}`,
        data: { actionType: 'feedback', by: 'resident', payload: { satisfaction: 5, comment: 'Fixed fast' }, caseCode: c.code, outcome: 'done' },
      });
      expect(refused.data).toMatchObject({ actionType: 'feedback', by: 'resident', payload: null, outcome: 'refused', status: 400 });
    });
  });

  describe('filters and pages', () => {
    it('by kind (several, or a prefix), actor (id or username), target, and time; newest first unless asked', async () => {
      const c = await openCase(street);
      await act(c.id, street.token.coordinator, { type: 'comment', text: 'Filter me' });

      const byTarget = await rows({ targetType: 'case', targetId: c.id });
      expect(byTarget.map((l) => l.kind)).toEqual(['case.action', 'case.opened']);
      expect(Number(byTarget[0].seq)).toBeGreaterThan(Number(byTarget[1].seq));
      expect((await rows({ targetId: c.id }, ['seq', 'ASC'])).map((l) => l.kind)).toEqual(['case.opened', 'case.action']);
      expect((await rows({ targetId: c.id, kind: 'case.' })).length).toBe(2);
      expect((await rows({ targetId: c.id, kind: ['case.opened', 'rule_set.'] })).map((l) => l.kind)).toEqual(['case.opened']);
      expect(await rows({ targetId: c.id, kind: 'case.opened.' })).toEqual([]);
      // `_` is no wildcard: `rule_set.` does not match a kind like `ruleXset.`.
      expect((await rows({ kind: 'rule_set.', actor: 'admin' })).every((l) => l.kind.startsWith('rule_set.'))).toBe(true);

      const byCoordinatorId = await rows({ actor: street.user.coordinator.id, targetId: c.id });
      const byCoordinatorName = await rows({ actorUsername: street.user.coordinator.username, targetId: c.id });
      expect(byCoordinatorId.map((l) => l.id)).toEqual(byCoordinatorName.map((l) => l.id));
      expect(byCoordinatorId.map((l) => l.kind)).toEqual(['case.action']);
      expect((await rows({ actorUserId: street.user.community.id, targetId: c.id })).map((l) => l.kind)).toEqual(['case.opened']);

      const opened = byTarget[1];
      expect((await rows({ targetId: c.id, from: opened.at })).length).toBe(2);
      expect((await rows({ targetId: c.id, to: opened.at })).length).toBe(0);
      expect((await rows({ targetId: c.id, to: new Date(Date.parse(opened.at) + 1).toISOString() })).map((l) => l.kind)).toContain('case.opened');
      expect(await rows({ targetId: c.id, from: new Date(Date.now() + 3_600_000).toISOString() })).toEqual([]);

      expect((await rows({ id: [opened.id] })).map((l) => l.id)).toEqual([opened.id]);
    });

    it('pages with Content-Range, as react-admin reads it', async () => {
      // Oldest first: other suites append while this runs, and appends land at the end.
      const all = await audit({ kind: 'organization.created', actor: 'admin' }, { range: [0, 2], sort: ['seq', 'ASC'] });
      expect(all.status).toBe(200);
      expect(all.body).toHaveLength(3);
      const total = Number(/^audit 0-2\/(\d+)$/.exec(all.headers.get('content-range') ?? '')?.[1]);
      expect(total).toBeGreaterThanOrEqual(8);
      const next = await audit({ kind: 'organization.created', actor: 'admin' }, { range: [2, 3], sort: ['seq', 'ASC'] });
      expect(next.body[0].id).toBe(all.body[2].id);
    });

    it.each([[{ nope: 1 }], [{ kind: 'case%' }], [{ from: 'last week' }], [{ actorUserId: 'x' }], [{ id: 'DROP' }], [{ targetId: 'a\u0000b' }]])(
      'refuses the filter %j with a 400',
      async (filter) => {
        const answer = await audit(filter);
        expect(answer.status).toBe(400);
        expect((answer.body as unknown as { code: string }).code).toBe('invalid');
      },
    );

    it('refuses a sort other than by time, and says an unknown row is a 404', async () => {
      expect((await audit({}, { sort: ['kind', 'ASC'] })).status).toBe(400);
      expect((await call('GET', '/audit/999999999999', { token: street.adminToken })).status).toBe(404);
      expect((await call('GET', '/audit/abc', { token: street.adminToken })).status).toBe(404);
    });
  });

  describe('cannot be changed unseen', () => {
    async function lastRow(): Promise<{ seq: string; data: unknown; hash: string }> {
      const [row] = await db.query('SELECT e.seq::text AS seq, data, hash FROM audit_entries e ORDER BY e.seq DESC LIMIT 1');
      return row;
    }

    it("the database refuses UPDATE, DELETE and TRUNCATE, even from the API's own account", async () => {
      const { seq } = await lastRow();
      await expect(db.query(`UPDATE audit_entries SET kind = 'forged' WHERE seq = $1`, [seq])).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(db.query('DELETE FROM audit_entries WHERE seq = $1', [seq])).rejects.toThrow(/append-only: DELETE refused/);
      await expect(db.query('TRUNCATE audit_entries')).rejects.toThrow(/append-only: TRUNCATE refused/);
      const [kept] = await db.query('SELECT kind FROM audit_entries WHERE seq = $1', [seq]);
      expect(kept.kind).not.toBe('forged');
    });

    it('verify reports the chain intact, then the first tampered row, then intact again once restored', async () => {
      // Appends racing each other still form one chain.
      const racing = await Promise.all(Array.from({ length: 20 }, () => call('GET', '/users', { headers: agent() })));
      expect(racing.map((r) => r.status)).toEqual(Array(20).fill(401));
      const before = expectStatus(await call('GET', '/audit/verify', { token: street.adminToken }), 200).body;
      expect(before).toEqual({ intact: true, rows: expect.any(Number) });
      // Past 10 rows, and across pages: seq must be walked as a number (10 after 9), not as text.
      expect(before.rows).toBeGreaterThan(10);
      expect(await verifyAuditChain(db, 3)).toEqual({ intact: true, rows: expect.any(Number) });

      // This suite's own organization creation, edited behind the API's back by a superuser who lifts the guard.
      const [victim] = await rows({ kind: 'organization.created', targetId: street.org.housing });
      const [original] = await db.query('SELECT data FROM audit_entries WHERE seq = $1', [victim.seq]);
      const rewrite = async (data: unknown) =>
        db.transaction(async (manager) => {
          await manager.query('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change');
          await manager.query('UPDATE audit_entries SET data = $1 WHERE seq = $2', [JSON.stringify(data), victim.seq]);
          await manager.query('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change');
        });
      await rewrite({ after: { ...victim.data.after, name: 'Someone else' } });
      try {
        const broken = expectStatus(await call('GET', '/audit/verify', { token: street.adminToken }), 200).body;
        expect(broken).toEqual({ intact: false, rows: expect.any(Number), brokenAt: { seq: victim.seq, reason: 'hash' } });
      } finally {
        await rewrite(original.data);
      }
      expect(expectStatus(await call('GET', '/audit/verify', { token: street.adminToken }), 200).body.intact).toBe(true);
    });

    it("a forged row shows: one that does not link to the last, and one whose hash is not its content's", async () => {
      // Inside a transaction that rolls back, holding the append lock, so no real line ever chains to a forgery.
      const forge = (prevHash: (last: string) => string) =>
        db
          .transaction(async (manager) => {
            await manager.query('SELECT pg_advisory_xact_lock($1)', [0x5a0d17]);
            const [last] = await manager.query('SELECT hash FROM audit_entries ORDER BY seq DESC LIMIT 1');
            const [forged] = await manager.query(
              `INSERT INTO audit_entries (at, kind, data, prev_hash, hash) VALUES (now(), 'user.updated', '{}', $1, $2) RETURNING seq::text AS seq`,
              [prevHash(last?.hash ?? AUDIT_GENESIS), 'f'.repeat(64)],
            );
            const report = await verifyAuditChain(manager);
            throw Object.assign(new Error('roll back'), { report, seq: forged.seq });
          })
          .catch((error: { report?: unknown; seq?: string }) => {
            if (!error.report) throw error;
            return { report: error.report, seq: error.seq };
          });

      const unlinked = await forge(() => 'a'.repeat(64));
      expect(unlinked.report).toEqual({ intact: false, rows: expect.any(Number), brokenAt: { seq: unlinked.seq, reason: 'link' } });
      const linked = await forge((last) => last);
      expect(linked.report).toEqual({ intact: false, rows: expect.any(Number), brokenAt: { seq: linked.seq, reason: 'hash' } });
      expect(expectStatus(await call('GET', '/audit/verify', { token: street.adminToken }), 200).body.intact).toBe(true);
    });
  });
});
