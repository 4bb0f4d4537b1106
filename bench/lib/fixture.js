import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { freePort } from '../../scripts/lib/ports.mjs';
import { startStack } from '../../scripts/lib/stack.mjs';
import { pidListeningOn, processSampler } from './processes.js';

const ADMIN_PASSWORD = 'bench-admin-password';

/**
 * JSON over HTTP to the API; a non-2xx answer is an error carrying the status. Given several API URLs (the cluster
 * mode's), the calls take them in turn, so the load spreads evenly over the API processes.
 */
export function apiClient(apiUrls) {
  const urls = [apiUrls].flat();
  let next = 0;
  return async (method, url, token, body) => {
    const apiUrl = urls[next++ % urls.length];
    const response = await fetch(`${apiUrl}/api${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body && JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)?.slice(0, 200)}`);
    return json;
  };
}

/**
 * A fresh stack (through startStack, so WHISTLE_TEMPORAL's mode applies), a street with a community and a
 * coordinator, a published catch-all rule set, a bare Temporal client on the same server, and a sampler of the
 * API, worker, Temporal and PostgreSQL processes. On a cluster the API calls go round the APIs and the bare client's
 * round the frontends (`temporal` is the next frontend's client at each use), so both paths load every node alike;
 * the sampler names the second node's processes `api-2`, `worker-2` and `temporal-2`. `definition` is the rule set's
 * (default: a 3-day registration limit); `extraEnv` goes to the stack's processes.
 */
export async function benchStack(root, { definition = { stages: { registration: { sla: 'P3D' } } }, extraEnv = {} } = {}) {
  const stack = await startStack({
    root,
    // Another directory (WHISTLE_BENCH_DIR) lets two benchmarks run side by side.
    dataDir: path.join(root, process.env.WHISTLE_BENCH_DIR ?? '.data/bench'),
    database: 'whistle_bench',
    freshDatabase: true,
    apiPort: await freePort(),
    adminPassword: ADMIN_PASSWORD,
    quiet: true,
    // Load from one account into one community: the production limits would refuse it.
    extraEnv: { WHISTLE_RATE_LIMIT_WRITES: '100000000', WHISTLE_CASES_PER_COMMUNITY_HOUR: '100000000', ...extraEnv },
  });
  try {
    const api = apiClient(stack.apiUrls);
    const login = async (username, password) => (await api('POST', '/auth/login', null, { username, password })).accessToken;
    const admin = await login('admin', ADMIN_PASSWORD);
    const street = (await api('POST', '/organizations', admin, { name: 'Bench street', kind: 'street' })).id;
    const community = (await api('POST', '/organizations', admin, { name: 'Bench community', kind: 'community', parentId: street })).id;
    await api('POST', '/users', admin, {
      username: 'bench-coordinator',
      password: 'bench-password',
      displayName: 'Coordinator',
      roles: ['coordinator'],
      organizationId: street,
    });
    const coordinator = await login('bench-coordinator', 'bench-password');
    const ruleSet = await api('POST', '/rule-sets', admin, {
      name: 'Bench',
      categories: ['*'],
      definition,
    });
    await api('POST', `/rule-sets/${ruleSet.id}/publish`, admin);
    const connections = await Promise.all(stack.envs.map((env) => Connection.connect({ address: env.TEMPORAL_ADDRESS })));
    const clients = connections.map((connection) => new Client({ connection }));
    let nextClient = 0;
    const postgresPort = Number(new URL(stack.env.DATABASE_URL).port);
    // The dev server's process is found by its port; the real server's nodes are the launcher's own children.
    const temporalPids = stack.temporal.pids ?? [pidListeningOn(Number(stack.env.TEMPORAL_ADDRESS.split(':').pop()))];
    const perNode = (name, pids) => Object.fromEntries(pids.map((pid, i) => [i === 0 ? name : `${name}-${i + 1}`, pid]));
    const sampler = processSampler({
      ...perNode('api', stack.apis.map(pidOf)),
      ...perNode('worker', stack.workers.map(pidOf)),
      ...perNode('temporal', temporalPids),
      postgres: pidListeningOn(postgresPort),
    });
    const openCase = (i) =>
      api('POST', '/cases', coordinator, {
        title: `Bench case ${i}`,
        description: 'A case opened by the benchmark',
        category: 'other',
        communityId: community,
        reporter: { name: 'Bench', phone: '13800138000' },
        channel: 'hotline',
      });
    return {
      stack,
      api,
      admin,
      street,
      community,
      coordinator,
      openCase,
      get temporal() {
        return clients[nextClient++ % clients.length];
      },
      sampler,
      stop: async () => {
        sampler.stop();
        for (const connection of connections) await connection.close().catch(() => {});
        await stack.stop();
      },
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

const pidOf = (app) => app.child.pid;

/**
 * What the API handed Temporal for a case it opened: workflow type, task queue and input, read from the
 * workflow's first history event. The bare client replays exactly this, so both paths do the same work.
 */
export async function startedWith(temporal, workflowId) {
  const { events } = await temporal.workflow.getHandle(workflowId).fetchHistory();
  const started = events[0].workflowExecutionStartedEventAttributes;
  return {
    workflowType: started.workflowType.name,
    taskQueue: started.taskQueue.name,
    input: defaultPayloadConverter.fromPayload(started.input.payloads[0]),
  };
}

/** The template's input for a new case: a new id (the workflow id derived as the API derives it) and code. */
export function freshSeed(template, sequence) {
  const { seed } = template.input;
  const id = randomUUID();
  return {
    ...template.input,
    seed: {
      ...seed,
      id,
      workflowId: seed.workflowId.replace(seed.id, id),
      code: seed.code.replace(/\d+$/, String(sequence).padStart(6, '0')),
      openedAt: new Date().toISOString(),
    },
  };
}

/** Workflow tasks waiting on the task queue, as the server estimates them (null if the server does not say). */
export async function workflowTaskBacklog(temporal, taskQueue) {
  try {
    const { stats } = await temporal.workflowService.describeTaskQueue({
      namespace: temporal.options.namespace,
      taskQueue: { name: taskQueue },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
      reportStats: true,
    });
    return stats ? Number(stats.approximateBacklogCount ?? 0) : null;
  } catch {
    return null;
  }
}
