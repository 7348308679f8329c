import type { ReasonCode, Verdict, VerdictKind } from './verdict';

/**
 * Reports of shown warnings to the administrator's SOC (policy `reportUrl`). Only sent when an
 * administrator configured it. A report holds the warned address, the verdict and the time: no
 * identity, nothing the user typed, no page content. The query string and fragment are dropped
 * because phishing links often carry a per-victim token or e-mail address there.
 */

export interface SocReport {
  url: string;
  verdict: VerdictKind;
  target: string | null;
  reasons: ReasonCode[];
  /** ISO 8601, when the warning was shown. */
  time: string;
  extensionVersion: string;
}

export interface QueuedReport {
  report: SocReport;
  attempts: number;
}

export interface SocQueueState {
  queue: QueuedReport[];
  consecutiveFailures: number;
  nextAttemptAt: number | null;
  /** Reports dropped because the queue was full (oldest first), for the options page. */
  dropped: number;
}

export interface SocQueueStore {
  load(): Promise<SocQueueState | null>;
  save(state: SocQueueState): Promise<void>;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export const SOC_QUEUE_MAX = 100;
const DEDUPE_MS = 60_000;

/** The address without credentials, query or fragment; null if it is not an http(s) URL. */
export function redactUrl(input: string): string | null {
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return `${u.protocol}//${u.host}${u.pathname}`;
}

/** Builds the report for a warning that was shown, or null when there is nothing to report. */
export function buildReport(verdict: Pick<Verdict, 'url' | 'verdict' | 'target' | 'reasons'>, time: number, extensionVersion: string): SocReport | null {
  if (verdict.verdict !== 'lookalike' && verdict.verdict !== 'suspicious') return null;
  const url = redactUrl(verdict.url);
  if (!url) return null;
  return { url, verdict: verdict.verdict, target: verdict.target, reasons: [...verdict.reasons], time: new Date(time).toISOString(), extensionVersion };
}

export function emptySocQueue(): SocQueueState {
  return { queue: [], consecutiveFailures: 0, nextAttemptAt: null, dropped: 0 };
}

export interface SocReporterOptions {
  store: SocQueueStore;
  now: () => number;
  random: () => number;
  maxEntries?: number;
  /** First retry delay, doubled per failure. Default 1 min; cap 6 h. */
  retryBaseMs?: number;
  maxBackoffMs?: number;
  timeoutMs?: number;
}

export type FlushResult = { sent: number; dropped: number; remaining: number; error?: string };

/** A bounded, persisted queue with backoff. All I/O injected; one flush at a time. */
export class SocReporter {
  private state: SocQueueState | null = null;
  private flushing: Promise<FlushResult> | null = null;
  private readonly maxEntries: number;
  private readonly retryBaseMs: number;
  private readonly maxBackoffMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly o: SocReporterOptions) {
    this.maxEntries = o.maxEntries ?? SOC_QUEUE_MAX;
    this.retryBaseMs = o.retryBaseMs ?? 60_000;
    this.maxBackoffMs = o.maxBackoffMs ?? 6 * 3_600_000;
    this.timeoutMs = o.timeoutMs ?? 15_000;
  }

  private async load(): Promise<SocQueueState> {
    if (!this.state) {
      let s: SocQueueState | null = null;
      try {
        s = await this.o.store.load();
      } catch {
        s = null;
      }
      this.state = s && Array.isArray(s.queue) ? { ...emptySocQueue(), ...s } : emptySocQueue();
    }
    return this.state;
  }

  async snapshot(): Promise<SocQueueState> {
    const s = await this.load();
    return { ...s, queue: s.queue.map((q) => ({ ...q })) };
  }

  /** Queues a report. The same address and verdict within a minute is queued once (reloads). */
  async enqueue(report: SocReport): Promise<void> {
    const s = await this.load();
    const t = Date.parse(report.time);
    const dup = s.queue.some((q) => q.report.url === report.url && q.report.verdict === report.verdict && Math.abs(Date.parse(q.report.time) - t) < DEDUPE_MS);
    if (dup) return;
    s.queue.push({ report, attempts: 0 });
    while (s.queue.length > this.maxEntries) {
      s.queue.shift();
      s.dropped++;
    }
    await this.save();
  }

  /** Drops everything (the administrator removed `reportUrl`: keep no data for nobody). */
  async clear(): Promise<void> {
    this.state = emptySocQueue();
    await this.save();
  }

  shouldFlush(now: number = this.o.now()): boolean {
    const s = this.state;
    if (!s || s.queue.length === 0) return s === null; // unknown until loaded: let flush() decide
    return s.nextAttemptAt === null || now >= s.nextAttemptAt;
  }

  /**
   * POSTs queued reports one by one, oldest first. Network errors, timeouts, 408, 429 and 5xx keep
   * the report and back off; other 4xx drop it (the endpoint will never accept it).
   */
  flush(fetch: FetchLike, reportUrl: string, options: { force?: boolean } = {}): Promise<FlushResult> {
    this.flushing ??= (async () => {
      try {
        return await this.doFlush(fetch, reportUrl, options.force ?? false);
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  private async doFlush(fetch: FetchLike, reportUrl: string, force: boolean): Promise<FlushResult> {
    const s = await this.load();
    let sent = 0;
    let dropped = 0;
    if (!force && s.nextAttemptAt !== null && this.o.now() < s.nextAttemptAt) return { sent, dropped, remaining: s.queue.length };
    while (s.queue.length > 0) {
      const item = s.queue[0]!;
      let error: string | null = null;
      let permanent = false;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.timeoutMs);
      try {
        const res = await fetch(reportUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(item.report),
          credentials: 'omit',
          cache: 'no-store',
          signal: controller.signal,
        });
        await res.body?.cancel().catch(() => {});
        if (!res.ok) {
          error = `HTTP ${res.status}`;
          permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
        }
      } catch (e) {
        error = controller.signal.aborted ? 'timeout' : `network error: ${(e as Error)?.message ?? e}`;
      } finally {
        clearTimeout(timer);
      }
      if (error === null || permanent) {
        s.queue.shift();
        if (error === null) sent++;
        else dropped++;
        s.consecutiveFailures = 0;
        s.nextAttemptAt = null;
        await this.save();
        continue;
      }
      item.attempts++;
      s.consecutiveFailures++;
      const delay = Math.min(this.maxBackoffMs, this.retryBaseMs * 2 ** Math.min(s.consecutiveFailures - 1, 30));
      s.nextAttemptAt = this.o.now() + Math.round(delay * (0.5 + 0.5 * this.o.random()));
      await this.save();
      return { sent, dropped, remaining: s.queue.length, error };
    }
    return { sent, dropped, remaining: 0 };
  }

  private async save(): Promise<void> {
    try {
      await this.o.store.save(await this.snapshot());
    } catch {
      /* the in-memory queue still works; a full disk must not break warnings */
    }
  }
}
