import { EDGE_BRAND_HEAD, EDGE_BRAND_TAIL, EDGE_SHORT_HEAD, EDGE_SHORT_TAIL, KEY_BRAND, KEY_EMBEDDABLE, KEY_GLUED, KEY_KEYWORD, MIN_STANDALONE_BRAND_LENGTH, MIN_TYPO_LENGTH, edge3Index, edge4Index, hasBit, type EngineIndex } from '../engine-index';
import type { NormalizedUrl } from '../normalize';
import { isBlockedUpTo } from './blocked';
import { mayBeOfficialFrom } from './official';
import { alternativeSkeletons, isPlainHost, skeletonOf, withoutHyphens } from '../skeleton';
import { MAX_BRAND_PIECES } from './stacked-typo';
import { findTypoBrand, mayBeTypoIn } from './typo';
import { brandsSpelled } from './windows';
import { isLoneDigitByLetter, leetReading, prefixLength } from './combosquat';
import { findKey } from '../key-table';
import { lastScan, scanHost, type HostScan } from '../host-scan';

/**
 * Almost all of the web has nothing to do with the list. For an ASCII host (no IDN), this answers
 * "certainly unrelated" from the host string, before the host view is built and the detectors run; a
 * host with ASCII disguises (0, 1, rn, cl…) is read through its skeleton as the detectors read it.
 * It must never answer yes where a detector would find something (test/engine/shortcuts.test.ts
 * compares the engine with and without it), so it asks what each of them needs:
 * - homoglyph / tld-swap: the registrable name read as a brand (one lookup); split name: the name
 *   and a one-label suffix read as one (one more);
 * - typo: the typo search itself on the name (its answer is kept for the typo detector), and the dot
 *   after "www" left out;
 * - embedding / combination: a cheap test of the pieces' edges (a piece that starts or ends like a
 *   brand, holds a digit read as a letter or a number around a word); for a plain host, a piece that
 *   passes is then asked exactly (a window of pieces spelling a key, a brand glued at a piece's edge);
 * - stacked typo: in a hyphenated name, the typo search on each run of pieces whose edges allow one.
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
  const to = host.length - suffixLength - 1;
  return isPlain ? plainNameUnrelated(scanOf(host), to - sld.length, to, index) : disguisedNameUnrelated(host, sld, subdomain, suffixLength, index);
}

/**
 * unrelatedName for a plain host, read from its scan (no string built unless a question needs one):
 * its registrable name is host[from, to), its public suffix starts after `to`.
 */
function plainNameUnrelated(scan: HostScan, from: number, to: number, index: EngineIndex): boolean {
  brandFree = null;
  if (brandInScan(scan, from, to, index)) return false;
  brandFree = scan.host;
  return !spelledNameRelated(scan.host, from, to, index);
}

// The plain host last proven to hold no brand (see brandFreeHost).
let brandFree: string | null = null;

/**
 * The plain host whose pieces the quick reject last proved hold no brand the embedding and combination
 * detectors can find (no window spelling a key, nothing glued at a piece's edge, no reading with
 * digits), when it is cut with its registrable name where the quick reject read it; null when none.
 * A host it let through for a typo only can skip those two detectors.
 */
export function brandFreeHost(): string | null {
  return brandFree;
}

/**
 * unrelatedName for an ASCII host with disguises (0, 1, rn, nn, vv, cl): the brand questions are
 * asked of its skeleton (what the detectors but typo read, suffix labels as they are), the typo
 * questions of the name as spelled, and glued words are also read where the skeleton fused two of
 * them (combosquat.ts gluedAcrossPairs).
 */
function disguisedNameUnrelated(host: string, sld: string, subdomain: string, suffixLength: number, index: EngineIndex): boolean {
  const to = host.length - suffixLength - 1;
  const skeletonSld = skeletonOf(sld);
  const head = subdomain ? `${skeletonOf(subdomain)}.` : '';
  const scan = scanHost(head + skeletonSld + host.slice(to));
  if (brandInScan(scan, head.length, head.length + skeletonSld.length, index)) return false;
  if (gluedAcrossFusedPair(host, to, index)) return false;
  if (spelledNameRelated(host, to - sld.length, to, index)) return false;
  for (const alternative of alternativeSkeletons(sld)) if (brandsSpelled(withoutHyphens(alternative), index)) return false;
  return true;
}

/**
 * Whether the embedding, combination or tld-swap detectors can find a brand in a host read as
 * `scan.host` (its registrable name at [from, to), its public suffix after it), each piece being its
 * own skeleton.
 */
function brandInScan(scan: HostScan, from: number, to: number, index: EngineIndex): boolean {
  const { host } = scan;
  // The name spelled like a brand (hyphens left out): tld-swap or homoglyph.
  let first = 0;
  while (first < scan.count && scan.start[first]! < from) first++;
  let hash = 0;
  let any = false;
  let k = first;
  for (; k < scan.count && scan.end[k]! <= to; k++) {
    hash = (Math.imul(hash, scan.power[k]!) + scan.hash[k]!) | 0;
    any = true;
  }
  if (any && findKey(index.keyTable, hash, host, from, to, KEY_BRAND) >= 0) return true;
  // The name and a country's TLD glued (split-name.ts: "ame.li" spells ameli).
  if (any && k === scan.count - 1 && scan.start[k] === to + 1 && scan.end[k]! - to === 3) {
    if (findKey(index.keyTable, (Math.imul(hash, scan.power[k]!) + scan.hash[k]!) | 0, host, from, scan.end[k]!, KEY_BRAND) >= 0) return true;
  }
  // Windows of pieces may start inside the public suffix too (the embedding detector reads them up to
  // the host's last piece): under a suffix label with hyphens, "www.ameli-fr-x" holds ameli.fr.
  const pieces = brandShapedPieces(scan, scan.lastSeparator, index);
  if (pieces === SPELLED) return true;
  // A piece shaped like a brand, asked exactly (most popular sites with one are settled here).
  return pieces === SHAPED && plainHostMayHoldBrand(scan, to, index);
}

/**
 * The typo questions, on the registrable name as spelled, host[from, to): the typo search (its answer
 * is kept for the typo detector) when the name's edges allow one, the dot after "www" left out
 * (typo.ts detectMissingDot), and a misspelt run of pieces (stacked-typo.ts).
 */
function spelledNameRelated(host: string, from: number, to: number, index: EngineIndex): boolean {
  let length = 0;
  for (let i = from; i < to; i++) if (host.charCodeAt(i) !== 45) length++;
  const hyphenated = length !== to - from;
  if (length >= MIN_TYPO_LENGTH - 1 && mayBeTypoIn(host, from, to, length, index)) {
    const name = hyphenated ? withoutHyphens(host.slice(from, to)) : host.slice(from, to);
    if (findTypoBrand(name, index)) return true;
  }
  // "wwwame-li": the rest a brand with hyphens moved.
  if (to - from >= 3 + MIN_STANDALONE_BRAND_LENGTH && host.startsWith('www', from) && host.charCodeAt(from + 3) !== 45 && brandsSpelled(withoutHyphens(host.slice(from + 3, to)), index)) return true;
  return hyphenated && mayHoldMisspeltBrand(host.slice(from, to), index);
}

/**
 * Whether a piece of host[0, to), read with a letter pair the skeleton fuses cut in two (connexion +
 * neoliane meet on "nn"), starts or ends with a brand of four or more characters (combosquat.ts
 * gluedAcrossPairs, which then looks for lure words around it).
 */
function gluedAcrossFusedPair(host: string, to: number, index: EngineIndex): boolean {
  for (let start = 0, i = 0; i <= to; i++) {
    const c = i < to ? host.charCodeAt(i) : 46;
    if (c !== 46 && c !== 45) continue;
    if (i - start >= MIN_STANDALONE_BRAND_LENGTH + 2) {
      const piece = host.slice(start, i);
      for (const pair of FUSING_PAIRS) {
        for (let at = piece.indexOf(pair); at >= 0; at = piece.indexOf(pair, at + 1)) {
          const reading = skeletonOf(piece.slice(0, at + 1)) + skeletonOf(piece.slice(at + 1));
          if (gluedAtAnEdge(reading, 0, reading.length, index)) return true;
        }
      }
    }
    start = i + 1;
  }
  return false;
}

/** The letter pairs the skeleton reads as one letter (combosquat.ts FUSING_PAIRS). */
const FUSING_PAIRS = ['nn', 'rn', 'vv', 'cl'];

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
  if (isPlain) return plainUnrelatedBeforeSuffix(scanOf(host), index);
  const dot = host.indexOf('.');
  if (dot < 0) return BeforeSuffix.Undecided;
  const second = host.indexOf('.', dot + 1);
  const www = second >= 0 && dot === 3 && host.startsWith('www');
  if (second >= 0 && (!www || host.indexOf('.', second + 1) >= 0)) return BeforeSuffix.Undecided;
  if (host.endsWith('.localhost')) return BeforeSuffix.Undecided; // normalizeUrl's local hosts
  const nameEnd = www ? second : dot;
  // The usual cut first: on a lookalike it says no, and the caller need not ask again (nameCut).
  const nameUnrelated = isPlain ? plainNameUnrelated(scanOf(host), www ? dot + 1 : 0, nameEnd, index) : unrelatedName(host, host.slice(www ? dot + 1 : 0, nameEnd), www ? 'www' : '', host.length - nameEnd - 1, index, false);
  if (!nameUnrelated) return BeforeSuffix.NameRelated;
  // Official: the host or a parent is listed (extra official domains may sit below a registrable domain).
  for (let at = 0; at >= 0; at = host.indexOf('.', at) + 1 || -1) {
    if (mayBeOfficialFrom(host, at, index) && index.officialDomains.has(at === 0 ? host : host.slice(at))) return BeforeSuffix.Undecided;
  }
  // (Read as a.b's suffix b: the shortest registrable domain, so every parent is looked at.)
  if (isBlockedUpTo(host, host.length - nameEnd - 1, index)) return BeforeSuffix.Undecided;
  return www && !wwwUnrelated(index, isPlain) ? BeforeSuffix.Undecided : BeforeSuffix.Unrelated;
}

/** unrelatedBeforeSuffix for a plain host, read from its scan (its dots are known: no string search). */
function plainUnrelatedBeforeSuffix(scan: HostScan, index: EngineIndex): BeforeSuffix {
  const { host, labels, dots } = scan;
  if (labels < 2 || labels > 3) return BeforeSuffix.Undecided;
  const www = labels === 3;
  if (www && (dots[0] !== 3 || !host.startsWith('www'))) return BeforeSuffix.Undecided;
  const nameEnd = dots[labels - 2]!;
  // normalizeUrl's local hosts
  if (host.length - nameEnd === 10 && host.endsWith('.localhost')) return BeforeSuffix.Undecided;
  // The usual cut first: on a lookalike it says no, and the caller need not ask again (nameCut).
  if (!plainNameUnrelated(scan, www ? 4 : 0, nameEnd, index)) return BeforeSuffix.NameRelated;
  // Official: the host or a parent is listed (extra official domains may sit below a registrable domain).
  if (mayBeOfficialFrom(host, 0, index) && index.officialDomains.has(host)) return BeforeSuffix.Undecided;
  for (let k = 0; k < labels - 1; k++) {
    const at = dots[k]! + 1;
    if (mayBeOfficialFrom(host, at, index) && index.officialDomains.has(host.slice(at))) return BeforeSuffix.Undecided;
  }
  // (Read as a.b's suffix b: the shortest registrable domain, so every parent is looked at.)
  if (isBlockedUpTo(host, host.length - nameEnd - 1, index)) return BeforeSuffix.Undecided;
  return www && !wwwUnrelated(index, true) ? BeforeSuffix.Undecided : BeforeSuffix.Unrelated;
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

const NO_SHAPE = 0;
const SHAPED = 1;
const SPELLED = 2;

/**
 * The pieces' cheap edge test (pieceLikeBrand), on a scan: NO_SHAPE when no piece ending at or
 * before `to` passes it, SPELLED when one that does is itself an embeddable brand or a glued
 * brand+suffix (what most lookalikes hold: asked at once, one hash lookup, the answer kept on the
 * scan for the detectors), else SHAPED.
 */
function brandShapedPieces(scan: HostScan, to: number, index: EngineIndex): number {
  const { host } = scan;
  let found = NO_SHAPE;
  for (let k = 0; k < scan.count && scan.end[k]! <= to; k++) {
    const start = scan.start[k]!;
    const end = scan.end[k]!;
    if (!scannedPieceLikeBrand(scan, k, index)) continue;
    const key = findKey(index.keyTable, scan.hash[k]!, host, start, end, ANY_KEY);
    scan.key[k] = key;
    if (key >= 0 && (index.keyTable.kinds[key]! & (KEY_EMBEDDABLE | KEY_GLUED)) !== 0) return SPELLED;
    found = SHAPED;
  }
  return found;
}

/** The shared scan of `host` (host-scan.ts), made now unless it is the host last scanned. */
function scanOf(host: string): HostScan {
  const scan = lastScan();
  return scan.host === host ? scan : scanHost(host);
}

const ANY_KEY = KEY_BRAND | KEY_KEYWORD | KEY_EMBEDDABLE | KEY_GLUED;

/** pieceLikeBrand for piece k of a scan: its digits are known, so most pieces skip those questions. */
function scannedPieceLikeBrand(scan: HostScan, k: number, index: EngineIndex): boolean {
  const digits = scan.digits[k]!;
  if (digits === 0) {
    const from = scan.start[k]!;
    const to = scan.end[k]!;
    const length = to - from;
    if (length < 3) return true;
    return length === 3
      ? startsOrEndsLike3(scan.host, from, to, index.brandEdges3, EDGE_BRAND_HEAD, EDGE_BRAND_TAIL)
      : startsOrEndsLike4(scan.host, from, to, index) || startsOrEndsLike3(scan.host, from, to, index.brandEdges3, EDGE_SHORT_HEAD, EDGE_SHORT_TAIL) || startsLikeAfterPrefix(scan.host, from, to, index);
  }
  return pieceLikeBrand(scan.host, scan.start[k]!, scan.end[k]!, index);
}

/** A piece starting with a possessive or an article then like a brand ("monamelicompte"). */
function startsLikeAfterPrefix(s: string, from: number, to: number, index: EngineIndex): boolean {
  const at = from + prefixLength(s, from);
  return at > from && to - at >= 4 && hasBit(index.brandHeads4, edge4Index(s.charCodeAt(at), s.charCodeAt(at + 1), s.charCodeAt(at + 2), s.charCodeAt(at + 3)));
}


/**
 * The cheap edge test of one piece host[from, to): whether a brand window may start or end with it.
 */
function pieceLikeBrand(host: string, from: number, to: number, index: EngineIndex): boolean {
  const length = to - from;
  if (length < 3) return true;
  // A digit written for a letter (m4if): the piece may be a brand read so (combosquat.ts leetReading).
  if (hasLoneLeetDigit(host, from, to)) return true;
  // A number around a word (12ameli34): the word may be a brand (combosquat.ts scanDigitWrapped).
  if (isDigit(host.charCodeAt(from)) || isDigit(host.charCodeAt(to - 1))) {
    let a = from;
    let b = to;
    while (a < b && isDigit(host.charCodeAt(a))) a++;
    while (b > a && isDigit(host.charCodeAt(b - 1))) b--;
    if (b - a >= 3 && pieceLikeBrand(host, a, b, index)) return true;
  }
  // A brand window starts at a piece's start and ends at a piece's end: a piece of four or more
  // characters starts or ends with a brand's first or last four, or is glued to a three-letter brand.
  return length === 3
    ? startsOrEndsLike3(host, from, to, index.brandEdges3, EDGE_BRAND_HEAD, EDGE_BRAND_TAIL)
    : startsOrEndsLike4(host, from, to, index) || startsOrEndsLike3(host, from, to, index.brandEdges3, EDGE_SHORT_HEAD, EDGE_SHORT_TAIL) || startsLikeAfterPrefix(host, from, to, index);
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether s[from, to) holds a 3, 4, 5 or 7 that combosquat.ts leetReading reads as a letter. */
function hasLoneLeetDigit(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 51 && c <= 55 && c !== 54 && isLoneDigitByLetter(s, i)) return true;
  }
  return false;
}

/** The longest window of pieces embedding.ts (MAX_BRAND_TOKENS) and combosquat.ts (MAX_WINDOW) read. */
const MAX_WINDOW = 3;

/**
 * The edge test answered exactly, for a host read on its scan (each piece is its own skeleton) whose public
 * suffix starts at `to`: whether the embedding or combination detectors can find a brand in it. They
 * find one only as
 * - a window of one to three pieces (over dots too, never ending with the host's last piece) that
 *   spells an embeddable brand or a brand glued to its suffix ("amelifr");
 * - a brand of four or more characters at the start or the end of a longer piece before the suffix
 *   (glued to words, or after a possessive: "ameliremboursement", "monameli");
 * - the same in such a piece read with digits for letters (m4if), or without the number around it (2024ameli).
 * So a popular site with a piece that merely starts like a brand ("services", "nr-data") is settled here.
 */
function plainHostMayHoldBrand(scan: HostScan, to: number, index: EngineIndex): boolean {
  const { host, count, start, end, hash, power } = scan;
  // Brands spelled by whole pieces first (most lookalikes stop there): every window of one to
  // MAX_WINDOW pieces that does not end with the host's last one, by its hash.
  const table = index.keyTable;
  for (let k = 0; k + 1 < count; k++) {
    let windowHash = 0;
    for (let j = k; j < k + MAX_WINDOW && j + 1 < count; j++) {
      windowHash = (Math.imul(windowHash, power[j]!) + hash[j]!) | 0;
      if (findKey(table, windowHash, host, start[k]!, end[j]!, KEY_EMBEDDABLE | KEY_GLUED) >= 0) return true;
    }
  }
  for (let k = 0; k < count && end[k]! <= to; k++) if (pieceHoldsBrand(host, start[k]!, end[k]!, index)) return true;
  return false;
}

/** Whether the piece host[from, to) holds a brand glued at an edge, read as spelled, with digits for letters or without its number. */
function pieceHoldsBrand(host: string, from: number, to: number, index: EngineIndex): boolean {
  if (gluedAtAnEdge(host, from, to, index)) return true;
  // After a possessive ("monamelicompte", "lamacif"): combosquat.ts reads the brand there too.
  const prefix = prefixLength(host, from);
  if (prefix > 0 && gluedAtAnEdge(host, from + prefix, to, index)) return true;
  if (to - from < 3) return false;
  if (hasLoneLeetDigit(host, from, to) && readingHoldsBrand(leetReading(host.slice(from, to))!, index)) return true;
  if (isDigit(host.charCodeAt(from)) || isDigit(host.charCodeAt(to - 1))) {
    let a = from;
    let b = to;
    while (a < b && isDigit(host.charCodeAt(a))) a++;
    while (b > a && isDigit(host.charCodeAt(b - 1))) b--;
    if (b - a >= 3 && readingHoldsBrand(host.slice(a, b), index)) return true;
  }
  return false;
}

/** Whether `s` (a piece read otherwise) is a brand, or starts or ends with one of four or more characters. */
function readingHoldsBrand(s: string, index: EngineIndex): boolean {
  return brandsSpelled(s, index) !== undefined || gluedAtAnEdge(s, 0, s.length, index);
}

/** Whether s[from, to) starts or ends with a brand of four or more characters and is longer than it (combosquat.ts gluedBrand). */
function gluedAtAnEdge(s: string, from: number, to: number, index: EngineIndex): boolean {
  const n = to - from;
  if (n < MIN_STANDALONE_BRAND_LENGTH + 1) return false;
  if (hasBit(index.brandHeads4, edge4Index(s.charCodeAt(from), s.charCodeAt(from + 1), s.charCodeAt(from + 2), s.charCodeAt(from + 3)))) {
    const heads = index.gluedBrandHeads.get(edge3Index(s.charCodeAt(from), s.charCodeAt(from + 1), s.charCodeAt(from + 2)));
    if (heads) for (const { key } of heads) if (key.length < n && s.startsWith(key, from)) return true;
  }
  if (hasBit(index.brandTails4, edge4Index(s.charCodeAt(to - 4), s.charCodeAt(to - 3), s.charCodeAt(to - 2), s.charCodeAt(to - 1)))) {
    const tails = index.gluedBrandTails.get(edge3Index(s.charCodeAt(to - 3), s.charCodeAt(to - 2), s.charCodeAt(to - 1)));
    if (tails) for (const { key } of tails) if (key.length < n && s.startsWith(key, to - key.length)) return true;
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
      if (!mayBeTypoIn(sld, start, i, len, index)) continue;
      const run = withoutHyphens(sld.slice(start, i));
      if (findTypoBrand(run, index)) return true;
    }
  }
  return false;
}

