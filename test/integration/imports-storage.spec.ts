import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LocalDirStorage, S3Storage, StorageNotFoundError, storageSegment, type FileStorage } from '@torque/platform';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';

async function read(storage: FileStorage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.open(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Streams `size` random bytes in small chunks (nothing holds the whole body). */
function randomStream(size: number, seen: Buffer[]): Readable {
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const chunk = randomBytes(Math.min(left, 64 * 1024));
      left -= chunk.length;
      seen.push(chunk);
      this.push(chunk);
    },
  });
}

/** The behaviour every FileStorage must have. */
function storageContract(name: string, make: () => FileStorage) {
  describe(name, () => {
    it('stores a stream, reporting its size and SHA-256, and reads it back', async () => {
      const storage = make();
      const seen: Buffer[] = [];
      const stored = await storage.put('uploads/t1/a/source.csv', randomStream(300_000, seen));
      const all = Buffer.concat(seen);
      expect(stored).toEqual({ size: all.length, sha256: sha256(all) });
      expect((await read(storage, 'uploads/t1/a/source.csv')).equals(all)).toBe(true);
    });

    it('replaces an object, removes it, and reports a missing one as StorageNotFoundError', async () => {
      const storage = make();
      await storage.put('k/one.txt', Readable.from([Buffer.from('first')]));
      await storage.put('k/one.txt', Readable.from([Buffer.from('second')]));
      expect(await text(await storage.open('k/one.txt'))).toBe('second');
      await storage.remove('k/one.txt');
      await expect(storage.open('k/one.txt')).rejects.toBeInstanceOf(StorageNotFoundError);
      await storage.remove('k/one.txt');
    });

    it('refuses keys that could leave their place', async () => {
      const storage = make();
      for (const key of ['../escape', 'a/../../b', '/abs', 'a//b', 'a/b c']) {
        await expect(storage.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/invalid storage key/);
      }
    });

    it('fails the put when the stream fails, leaving nothing behind', async () => {
      const storage = make();
      const failing = new Readable({
        read() {
          this.destroy(new Error('client went away'));
        },
      });
      await expect(storage.put('k/broken.csv', failing)).rejects.toThrow('client went away');
      await expect(storage.open('k/broken.csv')).rejects.toBeInstanceOf(StorageNotFoundError);
    });
  });
}

describe('file storage', () => {
  let dir: string;
  let server: Server;
  let endpoint: string;
  const objects = new Map<string, Buffer>();
  const uploads = new Map<string, Map<number, Buffer>>();
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'torque-storage-'));
    server = createServer((req, res) => void fakeS3(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  /**
   * Just enough of the S3 REST API (path-style) for S3Storage: PutObject, GetObject, DeleteObject and
   * multipart uploads (create, upload part, complete, abort).
   */
  async function fakeS3(req: IncomingMessage, res: import('node:http').ServerResponse) {
    const url = new URL(req.url!, endpoint);
    const key = decodeURIComponent(url.pathname);
    const q = url.searchParams;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    requests.push(`${req.method} ${url.pathname}${url.search ? ` ${[...q.keys()].join('&')}` : ''}`);
    const xml = (status: number, doc: string) => {
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>${doc}`);
    };
    if (req.method === 'PUT' && q.has('partNumber')) {
      uploads.get(q.get('uploadId')!)!.set(Number(q.get('partNumber')), body);
      res.writeHead(200, { etag: `"${sha256(body).slice(0, 32)}"` });
      return res.end();
    }
    if (req.method === 'PUT') {
      objects.set(key, body);
      res.writeHead(200, { etag: `"${sha256(body).slice(0, 32)}"` });
      return res.end();
    }
    if (req.method === 'POST' && q.has('uploads')) {
      const id = randomBytes(8).toString('hex');
      uploads.set(id, new Map());
      return xml(
        200,
        `<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>${key}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
      );
    }
    if (req.method === 'POST' && q.has('uploadId')) {
      const parts = uploads.get(q.get('uploadId')!)!;
      objects.set(key, Buffer.concat([...parts.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b)));
      uploads.delete(q.get('uploadId')!);
      return xml(
        200,
        `<CompleteMultipartUploadResult><Key>${key}</Key><ETag>"x"</ETag></CompleteMultipartUploadResult>`,
      );
    }
    if (req.method === 'DELETE' && q.has('uploadId')) {
      uploads.delete(q.get('uploadId')!);
      res.writeHead(204);
      return res.end();
    }
    if (req.method === 'DELETE') {
      objects.delete(key);
      res.writeHead(204);
      return res.end();
    }
    if (req.method === 'GET' && objects.has(key)) {
      res.writeHead(200, { 'content-length': objects.get(key)!.length });
      return res.end(objects.get(key));
    }
    return xml(
      404,
      `<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${key}</Key></Error>`,
    );
  }

  storageContract('LocalDirStorage', () => new LocalDirStorage(dir));

  storageContract(
    'S3Storage (against a small S3-speaking server)',
    () =>
      new S3Storage({
        bucket: 'torque',
        region: 'us-east-1',
        endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test-secret' },
      }),
  );

  it('LocalDirStorage writes under a temporary name, so no half file is ever visible', async () => {
    const storage = new LocalDirStorage(dir);
    await storage.put('atomic/x.csv', Readable.from([Buffer.from('a,b\n')]));
    expect(await readdir(path.join(dir, 'atomic'))).toEqual(['x.csv']);
  });

  it('LocalDirStorage leaves no temporary file behind when the body fails at once', async () => {
    const storage = new LocalDirStorage(dir);
    for (let i = 0; i < 20; i++) {
      const failing = new Readable({
        read() {
          this.destroy(new Error('refused'));
        },
      });
      await expect(storage.put(`early/${i}.csv`, failing)).rejects.toThrow('refused');
    }
    expect(await readdir(path.join(dir, 'early'))).toEqual([]);
  });

  it('S3Storage streams a large body as a multipart upload under its bucket', async () => {
    const storage = new S3Storage({
      bucket: 'torque',
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 't', secretAccessKey: 's' },
      prefix: 'ns',
    });
    const seen: Buffer[] = [];
    requests.length = 0;
    const stored = await storage.put('big/file.csv', randomStream(20 * 1024 * 1024, seen));
    expect(stored.size).toBe(20 * 1024 * 1024);
    expect(objects.get('/torque/ns/big/file.csv')?.equals(Buffer.concat(seen))).toBe(true);
    expect(requests.filter((r) => r.includes('partNumber')).length).toBe(3);
    await storage.destroy();
  });

  it('makes any tenant id a safe key segment', () => {
    expect(storageSegment('acme')).toBe('acme');
    expect(storageSegment('../x y')).toBe('=2e=2e=2fx=20y');
  });
});
