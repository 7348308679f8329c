import { GENERIC_WORDS, KEY_KEYWORD, MIN_STANDALONE_BRAND_LENGTH, edge3Index, type Brand, type EngineIndex } from '../engine-index';
import { pieceOf, type HostView, type Token } from '../host-view';
import type { Match } from './match';
import { skeletonOf } from '../skeleton';
import { hasLureWord } from './stacked-typo';
import { isMisspeltWord } from '../lure-forms';
import { suffixTargetsFrance } from './suffix-guard';
import { brandsAt, brandsSpelled, embeddableAt, isKeyword, keywordAt } from './windows';

/**
 * A brand next to a lure word, in the registrable name or in a subdomain: `ameli-remboursement.com`,
 * `espace-ameli.net`, `moncompteameli.com`, `ameli.remboursement-info.com`. A brand with nothing but
 * neutral words (`ameli-dupont.fr`) is only a weak signal (brand-token), and none under a foreign
 * country's suffix or for a brand that is also a given name (`alan-turing.org`). Lure words come from the list.
 */
const MAX_WINDOW = 3;

interface Found {
  brand: Brand | null;
  keyword: boolean;
}

export function detectCombosquat(view: HostView, index: EngineIndex): Match | null {
  const found: Found = { brand: null, keyword: false };
  const { tokens } = view;
  // Tokens of one label are contiguous in view.tokens; scan label by label up to the registrable name.
  for (let start = 0; start < tokens.length; ) {
    const label = tokens[start]!.label;
    let end = start;
    while (end < tokens.length && tokens[end]!.label === label) end++;
    if (label > view.sldIndex) break;
    if (!(label < view.sldIndex && tokens[start]!.skel === 'www' && end === start + 1)) {
      scanLabel(tokens, start, end, label === view.sldIndex, index, found);
    }
    if (found.brand && found.keyword) break;
    start = end;
  }
  if (!found.keyword && view.skeletons !== view.labels && !view.hasIdn) gluedAcrossPairs(view, index, found);
  if (!found.brand) brandAcrossDot(view, index, found);
  const brand = found.brand;
  if (!brand) return found.keyword ? commonPhraseWithLure(view, index) : null;
  if (!found.keyword) found.keyword = hasOwnLoginWord(view, brand, index) || hasMisspeltLureWord(view, index);
  const freeHosting = view.privateSuffix;
  if (found.keyword) {
    return { severity: 'lookalike', reasons: freeHosting ? ['combosquat', 'free-hosting'] : ['combosquat'], brand };
  }
  if (brand.skeleton.length < MIN_STANDALONE_BRAND_LENGTH || brand.common || brand.givenName) return null;
  if (freeHosting) return { severity: 'suspicious', reasons: ['brand-token', 'free-hosting'], brand };
  // A name alone is as weak a signal as a TLD swap, and as often a namesake abroad (allianz-arena.de).
  if (!suffixTargetsFrance(view, brand)) return null;
  return { severity: 'suspicious', reasons: ['brand-token'], brand };
}

/** Whether a piece before the public suffix is a lure word misspelt by one doubled letter ("ameli-rembourssement"). */
function hasMisspeltLureWord(view: HostView, index: EngineIndex): boolean {
  const { tokens } = view;
  for (let k = 0; k < tokens.length && tokens[k]!.label <= view.sldIndex; k++) if (isMisspeltWord(tokens[k]!.skel, index.spelledKeywords, index.droppedKeywords)) return true;
  return false;
}

/** Whether a piece before the public suffix is the first label of one of the brand's organisation's login hosts ("declare-ameli"). */
function hasOwnLoginWord(view: HostView, brand: Brand, index: EngineIndex): boolean {
  const words = index.loginWords.get(brand.org.id);
  if (!words) return false;
  const { tokens } = view;
  for (let k = 0; k < tokens.length && tokens[k]!.label <= view.sldIndex; k++) if (words.has(tokens[k]!.skel)) return true;
  return false;
}

/**
 * A brand of several words written across a dot, a dot for its hyphen: `harmonie.mutuelle-espace.com`
 * reads "harmonie mutuelle espace". The window is the end of one label and the start of the next (both
 * before the public suffix), and the dot must fall between two of the brand's words (am.eli.fr is a
 * slip of the typo detector's, m.gen-info.fr a mobile site); lure words count outside it only
 * ("mutuelle" is one, but here it is part of the name).
 */
function brandAcrossDot(view: HostView, index: EngineIndex, found: Found): void {
  const { tokens } = view;
  for (let k = 0; k + 1 < tokens.length; k++) {
    const left = tokens[k]!;
    const right = tokens[k + 1]!;
    if (right.label === left.label) continue; // not a dot
    if (right.label > view.sldIndex) return;
    // Up to MAX_WINDOW pieces: the last one or two of the left label, the first one or two of the right.
    for (let from = k; from >= 0 && k - from < 2 && tokens[from]!.label === left.label; from--) {
      for (let to = k + 1; to < tokens.length && to - k <= 2 && tokens[to]!.label === right.label && to - from < MAX_WINDOW; to++) {
        const brand = brandsAt(tokens, from, to, index)?.find((b) => !b.common && spansWords(tokens, from, to, b));
        if (!brand) continue;
        found.brand = brand;
        found.keyword = hasLureWord(view, from, to, index);
        return;
      }
    }
  }
}

/** Whether pieces from..to are the brand's own words, one each ("harmonie", "mutuelle"), so that the dot falls where it has a hyphen. */
function spansWords(tokens: Token[], from: number, to: number, brand: Brand): boolean {
  const words = brand.token.split('-');
  if (words.length !== to - from + 1) return false;
  for (let i = 0; i < words.length; i++) if (skeletonOf(words[i]!) !== tokens[from + i]!.skel) return false;
  return true;
}

/**
 * Whether a piece before the public suffix, outside pieces from..to, is a lure word that is not also
 * an ordinary word: "securite-sociale-info.fr" is what a guide is called, "securite-sociale-remboursement.com" is not.
 */
function distinctLureWordOutside(view: HostView, from: number, to: number, index: EngineIndex): boolean {
  const { tokens } = view;
  for (let i = 0; i < tokens.length && tokens[i]!.label <= view.sldIndex; i++) {
    if (i >= from && i <= to) continue;
    const skel = tokens[i]!.skel;
    if (GENERIC_WORDS.has(skel)) continue;
    if (keywordAt(tokens, i, i, index) || (skel.length > 5 && isKeywordSequence(skel, index))) return true;
    // A lure word of several pieces ("mise-a-jour").
    for (let j = i + 1; j < tokens.length && j - i < MAX_WINDOW && tokens[j]!.label === tokens[i]!.label && !(j >= from && j <= to); j++) {
      if (keywordAt(tokens, i, j, index)) return true;
    }
  }
  return false;
}

/**
 * ASCII pairs the skeleton reads as one letter (rn→m, nn→m, vv→w, cl→d). Where two glued words meet
 * on such a pair ("connexion"+"neoliane", "gouv"+"viamedis", "mgc"+"login"), the skeleton of the
 * piece fuses the boundary away and splitGlued cannot find it.
 */
const FUSING_PAIRS = ['nn', 'rn', 'vv', 'cl'];

/** splitGlued again on ASCII pieces holding such a pair, read with the pair cut in two. */
function gluedAcrossPairs(view: HostView, index: EngineIndex, found: Found): void {
  for (const token of view.tokens) {
    if (token.label > view.sldIndex) return;
    const piece = pieceOf(view.labels[token.label]!, token.part);
    if (piece.length < MIN_STANDALONE_BRAND_LENGTH + 2 || piece === token.skel) continue;
    for (const pair of FUSING_PAIRS) {
      for (let at = piece.indexOf(pair); at >= 0; at = piece.indexOf(pair, at + 1)) {
        const brand = splitGlued(skeletonOf(piece.slice(0, at + 1)) + skeletonOf(piece.slice(at + 1)), index);
        if (brand) {
          found.brand ??= brand;
          found.keyword = true;
          return;
        }
      }
    }
  }
}

/** Marks brand and keyword pieces of one label (tokens[start..end)). */
function scanLabel(tokens: Token[], start: number, end: number, isSld: boolean, index: EngineIndex, found: Found): void {
  if (end - start === 1) {
    // One piece, the common case: no window to build.
    const piece = tokens[start]!.skel;
    // The registrable name being exactly a brand is tld-swap / homoglyph territory, not a combination.
    const brands = brandsAt(tokens, start, start, index);
    if (brands) {
      if (!isSld) found.brand ??= brands[0]!;
      return;
    }
    if (keywordAt(tokens, start, start, index)) {
      // A two-letter subdomain alone ("fr.swisslife-am.com") is a site's language version, not a lure.
      if (isSld || piece.length > 2) found.keyword = true;
      return;
    }
    if (gluedWithWords(piece, index, found) || gluedAfterPossessive(piece, index, found)) return;
    // A possessive or an article glued to a brand: a brand token, not a combination (organisations name
    // their own portals so: mysanteclair.fr, myswisslife).
    const possessive = afterPossessive(piece, index);
    if (possessive) {
      found.brand ??= possessive;
      return;
    }
    const article = afterArticle(piece, index);
    if (article) {
      found.brand ??= article;
      return;
    }
    // Lure words after a possessive ("mesremboursements"), once no brand was found in the piece.
    if (piece.length > 5 && possessiveLureWords(piece, index)) {
      found.keyword = true;
      return;
    }
    if (!scanLeet(piece, index, found)) scanDigitWrapped(piece, index, found);
    return;
  }

  // Unlike a one-piece name, a hyphenated brand name is still scanned: "compte-ameli" is a product
  // name and also a lure word next to a brand. Windows are looked up by their hashes (windows.ts).
  const count = end - start;
  const used = usedBuffer(count);
  // Brands first (longest window wins), so "carte-vitale" is a brand here even if it is also a lure word.
  for (let size = Math.min(MAX_WINDOW, count); size >= 1; size--) {
    for (let i = start; i + size <= end; i++) {
      if (!isFree(used, i - start, size)) continue;
      const last = i + size - 1;
      const brands = brandsAt(tokens, i, last, index);
      if (!brands) continue;
      noteBrand(found, brands[0]!);
      used.fill(1, i - start, i - start + size);
      // A product name that is itself brand + lure word ("compte-ameli") still counts as the combination.
      if (size > 1 && hasBrandAndKeyword(tokens, i, i + size, index)) found.keyword = true;
    }
  }
  for (let size = Math.min(MAX_WINDOW, count); size >= 1; size--) {
    for (let i = start; i + size <= end; i++) {
      if (!isFree(used, i - start, size)) continue;
      const last = i + size - 1;
      if (keywordAt(tokens, i, last, index)) {
        found.keyword = true;
        used.fill(1, i - start, i - start + size);
      }
    }
  }
  // Glued forms inside one piece: "ameliremboursement", "moncompteameli"; then numbers around a word.
  for (let i = start; i < end; i++) {
    if (used[i - start]) continue;
    const piece = tokens[i]!.skel;
    if (gluedWithWords(piece, index, found) || gluedAfterPossessive(piece, index, found)) continue;
    // Lure words glued together ("securelogin-ameli"), maybe after a possessive ("mesremboursements-ameli").
    if (!found.keyword && piece.length > 5 && (isKeywordSequence(piece, index) || possessiveLureWords(piece, index))) {
      found.keyword = true;
      continue;
    }
    // "myameli-account": a personal space's name next to a lure word.
    const possessive = afterPossessive(piece, index) ?? afterArticle(piece, index);
    if (possessive) noteBrand(found, possessive);
    else if (!scanLeet(piece, index, found)) scanDigitWrapped(piece, index, found);
  }
}

/**
 * Records a brand found in the label. Two names of one organisation side by side ("cpam-ameli",
 * "ameli-cartevitale2026") are as strong as a lure word; the first name found is the one named.
 */
function noteBrand(found: Found, brand: Brand): void {
  if (found.brand && found.brand !== brand && found.brand.org.id === brand.org.id) found.keyword = true;
  found.brand ??= brand;
}

/**
 * A lure word next to a name made of several ordinary words ("securite-sociale-remboursement.com",
 * "complementaire-sante-solidaire-demande.com"). Such names are read only as addresses elsewhere
 * (commonWord organisations: honest guides use the words too), so this is a weaker signal than a
 * brand with a lure word: suspicious, never lookalike. The name must be whole, its words hyphenated
 * as in the official address, in the registrable name; the lure word outside it.
 */
function commonPhraseWithLure(view: HostView, index: EngineIndex): Match | null {
  const { tokens } = view;
  const first = view.sldFirst;
  const last = view.sldLast;
  // (Its words may also be glued into one piece: "securitesociale-assure.fr".)
  for (let size = Math.min(MAX_WINDOW, last - first + 1); size >= 1; size--) {
    for (let i = first; i + size - 1 <= last; i++) {
      const brand = embeddableAt(tokens, i, i + size - 1, index)?.find((b) => b.embeddableOnly && (size === 1 ? b.token.includes('-') : spansWords(tokens, i, i + size - 1, b)));
      if (brand && distinctLureWordOutside(view, i, i + size - 1, index)) {
        return { severity: 'suspicious', reasons: view.privateSuffix ? ['combosquat', 'free-hosting'] : ['combosquat'], brand };
      }
    }
  }
  return null;
}

// Which pieces of the label being scanned are taken (reused: the engine is synchronous).
let usedPieces = new Uint8Array(32);
function usedBuffer(count: number): Uint8Array {
  if (count > usedPieces.length) usedPieces = new Uint8Array(count);
  usedPieces.fill(0, 0, count);
  return usedPieces;
}

/** "ameli2024", "remboursement24", "2fa-securite": a number stuck to a brand or a lure word does not hide it. */
const isDigit = (c: number) => c >= 48 && c <= 57;

function scanDigitWrapped(piece: string, index: EngineIndex, found: Found): void {
  if (!isDigit(piece.charCodeAt(0)) && !isDigit(piece.charCodeAt(piece.length - 1))) return;
  const core = piece.replace(/^[0-9]+|[0-9]+$/g, '');
  if (core === piece || core.length < 3) return;
  const brands = brandsSpelled(core, index);
  if (brands) noteBrand(found, brands[0]!);
  else if (isKeyword(core, index)) found.keyword = true;
  else {
    const glued = splitGlued(core, index);
    if (glued) {
      found.brand ??= glued;
      found.keyword = true;
    }
  }
}

/**
 * A brand or a lure word written with digits for some of its letters ("m4if", "mg3n", "rembour5ement"):
 * the skeleton already reads 0 and 1; here 3, 4, 5 and 7 are read as e, a, s and t where they stand
 * alone between letters (not in a number: "365", "2024"). Marks what the reading spells.
 */
function scanLeet(piece: string, index: EngineIndex, found: Found): boolean {
  const read = leetReading(piece);
  if (read === null) return false;
  const brands = brandsSpelled(read, index);
  if (brands) found.brand ??= brands[0]!;
  else if (isKeyword(read, index)) found.keyword = true;
  else {
    const glued = splitGlued(read, index);
    if (!glued) return false;
    found.brand ??= glued;
    found.keyword = true;
  }
  return true;
}

/** The letter a digit 3, 4, 5 or 7 stands for, or 0. */
function leetLetter(c: number): number {
  return c === 51 ? 101 : c === 52 ? 97 : c === 53 ? 115 : c === 55 ? 116 : 0;
}

/** `s` with its lone 3, 4, 5 and 7 next to a letter read as letters; null when it has none. */
export function leetReading(s: string): string | null {
  let out: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const letter = leetLetter(s.charCodeAt(i));
    if (letter === 0 || !isLoneDigitByLetter(s, i)) continue;
    out = (out ?? s).slice(0, i) + String.fromCharCode(letter) + (out ?? s).slice(i + 1);
  }
  return out;
}

const isLetter = (c: number) => c >= 97 && c <= 122;

/** Whether the digit at `i` touches a letter and no other digit (the ends of `s` count as neither). */
export function isLoneDigitByLetter(s: string, i: number): boolean {
  const before = i > 0 ? s.charCodeAt(i - 1) : 0;
  const after = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
  return !isDigit(before) && !isDigit(after) && (isLetter(before) || isLetter(after));
}

function isFree(used: Uint8Array, from: number, size: number): boolean {
  for (let k = from; k < from + size; k++) if (used[k]) return false;
  return true;
}

function hasBrandAndKeyword(tokens: Token[], from: number, to: number, index: EngineIndex): boolean {
  let brand = false;
  let keyword = false;
  for (let k = from; k < to; k++) {
    // (A name read as an ordinary word does not make one: "carte-vitale" is a product name, not carte + vitale.)
    brand ||= brandsAt(tokens, k, k, index)?.some((b) => !b.common) === true;
    keyword ||= keywordAt(tokens, k, k, index);
  }
  return brand && keyword;
}

/** "mon", "ma", "mes", "my" glued before a name: the way a personal space is named (monameli, myameli). */
export const POSSESSIVES = ['votre', 'mon', 'mes', 'vos', 'ma', 'my'];
/** An article glued before a name ("lamacif"): the brand as a token, a weaker sign than a possessive. */
export const ARTICLES = ['la', 'le'];

/**
 * The length of the possessive or article s starts with at `from` (combosquat.ts POSSESSIVES and
 * ARTICLES: votre, mon, mes, vos, ma, my, la, le), 0 when none; read from the characters, as every piece asks.
 */
export function prefixLength(s: string, from: number): number {
  const c = s.charCodeAt(from);
  const d = s.charCodeAt(from + 1);
  if (c === 108) return d === 97 || d === 101 ? 2 : 0; // la, le
  if (c === 118) {
    if (d !== 111) return 0;
    const e = s.charCodeAt(from + 2);
    if (e === 115) return 3; // vos
    return e === 116 && s.charCodeAt(from + 3) === 114 && s.charCodeAt(from + 4) === 101 ? 5 : 0; // votre
  }
  if (c !== 109) return 0;
  if (d === 97 || d === 121) return 2; // ma, my
  const e = s.charCodeAt(from + 2);
  return (d === 111 && e === 110) || (d === 101 && e === 115) ? 3 : 0; // mon, mes
}

/** Whether `piece` is a possessive and lure words glued together ("mesremboursements", "mondossier"). */
function possessiveLureWords(piece: string, index: EngineIndex): boolean {
  for (const p of POSSESSIVES) if (piece.length > p.length + 2 && piece.startsWith(p) && isKeywordSequence(piece.slice(p.length), index)) return true;
  return false;
}

/** gluedWithWords on what follows a possessive ("monamelicompte": ameli glued to compte). */
function gluedAfterPossessive(piece: string, index: EngineIndex, found: Found): boolean {
  for (const p of POSSESSIVES) if (piece.startsWith(p) && gluedWithWords(piece.slice(p.length), index, found)) return true;
  return false;
}

/** The brand (4+ characters) of a piece that is an article glued to it ("lamacif"). */
function afterArticle(piece: string, index: EngineIndex): Brand | null {
  for (const a of ARTICLES) {
    if (piece.length < a.length + MIN_STANDALONE_BRAND_LENGTH || !piece.startsWith(a)) continue;
    const brands = brandsSpelled(piece.slice(a.length), index);
    if (brands) return brands[0]!;
  }
  return null;
}

/** The brand (4+ characters) of a piece that is a possessive glued to it: a brand token, as "mon-ameli" is. */
export function afterPossessive(piece: string, index: EngineIndex): Brand | null {
  for (const p of POSSESSIVES) {
    if (piece.length < p.length + MIN_STANDALONE_BRAND_LENGTH || !piece.startsWith(p)) continue;
    const brands = brandsSpelled(piece.slice(p.length), index);
    if (brands) return brands[0]!;
  }
  return null;
}

/** A piece made of a brand (4+ characters) and lure words glued before or after it. */
export function splitGlued(piece: string, index: EngineIndex): Brand | null {
  return gluedBrand(piece, index, isKeywordSequence)?.brand ?? null;
}

interface Glued {
  brand: Brand;
  /** What `restOf` said of the rest of the piece (never 0). */
  rest: number;
}

/**
 * A piece made of a brand (4+ characters) and other words glued before or after it, where `restOf`
 * scores the rest of the piece: the first (longest brand first, at one length the head before the
 * tail) scoring `enough`, else the first scoring anything.
 */
function gluedBrand(piece: string, index: EngineIndex, restOf: (rest: string, index: EngineIndex) => number | boolean, enough = 1): Glued | null {
  const n = piece.length;
  if (n < MIN_STANDALONE_BRAND_LENGTH + 2) return null;
  const heads = index.gluedBrandHeads.get(edge3Index(piece.charCodeAt(0), piece.charCodeAt(1), piece.charCodeAt(2)));
  const tails = index.gluedBrandTails.get(edge3Index(piece.charCodeAt(n - 3), piece.charCodeAt(n - 2), piece.charCodeAt(n - 1)));
  if (!heads && !tails) return null;
  const nh = heads ? heads.length : 0;
  const nt = tails ? tails.length : 0;
  let fallback: Glued | null = null;
  for (let h = 0, t = 0; h < nh || t < nt; ) {
    const headLength = h < nh ? heads![h]!.key.length : -1;
    const tailLength = t < nt ? tails![t]!.key.length : -1;
    const fromHead = headLength >= tailLength;
    const { key, brand } = fromHead ? heads![h++]! : tails![t++]!;
    if (key.length >= n || !(fromHead ? piece.startsWith(key) : piece.endsWith(key))) continue;
    const rest = +restOf(fromHead ? piece.slice(key.length) : piece.slice(0, n - key.length), index);
    if (rest >= enough) return { brand, rest };
    if (rest) fallback ??= { brand, rest };
  }
  return fallback;
}

const ORDINARY_ONLY = 1;
const WITH_LURE_WORD = 2;

/**
 * Whether `s` is ordinary words (GENERIC_WORDS) and lure words glued together: 0 if not, else
 * WITH_LURE_WORD when a lure word is among them, ORDINARY_ONLY when not. So "amelifrance" is the glued
 * spelling of "ameli-france" (a brand token), and "amelifranceinfo" that of "ameli-france-info".
 */
function wordSequence(s: string, index: EngineIndex, depth = 0): number {
  const whole = wordScore(s, index);
  if (whole === WITH_LURE_WORD || depth >= 3) return whole;
  let best = whole;
  for (let len = s.length - 2; len >= 2 && best !== WITH_LURE_WORD; len--) {
    if (!ORDINARY_LENGTHS[len] && (index.keyLengths[len]! & KEY_KEYWORD) === 0) continue; // no word that long: no slice
    const head = wordScore(s.slice(0, len), index);
    if (!head) continue;
    const after = wordSequence(s.slice(len), index, depth + 1);
    if (after) best = Math.max(best, head, after);
  }
  return best;
}

const ORDINARY_LENGTHS = new Uint8Array(256);
for (const w of GENERIC_WORDS) ORDINARY_LENGTHS[Math.min(w.length, 255)] = 1;

/** A lure word (some ordinary words are lure words too: info, sante), an ordinary word, or 0. */
function wordScore(word: string, index: EngineIndex): number {
  return isKeyword(word, index) ? WITH_LURE_WORD : GENERIC_WORDS.has(word) ? ORDINARY_ONLY : 0;
}

/**
 * Marks a brand glued to lure words ("ameliremboursement", a combination) or to ordinary words
 * ("amelifrance", a brand token; "amelifranceinfo", a combination again). The longest brand followed
 * or preceded by a lure word wins, else the longest one with ordinary words only.
 */
function gluedWithWords(piece: string, index: EngineIndex, found: Found): boolean {
  const glued = gluedBrand(piece, index, wordSequence, WITH_LURE_WORD);
  if (glued?.rest === WITH_LURE_WORD) {
    found.brand ??= glued.brand;
    found.keyword = true;
    return true;
  }
  const twice = gluedTwoNames(piece, index);
  if (twice) {
    found.brand ??= twice;
    found.keyword = true;
    return true;
  }
  if (!glued) return false;
  // (Another name of the organisation found elsewhere in the host makes the pair: "ameli-assurancevitale".)
  noteBrand(found, glued.brand);
  return true;
}

/**
 * Two names of one organisation glued, maybe with ordinary or lure words and a number after the second
 * ("amelivitale", "cartevitaleameli", "cpamameli2025", "amelicpaminfo"): as strong as a lure word, as
 * they are hyphenated (noteBrand). Half the real kits of a year were named so (heldout set 6).
 */
function gluedTwoNames(piece: string, index: EngineIndex): Brand | null {
  const n = piece.length;
  if (n < 2 * MIN_STANDALONE_BRAND_LENGTH - 1) return null;
  const heads = index.gluedBrandHeads.get(edge3Index(piece.charCodeAt(0), piece.charCodeAt(1), piece.charCodeAt(2)));
  if (!heads) return null;
  for (const { key, brand } of heads) {
    if (key.length + 3 > n || !piece.startsWith(key)) continue;
    let end = n;
    while (end > key.length && isDigit(piece.charCodeAt(end - 1))) end--;
    const rest = piece.slice(key.length, end);
    if (rest.length < 3) continue;
    const second = brandsSpelled(rest, index)?.find((b) => b.org.id === brand.org.id && b !== brand) ?? gluedBrand(rest, index, wordSequence)?.brand;
    if (second && second.org.id === brand.org.id && second !== brand) return brand;
  }
  return null;
}

/** Whether `s` is one or more lure words glued together ("moncompte", "espaceclient"). */
export function isKeywordSequence(s: string, index: EngineIndex, depth = 0): boolean {
  if (isKeyword(s, index)) return true;
  if (depth >= 3) return false;
  for (const len of index.keywordLengths) {
    if (len >= s.length) continue;
    if (index.keywords.has(s.slice(0, len)) && isKeywordSequence(s.slice(len), index, depth + 1)) return true;
  }
  return false;
}
