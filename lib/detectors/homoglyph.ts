import type { EngineIndex } from '../engine-index';
import type { HostView } from '../host-view';
import type { Match } from './match';
import { skeletonWithOneAsI } from '../skeleton';

/**
 * The registrable name reads exactly like a brand once disguised characters are folded (Cyrillic а,
 * accents, rn→m, 1→l, 0→o, vv→w, cl→d) but is not spelled like it: `arneli.fr`, `amél1.com`, `xn--…`.
 */
export function detectHomoglyph(view: HostView, index: EngineIndex): Match | null {
  const skel = view.skeletons[view.sldIndex]!.replace(/-/g, '');
  const brands = index.brandsBySkeleton.get(skel) ?? index.brandsBySkeleton.get(skeletonWithOneAsI(view.unicode[view.sldIndex]!)?.replace(/-/g, '') ?? '');
  if (!brands) return null;
  const spelled = view.unicode[view.sldIndex]!.replace(/-/g, '');
  // Plain-ASCII disguises (rn→m, 1→l) only count towards a brand that reads as itself: otherwise a folded
  // brand ("lcl" reads "ld", "henner" reads "hemer") would claim unrelated names.
  const brand = brands.find((b) => b.token.replace(/-/g, '') !== spelled && (view.hasIdn || b.skeleton === b.plain));
  if (!brand) return null;
  return { severity: 'lookalike', reasons: view.hasIdn ? ['homoglyph', 'idn'] : ['homoglyph'], brand };
}
