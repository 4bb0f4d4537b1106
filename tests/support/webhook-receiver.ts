import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server standing in for a WeCom/DingTalk group robot: records every POST it gets. */
export async function startWebhookReceiver(options: { failFirst?: number; host?: string; failureBody?: string } = {}) {
  const received: { path: string; body: any; at: number }[] = [];
  let failuresLeft = options.failFirst ?? 0;
  const server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        response.writeHead(500).end(options.failureBody ?? 'busy');
        return;
      }
      received.push({ path: request.url ?? '/', body: JSON.parse(raw || 'null'), at: Date.now() });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/robot') => `http://${options.host ?? '127.0.0.1'}:${port}${path}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
