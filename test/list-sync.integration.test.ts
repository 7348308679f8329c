import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseList } from '../lib/list-schema';
import { ListSync, type SyncState } from '../lib/list-sync';
import { listText, makeKey, signBytes, T0 } from './helpers/signed-list';

/**
 * The real thing over loopback: Node's fetch (undici) against node:http, so headers, 304s, aborted
 * sockets and short bodies behave as on the wire. After every failure the last good list must still
 * be the one in use, and a fresh instance loading the store must get it back.
 */

type Mode =
  | { kind: 'list'; text: string; signer?: ReturnType<typeof makeKey>; sig?: string }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  | { kind: 'truncate'; text: string }
  | { kind: 'oversize'; bytes: number; announce: boolean };

const key = makeKey();
const rogue = makeKey();
const bundled = parseList(listText(10));
let mode: Mode;
let server: Server;
let base: string;
const requests: { url: string; ifNoneMatch: string | undefined }[] = [];
const hanging = new Set<ServerResponse>();

function handler(req: IncomingMessage, res: ServerResponse) {
  requests.push({ url: req.url!, ifNoneMatch: req.headers['if-none-match'] });
  const isSig = req.url!.endsWith('.sig');
  switch (mode.kind) {
    case 'status':
      res.writeHead(mode.status).end('error page');
      return;
    case 'hang':
      hanging.add(res); // never answers
      return;
    case 'truncate':
      if (isSig) return void res.writeHead(200).end(signBytes(key, mode.text));
      res.writeHead(200, { 'content-length': String(Buffer.byteLength(mode.text)), etag: '"t"' });
      res.write(mode.text.slice(0, 40));
      setTimeout(() => res.destroy(), 10);
      return;
    case 'oversize': {
      if (isSig) return void res.writeHead(200).end('x');
      res.writeHead(200, mode.announce ? { 'content-length': String(mode.bytes) } : {});
      const chunk = Buffer.alloc(64 * 1024, 32);
      const total = mode.bytes;
      let sent = 0;
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      pump();
      return;
    }
    case 'list': {
      if (isSig) return void res.writeHead(200, { 'content-type': 'text/plain' }).end(mode.sig ?? signBytes(mode.signer ?? key, mode.text) + '\n');
      const etag = '"' + createHash('sha256').update(mode.text).digest('hex').slice(0, 16) + '"';
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/json', etag, 'cache-control': 'no-cache' }).end(mode.text);
    }
  }
}

beforeAll(async () => {
  server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

let stored: SyncState | null;
let now: number;
function makeSync(timeoutMs = 2000) {
  return new ListSync({
    fetch: (u, i) => fetch(u, i),
    now: () => now,
    random: Math.random,
    store: { load: async () => stored, save: async (s) => void (stored = s) },
    bundledList: bundled,
    listUrl: `${base}/lists/vigie.json`,
    trustedKeys: [key.publicB64],
    intervalMs: 6 * 3_600_000,
    timeoutMs,
    maxBytes: 1024 * 1024,
  });
}

describe('ListSync against a real HTTP server', () => {
  let sync: ListSync;
  const good = listText(11, { extraOrg: 'goodorg' });

  beforeEach(async () => {
    stored = null;
    now = T0;
    requests.length = 0;
    sync = makeSync();
    mode = { kind: 'list', text: good };
    expect(await sync.sync()).toEqual({ outcome: 'adopted', version: 11 });
    now += 7 * 3_600_000;
  });

  async function expectGoodListIntact() {
    expect(sync.currentList().version).toBe(11);
    expect(sync.currentList().organizations.map((o) => o.id)).toContain('goodorg');
    const fresh = makeSync();
    await fresh.ready();
    expect(fresh.currentList().version).toBe(11);
    expect(fresh.currentSource()).toBe('synced');
  }

  it('200 then 304 with ETag', async () => {
    expect(await sync.sync()).toEqual({ outcome: 'not-modified' });
    const last = requests.at(-1)!;
    expect(last.url).toBe('/lists/vigie.json');
    expect(last.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);
    expect(sync.status()).toMatchObject({ lastError: null, lastSuccessAt: now });
    await expectGoodListIntact();
  });

  it.each([
    [404, 'http-status'],
    [500, 'http-status'],
  ])('HTTP %s keeps the last good list', async (status, code) => {
    mode = { kind: 'status', status };
    expect(await sync.sync()).toMatchObject({ outcome: 'failed', error: { code } });
    expect(sync.status().consecutiveFailures).toBe(1);
    expect(sync.status().nextAttemptAt).toBeGreaterThan(now);
    await expectGoodListIntact();
  });

  it('a server that never answers times out', async () => {
    sync = makeSync(300);
    await sync.ready();
    mode = { kind: 'hang' };
    const started = Date.now();
    expect(await sync.sync()).toMatchObject({ outcome: 'failed', error: { code: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(3000);
    await expectGoodListIntact();
  });

  it('a truncated body (connection closed before Content-Length) fails as network', async () => {
    mode = { kind: 'truncate', text: listText(12) };
    expect(await sync.sync()).toMatchObject({ outcome: 'failed', error: { code: 'network' } });
    await expectGoodListIntact();
  });

  it.each([[true], [false]])('an oversize body is refused (Content-Length announced: %s)', async (announce) => {
    mode = { kind: 'oversize', bytes: 3 * 1024 * 1024, announce };
    expect(await sync.sync()).toMatchObject({ outcome: 'failed', error: { code: 'too-large' } });
    await expectGoodListIntact();
  });

  it('a tampered list (valid JSON, old signature) is refused', async () => {
    const newer = listText(12, { extraOrg: 'evilorg' });
    mode = { kind: 'list', text: newer.replace('evilorg.example', 'evilorg.examplf'), sig: signBytes(key, newer) };
    expect(await sync.sync()).toMatchObject({ outcome: 'failed', error: { code: 'signature-invalid' } });
    await expectGoodListIntact();
  });

  it('a list signed by an unknown key is refused', async () => {
    mode = { kind: 'list', text: listText(12), signer: rogue };
    expect(await sync.sync()).toMatchObject({ outcome: 'failed', error: { code: 'signature-invalid' } });
    await expectGoodListIntact();
  });

  it('an older validly signed list is refused (no rollback)', async () => {
    mode = { kind: 'list', text: listText(10) };
    expect(await sync.sync()).toMatchObject({ outcome: 'failed', error: { code: 'rollback' } });
    await expectGoodListIntact();
  });

  it('a newer valid list is adopted and persisted', async () => {
    mode = { kind: 'list', text: listText(12, { extraOrg: 'neworg' }) };
    expect(await sync.sync()).toEqual({ outcome: 'adopted', version: 12 });
    const fresh = makeSync();
    await fresh.ready();
    expect(fresh.currentList().version).toBe(12);
    expect(fresh.currentList().organizations.map((o) => o.id)).toContain('neworg');
    // And the next check is conditional on the new ETag.
    now += 7 * 3_600_000;
    expect(await fresh.sync()).toEqual({ outcome: 'not-modified' });
  });

  it('recovers after a failure: the next success clears the error', async () => {
    mode = { kind: 'status', status: 503 };
    await sync.sync();
    expect(sync.status().lastError?.code).toBe('http-status');
    mode = { kind: 'list', text: listText(13) };
    now = sync.status().nextAttemptAt!;
    expect(await sync.maybeSync()).toEqual({ outcome: 'adopted', version: 13 });
    expect(sync.status()).toMatchObject({ lastError: null, consecutiveFailures: 0 });
  });
});
