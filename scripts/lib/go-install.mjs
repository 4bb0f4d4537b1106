import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { logger } from './log.mjs';

const log = logger('go');

/**
 * `go install`s `packages` into `dir` (GOBIN) unless every one of `binaries` is already there. A lock beside `dir`
 * keeps two processes on one machine (a developer's `npm start` and CI's run, say) from building at once: the
 * second waits for the first and then finds the binaries.
 */
export async function goInstallOnce({ dir, packages, binaries, what }) {
  const present = () => binaries.every((name) => existsSync(`${dir}/${name}`));
  if (present()) return;
  mkdirSync(dir, { recursive: true });
  const release = await acquireLock(`${dir}.lock`, what);
  try {
    if (present()) return;
    await goInstall({ dir, packages, what });
  } finally {
    release();
  }
}

async function acquireLock(lockDir, what) {
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir); // atomic: only one process creates it
      writeFileSync(`${lockDir}/pid`, String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (lockHolderIsGone(lockDir)) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!announced) {
      log.info(`another process is building ${what} (lock ${lockDir}); waiting for it`);
      announced = true;
    }
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

/** A build killed half-way leaves its lock behind; its pid no longer runs. */
function lockHolderIsGone(lockDir) {
  let pid;
  try {
    pid = Number(readFileSync(`${lockDir}/pid`, 'utf8'));
  } catch {
    return false; // just created, pid not written yet
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

function goInstall({ dir, packages, what }) {
  log.info(`building ${what} with go install into ${dir} (several minutes on two cores, once per machine)`);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('go', ['install', '-v', ...packages], {
      env: { ...process.env, GOTOOLCHAIN: 'local', GOBIN: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let packagesBuilt = 0;
    let lastLines = [];
    const progress = setInterval(() => {
      log.info(`  still building: ${packagesBuilt} packages compiled, ${Math.round((Date.now() - started) / 1000)} s`);
    }, 15_000);
    const count = (chunk) => {
      const lines = chunk.toString().split('\n').filter(Boolean);
      packagesBuilt += lines.length;
      lastLines = [...lastLines, ...lines].slice(-20);
    };
    child.stdout.on('data', count);
    child.stderr.on('data', count);
    child.on('exit', (code) => {
      clearInterval(progress);
      if (code === 0) {
        log.info(`  built ${what} in ${Math.round((Date.now() - started) / 1000)} s`);
        resolve();
      } else reject(new Error(`go install of ${what} failed with exit code ${code}:\n${lastLines.join('\n')}`));
    });
  });
}
