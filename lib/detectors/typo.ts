import { LONG_BRAND_LENGTH, MIN_TYPO_LENGTH, longBucketKey, type Brand, type EngineIndex } from '../engine-index';
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
  // name = brand plus one character; or one replacement / transposition
  forEachDeletionHash(name, (h) => {
    hit = closeEnough(name, index.typoBrands.get(h)) ?? closeEnough(name, index.typoNeighbours.get(h));
    return hit !== null;
  });
  if (hit || name.length < LONG_BRAND_LENGTH - 2) return hit;
  // Two edits on a long brand: candidates share the first or the last three letters, length within 2.
  const head = name.slice(0, 3);
  const tail = name.slice(-3);
  for (let len = name.length - 2; len <= name.length + 2 && !hit; len++) {
    if (len < LONG_BRAND_LENGTH) continue;
    hit = closeEnough(name, index.longBrandBuckets.get(longBucketKey(head, len))) ?? closeEnough(name, index.longBrandBuckets.get(longBucketKey(tail, len) ^ 1));
  }
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

export function detectTypo(view: HostView, index: EngineIndex): Match | null {
  const split = detectSplitName(view, index);
  if (split) return split;
  const name = foldUnicode(view.unicode[view.sldIndex]!).replace(/-/g, '');
  if (name.length < MIN_TYPO_LENGTH - 1 || name.length > 40) return null;
  if (index.typoBrands.get(hashString(name))?.some((b) => b.plain === name)) return null; // same letters: homoglyph / tld-swap
  const brand = findTypoBrand(name, index);
  if (!brand || !suffixTargetsFrance(view, brand) || index.benignNeighbours.has(name)) return null;
  return { severity: 'lookalike', reasons: view.hasIdn ? ['typo', 'idn'] : ['typo'], brand };
}

/** A dot slipped inside the name (`fra.nceconnect.fr`, `am.eli.fr`): the last two labels spell the brand. */
function detectSplitName(view: HostView, index: EngineIndex): Match | null {
  if (view.sldIndex < 1) return null;
  const joined = foldUnicode(view.unicode[view.sldIndex - 1]! + view.unicode[view.sldIndex]!).replace(/-/g, '');
  const brand = index.typoBrands.get(hashString(joined))?.find((b) => b.plain === joined);
  return brand && suffixTargetsFrance(view, brand) ? { severity: 'lookalike', reasons: ['typo'], brand } : null;
}
