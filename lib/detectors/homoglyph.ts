import type { EngineIndex } from '../engine-index';
import type { HostView } from '../host-view';
import type { Match } from './match';

/**
 * The registrable name reads exactly like a brand once disguised characters are folded (Cyrillic а,
 * accents, rn→m, 1→l, 0→o, vv→w, cl→d) but is not spelled like it: `arneli.fr`, `amél1.com`, `xn--…`.
 */
export function detectHomoglyph(view: HostView, index: EngineIndex): Match | null {
  const skel = view.skeletons[view.sldIndex]!.replace(/-/g, '');
  const brands = index.brandsBySkeleton.get(skel);
  if (!brands) return null;
  const spelled = view.unicode[view.sldIndex]!.replace(/-/g, '');
  const brand = brands.find((b) => b.token.replace(/-/g, '') !== spelled);
  if (!brand) return null;
  return { severity: 'lookalike', reasons: view.hasIdn ? ['homoglyph', 'idn'] : ['homoglyph'], brand };
}
