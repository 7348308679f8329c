import type { EngineIndex } from '../engine-index';
import type { HostView } from '../host-view';
import type { Match } from './match';
import { alternativeSkeletons, withoutHyphens } from '../skeleton';
import { brandsSpelled, sldBrands } from './windows';

/**
 * The registrable name reads exactly like a brand once disguised characters are folded (Cyrillic а,
 * accents, rn→m, 1→l, 0→o, vv→w, cl→d) but is not spelled like it: `arneli.fr`, `amél1.com`, `xn--…`.
 */
export function detectHomoglyph(view: HostView, index: EngineIndex): Match | null {
  // A plain host's name is its own skeleton: whatever brand it reads as, it is also spelled so (tld-swap's case).
  if (view.skeletons === view.labels) return null;
  let brands = sldBrands(view, index);
  if (!brands) {
    for (const alt of alternativeSkeletons(view.unicode[view.sldIndex]!)) brands ??= brandsSpelled(withoutHyphens(alt), index);
  }
  if (!brands) return commonNameInDisguise(view, index);
  const spelled = view.sldSpelled;
  // A name that is already the folded reading of a brand is not a disguise of it: "lcl" reads "ld" and
  // "henner" reads "hemer", yet ld.fr and hemer.de are other names. `1cl` still reads as lcl.
  const brand = brands.find((b) => b.flatToken !== spelled && (view.hasIdn || spelled !== b.skeleton));
  if (!brand) return null;
  return { severity: 'lookalike', reasons: view.hasIdn ? ['homoglyph', 'idn'] : ['homoglyph'], brand };
}

/**
 * An organisation named by ordinary words is read only as its address (engine-index.ts commonWord):
 * its exact address written in other characters (`mutualité.fr`, with an accent, for mutualite.fr) is
 * still a disguise of it. Only under the organisation's own suffix, and only for IDN: "mutualite"
 * elsewhere is a word.
 */
function commonNameInDisguise(view: HostView, index: EngineIndex): Match | null {
  if (!view.hasIdn) return null;
  const brand = index.embeddableBySkeleton.get(view.sldSkeleton)?.find((b) => b.embeddableOnly && b.suffixes.includes(view.suffix) && b.flatToken !== view.sldSpelled);
  return brand ? { severity: 'lookalike', reasons: ['homoglyph', 'idn'], brand } : null;
}
