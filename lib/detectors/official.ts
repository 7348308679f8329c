import type { EngineIndex, OrgRef } from '../engine-index';

export interface OfficialMatch {
  org: OrgRef;
  /** The listed domain the host is (or is under). */
  domain: string;
  viaPolicy: boolean;
  loginHost: boolean;
}

/** Calls `visit` with the host and each parent ("a.b.fr", "b.fr", "fr") until it returns a value. */
export function findInParents<T>(host: string, visit: (candidate: string) => T | undefined): T | undefined {
  let candidate = host;
  for (;;) {
    const found = visit(candidate);
    if (found !== undefined) return found;
    const dot = candidate.indexOf('.');
    if (dot < 0) return undefined;
    candidate = candidate.slice(dot + 1);
  }
}

/** The host, or one of its parents, is a listed domain. Label-boundary suffix match, never a substring. */
export function findOfficial(host: string, index: EngineIndex): OfficialMatch | null {
  const hit = findInParents(host, (c) => index.officialDomains.get(c));
  if (!hit) return null;
  return { org: hit.org, domain: hit.domain, viaPolicy: hit.viaPolicy, loginHost: index.loginHosts.has(host) };
}
