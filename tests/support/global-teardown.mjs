export default async function globalTeardown() {
  await globalThis.__WHISTLE_ADMIN__?.stop();
  await globalThis.__WHISTLE_STACK__?.stop();
}
