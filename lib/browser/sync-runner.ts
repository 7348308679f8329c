import { browser } from 'wxt/browser';
import { defaultList } from '../default-list';
import type { VigieList } from '../list-schema';
import { BUNDLED_LIST_PUBLIC_KEYS } from '../list-keys';
import { ListSync, type ListSource, type ListSyncStatus, type SyncOutcome } from '../list-sync';
import type { PolicySettings } from '../policy';
import { listSyncStore } from './list-store';
import { loadEffectiveSettings, onManagedPolicyChanged } from './managed';

/**
 * Browser glue for lib/list-sync.ts: one ListSync per service-worker life, configured from the
 * effective policy, driven by install/startup/alarms. The background calls `loadCurrentList()`
 * before its first verdict and `startListSync()` once, synchronously, in its main function.
 */

export const SYNC_ALARM = 'vigie-list-sync';
export const RETRY_ALARM = 'vigie-list-sync-retry';

type SyncSettings = Pick<PolicySettings, 'listUrl' | 'listPublicKeys' | 'syncIntervalMinutes'>;

/** The shape lib/browser/shell.ts expects from `loadCurrentList`. */
export interface LoadedSyncList {
  list: VigieList;
  source: ListSource;
  lastCheck: string | null;
  lastError: string | null;
  stale: boolean;
}

let sync: ListSync | null = null;
let configured: Promise<void> | null = null;
let listChangedListeners: ((list: VigieList, source: ListSource) => void)[] = [];
let getSettings: () => Promise<SyncSettings> = async () => (await loadEffectiveSettings()).settings;

function trustedKeys(s: SyncSettings): string[] {
  return [...new Set([...BUNDLED_LIST_PUBLIC_KEYS, ...s.listPublicKeys])];
}

function instance(): ListSync {
  sync ??= new ListSync({
    fetch: (url, init) => fetch(url, init),
    now: Date.now,
    random: Math.random,
    store: listSyncStore,
    bundledList: defaultList,
    listUrl: '', // set by configure() before any use
    trustedKeys: BUNDLED_LIST_PUBLIC_KEYS,
    intervalMs: 6 * 3_600_000,
    onListChanged: (list, source) => listChangedListeners.forEach((l) => l(list, source)),
    onStoreError: (e) => console.warn('[vigie] list storage:', e),
  });
  return sync;
}

async function applySettings(): Promise<SyncSettings> {
  const s = await getSettings();
  await instance().configure({ listUrl: s.listUrl, trustedKeys: trustedKeys(s), intervalMs: s.syncIntervalMinutes * 60_000 });
  return s;
}

function ensureConfigured(): Promise<void> {
  configured ??= applySettings().then(() => instance().ready());
  return configured;
}

function toLoaded(s: ListSync): LoadedSyncList {
  const st = s.status();
  return {
    list: s.currentList(),
    source: st.source,
    lastCheck: st.lastAttemptAt ? new Date(st.lastAttemptAt).toISOString() : null,
    lastError: st.lastError ? `${st.lastError.code}: ${st.lastError.message}` : null,
    stale: st.stale,
  };
}

/**
 * The list to classify with, fast: the persisted last good list (re-verified) if it is newer than
 * the bundled one, else the bundled list. No network. Safe to call many times.
 */
export async function loadCurrentList(): Promise<LoadedSyncList> {
  await ensureConfigured();
  return toLoaded(instance());
}

/** Full sync status for the options page / popup (version, dates, last error, stale). */
export async function getListSyncStatus(): Promise<ListSyncStatus> {
  await ensureConfigured();
  return instance().status();
}

/** Checks the list now (options page "check now" button). Shares an attempt already running. */
export async function syncNow(): Promise<SyncOutcome> {
  await ensureConfigured();
  const r = await instance().sync();
  await scheduleRetry();
  return r;
}

async function scheduleRetry(): Promise<void> {
  const next = instance().status().nextAttemptAt;
  if (next === null) return;
  // One-shot alarm at the computed time (backoff or jittered interval); the periodic alarm is a safety net.
  await browser.alarms.create(RETRY_ALARM, { when: Math.max(next, Date.now() + 60_000) });
}

async function ensurePeriodicAlarm(periodInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes !== periodInMinutes) await browser.alarms.create(SYNC_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}

async function run(force: boolean): Promise<void> {
  try {
    await ensureConfigured();
    const s = instance();
    const outcome = force ? await s.sync() : await s.maybeSync();
    await scheduleRetry();
    // Only real attempts change the status: a worker wake-up inside the interval costs nothing.
    if (outcome) afterAttempt.forEach((cb) => cb());
  } catch (e) {
    console.warn('[vigie] list sync:', e);
  }
}

let afterAttempt: (() => void)[] = [];

export interface StartListSyncOptions {
  /** The list in use changed (adopted, or a stored list was rejected after a policy change). */
  onListChanged?: (list: VigieList, source: ListSource) => void;
  /** Called after every real sync attempt (last check / last error / stale changed). Not called when the schedule skipped the check. */
  onStatusChanged?: () => void;
  /** Override where listUrl / listPublicKeys / syncIntervalMinutes come from. Default: managed policy over defaults. */
  getSettings?: () => Promise<SyncSettings>;
}

let started = false;

/**
 * Call once, synchronously, in the background's main function: listeners are added before the
 * first await so the install/startup/alarm event that woke the worker is delivered.
 */
export function startListSync(options: StartListSyncOptions = {}): void {
  if (options.onListChanged) listChangedListeners.push(options.onListChanged);
  if (options.onStatusChanged) afterAttempt.push(options.onStatusChanged);
  if (options.getSettings) getSettings = options.getSettings;
  if (started) return;
  started = true;

  browser.runtime.onInstalled.addListener(() => void run(true));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void run(false);
  });
  onManagedPolicyChanged(() => {
    configured = null; // re-read the policy: new URL, keys or interval
    void (async () => {
      const before = sync?.status().listUrl;
      const s = await applySettings();
      configured = Promise.resolve();
      await ensurePeriodicAlarm(s.syncIntervalMinutes);
      await run(before !== s.listUrl); // a new list URL is checked at once
    })().catch((e) => console.warn('[vigie] policy change:', e));
  });

  // Every worker start (browser startup, wake-up after idle): check if the schedule says so.
  void (async () => {
    await ensureConfigured();
    await ensurePeriodicAlarm((await getSettings()).syncIntervalMinutes);
    await run(false);
  })().catch((e) => console.warn('[vigie] list sync start:', e));
}

/** Tests only: forget the singleton. */
export function resetListSyncForTests(): void {
  sync = null;
  configured = null;
  started = false;
  listChangedListeners = [];
  afterAttempt = [];
  getSettings = async () => (await loadEffectiveSettings()).settings;
}
