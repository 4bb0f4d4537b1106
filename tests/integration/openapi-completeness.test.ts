import { randomUUID } from 'node:crypto';
import { API_URL, call, expectStatus, login } from '../support/api';
import { createTestStreet, type TestStreet } from '../support/street';

/**
 * The OpenAPI document must tell the truth about every operation, including ones added later: a success
 * schema, the shared error body for every error status its traits imply, and the one Idempotency-Key
 * parameter. An endpoint nobody described in apps/api/src/openapi/routes.ts fails here.
 */
type Json = Record<string, any>;
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

let doc: Json;
let operations: { method: string; path: string; operation: Json }[];

beforeAll(async () => {
  doc = expectStatus(await call('GET', '/docs-json'), 200).body;
  operations = Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, operation: item[method] })),
  );
});

function resolve(response: Json): Json {
  const ref: string | undefined = response.$ref;
  return ref ? doc.components.responses[ref.split('/').pop()!] : response;
}

function statusesOf(operation: Json): number[] {
  return Object.keys(operation.responses).map(Number);
}

describe('the OpenAPI document', () => {
  it('gives every operation one success response with a JSON schema (a CSV download: a text/csv schema; a file: an octet-stream one; a 204: no body)', () => {
    const missing = operations.filter(({ operation }) => {
      // A 202 (the engine took the request and is still at it) comes beside the success, not instead of it.
      const success = Object.entries(operation.responses as Json).filter(([status]) => status.startsWith('2') && status !== '202');
      if (success.length !== 1) return true;
      const [status, response] = success[0];
      const content = response.content?.['application/json'] ?? response.content?.['text/csv'] ?? response.content?.['application/octet-stream'];
      return status === '204' ? response.content !== undefined : !content?.schema;
    });
    expect(missing.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual([]);
  });

  it('documents the 202 of a whistle the engine has not saved within the wait: its body and where the case will be', () => {
    const accepted = doc.paths['/api/cases'].post.responses['202'];
    expect(accepted.headers.Location).toMatchObject({ required: true });
    expect(accepted.content['application/json'].schema).toMatchObject({
      properties: { status: { const: 'opening' } },
      required: expect.arrayContaining(['id', 'code', 'status', 'location', 'message']),
    });
    const with202 = operations.filter(({ operation }) => '202' in operation.responses).map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(with202).toEqual(['POST /api/cases']);
  });

  it('gives every operation the error statuses its traits imply, each with the one error body', () => {
    const problems: string[] = [];
    for (const { method, path, operation } of operations) {
      const name = `${method.toUpperCase()} ${path}`;
      if (!Array.isArray(operation.security)) {
        problems.push(`${name}: no security declared (public routes declare [])`);
        continue;
      }
      const isPublic = operation.security.length === 0;
      const needed = [
        ...(isPublic ? [429] : [401]),
        ...(path.includes('{') ? [400, 404, 414] : []),
        ...(WRITES.has(method) ? [400, 413, 429] : []),
        ...((operation.parameters ?? []).some((p: Json) => p.in === 'query') ? [400] : []),
      ];
      const statuses = statusesOf(operation);
      for (const status of needed) if (!statuses.includes(status)) problems.push(`${name}: no ${status}`);
      if (isPublic && statuses.includes(401) && name !== 'POST /api/auth/login') problems.push(`${name}: public, yet documents 401`);
      // 431 comes from Node's HTTP parser, before the API, without a body.
      for (const status of statuses.filter((s) => s >= 400 && s !== 431)) {
        const schema = resolve(operation.responses[status]).content?.['application/json']?.schema;
        if (!schema) problems.push(`${name}: ${status} has no body schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has one error body schema, used by the error responses', () => {
    expect(doc.components.schemas.Error.required).toEqual(expect.arrayContaining(['statusCode', 'error', 'code', 'message']));
    expect(doc.components.schemas.Error.properties).toHaveProperty('details');
    expect(resolve(doc.paths['/api/cases/{id}'].get.responses['404']).content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
  });

  it('names the statuses particular routes answer: 403 for admins only, 409 for actions, 410 for feedback links', () => {
    expect(statusesOf(doc.paths['/api/users'].get)).toContain(403);
    expect(statusesOf(doc.paths['/api/rule-sets/{id}/publish'].post)).toContain(403);
    expect(statusesOf(doc.paths['/api/cases/{id}/actions'].post)).toEqual(expect.arrayContaining([403, 409, 503]));
    expect(statusesOf(doc.paths['/api/public/feedback/{token}'].get)).toContain(410);
    expect(statusesOf(doc.paths['/api/public/feedback/{token}'].post)).toEqual(expect.arrayContaining([409, 410]));
    expect(statusesOf(doc.paths['/api/users/{id}'].put)).toContain(409);
    expect(statusesOf(doc.paths['/api/health'].get)).toContain(503);
  });

  it('gives every authenticated route a 403 for a password that must be changed, but not the routes that change it or sign out', () => {
    expect(statusesOf(doc.paths['/api/cases/{id}'].get)).toContain(403);
    expect(statusesOf(doc.paths['/api/auth/me'].get)).toContain(403);
    expect(statusesOf(doc.paths['/api/auth/password'].post)).not.toContain(403);
    expect(statusesOf(doc.paths['/api/auth/logout'].post)).not.toContain(403);
    expect(statusesOf(doc.paths['/api/health'].get)).not.toContain(403);
  });

  it('declares the headers every answer carries: no caching, no sniffing, and Retry-After on a 429', () => {
    const success = doc.paths['/api/cases/{id}'].get.responses['200'];
    expect(Object.keys(success.headers)).toEqual(expect.arrayContaining(['Cache-Control', 'X-Content-Type-Options']));
    expect(doc.components.headers.CacheControl.schema.const).toBe('no-store');
    expect(doc.components.responses.Error429.headers['Retry-After'].required).toBe(true);
  });

  it("keeps that promise on the router's own refusals (an over-long path parameter, a malformed URL), which no hook reaches", async () => {
    for (const [url, status] of [
      [`/cases/${'a'.repeat(150)}`, 414],
      ['/cases/%E0%A4%A', 400],
    ] as const) {
      const response = await fetch(`${API_URL()}/api${url}`);
      expect(response.status).toBe(status);
      expect(statusesOf(doc.paths['/api/cases/{id}'].get)).toContain(status);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.json()).toMatchObject({ statusCode: status, code: expect.any(String), message: expect.any(String) });
    }
  });

  it('declares Idempotency-Key once, as a shared parameter, and refers to it', () => {
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
    const inline = operations.filter(({ operation }) =>
      (operation.parameters ?? []).some((p: Json) => String(p.name).toLowerCase() === 'idempotency-key'),
    );
    expect(inline.map((o) => o.path)).toEqual([]);
    for (const [path, method] of [
      ['/api/cases', 'post'],
      ['/api/cases/{id}/actions', 'post'],
      ['/api/public/feedback/{token}', 'post'],
    ]) {
      expect(doc.paths[path][method].parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    }
  });

  it('describes the react-admin list parameters of every list as JSON', () => {
    const lists = operations.filter(({ operation }) => operation.responses['200']?.headers?.['Content-Range']);
    expect(lists.map((o) => o.path)).toEqual(
      expect.arrayContaining(['/api/cases', '/api/organizations', '/api/users', '/api/notifications', '/api/rule-sets', '/api/audit']),
    );
    for (const { operation } of lists) {
      const byName = Object.fromEntries((operation.parameters as Json[]).map((p) => [p.name, p]));
      expect(byName.filter.content['application/json'].schema.type).toBe('object');
      expect(byName.range.content['application/json'].schema.type).toBe('array');
      expect(byName.sort.content['application/json'].schema.prefixItems[1].enum).toEqual(['ASC', 'DESC']);
    }
  });
});

describe('what the API answers is what the document says', () => {
  let street: TestStreet;
  let token: string;
  let resetToken: string;

  beforeAll(async () => {
    street = await createTestStreet();
    // A user of its own: a bare request to a route added later (a logout, say) must not spoil other tokens.
    const username = `sweep-${street.suffix}`;
    expectStatus(
      await call('POST', '/users', {
        token: street.adminToken,
        body: { username, password: 'sweep-password-1', displayName: 'Sweep', roles: ['community'], organizationId: street.org.community },
      }),
      201,
    );
    token = await login(username, 'sweep-password-1');
    // And one whose password an admin reset: every route but changing it and signing out refuses them (403).
    const reset = expectStatus(
      await call('POST', '/users', {
        token: street.adminToken,
        body: {
          username: `sweep-reset-${street.suffix}`,
          password: 'sweep-password-2',
          displayName: 'Sweep reset',
          roles: ['community'],
          organizationId: street.org.community,
        },
      }),
      201,
    ).body;
    const { temporaryPassword } = expectStatus(await call('POST', `/users/${reset.id}/reset-password`, { token: street.adminToken }), 200).body;
    resetToken = await login(`sweep-reset-${street.suffix}`, temporaryPassword);
  });

  it('answers a bare request to every operation, as a community user, one who must change their password and anonymously, with a documented status', async () => {
    expect(expectStatus(await call('GET', '/cases', { token: resetToken }), 403).body.code).toBe('password_change_required');
    const undocumented: string[] = [];
    // Signing out revokes the token, so it goes last: every other route must be met while signed in.
    const signOutLast = [...operations].sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
    for (const { method, path, operation } of signOutLast) {
      const url = path.replace(/^\/api/, '').replace(/\{[^}]+\}/g, () => randomUUID());
      for (const [who, bearer] of [
        ['community', token],
        ['must-change-password', resetToken],
        ['anonymous', undefined],
      ] as const) {
        const response = await call(method.toUpperCase(), url, { token: bearer });
        if (!statusesOf(operation).includes(response.status)) {
          undocumented.push(`${method.toUpperCase()} ${path} (${who}): ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});
