// The attachment store's contract, run on both stores it has: files on local disk, and a real S3-compatible server
// (gofakes3, built once per machine with `go install` by scripts/lib/gofakes3.mjs and started here on a free port)
// through the AWS SDK client the API uses against MinIO or AWS.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { StoredObjectMissing, type AttachmentStorage } from '../apps/api/src/attachments/storage/attachment-storage';
import { LocalDiskStorage } from '../apps/api/src/attachments/storage/local-disk-storage';
import { S3Storage } from '../apps/api/src/attachments/storage/s3-storage';

jest.setTimeout(180_000);

const GOFAKES3 = path.join(__dirname, '..', 'scripts', 'lib', 'gofakes3.mjs');

function locateGofakes3(): string {
  const script = `import { locateGofakes3 } from ${JSON.stringify(GOFAKES3)}; console.log('GOFAKES3=' + (await locateGofakes3()));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out
    .split('\n')
    .find((line) => line.startsWith('GOFAKES3='))!
    .slice('GOFAKES3='.length);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`gofakes3 exited with ${child.exitCode}`);
    const open = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gofakes3 did not listen on ${port}`);
}

let diskRoot: string;
let s3Server: ChildProcess;
let s3Port: number;
const stores: Record<string, () => AttachmentStorage> = {};
const bucket = 'whistle-attachments';

beforeAll(async () => {
  diskRoot = mkdtempSync(path.join(os.tmpdir(), 'whistle-attachments-'));
  stores['local disk'] = () => new LocalDiskStorage(diskRoot);
  const binary = locateGofakes3();
  s3Port = await freePort();
  // No bucket to begin with, as on a fresh MinIO: the store creates it with its first file.
  s3Server = spawn(binary, ['-backend', 'memory', '-host', `127.0.0.1:${s3Port}`], { stdio: 'ignore' });
  await waitForPort(s3Port, s3Server);
  stores['an S3-compatible server'] = () =>
    new S3Storage({
      bucket,
      endpoint: `http://127.0.0.1:${s3Port}`,
      region: 'us-east-1',
      accessKeyId: 'test-key',
      secretAccessKey: 'test-secret',
      forcePathStyle: true,
    });
});

afterAll(() => {
  s3Server?.kill('SIGTERM');
  rmSync(diskRoot, { recursive: true, force: true });
});

describe.each(['local disk', 'an S3-compatible server'])('the attachment store on %s', (name) => {
  let store: AttachmentStorage;
  const caseId = () => `case-${Math.random().toString(16).slice(2)}`;

  beforeAll(() => {
    store = stores[name]();
  });

  it('gives back exactly the bytes it was given, and says they exist', async () => {
    const key = `${caseId()}/a1/original`;
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 256));
    expect(await store.exists(key)).toBe(false);
    await store.put(key, bytes, 'application/pdf');
    expect(await store.exists(key)).toBe(true);
    expect((await read(await store.get(key))).equals(bytes)).toBe(true);
  });

  it('replaces what a key held when put again', async () => {
    const key = `${caseId()}/a2/original`;
    await store.put(key, Buffer.from('first version'), 'application/pdf');
    await store.put(key, Buffer.from('second'), 'application/pdf');
    expect((await read(await store.get(key))).toString()).toBe('second');
  });

  it('deletes a key (and deleting one that is not there is no error)', async () => {
    const key = `${caseId()}/a3/thumbnail`;
    await store.put(key, Buffer.from('thumb'), 'image/webp');
    await store.delete(key);
    expect(await store.exists(key)).toBe(false);
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it('answers a missing key with StoredObjectMissing, not some other failure', async () => {
    await expect(store.get(`${caseId()}/never/original`)).rejects.toBeInstanceOf(StoredObjectMissing);
  });

  it('keeps keys apart: one case does not see another case under a similar key', async () => {
    const one = caseId();
    await store.put(`${one}/x/original`, Buffer.from('one'), 'application/pdf');
    expect(await store.exists(`${one}/x`)).toBe(false);
    expect(await store.exists(`${one}/x/original-2`)).toBe(false);
  });

  it('refuses keys that could climb out of its place or name something else', async () => {
    for (const key of ['../etc/passwd', 'a/../../b', '/absolute', 'A/Upper', 'a//b', 'a/b/', 'a b']) {
      await expect(store.put(key, Buffer.from('x'), 'application/pdf')).rejects.toThrow(/not a storage key/);
    }
  });
});

describe('the local disk store', () => {
  it('leaves no empty folder of a deleted file behind, and keeps the folders still in use', async () => {
    const store = new LocalDiskStorage(diskRoot);
    await store.put('case-tidy/a/original', Buffer.from('x'), 'application/pdf');
    await store.put('case-tidy/a/thumbnail', Buffer.from('x'), 'image/webp');
    await store.put('case-tidy/b/original', Buffer.from('x'), 'application/pdf');
    await store.delete('case-tidy/a/original');
    expect(readdirSync(path.join(diskRoot, 'case-tidy', 'a'))).toEqual(['thumbnail']);
    await store.delete('case-tidy/a/thumbnail');
    expect(readdirSync(path.join(diskRoot, 'case-tidy'))).toEqual(['b']);
    await store.delete('case-tidy/b/original');
    expect(readdirSync(diskRoot)).not.toContain('case-tidy');
  });

  it('leaves no partial files behind and keeps the files under its directory', async () => {
    const store = new LocalDiskStorage(diskRoot);
    await store.put('case-layout/a/original', Buffer.from('x'), 'application/pdf');
    expect(readdirSync(path.join(diskRoot, 'case-layout', 'a'))).toEqual(['original']);
  });
});
