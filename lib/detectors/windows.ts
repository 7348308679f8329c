import { EDGE_BRAND_HEAD, EDGE_BRAND_TAIL, EDGE_KEYWORD_HEAD, EDGE_KEYWORD_TAIL, KEY_BRAND, KEY_KEYWORD, edgeIndex, type Brand, type EngineIndex } from '../engine-index';
import type { Token } from '../host-view';

/**
 * Whether the skeletons of tokens[from..to] (two or more tokens), glued together, could be a key of one
 * of the index's maps: some key of that kind (`lengthBit`, see EngineIndex.keyLengths) has the window's
 * length, starts with its first two characters and ends with its last two (`headBit`/`tailBit`, see
 * EngineIndex.brandEdges). Exact as a filter: a window it rejects is no key, so its string need not be
 * built. Tokens are never empty.
 */
export function windowMayBeKey(tokens: readonly Token[], from: number, to: number, index: EngineIndex, lengthBit: number, headBit: number, tailBit: number): boolean {
  let len = 0;
  for (let k = from; k <= to; k++) len += tokens[k]!.skel.length;
  if ((index.keyLengths[len < 255 ? len : 255]! & lengthBit) === 0) return false;
  const first = tokens[from]!.skel;
  const second = first.length > 1 ? first.charCodeAt(1) : tokens[from + 1]!.skel.charCodeAt(0);
  if ((index.brandEdges[edgeIndex(first.charCodeAt(0), second)]! & headBit) === 0) return false;
  const last = tokens[to]!.skel;
  const beforeLast = last.length > 1 ? last.charCodeAt(last.length - 2) : tokens[to - 1]!.skel.charCodeAt(tokens[to - 1]!.skel.length - 1);
  return (index.brandEdges[edgeIndex(beforeLast, last.charCodeAt(last.length - 1))]! & tailBit) !== 0;
}

/** The skeletons of tokens[from..to] glued together. */
export function joinTokens(tokens: readonly Token[], from: number, to: number): string {
  let s = tokens[from]!.skel;
  for (let k = from + 1; k <= to; k++) s += tokens[k]!.skel;
  return s;
}

/**
 * The same filter for one string: whether `s` could be a key of the kind `lengthBit` (with its edge bits).
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
