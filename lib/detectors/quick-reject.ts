import { EDGE_BRAND_HEAD, EDGE_BRAND_TAIL, EDGE_SHORT_HEAD, EDGE_SHORT_TAIL, MIN_TYPO_LENGTH, edge3Index, edge4Index, hasBit, type EngineIndex } from '../engine-index';
import type { NormalizedUrl } from '../normalize';
import { isBlockedUpTo } from './blocked';
import { mayBeOfficialFrom } from './official';
import { alternativeSkeletons, isPlainHost, skeletonOf, withoutHyphens } from '../skeleton';
import { MAX_BRAND_PIECES } from './stacked-typo';
import { mayBeTypo, mayBeTypoOf, mayHaveTypoCandidate } from './typo';
import { brandsSpelled } from './windows';
import { isLoneDigitByLetter } from './combosquat';

/**
 * Almost all of the web has nothing to do with the list. For an ASCII host (no IDN), this answers
 * "certainly unrelated" from the host string, before the host view is built and the detectors run; a
 * host with ASCII disguises (0, 1, rn, cl…) is read through its skeleton as the detectors read it.
 * It must never answer yes
 * where a detector would find something, so it asks what each of them needs, conservatively:
 * - homoglyph / tld-swap: the registrable name read as a brand (one lookup);
 * - typo (and a dot slipped inside the name): the name starts or ends like a typo-eligible brand, and
 *   some such brand of a nearby length uses nearly the same letters (mayHaveTypoCandidate);
 * - embedding / combination: some piece of the host (before its public suffix) starts or ends with the
 *   first or last four letters of a brand (three for a piece of three, or a three-letter brand), or
 *   holds a digit combosquat may read as a letter;
 * - stacked typo: in a hyphenated name, some run of pieces passes the typo filters above.
 */
export function certainlyUnrelated(n: Extract<NormalizedUrl, { kind: 'host' }>, index: EngineIndex, plain?: boolean): boolean {
  // Cheapest questions first: on a lookalike this function is pure overhead, so it must give up early.
  if (!n.sld) return false;
  if (n.subdomain && n.subdomain !== 'www') return false; // a name split by a dot (fra.nceconnect.fr): let the detectors look
  // (`plain`, when the caller knows it, is isPlainHost(host).)
  return unrelatedName(n.host, n.sld, n.subdomain, n.suffix?.length ?? 0, index, plain ?? isPlainHost(n.host));
}

/**
 * certainlyUnrelated for a host that is `www.` or nothing, then `sld`, then a public suffix of
 * `suffixLength` characters.
 */
function unrelatedName(host: string, sld: string, subdomain: string, suffixLength: number, index: EngineIndex, isPlain: boolean): boolean {
  // IDN labels are left to the detectors.
  if (!isPlain && host.includes('xn--')) return false;
  // ASCII disguises (0, 1, rn, nn, vv, cl): the detectors but typo read the skeleton, homoglyph also
  // the other readings of "1" and "rnn". The typo detectors read the name as spelled (accents folded,
  // not rn→m). Questions that catch most lookalikes at once (a brand spelled out, a piece shaped like a
  // brand) come before the costlier typo-candidate searches.
  const flatSld = withoutHyphens(sld);
  const skeletonSld = isPlain ? sld : skeletonOf(sld);
  if (brandsSpelled(isPlain ? flatSld : withoutHyphens(skeletonSld), index)) return false;
  if (isPlain ? somePieceLikeBrand(host, host.length - suffixLength - 1, index) : somePieceLikeBrand(subdomain ? `${skeletonOf(subdomain)}.${skeletonSld}` : skeletonSld, -1, index)) return false;
  // (As spelled too: glued words that meet on a pair the skeleton fuses, "connexion"+"neoliane", are read so by combosquat.)
  if (!isPlain && somePieceLikeBrand(host, host.length - suffixLength - 1, index)) return false;
  if (flatSld.length >= MIN_TYPO_LENGTH - 1 && mayBeTypo(flatSld, index) && mayHaveTypoCandidate(flatSld, index)) return false;
  if (!isPlain) for (const alternative of alternativeSkeletons(sld)) if (brandsSpelled(withoutHyphens(alternative), index)) return false;
  return !(flatSld !== sld && mayHoldMisspeltBrand(sld, index));
}

/** What unrelatedBeforeSuffix found. */
export const BeforeSuffix = {
  /** Certainly unrelated to the list, whatever the host's public suffix. */
  Unrelated: 0,
  /** certainlyUnrelated already said no for the usual cut (see nameCut). */
  NameRelated: 1,
  /** Not decided here. */
  Undecided: 2,
} as const;
export type BeforeSuffix = (typeof BeforeSuffix)[keyof typeof BeforeSuffix];

/**
 * certainlyUnrelated before the public suffix is known (normalizeUrl's lookup is a good part of the
 * cost of an unrelated host), for a host of two labels, or www and two labels, from plainWebHost
 * (`isPlain`: isPlainHost(host)):
 * "unrelated" only if the host is neither official nor blocked whatever its suffix, and
 * certainlyUnrelated says so for every way the Public Suffix List can cut it. "a.b" is a.b under
 * b, or a bare suffix (no registrable name: never flagged); "www.a.b" is also www under a.b
 * (a private suffix such as blogspot.com, or a wildcard rule).
 */
export function unrelatedBeforeSuffix(host: string, isPlain: boolean, index: EngineIndex): BeforeSuffix {
  const dot = host.indexOf('.');
  if (dot < 0) return BeforeSuffix.Undecided;
  const second = host.indexOf('.', dot + 1);
  const www = second >= 0 && dot === 3 && host.startsWith('www');
  if (second >= 0 && (!www || host.indexOf('.', second + 1) >= 0)) return BeforeSuffix.Undecided;
  if (host.endsWith('.localhost')) return BeforeSuffix.Undecided; // normalizeUrl's local hosts
  const nameEnd = www ? second : dot;
  // The usual cut first: on a lookalike it says no, and the caller need not ask again (nameCut).
  if (!unrelatedName(host, host.slice(www ? dot + 1 : 0, nameEnd), www ? 'www' : '', host.length - nameEnd - 1, index, isPlain)) return BeforeSuffix.NameRelated;
  // Official: the host or a parent is listed (extra official domains may sit below a registrable domain).
  for (let at = 0; at >= 0; at = host.indexOf('.', at) + 1 || -1) {
    if (mayBeOfficialFrom(host, at, index) && index.officialDomains.has(at === 0 ? host : host.slice(at))) return BeforeSuffix.Undecided;
  }
  // (Read as a.b's suffix b: the shortest registrable domain, so every parent is looked at.)
  if (isBlockedUpTo(host, host.length - nameEnd - 1, index)) return BeforeSuffix.Undecided;
  return www && !wwwUnrelated(index, isPlain) ? BeforeSuffix.Undecided : BeforeSuffix.Unrelated;
}

const wwwAnswers = new WeakMap<EngineIndex, [plain: boolean, disguised: boolean]>();

/**
 * unrelatedName for "www" as the registrable name (www.a.b under a suffix a.b). The answer depends on
 * the list and on whether the host reads through its skeleton only (an xn-- host never gets here:
 * its usual cut already said no), so it is asked once per index.
 */
function wwwUnrelated(index: EngineIndex, isPlain: boolean): boolean {
  let answers = wwwAnswers.get(index);
  if (!answers) {
    // (Any host "www." + a suffix reads the same: only its first label is looked at.)
    answers = [unrelatedName('www.x', 'www', '', 1, index, true), unrelatedName('www.x', 'www', '', 1, index, false)];
    wwwAnswers.set(index, answers);
  }
  return answers[isPlain ? 0 : 1];
}

/**
 * Whether a normalized host is cut the way unrelatedBeforeSuffix read it first (its registrable name
 * is the label before the last one, under www or nothing): then its NameRelated answer is
 * certainlyUnrelated's own.
 */
export function nameCut(n: Extract<NormalizedUrl, { kind: 'host' }>): boolean {
  return !!n.sld && !!n.suffix && n.suffix.indexOf('.') < 0 && (n.subdomain === '' || n.subdomain === 'www');
}

/**
 * Whether some piece between dots and hyphens of host[0, to) (the host before its public suffix: a
 * brand after it has nothing after it; -1: the whole string) may start or end a brand window.
 */
function somePieceLikeBrand(host: string, to: number, index: EngineIndex): boolean {
  const end = to < 0 ? host.length : to;
  for (let start = 0, i = 0; i <= end; i++) {
    const c = i < end ? host.charCodeAt(i) : 46;
    if (c !== 46 && c !== 45) {
      // A digit written for a letter (m4if): the piece may be a brand read so (combosquat.ts leetReading).
      if (c >= 51 && c <= 55 && c !== 54 && isLoneDigitByLetter(host, i)) return true;
      continue;
    }
    const length = i - start;
    if (length < 3) return true;
    // A brand window starts at a piece's start and ends at a piece's end: a piece of four or more
    // characters starts or ends with a brand's first or last four, or is glued to a three-letter brand.
    if (length === 3 ? startsOrEndsLike3(host, start, i, index.brandEdges3, EDGE_BRAND_HEAD, EDGE_BRAND_TAIL) : startsOrEndsLike4(host, start, i, index) || startsOrEndsLike3(host, start, i, index.brandEdges3, EDGE_SHORT_HEAD, EDGE_SHORT_TAIL)) return true;
    start = i + 1;
  }
  return false;
}

function startsOrEndsLike3(s: string, from: number, to: number, edges3: Uint8Array, head: number, tail: number): boolean {
  return (
    (edges3[edge3Index(s.charCodeAt(from), s.charCodeAt(from + 1), s.charCodeAt(from + 2))]! & head) !== 0 ||
    (edges3[edge3Index(s.charCodeAt(to - 3), s.charCodeAt(to - 2), s.charCodeAt(to - 1))]! & tail) !== 0
  );
}

function startsOrEndsLike4(s: string, from: number, to: number, index: EngineIndex): boolean {
  return (
    hasBit(index.brandHeads4, edge4Index(s.charCodeAt(from), s.charCodeAt(from + 1), s.charCodeAt(from + 2), s.charCodeAt(from + 3))) ||
    hasBit(index.brandTails4, edge4Index(s.charCodeAt(to - 4), s.charCodeAt(to - 3), s.charCodeAt(to - 2), s.charCodeAt(to - 1)))
  );
}


/**
 * Whether some run of one to MAX_BRAND_PIECES hyphen-separated pieces of `sld`, glued, passes the typo
 * detector's own first filters (stacked-typo.ts looks for a misspelt brand in exactly those runs).
 * Runs are only built into strings once their length and edges pass.
 */
function mayHoldMisspeltBrand(sld: string, index: EngineIndex): boolean {
  for (let start = 0; start < sld.length; start++) {
    if (sld.charCodeAt(start) === 45 || (start > 0 && sld.charCodeAt(start - 1) !== 45)) continue; // a piece starts here
    let len = 0;
    let pieces = 0;
    for (let i = start; i <= sld.length && pieces < MAX_BRAND_PIECES; i++) {
      const c = i < sld.length ? sld.charCodeAt(i) : 45;
      if (c !== 45) {
        len++;
        continue;
      }
      if (i === 0 || sld.charCodeAt(i - 1) === 45) continue; // an empty piece ("a--b")
      pieces++;
      if (len < MIN_TYPO_LENGTH - 1) continue;
      const charAt = (pos: number): number => {
        for (let k = start; ; k++) if (sld.charCodeAt(k) !== 45 && pos-- === 0) return sld.charCodeAt(k);
      };
      if (mayBeTypoOf(len, charAt, index) && mayHaveTypoCandidate(withoutHyphens(sld.slice(start, i)), index)) return true;
    }
  }
  return false;
}

