import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The run's parameters from its flags. `--quick` (about three minutes with the stack's start) takes shorter
 * steps and fewer rates; any flag given overrides it.
 */
export function benchOptions(flags) {
  const quick = flags.quick === true;
  // Quick: small steps from a low rate, as a shared two-core machine may not hold 5 cases/s.
  const quickRates = [2, 4, 6, 8, 10, 12, 15, 20];
  const rates = flags.rates
    ? { list: [flags.rates].flat() }
    : {
        from: flags['rate-from'] ?? 5,
        to: flags['rate-to'] ?? 60,
        step: flags['rate-step'] ?? 5,
        list: quick && !flags['rate-to'] ? quickRates : null,
      };
  return {
    quick,
    intake: { rates, stepSeconds: flags['step-seconds'] ?? (quick ? 12 : 25), warmupSeconds: flags['warmup-seconds'] ?? (quick ? 5 : 10) },
    actions: {
      shares: [flags.shares ?? [0.5, 0.8]].flat(),
      stepSeconds: flags['action-seconds'] ?? (quick ? 15 : 30),
      poolSize: flags.pool ?? 40,
    },
  };
}

/** The intake rate actions are measured against: `--intake-rate`, else the API's sustainable rate in `--intake-file` or the newest intake result. */
export function intakeRateFor(root, flags) {
  if (typeof flags['intake-rate'] === 'number') return { rate: flags['intake-rate'], from: '--intake-rate' };
  const dir = path.join(root, 'bench', 'results');
  const file =
    typeof flags['intake-file'] === 'string'
      ? path.resolve(flags['intake-file'])
      : (() => {
          const newest = readdirSync(dir, { withFileTypes: true })
            .map((e) => e.name)
            .filter((n) => n.endsWith('-intake.json') || n.endsWith('-bench.json'))
            .sort()
            .at(-1);
          return newest ? path.join(dir, newest) : null;
        })();
  if (!file)
    throw new Error('no intake rate: give --intake-rate N or --intake-file bench/results/<run>-intake.json, or run npm run bench:intake first');
  const record = JSON.parse(readFileSync(file, 'utf8'));
  const rate = (record.results.intake ?? record.results).sustainable.api;
  if (!rate) throw new Error(`${file} has no sustainable API intake rate`);
  return { rate, from: path.relative(root, file) };
}
