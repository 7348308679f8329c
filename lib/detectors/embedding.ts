import { EDGE_BRAND_HEAD, EDGE_GLUED_HEAD, edgeIndex, type Brand, type EngineIndex } from '../engine-index';
import type { HostView, Token } from '../host-view';
import type { Match } from './match';
import { isForeignCountrySuffix } from './suffix-guard';
import { embeddableAt, gluedAt, windowKey } from './windows';

/**
 * A listed address written inside another one: `ameli.fr.secure-x.example`, `ameli-fr.example`,
 * `www-ameli-fr.example`, `amelifr-compte.example`. Anywhere but the tail it is a strong imitation
 * (what you read first is "ameli.fr"); at the tail (`www-ameli.fr`, `mon-ameli.fr`) it is weaker, unless
 * it is the whole host with a hyphen for one of its dots (`impots-gouv.fr`).
 */
const MAX_BRAND_TOKENS = 3;

export function detectEmbedding(view: HostView, index: EngineIndex): Match | null {
  const { tokens } = view;
  const last = tokens.length - 1;
  let tail: Match | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const skel = tokens[i]!.skel;
    // Every key found from here (this token alone or glued to the next ones) starts with this token's
    // first two characters: none of them starts an embeddable or glued key on most tokens.
    if (skel.length > 1 && (index.brandEdges[edgeIndex(skel.charCodeAt(0), skel.charCodeAt(1))]! & (EDGE_BRAND_HEAD | EDGE_GLUED_HEAD)) === 0) continue;
    // Glued brand+suffix in one token: "amelifr".
    const glued = gluedAt(tokens, i, i, index);
    if (glued && i < last) return { severity: 'lookalike', reasons: ['embedding'], brand: glued };

    for (let j = i; j < Math.min(tokens.length - 1, i + MAX_BRAND_TOKENS); j++) {
      // tokens i..j glued, looked up by their hashes (windows.ts).
      let brands: Brand[] | undefined;
      if (j === i) brands = embeddableAt(tokens, i, i, index);
      else {
        const key = windowKey(tokens, i, j, index);
        if (key < 0) continue;
        const { glued: gluedWindow, embeddable } = index.keyTable.values[key]!;
        // Glued across a multi-word brand: "assurance-maladiefr".
        // (A window may run over a dot: "allianz"+"com" is allianz.com, under com.au its own company's name.)
        if (gluedWindow && j < last && !isCountryCommercialName(view, i, j - 1, j)) return { severity: 'lookalike', reasons: ['embedding'], brand: gluedWindow };
        brands = embeddable;
      }
      if (!brands) continue;
      for (const brand of brands) {
        const end = matchSuffix(tokens, j + 1, brand);
        if (end < 0) {
          // The address cut inside its own suffix and carried on with a hyphen: impots.gouv-remboursement.fr.
          if (startsLabel(tokens, i) && cutInsideSuffix(tokens, j + 1, brand)) return { severity: 'lookalike', reasons: ['embedding'], brand };
          continue;
        }
        if (isCountryCommercialName(view, i, j, end)) continue;
        if (end < last) return { severity: 'lookalike', reasons: ['embedding'], brand };
        // The whole host is the official address with a hyphen for a dot: justice-gouv.fr, impots-gouv.fr
        // (brands under a suffix of two labels or more, the rest of whose suffix the host kept).
        // (Also after a www written the same way: www-justice-gouv.fr.)
        if ((startsRegistrableName(tokens[i]!, view) || afterHyphenatedWww(tokens, i, view)) && tokens[j + 1]!.label === view.sldIndex) return { severity: 'lookalike', reasons: ['embedding'], brand };
        // Ends the host: either it is the registrable name itself (handled by homoglyph / tld-swap) or a tail
        // embedding. An ordinary word there just ends a name (groupe-pasteur-mutualite.fr, not mutualite.fr).
        if (!brand.embeddableOnly && !startsRegistrableName(tokens[i]!, view)) tail ??= { severity: 'suspicious', reasons: ['embedding'], brand };
      }
    }
  }
  return tail;
}

/** Index of the last token of one of the brand's official suffixes starting at `from`, or -1. */
export function matchSuffix(tokens: Token[], from: number, brand: Brand): number {
  outer: for (const seq of brand.suffixTokens) {
    if (from + seq.length > tokens.length) continue;
    for (let k = 0; k < seq.length; k++) if (tokens[from + k]!.skel !== seq[k]) continue outer;
    return from + seq.length - 1;
  }
  return -1;
}

/** Generic suffixes that many countries repeat under their own code for companies (com.au, com.br, net.nz, org.uk). */
const COUNTRY_COMMERCIAL_HEADS = new Set(['com', 'net', 'org']);

/**
 * Whether tokens from..to are the whole registrable name and the official suffix matched after them
 * (ending at `end`) is only the first label of the host's own public suffix: `allianz.com.au` or
 * `axa.com.mx` is the brand's name registered under a foreign country's commercial suffix, usually the
 * group's local company, not an address embedded in another (tld-swap.ts then finds nothing). Still an
 * embedding: `almerys.com.fr` (France's own com.fr), `allianz.com.co` (sold as generic), and `ameli.fr.it`
 * (fr.it is an Italian province suffix: only com, net and org are read this way).
 */
export function isCountryCommercialName(view: HostView, from: number, to: number, end: number): boolean {
  const { tokens } = view;
  const first = tokens[from]!;
  const next = tokens[to + 1]!;
  return (
    end === to + 1 &&
    first.label === view.sldIndex &&
    first.part === 0 &&
    next.label === view.sldIndex + 1 && // the window ends the registrable name: the suffix starts right after
    view.suffixLabels > 1 &&
    COUNTRY_COMMERCIAL_HEADS.has(next.skel) &&
    isForeignCountrySuffix(view.suffix)
  );
}

function startsRegistrableName(token: Token, view: HostView): boolean {
  return token.label === view.sldIndex && token.part === 0;
}

/** Whether token i comes right after a "www-" that starts the registrable name. */
function afterHyphenatedWww(tokens: Token[], i: number, view: HostView): boolean {
  const prev = tokens[i - 1];
  return !!prev && prev.skel === 'www' && startsRegistrableName(prev, view) && tokens[i]!.label === view.sldIndex && tokens[i]!.part === 1;
}

/** Whether token i starts its label (what is read first after a dot, or at the start of the host). */
function startsLabel(tokens: Token[], i: number): boolean {
  return tokens[i]!.part === 0;
}

/**
 * Whether the tokens from `from` begin one of the brand's suffixes of two labels or more with its first
 * label only, at the start of a label that goes on after a hyphen ("gouv" of gouv.fr in
 * "gouv-remboursement"): the address is written up to a dot of its own suffix, then something else.
 */
function cutInsideSuffix(tokens: Token[], from: number, brand: Brand): boolean {
  const first = tokens[from];
  const next = tokens[from + 1];
  if (!first || !next || first.part !== 0 || next.label !== first.label) return false;
  for (const seq of brand.suffixTokens) if (seq.length >= 2 && seq[0] === first.skel) return true;
  return false;
}
