import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repeatWhileUnavailable } from '../support/api';
import { freePortSync } from '../support/ports';
import { eventually } from '../support/webhook-receiver';

/**
 * `npm start` as a person runs it (its script, on ports of its own and a fresh data directory): the demo
 * comes up, every printed URL answers, the demo street has cases in every stage, a worker or a Temporal server
 * killed with SIGKILL is restarted and cases go on, and stopping it stops all.
 */
/** The pid of the launcher's child whose command line matches. */
function childPid(parent: number, pattern: RegExp): number {
  const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], { encoding: 'utf8' })
    .trim()
    .split('\n');
  const line = lines.find((l) => pattern.test(l));
  if (!line) throw new Error(`no child of ${parent} matches ${pattern}:\n${lines.join('\n')}`);
  return Number(line.trim().split(/\s+/)[0]);
}

describe('npm start', () => {
  const root = path.resolve(__dirname, '../..');
  // Not a mkdtemp directory: PostgreSQL runs as its own user and must be able to enter it.
  const dataDir = path.join(root, '.data/test', `start-${process.pid}`);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const ports = {
    PORT: freePortSync(),
    ADMIN_PORT: freePortSync(),
    TEMPORAL_PORT: freePortSync(),
    TEMPORAL_UI_PORT: freePortSync(),
    WHISTLE_PG_PORT: freePortSync(),
  };
  let child: ChildProcess;
  let output = '';

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('brings up the demo, prints URLs that answer, and stops cleanly', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      WHISTLE_DATA_DIR: dataDir,
    };
    delete env.DATABASE_URL;
    delete env.WHISTLE_ADMIN_PASSWORD;
    child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
        return output.includes('Ctrl-C stops everything');
      },
      150_000,
      500,
    ).catch((error) => {
      throw new Error(`${error.message}; npm start printed:\n${output.slice(-3000)}`);
    });

    const urls = [...output.matchAll(/(API health|OpenAPI|Admin console|Temporal UI)\s+(http:\/\/\S+)/g)].map((m) => [m[1], m[2]]);
    expect(urls.map(([name]) => name).sort()).toEqual(['API health', 'Admin console', 'OpenAPI', 'Temporal UI']);
    for (const [name, url] of urls) expect([name, (await fetch(url)).status]).toEqual([name, 200]);

    const password = /admin\s+password (\S+)/.exec(output)![1];
    const demoPassword = /demo users\s+password (\S+)/.exec(output)![1];
    const api = `http://127.0.0.1:${ports.PORT}/api`;
    const login = async (username: string, pass: string) =>
      (
        (await (
          await fetch(`${api}/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username, password: pass }),
          })
        ).json()) as { accessToken: string }
      ).accessToken;
    const adminToken = await login('admin', password);
    expect(adminToken).toEqual(expect.any(String));
    const coordinator = await login('coordinator', demoPassword);
    const cases = (await (await fetch(`${api}/cases?range=[0,99]`, { headers: { authorization: `Bearer ${coordinator}` } })).json()) as {
      stage: string;
    }[];
    expect(cases).toHaveLength(12);
    expect(new Set(cases.map((c) => c.stage))).toEqual(
      new Set(['whistle', 'registration', 'coordination', 'resolution', 'feedback', 'closed', 'withdrawn']),
    );
    const ruleSets = (await (await fetch(`${api}/rule-sets`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as {
      latestVersion: number;
    }[];
    expect(ruleSets.map((r) => r.latestVersion)).toEqual([1, 1]);

    // Supervision: each killed child is restarted, health is 200 again, and a case takes an action.
    const openCase = cases.find((c) => c.stage === 'coordination') as unknown as { id: string };
    for (const [name, pattern] of [
      ['worker', /apps\/worker\/src\/main\.ts/],
      ['temporal', /temporal server start-dev/],
    ] as const) {
      const pid = childPid(child.pid!, pattern);
      const mark = output.length;
      process.kill(pid, 'SIGKILL');
      await eventually(async () => output.slice(mark).includes(`[supervisor] ${name} is back`), 90_000, 250).catch((error) => {
        throw new Error(`${error.message}; npm start printed:\n${output.slice(mark).slice(-3000)}`);
      });
      expect(output.slice(mark)).toMatch(new RegExp(`\\[supervisor\\] ${name} exited \\(signal SIGKILL\\); restarting it in 1 s`));
      await eventually(async () => (await fetch(`${api}/health`)).status === 200, 120_000, 500);
      // As a client would: the same key again while the engine answers 503 (a fresh worker's first tasks take a moment).
      const comment = () =>
        fetch(`${api}/cases/${openCase.id}/actions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${coordinator}`, 'content-type': 'application/json', 'idempotency-key': `after-${name}-killed` },
          body: JSON.stringify({ type: 'comment', text: `after ${name} was killed` }),
        });
      const commented = await repeatWhileUnavailable(comment, 90_000);
      expect([name, commented.status]).toEqual([name, 200]);
    }

    child.kill('SIGTERM');
    await eventually(async () => child.exitCode !== null || child.signalCode !== null, 30_000);
    for (const port of Object.values(ports).slice(0, 3)) {
      await eventually(
        async () =>
          fetch(`http://127.0.0.1:${port}/`).then(
            () => false,
            () => true,
          ),
        15_000,
      );
    }
  }, 480_000);
});
