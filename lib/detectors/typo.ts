import { LONG_BRAND_LENGTH, MIN_TYPO_LENGTH, type Brand, type EngineIndex } from '../engine-index';
import { boundedOsaDistance } from '../edit-distance';
import type { HostView } from '../host-view';
import type { Match } from './match';

/**
 * One slip of the finger away from a brand of 5+ characters: omission (`amel`→ no, too short; `harmonie-mutuele`),
 * insertion and repetition (`amelli`), replacement (`amrli`), transposition (`aemli`), two edits for long
 * brands. Candidates come from the deletion neighbourhood built at load time; the distance is then checked.
 */
export function findTypoBrand(name: string, index: EngineIndex): Brand | null {
  if (name.length < MIN_TYPO_LENGTH - 1) return null;
  // name = brand minus one character (or two on long brands)
  let hit = closeEnough(name, index.typoNeighbours.get(name));
  for (let i = 0; !hit && i < name.length; i++) {
    const d = name.slice(0, i) + name.slice(i + 1);
    // name = brand plus one character; or one replacement / transposition (two edits on long brands)
    hit = closeEnough(name, index.brandsBySkeleton.get(d)) ?? closeEnough(name, index.typoNeighbours.get(d));
  }
  return hit;
}

/** The first typo-eligible brand within its allowed distance of `name` (candidates are rare: no allocation). */
function closeEnough(name: string, brands: Brand[] | undefined): Brand | null {
  if (!brands) return null;
  for (const brand of brands) {
    if (!brand.typoEligible || brand.skeleton === name) continue;
    const max = brand.skeleton.length >= LONG_BRAND_LENGTH ? 2 : 1;
    if (boundedOsaDistance(name, brand.skeleton, max) > max) continue;
    if (differsOnlyByDigits(name, brand.skeleton)) continue;
    return brand;
  }
  return null;
}

/** `mgefi2` vs `mgefi`, `site45` vs `site35`: numbered variants are usually unrelated sites (Chromium does the same). */
function differsOnlyByDigits(a: string, b: string): boolean {
  const strip = (s: string) => s.replace(/[0-9]/g, '');
  return strip(a) === strip(b) && /[0-9]/.test(a + b);
}

export function detectTypo(view: HostView, index: EngineIndex): Match | null {
  const name = view.skeletons[view.sldIndex]!.replace(/-/g, '');
  if (name.length < MIN_TYPO_LENGTH - 1 || name.length > 40) return null;
  if (index.brandsBySkeleton.has(name)) return null; // exact reading: homoglyph / tld-swap handle it
  const brand = findTypoBrand(name, index);
  if (!brand || index.benignNeighbours.has(view.unicode[view.sldIndex]!)) return null;
  return { severity: 'lookalike', reasons: view.hasIdn ? ['typo', 'idn'] : ['typo'], brand };
}
