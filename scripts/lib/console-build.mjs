import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the console is built from: its own sources and config, the domain it shares, and the locked dependencies. */
const SOURCES = ['apps/admin', 'libs/domain', 'package-lock.json'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.vite']);
/** Builds kept beside the newest, so a running `npm start` keeps its files while a test run builds changed sources. */
const KEPT_BUILDS = 3;

function filesUnder(root, relative) {
  const full = path.join(root, relative);
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => !(entry.isDirectory() && SKIPPED_DIRS.has(entry.name)) && !entry.name.endsWith('.spec.ts'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesUnder(root, path.join(relative, entry.name)));
}

/**
 * A sha256 over the path and content of every file the console's build reads (and the flavour), so a build is
 * reused exactly while none of them changed.
 */
export function consoleSourceHash(root, flavour) {
  const hash = createHash('sha256').update(`flavour:${flavour}\n`);
  for (const file of SOURCES.flatMap((source) => filesUnder(root, source))) {
    hash
      .update(`${file}\n`)
      .update(readFileSync(path.join(root, file)))
      .update('\n');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where built consoles are kept: one directory per flavour and source hash, shared by `npm start` and the tests. */
export function consoleBuildsDir(root) {
  return path.join(root, '.data', 'console');
}

/**
 * The directory of a build of the current sources, building it first when there is none. Builds land in a
 * scratch directory and are renamed into place whole, so two launchers building at once never serve half a build.
 * `flavour` is `production`, or `development` (React's development build, which reports warnings; the tests use it).
 */
export async function ensureConsoleBuild({ root, flavour, build, log }) {
  const dir = consoleBuildsDir(root);
  const hash = consoleSourceHash(root, flavour);
  const target = path.join(dir, `${flavour}-${hash}`);
  if (existsSync(path.join(target, 'index.html'))) {
    log?.(`console build ${path.basename(target)} is current`);
    return target;
  }
  mkdirSync(dir, { recursive: true });
  const scratch = path.join(dir, `.building-${process.pid}-${Date.now()}`);
  const started = Date.now();
  log?.(`building the console (${flavour}, sources ${hash})...`);
  try {
    await build(scratch);
    if (!existsSync(path.join(scratch, 'index.html'))) throw new Error(`the console build wrote no index.html into ${scratch}`);
    try {
      renameSync(scratch, target);
    } catch (error) {
      // Another launcher finished the same build first: theirs is as good as ours.
      if (!existsSync(path.join(target, 'index.html'))) throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  log?.(`console built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  pruneOldBuilds(dir);
  return target;
}

function pruneOldBuilds(dir) {
  const entries = readdirSync(dir, { withFileTypes: true });
  // Scratch directories of launchers that died mid-build (an hour is far longer than any build).
  for (const entry of entries.filter((e) => e.name.startsWith('.building-'))) {
    const full = path.join(dir, entry.name);
    if (Date.now() - statSync(full).mtimeMs > 3_600_000) rmSync(full, { recursive: true, force: true });
  }
  const builds = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => ({ dir: path.join(dir, entry.name), mtime: statSync(path.join(dir, entry.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of builds.slice(KEPT_BUILDS)) rmSync(old.dir, { recursive: true, force: true });
}
