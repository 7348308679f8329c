import { HOST_BLOCKED, HOST_BLOCKED_HEAD, HOST_BLOCKED_TAIL, edgeIndex, type Brand, type EngineIndex } from '../engine-index';
import type { HostView } from '../host-view';
import { findTypoBrand } from './typo';
import { brandsAt } from './windows';

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

/**
 * The brand a blocked host imitates when no detector claims it: the blocked list holds hosts known to
 * be used by fraudsters, often names the detectors let go on purpose as namesakes (amelie.fr, one letter
 * from ameli and a first name). Read without those exclusions: the host is known bad, only its target is
 * asked. The registrable name misspelling a brand, else a piece of the host spelling one; null when the
 * host resembles nothing listed (an administrator's blocked domain may not).
 */
export function brandOfBlocked(view: HostView, index: EngineIndex): Brand | null {
  const typo = view.sldPlain.length <= 40 ? findTypoBrand(view.sldPlain, index) : null;
  if (typo) return typo;
  for (let k = 0; k < view.tokens.length; k++) {
    if (view.tokens[k]!.label > view.sldIndex) break;
    const brands = brandsAt(view.tokens, k, k, index);
    if (brands) return brands[0]!;
  }
  return null;
}
