import { LONG_BRAND_LENGTH, MIN_TYPO_LENGTH, type Brand, type EngineIndex } from '../engine-index';
import { boundedOsaDistance } from '../edit-distance';
import type { HostView } from '../host-view';
import { foldUnicode } from '../skeleton';
import { forEachDeletionHash, hashString } from '../string-hash';
import type { Match } from './match';
import { suffixTargetsFrance } from './suffix-guard';

/**
 * One slip of the finger away from a brand of 5+ characters: omission (`harmonie-mutuele`), insertion
 * and repetition (`amelli`), replacement (`amzli`), transposition (`aemli`), hyphenation, and two edits
 * on long brands. Candidates come from the deletion neighbourhood built at load time, then the distance
 * is checked. Measured on accent/confusable-folded names but not on rn→m style folding: stacking a
 * lookalike and a typo (`acorns` ≈ `acoss`) mostly finds real words.
 */
export function findTypoBrand(name: string, index: EngineIndex): Brand | null {
  if (name.length < MIN_TYPO_LENGTH - 1) return null;
  // name = brand minus one character (or two on long brands)
  let hit = closeEnough(name, index.typoNeighbours.get(hashString(name)));
  if (hit) return hit;
  // name = brand plus one character; or one replacement / transposition (two edits on long brands)
  forEachDeletionHash(name, (h) => {
    hit = closeEnough(name, index.typoBrands.get(h)) ?? closeEnough(name, index.typoNeighbours.get(h));
    return hit !== null;
  });
  return hit;
}

/** The first typo-eligible brand within its allowed distance of `name` (candidates are rare: no allocation). */
function closeEnough(name: string, brands: Brand[] | undefined): Brand | null {
  if (!brands) return null;
  for (const brand of brands) {
    if (brand.plain === name) continue;
    const max = brand.plain.length >= LONG_BRAND_LENGTH ? 2 : 1;
    if (boundedOsaDistance(name, brand.plain, max) > max) continue;
    if (isLikelyNamesake(name, brand.plain)) continue;
    return brand;
  }
  return null;
}

/**
 * Chromium's lessons on edit-distance false positives: numbered variants (`site45`/`site35`) and names
 * that only differ in their first letter (`meli` for Mercado Libre vs `ameli`, `hank`/`tank`) are
 * usually unrelated sites. The first-letter rule is kept to short brands, where it bites.
 */
const FIRST_LETTER_RULE_MAX_LENGTH = 7;
function isLikelyNamesake(name: string, brand: string): boolean {
  const strip = (s: string) => s.replace(/[0-9]/g, '');
  if (/[0-9]/.test(name + brand) && strip(name) === strip(brand)) return true;
  if (brand.length <= FIRST_LETTER_RULE_MAX_LENGTH && name[0] !== brand[0]) {
    // Same tail after the first character: the first letter alone was changed, added or removed.
    if (name.slice(1) === brand.slice(1) || name.slice(1) === brand || name === brand.slice(1)) return true;
  }
  return false;
}

export function detectTypo(view: HostView, index: EngineIndex): Match | null {
  const name = foldUnicode(view.unicode[view.sldIndex]!).replace(/-/g, '');
  if (name.length < MIN_TYPO_LENGTH - 1 || name.length > 40) return null;
  if (index.typoBrands.get(hashString(name))?.some((b) => b.plain === name)) return null; // same letters: homoglyph / tld-swap
  const brand = findTypoBrand(name, index);
  if (!brand || !suffixTargetsFrance(view, brand) || index.benignNeighbours.has(name)) return null;
  return { severity: 'lookalike', reasons: view.hasIdn ? ['typo', 'idn'] : ['typo'], brand };
}
