import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookPolicy } from '@whistle/domain';
import { postWebhook, WebhookFailure, type ResolveAll } from './webhook-post';

/** A robot on loopback: answers by path, records what reached it. */
async function robot() {
  const hits: string[] = [];
  const keys: (string | undefined)[] = [];
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    keys.push(request.headers['idempotency-key'] as string | undefined);
    request.resume();
    request.on('end', () => {
      if (request.url === '/redirect') response.writeHead(302, { location: '/elsewhere' }).end();
      else if (request.url === '/leaky') response.writeHead(500).end('internal secret: db password hunter2');
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, hits, keys, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const loopbackAllowed: WebhookPolicy = { allowHttp: true, allowedAddresses: ['127.0.0.1/32'] };
const httpOnly: WebhookPolicy = { allowHttp: true, allowedAddresses: [] };

describe('postWebhook', () => {
  let server: Awaited<ReturnType<typeof robot>>;
  beforeEach(async () => {
    server = await robot();
  });
  afterEach(() => server.close());

  it('posts where the policy allows, and returns the reply', async () => {
    await expect(postWebhook(`http://127.0.0.1:${server.port}/ok`, { hello: 1 }, loopbackAllowed)).resolves.toBe('{"errcode":0}');
    expect(server.hits).toEqual(['/ok']);
  });

  it('sends the headers it is given beside its own', async () => {
    await postWebhook(`http://127.0.0.1:${server.port}/ok`, {}, loopbackAllowed, { headers: { 'idempotency-key': 'notice-7' } });
    expect(server.keys).toEqual(['notice-7']);
  });

  it('refuses a loopback URL under the default policy without connecting', async () => {
    const attempt = postWebhook(`http://127.0.0.1:${server.port}/ok`, {}, httpOnly);
    await expect(attempt).rejects.toThrow(/refused: the URL must not point at a loopback address/);
    await expect(attempt).rejects.toMatchObject({ final: true });
    expect(server.hits).toEqual([]);
  });

  it('refuses plain http unless allowed', async () => {
    await expect(postWebhook(`http://127.0.0.1:${server.port}/ok`, {}, { allowHttp: false, allowedAddresses: ['127.0.0.1/32'] })).rejects.toThrow(
      /must be an https URL/,
    );
    expect(server.hits).toEqual([]);
  });

  it('checks the address a public-looking name resolves to at send time (DNS rebinding)', async () => {
    // The name passes the check on save; when sent, it resolves to loopback.
    const rebinding: ResolveAll = (_host, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
    const attempt = postWebhook(`http://robot.example.com:${server.port}/ok`, {}, httpOnly, { resolveAll: rebinding });
    await expect(attempt).rejects.toThrow('refused: robot.example.com resolves to a loopback address');
    await expect(attempt).rejects.toBeInstanceOf(WebhookFailure);
    expect(server.hits).toEqual([]);
    // Any one private address among several is enough to refuse.
    const mixed: ResolveAll = (_host, _options, callback) =>
      callback(null, [
        { address: '101.226.4.6', family: 4 },
        { address: '10.0.0.5', family: 4 },
      ]);
    await expect(postWebhook(`https://robot.example.com/ok`, {}, httpOnly, { resolveAll: mixed })).rejects.toThrow(/private address/);
  });

  it('follows no redirect', async () => {
    await expect(postWebhook(`http://127.0.0.1:${server.port}/redirect`, {}, loopbackAllowed)).rejects.toThrow('HTTP 302');
    expect(server.hits).toEqual(['/redirect']);
  });

  it('keeps nothing of a failed reply but its status', async () => {
    const failure = await postWebhook(`http://127.0.0.1:${server.port}/leaky`, {}, loopbackAllowed).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(WebhookFailure);
    expect((failure as Error).message).toBe('HTTP 500');
  });
});
