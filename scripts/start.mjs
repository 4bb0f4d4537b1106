// `npm start`: installs what is missing, starts PostgreSQL, Temporal, the API (which migrates), the worker and
// the admin console, seeds the demo street once, and prints every URL and login. Ctrl-C stops all of it.
// The console is a production build, cached in .data/console until its sources change; `npm run dev`
// (`--dev`) serves it from Vite's dev server instead, for working on it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);

const { startStack } = await import('./lib/stack.mjs');
const { startAdmin } = await import('./lib/admin.mjs');
const { seedDemo } = await import('./lib/demo-seed.mjs');
const { localSecret } = await import('./lib/secrets.mjs');

const dataDir = process.env.WHISTLE_DATA_DIR ? path.resolve(process.env.WHISTLE_DATA_DIR) : path.join(root, '.data');
const apiPort = Number(process.env.PORT ?? 3000);
const adminPort = Number(process.env.ADMIN_PORT ?? 5173);
const adminPassword = localSecret(dataDir, 'admin-password', 'WHISTLE_ADMIN_PASSWORD');
const demoPassword = localSecret(dataDir, 'demo-password', 'WHISTLE_DEMO_PASSWORD');
const jwtSecret = localSecret(dataDir, 'jwt-secret', 'WHISTLE_JWT_SECRET', 32);
const adminMode = process.argv.includes('--dev') ? 'dev' : 'preview';

// The console builds (when its sources changed) while the services start: it needs the API only to proxy requests.
const adminStarting = startAdmin({ root, apiUrl: `http://127.0.0.1:${apiPort}`, port: adminPort, mode: adminMode });
adminStarting.catch(() => {}); // awaited below; a failure is reported there

const stack = await startStack({
  root,
  dataDir,
  database: 'whistle',
  postgresPort: Number(process.env.WHISTLE_PG_PORT ?? 54320),
  apiPort,
  // WHISTLE_TEMPORAL=cluster runs a second API (on the second Temporal node) on the next port.
  extraApiPorts: [apiPort + 1],
  temporalPort: Number(process.env.TEMPORAL_PORT ?? 7233),
  temporalUiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
  temporalDbFile: path.join(dataDir, 'temporal.db'),
  jwtSecret: jwtSecret.value,
  adminPassword: adminPassword.value,
  quiet: true,
  // The console proxies /api through its own origin; these let it (or a tool) call the API directly too.
  extraEnv: { WHISTLE_CONSOLE_ORIGINS: process.env.WHISTLE_CONSOLE_ORIGINS ?? `http://localhost:${adminPort},http://127.0.0.1:${adminPort}` },
  // A child that dies is restarted with backoff; one that keeps dying stops everything, loudly (exit code 1).
  supervision: { onGiveUp: (reason) => giveUp(reason) },
}).catch(async (error) => {
  await adminStarting.then((started) => started.stop()).catch(() => {});
  throw error;
});
let admin;
function giveUp(reason) {
  console.error(`\nWhistle cannot keep running: ${reason}. Stopping everything; see the output above for why it died.`);
  void stop(1);
}
const stop = async (code = 0) => {
  console.log('\nstopping...');
  await admin?.stop().catch(() => {});
  await stack.stop();
  process.exit(code);
};
process.once('SIGINT', () => stop());
process.once('SIGTERM', () => stop());

try {
  const demo = await seedDemo({ apiUrl: stack.apiUrl, adminPassword: adminPassword.value, demoPassword: demoPassword.value });
  admin = await adminStarting;
  console.log(`
Whistle is running.
  Admin console   ${admin.url}${adminMode === 'dev' ? '   (Vite dev server)' : ''}
  API             ${stack.apiUrls.map((url) => `${url}/api`).join('   ')}${stack.apiUrls.length > 1 ? '   (one per Temporal node; the console uses the first)' : ''}
  API health      ${stack.apiUrl}/api/health
  OpenAPI         ${stack.apiUrl}/api/docs   (JSON: ${stack.apiUrl}/api/docs-json)
  Temporal UI     ${stack.temporal.uiUrl ?? `none (WHISTLE_TEMPORAL=${process.env.WHISTLE_TEMPORAL}: ${stack.temporal.source} at ${stack.temporal.addresses.join(', ')})`}
  PostgreSQL      ${stack.env.DATABASE_URL}

Logins
  admin           password ${adminPassword.value}   (from ${adminPassword.source})
  demo users      password ${demoPassword.value}   (from ${demoPassword.source})
${demo.users.map((u) => `    ${u.username.padEnd(14)} ${u.displayName}`).join('\n')}

Ctrl-C stops everything.`);
} catch (error) {
  console.error('start failed:', error);
  await stop(1);
}
