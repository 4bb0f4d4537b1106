// The fault run's schedule and its client's reading of answers (scripts/lib/faults), run in a child Node: the
// modules are plain ESM for the launch scripts, as in temporal-server-config.spec.ts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const FAULTS = path.join(__dirname, '..', 'scripts', 'lib', 'faults');

function call(module: string, fn: string, ...args: unknown[]): unknown {
  const script = `import * as m from ${JSON.stringify(path.join(FAULTS, module))}; process.stdout.write(JSON.stringify(m[process.argv[1]](...JSON.parse(process.argv[2]))));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, fn, JSON.stringify(args)], { encoding: 'utf8' }));
}

type Fault = { components: string[]; afterMs: number; downMs: number };

describe('faultPlan', () => {
  it('kills each component once in the short run, in an order the seed decides', () => {
    const plan = call('plan.mjs', 'faultPlan', { seed: 42, gapMs: [2_000, 5_000], downMs: [1_000, 3_000] }) as Fault[];
    expect(plan.map((f) => f.components.length)).toEqual([1, 1, 1, 1]);
    expect(plan.flatMap((f) => f.components).sort()).toEqual(['api', 'postgres', 'temporal', 'worker']);
    for (const f of plan) {
      expect(f.afterMs).toBeGreaterThanOrEqual(2_000);
      expect(f.afterMs).toBeLessThanOrEqual(5_000);
      expect(f.downMs).toBeGreaterThanOrEqual(1_000);
      expect(f.downMs).toBeLessThanOrEqual(3_000);
    }
    expect(call('plan.mjs', 'faultPlan', { seed: 42, gapMs: [2_000, 5_000], downMs: [1_000, 3_000] })).toEqual(plan);
    expect(call('plan.mjs', 'faultPlan', { seed: 7, gapMs: [2_000, 5_000], downMs: [1_000, 3_000] })).not.toEqual(plan);
  });

  it('adds two-at-once faults, and keeps PostgreSQL down as long as asked', () => {
    const plan = call('plan.mjs', 'faultPlan', { seed: 3, rounds: 2, pairs: 2, postgresDownMs: 60_000 }) as Fault[];
    expect(plan).toHaveLength(10);
    expect(plan.slice(8).map((f) => f.components.length)).toEqual([2, 2]);
    for (const f of plan.filter((x) => x.components.includes('postgres'))) expect(f.downMs).toBe(60_000);
  });
});

describe('alarmAllowanceMs', () => {
  const allowance = (due: number, raised: number, outages: unknown[]) => call('plan.mjs', 'alarmAllowanceMs', due, raised, outages, 15_000);

  it('allows only the grace to an alarm that came due in a calm spell, and ignores outages it did not live through', () => {
    const before = { components: ['worker'], fromMs: 0, toMs: 50_000 };
    const after = { components: ['postgres'], fromMs: 200_000, toMs: 260_000 };
    expect(allowance(100_000, 105_000, [before, after])).toBe(15_000);
  });

  it('adds the time what alarms need was down after it came due, overlaps once, and a grace for each outage', () => {
    const outages = [
      { components: ['worker', 'temporal'], fromMs: 90_000, toMs: 110_000 }, // 10 s of it after the alarm came due
      { components: ['api', 'worker'], fromMs: 120_000, toMs: 160_000 },
      { components: ['postgres'], fromMs: 150_000, toMs: 170_000 }, // 10 s beyond the one before
    ];
    expect(allowance(100_000, 200_000, outages)).toBe(10_000 + 40_000 + 10_000 + 4 * 15_000);
  });

  it('counts nothing for an outage of the API alone: alarms do not pass through it', () => {
    expect(allowance(100_000, 150_000, [{ components: ['api'], fromMs: 100_000, toMs: 140_000 }])).toBe(15_000);
  });
});

describe('answerKind', () => {
  it('counts a 2xx as acknowledged except 202, a 4xx as refused except 408 and 429, and retries the rest', () => {
    const kinds = [200, 201, 202, 400, 403, 404, 408, 409, 429, 500, 502, 503].map((status) => [status, call('load.mjs', 'answerKind', status)]);
    expect(kinds).toEqual([
      [200, 'acked'],
      [201, 'acked'],
      [202, 'retry'],
      [400, 'refused'],
      [403, 'refused'],
      [404, 'refused'],
      [408, 'retry'],
      [409, 'refused'],
      [429, 'retry'],
      [500, 'retry'],
      [502, 'retry'],
      [503, 'retry'],
    ]);
  });
});

describe('checkAnswers', () => {
  it('fails a run in which any answer was a 5xx other than 503', () => {
    expect(call('checks.mjs', 'checkAnswers', { 200: 5, 503: 2, network: 3 })).toEqual([
      { name: 'no answer was a 5xx other than 503', checked: 10, failures: 0, examples: [] },
    ]);
    expect(call('checks.mjs', 'checkAnswers', { 200: 5, 500: 3, 502: 1 })).toMatchObject([
      {
        failures: 2,
        examples: [
          { status: '500', times: 3 },
          { status: '502', times: 1 },
        ],
      },
    ]);
  });
});
