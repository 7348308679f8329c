import { describe, expect, it } from 'vitest';
import { buildReport, redactUrl, SocReporter, type FetchLike, type SocQueueState, type SocReport } from '../lib/soc-report';

const T = Date.parse('2026-11-23T10:00:00Z');

describe('buildReport', () => {
  it('has exactly the contract keys and nothing else', () => {
    const r = buildReport({ url: 'https://ameli-remboursement.example/login?nir=1850575123456&email=a@b.fr#step2', verdict: 'lookalike', target: 'ameli.fr', reasons: ['combosquat'] }, T, '1.2.3');
    expect(r).toEqual({
      url: 'https://ameli-remboursement.example/login',
      verdict: 'lookalike',
      target: 'ameli.fr',
      reasons: ['combosquat'],
      time: '2026-11-23T10:00:00.000Z',
      extensionVersion: '1.2.3',
    });
    expect(Object.keys(r!)).toEqual(['url', 'verdict', 'target', 'reasons', 'time', 'extensionVersion']);
  });

  it.each(['official', 'unknown', 'invalid'] as const)('nothing to report for %s', (verdict) => {
    expect(buildReport({ url: 'https://ameli.fr/', verdict, target: null, reasons: [] }, T, '1')).toBeNull();
  });

  it.each([
    ['https://user:secret@evil.example:8443/a/b?x=1', 'https://evil.example:8443/a/b'],
    ['http://xn--meli-7ra.example/', 'http://xn--meli-7ra.example/'],
    ['file:///etc/passwd', null],
    ['not a url', null],
  ])('redactUrl(%s)', (input, out) => expect(redactUrl(input)).toBe(out));
});

function setup(initial: SocQueueState | null = null, maxEntries = 100) {
  let now = T;
  let saved = initial;
  const store = { load: async () => saved, save: async (s: SocQueueState) => void (saved = s) };
  const reporter = new SocReporter({ store, now: () => now, random: () => 0.5, maxEntries, retryBaseMs: 60_000 });
  return { reporter, saved: () => saved, advance: (ms: number) => (now += ms), now: () => now };
}

const report = (n: number, time = T + n * 120_000): SocReport => ({
  url: `https://fake-${n}.example/`,
  verdict: 'lookalike',
  target: 'ameli.fr',
  reasons: ['typo'],
  time: new Date(time).toISOString(),
  extensionVersion: '0.1.0',
});

function endpoint(statuses: (number | 'throw')[]) {
  const bodies: unknown[] = [];
  let i = 0;
  const fetch: FetchLike = async (url, init) => {
    const st = statuses[Math.min(i++, statuses.length - 1)]!;
    if (st === 'throw') throw new TypeError('fetch failed');
    expect(url).toBe('https://soc.example.fr/vigie');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    bodies.push(JSON.parse(init.body as string));
    return new Response(null, { status: st });
  };
  return { fetch, bodies };
}

describe('SocReporter', () => {
  it('POSTs each queued report as JSON, oldest first, and empties the queue', async () => {
    const t = setup();
    await t.reporter.enqueue(report(1));
    await t.reporter.enqueue(report(2));
    const ep = endpoint([204]);
    expect(await t.reporter.flush(ep.fetch, 'https://soc.example.fr/vigie')).toEqual({ sent: 2, dropped: 0, remaining: 0 });
    expect(ep.bodies).toEqual([report(1), report(2)]);
    expect(t.saved()!.queue).toEqual([]);
  });

  it('keeps reports while offline, backs off, and sends them later', async () => {
    const t = setup();
    await t.reporter.enqueue(report(1));
    const offline = endpoint(['throw']);
    const r1 = await t.reporter.flush(offline.fetch, 'https://soc.example.fr/vigie');
    expect(r1).toMatchObject({ sent: 0, remaining: 1, error: expect.stringMatching(/network/) });
    const s = t.saved()!;
    expect(s.consecutiveFailures).toBe(1);
    expect(s.nextAttemptAt).toBe(T + 45_000); // 60 s × (0.5 + 0.5 × 0.5)
    expect(s.queue[0]!.attempts).toBe(1);
    // Before the backoff elapses nothing is tried.
    const online = endpoint([200]);
    expect(await t.reporter.flush(online.fetch, 'https://soc.example.fr/vigie')).toEqual({ sent: 0, dropped: 0, remaining: 1 });
    expect(online.bodies).toHaveLength(0);
    // A second failure doubles the delay.
    t.advance(45_000);
    await t.reporter.flush(endpoint([503]).fetch, 'https://soc.example.fr/vigie');
    expect(t.saved()!.nextAttemptAt).toBe(t.now() + 90_000);
    t.advance(90_000);
    expect(await t.reporter.flush(online.fetch, 'https://soc.example.fr/vigie')).toEqual({ sent: 1, dropped: 0, remaining: 0 });
    expect(t.saved()).toMatchObject({ consecutiveFailures: 0, nextAttemptAt: null });
  });

  it('drops a report the endpoint rejects for good (400), keeps it on 429', async () => {
    const t = setup();
    await t.reporter.enqueue(report(1));
    await t.reporter.enqueue(report(2));
    expect(await t.reporter.flush(endpoint([400, 429]).fetch, 'https://soc.example.fr/vigie')).toMatchObject({ sent: 0, dropped: 1, remaining: 1, error: 'HTTP 429' });
    expect(t.saved()!.queue.map((q) => q.report.url)).toEqual(['https://fake-2.example/']);
  });

  it('is bounded: the oldest reports are dropped and counted', async () => {
    const t = setup(null, 3);
    for (let n = 1; n <= 5; n++) await t.reporter.enqueue(report(n));
    const s = t.saved()!;
    expect(s.queue.map((q) => q.report.url)).toEqual(['https://fake-3.example/', 'https://fake-4.example/', 'https://fake-5.example/']);
    expect(s.dropped).toBe(2);
  });

  it('queues the same warning once per minute (page reloads)', async () => {
    const t = setup();
    await t.reporter.enqueue(report(1, T));
    await t.reporter.enqueue({ ...report(1, T + 30_000) });
    await t.reporter.enqueue({ ...report(1, T + 61_000) });
    expect(t.saved()!.queue).toHaveLength(2);
  });

  it('survives a restart: the queue is reloaded from the store', async () => {
    const a = setup();
    await a.reporter.enqueue(report(1));
    const b = setup(a.saved());
    const ep = endpoint([200]);
    expect(await b.reporter.flush(ep.fetch, 'https://soc.example.fr/vigie')).toMatchObject({ sent: 1 });
  });

  it('clear() forgets everything', async () => {
    const t = setup();
    await t.reporter.enqueue(report(1));
    await t.reporter.clear();
    expect(t.saved()!.queue).toEqual([]);
  });

  it('one flush at a time', async () => {
    const t = setup();
    await t.reporter.enqueue(report(1));
    let calls = 0;
    const slow: FetchLike = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 10));
      return new Response(null, { status: 200 });
    };
    const [x, y] = await Promise.all([t.reporter.flush(slow, 'https://soc.example.fr/vigie'), t.reporter.flush(slow, 'https://soc.example.fr/vigie')]);
    expect(calls).toBe(1);
    expect(x).toEqual(y);
  });
});
