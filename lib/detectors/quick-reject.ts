import { EDGE_BRAND_HEAD, EDGE_BRAND_TAIL, MIN_TYPO_LENGTH, edge3Index, type EngineIndex } from '../engine-index';
import type { NormalizedUrl } from '../normalize';
import { mayFold, skeletonOf } from '../skeleton';
import { mayBeTypo } from './typo';

/**
 * Almost all of the web has nothing to do with the list. For an ASCII host with a single reading (no
 * IDN, no "1", no "rnn"), this answers "certainly unrelated" from the host string, before the host view
 * is built and the detectors run. It must never answer yes
 * where a detector would find something, so it asks what each of them needs, conservatively:
 * - homoglyph / tld-swap: the registrable name read as a brand (one lookup);
 * - typo (and a dot slipped inside the name): the name starts or ends like a typo-eligible brand;
 * - embedding / combination: some piece of the host (before its public suffix) starts or ends with the
 *   first or last three letters of a brand.
 */
export function certainlyUnrelated(n: Extract<NormalizedUrl, { kind: 'host' }>, index: EngineIndex): boolean {
  const { sld } = n;
  // IDN labels, and "1" or "rnn", which have more than one reading: leave them to the detectors.
  if (!sld || n.host.includes('xn--') || n.host.includes('1') || n.host.includes('rnn')) return false;
  // The part before the public suffix (a brand after it has nothing after it), with ASCII disguises
  // (rn, vv, cl, 0…) folded first, as the detectors would.
  const raw = n.host.slice(0, n.host.length - (n.suffix?.length ?? 0) - 1);
  const name = mayFold(raw) ? raw.split('.').map(skeletonOf).join('.') : raw;
  const skelSld = mayFold(sld) ? skeletonOf(sld) : sld;
  if (index.brandsBySkeleton.has(skelSld.includes('-') ? skelSld.replaceAll('-', '') : skelSld)) return false;
  const flatSld = sld.includes('-') ? sld.replaceAll('-', '') : sld; // typos are measured on the unfolded name
  if (flatSld.length >= MIN_TYPO_LENGTH - 1 && mayBeTypo(flatSld, index)) return false;
  if (n.subdomain && n.subdomain !== 'www') return false; // a name split by a dot (fra.nceconnect.fr): let the detectors look
  // Every piece between dots and hyphens.
  for (let start = 0, i = 0; i <= name.length; i++) {
    const c = i < name.length ? name.charCodeAt(i) : 46;
    if (c !== 46 && c !== 45) continue;
    if (i - start < 3 || startsOrEndsLike3(name, start, i, index.brandEdges3)) return false;
    start = i + 1;
  }
  return true;
}

function startsOrEndsLike3(s: string, from: number, to: number, edges3: Uint8Array): boolean {
  return (
    (edges3[edge3Index(s.charCodeAt(from), s.charCodeAt(from + 1), s.charCodeAt(from + 2))]! & EDGE_BRAND_HEAD) !== 0 ||
    (edges3[edge3Index(s.charCodeAt(to - 3), s.charCodeAt(to - 2), s.charCodeAt(to - 1))]! & EDGE_BRAND_TAIL) !== 0
  );
}

