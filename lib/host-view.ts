import type { NormalizedUrl } from './normalize';
import { isIdnLabel, skeletonOf, unicodeLabel } from './skeleton';

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
}

export function viewHost(n: Extract<NormalizedUrl, { kind: 'host' }>): HostView | null {
  if (!n.domain || !n.suffix || !n.sld) return null;
  const labels = n.host.split('.');
  const suffixLabels = n.suffix.split('.').length;
  const sldIndex = labels.length - suffixLabels - 1;
  const unicode: string[] = new Array(labels.length);
  const skeletons: string[] = new Array(labels.length);
  const tokens: Token[] = [];
  let hasIdn = false;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    const idn = isIdnLabel(label);
    hasIdn ||= idn;
    const u = idn ? unicodeLabel(label) : label;
    unicode[i] = u;
    const skel = skeletonOf(u);
    skeletons[i] = skel;
    if (!skel.includes('-')) {
      tokens.push({ skel, label: i, part: 0 });
      continue;
    }
    let part = 0;
    for (const piece of skel.split('-')) if (piece) tokens.push({ skel: piece, label: i, part: part++ });
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
  };
}
