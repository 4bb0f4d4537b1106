import { createHmac } from 'node:crypto';
import { STAGE_ACTIONS } from '@whistle/domain';
import { call, expectStatus } from '../support/api';
import { act, getCase, openCase, timeline } from '../support/cases';
import { createTestStreet, whistleBody, type TestStreet } from '../support/street';
import { connectTemporal, workflowState } from '../support/temporal';

/** A hand-made HS256 token, to prove the API checks signature and expiry rather than trusting the shape. */
function jwt(payload: object, secret: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/**
 * Each test sets up what it needs: most send refusals to one case in registration (refusals change nothing, which
 * `refused` checks, so they cannot disturb each other); a test that needs the case in another state opens its own.
 * The suite passes in any order (`--randomize`).
 */
describe('refusals: clear 4xx, never 500, and nothing changes', () => {
  let street: TestStreet;
  let temporal: Awaited<ReturnType<typeof connectTemporal>>;
  let inRegistration: OpenedCase;

  type OpenedCase = { id: string; workflowId: string };

  /** A new case the coordinator dispatched to the housing bureau (and to `coHandlers`): it is in registration. */
  async function caseInRegistration(coHandlers: string[] = []): Promise<OpenedCase> {
    const c = await openCase(street);
    await act(c.id, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing, coHandlerOrganizationIds: coHandlers });
    return { id: c.id, workflowId: c.workflowId };
  }

  beforeAll(async () => {
    street = await createTestStreet();
    temporal = await connectTemporal();
    inRegistration = await caseInRegistration();
  });
  afterAll(async () => temporal?.close());

  /** Sends a request that must be refused, and checks the case, its timeline and its workflow are untouched. */
  async function refused(status: number, request: () => Promise<{ status: number; body: any }>, target: OpenedCase = inRegistration) {
    const [caseBefore, timelineBefore, workflowBefore] = await Promise.all([
      getCase(target.id, street.token.coordinator),
      timeline(target.id, street.token.coordinator),
      workflowState(temporal.client, target.workflowId),
    ]);
    const response = await request();
    expect({ status: response.status, body: response.body }).toEqual({
      status,
      body: expect.objectContaining({ statusCode: status, message: expect.any(String) }),
    });
    expect(await getCase(target.id, street.token.coordinator)).toEqual(caseBefore);
    expect(await timeline(target.id, street.token.coordinator)).toEqual(timelineBefore);
    expect(await workflowState(temporal.client, target.workflowId)).toEqual(workflowBefore);
    return response.body;
  }

  const actions = (body: unknown, token = street.token.coordinator, rawBody?: string, target: OpenedCase = inRegistration) =>
    call('POST', `/cases/${target.id}/actions`, { token, body, rawBody });

  describe('400: a malformed body names the field and the reason', () => {
    it('malformed JSON', async () => {
      const body = await refused(400, () => actions(undefined, street.token.coordinator, '{"type": "comment",'));
      expect(body.code).toBe('invalid');
    });
    it('an unknown action type lists the valid ones', async () => {
      const body = await refused(400, () => actions({ type: 'teleport' }));
      expect(body.details.issues).toEqual([{ path: 'type', message: expect.stringContaining('dispatch, register') }]);
    });
    it('a missing field', async () => {
      const body = await refused(400, () => actions({ type: 'register', contactName: 'He' }, street.token.housing));
      expect(body.details.issues).toEqual([expect.objectContaining({ path: 'contactPhone' })]);
    });
    it('an unknown field', async () => {
      const body = await refused(400, () => actions({ type: 'comment', text: 'hi', colour: 'red' }));
      expect(body.message).toMatch(/colour/);
    });
    it('a wrong value deep in the payload', async () => {
      const body = await refused(400, () =>
        actions({ type: 'reassign', leadOrganizationId: street.org.housing, coHandlerOrganizationIds: ['not-an-org'] }),
      );
      expect(body.details.field).toBe('coHandlerOrganizationIds.0');
    });
    it('an organization that does not exist', async () => {
      const body = await refused(400, () => actions({ type: 'reassign', leadOrganizationId: '00000000-0000-4000-8000-000000000000' }));
      expect(body.details.field).toBe('leadOrganizationId');
    });
    it('a case for a community that is not a community', async () => {
      const response = await call('POST', '/cases', {
        token: street.token.coordinator,
        body: whistleBody(street, { communityId: street.org.housing }),
      });
      expect(response.status).toBe(400);
      expect(response.body.details.field).toBe('communityId');
    });
    it('a list query that is not JSON, or sorts by an unknown field', async () => {
      expect((await call('GET', '/cases?filter={oops', { token: street.token.coordinator })).status).toBe(400);
      expect((await call('GET', '/cases?sort=["password","ASC"]', { token: street.token.coordinator })).status).toBe(400);
      expect((await call('GET', '/cases?filter={"colour":"red"}', { token: street.token.coordinator })).status).toBe(400);
    });
  });

  describe('401: no valid token', () => {
    it('without a token', async () => {
      expect((await refused(401, () => actions({ type: 'comment', text: 'x' }, ''))).code).toBe('unauthorized');
    });
    it('with a token signed by someone else, or expired', async () => {
      const forged = jwt({ sub: street.user.coordinator.id, exp: Math.floor(Date.now() / 1000) + 3600 }, 'x'.repeat(32));
      await refused(401, () => actions({ type: 'comment', text: 'x' }, forged));
      const expired = jwt({ sub: street.user.coordinator.id, exp: Math.floor(Date.now() / 1000) - 10 }, process.env.WHISTLE_JWT_SECRET!);
      await refused(401, () => actions({ type: 'comment', text: 'x' }, expired));
    });
    it('with a wrong password', async () => {
      const response = await call('POST', '/auth/login', { body: { username: street.user.coordinator.username, password: 'wrong' } });
      expect(response.status).toBe(401);
    });
  });

  describe('403: a role or organization that may not', () => {
    it("a department cannot reassign the case (a coordinator's action)", async () => {
      const body = await refused(403, () => actions({ type: 'reassign', leadOrganizationId: street.org.sewage }, street.token.housing));
      expect(body.code).toBe('forbidden');
    });
    it('a dispatched department cannot decline for another organization', async () => {
      // The property company must see the case (or it would be a 404): it is dispatched as co-handler and reports in.
      const shared = await caseInRegistration([street.org.property]);
      await act(shared.id, street.token.property, { type: 'register', contactName: 'Zhao', contactPhone: '13700137000' });
      const decline = { type: 'decline', organizationId: street.org.housing, reasonCode: 'other', reason: 'not ours' };
      const body = await refused(403, () => actions(decline, street.token.property, undefined, shared), shared);
      expect(body.message).toMatch(/own organization/);
    });
    it('a community user cannot open a case for another community', async () => {
      const response = await call('POST', '/cases', { token: street.token.otherCommunity, body: whistleBody(street) });
      expect(response.status).toBe(403);
    });
    it('only admins create organizations and users', async () => {
      expect((await call('POST', '/organizations', { token: street.token.coordinator, body: { name: 'X', kind: 'department' } })).status).toBe(403);
      expect((await call('GET', '/users', { token: street.token.coordinator })).status).toBe(403);
    });
  });

  describe('404: an unknown case', () => {
    it('unknown or malformed ids', async () => {
      expect((await call('GET', '/cases/00000000-0000-4000-8000-000000000000', { token: street.token.coordinator })).status).toBe(404);
      expect((await call('GET', '/cases/nope', { token: street.token.coordinator })).status).toBe(404);
      expect(
        (
          await call('POST', '/cases/00000000-0000-4000-8000-000000000000/actions', {
            token: street.token.coordinator,
            body: { type: 'comment', text: 'x' },
          })
        ).status,
      ).toBe(404);
      expect((await call('GET', '/cases/00000000-0000-4000-8000-000000000000/timeline', { token: street.token.coordinator })).status).toBe(404);
    });
    it('a case the user may not see looks unknown', async () => {
      await refused(404, () => actions({ type: 'comment', text: 'x' }, street.token.emergency));
    });
  });

  describe('409: the stage does not take the action', () => {
    it('says which stage the case is in and which actions it allows', async () => {
      const body = await refused(409, () => actions({ type: 'resolve', summary: 'x', outcome: 'resolved' }));
      expect(body).toMatchObject({ code: 'stage_conflict', details: { stage: 'registration', allowedActions: STAGE_ACTIONS.registration } });
      expect(body.details.allowedActions).toEqual(expect.arrayContaining(['register', 'decline', 'reassign', 'comment', 'withdraw']));
      expect(body.details.allowedActions).not.toContain('resolve');
    });
    it('registering twice is a conflict, not a second registration', async () => {
      const registered = await caseInRegistration();
      const register = { type: 'register', contactName: 'He', contactPhone: '13900139000' };
      await act(registered.id, street.token.housing, register);
      const body = await refused(409, () => actions(register, street.token.housing, undefined, registered), registered);
      expect(body.code).toBe('precondition_failed');
    });
  });

  it('answers an unknown route with 404 and a wrong method with 404 too, both in the error shape', async () => {
    for (const [method, path] of [
      ['GET', '/nothing-here'],
      ['DELETE', `/cases/${inRegistration.id}`],
    ] as const) {
      const response = await call(method, path, { token: street.token.coordinator });
      expect({ method, status: response.status, statusCode: response.body.statusCode }).toEqual({ method, status: 404, statusCode: 404 });
    }
  });

  it('is still healthy after all of that', async () => {
    expect(expectStatus(await call('GET', '/health'), 200).body.status).toBe('up');
  });
});

describe('request bodies', () => {
  let street: TestStreet;
  beforeAll(async () => {
    street = await createTestStreet();
  });

  it('treat an empty JSON body as no body: a 400 about the whole body', async () => {
    const c = await openCase(street);
    const empty = await call('POST', `/cases/${c.id}/actions`, {
      token: street.token.coordinator,
      rawBody: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.details.issues[0].path).toBe('');
  });

  it("refuse prototype tricks with a 400, and leave the API's own objects clean", async () => {
    const c = await openCase(street);
    const polluted = await call('POST', `/cases/${c.id}/actions`, {
      token: street.token.coordinator,
      rawBody: '{"type":"comment","text":"x","__proto__":{"type":"comment","text":"polluted"}}',
    });
    expect(polluted.status).toBe(400);
    // Checked in the API, not in this process: had its Object.prototype taken `type` and `text`, every object there
    // would inherit them, and an empty action would be refused for an unknown key instead of a missing type.
    const emptyAction = await call('POST', `/cases/${c.id}/actions`, { token: street.token.coordinator, body: {} });
    expect(emptyAction.status).toBe(400);
    expect(emptyAction.body.details.issues).toEqual([expect.objectContaining({ path: 'type' })]);
    expect((await timeline(c.id, street.token.coordinator)).filter((e) => e.type === 'commented')).toEqual([]);
  });
});

describe('login throttling', () => {
  it('answers 429 after ten failures a minute on one account, and leaves other accounts alone', async () => {
    const street = await createTestStreet();
    // An account nobody has signed in to yet, so every attempt below is counted from zero.
    const username = `guessed-${street.suffix}`;
    expectStatus(
      await call('POST', '/users', {
        token: street.adminToken,
        body: { username, password: 'a-real-password', displayName: 'Target', roles: ['department'], organizationId: street.org.housing },
      }),
      201,
    );
    const attempt = (name: string) => call('POST', '/auth/login', { body: { username: name, password: 'wrong-password' } });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt(username)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const limited = await attempt(username);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect((await attempt(street.user.sewage.username)).status).toBe(401);
  });
});
