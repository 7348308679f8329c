import { EDGE_BRAND_HEAD, EDGE_BRAND_TAIL, EDGE_KEYWORD_HEAD, EDGE_KEYWORD_TAIL, KEY_BRAND, KEY_EMBEDDABLE, KEY_GLUED, KEY_KEYWORD, edgeIndex, type Brand, type EngineIndex } from '../engine-index';
import type { HostView, Token } from '../host-view';
import { findPartsKey, findStringKey } from '../key-table';

/**
 * Whether `s` could be a key of the kind `lengthBit`: some key of that kind (see
 * EngineIndex.keyLengths) has its length, starts with its first two characters and ends with its last
 * two (`headBit`/`tailBit`, see EngineIndex.brandEdges). Exact as a filter.
 * A map lookup costs more (the string's hash, a probe): most pieces of a host stop here.
 */
export function mayBeKey(s: string, index: EngineIndex, lengthBit: number, headBit: number, tailBit: number): boolean {
  const n = s.length;
  if ((index.keyLengths[n < 255 ? n : 255]! & lengthBit) === 0) return false;
  if (n < 2) return true;
  return (index.brandEdges[edgeIndex(s.charCodeAt(0), s.charCodeAt(1))]! & headBit) !== 0 && (index.brandEdges[edgeIndex(s.charCodeAt(n - 2), s.charCodeAt(n - 1))]! & tailBit) !== 0;
}

/** The brands whose skeleton is `s` (brandsBySkeleton), filtered first. */
export function brandsSpelled(s: string, index: EngineIndex): Brand[] | undefined {
  return mayBeKey(s, index, KEY_BRAND, EDGE_BRAND_HEAD, EDGE_BRAND_TAIL) ? index.brandsBySkeleton.get(s) : undefined;
}

/** Whether `s` is a lure keyword, filtered first. */
export function isKeyword(s: string, index: EngineIndex): boolean {
  return mayBeKey(s, index, KEY_KEYWORD, EDGE_KEYWORD_HEAD, EDGE_KEYWORD_TAIL) && index.keywords.has(s);
}

const ANY_KEY = KEY_BRAND | KEY_KEYWORD | KEY_EMBEDDABLE | KEY_GLUED;
const skelOf = (t: Token) => t.skel;

/**
 * The index key (an entry of EngineIndex.keyTable) that the skeletons of tokens[from..to] spell glued
 * together, or -1: looked up by the hash made of the tokens' hashes, no string built; a lone token's
 * answer is kept on it.
 */
export function windowKey(tokens: readonly Token[], from: number, to: number, index: EngineIndex): number {
  const table = index.keyTable;
  if (from === to) {
    const token = tokens[from]!;
    if (token.key === -2) token.key = findStringKey(table, token.hash, token.skel, ANY_KEY);
    return token.key;
  }
  let hash = tokens[from]!.hash;
  for (let k = from + 1; k <= to; k++) hash = (Math.imul(hash, tokens[k]!.power) + tokens[k]!.hash) | 0;
  return findPartsKey(table, hash, tokens, from, to, skelOf, ANY_KEY);
}

/** The brands (brandsBySkeleton) that tokens[from..to] glued spell. */
export function brandsAt(tokens: readonly Token[], from: number, to: number, index: EngineIndex): Brand[] | undefined {
  const key = windowKey(tokens, from, to, index);
  return key < 0 ? undefined : index.keyTable.values[key]!.brands;
}

/** The brands, ordinary-word names included (embeddableBySkeleton), that tokens[from..to] glued spell. */
export function embeddableAt(tokens: readonly Token[], from: number, to: number, index: EngineIndex): Brand[] | undefined {
  const key = windowKey(tokens, from, to, index);
  return key < 0 ? undefined : index.keyTable.values[key]!.embeddable;
}

/** The brand whose address tokens[from..to] glued spell without its dot (gluedTargets: "amelifr"). */
export function gluedAt(tokens: readonly Token[], from: number, to: number, index: EngineIndex): Brand | undefined {
  const key = windowKey(tokens, from, to, index);
  return key < 0 ? undefined : index.keyTable.values[key]!.glued;
}

/** Whether tokens[from..to] glued are a lure keyword. */
export function keywordAt(tokens: readonly Token[], from: number, to: number, index: EngineIndex): boolean {
  const key = windowKey(tokens, from, to, index);
  return key >= 0 && (index.keyTable.kinds[key]! & KEY_KEYWORD) !== 0;
}

/** The brands the registrable name spells, hyphens left out (brandsSpelled(view.sldSkeleton)). */
export function sldBrands(view: HostView, index: EngineIndex): Brand[] | undefined {
  return view.sldLast < view.sldFirst ? undefined : brandsAt(view.tokens, view.sldFirst, view.sldLast, index);
}
