import type { NormalizedUrl } from './normalize';
import { foldUnicode, isIdnLabel, skeletonOf, unicodeLabel } from './skeleton';

/**
 * A host cut into what the detectors read: its labels in Unicode and as skeletons, and its tokens
 * (pieces between dots and hyphens) in order, each knowing which label it came from.
 */
export interface Token {
  /** Skeleton of the piece (ASCII). */
  skel: string;
  /** Index of the label it belongs to. */
  label: number;
  /** Index among the pieces of its label. */
  part: number;
}

export interface HostView {
  host: string;
  /** Labels as the URL parser gives them (punycode for IDN). */
  labels: string[];
  /** Labels in Unicode. */
  unicode: string[];
  /** Skeleton of each label (hyphens kept). */
  skeletons: string[];
  tokens: Token[];
  /** Index of the label left of the public suffix (the "sld"). */
  sldIndex: number;
  /** Number of labels in the public suffix. */
  suffixLabels: number;
  suffix: string;
  domain: string;
  privateSuffix: boolean;
  hasIdn: boolean;
  /** The registrable name without hyphens: as spelled (Unicode), as a skeleton, and accent-folded. */
  sldSpelled: string;
  sldSkeleton: string;
  sldPlain: string;
}

function withoutHyphens(s: string): string {
  return s.includes('-') ? s.replaceAll('-', '') : s;
}

export function viewHost(n: Extract<NormalizedUrl, { kind: 'host' }>): HostView | null {
  if (!n.domain || !n.suffix || !n.sld) return null;
  const labels = n.host.split('.');
  let suffixLabels = 1;
  for (let i = n.suffix.indexOf('.'); i >= 0; i = n.suffix.indexOf('.', i + 1)) suffixLabels++;
  const sldIndex = labels.length - suffixLabels - 1;
  const hasIdn = n.host.includes('xn--') && labels.some(isIdnLabel);
  const unicode = hasIdn ? labels.map(unicodeLabel) : labels;
  const skeletons: string[] = new Array(labels.length);
  const tokens: Token[] = [];
  for (let i = 0; i < labels.length; i++) {
    // Suffix labels (fr, gouv, com…) are plain ASCII and compared as they are.
    const skel = i > sldIndex ? labels[i]! : skeletonOf(unicode[i]!);
    skeletons[i] = skel;
    let from = 0;
    let part = 0;
    for (;;) {
      const dash = skel.indexOf('-', from);
      const end = dash < 0 ? skel.length : dash;
      if (end > from) tokens.push({ skel: from === 0 && dash < 0 ? skel : skel.slice(from, end), label: i, part: part++ });
      if (dash < 0) break;
      from = dash + 1;
    }
  }
  return {
    host: n.host,
    labels,
    unicode,
    skeletons,
    tokens,
    sldIndex,
    suffixLabels,
    suffix: n.suffix,
    domain: n.domain,
    privateSuffix: n.privateSuffix,
    hasIdn,
    sldSpelled: withoutHyphens(unicode[sldIndex]!),
    sldSkeleton: withoutHyphens(skeletons[sldIndex]!),
    sldPlain: withoutHyphens(hasIdn ? foldUnicode(unicode[sldIndex]!) : labels[sldIndex]!),
  };
}
