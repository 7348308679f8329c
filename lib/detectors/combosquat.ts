import { MIN_STANDALONE_BRAND_LENGTH, type Brand, type EngineIndex } from '../engine-index';
import type { HostView, Token } from '../host-view';
import type { Match } from './match';

/**
 * A brand next to a lure word, in the registrable name or in a subdomain: `ameli-remboursement.com`,
 * `espace-ameli.net`, `moncompteameli.com`, `ameli.remboursement-info.com`. A brand with nothing but
 * neutral words (`ameli-dupont.fr`) is only a weak signal (brand-token). Lure words come from the list.
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
  const brand = found.brand;
  if (!brand) return null;
  const freeHosting = view.privateSuffix;
  if (found.keyword) {
    return { severity: 'lookalike', reasons: freeHosting ? ['combosquat', 'free-hosting'] : ['combosquat'], brand };
  }
  if (brand.skeleton.length < MIN_STANDALONE_BRAND_LENGTH || brand.common) return null;
  return { severity: 'suspicious', reasons: freeHosting ? ['brand-token', 'free-hosting'] : ['brand-token'], brand };
}

/** Marks brand and keyword pieces of one label (tokens[start..end)). */
function scanLabel(tokens: Token[], start: number, end: number, isSld: boolean, index: EngineIndex, found: Found): void {
  if (end - start === 1) {
    // One piece, the common case: no window to build.
    const piece = tokens[start]!.skel;
    // The registrable name being exactly a brand is tld-swap / homoglyph territory, not a combination.
    const brands = index.brandsBySkeleton.get(piece);
    if (brands) {
      if (!isSld) found.brand ??= brands[0]!;
      return;
    }
    if (index.keywords.has(piece)) {
      found.keyword = true;
      return;
    }
    const glued = splitGlued(piece, index);
    if (glued) {
      found.brand ??= glued;
      found.keyword = true;
      return;
    }
    scanDigitWrapped(piece, index, found);
    return;
  }

  const pieces: string[] = [];
  for (let i = start; i < end; i++) pieces.push(tokens[i]!.skel);
  // Unlike a one-piece name, a hyphenated brand name is still scanned: "compte-ameli" is a product
  // name and also a lure word next to a brand.
  const used = new Array<boolean>(pieces.length).fill(false);
  // Brands first (longest window wins), so "carte-vitale" is a brand here even if it is also a lure word.
  for (let size = Math.min(MAX_WINDOW, pieces.length); size >= 1; size--) {
    for (let i = 0; i + size <= pieces.length; i++) {
      if (!isFree(used, i, size)) continue;
      const brands = index.brandsBySkeleton.get(size === 1 ? pieces[i]! : pieces.slice(i, i + size).join(''));
      if (!brands) continue;
      // Two names of one organisation side by side ("cpam-ameli") is as strong as a lure word.
      if (found.brand && found.brand !== brands[0] && found.brand.org.id === brands[0]!.org.id) found.keyword = true;
      found.brand ??= brands[0]!;
      used.fill(true, i, i + size);
      // A product name that is itself brand + lure word ("compte-ameli") still counts as the combination.
      if (size > 1 && hasBrandAndKeyword(pieces, i, i + size, index)) found.keyword = true;
    }
  }
  for (let size = Math.min(MAX_WINDOW, pieces.length); size >= 1; size--) {
    for (let i = 0; i + size <= pieces.length; i++) {
      if (!isFree(used, i, size)) continue;
      if (index.keywords.has(size === 1 ? pieces[i]! : pieces.slice(i, i + size).join(''))) {
        found.keyword = true;
        used.fill(true, i, i + size);
      }
    }
  }
  // Glued forms inside one piece: "ameliremboursement", "moncompteameli"; then numbers around a word.
  for (let i = 0; i < pieces.length; i++) {
    if (used[i]) continue;
    const glued = splitGlued(pieces[i]!, index);
    if (glued) {
      found.brand ??= glued;
      found.keyword = true;
    } else scanDigitWrapped(pieces[i]!, index, found);
  }
}

/** "ameli2024", "remboursement24", "2fa-securite": a number stuck to a brand or a lure word does not hide it. */
const isDigit = (c: number) => c >= 48 && c <= 57;

function scanDigitWrapped(piece: string, index: EngineIndex, found: Found): void {
  if (!isDigit(piece.charCodeAt(0)) && !isDigit(piece.charCodeAt(piece.length - 1))) return;
  const core = piece.replace(/^[0-9]+|[0-9]+$/g, '');
  if (core === piece || core.length < 3) return;
  const brands = index.brandsBySkeleton.get(core);
  if (brands) found.brand ??= brands[0]!;
  else if (index.keywords.has(core)) found.keyword = true;
  else {
    const glued = splitGlued(core, index);
    if (glued) {
      found.brand ??= glued;
      found.keyword = true;
    }
  }
}

function isFree(used: boolean[], from: number, size: number): boolean {
  for (let k = from; k < from + size; k++) if (used[k]) return false;
  return true;
}

function hasBrandAndKeyword(pieces: string[], from: number, to: number, index: EngineIndex): boolean {
  let brand = false;
  let keyword = false;
  for (let k = from; k < to; k++) {
    brand ||= index.brandsBySkeleton.has(pieces[k]!);
    keyword ||= index.keywords.has(pieces[k]!);
  }
  return brand && keyword;
}

/** A piece made of a brand (4+ characters) and lure words glued before or after it. */
export function splitGlued(piece: string, index: EngineIndex): Brand | null {
  if (piece.length < MIN_STANDALONE_BRAND_LENGTH + 2) return null;
  const head = index.brandHeads.has(piece.slice(0, 2));
  const tail = index.brandTails.has(piece.slice(-2));
  if (!head && !tail) return null;
  for (const len of index.brandLengths) {
    if (len >= piece.length || len < MIN_STANDALONE_BRAND_LENGTH) continue;
    if (head) {
      const brands = index.brandsBySkeleton.get(piece.slice(0, len));
      if (brands && isKeywordSequence(piece.slice(len), index)) return brands[0]!;
    }
    if (tail) {
      const brands = index.brandsBySkeleton.get(piece.slice(piece.length - len));
      if (brands && isKeywordSequence(piece.slice(0, piece.length - len), index)) return brands[0]!;
    }
  }
  return null;
}

/** Whether `s` is one or more lure words glued together ("moncompte", "espaceclient"). */
export function isKeywordSequence(s: string, index: EngineIndex, depth = 0): boolean {
  if (index.keywords.has(s)) return true;
  if (depth >= 3) return false;
  for (const len of index.keywordLengths) {
    if (len >= s.length) continue;
    if (index.keywords.has(s.slice(0, len)) && isKeywordSequence(s.slice(len), index, depth + 1)) return true;
  }
  return false;
}
