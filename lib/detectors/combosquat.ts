import { MIN_STANDALONE_BRAND_LENGTH, type Brand, type EngineIndex } from '../engine-index';
import type { HostView } from '../host-view';
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
  for (let label = 0; label <= view.sldIndex; label++) {
    if (label < view.sldIndex && view.skeletons[label] === 'www') continue;
    scanLabel(view, label, index, found);
    if (found.brand && found.keyword) break;
  }
  const brand = found.brand;
  if (!brand) return null;
  const freeHosting = view.privateSuffix;
  if (found.keyword) {
    return { severity: 'lookalike', reasons: freeHosting ? ['combosquat', 'free-hosting'] : ['combosquat'], brand };
  }
  if (brand.skeleton.length < MIN_STANDALONE_BRAND_LENGTH) return null;
  return { severity: 'suspicious', reasons: freeHosting ? ['brand-token', 'free-hosting'] : ['brand-token'], brand };
}

/** Marks brand and keyword pieces of one label; a label that is exactly a brand name is left to other detectors. */
function scanLabel(view: HostView, label: number, index: EngineIndex, found: Found): void {
  const pieces = view.tokens.filter((t) => t.label === label).map((t) => t.skel);
  if (pieces.length === 0) return;
  const whole = pieces.join('');
  // The registrable name being exactly a brand is tld-swap / homoglyph territory, not a combination.
  if (label === view.sldIndex && index.brandsBySkeleton.has(whole)) return;

  const used = new Array<boolean>(pieces.length).fill(false);
  // Brands first (longest window wins), so "carte-vitale" is a brand here even if it is also a lure word.
  for (let size = Math.min(MAX_WINDOW, pieces.length); size >= 1; size--) {
    for (let i = 0; i + size <= pieces.length; i++) {
      if (used.slice(i, i + size).some(Boolean)) continue;
      const brands = index.brandsBySkeleton.get(pieces.slice(i, i + size).join(''));
      if (!brands) continue;
      found.brand ??= brands[0]!;
      used.fill(true, i, i + size);
    }
  }
  for (let size = Math.min(MAX_WINDOW, pieces.length); size >= 1; size--) {
    for (let i = 0; i + size <= pieces.length; i++) {
      if (used.slice(i, i + size).some(Boolean)) continue;
      if (index.keywords.has(pieces.slice(i, i + size).join(''))) {
        found.keyword = true;
        used.fill(true, i, i + size);
      }
    }
  }
  // Glued forms inside one piece: "ameliremboursement", "moncompteameli".
  for (let i = 0; i < pieces.length; i++) {
    if (used[i]) continue;
    const glued = splitGlued(pieces[i]!, index);
    if (glued) {
      found.brand ??= glued;
      found.keyword = true;
    }
  }
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
