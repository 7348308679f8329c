import { HOST_BLOCKED, HOST_BLOCKED_HEAD, HOST_BLOCKED_TAIL, edgeIndex, type EngineIndex } from '../engine-index';

/** The host or one of its parents (up to its registrable domain) is blocked by the list or the administrator. */
export function isBlocked(host: string, domain: string | null, index: EngineIndex): boolean {
  return isBlockedUpTo(host, (domain ?? host).length, index);
}

/** isBlocked, for a host whose registrable domain is its last `stop` characters. */
export function isBlockedUpTo(host: string, stop: number, index: EngineIndex): boolean {
  const blocked = index.blockedHosts;
  if (blocked.size === 0) return false;
  const n = host.length;
  // Every candidate (the host and its parents) ends like the host: most hosts stop here.
  const filter = index.hostFilter && n >= 2;
  if (filter && (index.hostEdges[edgeIndex(host.charCodeAt(n - 2), host.charCodeAt(n - 1))]! & HOST_BLOCKED_TAIL) === 0) return false;
  if ((!filter || startsLikeBlocked(host, 0, index)) && blocked.has(host)) return true;
  for (let dot = host.indexOf('.'); dot >= 0 && host.length - dot - 1 >= stop; dot = host.indexOf('.', dot + 1)) {
    if ((!filter || startsLikeBlocked(host, dot + 1, index)) && blocked.has(host.slice(dot + 1))) return true;
  }
  return false;
}

/** Whether host.slice(from) (two characters or more) has the length and the start of some blocked host. */
function startsLikeBlocked(host: string, from: number, index: EngineIndex): boolean {
  const len = host.length - from;
  if (len < 2) return true;
  if ((index.hostLengths[len < 255 ? len : 255]! & HOST_BLOCKED) === 0) return false;
  return (index.hostEdges[edgeIndex(host.charCodeAt(from), host.charCodeAt(from + 1))]! & HOST_BLOCKED_HEAD) !== 0;
}
