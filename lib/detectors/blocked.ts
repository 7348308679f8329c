import type { EngineIndex } from '../engine-index';
import { findInParents } from './official';

/** The host or one of its parents is on the list's `blocked` hosts or the administrator's blockedDomains. */
export function isBlocked(host: string, index: EngineIndex): boolean {
  if (index.blockedHosts.size === 0) return false;
  return findInParents(host, (c) => (index.blockedHosts.has(c) ? true : undefined)) === true;
}
