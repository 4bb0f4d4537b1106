// Starts the real stack once for every suite in tests/: embedded PostgreSQL (a fresh database each run),
// a Temporal dev server (in memory), the API and the worker, exactly as `npm start` runs them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAdmin } from '../../scripts/lib/admin.mjs';
import { freePort } from '../../scripts/lib/ports.mjs';
import { startStack } from '../../scripts/lib/stack.mjs';
import { startTileServer } from './tile-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function globalSetup() {
  const adminPassword = `test-${Math.random().toString(36).slice(2)}-admin`;
  const apiPort = await freePort();
  // The console's maps take their tiles from loopback: no suite needs the internet.
  const tiles = await startTileServer();
  globalThis.__WHISTLE_TILES__ = tiles;
  // The console as it ships (a build served by `vite preview`, the one `npm start` caches in .data/console, built
  // only when its sources changed), but with React's development build: its warnings are what the browser suites'
  // console check (tests/e2e/pages/browser.ts) looks for. It builds while the services start.
  const adminStarting = startAdmin({
    root,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    port: await freePort(),
    mode: 'preview',
    flavour: 'development',
    quiet: !process.env.WHISTLE_VERBOSE,
  });
  adminStarting.catch(() => {}); // awaited below
  const stack = await startStack({
    root,
    // One cluster per run, so two runs on one machine (a developer's and CI's) never share a data directory.
    dataDir: path.join(root, '.data/test', `run-${process.pid}`),
    database: 'whistle_test',
    freshDatabase: true,
    apiPort,
    adminPassword,
    quiet: !process.env.WHISTLE_VERBOSE,
    // The suites' stand-in robots listen on plain http on 127.0.0.1 (and only there): everything else stays refused.
    extraEnv: {
      WHISTLE_WEBHOOK_ALLOW_HTTP: 'true',
      WHISTLE_WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1/32',
      WHISTLE_CONSOLE_ORIGINS: 'http://console.test',
      // The suites drive many cases fast from one account; http-edges.test.ts checks the limits on an API of its own.
      WHISTLE_RATE_LIMIT_WRITES: '100000',
      WHISTLE_RATE_LIMIT_PUBLIC: '100000',
      WHISTLE_CASES_PER_COMMUNITY_HOUR: '100000',
      // Every suite signs in from 127.0.0.1; auth-throttle.test.ts checks the address lock on an API of its own.
      WHISTLE_LOGIN_FAILURES_PER_ADDRESS: '100000',
      WHISTLE_AUDIT_REFUSALS_PER_ADDRESS: '100000',
      // No Temporal UI runs in the tests; an address lets case-page.test.ts check the coordinator's link to it.
      WHISTLE_TEMPORAL_UI_URL: 'http://temporal-ui.test:8233',
      WHISTLE_MAP_TILE_URL: tiles.template,
      WHISTLE_MAP_ATTRIBUTION: 'Test tiles',
    },
  }).catch(async (error) => {
    await adminStarting.then((started) => started.stop()).catch(() => {});
    await tiles.close();
    throw error;
  });
  globalThis.__WHISTLE_STACK__ = stack;
  const admin = await adminStarting.catch(async (error) => {
    await stack.stop();
    await tiles.close();
    throw error;
  });
  globalThis.__WHISTLE_ADMIN__ = admin;
  // Test files run in child processes started after this, so they inherit these.
  Object.assign(process.env, {
    WHISTLE_API_URL: stack.apiUrl,
    // Every API and the Temporal frontend each one uses, in the same order: two of each in the cluster mode.
    WHISTLE_API_URLS: stack.apiUrls.join(','),
    WHISTLE_TEMPORAL_ADDRESSES: stack.envs.map((env) => env.TEMPORAL_ADDRESS).join(','),
    WHISTLE_ADMIN_URL: admin.url,
    WHISTLE_ADMIN_PASSWORD: adminPassword,
    WHISTLE_ROOT: root,
    DATABASE_URL: stack.env.DATABASE_URL,
    TEMPORAL_ADDRESS: stack.env.TEMPORAL_ADDRESS,
    WHISTLE_TEMPORAL_CLI: stack.temporal.cliPath ?? '',
    WHISTLE_JWT_SECRET: stack.env.WHISTLE_JWT_SECRET,
    WHISTLE_MAP_TILE_URL: tiles.template,
    WHISTLE_TILE_SERVER: tiles.base,
    // Attachments' files are under its attachments/ (the attachments suite checks what is stored).
    WHISTLE_DATA_DIR: stack.env.WHISTLE_DATA_DIR,
  });
}
