import { MIN_STANDALONE_BRAND_LENGTH, MIN_TLD_SWAP_LENGTH, type EngineIndex } from '../engine-index';
import type { HostView } from '../host-view';
import type { Match } from './match';
import { isAbusedSuffix, suffixTargetsFrance } from './suffix-guard';
import { sldBrands } from './windows';

/**
 * The registrable name is a brand as such, under a suffix the organisation does not use: `ameli.com`
 * for ameli.fr (tld-swap), `carte-vitale.fr` (a product name, brand-token), `ameli.netlify.app`
 * (free-hosting). A weaker signal: the user may be on a legitimate namesake.
 */
export function detectTldSwap(view: HostView, index: EngineIndex): Match | null {
  const spelled = view.unicode[view.sldIndex]!;
  const brands = sldBrands(view, index);
  if (!brands) return null;
  const noHyphens = view.sldSpelled;
  const brand = brands.find((b) => b.flatToken === noHyphens);
  if (!brand) return null;
  if (spelled !== brand.token) {
    // Same letters, hyphens moved (`ame-li.fr`, `harmoniemutuelle.fr`): a typo, strong when the brand is long.
    return brand.typoEligible ? { severity: 'lookalike', reasons: ['typo'], brand } : null;
  }
  // Anyone can open "msa.netlify.app" in a minute: the bare name on a hosting platform counts even when short.
  // (A given name there is a person's page: alan.github.io.)
  if (view.privateSuffix) return brand.givenName ? null : { severity: 'suspicious', reasons: ['free-hosting'], brand };
  if (brand.skeleton.length < MIN_STANDALONE_BRAND_LENGTH) return null;
  // Short names alone elsewhere are mostly namesakes (ocso.com, axa.com), but not under .fr (cpam.fr)
  // or a cheap, much abused TLD (mgen.online).
  const short = brand.skeleton.length < MIN_TLD_SWAP_LENGTH && view.suffix !== 'fr' && !isAbusedSuffix(view.suffix);
  if (short || brand.common || !suffixTargetsFrance(view, brand)) return null;
  return { severity: 'suspicious', reasons: [brand.suffixes.length > 0 ? 'tld-swap' : 'brand-token'], brand };
}
