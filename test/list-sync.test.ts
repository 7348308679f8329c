import { describe, expect, it, vi } from 'vitest';
import { parseList } from '../lib/list-schema';
import { ListSync, type FetchLike, type ListSyncOptions, type SyncState } from '../lib/list-sync';
import { listText, makeKey, signBytes, T0 } from './helpers/signed-list';

const URL_A = 'https://lists.example.test/vigie.json';
const URL_B = 'https://other.example.test/list.json';
const HOUR = 3_600_000;
const key = makeKey();
const otherKey = makeKey();
const bundled = parseList(listText(10));

type Route = { status?: number; body?: string | Uint8Array | ReadableStream<Uint8Array>; headers?: Record<string, string> };

/** A fake server: url → answer, recording each request's headers. */
function fakeServer(routes: Record<string, Route | (() => Route | Promise<Route>)>) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    const r = routes[url];
    if (!r) return new Response('not found', { status: 404 });
    const route = typeof r === 'function' ? await r() : r;
    return new Response(route.status === 304 ? null : ((route.body ?? '') as BodyInit), { status: route.status ?? 200, headers: route.headers });
  };
  return { fetch, calls, routes };
}

function serveList(text: string, signer = key, etag = '"v"'): Record<string, Route> {
  return {
    [URL_A]: { body: text, headers: { etag, 'content-type': 'application/json' } },
    [URL_A + '.sig']: { body: signBytes(signer, text) + '\n' },
  };
}

function memoryStore(initial: SyncState | null = null) {
  const saves: { state: SyncState; listChanged: boolean }[] = [];
  let current = initial;
  return {
    saves,
    get state() {
      return current;
    },
    load: async () => current,
    save: async (state: SyncState, listChanged: boolean) => {
      current = state;
      saves.push({ state, listChanged });
    },
  };
}

function setup(routes: Record<string, Route | (() => Route | Promise<Route>)>, over: Partial<ListSyncOptions> = {}) {
  const server = fakeServer(routes);
  const store = over.store ? (over.store as ReturnType<typeof memoryStore>) : memoryStore();
  let now = T0;
  const onListChanged = vi.fn();
  const sync = new ListSync({
    fetch: server.fetch,
    now: () => now,
    random: () => 0.5,
    store,
    bundledList: bundled,
    listUrl: URL_A,
    trustedKeys: [key.publicB64],
    intervalMs: 6 * HOUR,
    onListChanged,
    ...over,
  });
  return { sync, server, store, onListChanged, advance: (ms: number) => (now += ms), now: () => now };
}

describe('ListSync: adoption rules', () => {
  it('adopts a newer list signed by a trusted key', async () => {
    const { sync, store, onListChanged, server } = setup(serveList(listText(11, { extraOrg: 'newins' })));
    expect(sync.currentSource()).toBe('bundled');
    expect(await sync.sync()).toEqual({ outcome: 'adopted', version: 11 });
    expect(sync.currentList().version).toBe(11);
    expect(sync.currentSource()).toBe('synced');
    expect(sync.currentList().organizations.map((o) => o.id)).toContain('newins');
    expect(onListChanged).toHaveBeenCalledTimes(1);
    expect(onListChanged.mock.calls[0]![1]).toBe('synced');
    expect(store.state!.good).toMatchObject({ url: URL_A, version: 11, etag: '"v"' });
    expect(store.saves.at(-1)!.listChanged).toBe(true);
    expect(server.calls.map((c) => c.url)).toEqual([URL_A, URL_A + '.sig']);
    expect(server.calls[0]!.headers['If-None-Match']).toBeUndefined();
  });

  it.each([
    ['list signed by an untrusted key', () => serveList(listText(11), otherKey), 'signature-invalid'],
    ['one byte of the list changed after signing', () => {
      const t = listText(11);
      return { ...serveList(t), [URL_A]: { body: t.replace('"version":11', '"version":12') } };
    }, 'signature-invalid'],
    ['signature file missing', () => ({ [URL_A]: serveList(listText(11))[URL_A]! }), 'signature-missing'],
    ['signature not base64', () => ({ ...serveList(listText(11)), [URL_A + '.sig']: { body: 'hello world' } }), 'signature-invalid'],
    ['signed but not JSON', () => serveList('{"schema":1,'), 'schema'],
    ['signed but schema-invalid (bad category)', () => serveList(listText(11).replace('"public"', '"bank"')), 'schema'],
    ['signed but older than the bundled list', () => serveList(listText(9)), 'rollback'],
    ['signed but expired', () => serveList(listText(11, { expiresAt: new Date(T0 - 1000).toISOString() })), 'expired'],
    ['HTTP 404', () => ({}), 'http-status'],
    ['HTTP 500', () => ({ [URL_A]: { status: 500, body: 'oops' } }), 'http-status'],
    ['304 without a conditional request', () => ({ [URL_A]: { status: 304 } }), 'unexpected-304'],
  ])('%s → %s, bundled list kept', async (_name, routes, code) => {
    const { sync, onListChanged } = setup(routes());
    const r = await sync.sync();
    expect(r).toMatchObject({ outcome: 'failed', error: { code } });
    expect(sync.currentList()).toBe(bundled);
    expect(sync.status().lastError?.code).toBe(code);
    expect(onListChanged).not.toHaveBeenCalled();
  });

  it('no usable trusted key → no-trusted-key', async () => {
    const { sync } = setup(serveList(listText(11)), { trustedKeys: [] });
    expect(await sync.sync()).toMatchObject({ outcome: 'failed', error: { code: 'no-trusted-key' } });
  });

  it('the same version as the bundled list is "up to date", not a failure', async () => {
    const { sync } = setup(serveList(listText(10)));
    expect(await sync.sync()).toEqual({ outcome: 'up-to-date', version: 10 });
    expect(sync.status()).toMatchObject({ source: 'bundled', lastError: null, consecutiveFailures: 0 });
  });

  it('no rollback below the last adopted list either', async () => {
    const t = setup(serveList(listText(12)));
    await t.sync.sync();
    Object.assign(t.server.routes, serveList(listText(11), key, '"w"'));
    expect(await t.sync.sync()).toMatchObject({ outcome: 'failed', error: { code: 'rollback' } });
    expect(t.sync.currentList().version).toBe(12);
  });
});

describe('ListSync: size cap', () => {
  it('rejects early on Content-Length above the cap without reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1024));
      },
    });
    const { sync } = setup({ [URL_A]: { body, headers: { 'content-length': String(6 * 1024 * 1024) } } });
    expect(await sync.sync()).toMatchObject({ outcome: 'failed', error: { code: 'too-large' } });
    expect(pulled).toBeLessThanOrEqual(1); // the stream may prime one chunk, never the whole body
  });

  it('counts streamed bytes when no length is announced', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        sent += 64 * 1024;
        c.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const { sync } = setup({ [URL_A]: { body } }, { maxBytes: 1024 * 1024 });
    expect(await sync.sync()).toMatchObject({ outcome: 'failed', error: { code: 'too-large' } });
    expect(sent).toBeLessThan(2 * 1024 * 1024); // stopped soon after the cap, not an endless read
  });

  it('a list just under the cap is accepted', async () => {
    const text = listText(11);
    const { sync } = setup(serveList(text), { maxBytes: Buffer.byteLength(text) });
    expect(await sync.sync()).toMatchObject({ outcome: 'adopted' });
  });
});

describe('ListSync: conditional requests', () => {
  it('sends the stored ETag and keeps the list on 304', async () => {
    const t = setup(serveList(listText(11), key, '"abc"'));
    await t.sync.sync();
    t.server.routes[URL_A] = { status: 304 };
    t.advance(7 * HOUR);
    expect(await t.sync.sync()).toEqual({ outcome: 'not-modified' });
    expect(t.server.calls.at(-1)).toEqual({ url: URL_A, headers: { Accept: 'application/json', 'If-None-Match': '"abc"' } });
    expect(t.sync.currentList().version).toBe(11);
    expect(t.sync.status()).toMatchObject({ lastSuccessAt: t.now(), lastError: null });
    expect(t.store.saves.at(-1)!.listChanged).toBe(false); // a 304 never rewrites the big list
  });

  it('does not send an ETag learned from another URL', async () => {
    const t = setup(serveList(listText(11), key, '"abc"'));
    await t.sync.sync();
    await t.sync.configure({ listUrl: URL_B });
    t.server.routes[URL_B] = { body: listText(3), headers: { etag: '"b"' } };
    t.server.routes[URL_B + '.sig'] = { body: signBytes(key, listText(3)) };
    await t.sync.sync();
    expect(t.server.calls.find((c) => c.url === URL_B)!.headers['If-None-Match']).toBeUndefined();
  });

  it('after a URL change, the floor is the bundled list, not the old URL\'s list', async () => {
    const t = setup(serveList(listText(30)));
    await t.sync.sync();
    await t.sync.configure({ listUrl: URL_B });
    const text = listText(20, { extraOrg: 'corp' });
    t.server.routes[URL_B] = { body: text };
    t.server.routes[URL_B + '.sig'] = { body: signBytes(key, text) };
    expect(await t.sync.sync()).toEqual({ outcome: 'adopted', version: 20 });
    expect(t.sync.currentList().organizations.map((o) => o.id)).toContain('corp');
  });
});

describe('ListSync: one attempt at a time', () => {
  it('concurrent sync() calls share one in-flight attempt', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const text = listText(11);
    const t = setup({
      [URL_A]: async () => {
        await gate;
        return { body: text };
      },
      [URL_A + '.sig']: { body: signBytes(key, text) },
    });
    const a = t.sync.sync();
    const b = t.sync.sync();
    const c = t.sync.maybeSync();
    await new Promise((r) => setTimeout(r, 5));
    release();
    const results = await Promise.all([a, b, c]);
    expect(results).toEqual([results[0], results[0], results[0]]);
    expect(t.server.calls.filter((x) => x.url === URL_A)).toHaveLength(1);
    // Once settled, a new call makes a new attempt.
    await t.sync.sync();
    expect(t.server.calls.filter((x) => x.url === URL_A)).toHaveLength(2);
  });

  it('stamps the attempt before touching the network', async () => {
    const t = setup({});
    let stampedFirst = false;
    const origFetch = t.server.fetch;
    (t.sync as unknown as { o: { fetch: FetchLike } }).o.fetch = async (u, i) => {
      stampedFirst = t.store.state?.lastAttemptAt === t.now() && (t.store.state?.nextAttemptAt ?? 0) > t.now();
      return origFetch(u, i);
    };
    await t.sync.sync();
    expect(stampedFirst).toBe(true);
  });
});

describe('ListSync: backoff', () => {
  it('backs off exponentially with jitter, capped at 24 h, and resets on success', async () => {
    const randoms = [0, 1, 0.5];
    let i = 0;
    const t = setup({ [URL_A]: { status: 503 } }, { random: () => randoms[i++ % randoms.length]!, retryBaseMs: 5 * 60_000 });
    const delays: number[] = [];
    for (let n = 0; n < 12; n++) {
      await t.sync.sync();
      const s = t.sync.status();
      expect(s.consecutiveFailures).toBe(n + 1);
      expect(s.lastAttemptAt).toBe(t.now());
      delays.push(s.nextAttemptAt! - t.now());
      expect(t.sync.shouldSync()).toBe(false);
      t.advance(s.nextAttemptAt! - t.now());
      expect(t.sync.shouldSync()).toBe(true);
    }
    for (let n = 0; n < delays.length; n++) {
      const nominal = Math.min(24 * HOUR, 5 * 60_000 * 2 ** n);
      expect(delays[n]).toBeGreaterThanOrEqual(nominal / 2);
      expect(delays[n]).toBeLessThanOrEqual(nominal);
    }
    expect(Math.max(...delays)).toBeLessThanOrEqual(24 * HOUR);
    expect(delays[11]).toBeGreaterThanOrEqual(12 * HOUR); // reached the cap region

    Object.assign(t.server.routes, serveList(listText(11)));
    await t.sync.sync();
    const s = t.sync.status();
    expect(s.consecutiveFailures).toBe(0);
    expect(s.lastError).toBeNull();
    const next = s.nextAttemptAt! - t.now();
    expect(next).toBeGreaterThanOrEqual(0.9 * 6 * HOUR);
    expect(next).toBeLessThanOrEqual(1.1 * 6 * HOUR);
  });

  it('maybeSync() does nothing before nextAttemptAt', async () => {
    const t = setup({ [URL_A]: { status: 500 } });
    await t.sync.sync();
    const calls = t.server.calls.length;
    expect(await t.sync.maybeSync()).toBeNull();
    expect(t.server.calls.length).toBe(calls);
    t.advance(25 * HOUR);
    expect(await t.sync.maybeSync()).toMatchObject({ outcome: 'failed' });
    expect(t.server.calls.length).toBe(calls + 1);
  });

  it('a timeout is recorded as such', async () => {
    const t = setup({ [URL_A]: () => new Promise<Route>(() => {}) }, { timeoutMs: 30 });
    // The fake server ignores the signal like a dead peer; the fetch must still be abandoned.
    (t.sync as unknown as { o: { fetch: FetchLike } }).o.fetch = (u, init) =>
      new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await t.sync.sync()).toMatchObject({ outcome: 'failed', error: { code: 'timeout' } });
  });
});

describe('ListSync: the last good list survives', () => {
  async function adoptedState() {
    const t = setup(serveList(listText(11, { extraOrg: 'kept' })));
    await t.sync.sync();
    return t.store.state!;
  }

  it('is loaded and re-verified by a fresh instance (service-worker restart)', async () => {
    const state = await adoptedState();
    const t = setup({}, { store: memoryStore(state) });
    await t.sync.ready();
    expect(t.sync.currentSource()).toBe('synced');
    expect(t.sync.currentList().organizations.map((o) => o.id)).toContain('kept');
  });

  it('a tampered stored list is ignored with an error, and kept on disk', async () => {
    const state = await adoptedState();
    state.good!.listText = state.good!.listText.replace('Org kept', 'Org evil');
    const store = memoryStore(state);
    const t = setup({}, { store });
    await t.sync.ready();
    expect(t.sync.currentList()).toBe(bundled);
    expect(t.sync.status().lastError).toMatchObject({ code: 'stored-invalid' });
    expect(store.state!.good!.listText).toContain('Org evil');
    expect(store.state!.validator).toBeNull(); // next check downloads in full
  });

  it('a stored list with a garbage shape does not crash loading', async () => {
    const t = setup({}, { store: memoryStore({ good: { listText: 42 } } as unknown as SyncState) });
    await t.sync.ready();
    expect(t.sync.currentList()).toBe(bundled);
    expect(t.sync.status().lastError?.code).toBe('stored-invalid');
  });

  it('a store that throws does not break sync', async () => {
    const onStoreError = vi.fn();
    const store = { load: async () => { throw new Error('disk'); }, save: async () => { throw new Error('quota'); } };
    const t = setup(serveList(listText(11)), { store, onStoreError } as Partial<ListSyncOptions>);
    expect(await t.sync.sync()).toMatchObject({ outcome: 'adopted' });
    expect(onStoreError).toHaveBeenCalled();
  });

  it('when the administrator removes the signing key, the stored list stops being used', async () => {
    const state = await adoptedState();
    const t = setup({}, { store: memoryStore(state) });
    await t.sync.ready();
    expect(t.sync.currentSource()).toBe('synced');
    await t.sync.configure({ trustedKeys: [otherKey.publicB64] });
    expect(t.sync.currentList()).toBe(bundled);
    expect(t.onListChanged).toHaveBeenCalledWith(bundled, 'bundled');
    await t.sync.configure({ trustedKeys: [otherKey.publicB64, key.publicB64] });
    expect(t.sync.currentSource()).toBe('synced');
  });

  it('a stored list older than a newer bundled list (extension update) loses to it', async () => {
    const state = await adoptedState(); // v11
    const t = setup({}, { store: memoryStore(state), bundledList: parseList(listText(15)) });
    await t.sync.ready();
    expect(t.sync.currentSource()).toBe('bundled');
    expect(t.sync.currentList().version).toBe(15);
  });
});

describe('ListSync: staleness', () => {
  it('is stale after 3 intervals without success, or when the list expired', async () => {
    const t = setup(serveList(listText(11)));
    await t.sync.ready();
    expect(t.sync.isStale()).toBe(false);
    t.advance(18 * HOUR + 1);
    expect(t.sync.isStale()).toBe(true); // never succeeded since install
    await t.sync.sync();
    expect(t.sync.isStale()).toBe(false);
    t.advance(18 * HOUR + 1);
    expect(t.sync.isStale()).toBe(true);
    expect(t.sync.status().stale).toBe(true);
  });

  it('an expired list in use is stale even right after a check', async () => {
    const t = setup(serveList(listText(10)), { bundledList: parseList(listText(10, { expiresAt: new Date(T0 - 1).toISOString() })) });
    await t.sync.sync();
    expect(t.sync.status()).toMatchObject({ stale: true, expired: true });
  });
});

describe('ListSync: configuration before loading', () => {
  it('a stored list signed by a policy key is accepted when configure() runs before ready()', async () => {
    const t0 = setup(serveList(listText(11)));
    await t0.sync.sync();
    const state = t0.store.state!;
    // Restart: constructed with the bundled keys only (policy not read yet), then configured.
    const t = setup({}, { store: memoryStore(state), trustedKeys: [otherKey.publicB64] });
    await t.sync.configure({ trustedKeys: [otherKey.publicB64, key.publicB64] });
    await t.sync.ready();
    expect(t.sync.currentSource()).toBe('synced');
    expect(t.sync.status().lastError).toBeNull();
  });

  it('a stored-invalid error is cleared once new keys accept the stored list', async () => {
    const t0 = setup(serveList(listText(11)));
    await t0.sync.sync();
    const t = setup({}, { store: memoryStore(t0.store.state!), trustedKeys: [otherKey.publicB64] });
    await t.sync.ready();
    expect(t.sync.status().lastError?.code).toBe('stored-invalid');
    await t.sync.configure({ trustedKeys: [key.publicB64] });
    expect(t.sync.currentSource()).toBe('synced');
    expect(t.sync.status().lastError).toBeNull();
  });
});
