import { browser } from 'wxt/browser';
import { DEFAULT_POLICY_SETTINGS, mergeSettings, parseManagedPolicy, type PolicyParseResult, type PolicySettings } from '../policy';

/**
 * Enterprise policy from storage.managed (Chrome/Edge: managed_schema.json + policy; Firefox:
 * policies.json "3rdparty"). Reading it fails when no policy exists (Firefox) or the schema is
 * missing (Chrome dev builds): that simply means "no policy".
 */
export async function readManagedPolicy(): Promise<PolicyParseResult> {
  let raw: unknown = {};
  try {
    const area = browser.storage?.managed;
    if (area) raw = await area.get();
  } catch {
    raw = {};
  }
  return parseManagedPolicy(raw);
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

/** Calls `cb` when the administrator changes the policy. Returns an unsubscribe function. */
export function onManagedPolicyChanged(cb: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') cb();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
