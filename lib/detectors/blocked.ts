import type { EngineIndex } from '../engine-index';
import { findUpTo } from './official';

const isBlockedHost = (index: EngineIndex) => (candidate: string) => (index.blockedHosts.has(candidate) ? true : undefined);

/** The host or one of its parents (up to its registrable domain) is blocked by the list or the administrator. */
export function isBlocked(host: string, domain: string | null, index: EngineIndex): boolean {
  if (index.blockedHosts.size === 0) return false;
  return findUpTo(host, domain ?? host, isBlockedHost(index)) === true;
}
