import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** lib/browser/soc.ts: nothing is sent or stored unless the administrator set reportUrl. */

const realFetch = globalThis.fetch;
const lookalike = { url: 'https://ameli-remboursement.example/login?token=abc', verdict: 'lookalike' as const, target: 'ameli.fr', reasons: ['combosquat' as const] };

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
  vi.restoreAllMocks();
  globalThis.fetch = realFetch;
});

describe('reportWarning', () => {
  it('without reportUrl: no request, nothing stored', async () => {
    const fetchMock = vi.fn();
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const { reportWarning } = await import('@/lib/browser/soc');
    await reportWarning(lookalike);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.local.get('socReportQueue')).toEqual({});
  });

  it('with reportUrl: POSTs the redacted report; queues and schedules a retry when it fails', async () => {
    await fakeBrowser.storage.managed.set({ reportUrl: 'https://soc.example.fr/vigie' });
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '9.8.7' });
    const bodies: unknown[] = [];
    let up = false;
    globalThis.fetch = vi.fn(async (_url: string, init: RequestInit) => {
      if (!up) throw new TypeError('fetch failed');
      bodies.push(JSON.parse(init.body as string));
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    const { reportWarning, SOC_RETRY_ALARM, startSocReporting } = await import('@/lib/browser/soc');
    await reportWarning(lookalike);
    const stored = (await fakeBrowser.storage.local.get('socReportQueue')).socReportQueue as { queue: unknown[] };
    expect(stored.queue).toHaveLength(1);
    expect(await fakeBrowser.alarms.get(SOC_RETRY_ALARM)).toBeTruthy();

    up = true;
    startSocReporting();
    // The retry alarm fires after the backoff delay.
    const later = Date.now() + 7 * 3_600_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SOC_RETRY_ALARM, scheduledTime: later } as Parameters<typeof fakeBrowser.alarms.onAlarm.trigger>[0]);
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    await vi.waitFor(async () => expect(((await fakeBrowser.storage.local.get('socReportQueue')).socReportQueue as { queue: unknown[] }).queue).toHaveLength(0));
    expect(bodies[0]).toMatchObject({ url: 'https://ameli-remboursement.example/login', verdict: 'lookalike', target: 'ameli.fr', extensionVersion: '9.8.7' });
  });
});
