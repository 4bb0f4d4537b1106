import 'reflect-metadata';
import { createApp } from './app.factory';
import { readApiConfig } from './config/api-config';

async function main(): Promise<void> {
  const config = readApiConfig();
  const app = await createApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`api ready: http://127.0.0.1:${config.PORT}/api (docs at /api/docs)`);
}

main().catch((error: unknown) => {
  console.error('api failed to start:', error);
  process.exit(1);
});
