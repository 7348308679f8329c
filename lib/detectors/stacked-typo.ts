import { MIN_TYPO_LENGTH, type Brand, type EngineIndex } from '../engine-index';
import { pieceOf, type HostView, type Token } from '../host-view';
import { foldUnicode } from '../skeleton';
import { isKeywordSequence } from './combosquat';
import { isCountryCommercialName, matchSuffix } from './embedding';
import type { ReasonCode } from '../verdict';
import type { Match } from './match';
import { findTypoBrand, mayBeTypo, mayBeTypoEdges } from './typo';
import { keywordAt } from './windows';

/**
 * Two tricks stacked: a brand misspelt by one slip AND written with its official suffix inside another
 * address (`amelli.fr.secure-x.example`, `aemli-fr.example`, `franceconnnect.gouv.fr.com`) or next to a
 * lure word (`amelli-remboursement.example`, `espace-harmonie-mutuele.example`). Each trick alone is
 * caught by its own detector; together they slip past both, since the embedding and combination
 * detectors only read brands spelled exactly and the typo detector only reads the registrable name.
 *
 * A misspelt piece alone is weak evidence (many words are one letter from a brand), so it only counts
 * with the second trick, never for ordinary-word brands, and never for the real words and first names
 * the typo detector already lets go (benignNeighbours, namesake rules).
 */
export const MAX_BRAND_PIECES = 3;
const MAX_KEYWORD_PIECES = 3;

export function detectStackedTypo(view: HostView, index: EngineIndex): Match | null {
  const { tokens } = view;
  const last = tokens.length - 1;
  const heads = suffixHeadsOf(index);
  const folded = view.hasIdn || view.skeletons !== view.labels;
  let lureAnywhere: boolean | null = null; // some lure word in the host: computed once, when first needed
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.label > view.sldIndex) break; // public-suffix labels
    // The piece alone, or glued to the next pieces of its label ("harmonie-mutuele").
    for (let j = i; j < i + MAX_BRAND_PIECES && j < tokens.length && tokens[j]!.label === tokens[i]!.label; j++) {
      // The second trick must be possible before the costly typo search: a brand suffix right after
      // the window, with more after it, or a lure word somewhere.
      // A plain host's pieces are their own spelling: most windows fail findTypoBrand's first filters
      // (length, edges) before their string is built.
      if (!folded && !mayBeMisspelt(tokens, i, j, index)) continue;
      const suffixNext = j + 1 < last && heads.has(tokens[j + 1]!.skel);
      if (!suffixNext && !(lureAnywhere ??= hasLureWord(view, -1, -1, index))) continue;
      const misspelt = misspeltBrand(view, i, j, index);
      if (!misspelt) continue;
      const { brand, givenName } = misspelt;
      const end = suffixNext ? matchSuffix(tokens, j + 1, brand) : -1;
      // Something must follow the misspelt address: at the end of the host it is the registrable name
      // itself ("amelli-fr.fr"), a weaker case left to the typo detector; so is a country's commercial
      // suffix ("alianz.com.au").
      if (end >= 0 && end < last && !isCountryCommercialName(view, i, j, end)) return found(view, 'embedding', brand, givenName);
      if (lureAnywhere !== false && hasLureWord(view, i, j, index)) return found(view, 'combosquat', brand, givenName);
    }
  }
  return null;
}

/** The first token of every official suffix of the index's brands ("fr", "gouv", "com"…), built once per index. */
const suffixHeadsCache = new WeakMap<EngineIndex, Set<string>>();
function suffixHeadsOf(index: EngineIndex): Set<string> {
  let heads = suffixHeadsCache.get(index);
  if (!heads) {
    heads = new Set();
    for (const brands of index.typoByLength) for (const b of brands ?? []) for (const seq of b.suffixTokens) heads.add(seq[0]!);
    suffixHeadsCache.set(index, heads);
  }
  return heads;
}

/** `givenName`: the misspelling is also a given name (amelie): a weaker signal. */
function found(view: HostView, trick: 'embedding' | 'combosquat', brand: Brand, givenName: boolean): Match {
  const reasons: ReasonCode[] = [trick, 'typo'];
  if (trick === 'combosquat' && view.privateSuffix) reasons.push('free-hosting');
  if (view.hasIdn) reasons.push('idn');
  return { severity: givenName ? 'suspicious' : 'lookalike', reasons, brand };
}

/**
 * The brand that pieces from..to of one label misspell, if they are a typo (not an exact spelling) of a
 * distinctive brand. Real words near a brand are let go; given names near one (amelie, for ameli) only
 * alone: a person's name next to a lure word or inside an address ("amelie-remboursement.fr") is
 * still worth a warning, though not a certain one.
 */
function misspeltBrand(view: HostView, from: number, to: number, index: EngineIndex): { brand: Brand; givenName: boolean } | null {
  // Measured, as the typo detector does, on the accent/confusable-folded spelling, not the skeleton.
  const folded = view.hasIdn || view.skeletons !== view.labels;
  let plain = '';
  for (let k = from; k <= to; k++) plain += folded ? plainPiece(view, view.tokens[k]!) : view.tokens[k]!.skel;
  if (plain.length > 40) return null;
  const givenName = index.givenNameNeighbours.has(plain);
  if (!givenName && index.benignNeighbours.has(plain)) return null;
  const brand = findTypoBrand(plain, index);
  if (!brand || brand.common) return null;
  // A window holding the brand spelled exactly as one of its pieces ("ameli-x") is a brand with a word,
  // the combination detector's to read, not a slip.
  if (to > from) for (let k = from; k <= to; k++) if (view.tokens[k]!.skel === brand.skeleton) return null;
  return { brand, givenName };
}

/** findTypoBrand's length and edge filters on tokens from..to glued (the window is not built). */
function mayBeMisspelt(tokens: readonly Token[], from: number, to: number, index: EngineIndex): boolean {
  let len = 0;
  for (let k = from; k <= to; k++) len += tokens[k]!.skel.length;
  if (len < MIN_TYPO_LENGTH - 1 || len > 40) return false;
  if (from === to) return mayBeTypo(tokens[from]!.skel, index);
  return mayBeTypoEdges(len, charOf(tokens, from, 0), charOf(tokens, from, 1), charOf(tokens, from, 2), charBefore(tokens, to, 3), charBefore(tokens, to, 2), charBefore(tokens, to, 1), index);
}

/** Character `pos` of the skeletons of tokens from `from` on, glued (the window holds it). */
function charOf(tokens: readonly Token[], from: number, pos: number): number {
  for (let k = from; ; k++) {
    const skel = tokens[k]!.skel;
    if (pos < skel.length) return skel.charCodeAt(pos);
    pos -= skel.length;
  }
}

/** Character `back` places before the end of the skeletons of tokens up to `to`, glued. */
function charBefore(tokens: readonly Token[], to: number, back: number): number {
  for (let k = to; ; k--) {
    const skel = tokens[k]!.skel;
    if (back <= skel.length) return skel.charCodeAt(skel.length - back);
    back -= skel.length;
  }
}

/** The token's piece of its label, accent/confusable-folded but without the ASCII lookalike step. */
function plainPiece(view: HostView, token: Token): string {
  // (The view cut the same label into the same pieces.)
  return pieceOf(foldUnicode(view.unicode[token.label]!), token.part) || token.skel;
}

/** Whether some piece before the public suffix, outside pieces skipFrom..skipTo, is a lure word (alone, glued, or over a few pieces). */
export function hasLureWord(view: HostView, skipFrom: number, skipTo: number, index: EngineIndex): boolean {
  const { tokens } = view;
  for (let i = 0; i < tokens.length && tokens[i]!.label <= view.sldIndex; i++) {
    if (i >= skipFrom && i <= skipTo) continue;
    const skel = tokens[i]!.skel;
    if (keywordAt(tokens, i, i, index) && !isLanguageLabel(view, i)) return true;
    if (skel.length > 5 && isKeywordSequence(skel, index)) return true;
    for (let j = i + 1; j < Math.min(tokens.length, i + MAX_KEYWORD_PIECES); j++) {
      if (j === skipFrom || tokens[j]!.label !== tokens[i]!.label) break;
      if (keywordAt(tokens, i, j, index)) return true;
    }
  }
  return false;
}

/** A two-letter subdomain alone ("fr.swisslife-am.com"): a site's language version, not a lure word (as in combosquat.ts). */
export function isLanguageLabel(view: HostView, k: number): boolean {
  const { tokens } = view;
  const label = tokens[k]!.label;
  return tokens[k]!.skel.length <= 2 && label < view.sldIndex && tokens[k - 1]?.label !== label && tokens[k + 1]?.label !== label;
}
