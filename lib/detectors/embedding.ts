import type { Brand, EngineIndex } from '../engine-index';
import type { HostView, Token } from '../host-view';
import type { Match } from './match';

/**
 * A listed address written inside another one: `ameli.fr.secure-x.example`, `ameli-fr.example`,
 * `www-ameli-fr.example`, `amelifr-compte.example`. Anywhere but the tail it is a strong imitation
 * (what you read first is "ameli.fr"); at the tail (`www-ameli.fr`, `mon-ameli.fr`) it is weaker.
 */
const MAX_BRAND_TOKENS = 3;

export function detectEmbedding(view: HostView, index: EngineIndex): Match | null {
  const { tokens } = view;
  const last = tokens.length - 1;
  let tail: Match | null = null;
  for (let i = 0; i < tokens.length; i++) {
    // Glued brand+suffix in one token: "amelifr".
    const glued = index.gluedTargets.get(tokens[i]!.skel);
    if (glued && i < last) return { severity: 'lookalike', reasons: ['embedding'], brand: glued };

    let joined = '';
    for (let j = i; j < Math.min(tokens.length - 1, i + MAX_BRAND_TOKENS); j++) {
      joined += tokens[j]!.skel;
      // Glued across a multi-word brand: "assurance-maladiefr".
      const gluedWindow = j > i ? index.gluedTargets.get(joined) : undefined;
      if (gluedWindow && j < last) return { severity: 'lookalike', reasons: ['embedding'], brand: gluedWindow };
      const brands = index.embeddableBySkeleton.get(joined);
      if (!brands) continue;
      for (const brand of brands) {
        const end = matchSuffix(tokens, j + 1, brand);
        if (end < 0) continue;
        if (end < last) return { severity: 'lookalike', reasons: ['embedding'], brand };
        // Ends the host: either it is the registrable name itself (handled by homoglyph / tld-swap) or a tail embedding.
        if (!startsRegistrableName(tokens[i]!, view)) tail ??= { severity: 'suspicious', reasons: ['embedding'], brand };
      }
    }
  }
  return tail;
}

/** Index of the last token of one of the brand's official suffixes starting at `from`, or -1. */
function matchSuffix(tokens: Token[], from: number, brand: Brand): number {
  outer: for (const seq of brand.suffixTokens) {
    if (from + seq.length > tokens.length) continue;
    for (let k = 0; k < seq.length; k++) if (tokens[from + k]!.skel !== seq[k]) continue outer;
    return from + seq.length - 1;
  }
  return -1;
}

function startsRegistrableName(token: Token, view: HostView): boolean {
  return token.label === view.sldIndex && token.part === 0;
}
