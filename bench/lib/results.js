import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The machine a run was measured on. */
export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function gitCommit(root) {
  const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  try {
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no').length > 0 };
  } catch {
    return { commit: null, dirty: null };
  }
}

/** `2026-11-30T19-20-05Z-intake.json`: sortable by date, and the benchmark in the name. */
export function resultFileName(benchmark, date) {
  return `${date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')}-${benchmark}.json`;
}

/** Writes one run's result under bench/results/ and returns its path. */
export function writeResult(root, { benchmark, parameters, results, date = new Date() }) {
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, resultFileName(benchmark, date));
  const record = { benchmark, date: date.toISOString(), machine: machine(), git: gitCommit(root), parameters, results };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}
