import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Pinned: a new release may add checks or change generation, which should be a deliberate upgrade. */
export const SCHEMATHESIS_VERSION = '4.32.5';

function cacheDir() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'whistle', `schemathesis-${SCHEMATHESIS_VERSION}`);
}

function findPython(): string {
  for (const candidate of [process.env.WHISTLE_PYTHON, 'python3.12', 'python3.11', 'python3.10', 'python3'].filter((c): c is string => !!c)) {
    const probe = spawnSync(candidate, ['-c', 'import sys; assert sys.version_info >= (3, 10)'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  throw new Error('the fuzz run needs Python 3.10 or newer (set WHISTLE_PYTHON to one)');
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${result.status ?? result.signal}`);
}

/**
 * Schemathesis (from PyPI) in a virtualenv outside the clone, installed once per machine like the Temporal
 * CLI, so a fresh clone or CI reuses it. A marker written last tells a finished install from an interrupted one.
 * Returns the `st` executable.
 */
export function ensureSchemathesis(): string {
  const dir = cacheDir();
  const marker = path.join(dir, '.installed');
  const st = path.join(dir, 'bin', 'st');
  if (existsSync(marker) && existsSync(st)) return st;
  rmSync(dir, { recursive: true, force: true });
  const python = findPython();
  console.log(`[fuzz] installing schemathesis ${SCHEMATHESIS_VERSION} into ${dir} (once per machine)`);
  run(python, ['-m', 'venv', dir]);
  run(path.join(dir, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`]);
  writeFileSync(marker, `${SCHEMATHESIS_VERSION}\n`);
  return st;
}
