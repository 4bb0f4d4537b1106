// The fault run's group robot: a local HTTP server that records every message it takes, and can go away (every
// connection refused) and come back on the same port, as a robot service's outage looks to the worker.
import http from 'node:http';

export async function startRobot(port) {
  const received = [];
  const sockets = new Set();
  const server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      received.push({ key: request.headers['idempotency-key'] ?? null, content: JSON.parse(raw || 'null')?.text?.content ?? null, at: Date.now() });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const listen = () => new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  await listen();
  return { url: `http://127.0.0.1:${port}/robot`, received, down: close, up: listen, close };
}
