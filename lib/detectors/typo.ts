import { isPlausibleReplacement } from '../keyboard';
import { MIN_SOUND_KEY_LENGTH, MIN_STANDALONE_BRAND_LENGTH, EDGE_TYPO_HEAD, EDGE_TYPO_TAIL, LETTER_BINS, edge3Index, edgeIndex, LONG_BRAND_LENGTH, MIN_TYPO_LENGTH, letterCounts, letterMask, longBucketKey, pairCode, type Brand, type EngineIndex } from '../engine-index';
import { boundedOsaDistance } from '../edit-distance';
import type { HostView } from '../host-view';
import { foldUnicode, withoutHyphens } from '../skeleton';
import { deletionHashes, hashString } from '../string-hash';
import type { Match } from './match';
import { soundHash, soundHead, soundKey, soundKeyLength } from '../sound-key';
import { suffixTargetsFrance } from './suffix-guard';
import { afterPossessive } from './combosquat';
import { brandsSpelled, sldBrands } from './windows';

/**
 * One slip of the finger away from a brand of 5+ characters: omission (`harmonie-mutuele`), insertion
 * and repetition (`amelli`), replacement (`amzli`), transposition (`aemli`), hyphenation, and two edits
 * on long brands. Candidates come from the deletion neighbourhood built at load time, then the distance
 * is checked. Measured on accent/confusable-folded names but not on rn→m style folding: stacking a
 * lookalike and a typo (`acorns` ≈ `acoss`) mostly finds real words.
 */
/**
 * Whether `name` starts or ends like some typo-eligible brand. One edit (or an adjacent swap) touches at
 * most two neighbouring letters, so a typo of a brand of 7+ letters keeps its first three or its last
 * three letters, and a typo of a shorter one its first two or its last two. (Two edits on a long brand
 * that hit both ends are not looked for.)
 */
export function mayBeTypo(name: string, index: EngineIndex): boolean {
  const n = name.length;
  if (n >= 8) {
    const e3 = index.brandEdges3;
    return (
      (e3[edge3Index(name.charCodeAt(0), name.charCodeAt(1), name.charCodeAt(2))]! & EDGE_TYPO_HEAD) !== 0 ||
      (e3[edge3Index(name.charCodeAt(n - 3), name.charCodeAt(n - 2), name.charCodeAt(n - 1))]! & EDGE_TYPO_TAIL) !== 0
    );
  }
  const e = index.brandEdges;
  return (e[edgeIndex(name.charCodeAt(0), name.charCodeAt(1))]! & EDGE_TYPO_HEAD) !== 0 || (e[edgeIndex(name.charCodeAt(n - 2), name.charCodeAt(n - 1))]! & EDGE_TYPO_TAIL) !== 0;
}

/**
 * mayBeTypo for s[from, to) with its hyphens and dots left out (`len` characters, 4 or more), without
 * building that string. The same answer as mayBeTypo on the built name.
 */
export function mayBeTypoIn(s: string, from: number, to: number, len: number, index: EngineIndex): boolean {
  let a0 = 0, a1 = 0, a2 = 0, z0 = 0, z1 = 0, z2 = 0;
  for (let i = from, k = 0; k < 3; i++) {
    const c = s.charCodeAt(i);
    if (c === 45 || c === 46) continue;
    if (k === 0) a0 = c;
    else if (k === 1) a1 = c;
    else a2 = c;
    k++;
  }
  for (let i = to - 1, k = 0; k < 3; i--) {
    const c = s.charCodeAt(i);
    if (c === 45 || c === 46) continue;
    if (k === 0) z0 = c;
    else if (k === 1) z1 = c;
    else z2 = c;
    k++;
  }
  return mayBeTypoEdges(len, a0, a1, a2, z2, z1, z0, index);
}

/** mayBeTypo for a name of `len` characters that starts with a0 a1 a2 and ends with z2 z1 z0. */
export function mayBeTypoEdges(len: number, a0: number, a1: number, a2: number, z2: number, z1: number, z0: number, index: EngineIndex): boolean {
  if (len >= 8) {
    const e3 = index.brandEdges3;
    return (e3[edge3Index(a0, a1, a2)]! & EDGE_TYPO_HEAD) !== 0 || (e3[edge3Index(z2, z1, z0)]! & EDGE_TYPO_TAIL) !== 0;
  }
  const e = index.brandEdges;
  return (e[edgeIndex(a0, a1)]! & EDGE_TYPO_HEAD) !== 0 || (e[edgeIndex(z1, z0)]! & EDGE_TYPO_TAIL) !== 0;
}

/** Up to this many brands of a nearby length, checking each one directly beats hashing every deletion. */
const DIRECT_SCAN_LIMIT = 96;

// The last answer of findTypoBrand: the quick reject and the typo detector ask it for the same name
// in one classification.
let lastIndex: EngineIndex | null = null;
let lastName = '';
let lastBrand: Brand | null = null;

export function findTypoBrand(name: string, index: EngineIndex): Brand | null {
  if (index === lastIndex && name === lastName) return lastBrand;
  const brand = searchTypoBrand(name, index);
  lastIndex = index;
  lastName = name;
  lastBrand = brand;
  return brand;
}

function searchTypoBrand(name: string, index: EngineIndex): Brand | null {
  const n = name.length;
  if (n < MIN_TYPO_LENGTH - 1) return null;
  if (!mayBeTypo(name, index)) return null;
  nameMask = letterMask(name);
  nameHead = pairCode(name, 0);
  nameTail = pairCode(name, n - 2);
  countsOf = null;
  const direct = scanNearbyLengths(name, index);
  return (direct !== undefined ? direct : findByDeletions(name, index)) ?? soundAlike(name, index);
}

/** At most this many edits between a name and the brand it sounds like ("probetepe" for probtp is past it). */
const MAX_SOUND_EDITS = 3;

/**
 * A brand the name sounds like without being one or two slips from it (sound-key.ts): "viamedice",
 * "jenerali", "santeclere". The same exclusions as a typo (namesakes, parts a typo must keep).
 */
function soundAlike(name: string, index: EngineIndex): Brand | null {
  if (name.length < MIN_TYPO_LENGTH || name.length > 30) return null;
  const head = soundHead(name);
  if (head < 0 || index.soundHeads[head] === 0) return null; // most names: no brand's key starts so
  const brands = index.soundKeys.get(soundHash(name));
  if (!brands || soundKeyLength() < MIN_SOUND_KEY_LENGTH) return null;
  const key = soundKey(name); // (a hash hit: the key itself, to rule out a collision)
  for (const brand of brands) {
    if (brand.plain === name || soundKey(brand.plain) !== key || boundedOsaDistance(name, brand.plain, MAX_SOUND_EDITS) > MAX_SOUND_EDITS) continue;
    if (brand.keptParts.some((part) => !name.includes(part)) || isLikelyNamesake(name, brand.plain)) continue;
    return brand;
  }
  return null;
}

/**
 * Checks every typo-eligible brand whose length is within two of the name, letter-set filter first, or
 * returns undefined when there are too many (a very large list): then the deletion index is used.
 * Exact: each edit changes the set of letters used by at most two, so the filter never drops a match.
 */
function scanNearbyLengths(name: string, index: EngineIndex): Brand | null | undefined {
  const from = Math.max(0, name.length - 2);
  const to = Math.min(index.typoByLength.length - 1, name.length + 2);
  let count = 0;
  for (let len = from; len <= to; len++) count += index.typoByLength[len]?.length ?? 0;
  if (count > DIRECT_SCAN_LIMIT) return undefined;
  for (let len = from; len <= to; len++) {
    const brands = index.typoByLength[len];
    if (!brands) continue;
    // Flat arrays first: a brand allowed one edit must share its first two or its last two characters
    // with the name; then the letter-set filter. Most candidates stop there without being read.
    const masks = index.typoMasksByLength[len]!;
    const heads = index.typoHeadsByLength[len]!;
    const tails = index.typoTailsByLength[len]!;
    const limit = len >= LONG_BRAND_LENGTH ? 4 : 2;
    for (let k = 0; k < brands.length; k++) {
      const head = heads[k]!;
      if (head !== -1 && head !== nameHead && tails[k] !== nameTail) continue;
      if (popcount(nameMask ^ masks[k]!) > limit) continue;
      if (isCloseTo(name, brands[k]!)) return brands[k]!;
    }
  }
  return null;
}

function findByDeletions(name: string, index: EngineIndex): Brand | null {
  // name = brand minus one character: name is one of the brand's deletions
  let hit = closeEnough(name, index.typoKeys.get(hashString(name)));
  // name = brand plus one character (a deletion of name is the brand), or one replacement or
  // transposition (a deletion of name is a deletion of the brand)
  const hashes = deletionHashes(name);
  for (let i = 0; i < name.length && !hit; i++) hit = closeEnough(name, index.typoKeys.get(hashes[i]!));
  if (hit || name.length < LONG_BRAND_LENGTH - 2) return hit;
  // Two edits on a long brand: candidates share the first or the last three letters.
  return closeEnough(name, index.longBrandBuckets.get(longBucketKey(name.slice(0, 3), 0))) ?? closeEnough(name, index.longBrandBuckets.get(longBucketKey(name.slice(-3), 1)));
}

// Letters of the name being checked (set once per findTypoBrand call; the engine is synchronous).
let nameMask = 0;
let nameHead = 0;
let nameTail = 0;
const nameCounts = new Uint8Array(LETTER_BINS);
let countsOf: string | null = null; // which name nameCounts holds: filled only when a candidate passes the mask

/** L1 distance between two letter histograms, stopping once it exceeds `limit`. */
function histogramDistance(a: Uint8Array, b: Uint8Array, limit: number): number {
  let d = 0;
  for (let i = 0; i < LETTER_BINS && d <= limit; i++) d += Math.abs(a[i]! - b[i]!);
  return d;
}

/** Number of set bits in a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** The first typo-eligible brand within its allowed distance of `name` (candidates are rare: no allocation). */
function closeEnough(name: string, brands: Brand[] | undefined): Brand | null {
  if (!brands) return null;
  for (const brand of brands) if (isCloseTo(name, brand)) return brand;
  return null;
}

/** Whether `name` is a typo of this brand: within its allowed distance, not the brand itself nor a namesake. */
function isCloseTo(name: string, brand: Brand): boolean {
  if (brand.plain === name) return false;
  const max = brand.maxEdits;
  // Each edit adds or removes at most two letters from the set of letters used.
  if (popcount(nameMask ^ brand.letterMask) > 2 * max) return false;
  // Each edit also moves the letter histogram by at most two (a substitution: one out, one in): a
  // filter worth its cost before the two-edit distance only; one edit is checked in one pass anyway.
  if (max > 1) {
    if (countsOf !== name) countsOf = letterCounts(name, nameCounts) && name;
    if (histogramDistance(nameCounts, brand.letterCounts, 2 * max) > 2 * max) return false;
  }
  if (boundedOsaDistance(name, brand.plain, max) > max) return false;
  for (const part of brand.keptParts) if (!name.includes(part)) return false;
  if (brand.plain.length <= SLIPS_ONLY_MAX_LENGTH && isArbitraryReplacement(name, brand.plain)) return false;
  return !isLikelyNamesake(name, brand.plain);
}

/**
 * On brands of five or six letters, a replaced letter must be a plausible slip (keyboard.ts): one
 * arbitrary letter away from such a short name, other real names abound (mammut.com vs matmut,
 * cardio.fr vs cardif, iteris.com vs itelis). Omissions, insertions and swaps are not limited.
 */
const SLIPS_ONLY_MAX_LENGTH = 6;

/** Whether `name` is `brand` with exactly one letter replaced by one that is not a plausible slip. */
function isArbitraryReplacement(name: string, brand: string): boolean {
  if (name.length !== brand.length) return false;
  let at = -1;
  for (let i = 0; i < name.length; i++) {
    if (name.charCodeAt(i) === brand.charCodeAt(i)) continue;
    if (at >= 0) return false; // a second difference: a swap of neighbours
    at = i;
  }
  return at >= 0 && !isPlausibleReplacement(brand.charCodeAt(at), name.charCodeAt(at));
}

/**
 * Chromium's lessons on edit-distance false positives: numbered variants (`site45`/`site35`) and names
 * that only differ in their first letter (`meli` for Mercado Libre vs `ameli`, `hank`/`tank`) are
 * usually unrelated sites. The first-letter rule is kept to short brands, where it bites.
 */
const FIRST_LETTER_RULE_MAX_LENGTH = 7;
const DIGITS = /[0-9]/g;
function isLikelyNamesake(name: string, brand: string): boolean {
  // Both numbered and only the numbers differ (site45 / site35); "ameli2" for "ameli" is still a typo.
  if (/[0-9]/.test(brand) && name.replace(DIGITS, '') === brand.replace(DIGITS, '')) return true;
  // The first letter dropped on a short brand (meli, for Mercado Libre, vs ameli): another name more often
  // than a slip. A changed or added first letter (emeli, xameli) still reads as the brand and stays a typo;
  // real words among those are namesakes (namesakes.json).
  if (brand.length <= FIRST_LETTER_RULE_MAX_LENGTH && name === brand.slice(1)) return true;
  return false;
}

/**
 * The typo-eligible brand whose plain form is `name`, if any. Its edges first: brandEdges has those of
 * every such brand (all 5+ characters long, so a shorter name never passes on undefined characters).
 */
function typoBrandSpelled(name: string, index: EngineIndex): Brand | undefined {
  const n = name.length;
  const e = index.brandEdges;
  if ((e[edgeIndex(name.charCodeAt(0), name.charCodeAt(1))]! & EDGE_TYPO_HEAD) === 0) return undefined;
  if ((e[edgeIndex(name.charCodeAt(n - 2), name.charCodeAt(n - 1))]! & EDGE_TYPO_TAIL) === 0) return undefined;
  return index.typoBrands.get(hashString(name))?.find((b) => b.plain === name);
}

export function detectTypo(view: HostView, index: EngineIndex): Match | null {
  const split = detectSplitName(view, index) ?? detectMissingDot(view, index);
  if (split) return split;
  const name = view.sldPlain;
  if (name.length < MIN_TYPO_LENGTH - 1 || name.length > 40) return null;
  if (typoBrandSpelled(name, index)) return null; // same letters: homoglyph / tld-swap
  // A name that is another brand exactly (maif, next to macif) is that brand, not a typo of the other.
  if (sldBrands(view, index) || brandsSpelled(name, index)) return null;
  const brand = findTypoBrand(name, index);
  if (!brand || !suffixTargetsFrance(view, brand) || index.benignNeighbours.has(name)) return null;
  // A possessive glued to that brand spelled exactly (mysanteclair, like myameli) is a brand token, not a
  // slip, however long the brand (two added letters are within a long brand's typo distance). A slip of
  // another name still counts (maswisslife, one letter from myswisslife).
  if (afterPossessive(view.sldSkeleton, index)?.skeleton === brand.skeleton) return null;
  // The brand spelled exactly as one piece of the name, next to a short piece ("swisslife-am", two
  // letters added to a long brand): a brand with a word, which the combination detector reads, not a slip.
  if (view.sldLast > view.sldFirst) for (let k = view.sldFirst; k <= view.sldLast; k++) if (view.tokens[k]!.skel === brand.skeleton) return null;
  return { severity: 'lookalike', reasons: view.hasIdn ? ['typo', 'idn'] : ['typo'], brand };
}

const MAX_SPLIT_NAME = 40;

/**
 * The dot after "www" left out (`wwwameli.fr` for www.ameli.fr): the rest of the name is a brand of four
 * or more letters as spelled. (`www-ameli.fr` is a tail embedding, see embedding.ts.)
 */
function detectMissingDot(view: HostView, index: EngineIndex): Match | null {
  const label = view.labels[view.sldIndex]!;
  if (label.length < 3 + MIN_STANDALONE_BRAND_LENGTH || !label.startsWith('www') || label.charCodeAt(3) === 45) return null;
  const brand = brandsSpelled(withoutHyphens(label.slice(3)), index)?.find((b) => !b.common && b.plain.length >= MIN_STANDALONE_BRAND_LENGTH);
  return brand && suffixTargetsFrance(view, brand) ? { severity: 'lookalike', reasons: ['typo'], brand } : null;
}

/** A dot slipped inside the name (`fra.nceconnect.fr`, `am.eli.fr`): the last two labels spell the brand. */
function detectSplitName(view: HostView, index: EngineIndex): Match | null {
  if (view.sldIndex < 1) return null;
  const head = view.unicode[view.sldIndex - 1]!;
  if (head === 'www' || head.length + view.sldPlain.length > MAX_SPLIT_NAME) return null;
  const joined = withoutHyphens(foldUnicode(head + view.unicode[view.sldIndex]!));
  const brand = typoBrandSpelled(joined, index);
  return brand && suffixTargetsFrance(view, brand) ? { severity: 'lookalike', reasons: ['typo'], brand } : null;
}
