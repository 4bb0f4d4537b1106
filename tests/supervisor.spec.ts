// How `npm start` keeps its children running (scripts/lib/supervisor.mjs). The module is plain ESM for the launch
// scripts, so each check runs in a child Node, as temporal-server-config.spec.ts does.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const MODULE = path.join(__dirname, '..', 'scripts', 'lib', 'supervisor.mjs');

/** Runs `body` (an async function body with the module as `m`) in a child Node; returns what it returns and what it logged. */
function run(body: string): { result: unknown; log: string } {
  const script = `import * as m from ${JSON.stringify(MODULE)};
    const lines = []; for (const k of ['log', 'warn', 'error']) console[k] = (...a) => lines.push(a.join(' '));
    const result = await (async () => { ${body} })();
    process.stdout.write(JSON.stringify({ result, log: lines.join('\\n') }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: 'pipe' }));
}

describe('restartDecision', () => {
  const decide = (deaths: number[], now: number) => run(`return m.restartDecision(${JSON.stringify(deaths)}, ${now});`).result;

  it('restarts after 1 s, doubling the pause with each death in the last five minutes, up to 30 s', () => {
    expect(decide([], 1_000_000)).toEqual({ restart: true, attempt: 1, delayMs: 1_000 });
    expect(decide([999_000, 999_500], 1_000_000)).toEqual({ restart: true, attempt: 3, delayMs: 4_000 });
    // Deaths older than the window are forgiven.
    expect(decide([0, 1, 2, 3], 1_000_000)).toEqual({ restart: true, attempt: 1, delayMs: 1_000 });
  });

  it('gives up on the sixth death within five minutes', () => {
    expect(
      decide(
        [1, 2, 3, 4, 5].map((s) => 1_000_000 - s * 1000),
        1_000_000,
      ),
    ).toEqual({ restart: false, reason: 'it died 6 times within 300 s' });
  });
});

describe('supervise', () => {
  // A fake child whose `exited` the script resolves by hand; `restart()` makes the next one.
  const FAKES = `
    let made = 0; const children = [];
    const fake = () => { let end; const child = { pid: 100 + made++, exited: new Promise((r) => (end = r)), end: (e) => end(e),
      restart: async () => fake(), stop: async () => { child.stopped = true; } }; children.push(child); return child; };
    const tick = () => new Promise((r) => setTimeout(r, 30));`;

  it('restarts a child that died, says so, and stops the new one when stopped', () => {
    const { result, log } = run(`${FAKES}
      const policy = { firstDelayMs: 10, maxDelayMs: 20, maxRestarts: 3, windowMs: 60_000 };
      const watched = m.supervise('worker', fake(), { policy });
      children[0].end({ code: null, signal: 'SIGKILL' }); await tick();
      const pid = watched.current.pid; await watched.stop();
      return { pid, started: made, newStopped: !!children[1].stopped };`);
    expect(result).toEqual({ pid: 101, started: 2, newStopped: true });
    expect(log).toMatch(/worker exited \(signal SIGKILL\); restarting it in 0.01 s \(restart 1 of at most 3/);
    expect(log).toMatch(/worker is back \(pid 101\)/);
  });

  it('gives up, once, when the child keeps dying, and restarts nothing after that', () => {
    const { result, log } = run(`${FAKES}
      const policy = { firstDelayMs: 1, maxDelayMs: 1, maxRestarts: 2, windowMs: 60_000 };
      const reasons = [];
      m.supervise('api', fake(), { policy, onGiveUp: (reason) => reasons.push(reason) });
      for (let i = 0; i < 3; i++) { children[i].end({ code: 1, signal: null }); await tick(); }
      await tick();
      return { reasons, started: made };`);
    expect(result).toEqual({ reasons: ['api it died 3 times within 60 s'], started: 3 });
    expect(log).toMatch(/api exited \(code 1\) and it died 3 times within 60 s: giving up/);
  });

  it('does not restart a child it was asked to stop', () => {
    const { result } = run(`${FAKES}
      const watched = m.supervise('postgres', fake(), { policy: { firstDelayMs: 1, maxDelayMs: 1, maxRestarts: 3, windowMs: 60_000 } });
      const stopping = watched.stop(); children[0].end({ code: 0, signal: null }); await stopping; await tick();
      return { started: made };`);
    expect(result).toEqual({ started: 1 });
  });
});
