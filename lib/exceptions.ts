import type { ReasonCode, VerdictKind } from './verdict';

/**
 * The user's exceptions: hosts for which they chose "Continuer quand même". Pure functions over a
 * plain array so they run in tests and in the background alike; storage lives in lib/browser/storage.ts.
 */
export interface UserException {
  /** Exact hostname (lower case, punycode). An exception never covers other hosts of the same domain. */
  host: string;
  /** When it was added (ms since epoch); null when migrated from a format that did not record it. */
  addedAt: number | null;
  /** The verdict the host had when the user proceeded (null when unknown, e.g. migrated). */
  verdict: VerdictKind | null;
  /** The official domain it imitated at that time. */
  target: string | null;
  reasons?: ReasonCode[];
}

/** Format v1 (first releases): a plain array of hostnames. */
export type UserExceptionsV1 = string[];

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** v1 → v2: keep every host (deduplicated, normalised, garbage dropped), with unknown metadata. */
export function migrateExceptionsV1(old: unknown): UserException[] {
  if (!Array.isArray(old)) return [];
  const seen = new Set<string>();
  const out: UserException[] = [];
  for (const item of old) {
    if (typeof item !== 'string') continue;
    const host = normaliseHost(item);
    if (!host || seen.has(host)) continue;
    seen.add(host);
    out.push({ host, addedAt: null, verdict: null, target: null });
  }
  return out;
}

export function hasException(list: readonly UserException[], host: string | null | undefined): boolean {
  if (!host) return false;
  const h = normaliseHost(host);
  return list.some((e) => e.host === h);
}

/** Adds (or refreshes) the exception for `entry.host`; returns a new array. */
export function addException(list: readonly UserException[], entry: UserException): UserException[] {
  const host = normaliseHost(entry.host);
  return [...list.filter((e) => e.host !== host), { ...entry, host }];
}

export function removeException(list: readonly UserException[], host: string): UserException[] {
  const h = normaliseHost(host);
  return list.filter((e) => e.host !== h);
}
