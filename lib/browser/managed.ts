import { browser } from 'wxt/browser';
import { DEFAULT_POLICY_SETTINGS, mergeSettings, parseManagedPolicy, type PolicyParseResult, type PolicySettings } from '../policy';
import { managedPolicyCache } from './storage';

/**
 * Enterprise policy from storage.managed (Chrome/Edge: managed_schema.json + policy; Firefox:
 * policies.json "3rdparty"). Reading it fails when no policy exists (Firefox) or the schema is
 * missing (Chrome dev builds): that simply means "no policy".
 */
export async function readManagedPolicy(): Promise<PolicyParseResult> {
  return parseManagedPolicy(await readRawPolicy());
}

async function rawFromManagedStorage(): Promise<unknown> {
  try {
    const area = browser.storage?.managed;
    return area ? await area.get() : {};
  } catch {
    return {};
  }
}

/**
 * How long a read waits for storage.managed before it takes the policy it gave last time. The first
 * read after the browser starts takes about 2.3 s in Chromium (measured with `--load-extension`, no
 * policy); waiting for it left the first page opened, often the link that started the browser,
 * without a verdict for that long.
 */
export const POLICY_WAIT_MS = 150;

let answered = false; // storage.managed has answered once in this worker: reads are quick from now on
let firstRead: Promise<unknown> | null = null;
let servedInstead: { raw: unknown } | null = null;
const lateListeners = new Set<() => void>();
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The raw policy: storage.managed's answer, or, while its first answer is slow, the one it gave last
 * time (kept in local storage; none on a first run). When the real answer then differs from what was
 * served, the onManagedPolicyChanged listeners are called, as for a policy change.
 */
async function readRawPolicy(): Promise<unknown> {
  if (answered) return rawFromManagedStorage();
  firstRead ??= rawFromManagedStorage().then(async (raw) => {
    answered = true;
    const late = servedInstead;
    if (late && !sameJson(late.raw, raw)) lateListeners.forEach((cb) => cb());
    if (!sameJson(await managedPolicyCache.getValue().catch(() => null), raw)) await managedPolicyCache.setValue(raw).catch(() => undefined);
    return raw;
  });
  const timedOut = Symbol('timed out');
  const first = await Promise.race([firstRead, new Promise<symbol>((r) => setTimeout(() => r(timedOut), POLICY_WAIT_MS))]);
  if (first !== timedOut) return first;
  const cached = (await managedPolicyCache.getValue().catch(() => null)) ?? {};
  servedInstead ??= { raw: cached };
  return servedInstead.raw;
}

/** Forgets what this worker learnt of storage.managed (tests: a fresh worker). */
export function resetManagedPolicyState(): void {
  answered = false;
  firstRead = null;
  servedInstead = null;
}

export interface EffectiveSettings {
  settings: PolicySettings;
  locked: Set<keyof PolicySettings>;
  warnings: string[];
}

/** Defaults with the policy on top (these keys have no user-facing setting, only defaults). */
export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const { policy, warnings } = await readManagedPolicy();
  const { settings, locked } = mergeSettings<PolicySettings>({ ...DEFAULT_POLICY_SETTINGS }, null, policy);
  return { settings, locked, warnings };
}

/**
 * Calls `cb` when the administrator changes the policy, or when storage.managed's slow first answer
 * differs from the policy served meanwhile. Returns an unsubscribe function.
 */
export function onManagedPolicyChanged(cb: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') cb();
  };
  browser.storage.onChanged.addListener(listener);
  lateListeners.add(cb);
  return () => {
    browser.storage.onChanged.removeListener(listener);
    lateListeners.delete(cb);
  };
}
