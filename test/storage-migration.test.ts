import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listText, makeKey, signBytes } from './helpers/signed-list';

/**
 * Stored data across an extension update and a service-worker restart: the shell's items
 * (lib/browser/storage.ts) and the sync/SOC items (lib/browser/list-store.ts) live side by side in
 * storage.local; an older install's data must come back whole.
 */

const key = makeKey();
const FUTURE = new Date(Date.now() + 90 * 86_400_000).toISOString();
const LIST_URL = 'https://lists.example.test/vigie.json';

function signedStoredList(version: number, org: string) {
  const text = listText(version, { extraOrg: org, expiresAt: FUTURE });
  return { url: LIST_URL, listText: text, signature: signBytes(key, text), etag: '"e1"', version, adoptedAt: 1_700_000_000_000 };
}

const settingsWithKey = async () => ({ listUrl: LIST_URL, listPublicKeys: [key.publicB64], syncIntervalMinutes: 360 });

const realFetch = globalThis.fetch;
beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
  vi.restoreAllMocks();
  // Not vi.unstubAllGlobals(): WXT's test setup stubs the browser globals the same way.
  globalThis.fetch = realFetch;
});

describe('an older install upgrades with nothing lost', () => {
  it('v1 exceptions, unversioned settings and the last good list all survive', async () => {
    await fakeBrowser.storage.local.set({
      userExceptions: ['ameli-remboursement.fr', 'Mgen-Securite.com'], // v1: plain host strings, no meta
      userSettings: { showOfficialBadge: false },
      lastGoodList: signedStoredList(500, 'upgradeorg'),
      listSyncMeta: { validator: { url: LIST_URL, etag: '"e1"' }, createdAt: 1, lastAttemptAt: 2, lastSuccessAt: 2, lastError: null, consecutiveFailures: 0, nextAttemptAt: Date.now() + 3_600_000 },
    });
    const { userExceptions, userSettings } = await import('@/lib/browser/storage');
    expect(await userExceptions.getValue()).toEqual([
      { host: 'ameli-remboursement.fr', addedAt: null, verdict: null, target: null },
      { host: 'mgen-securite.com', addedAt: null, verdict: null, target: null },
    ]);
    expect(await userSettings.getValue()).toEqual({ showOfficialBadge: false });

    globalThis.fetch = vi.fn(async () => new Response('offline', { status: 503 }));
    const runner = await import('@/lib/browser/sync-runner');
    runner.startListSync({ getSettings: settingsWithKey });
    const loaded = await runner.loadCurrentList();
    expect(loaded.source).toBe('synced');
    expect(loaded.list.version).toBe(500);
    expect(loaded.list.organizations.map((o) => o.id)).toContain('upgradeorg');
    // The stored list is still on disk, byte for byte.
    const raw = await fakeBrowser.storage.local.get('lastGoodList');
    expect((raw.lastGoodList as { listText: string }).listText).toBe(signedStoredList(500, 'upgradeorg').listText);
  });
});

describe('list-store items', () => {
  it('a stamp does not rewrite the stored list; an adoption does', async () => {
    const { listSyncStore, lastGoodList } = await import('@/lib/browser/list-store');
    const good = signedStoredList(7, 'a');
    const base = { validator: null, createdAt: 1, lastAttemptAt: null, lastSuccessAt: null, lastError: null, consecutiveFailures: 0, nextAttemptAt: null };
    await listSyncStore.save({ ...base, good }, true);
    const spy = vi.spyOn(lastGoodList, 'setValue');
    await listSyncStore.save({ ...base, good, lastAttemptAt: 5 }, false);
    expect(spy).not.toHaveBeenCalled();
    expect(await listSyncStore.load()).toEqual({ ...base, good, lastAttemptAt: 5 });
    expect(await fakeBrowser.storage.local.get('listSyncMeta$')).toEqual({ listSyncMeta$: { v: 1 } });
  });

  it('nothing stored → null state', async () => {
    const { listSyncStore } = await import('@/lib/browser/list-store');
    expect(await listSyncStore.load()).toBeNull();
  });
});

describe('managed policy glue', () => {
  it('reads and validates storage.managed', async () => {
    await fakeBrowser.storage.managed.set({ allowProceed: false, blockedDomains: ['Evil.Example.com', 'bad entry'], reportUrl: 'http://soc.example.com/' });
    const { loadEffectiveSettings } = await import('@/lib/browser/managed');
    const eff = await loadEffectiveSettings();
    expect(eff.settings.allowProceed).toBe(false);
    expect(eff.settings.blockedDomains).toEqual(['evil.example.com']);
    expect(eff.settings.reportUrl).toBeNull();
    expect([...eff.locked].sort()).toEqual(['allowProceed', 'blockedDomains']);
    expect(eff.warnings).toHaveLength(2);
  });

  it('a browser without managed storage (Firefox without policies.json) means no policy', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    const { readManagedPolicy } = await import('@/lib/browser/managed');
    expect(await readManagedPolicy()).toEqual({ policy: {}, warnings: [] });
  });
});

describe('managed policy at browser start: verdicts do not wait for a slow storage.managed', () => {
  // Chromium takes about 2.3 s to give storage.managed's first answer after the browser starts.
  const answerAfter = (raw: Record<string, unknown>, ms: number) =>
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(() => new Promise((r) => setTimeout(() => r(raw), ms)) as never);

  it('a quick answer is used as it is, and kept for the next browser start', async () => {
    answerAfter({ allowProceed: false }, 5);
    const { readManagedPolicy } = await import('@/lib/browser/managed');
    expect((await readManagedPolicy()).policy).toEqual({ allowProceed: false });
    const { managedPolicyCache } = await import('@/lib/browser/storage');
    await vi.waitFor(async () => expect(await managedPolicyCache.getValue()).toEqual({ allowProceed: false }));
  });

  it('a slow first answer: the policy kept last time is served at once; the real one, different, calls the change listeners', async () => {
    const { managedPolicyCache } = await import('@/lib/browser/storage');
    await managedPolicyCache.setValue({ blockedDomains: ['old.example'] });
    answerAfter({ blockedDomains: ['new.example'] }, 600);
    const { readManagedPolicy, onManagedPolicyChanged, POLICY_WAIT_MS } = await import('@/lib/browser/managed');
    const changed = vi.fn();
    onManagedPolicyChanged(changed);
    const started = Date.now();
    expect((await readManagedPolicy()).policy).toEqual({ blockedDomains: ['old.example'] });
    expect(Date.now() - started).toBeLessThan(500); // did not wait for the answer
    expect(POLICY_WAIT_MS).toBeLessThan(500);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1), { timeout: 2000 });
    expect((await readManagedPolicy()).policy).toEqual({ blockedDomains: ['new.example'] });
    expect(await managedPolicyCache.getValue()).toEqual({ blockedDomains: ['new.example'] });
  });

  it('a first run with a slow answer: no policy meanwhile; the same policy arriving late calls nobody', async () => {
    answerAfter({}, 400);
    const { readManagedPolicy, onManagedPolicyChanged } = await import('@/lib/browser/managed');
    const changed = vi.fn();
    onManagedPolicyChanged(changed);
    expect(await readManagedPolicy()).toEqual({ policy: {}, warnings: [] });
    await new Promise((r) => setTimeout(r, 600));
    expect(changed).not.toHaveBeenCalled();
  });

  it('a stored copy that is not a valid policy is read like any bad policy: ignored field by field', async () => {
    const { managedPolicyCache } = await import('@/lib/browser/storage');
    await managedPolicyCache.setValue({ allowProceed: 'no', blockedDomains: 'x' });
    answerAfter({}, 400);
    const { readManagedPolicy } = await import('@/lib/browser/managed');
    const read = await readManagedPolicy();
    expect(read.policy).toEqual({});
    expect(read.warnings.length).toBeGreaterThan(0);
  });
});

describe('sync runner', () => {
  it('on start: creates the periodic alarm, downloads, adopts and notifies', async () => {
    const text = listText(600, { extraOrg: 'fromserver', expiresAt: FUTURE });
    const fetchMock = vi.fn(async (url: string) =>
      url.endsWith('.sig') ? new Response(signBytes(key, text)) : new Response(text, { headers: { etag: '"s"' } }),
    );
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const runner = await import('@/lib/browser/sync-runner');
    const changed = new Promise<number>((resolve) => runner.startListSync({ getSettings: settingsWithKey, onListChanged: (l) => resolve(l.version) }));
    expect(await changed).toBe(600);
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([LIST_URL, LIST_URL + '.sig']);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(runner.SYNC_ALARM)).toMatchObject({ periodInMinutes: 360 }));
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(runner.RETRY_ALARM)).toBeTruthy());
    expect((await runner.loadCurrentList()).list.version).toBe(600);
    const status = await runner.getListSyncStatus();
    expect(status).toMatchObject({ source: 'synced', lastError: null, listUrl: LIST_URL });
  });
});
