import type { NormalizedUrl } from './normalize';
import { lastScan, scanHost } from './host-scan';
import { foldUnicode, hasNonAscii, isPlainHost, skeletonOf, skeletonOfFolded, unicodeLabel, withoutHyphens } from './skeleton';

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
  /** hashString(skel) | 0, and 131^skel.length | 0: a window's hash is made of its tokens' (see detectors/windows.ts). */
  hash: number;
  power: number;
  /** The index key entry (key-table.ts) the token alone spells: -1 none, -2 not asked yet. */
  key: number;
}

/** A token of piece `skel`, its hash computed. */
export function makeToken(skel: string, label: number, part: number): Token {
  let hash = 0;
  let power = 1;
  for (let i = 0; i < skel.length; i++) {
    hash = (Math.imul(hash, 131) + skel.charCodeAt(i)) | 0;
    power = Math.imul(power, 131);
  }
  return { skel, label, part, hash, power, key: -2 };
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
  /** Its first and last tokens (sldLast < sldFirst when it has none). */
  sldFirst: number;
  sldLast: number;
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

/** `plain`, when the caller knows it, is isPlainHost(n.host). */
export function viewHost(n: Extract<NormalizedUrl, { kind: 'host' }>, plain?: boolean): HostView | null {
  if (!n.domain || !n.suffix || !n.sld) return null;
  let suffixLabels = 1;
  for (let i = n.suffix.indexOf('.'); i >= 0; i = n.suffix.indexOf('.', i + 1)) suffixLabels++;
  const host = n.host;
  if (plain ?? isPlainHost(host)) return plainView(n, suffixLabels);
  const labels: string[] = [];
  for (let from = 0; ; ) {
    const dot = host.indexOf('.', from);
    labels.push(dot < 0 ? host.slice(from) : host.slice(from, dot));
    if (dot < 0) break;
    from = dot + 1;
  }
  const sldIndex = labels.length - suffixLabels - 1;
  // Each xn-- label decoded once; the host is IDN when one of them decodes to non-ASCII.
  let unicode = labels;
  if (host.includes('xn--')) {
    const decoded = labels.map(unicodeLabel);
    if (decoded.some((u, i) => u !== labels[i] && hasNonAscii(u))) unicode = decoded;
  }
  const hasIdn = unicode !== labels;
  // The registrable name's Unicode fold serves both its skeleton and its plain form.
  const sldFolded = hasIdn ? foldUnicode(unicode[sldIndex]!) : null;
  const skeletons: string[] = new Array(labels.length);
  const tokens: Token[] = [];
  for (let i = 0; i < labels.length; i++) {
    // Suffix labels (fr, gouv, com…) are plain ASCII and compared as they are.
    const skel = i > sldIndex ? labels[i]! : i === sldIndex && sldFolded !== null ? skeletonOfFolded(sldFolded) : skeletonOf(unicode[i]!);
    skeletons[i] = skel;
    let from = 0;
    let part = 0;
    for (;;) {
      const dash = skel.indexOf('-', from);
      const end = dash < 0 ? skel.length : dash;
      if (end > from) tokens.push(makeToken(from === 0 && dash < 0 ? skel : skel.slice(from, end), i, part++));
      if (dash < 0) break;
      from = dash + 1;
    }
  }
  return {
    host,
    labels,
    unicode,
    skeletons,
    tokens,
    sldIndex,
    sldFirst: firstTokenOf(tokens, sldIndex),
    sldLast: lastTokenOf(tokens, sldIndex),
    suffixLabels,
    suffix: n.suffix,
    domain: n.domain,
    privateSuffix: n.privateSuffix,
    hasIdn,
    sldSpelled: withoutHyphens(unicode[sldIndex]!),
    sldSkeleton: withoutHyphens(skeletons[sldIndex]!),
    sldPlain: withoutHyphens(sldFolded ?? labels[sldIndex]!),
  };
}

/**
 * The common case: an ASCII host that no folding changes (no xn--, 0/1, rn, nn, vv, cl), so each label
 * is its own Unicode form and its own skeleton. Its pieces come from the host's scan (host-scan.ts),
 * hashed already, and the index keys the quick reject looked up on them come along.
 */
function plainView(n: Extract<NormalizedUrl, { kind: 'host' }>, suffixLabels: number): HostView {
  const host = n.host;
  const scan = lastScan().host === host ? lastScan() : scanHost(host);
  const labels: string[] = [];
  for (let from = 0; ; ) {
    const dot = host.indexOf('.', from);
    labels.push(dot < 0 ? (from === 0 ? host : host.slice(from)) : host.slice(from, dot));
    if (dot < 0) break;
    from = dot + 1;
  }
  const tokens: Token[] = new Array(scan.count);
  for (let k = 0; k < scan.count; k++) {
    const label = scan.label[k]!;
    const start = scan.start[k]!;
    const end = scan.end[k]!;
    // A label without hyphens: the label and its only piece are one string.
    const skel = end - start === labels[label]!.length ? labels[label]! : host.slice(start, end);
    tokens[k] = { skel, label, part: scan.part[k]!, hash: scan.hash[k]!, power: scan.power[k]!, key: scan.key[k]! };
  }
  const sldIndex = labels.length - suffixLabels - 1;
  const sldFirst = firstTokenOf(tokens, sldIndex);
  const sldLast = lastTokenOf(tokens, sldIndex);
  let flatSld = labels[sldIndex]!;
  if (sldLast !== sldFirst || tokens[sldFirst]!.skel.length !== flatSld.length) {
    flatSld = '';
    for (let k = sldFirst; k <= sldLast; k++) flatSld += tokens[k]!.skel;
  }
  return {
    host,
    labels,
    unicode: labels,
    skeletons: labels,
    tokens,
    sldIndex,
    sldFirst,
    sldLast,
    suffixLabels,
    suffix: n.suffix!,
    domain: n.domain!,
    privateSuffix: n.privateSuffix,
    hasIdn: false,
    sldSpelled: flatSld,
    sldSkeleton: flatSld,
    sldPlain: flatSld,
  };
}

/** The first token of label `label` (or where it would be). */
function firstTokenOf(tokens: readonly Token[], label: number): number {
  let first = 0;
  while (first < tokens.length && tokens[first]!.label < label) first++;
  return first;
}

/** The last token of label `label` (before firstTokenOf when it has none). */
function lastTokenOf(tokens: readonly Token[], label: number): number {
  let last = firstTokenOf(tokens, label) - 1;
  while (last + 1 < tokens.length && tokens[last + 1]!.label === label) last++;
  return last;
}

/** Piece number `part` of a label (pieces: the non-empty runs between hyphens), or "" past the last one. */
export function pieceOf(label: string, part: number): string {
  for (let from = 0, i = 0, k = 0; i <= label.length; i++) {
    if (i < label.length && label.charCodeAt(i) !== 45) continue;
    if (i > from && k++ === part) return label.slice(from, i);
    from = i + 1;
  }
  return '';
}
