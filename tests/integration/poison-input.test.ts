import { connect } from 'node:net';
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { actUpdate, CASE_TASK_QUEUE, CASE_WORKFLOW_TYPE, openedUpdate, PERSISTENCE_REFUSED_FAILURE } from '@whistle/contracts';
import { BUILT_IN_RULE_SET, caseWorkflowId, UNSAFE_TEXT_MESSAGE } from '@whistle/domain';
import { openDataSource } from '@whistle/persistence';
import type { DataSource } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import { API_URL, call, expectStatus } from '../support/api';
import { getCase, openCase, timeline } from '../support/cases';
import { createTestStreet, whistleBody, type TestStreet } from '../support/street';
import { connectTemporal, recordHistoryIfAsked, workflowState } from '../support/temporal';

/** The API derives a case's id from its creator and Idempotency-Key (cases.service.ts), so a test can name it. */
const CASE_ID_NAMESPACE = '3f1c2a52-8c1e-4c55-9a43-6f4f0a6b1e10';
const NUL = '\u0000';
const LONE_SURROGATE = '\uD83D';

const encoded = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** The first failure in an error's cause chain with this Temporal failure type. */
function failureOfType(error: unknown, type: string): { type?: string; nonRetryable?: boolean; details?: unknown[] } | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { type?: string }).type === type) return cause as never;
  }
  return undefined;
}

/** Settles within `ms` or fails the test: a workflow retrying forever must show as a failure, not a hang. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('poison input and crafted parameters: a clear 4xx, a named field, and nothing changes', () => {
  let street: TestStreet;
  let temporal: Awaited<ReturnType<typeof connectTemporal>>;
  let client: Client;
  let db: DataSource;
  let communityUserId: string;

  beforeAll(async () => {
    street = await createTestStreet();
    temporal = await connectTemporal();
    client = temporal.client;
    db = await openDataSource(process.env.DATABASE_URL!);
    communityUserId = street.user.community.id;
  });
  afterAll(async () => {
    await temporal?.close();
    await db?.destroy();
  });

  const caseRows = async (id: string) => Number((await db.query('SELECT count(*) AS n FROM cases WHERE id = $1', [id]))[0].n);
  const workflowExists = (workflowId: string) =>
    client.workflow
      .getHandle(workflowId)
      .describe()
      .then(
        () => true,
        () => false,
      );

  /** A 400 in the usual error shape, naming `path` with `message`. */
  function expectRefusal(response: { status: number; body: any }, path: string, message: string | RegExp = UNSAFE_TEXT_MESSAGE) {
    expect({ status: response.status, code: response.body?.code }).toEqual({ status: 400, code: 'invalid' });
    expect(response.body).toEqual(expect.objectContaining({ statusCode: 400, error: 'Bad Request', message: expect.stringContaining(path) }));
    expect(response.body.details.issues).toEqual([{ path, message: typeof message === 'string' ? message : expect.stringMatching(message) }]);
  }

  describe('defect 2: NUL characters and lone surrogates are refused where they enter', () => {
    it.each([
      ['a NUL in the title', { title: `Pipe${NUL}burst` }, 'title'],
      ['a lone surrogate in the reporter name', { reporter: { name: `Li ${LONE_SURROGATE}`, phone: '13800138000' } }, 'reporter.name'],
      ['a NUL in the address', { address: `No. 5${NUL}` }, 'address'],
      ['a NUL in a field name', { [`title${NUL}`]: 'x' }, 'title\\u0000'],
    ])('opening a case with %s is a 400 naming the field; no case row, no workflow', async (_name, overrides, path) => {
      const key = `poison-${randomUUID()}`;
      const caseId = uuidv5(`${communityUserId}:${key}`, CASE_ID_NAMESPACE);
      const response = await call('POST', '/cases', {
        token: street.token.community,
        body: whistleBody(street, overrides),
        headers: { 'idempotency-key': key },
      });
      expectRefusal(response, path, path.includes('\\u') ? /^field name/ : UNSAFE_TEXT_MESSAGE);
      expect(await caseRows(caseId)).toBe(0);
      expect(await workflowExists(caseWorkflowId(caseId))).toBe(false);
    });

    it('oversized text is refused where it enters: a 400 naming the field, or a 413 for a body past the limit; nothing changes', async () => {
      const key = `oversized-${randomUUID()}`;
      const caseId = uuidv5(`${communityUserId}:${key}`, CASE_ID_NAMESPACE);
      const longTitle = await call('POST', '/cases', {
        token: street.token.community,
        body: whistleBody(street, { title: '漏'.repeat(100_000) }),
        headers: { 'idempotency-key': key },
      });
      expect({ status: longTitle.status, code: longTitle.body.code }).toEqual({ status: 400, code: 'invalid' });
      expect(longTitle.body.details.issues.map((i: { path: string }) => i.path)).toEqual(['title']);
      expect(await caseRows(caseId)).toBe(0);
      expect(await workflowExists(caseWorkflowId(caseId))).toBe(false);

      const c = await openCase(street);
      const before = await Promise.all([timeline(c.id, street.token.coordinator), workflowState(client, c.workflowId)]);
      const longComment = await call('POST', `/cases/${c.id}/actions`, {
        token: street.token.coordinator,
        body: { type: 'comment', text: 'x'.repeat(5_001) },
      });
      expect({ status: longComment.status, code: longComment.body.code }).toEqual({ status: 400, code: 'invalid' });
      expect(longComment.body.details.issues.map((i: { path: string }) => i.path)).toEqual(['text']);
      const pastTheLimit = await call('POST', `/cases/${c.id}/actions`, {
        token: street.token.coordinator,
        body: { type: 'comment', text: 'x'.repeat(2 * 1024 * 1024) },
      });
      expect(pastTheLimit.status).toBe(413);
      expect(await Promise.all([timeline(c.id, street.token.coordinator), workflowState(client, c.workflowId)])).toEqual(before);
      expect((await client.workflow.getHandle(c.workflowId).describe()).status.name).toBe('RUNNING');
    });

    it('an action payload with a NUL is a 400 naming the field, and the case, its timeline and workflow stay as they were', async () => {
      const c = await openCase(street);
      const before = await Promise.all([
        getCase(c.id, street.token.coordinator),
        timeline(c.id, street.token.coordinator),
        workflowState(client, c.workflowId),
      ]);
      expectRefusal(
        await call('POST', `/cases/${c.id}/actions`, { token: street.token.coordinator, body: { type: 'comment', text: `hi${NUL}` } }),
        'text',
      );
      expectRefusal(
        await call('POST', `/cases/${c.id}/actions`, {
          token: street.token.coordinator,
          body: { type: 'withdraw', reason: `dup ${LONE_SURROGATE}` },
        }),
        'reason',
      );
      const after = await Promise.all([
        getCase(c.id, street.token.coordinator),
        timeline(c.id, street.token.coordinator),
        workflowState(client, c.workflowId),
      ]);
      expect(after).toEqual(before);
    });

    it('every other body is checked the same way: organizations, users, rule sets, login, resident feedback', async () => {
      const admin = street.adminToken;
      const orgCount = Number((await db.query('SELECT count(*) AS n FROM organizations'))[0].n);
      expectRefusal(await call('POST', '/organizations', { token: admin, body: { name: `Bad${NUL}`, kind: 'department' } }), 'name');
      expectRefusal(await call('PUT', `/organizations/${street.org.housing}`, { token: admin, body: { name: `x${LONE_SURROGATE}` } }), 'name');
      expectRefusal(
        await call('POST', '/users', {
          token: admin,
          body: {
            username: `u${randomUUID().slice(0, 8)}`,
            password: 'long-enough-pass',
            displayName: `D${NUL}`,
            roles: ['department'],
            organizationId: street.org.housing,
          },
        }),
        'displayName',
      );
      expectRefusal(
        await call('POST', '/rule-sets', { token: admin, body: { name: 'r', categories: ['*'], definition: { tasks: [{ name: `t${NUL}` }] } } }),
        'definition.tasks.0.name',
      );
      expectRefusal(await call('POST', '/rule-sets/validate', { token: admin, body: { tasks: [{ name: LONE_SURROGATE }] } }), 'tasks.0.name');
      expectRefusal(await call('POST', '/auth/login', { body: { username: `admin${NUL}`, password: 'x' } }), 'username');
      expectRefusal(await call('POST', '/public/feedback/not-a-token', { body: { satisfaction: 5, comment: `thanks${NUL}` } }), 'comment');
      expect(Number((await db.query('SELECT count(*) AS n FROM organizations'))[0].n)).toBe(orgCount);
      const housing = expectStatus(await call('GET', `/organizations/${street.org.housing}`, { token: admin }), 200).body;
      expect(housing.name).toMatch(/^Housing Construction Bureau/);
    });

    it('query strings and list filters are checked too, the JSON inside a parameter included', async () => {
      const token = street.token.coordinator;
      expectRefusal(await call('GET', `/cases?filter=${encoded({ q: `leak${NUL}` })}`, { token }), 'filter.q');
      expectRefusal(await call('GET', `/cases?filter=${encoded({ stage: ['whistle', LONE_SURROGATE] })}`, { token }), 'filter.stage.1');
      expectRefusal(await call('GET', `/organizations?filter=${encoded({ q: NUL })}`, { token }), 'filter.q');
      expectRefusal(await call('GET', `/notifications?filter=${encoded({ level: NUL })}`, { token }), 'filter.level');
      expectRefusal(await call('GET', `/metrics/rates?from=${encodeURIComponent(NUL)}`, { token: street.token.leader }), 'from');
      expectRefusal(await call('GET', `/cases?anything=${encodeURIComponent(`a${NUL}`)}`, { token }), 'anything');
    });

    it('a header with a NUL never reaches the API: the HTTP parser refuses the request', async () => {
      const { hostname, port } = new URL(API_URL());
      const statusLine = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => {
          socket.write(`GET /api/health HTTP/1.1\r\nHost: ${hostname}\r\nUser-Agent: probe${NUL}agent\r\nConnection: close\r\n\r\n`, 'latin1');
        });
        socket.once('data', (data) => resolve(data.toString('latin1').split('\r\n')[0]));
        socket.once('error', reject);
      });
      expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    });
  });

  describe('defect 2, the safety net: past the edge, the database refusing data never leaves a workflow retrying', () => {
    /** Starts a case workflow directly with a seed the API would have refused, as a bug past the edge might. */
    function startPoisonedCase(title: string, id: string = randomUUID()) {
      const seed = {
        ...(whistleBody(street, { title }) as Record<string, unknown>),
        urgency: 'normal',
        id,
        code: `WS-POISON-${id.slice(0, 8)}`,
        workflowId: caseWorkflowId(id),
        openedBy: { kind: 'user', userId: communityUserId, roles: ['community'], organizationId: street.org.community },
        openedAt: new Date().toISOString(),
        ruleSet: BUILT_IN_RULE_SET,
      };
      const start = new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
        workflowId: seed.workflowId,
        taskQueue: CASE_TASK_QUEUE,
        args: [{ seed: seed as never }],
        workflowIdConflictPolicy: 'FAIL',
      });
      return { id, workflowId: seed.workflowId, opened: client.workflow.executeUpdateWithStart(openedUpdate, { startWorkflowOperation: start }) };
    }

    it('a case whose opening the database refuses: `opened` fails at once, the workflow ends failed, no row, nothing pending', async () => {
      const poisoned = startPoisonedCase(`Pipe${NUL}burst`);
      const error = await within(
        20_000,
        'the opened update',
        poisoned.opened.then(
          () => null,
          (e: unknown) => e,
        ),
      );
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(failureOfType(error, PERSISTENCE_REFUSED_FAILURE)).toMatchObject({
        nonRetryable: true,
        details: [{ sqlState: expect.stringMatching(/^22/) }],
      });

      const handle = client.workflow.getHandle(poisoned.workflowId);
      const outcome = await within(
        20_000,
        'the workflow',
        handle.result().then(
          () => null,
          (e: unknown) => e,
        ),
      );
      expect(failureOfType(outcome, PERSISTENCE_REFUSED_FAILURE)).toBeDefined();
      const description = await handle.describe();
      expect(description.status.name).toBe('FAILED');
      expect(description.raw.pendingActivities ?? []).toEqual([]);
      expect(await caseRows(poisoned.id)).toBe(0);
      await recordHistoryIfAsked(client, poisoned.workflowId, 'opening-refused');
    });

    it('a lone surrogate (refused by jsonb) ends the same way', async () => {
      const poisoned = startPoisonedCase(`Pipe ${LONE_SURROGATE}`);
      const error = await within(
        20_000,
        'the opened update',
        poisoned.opened.then(
          () => null,
          (e: unknown) => e,
        ),
      );
      expect(failureOfType(error, PERSISTENCE_REFUSED_FAILURE)).toMatchObject({ nonRetryable: true });
      expect((await client.workflow.getHandle(poisoned.workflowId).describe()).status.name).toBe('FAILED');
    });

    it('the API answers a create whose workflow failed that way with a 400, not a hang or a 500', async () => {
      // The client repeats its create (same Idempotency-Key) after a workflow with that case id failed its opening.
      const key = `poison-retry-${randomUUID()}`;
      const caseId = uuidv5(`${communityUserId}:${key}`, CASE_ID_NAMESPACE);
      const poisoned = startPoisonedCase(`Pipe${NUL}burst`, caseId);
      await within(
        20_000,
        'the opened update',
        poisoned.opened.catch(() => undefined),
      );
      await within(
        20_000,
        'the workflow',
        client.workflow
          .getHandle(poisoned.workflowId)
          .result()
          .catch(() => undefined),
      );
      const response = await within(
        20_000,
        'the create',
        call('POST', '/cases', { token: street.token.community, body: whistleBody(street), headers: { 'idempotency-key': key } }),
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'invalid',
        message: expect.stringMatching(/refused/),
        details: { sqlState: expect.stringMatching(/^22/) },
      });
      expect(await caseRows(caseId)).toBe(0);
    });

    it('an action the database refuses fails at once (no retries), changes nothing, and the case carries on', async () => {
      const c = await openCase(street);
      const actor = { kind: 'user', userId: communityUserId, roles: ['community'], organizationId: street.org.community };
      const before = await workflowState(client, c.workflowId);
      const started = Date.now();
      const error = await within(
        20_000,
        'the poisoned action',
        client.workflow
          .getHandle(c.workflowId)
          .executeUpdate(actUpdate, { args: [{ action: { type: 'comment', text: `x${NUL}` } as never, actor: actor as never }] })
          .then(
            () => null,
            (e: unknown) => e,
          ),
      );
      expect(failureOfType(error, PERSISTENCE_REFUSED_FAILURE)).toMatchObject({ nonRetryable: true });
      // The action policy retries up to six times with backoff (over six seconds): a refusal does not.
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(await workflowState(client, c.workflowId)).toEqual(before);
      expect((await client.workflow.getHandle(c.workflowId).describe()).status.name).toBe('RUNNING');
      const commented = expectStatus(
        await call('POST', `/cases/${c.id}/actions`, { token: street.token.community, body: { type: 'comment', text: 'still here' } }),
        200,
      ).body;
      expect(commented.version).toBeGreaterThan(before.version);
    });
  });

  describe('defect 5: crafted list parameters are 400s, not 500s', () => {
    const lists = () =>
      [
        ['/cases', street.token.coordinator],
        ['/organizations', street.token.coordinator],
        ['/users', street.adminToken],
        ['/notifications', street.token.coordinator],
        ['/rule-sets', street.adminToken],
      ] as const;

    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
      'the filter key %s is an unknown filter on every list',
      async (key) => {
        for (const [path, token] of lists()) {
          const response = await call('GET', `${path}?filter=${encodeURIComponent(`{"${key}":"x"}`)}`, { token });
          expectRefusal(response, `filter.${key}`, /^unknown filter/);
        }
      },
    );

    it.each([
      ['beyond 64 bits', '[0,18446744073709551616]'],
      ['both beyond 64 bits', '[18446744073709551615,18446744073709551616]'],
      ['1e300', '[1e300,1e300]'],
      ['not a safe integer', '[9007199254740992,9007199254740993]'],
      ['fractions', '[0.5,2]'],
      ['strings', '["0","1"]'],
      ['negative', '[-1,3]'],
    ])('a range %s is a 400 on every list', async (_name, range) => {
      for (const [path, token] of lists()) {
        expectRefusal(await call('GET', `${path}?range=${encodeURIComponent(range)}`, { token }), 'range', /^must be \[first, last\]/);
      }
    });

    it('a far but representable page is simply empty', async () => {
      const response = expectStatus(
        await call('GET', `/organizations?range=${encoded([9007199254740000, 9007199254740010])}`, { token: street.token.coordinator }),
        200,
      );
      expect(response.body).toEqual([]);
    });

    it('a parameter given twice is a 400, not a crash', async () => {
      for (const [path, token] of lists()) {
        expectRefusal(await call('GET', `${path}?filter=%7B%7D&filter=%7B%7D`, { token }), 'filter', /given once/);
      }
    });

    it('a uuid-typed filter with something else is a 400 naming it; an empty "any of" matches nothing', async () => {
      const token = street.token.coordinator;
      expectRefusal(
        await call('GET', `/organizations?filter=${encoded({ parentId: 'not-a-uuid' })}`, { token }),
        'filter.parentId',
        'must be a UUID',
      );
      expectRefusal(
        await call('GET', `/organizations?filter=${encoded({ parentId: [street.org.street, 'x'] })}`, { token }),
        'filter.parentId.1',
        'must be a UUID',
      );
      expectRefusal(await call('GET', `/organizations?filter=${encoded({ parentId: 42 })}`, { token }), 'filter.parentId', 'must be a UUID');
      expect(expectStatus(await call('GET', `/organizations?filter=${encoded({ parentId: [] })}`, { token }), 200).body).toEqual([]);
      const children = expectStatus(await call('GET', `/organizations?filter=${encoded({ parentId: street.org.street })}`, { token }), 200).body;
      expect(children.map((o: { id: string }) => o.id).sort()).toEqual([street.org.community, street.org.otherCommunity].sort());
    });

    it('no other crafted filter value gives a 5xx on any list', async () => {
      const values: unknown[] = [
        'not-a-uuid',
        42,
        -1,
        true,
        null,
        [],
        [null],
        [{}],
        { nested: { deeper: 1 } },
        '%_\\',
        "'; DROP TABLE cases; --",
        'x'.repeat(2000),
      ];
      const keysOf: Record<string, string[]> = {
        '/cases': ['q', 'stage', 'category', 'urgency', 'communityId', 'organizationId', 'id', 'overdue', 'arbitration'],
        '/organizations': ['q', 'kind', 'id'],
        '/users': ['q', 'organizationId', 'role', 'id'],
        '/notifications': ['caseId', 'level', 'channel', 'id', 'unread'],
        '/rule-sets': ['q', 'category', 'id'],
      };
      const failures: string[] = [];
      for (const [path, token] of lists()) {
        for (const key of keysOf[path]) {
          for (const value of values) {
            const response = await call('GET', `${path}?filter=${encoded({ [key]: value })}`, { token });
            if (response.status >= 500) failures.push(`${path} ${key}=${JSON.stringify(value)}: ${response.status}`);
          }
        }
        for (const query of ['__proto__=x', 'constructor=x&toString=y', '__proto__[filter]=x', 'filter[q]=x', `range=${'['.repeat(5000)}`]) {
          const response = await call('GET', `${path}?${query}`, { token });
          if (response.status >= 500) failures.push(`${path}?${query.slice(0, 40)}: ${response.status}`);
        }
        for (const sort of ['["__proto__","ASC"]', '["name","SIDEWAYS"]', '"name"', '[1,2]', '{}']) {
          const response = await call('GET', `${path}?sort=${encodeURIComponent(sort)}`, { token });
          if (response.status !== 400) failures.push(`${path} sort=${sort}: ${response.status}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it.each([
      ['before year 0', '-000001-01-01'],
      ['year 0', '0000-06-01'],
      ['a six-digit year', '+275760-09-13'],
      ['an unparseable date', '2024-13-45'],
      ['a huge number', '9'.repeat(400)],
      ['a date-time east of UTC that falls in year 0', '0001-01-01T00:00:00+08:00'],
    ])('metrics: a `from` %s is a 400 naming it', async (_name, from) => {
      expectRefusal(await call('GET', `/metrics/rates?from=${encodeURIComponent(from)}`, { token: street.token.leader }), 'from', /ISO date/);
    });

    it('metrics: `to` given twice is a 400, and ordinary dates still work', async () => {
      expectRefusal(await call('GET', '/metrics/rates?to=2024-01-01&to=2024-02-01', { token: street.token.leader }), 'to', /ISO date/);
      expectStatus(await call('GET', '/metrics/rates?from=0001-01-01&to=9999-12-31T23:59:59.999Z', { token: street.token.leader }), 200);
    });

    it('every :id route answers a non-UUID id with a 404 and changes nothing', async () => {
      const admin = street.adminToken;
      const ruleSet = expectStatus(
        await call('POST', '/rule-sets', { token: admin, body: { name: `probe ${randomUUID()}`, categories: ['probe'] } }),
        201,
      ).body;
      const versionsBefore = Number((await db.query('SELECT count(*) AS n FROM rule_set_versions'))[0].n);
      const routes: [string, string, unknown?][] = [
        ['GET', '/cases/{id}'],
        ['GET', '/cases/{id}/timeline'],
        ['GET', '/cases/{id}/feedback-link'],
        ['POST', '/cases/{id}/actions', { type: 'comment', text: 'hi' }],
        ['GET', '/organizations/{id}'],
        ['PUT', '/organizations/{id}', { name: 'Renamed' }],
        ['GET', '/users/{id}'],
        ['GET', '/rule-sets/{id}'],
        ['PUT', '/rule-sets/{id}', { name: 'x', categories: ['*'] }],
        ['GET', '/rule-sets/{id}/versions'],
        ['POST', '/rule-sets/{id}/publish'],
        ['POST', '/notifications/{id}/read'],
      ];
      const ids = ['not-a-uuid', `${ruleSet.id}x`, '1', "1' OR '1'='1", '__proto__'];
      const failures: string[] = [];
      for (const [method, template, body] of routes) {
        for (const id of ids) {
          const response = await call(method, template.replace('{id}', encodeURIComponent(id)), { token: admin, body });
          if (response.status !== 404 || response.body?.code !== 'not_found')
            failures.push(`${method} ${template} ${id}: ${response.status} ${JSON.stringify(response.body)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(Number((await db.query('SELECT count(*) AS n FROM rule_set_versions'))[0].n)).toBe(versionsBefore);
    });

    it('no body of any shape gives a 5xx on any write route', async () => {
      const c = await openCase(street);
      const ruleSet = expectStatus(
        await call('POST', '/rule-sets', { token: street.adminToken, body: { name: `shapes ${randomUUID()}`, categories: ['shapes'] } }),
        201,
      ).body;
      const routes: [string, string, string][] = [
        ['POST', '/cases', street.token.community],
        ['POST', `/cases/${c.id}/actions`, street.token.coordinator],
        ['POST', '/organizations', street.adminToken],
        ['PUT', `/organizations/${street.org.partner}`, street.adminToken],
        ['POST', '/users', street.adminToken],
        ['POST', '/rule-sets', street.adminToken],
        ['PUT', `/rule-sets/${ruleSet.id}`, street.adminToken],
        ['POST', '/rule-sets/validate', street.adminToken],
        ['POST', '/notifications/read-all', street.token.coordinator],
        ['POST', '/auth/login', ''],
        ['POST', '/public/feedback/not-a-token', ''],
      ];
      const bodies: [string, string][] = [
        ['application/json', 'null'],
        ['application/json', '5'],
        ['application/json', '"text"'],
        ['application/json', '[]'],
        ['application/json', '[{}]'],
        ['application/json', 'true'],
        ['application/json', '{"title":1e400,"name":-0,"definition":[],"type":{"type":"comment"}}'],
        ['text/plain', 'hello'],
        ['application/x-www-form-urlencoded', 'a=1'],
      ];
      const failures: string[] = [];
      for (const [method, path, token] of routes) {
        for (const [contentType, rawBody] of bodies) {
          const response = await call(method, path, { token: token || undefined, rawBody, headers: { 'content-type': contentType } });
          if (response.status >= 500)
            failures.push(`${method} ${path} ${contentType} ${rawBody}: ${response.status} ${JSON.stringify(response.body)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await getCase(c.id, street.token.coordinator)).toMatchObject({ version: c.version });
    });

    it('a body nested thousands of levels deep is a 400 naming where, and saves nothing', async () => {
      const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const name = `deep ${randomUUID()}`;
      const created = await call('POST', '/rule-sets', {
        token: street.adminToken,
        rawBody: `{"name":"${name}","categories":["*"],"definition":{"tasks":[${deep(5000)}]}}`,
      });
      expect(created.status).toBe(400);
      expect(created.body.details.issues).toEqual([
        { path: expect.stringMatching(/^definition\.tasks\.0(\.a)+$/), message: expect.stringMatching(/nests deeper than/) },
      ]);
      expect(Number((await db.query('SELECT count(*) AS n FROM rule_sets WHERE name = $1', [name]))[0].n)).toBe(0);
      for (const [path, token] of [
        ['/rule-sets/validate', street.adminToken],
        ['/auth/login', undefined],
        ['/cases', street.token.community],
      ] as const) {
        const response = await call('POST', path, { token, rawBody: deep(100_000) });
        expect({ path, status: response.status, code: response.body?.code }).toEqual({ path, status: 400, code: 'invalid' });
      }
    });
  });
});
