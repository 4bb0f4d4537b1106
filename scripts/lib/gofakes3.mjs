import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goInstallOnce } from './go-install.mjs';

/**
 * gofakes3: a small S3-compatible server in Go, for the attachment storage's contract tests against a real S3 API
 * (MinIO's Docker image is not an option where Docker does not run). Built once per machine with `go install`,
 * as the Temporal CLI is, into the per-user cache outside the clone (53 s measured on a busy two-core machine).
 */
export const GOFAKES3_VERSION = '1.2.0';

export function gofakes3CacheDir() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'whistle', `gofakes3-${GOFAKES3_VERSION}`);
}

/** The gofakes3 binary: GOFAKES3 if set, else the cached build, built first when missing (Go must be on PATH). */
export async function locateGofakes3() {
  if (process.env.GOFAKES3) {
    if (!existsSync(process.env.GOFAKES3)) throw new Error(`GOFAKES3=${process.env.GOFAKES3} does not exist`);
    return process.env.GOFAKES3;
  }
  const binary = path.join(gofakes3CacheDir(), 'gofakes3');
  await goInstallOnce({
    dir: gofakes3CacheDir(),
    packages: [`github.com/johannesboyne/gofakes3/cmd/gofakes3@v${GOFAKES3_VERSION}`],
    binaries: ['gofakes3'],
    what: `gofakes3 v${GOFAKES3_VERSION} (an S3-compatible test server)`,
  });
  if (!existsSync(binary)) throw new Error(`go install did not leave gofakes3 at ${binary}`);
  return binary;
}
