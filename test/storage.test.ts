import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addException, hasException, migrateExceptionsV1, removeException, type UserException } from '@/lib/exceptions';

describe('user exceptions: pure operations', () => {
  const e = (host: string): UserException => ({ host, addedAt: 1, verdict: 'lookalike', target: 'ameli.fr' });
  it('matches exact hosts only, case- and trailing-dot-insensitive', () => {
    const list = [e('ameli-remboursement.fr')];
    expect(hasException(list, 'AMELI-remboursement.fr.')).toBe(true);
    expect(hasException(list, 'www.ameli-remboursement.fr')).toBe(false); // never widened to other hosts
    expect(hasException(list, 'remboursement.fr')).toBe(false);
    expect(hasException(list, null)).toBe(false);
    expect(hasException([], 'ameli-remboursement.fr')).toBe(false);
  });
  it('add replaces the same host; remove drops it', () => {
    let list = addException([], e('a.fr'));
    list = addException(list, { ...e('A.fr'), addedAt: 2 });
    expect(list).toEqual([{ ...e('a.fr'), addedAt: 2 }]);
    expect(removeException(list, 'a.fr')).toEqual([]);
    expect(removeException(list, 'b.fr')).toEqual(list);
  });
  it('v1 → v2 keeps every host, dedupes, drops garbage', () => {
    expect(migrateExceptionsV1(['ameli-remboursement.fr', 'Ameli-Remboursement.fr', 'mgen-securite.com', 42, '', null])).toEqual([
      { host: 'ameli-remboursement.fr', addedAt: null, verdict: null, target: null },
      { host: 'mgen-securite.com', addedAt: null, verdict: null, target: null },
    ]);
    expect(migrateExceptionsV1('not an array')).toEqual([]);
    expect(migrateExceptionsV1(undefined)).toEqual([]);
  });
});

describe('stored items (versioned)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('migrates an older stored format (v1: string[] of hosts, no version meta) with nothing lost', async () => {
    await fakeBrowser.storage.local.set({ userExceptions: ['ameli-remboursement.fr', 'harmonie-mutuelle-remboursement.com'] });
    const { userExceptions } = await import('@/lib/browser/storage');
    expect(await userExceptions.getValue()).toEqual([
      { host: 'ameli-remboursement.fr', addedAt: null, verdict: null, target: null },
      { host: 'harmonie-mutuelle-remboursement.com', addedAt: null, verdict: null, target: null },
    ]);
    expect(await fakeBrowser.storage.local.get('userExceptions$')).toEqual({ userExceptions$: { v: 2 } });
  });

  it('leaves a current (v2) value untouched and falls back to [] when nothing is stored', async () => {
    const v2 = [{ host: 'a.fr', addedAt: 5, verdict: 'lookalike', target: 'ameli.fr' }];
    await fakeBrowser.storage.local.set({ userExceptions: v2, userExceptions$: { v: 2 } });
    let { userExceptions } = await import('@/lib/browser/storage');
    expect(await userExceptions.getValue()).toEqual(v2);
    fakeBrowser.reset();
    vi.resetModules();
    ({ userExceptions } = await import('@/lib/browser/storage'));
    expect(await userExceptions.getValue()).toEqual([]);
  });

  it('user settings fall back to defaults', async () => {
    const { userSettings } = await import('@/lib/browser/storage');
    expect(await userSettings.getValue()).toEqual({ showOfficialBadge: true });
  });
});
