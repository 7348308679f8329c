import type { EngineIndex } from '../engine-index';

/** The host or one of its parents (up to its registrable domain) is blocked by the list or the administrator. */
export function isBlocked(host: string, domain: string | null, index: EngineIndex): boolean {
  const blocked = index.blockedHosts;
  if (blocked.size === 0) return false;
  if (blocked.has(host)) return true;
  const stop = (domain ?? host).length;
  for (let dot = host.indexOf('.'); dot >= 0 && host.length - dot - 1 >= stop; dot = host.indexOf('.', dot + 1)) {
    if (blocked.has(host.slice(dot + 1))) return true;
  }
  return false;
}
