import { droppedLetterForms, lureWordForms } from './lure-forms';
import { soundKey } from './sound-key';
import type { Organization, VigieList } from './list-schema';
import { deletions1 } from './edit-distance';
import { hashString } from './string-hash';
import { buildKeyTable, type KeyTable } from './key-table';
import { foldUnicode, skeletonOf, withoutHyphens } from './skeleton';
import bundledNamesakes from './data/namesakes.json';

/**
 * Everything the detectors look up, built once when a list loads so that classifying a URL never loops
 * over the list: maps keyed by skeleton, a deletion neighbourhood for typos, glued "brand+suffix" forms.
 */
export interface OrgRef {
  id: string;
  name: string;
  /** The organisation's main official registrable domain (first listed). */
  primaryDomain: string;
  professionalOnly: boolean;
  /** What a verdict names (Verdict.organization), made once: verdicts share it, so it is frozen. */
  organization: Readonly<{ id: string; name: string; professionalOnly?: true }>;
}

export interface Brand {
  /** As curated or as found in the domain ("carte-vitale", "harmonie-mutuelle", "ameli"). */
  token: string;
  /** `token` without its hyphens. */
  flatToken: string;
  /** Skeleton without hyphens: the form every comparison uses. */
  skeleton: string;
  /** Unicode-folded form without hyphens and without ASCII lookalike folding: what typos are measured on. */
  plain: string;
  org: OrgRef;
  /** The official domain this brand stands for (e.g. ameli.fr for "ameli"). */
  target: string;
  /** Public suffixes the brand is officially registered under ("fr" for ameli, "gouv.fr" for 17cyber). */
  suffixes: string[];
  /** The same suffixes as sequences of token skeletons (["gouv","fr"]), for embedding search. */
  suffixTokens: string[][];
  /** Edit-distance typos are only looked for on long, distinctive brands. */
  typoEligible: boolean;
  /** Which letters a-z (bits 0-25) and digits (bit 26) `plain` uses: a cheap filter before edit distance. */
  letterMask: number;
  /** How many times each letter (a-z, then digits, then anything else) occurs in `plain`: a finer filter. */
  letterCounts: Uint8Array;
  /** The brand is an ordinary word (tutelaire): its bare name elsewhere is not a signal by itself. */
  common: boolean;
  /** The brand is also a given name (alan, april): with neutral words only (alan-turing.org) it names a person. */
  givenName: boolean;
  /**
   * The parts of `plain` a typo must leave exactly as they are, when the brand's own letters are few
   * next to ordinary words: "umc" in mutuelle-umc. A slip there spells another organisation
   * (mutuelle-mcd, mutuelle-ufr are real mutuelles), as on any short brand.
   */
  keptParts: readonly string[];
  /** Edits a typo may make: 2 on long brands, 1 when the brand's own part is short (mutuelle-gsmc). */
  maxEdits: number;
  /** Only found inside an address (an ordinary word such as justice, or a commonWord organisation's name). */
  embeddableOnly: boolean;
}

/** What a key of the index stands for (see EngineIndex.keyTable). */
export interface KeyValue {
  brands: Brand[] | undefined;
  embeddable: Brand[] | undefined;
  glued: Brand | undefined;
}

export interface EngineIndex {
  officialDomains: Map<string, { org: OrgRef; domain: string; viaPolicy: boolean }>;
  /** Whether some official entry is below a registrable domain (policy extras): then hosts are walked. */
  deepOfficialDomains: boolean;
  loginHosts: Set<string>;
  blockedHosts: Set<string>;
  /**
   * A filter before officialDomains and blockedHosts lookups: for every pair of characters, HOST_* bits
   * saying whether some official domain / blocked host starts or ends with it, and for every length
   * (255 and more together) whether some has it. Off (hostFilter false) when a key is shorter than two.
   */
  hostEdges: Uint8Array;
  hostLengths: Uint8Array;
  hostFilter: boolean;
  /** Brand skeleton → brands (several organisations may share one). */
  brandsBySkeleton: Map<string, Brand[]>;
  /** Brands by skeleton including common-word names: only for finding a whole official address inside another. */
  embeddableBySkeleton: Map<string, Brand[]>;
  /** Typo-eligible brands by plain form, and their one-deletion neighbourhood (two deletions for long ones). */
  typoBrands: Map<number, Brand[]>;
  /** Hash of each typo-eligible brand's plain form and of each of its one-deletions → brands (one map, one lookup). */
  typoKeys: Map<number, Brand[]>;
  /** Long brands bucketed by their first and by their last three letters: candidates for two edits. */
  longBrandBuckets: Map<number, Brand[]>;
  /** Typo-eligible brands by length of their plain form (one entry per spelling). */
  typoByLength: Brand[][];
  /** The letterMask of each brand of typoByLength, in the same places (a flat array scans faster). */
  typoMasksByLength: Int32Array[];
  /**
   * The first two and the last two characters of each brand of typoByLength, as c0 * 65536 + c1 (-1
   * for a brand allowed two edits): one edit on a name of five or more leaves one pair or the other as
   * it is, so most candidates are ruled out by two comparisons.
   */
  typoHeadsByLength: Int32Array[];
  typoTailsByLength: Int32Array[];
  /** "amelifr", "ameligouvfr": a brand glued to its own suffix inside another name. */
  gluedTargets: Map<string, Brand>;
  /** Typo-eligible brands by the hash of the sound of their name (sound-key.ts), keys of MIN_SOUND_KEY_LENGTH or more. */
  soundKeys: Map<number, Brand[]>;
  /** 1 at c0 * 256 + c1 for the first two characters of each of those keys (see soundHead). */
  soundHeads: Uint8Array;
  /** Lure keywords, as skeletons without hyphens. */
  keywords: Set<string>;
  /** The same as spelled, without hyphens ("connexion", whose skeleton reads "comexion"). */
  spelledKeywords: Set<string>;
  /** spelledKeywords of nine letters or more with one letter dropped (lure-forms.ts isMisspeltWord). */
  droppedKeywords: Set<string>;
  /**
   * By organisation id, the first labels of its login hosts (declare for declare.ameli.fr, extranet for
   * extranet.malakoffhumanis.com) as skeletons without hyphens: next to its brand, such a word copies
   * the organisation's own login address (declare-ameli.fr), as strong as a lure word. Not www, nor a
   * label that is itself a brand.
   */
  loginWords: Map<string, Set<string>>;
  /** Real words and first names one or two edits from a brand (avril, general): never a typo of it. */
  benignNeighbours: Set<string>;
  /** Those of benignNeighbours that are French given names (amelie, oceane): see stacked-typo.ts. */
  givenNameNeighbours: Set<string>;
  keywordLengths: number[];
  /** Lengths of brand skeletons, longest first, for glued prefix/suffix search. */
  brandLengths: number[];
  /** First two characters of every brand skeleton (cheap filter before slicing). */
  brandHeads: Set<string>;
  brandTails: Set<string>;
  /**
   * For every pair of characters: bit 1 if some brand (embeddable ones included) starts with it, bit 2 if
   * some brand ends with it. A host none of whose pieces starts or ends like a brand cannot hold one, and
   * the embedding and combination detectors are skipped for it (most of the web).
   */
  brandEdges: Uint8Array;
  /**
   * The same for three characters (bit 1: some brand starts so, bit 2: ends so): a finer filter. Bits
   * EDGE_SHORT_* say the same of the three-letter brands only (axa, caf).
   */
  brandEdges3: Uint8Array;
  /**
   * Bit sets over edge4Index: the first / last four characters of every brand of four or more (the
   * finest filter for pieces of four or more characters, see quick-reject.ts).
   */
  brandHeads4: Uint32Array;
  brandTails4: Uint32Array;
  /**
   * For every key length (255 standing for 255 and more): KEY_BRAND if some brandsBySkeleton key has it,
   * KEY_KEYWORD for lure keywords, KEY_EMBEDDABLE for embeddableBySkeleton keys, KEY_GLUED for
   * gluedTargets keys. With the EDGE_* bits of brandEdges, a window of pieces is only joined into a
   * string when some key could be spelled by it.
   */
  keyLengths: Uint8Array;
  /**
   * Every key above (brandsBySkeleton, embeddableBySkeleton, gluedTargets, keywords) with its KEY_*
   * bits and what it stands for, by hash (key-table.ts): a window of a host's pieces is looked up by
   * the hash of its pieces, no string built.
   */
  keyTable: KeyTable<KeyValue>;
  /**
   * Brands of 4+ characters (MIN_STANDALONE_BRAND_LENGTH) by edge3Index of their first three characters
   * (heads) and of their last three (tails), longest first: what a glued piece may start or end with.
   */
  gluedBrandHeads: Map<number, ReadonlyArray<{ key: string; brand: Brand }>>;
  gluedBrandTails: Map<number, ReadonlyArray<{ key: string; brand: Brand }>>;
  organizations: Map<string, Organization>;
}

export const MIN_TYPO_LENGTH = 5;
/** Shorter sound keys collide with too many words ("makif" is five). */
export const MIN_SOUND_KEY_LENGTH = 5;
/** Brands at least this long tolerate two edits; shorter ones one. */
export const LONG_BRAND_LENGTH = 10;
/** Shorter brands only count with a lure keyword or inside an embedded address. */
export const MIN_STANDALONE_BRAND_LENGTH = 4;
/** A brand alone under another suffix (ameli.com) only counts from this length: ocso.com, axa.com are namesakes. */
export const MIN_TLD_SWAP_LENGTH = 5;

/**
 * Words that name a category, not an organisation: they are never a brand on their own, even when an
 * official domain is made of one (justice.gouv.fr must not turn "justice-avocat.fr" into a lookalike).
 */
export const GENERIC_WORDS = new Set(
  [
    'sante', 'mutuelle', 'mutuelles', 'assurance', 'assurances', 'assure', 'france', 'groupe', 'group', 'service',
    'services', 'public', 'justice', 'interieur', 'economie', 'generation', 'prevoyance', 'retraite', 'sociale',
    'securite', 'social', 'famille', 'familiale', 'europe', 'solidaire', 'police', 'info', 'conseil', 'courtage',
    'entreprise', 'entreprises', 'mon', 'ma', 'vie', 'travail', 'emploi', 'impots', 'gouv', 'signal', 'cyber',
    'mutualite',
  ].map((w) => skeletonOf(w)),
);

/** The two characters of `s` at `at`, as one number (see EngineIndex.typoHeadsByLength). */
export function pairCode(s: string, at: number): number {
  return s.charCodeAt(at) * 65536 + s.charCodeAt(at + 1);
}

/** Bit set of the letters (a-z → bits 0-25) and of "any digit" (bit 26) in an ASCII string. */
export function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) m |= 1 << 26;
    else m |= 1 << 27;
  }
  return m;
}

const EDGE_TABLE_SIZE = 128 * 128;
const EDGE3_TABLE_SIZE = 64 * 64 * 64;
/** Slot of a character triple in `brandEdges3` (characters folded onto 64 slots: errs only towards "maybe"). */
export function edge3Index(c0: number, c1: number, c2: number): number {
  return ((c0 & 63) << 12) | ((c1 & 63) << 6) | (c2 & 63);
}
/** Slot of four characters in brandHeads4 / brandTails4 (characters folded onto 32 slots: errs only towards "maybe"). */
export function edge4Index(c0: number, c1: number, c2: number, c3: number): number {
  return ((c0 & 31) << 15) | ((c1 & 31) << 10) | ((c2 & 31) << 5) | (c3 & 31);
}
const EDGE4_TABLE_BITS = 1 << 20;
export function hasBit(set: Uint32Array, bit: number): boolean {
  return (set[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}
export const EDGE_BRAND_HEAD = 1;
export const EDGE_BRAND_TAIL = 2;
/** In brandEdges3 only: some three-letter brand is / ends with the triple. */
export const EDGE_SHORT_HEAD = 16;
export const EDGE_SHORT_TAIL = 32;
export const EDGE_TYPO_HEAD = 4;
export const EDGE_TYPO_TAIL = 8;
/** Some lure keyword starts / ends with the pair. */
export const EDGE_KEYWORD_HEAD = 16;
export const EDGE_KEYWORD_TAIL = 32;
/** Some gluedTargets key starts / ends with the pair. */
export const EDGE_GLUED_HEAD = 64;
export const EDGE_GLUED_TAIL = 128;

export const HOST_OFFICIAL_HEAD = 1;
export const HOST_OFFICIAL_TAIL = 2;
export const HOST_BLOCKED_HEAD = 4;
export const HOST_BLOCKED_TAIL = 8;
export const HOST_OFFICIAL = 1;
export const HOST_BLOCKED = 2;

export const KEY_BRAND = 1;
export const KEY_KEYWORD = 2;
export const KEY_EMBEDDABLE = 4;
export const KEY_GLUED = 8;
/** Slot of a character pair in `brandEdges` (non-ASCII folded onto ASCII slots: a filter may only err towards "maybe"). */
export function edgeIndex(c0: number, c1: number): number {
  return (c0 & 127) * 128 + (c1 & 127);
}

export const LETTER_BINS = 28;

/** Fills `into` with the letter histogram of `s` (bins: a-z, digit, other) and returns it. */
export function letterCounts(s: string, into: Uint8Array): Uint8Array {
  into.fill(0);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const bin = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 : 27;
    if (into[bin]! < 255) into[bin]!++;
  }
  return into;
}

/** Bucket key of a long brand: hash of three letters, low bit 0 for the head, 1 for the tail. */
export function longBucketKey(three: string, end: 0 | 1): number {
  return ((hashString(three) << 1) | end) >>> 0;
}

function plainOf(token: string): string {
  return foldUnicode(token).replace(/-/g, '');
}

/**
 * Letters that make a brand distinctive: "mutuelle-sg" is really "sg", too short for typo matching
 * (its neighbours are "mutuelles", "mutuelle"). A name made only of ordinary words ("service-public")
 * is distinctive as a whole.
 */
function distinctiveLength(token: string): number {
  const parts = token.split('-');
  const own = parts.filter((t) => !GENERIC_WORDS.has(skeletonOf(t))).join('');
  if (own.length === 0) return parts.join('').length;
  return own.length >= MIN_DISTINCTIVE_PART ? token.replace(/-/g, '').length : 0;
}
const MIN_DISTINCTIVE_PART = 3;

/**
 * The brand's own (non-generic) parts, folded, when together they are at most `maxLength` letters long:
 * with an acronym's length, "mutuelle-umc" → ["umc"], "gan-assurances" → ["gan"]. Read from the hyphens only: peeling words off a
 * glued name would cut distinctive ones ("groupama" is not "group" + "ama").
 */
const NO_PARTS: readonly string[] = Object.freeze([]);
function ownParts(token: string, maxLength: number): readonly string[] {
  if (!token.includes('-')) return NO_PARTS;
  const parts = token.split('-');
  const own = parts.filter((t) => !GENERIC_WORDS.has(skeletonOf(t))).map(plainOf);
  const ownLength = own.join('').length;
  if (own.length === parts.length || ownLength === 0 || ownLength > maxLength) return NO_PARTS;
  return own;
}
/** Organisations named by a three-letter acronym next to ordinary words are many (mutuelle-umc, -mcd, -ufr). */
const MAX_ACRONYM_LENGTH = 3;

function flat(token: string): string {
  return skeletonOf(token).replace(/-/g, '');
}

function orgRef(id: string, name: string, primaryDomain: string, professionalOnly: boolean): OrgRef {
  const organization = Object.freeze(professionalOnly ? { id, name, professionalOnly: true as const } : { id, name });
  return { id, name, primaryDomain, professionalOnly, organization };
}

export interface IndexOptions {
  extraOfficialDomains?: readonly string[];
  blockedDomains?: readonly string[];
}

export interface Namesakes {
  typo: readonly string[];
  commonBrands: readonly string[];
  givenNameBrands?: readonly string[];
  givenNameNeighbours?: readonly string[];
}

export function buildIndex(
  list: VigieList,
  options: IndexOptions = {},
  suffixOf: (domain: string) => string,
  namesakes: Namesakes = bundledNamesakes,
): EngineIndex {
  const commonBrands = new Set(namesakes.commonBrands);
  const givenNameBrands = new Set(namesakes.givenNameBrands ?? []);
  const officialDomains: EngineIndex['officialDomains'] = new Map();
  const loginHosts = new Set<string>();
  const brandsBySkeleton = new Map<string, Brand[]>();
  const embeddableBySkeleton = new Map<string, Brand[]>();
  // Keyed by string hash (see string-hash.ts) so lookups need no string building.
  const typoBrands = new Map<number, Brand[]>();
  const typoKeys = new Map<number, Brand[]>();
  const soundKeys = new Map<number, Brand[]>();
  const soundHeads = new Uint8Array(65536);
  const longBrandBuckets = new Map<number, Brand[]>();
  const typoByLength: Brand[][] = [];
  const gluedTargets = new Map<string, Brand>();
  const organizations = new Map<string, Organization>();

  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const arr = map.get(key);
    if (!arr) map.set(key, [value]);
    else if (arr[arr.length - 1] !== value) arr.push(value); // one brand's keys arrive together
  };

  for (const org of list.organizations) {
    organizations.set(org.id, org);
    const commonWord = (org as { commonWord?: unknown }).commonWord === true;
    const ref = orgRef(org.id, org.name, org.domains[0]!, org.professionalOnly);
    for (const d of org.domains) officialDomains.set(d, { org: ref, domain: d, viaPolicy: false });
    for (const h of org.loginHosts) loginHosts.add(h);

    // Brands: the curated tokens plus the name part of each official domain.
    const strong = new Map<string, Brand>();
    const generic = new Map<string, Brand>();
    const addBrand = (token: string, target: string, suffix: string | null, embeddableOnly = false) => {
      const skeleton = flat(token);
      if (plainOf(token).length < 3) return; // measured before folding: "lcl" reads "ld" once folded
      embeddableOnly ||= GENERIC_WORDS.has(skeleton);
      const byToken = embeddableOnly ? generic : strong;
      let brand = byToken.get(token);
      if (!brand) {
        brand = {
          token,
          flatToken: withoutHyphens(token),
          skeleton,
          plain: plainOf(token),
          letterMask: letterMask(plainOf(token)),
          letterCounts: letterCounts(plainOf(token), new Uint8Array(LETTER_BINS)),
          org: ref,
          target,
          suffixes: [],
          suffixTokens: [],
          typoEligible: distinctiveLength(token) >= MIN_TYPO_LENGTH && !commonBrands.has(plainOf(token)),
          common: commonBrands.has(plainOf(token)),
          givenName: givenNameBrands.has(plainOf(token)),
          keptParts: ownParts(token, MAX_ACRONYM_LENGTH),
          maxEdits: plainOf(token).length >= LONG_BRAND_LENGTH && ownParts(token, MIN_TYPO_LENGTH - 1).length === 0 ? 2 : 1,
          embeddableOnly,
        };
        byToken.set(token, brand);
      }
      if (suffix && !brand.suffixes.includes(suffix)) {
        brand.suffixes.push(suffix);
        brand.suffixTokens.push(suffix.split('.')); // suffix labels are compared as they are (see host-view)
      }
    };
    for (const d of org.domains) {
      const suffix = suffixOf(d);
      const label = d.slice(0, d.length - suffix.length - 1);
      if (!label || label.includes('.')) continue;
      addBrand(label, d, suffix, commonWord);
    }
    for (const b of org.brands) {
      const own = org.domains.find((d) => flat(d.slice(0, d.length - suffixOf(d).length - 1)) === flat(b));
      addBrand(b, own ?? ref.primaryDomain, own ? suffixOf(own) : null);
    }
    // The glued spelling of a hyphenated brand ("ganassurances" for gan-assurances) keeps the same rules.
    for (const brand of strong.values()) {
      for (const other of strong.values()) {
        if (other.plain !== brand.plain) continue;
        if (other.keptParts.length > brand.keptParts.length) brand.keptParts = other.keptParts;
        brand.maxEdits = Math.min(brand.maxEdits, other.maxEdits);
      }
    }
    for (const brand of generic.values()) {
      push(embeddableBySkeleton, brand.skeleton, brand);
      // "interieurgouvfr": an ordinary word glued to its official suffix is specific enough.
      for (const s of brand.suffixes) gluedTargets.set(skeletonOf(brand.token.replace(/-/g, '') + s.replace(/\./g, '')), brand);
    }
    for (const brand of strong.values()) {
      push(brandsBySkeleton, brand.skeleton, brand);
      push(embeddableBySkeleton, brand.skeleton, brand);
      for (const s of brand.suffixes) gluedTargets.set(skeletonOf(brand.token.replace(/-/g, '') + s.replace(/\./g, '')), brand);
      // One entry per spelling: "harmonie-mutuelle" and "harmoniemutuelle" are the same typo target.
      if (brand.typoEligible && !typoBrands.get(hashString(brand.plain))?.some((b) => b.plain === brand.plain)) {
        push(typoBrands, hashString(brand.plain), brand);
        (typoByLength[brand.plain.length] ??= []).push(brand);
        const sound = soundKey(brand.plain);
        if (sound.length >= MIN_SOUND_KEY_LENGTH) {
          push(soundKeys, hashString(sound), brand);
          soundHeads[sound.charCodeAt(0) * 256 + sound.charCodeAt(1)] = 1;
        }
        push(typoKeys, hashString(brand.plain), brand);
        for (const d1 of deletions1(brand.plain)) push(typoKeys, hashString(d1), brand);
        // Two-deletion neighbourhoods would cost O(n²) entries per brand (200 MB for 10,000
        // organisations); two edits rarely touch both ends of a long name, so bucket on those instead.
        if (brand.plain.length >= LONG_BRAND_LENGTH) {
          push(longBrandBuckets, longBucketKey(brand.plain.slice(0, 3), 0), brand);
          push(longBrandBuckets, longBucketKey(brand.plain.slice(-3), 1), brand);
        }
      }
    }
  }

  for (const raw of options.extraOfficialDomains ?? []) {
    const d = raw.toLowerCase().replace(/\.$/, '');
    if (!d || officialDomains.has(d)) continue;
    officialDomains.set(d, {
      org: orgRef('policy', d, d, false),
      domain: d,
      viaPolicy: true,
    });
  }

  // Official entries are normally registrable domains; a list or a policy may still name a deeper host
  // (portail.entreprise.fr), and then hosts must be walked up to their registrable domain.
  const isDeeper = (d: string) => d.split('.').length > suffixOf(d).split('.').length + 1;
  const deepOfficialDomains = [...officialDomains.keys()].some(isDeeper);
  const blockedHosts = new Set<string>([...list.blocked, ...(options.blockedDomains ?? []).map((d) => d.toLowerCase().replace(/\.$/, ''))]);

  const hostEdges = new Uint8Array(EDGE_TABLE_SIZE);
  const hostLengths = new Uint8Array(256);
  let hostFilter = true;
  const markHosts = (hosts: Iterable<string>, head: number, tail: number, length: number) => {
    for (const h of hosts) {
      if (h.length < 2) hostFilter = false;
      hostEdges[edgeIndex(h.charCodeAt(0), h.charCodeAt(1))]! |= head;
      hostEdges[edgeIndex(h.charCodeAt(h.length - 2), h.charCodeAt(h.length - 1))]! |= tail;
      hostLengths[Math.min(h.length, 255)]! |= length;
    }
  };
  markHosts(officialDomains.keys(), HOST_OFFICIAL_HEAD, HOST_OFFICIAL_TAIL, HOST_OFFICIAL);
  markHosts(blockedHosts, HOST_BLOCKED_HEAD, HOST_BLOCKED_TAIL, HOST_BLOCKED);

  // Each lure word with its feminine and plural forms (lure-forms.ts); a form that spells a brand is
  // left out (no keyword may equal a brand).
  const keywords = new Set<string>();
  const spelledKeywords = new Set<string>();
  for (const word of list.keywords) {
    for (const form of lureWordForms(word)) {
      spelledKeywords.add(withoutHyphens(form));
      const k = flat(form);
      if (k.length >= 2 && (form === word || !embeddableBySkeleton.has(k))) keywords.add(k);
    }
  }
  const brandLengths = [...new Set([...brandsBySkeleton.keys()].map((k) => k.length))].sort((a, b) => b - a);
  const keywordLengths = [...new Set([...keywords].map((k) => k.length))].sort((a, b) => b - a);
  const brandEdges = new Uint8Array(EDGE_TABLE_SIZE);
  for (const k of embeddableBySkeleton.keys()) {
    brandEdges[edgeIndex(k.charCodeAt(0), k.charCodeAt(1))]! |= EDGE_BRAND_HEAD;
    brandEdges[edgeIndex(k.charCodeAt(k.length - 2), k.charCodeAt(k.length - 1))]! |= EDGE_BRAND_TAIL;
  }
  const brandEdges3 = new Uint8Array(EDGE3_TABLE_SIZE);
  const brandHeads4 = new Uint32Array(EDGE4_TABLE_BITS / 32);
  const brandTails4 = new Uint32Array(EDGE4_TABLE_BITS / 32);
  const setBit = (set: Uint32Array, bit: number) => (set[bit >>> 5]! |= 1 << (bit & 31));
  // (A glued brand+suffix starts like its brand, but for a brand whose skeleton is shorter than three:
  // lcl reads "ld", and "ldfr" must pass on its own.)
  for (const k of [...embeddableBySkeleton.keys(), ...gluedTargets.keys()]) {
    const n = k.length;
    const short = n === 3 ? EDGE_SHORT_HEAD | EDGE_SHORT_TAIL : 0;
    brandEdges3[edge3Index(k.charCodeAt(0), k.charCodeAt(1), k.charCodeAt(2))]! |= EDGE_BRAND_HEAD | (short & EDGE_SHORT_HEAD);
    brandEdges3[edge3Index(k.charCodeAt(n - 3), k.charCodeAt(n - 2), k.charCodeAt(n - 1))]! |= EDGE_BRAND_TAIL | (short & EDGE_SHORT_TAIL);
    if (n >= 4) {
      setBit(brandHeads4, edge4Index(k.charCodeAt(0), k.charCodeAt(1), k.charCodeAt(2), k.charCodeAt(3)));
      setBit(brandTails4, edge4Index(k.charCodeAt(n - 4), k.charCodeAt(n - 3), k.charCodeAt(n - 2), k.charCodeAt(n - 1)));
    }
  }
  // A typo keeps the first two or the last two letters of the brand (one edit cannot touch both ends of
  // a 5+ letter name): typo candidates are looked for only when the name starts or ends like one.
  for (let len = 0; len < typoByLength.length; len++) {
    for (const b of typoByLength[len] ?? []) {
      const p = b.plain;
      brandEdges[edgeIndex(p.charCodeAt(0), p.charCodeAt(1))]! |= EDGE_TYPO_HEAD;
      brandEdges[edgeIndex(p.charCodeAt(p.length - 2), p.charCodeAt(p.length - 1))]! |= EDGE_TYPO_TAIL;
      brandEdges3[edge3Index(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2))]! |= EDGE_TYPO_HEAD;
      brandEdges3[edge3Index(p.charCodeAt(p.length - 3), p.charCodeAt(p.length - 2), p.charCodeAt(p.length - 1))]! |= EDGE_TYPO_TAIL;
    }
  }
  const markEdges = (keys: Iterable<string>, head: number, tail: number) => {
    for (const k of keys) {
      if (k.length < 2) continue; // a window of pieces is never shorter than two characters
      brandEdges[edgeIndex(k.charCodeAt(0), k.charCodeAt(1))]! |= head;
      brandEdges[edgeIndex(k.charCodeAt(k.length - 2), k.charCodeAt(k.length - 1))]! |= tail;
    }
  };
  markEdges(keywords, EDGE_KEYWORD_HEAD, EDGE_KEYWORD_TAIL);
  markEdges(gluedTargets.keys(), EDGE_GLUED_HEAD, EDGE_GLUED_TAIL);
  const keyLengths = new Uint8Array(256);
  const markLengths = (keys: Iterable<string>, bit: number) => {
    for (const k of keys) keyLengths[Math.min(k.length, 255)]! |= bit;
  };
  markLengths(brandsBySkeleton.keys(), KEY_BRAND);
  markLengths(keywords, KEY_KEYWORD);
  markLengths(embeddableBySkeleton.keys(), KEY_EMBEDDABLE);
  markLengths(gluedTargets.keys(), KEY_GLUED);
  const keyEntries = new Map<string, { kinds: number; value: KeyValue }>();
  const entryOf = (k: string) => {
    let e = keyEntries.get(k);
    if (!e) keyEntries.set(k, (e = { kinds: 0, value: { brands: undefined, embeddable: undefined, glued: undefined } }));
    return e;
  };
  for (const [k, brands] of brandsBySkeleton) {
    const e = entryOf(k);
    e.kinds |= KEY_BRAND;
    e.value.brands = brands;
  }
  for (const k of keywords) entryOf(k).kinds |= KEY_KEYWORD;
  for (const [k, brands] of embeddableBySkeleton) {
    const e = entryOf(k);
    e.kinds |= KEY_EMBEDDABLE;
    e.value.embeddable = brands;
  }
  for (const [k, brand] of gluedTargets) {
    const e = entryOf(k);
    e.kinds |= KEY_GLUED;
    e.value.glued = brand;
  }
  const gluedBrandHeads = new Map<number, { key: string; brand: Brand }[]>();
  const gluedBrandTails = new Map<number, { key: string; brand: Brand }[]>();
  for (const [key, brands] of brandsBySkeleton) {
    if (key.length < MIN_STANDALONE_BRAND_LENGTH) continue;
    const entry = { key, brand: brands[0]! };
    push(gluedBrandHeads, edge3Index(key.charCodeAt(0), key.charCodeAt(1), key.charCodeAt(2)), entry);
    push(gluedBrandTails, edge3Index(key.charCodeAt(key.length - 3), key.charCodeAt(key.length - 2), key.charCodeAt(key.length - 1)), entry);
  }
  for (const list of [...gluedBrandHeads.values(), ...gluedBrandTails.values()]) list.sort((a, b) => b.key.length - a.key.length);
  const brandHeads = new Set([...brandsBySkeleton.keys()].map((k) => k.slice(0, 2)));
  const brandTails = new Set([...brandsBySkeleton.keys()].map((k) => k.slice(-2)));

  const loginWords = new Map<string, Set<string>>();
  for (const org of list.organizations) {
    for (const h of org.loginHosts) {
      const word = flat(h.slice(0, h.indexOf('.')));
      if (word.length < 2 || word === 'www' || embeddableBySkeleton.has(word)) continue;
      (loginWords.get(org.id) ?? loginWords.set(org.id, new Set()).get(org.id)!).add(word);
    }
  }

  return {
    officialDomains,
    deepOfficialDomains,
    loginHosts,
    loginWords,
    blockedHosts,
    hostEdges,
    hostLengths,
    hostFilter,
    brandsBySkeleton,
    embeddableBySkeleton,
    typoBrands,
    typoKeys,
    longBrandBuckets,
    typoByLength,
    typoMasksByLength: Array.from(typoByLength, (brands) => Int32Array.from(brands ?? [], (b) => b.letterMask)),
    typoHeadsByLength: Array.from(typoByLength, (brands) => Int32Array.from(brands ?? [], (b) => (b.maxEdits === 1 ? pairCode(b.plain, 0) : -1))),
    typoTailsByLength: Array.from(typoByLength, (brands) => Int32Array.from(brands ?? [], (b) => (b.maxEdits === 1 ? pairCode(b.plain, b.plain.length - 2) : -1))),
    gluedTargets,
    soundKeys,
    soundHeads,
    keywords,
    spelledKeywords,
    droppedKeywords: droppedLetterForms(spelledKeywords),
    benignNeighbours: new Set(namesakes.typo),
    givenNameNeighbours: new Set(namesakes.givenNameNeighbours ?? []),
    keywordLengths,
    brandLengths,
    brandHeads,
    brandTails,
    brandEdges,
    brandEdges3,
    brandHeads4,
    brandTails4,
    keyLengths,
    keyTable: buildKeyTable(keyEntries),
    gluedBrandHeads,
    gluedBrandTails,
    organizations,
  };
}
