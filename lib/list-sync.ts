import { isExpired, ListError, parseList, type VigieList } from './list-schema';
import { verifyListSignature } from './signature';

/**
 * The list-sync controller (DESIGN.md "Signed list"; issue 4). Pure: fetch, clock, randomness and
 * storage are injected, so the same code runs in the service worker, in Node tests against a real
 * HTTP server, and in unit tests with a fake clock.
 *
 * Invariants:
 * - a list is adopted only if its detached signature verifies with a trusted key over the exact
 *   bytes, the schema validates, it has not expired and its version is above the floor
 *   (the bundled list, and the last adopted list from the same URL): no rollback;
 * - the last good list is never dropped by a failure, and is re-verified when loaded;
 * - every attempt is stamped before the network is touched, and failures back off exponentially
 *   with jitter, so 33 million clients do not retry in step after an outage.
 */

export const SYNC_ERROR_CODES = [
  'network', // connection failed or the body was cut off
  'timeout', // no complete answer within timeoutMs
  'http-status', // the list URL answered something other than 200/304
  'too-large', // the list or signature exceeds the size cap
  'signature-missing', // LIST.sig could not be fetched
  'signature-invalid', // LIST.sig is malformed or does not verify with any trusted key
  'no-trusted-key', // no usable trusted public key is configured
  'schema', // the signed list is not a valid list (JSON or zod)
  'expired', // the signed list's expiresAt is in the past
  'rollback', // the signed list is older than the list in use
  'unexpected-304', // 304 to a request that was not conditional
  'stored-invalid', // the persisted list failed re-verification on load (ignored, kept on disk)
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export interface SyncError {
  code: SyncErrorCode;
  /** English, for logs and the options page detail line. */
  message: string;
  at: number;
}

/** The last adopted list, exactly as downloaded, so it can be re-verified on every load. */
export interface StoredList {
  url: string;
  listText: string;
  signature: string;
  etag: string | null;
  version: number;
  adoptedAt: number;
}

export interface SyncState {
  good: StoredList | null;
  /** ETag to send as If-None-Match for `url`: the adopted list, or a verified one equal to it. */
  validator: { url: string; etag: string } | null;
  /** First time this state existed (staleness reference before any success). */
  createdAt: number;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: SyncError | null;
  consecutiveFailures: number;
  nextAttemptAt: number | null;
}

export interface SyncStore {
  load(): Promise<SyncState | null>;
  /** `listChanged` is false for mere stamps, so a store may skip rewriting a large list. */
  save(state: SyncState, listChanged: boolean): Promise<void>;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface ListSyncConfig {
  listUrl: string;
  /** Bundled keys plus the administrator's `listPublicKeys`. */
  trustedKeys: readonly string[];
  /** Normal interval between checks (policy `syncIntervalMinutes`). */
  intervalMs: number;
}

export interface ListSyncOptions extends ListSyncConfig {
  fetch: FetchLike;
  now: () => number;
  random: () => number;
  store: SyncStore;
  bundledList: VigieList;
  /** Whole attempt (list + signature). Default 15 s. */
  timeoutMs?: number;
  /** Default 5 MB. */
  maxBytes?: number;
  /** First retry delay after a failure, doubled each time. Default 5 min. */
  retryBaseMs?: number;
  /** Backoff cap. Default 24 h. */
  maxBackoffMs?: number;
  /** Stale when the last success is older than staleFactor × interval. Default 3. */
  staleFactor?: number;
  /** Called whenever the list in use changes (adoption, or a stored list accepted/rejected). */
  onListChanged?: (list: VigieList, source: ListSource) => void;
  /** Storage failures are not fatal (the in-memory state still works); they are reported here. */
  onStoreError?: (error: unknown) => void;
}

export type ListSource = 'bundled' | 'synced';

export type SyncOutcome =
  | { outcome: 'adopted'; version: number }
  | { outcome: 'not-modified' } // 304
  | { outcome: 'up-to-date'; version: number } // 200, verified, same version as ours
  | { outcome: 'failed'; error: SyncError };

export interface ListSyncStatus {
  source: ListSource;
  version: number;
  generatedAt: string;
  expiresAt: string;
  organizations: number;
  expired: boolean;
  stale: boolean;
  listUrl: string;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: SyncError | null;
  consecutiveFailures: number;
  nextAttemptAt: number | null;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const SIGNATURE_MAX_BYTES = 4096; // base64 of 64 bytes is 88 characters
const HOUR = 3_600_000;

class SyncFailure extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function emptySyncState(now: number): SyncState {
  return {
    good: null,
    validator: null,
    createdAt: now,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastError: null,
    consecutiveFailures: 0,
    nextAttemptAt: null,
  };
}

/** Reads a body while counting bytes, so a huge or endless answer is cut at `max`. */
async function readCapped(res: Response, max: number, what: string): Promise<Uint8Array> {
  const declared = res.headers.get('content-length');
  if (declared !== null && Number(declared) > max) {
    await res.body?.cancel().catch(() => {});
    throw new SyncFailure('too-large', `${what} announces ${declared} bytes, the cap is ${max}`);
  }
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.byteLength > max) throw new SyncFailure('too-large', `${what} exceeds ${max} bytes`);
    return buf;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw new SyncFailure('too-large', `${what} exceeds ${max} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}

export class ListSync {
  private config: ListSyncConfig;
  private state: SyncState | null = null;
  /** The verified persisted list, when it is valid under the current keys. */
  private synced: { list: VigieList; stored: StoredList } | null = null;
  private loading: Promise<void> | null = null;
  private inFlight: Promise<SyncOutcome> | null = null;
  private readonly o: Required<Omit<ListSyncOptions, keyof ListSyncConfig | 'onListChanged' | 'onStoreError'>> &
    Pick<ListSyncOptions, 'onListChanged' | 'onStoreError'>;

  constructor(options: ListSyncOptions) {
    this.config = { listUrl: options.listUrl, trustedKeys: [...options.trustedKeys], intervalMs: options.intervalMs };
    this.o = {
      fetch: options.fetch,
      now: options.now,
      random: options.random,
      store: options.store,
      bundledList: options.bundledList,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      retryBaseMs: options.retryBaseMs ?? 5 * 60_000,
      maxBackoffMs: options.maxBackoffMs ?? 24 * HOUR,
      staleFactor: options.staleFactor ?? 3,
      onListChanged: options.onListChanged,
      onStoreError: options.onStoreError,
    };
  }

  /** Loads and re-verifies the persisted state once. Call before the first verdict. */
  ready(): Promise<void> {
    this.loading ??= (async () => {
      let loaded: SyncState | null = null;
      try {
        loaded = await this.o.store.load();
      } catch (e) {
        this.o.onStoreError?.(e);
      }
      this.state = loaded ? { ...emptySyncState(this.o.now()), ...loaded } : emptySyncState(this.o.now());
      await this.revalidateStored(false);
    })();
    return this.loading;
  }

  /**
   * Applies new settings (policy change). New keys re-verify the stored list: a list signed only by
   * a key the administrator removed stops being used. A new URL stops sending the old ETag.
   */
  async configure(partial: Partial<ListSyncConfig>): Promise<void> {
    const keysChanged =
      partial.trustedKeys !== undefined &&
      (partial.trustedKeys.length !== this.config.trustedKeys.length || partial.trustedKeys.some((k, i) => k !== this.config.trustedKeys[i]));
    const intervalChanged = partial.intervalMs !== undefined && partial.intervalMs !== this.config.intervalMs;
    this.config = {
      listUrl: partial.listUrl ?? this.config.listUrl,
      trustedKeys: partial.trustedKeys ? [...partial.trustedKeys] : this.config.trustedKeys,
      intervalMs: partial.intervalMs ?? this.config.intervalMs,
    };
    // Not loaded yet: ready() will verify the stored list with these settings.
    if (!this.loading) return;
    await this.loading;
    if (keysChanged) await this.revalidateStored(true);
    // A shorter interval should not wait for a schedule computed with the longer one.
    const s = this.state!;
    if (intervalChanged && s.consecutiveFailures === 0 && s.lastSuccessAt !== null) {
      const next = s.lastSuccessAt + this.config.intervalMs;
      if (s.nextAttemptAt === null || next < s.nextAttemptAt) {
        s.nextAttemptAt = next;
        await this.persist(false);
      }
    }
  }

  /** The list to classify with: the verified synced list if newer than the bundled one. */
  currentList(): VigieList {
    return this.current().list;
  }

  currentSource(): ListSource {
    return this.current().source;
  }

  private current(): { list: VigieList; source: ListSource } {
    const b = this.o.bundledList;
    if (this.synced && this.synced.list.version > b.version) return { list: this.synced.list, source: 'synced' };
    return { list: b, source: 'bundled' };
  }

  /** Lowest version we accept plus one: no rollback below the bundled list or our last list from this URL. */
  private floorVersion(): number {
    let floor = this.o.bundledList.version;
    const g = this.synced?.stored;
    if (g && g.url === this.config.listUrl) floor = Math.max(floor, g.version);
    return floor;
  }

  shouldSync(now: number = this.o.now()): boolean {
    const next = this.state?.nextAttemptAt ?? null;
    return next === null || now >= next;
  }

  /** Whether the UI should say the list may be out of date. */
  isStale(now: number = this.o.now()): boolean {
    if (isExpired(this.currentList(), new Date(now))) return true;
    const s = this.state;
    if (!s) return false;
    const since = s.lastSuccessAt ?? s.createdAt;
    return now - since > this.o.staleFactor * this.config.intervalMs;
  }

  status(now: number = this.o.now()): ListSyncStatus {
    const { list, source } = this.current();
    const s = this.state ?? emptySyncState(now);
    return {
      source,
      version: list.version,
      generatedAt: list.generatedAt,
      expiresAt: list.expiresAt,
      organizations: list.organizations.length,
      expired: isExpired(list, new Date(now)),
      stale: this.isStale(now),
      listUrl: this.config.listUrl,
      lastAttemptAt: s.lastAttemptAt,
      lastSuccessAt: s.lastSuccessAt,
      lastError: s.lastError,
      consecutiveFailures: s.consecutiveFailures,
      nextAttemptAt: s.nextAttemptAt,
    };
  }

  /** Runs a sync only when the schedule (interval or backoff) allows it. */
  async maybeSync(): Promise<SyncOutcome | null> {
    await this.ready();
    if (this.inFlight) return this.inFlight;
    return this.shouldSync() ? this.sync() : null;
  }

  /** Checks the list URL now. Concurrent calls share one attempt. */
  sync(): Promise<SyncOutcome> {
    this.inFlight ??= (async () => {
      try {
        await this.ready();
        return await this.attempt();
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }

  private backoffDelay(failures: number): number {
    const raw = Math.min(this.o.maxBackoffMs, this.o.retryBaseMs * 2 ** Math.min(failures - 1, 30));
    return Math.round(raw * (0.5 + 0.5 * this.o.random())); // "equal jitter": never less than half
  }

  private async attempt(): Promise<SyncOutcome> {
    const s = this.state!;
    const start = this.o.now();
    const { listUrl, trustedKeys } = this.config;
    // Stamp first: if the worker dies mid-download, the next start still waits for the backoff.
    s.lastAttemptAt = start;
    s.nextAttemptAt = start + this.backoffDelay(s.consecutiveFailures + 1);
    await this.persist(false);

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.o.timeoutMs);
    try {
      const outcome = await this.download(listUrl, trustedKeys, controller.signal);
      const now = this.o.now();
      s.lastSuccessAt = now;
      s.lastError = null;
      s.consecutiveFailures = 0;
      s.nextAttemptAt = now + Math.round(this.config.intervalMs * (0.9 + 0.2 * this.o.random()));
      await this.persist(outcome.outcome === 'adopted');
      if (outcome.outcome === 'adopted') this.emitChanged();
      return outcome;
    } catch (e) {
      const now = this.o.now();
      let error: SyncError;
      if (controller.signal.aborted) error = { code: 'timeout', message: `no complete answer within ${this.o.timeoutMs} ms`, at: now };
      else if (e instanceof SyncFailure) error = { code: e.code, message: e.message, at: now };
      else error = { code: 'network', message: `network error: ${describe(e)}`, at: now };
      s.lastError = error;
      s.consecutiveFailures += 1;
      s.nextAttemptAt = now + this.backoffDelay(s.consecutiveFailures);
      await this.persist(false);
      return { outcome: 'failed', error };
    } finally {
      clearTimeout(timer);
    }
  }

  private async download(listUrl: string, trustedKeys: readonly string[], signal: AbortSignal): Promise<Exclude<SyncOutcome, { outcome: 'failed' }>> {
    const s = this.state!;
    const conditional = s.validator && s.validator.url === listUrl ? s.validator.etag : null;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (conditional) headers['If-None-Match'] = conditional;
    // no-store: our own ETag logic decides, the HTTP cache must not answer 200 from a stale copy.
    const init: RequestInit = { headers, signal, cache: 'no-store', credentials: 'omit', redirect: 'follow' };

    const res = await this.o.fetch(listUrl, init);
    if (res.status === 304) {
      await res.body?.cancel().catch(() => {});
      if (!conditional) throw new SyncFailure('unexpected-304', 'the server answered 304 to an unconditional request');
      return { outcome: 'not-modified' };
    }
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => {});
      throw new SyncFailure('http-status', `${listUrl} answered HTTP ${res.status}`);
    }
    const etag = res.headers.get('etag');
    const bytes = await readCapped(res, this.o.maxBytes, 'the list');

    let sigRes: Response;
    try {
      sigRes = await this.o.fetch(listUrl + '.sig', { headers: { Accept: 'text/plain' }, signal, cache: 'no-store', credentials: 'omit', redirect: 'follow' });
    } catch (e) {
      if (signal.aborted) throw e;
      throw new SyncFailure('signature-missing', `cannot fetch ${listUrl}.sig: ${(e as Error)?.message ?? e}`);
    }
    if (sigRes.status !== 200) {
      await sigRes.body?.cancel().catch(() => {});
      throw new SyncFailure('signature-missing', `${listUrl}.sig answered HTTP ${sigRes.status}`);
    }
    const signature = new TextDecoder().decode(await readCapped(sigRes, SIGNATURE_MAX_BYTES, 'the signature')).trim();

    const verified = await verifyListSignature(bytes, signature, trustedKeys);
    if (!verified.ok) {
      const code: SyncErrorCode = verified.reason === 'no-keys' || verified.reason === 'bad-key' ? 'no-trusted-key' : 'signature-invalid';
      throw new SyncFailure(code, verified.message);
    }

    // Only signed bytes are parsed. fatal: a signed list must be valid UTF-8; ignoreBOM keeps the
    // text an exact image of the signed bytes, so the stored copy re-verifies after a restart.
    let listText: string;
    try {
      listText = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new SyncFailure('schema', 'the list is not valid UTF-8');
    }
    let list: VigieList;
    try {
      list = parseList(listText);
    } catch (e) {
      throw new SyncFailure('schema', e instanceof ListError ? e.message : String(e));
    }
    const now = this.o.now();
    if (isExpired(list, new Date(now))) throw new SyncFailure('expired', `list version ${list.version} expired at ${list.expiresAt}`);
    const floor = this.floorVersion();
    if (list.version < floor) throw new SyncFailure('rollback', `list version ${list.version} is older than the list in use (${floor})`);
    if (list.version === floor) {
      if (etag) s.validator = { url: listUrl, etag };
      return { outcome: 'up-to-date', version: list.version };
    }
    const stored: StoredList = { url: listUrl, listText, signature, etag, version: list.version, adoptedAt: now };
    s.good = stored;
    s.validator = etag ? { url: listUrl, etag } : null;
    this.synced = { list, stored };
    return { outcome: 'adopted', version: list.version };
  }

  /** Re-verifies the persisted list with the current keys. A failure is recorded; the data is kept. */
  private async revalidateStored(emit: boolean): Promise<void> {
    const s = this.state!;
    const before = this.current().list;
    this.synced = null;
    const g = s.good;
    if (g) {
      const problem = await this.checkStored(g);
      if (problem) {
        s.lastError = { code: 'stored-invalid', message: `stored list ignored: ${problem}`, at: this.o.now() };
        // The validator belonged to that list: without it the next check downloads in full.
        if (s.validator && s.validator.url === g.url && s.validator.etag === g.etag) s.validator = null;
        await this.persist(false);
      } else if (s.lastError?.code === 'stored-invalid') {
        s.lastError = null; // accepted under the new keys
        await this.persist(false);
      }
    }
    if (emit && this.current().list !== before) this.emitChanged();
  }

  private async checkStored(g: StoredList): Promise<string | null> {
    if (typeof g.listText !== 'string' || typeof g.signature !== 'string') return 'malformed record';
    const v = await verifyListSignature(new TextEncoder().encode(g.listText), g.signature, this.config.trustedKeys);
    if (!v.ok) return v.message;
    try {
      const list = parseList(g.listText);
      this.synced = { list, stored: { ...g, version: list.version } };
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }

  private emitChanged(): void {
    const { list, source } = this.current();
    this.o.onListChanged?.(list, source);
  }

  private async persist(listChanged: boolean): Promise<void> {
    try {
      await this.o.store.save(structuredCloneState(this.state!), listChanged);
    } catch (e) {
      this.o.onStoreError?.(e);
    }
  }
}

function describe(e: unknown): string {
  const err = e as { message?: string; cause?: { message?: string; code?: string } };
  const cause = err?.cause?.code ?? err?.cause?.message;
  return (err?.message ?? String(e)) + (cause ? ` (${cause})` : '');
}

// The store gets a snapshot: later in-memory stamps must not alias what it holds.
function structuredCloneState(s: SyncState): SyncState {
  return {
    ...s,
    good: s.good ? { ...s.good } : null,
    validator: s.validator ? { ...s.validator } : null,
    lastError: s.lastError ? { ...s.lastError } : null,
  };
}
