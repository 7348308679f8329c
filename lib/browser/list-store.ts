import { storage } from 'wxt/utils/storage';
import type { StoredList, SyncState, SyncStore } from '../list-sync';
import type { SocQueueState, SocQueueStore } from '../soc-report';

/**
 * Storage items of the list sync and SOC queue (storage.local), versioned like the shell's items in
 * lib/browser/storage.ts. The bookkeeping and the (up to 5 MB) list are separate items so the
 * stamps written at every attempt never rewrite the list.
 */

export type SyncMeta = Omit<SyncState, 'good'>;

export const listSyncMeta = storage.defineItem<SyncMeta | null>('local:listSyncMeta', {
  version: 1,
  fallback: null,
  // v1 is the first format; add `2: (old) => …` here when it changes.
  migrations: {},
});

/** The last good list, exactly as downloaded (re-verified on every load). */
export const lastGoodList = storage.defineItem<StoredList | null>('local:lastGoodList', {
  version: 1,
  fallback: null,
  migrations: {},
});

export const socReportQueue = storage.defineItem<SocQueueState | null>('local:socReportQueue', {
  version: 1,
  fallback: null,
  migrations: {},
});

export const listSyncStore: SyncStore = {
  async load() {
    const [meta, good] = await Promise.all([listSyncMeta.getValue(), lastGoodList.getValue()]);
    if (!meta && !good) return null;
    return { ...(meta ?? {}), good } as SyncState;
  },
  async save(state, listChanged) {
    const { good, ...meta } = state;
    if (listChanged) await lastGoodList.setValue(good);
    await listSyncMeta.setValue(meta);
  },
};

export const socQueueStore: SocQueueStore = {
  load: () => socReportQueue.getValue(),
  save: (state) => socReportQueue.setValue(state),
};
