import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__WHISTLE_ADMIN__?.stop();
  await globalThis.__WHISTLE_STACK__?.stop();
  await globalThis.__WHISTLE_TILES__?.close();
  if (globalThis.__WHISTLE_STACK__?.dataDir) rmSync(globalThis.__WHISTLE_STACK__.dataDir, { recursive: true, force: true });
}
