import { randomBytes } from 'node:crypto';
import { freePortSync } from '../support/ports';
import { call, expectStatus, login, repeatWhileUnavailable } from '../support/api';
import { createTestStreet, whistleBody, type TestStreet } from '../support/street';
import { startAppProcess, type AppProcess } from '../support/processes';
import { connectTemporal, recordHistoryIfAsked, workflowState } from '../support/temporal';

/**
 * Kills the worker with SIGKILL in the middle of a case and starts a new one: nothing is lost, no request waits
 * longer than the API's engine wait, and what was sent while no worker ran is applied once, when a repeat with the
 * same key asks. Runs its own API and worker on a task queue of their own, so the other suites keep their worker.
 */
describe('worker killed mid-case', () => {
  let street: TestStreet;
  let api: AppProcess;
  let worker: AppProcess | undefined;
  let baseUrl: string;
  let temporal: Awaited<ReturnType<typeof connectTemporal>>;
  const ENGINE_WAIT_MS = 3_000;
  const env = () => ({
    TEMPORAL_TASK_QUEUE: `restart-${randomBytesHex}`,
    PORT: String(port),
    WORKER_LOG_LEVEL: 'ERROR',
    WHISTLE_ENGINE_WAIT_MS: String(ENGINE_WAIT_MS),
  });
  const randomBytesHex = randomBytes(4).toString('hex');
  const port = freePortSync();

  beforeAll(async () => {
    street = await createTestStreet();
    temporal = await connectTemporal();
    [api, worker] = await Promise.all([startAppProcess('api', env()), startAppProcess('worker', env())]);
    baseUrl = `http://127.0.0.1:${port}`;
    // Two processes booting (one bundling the workflows) on two cores shared with the other suites.
  }, 180_000);
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await temporal?.close();
  });

  const post = (path: string, token: string, body: object) => call('POST', path, { token, body, baseUrl });

  it('health tells the truth: 200 with the pollers while a worker polls, 503 naming the workers where none does', async () => {
    const healthy = expectStatus(await call('GET', '/health', { baseUrl }), 200).body;
    expect(healthy.checks.workers.status).toBe('up');
    expect(healthy.checks.workers.pollers).toBeGreaterThanOrEqual(1);

    const lonelyPort = freePortSync();
    const lonely = await startAppProcess('api', { ...env(), TEMPORAL_TASK_QUEUE: `nobody-${randomBytesHex}`, PORT: String(lonelyPort) });
    try {
      const down = await call('GET', '/health', { baseUrl: `http://127.0.0.1:${lonelyPort}` });
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        status: 'down',
        checks: {
          postgres: { status: 'up' },
          temporal: { status: 'up' },
          workers: { status: 'down', pollers: 0, lastPollSecondsAgo: null, error: 'no worker has polled the case task queue' },
        },
      });
    } finally {
      await lonely.stop();
    }
  }, 90_000);

  it('loses nothing: an action sent while no worker runs answers 503 in bounded time, and its keyed repeat applies it once', async () => {
    const communityToken = await login(street.user.community.username, 'street-test-password');
    const c = expectStatus(await post('/cases', communityToken, whistleBody(street)), 201).body;
    expectStatus(await post(`/cases/${c.id}/actions`, street.token.coordinator, { type: 'dispatch', leadOrganizationId: street.org.housing }), 200);

    await worker!.stop('SIGKILL');
    const register = () =>
      call('POST', `/cases/${c.id}/actions`, {
        token: street.token.housing,
        body: { type: 'register', contactName: 'He', contactPhone: '13900139000' },
        headers: { 'idempotency-key': `register-${randomBytesHex}` },
        baseUrl,
      });
    const started = Date.now();
    const first = await register();
    expect({ status: first.status, code: first.body.code }).toEqual({ status: 503, code: 'unavailable' });
    expect(first.body.message).toMatch(/has not changed the case yet .*same Idempotency-Key/);
    expect(Date.now() - started).toBeLessThan(ENGINE_WAIT_MS + 5_000);
    expect(expectStatus(await call('GET', `/cases/${c.id}`, { token: street.token.coordinator, baseUrl }), 200).body.stage).toBe('registration');

    worker = await startAppProcess('worker', env());
    const answered = await repeatWhileUnavailable(register);
    const registered = expectStatus(answered, 200).body;
    expect(registered.stage).toBe('coordination');
    expect(expectStatus(await register(), 200).body.version).toBe(registered.version);

    expectStatus(await post(`/cases/${c.id}/actions`, street.token.coordinator, { type: 'withdraw', reason: 'test over' }), 200);
    const finalState = await workflowState(temporal.client, c.workflowId);
    const projection = expectStatus(await call('GET', `/cases/${c.id}`, { token: street.token.coordinator, baseUrl }), 200).body;
    expect(projection.version).toBe(finalState.version);
    const events = expectStatus(await call('GET', `/cases/${c.id}/timeline`, { token: street.token.coordinator, baseUrl }), 200).body;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'whistled',
      'dispatched',
      'stage_changed',
      'registered',
      'stage_changed',
      'stage_changed',
      'withdrawn',
    ]);
    expect(events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await recordHistoryIfAsked(temporal.client, c.workflowId, 'worker-restart');
  });

  it('a create while no worker runs answers 202 with the case it will be in bounded time, and its repeat with the same key returns it', async () => {
    const communityToken = await login(street.user.community.username, 'street-test-password');
    const create = () =>
      call('POST', '/cases', {
        token: communityToken,
        body: whistleBody(street),
        headers: { 'idempotency-key': `create-${randomBytesHex}` },
        baseUrl,
      });
    await worker!.stop('SIGKILL');
    const started = Date.now();
    const first = await create();
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'opening', location: `/api/cases/${first.body.id}` });
    expect(first.headers.get('location')).toBe(`/api/cases/${first.body.id}`);
    expect(first.body.message).toMatch(/same Idempotency-Key/);
    expect(Date.now() - started).toBeLessThan(ENGINE_WAIT_MS + 5_000);

    worker = await startAppProcess('worker', env());
    const repeated = expectStatus(await create(), 201).body;
    expect(repeated).toMatchObject({ id: first.body.id, code: first.body.code, stage: 'whistle' });
    expect(expectStatus(await create(), 201).body.id).toBe(repeated.id);
  }, 90_000);
});
