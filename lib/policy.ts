import { z } from 'zod';
import { isWellFormedPublicKey } from './signature';

/**
 * Enterprise policy (managed storage, DESIGN.md "Managed storage") and its merge with user settings.
 * Policy values come from registry keys, plists and JSON files written by hand, so each key is
 * validated on its own: a bad value is dropped with a warning, the rest still applies, nothing throws.
 */

/** Where the project publishes its signed list (README "List updates"); `listUrl` overrides it. */
export const DEFAULT_LIST_URL = 'https://vigie-sante.github.io/list/default-list.json';

export const DEFAULT_SYNC_INTERVAL_MINUTES = 360; // 6 h
export const MIN_SYNC_INTERVAL_MINUTES = 15; // protects the list host from a typo such as 1
export const MAX_SYNC_INTERVAL_MINUTES = 10080; // one week

/** The eight managed keys, exactly as in DESIGN.md and public/managed_schema.json. */
export const POLICY_KEYS = [
  'listUrl',
  'listPublicKeys',
  'extraOfficialDomains',
  'blockedDomains',
  'allowProceed',
  'allowUserExceptions',
  'reportUrl',
  'syncIntervalMinutes',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

export interface PolicySettings {
  listUrl: string;
  listPublicKeys: string[];
  extraOfficialDomains: string[];
  blockedDomains: string[];
  allowProceed: boolean;
  allowUserExceptions: boolean;
  /** SOC endpoint for warning reports; null = nothing is ever sent. */
  reportUrl: string | null;
  syncIntervalMinutes: number;
}

export const DEFAULT_POLICY_SETTINGS: Readonly<PolicySettings> = Object.freeze({
  listUrl: DEFAULT_LIST_URL,
  listPublicKeys: [],
  extraOfficialDomains: [],
  blockedDomains: [],
  allowProceed: true,
  allowUserExceptions: true,
  reportUrl: null,
  syncIntervalMinutes: DEFAULT_SYNC_INTERVAL_MINUTES,
});

export type ManagedPolicy = Partial<PolicySettings>;

export interface PolicyParseResult {
  policy: ManagedPolicy;
  /** Human-readable, one per dropped key or entry; shown on the options page. */
  warnings: string[];
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https URL, or http on loopback only (tests, local list servers). Returns the normalised href. */
export function normaliseEndpointUrl(value: string): string | null {
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    return null;
  }
  if (u.username || u.password) return null; // credentials in a policy URL would leak in logs
  if (u.protocol === 'https:') return u.href;
  if (u.protocol === 'http:' && LOOPBACK.has(u.hostname)) return u.href;
  return null;
}

const HOST_RE = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Normalises an administrator's domain entry to a lower-case punycode hostname. Accepts
 * "Example.COM", "*.example.com", "example.com.", "https://example.com/" and IDN ("mutuelle-é.fr").
 * Returns null for anything that is not a plain hostname (paths, ports, IPs, single labels).
 */
export function normaliseDomain(value: string): string | null {
  let s = value.trim().toLowerCase();
  if (s.startsWith('*.')) s = s.slice(2);
  if (/^https?:\/\//.test(s)) {
    try {
      const u = new URL(s);
      if ((u.pathname !== '/' && u.pathname !== '') || u.search || u.hash || u.port || u.username) return null;
      s = u.hostname;
    } catch {
      return null;
    }
  }
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (!s || /[/?#@:\s\\]/.test(s)) return null;
  let host: string;
  try {
    host = new URL(`http://${s}/`).hostname; // IDN → punycode, rejects forbidden characters
  } catch {
    return null;
  }
  return HOST_RE.test(host) ? host : null;
}

// Registry/plist tooling sometimes hands over arrays as a JSON string: accept that form too.
function asArray(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      /* not JSON */
    }
  }
  return null;
}

function asBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  // Windows registry DWORD values.
  if (value === 0 || value === 1) return value === 1;
  return null;
}

const intervalSchema = z.number().int().min(MIN_SYNC_INTERVAL_MINUTES).max(MAX_SYNC_INTERVAL_MINUTES);

/** Validates raw managed storage. Never throws; unknown keys and bad values are reported and dropped. */
export function parseManagedPolicy(raw: unknown): PolicyParseResult {
  const policy: ManagedPolicy = {};
  const warnings: string[] = [];
  if (raw === null || raw === undefined) return { policy, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { policy, warnings: ['managed policy is not an object: ignored'] };
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) warnings.push(`unknown policy key "${key}": ignored`);
  }
  const has = (k: PolicyKey) => Object.prototype.hasOwnProperty.call(obj, k) && obj[k] !== undefined;

  for (const key of ['listUrl', 'reportUrl'] as const) {
    if (!has(key)) continue;
    const v = obj[key];
    if (key === 'reportUrl' && v === '') continue; // empty = not configured
    const url = typeof v === 'string' ? normaliseEndpointUrl(v) : null;
    if (url) policy[key] = url;
    else warnings.push(`${key}: ${JSON.stringify(v)} is not an https URL (http only for localhost): ignored`);
  }

  if (has('listPublicKeys')) {
    const arr = asArray(obj.listPublicKeys);
    if (!arr) warnings.push('listPublicKeys: not an array: ignored');
    else {
      const keys: string[] = [];
      arr.forEach((k, i) => {
        if (isWellFormedPublicKey(k)) keys.push(k.trim());
        else warnings.push(`listPublicKeys[${i}]: not a base64 raw 32-byte Ed25519 key: ignored`);
      });
      policy.listPublicKeys = [...new Set(keys)];
    }
  }

  for (const key of ['extraOfficialDomains', 'blockedDomains'] as const) {
    if (!has(key)) continue;
    const arr = asArray(obj[key]);
    if (!arr) {
      warnings.push(`${key}: not an array: ignored`);
      continue;
    }
    const out: string[] = [];
    arr.forEach((d, i) => {
      const host = typeof d === 'string' ? normaliseDomain(d) : null;
      if (host) out.push(host);
      else warnings.push(`${key}[${i}]: ${JSON.stringify(d)} is not a domain name: ignored`);
    });
    policy[key] = [...new Set(out)];
  }

  for (const key of ['allowProceed', 'allowUserExceptions'] as const) {
    if (!has(key)) continue;
    const b = asBoolean(obj[key]);
    if (b === null) warnings.push(`${key}: ${JSON.stringify(obj[key])} is not a boolean: ignored`);
    else policy[key] = b;
  }

  if (has('syncIntervalMinutes')) {
    const v = obj.syncIntervalMinutes;
    const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
    const r = intervalSchema.safeParse(n);
    if (r.success) policy.syncIntervalMinutes = r.data;
    else
      warnings.push(
        `syncIntervalMinutes: ${JSON.stringify(v)} is not an integer between ${MIN_SYNC_INTERVAL_MINUTES} and ${MAX_SYNC_INTERVAL_MINUTES}: ignored`,
      );
  }
  return { policy, warnings };
}

export interface MergedSettings<T> {
  settings: T;
  /** Keys fixed by the administrator: shown as locked, user edits to them are ignored. */
  locked: Set<keyof T>;
}

/**
 * Effective settings = defaults, then the user's choices, then the policy. The policy always wins,
 * key by key (a policy array replaces the user's array). Only keys present in `defaults` are taken,
 * so stray stored keys cannot sneak in.
 */
export function mergeSettings<T extends object>(
  defaults: T,
  user: Partial<T> | null | undefined,
  managed: Partial<T> | null | undefined,
): MergedSettings<T> {
  const settings = { ...defaults };
  const locked = new Set<keyof T>();
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    if (user && Object.prototype.hasOwnProperty.call(user, key) && user[key] !== undefined) settings[key] = user[key] as T[keyof T];
    if (managed && Object.prototype.hasOwnProperty.call(managed, key) && managed[key] !== undefined) {
      settings[key] = managed[key] as T[keyof T];
      locked.add(key);
    }
  }
  return { settings, locked };
}
