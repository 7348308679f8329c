import { storage } from 'wxt/utils/storage';
import { migrateExceptionsV1, type UserException } from '../exceptions';
import type { Verdict } from '../verdict';

/**
 * Every stored item of the extension shell, versioned in one place. Bump `version` and add a
 * migration when a format changes; never reuse a key for another meaning.
 */

/** Hosts the user chose to visit anyway. v1 was a plain string[] of hosts; v2 adds metadata. */
export const userExceptions = storage.defineItem<UserException[]>('local:userExceptions', {
  version: 2,
  fallback: [],
  migrations: {
    2: (old: unknown) => migrateExceptionsV1(old),
  },
});

export interface UserSettings {
  /** Show the green check on official sites (the red mark on dangerous sites is always shown). */
  showOfficialBadge: boolean;
}
export const DEFAULT_USER_SETTINGS: UserSettings = { showOfficialBadge: true };

export const userSettings = storage.defineItem<UserSettings>('local:userSettings', {
  version: 1,
  fallback: DEFAULT_USER_SETTINGS,
});

/** A full-page warning waiting for the user's choice, per tab (survives a service-worker restart). */
export interface PendingWarning {
  id: string;
  tabId: number;
  /** The lookalike address. */
  url: string;
  verdict: Verdict;
  /** Where "continue" goes: the lookalike itself, or the top page when the lookalike was a sub-frame. */
  returnUrl: string;
  subFrame: boolean;
  /** The last page of this tab we did not warn about, for "Retour en sécurité". */
  previousSafeUrl: string | null;
  createdAt: number;
}

export const pendingWarnings = storage.defineItem<Record<string, PendingWarning>>('session:pendingWarnings', {
  fallback: {},
});

/** Per-tab state (serialised lib/tab-state.ts), so the popup still answers after a restart. */
export const tabStates = storage.defineItem<Record<string, unknown>>('session:tabStates', { fallback: {} });

/**
 * The raw administrator policy as storage.managed last gave it. At browser start Chromium takes
 * seconds to answer its first storage.managed.get(); verdicts do not wait for it (lib/browser/managed.ts).
 */
export const managedPolicyCache = storage.defineItem<unknown>('local:managedPolicyCache', { fallback: null });
