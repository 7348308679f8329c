import { HOST_OFFICIAL, HOST_OFFICIAL_HEAD, HOST_OFFICIAL_TAIL, edgeIndex, type EngineIndex, type OrgRef } from '../engine-index';

export interface OfficialMatch {
  org: OrgRef;
  /** The listed domain the host is (or is under). */
  domain: string;
  viaPolicy: boolean;
  loginHost: boolean;
}

/**
 * Walks from the host up to `stop` (its registrable domain, or the host itself when it has none) and
 * returns the first value `visit` gives: "a.b.ameli.fr", "b.ameli.fr", "ameli.fr". Label boundaries only,
 * never a substring, and never above the registrable domain (a public suffix is nobody's).
 */
export function findUpTo<T>(host: string, stop: string, visit: (candidate: string) => T | undefined): T | undefined {
  let at = 0;
  for (;;) {
    const candidate = at === 0 ? host : host.slice(at);
    const found = visit(candidate);
    if (found !== undefined || candidate.length <= stop.length) return found;
    at = host.indexOf('.', at) + 1;
    if (at === 0) return undefined;
  }
}

/** The host, or one of its parents, is a listed domain (or one an administrator added). */
export function findOfficial(host: string, domain: string | null, index: EngineIndex): OfficialMatch | null {
  // Listed domains are registrable domains: one lookup, unless a policy added deeper hosts.
  const hit =
    index.deepOfficialDomains || !domain
      ? findUpTo(host, domain ?? host, (c) => index.officialDomains.get(c))
      : mayBeOfficial(domain, index)
        ? index.officialDomains.get(domain)
        : undefined;
  if (!hit) return null;
  return { org: hit.org, domain: hit.domain, viaPolicy: hit.viaPolicy, loginHost: index.loginHosts.has(host) };
}

/** Whether `domain` has the length, start and end of some official domain (see EngineIndex.hostEdges). */
export function mayBeOfficial(domain: string, index: EngineIndex): boolean {
  return mayBeOfficialFrom(domain, 0, index);
}

/** mayBeOfficial(host.slice(from)), without building the slice. */
export function mayBeOfficialFrom(host: string, from: number, index: EngineIndex): boolean {
  const end = host.length;
  const n = end - from;
  if (!index.hostFilter || n < 2) return true;
  if ((index.hostLengths[n < 255 ? n : 255]! & HOST_OFFICIAL) === 0) return false;
  const e = index.hostEdges;
  return (e[edgeIndex(host.charCodeAt(from), host.charCodeAt(from + 1))]! & HOST_OFFICIAL_HEAD) !== 0 && (e[edgeIndex(host.charCodeAt(end - 2), host.charCodeAt(end - 1))]! & HOST_OFFICIAL_TAIL) !== 0;
}
