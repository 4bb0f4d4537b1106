// A map tile server on loopback for the test stack (WHISTLE_MAP_TILE_URL): the suites never need the internet for the
// console's maps. Every tile is the same small PNG; GET /served says how many tiles were asked for, so a browser suite
// can tell the console fetched its tiles from the configured server.
import http from 'node:http';

// A 1×1 light grey PNG (the map stretches it to the tile's 256×256).
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48eIFAAV0ArnZwsdlAAAAAElFTkSuQmCC', 'base64');

export async function startTileServer() {
  let served = 0;
  const server = http.createServer((request, response) => {
    if (request.url === '/served') return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ served }));
    if (!/^\/tiles\/\d+\/-?\d+\/-?\d+\.png$/.test(request.url ?? '')) return response.writeHead(404).end();
    served += 1;
    response.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*', 'cache-control': 'no-store' }).end(TILE);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    template: `${base}/tiles/{z}/{x}/{y}.png`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
