/**
 * One pass over a host that every later step reads instead of scanning again: whether it is plain
 * (ASCII that no folding changes, see skeleton.ts isPlainHost) and its pieces (the non-empty runs
 * between dots and hyphens) with their label, their place in it and their hash (string-hash.ts).
 *
 * One scan is kept and refilled for each host (the engine is synchronous): the quick reject reads it,
 * then the host view takes its tokens from it (host-view.ts), so a host is cut and hashed once.
 */
export interface HostScan {
  host: string;
  /** No xn-- label, nothing skeletonOf would change (0, 1, rn, nn, vv, cl, non-ASCII). */
  plain: boolean;
  /** Number of pieces. */
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Index of the piece's label, and of the piece among its label's pieces. */
  label: Int32Array;
  part: Int32Array;
  /** hashString of the piece | 0, and 131^length | 0. */
  hash: Int32Array;
  power: Int32Array;
  /** The index key the piece alone spells (detectors/windows.ts): -1 none, -2 not asked yet. */
  key: Int32Array;
  /** DIGIT_* bits of the piece. */
  digits: Int32Array;
  /** Number of labels, and the position of the first dots (up to MAX_DOTS). */
  labels: number;
  dots: Int32Array;
  /** Position of the host's last dot or hyphen (-1 when none). */
  lastSeparator: number;
}

/** How many dot positions a scan keeps: enough for the shapes the quick reject reads (www.a.b). */
export const MAX_DOTS = 4;

function arrays(size: number) {
  return {
    start: new Int32Array(size),
    end: new Int32Array(size),
    label: new Int32Array(size),
    part: new Int32Array(size),
    hash: new Int32Array(size),
    power: new Int32Array(size),
    key: new Int32Array(size),
    digits: new Int32Array(size),
  };
}

const scan: HostScan = { host: '', plain: true, count: 0, labels: 0, dots: new Int32Array(MAX_DOTS), lastSeparator: -1, ...arrays(64) };

function grow(): void {
  const bigger = arrays(scan.start.length * 2);
  for (const k of ['start', 'end', 'label', 'part', 'hash', 'power', 'key', 'digits'] as const) {
    bigger[k].set(scan[k]);
    scan[k] = bigger[k];
  }
}

/** The piece holds a 3, 4, 5 or 7 (a digit that may be written for a letter). */
export const DIGIT_LEET = 1;
/** The piece starts or ends with a digit (a number may be stuck to a word). */
export const DIGIT_AT_EDGE = 2;

/** Scans `host` (lower case, as the URL parser or plainWebHost gives it) into the shared scan and returns it. */
export function scanHost(host: string): HostScan {
  let count = 0;
  let label = 0;
  let part = 0;
  let hash = 0;
  let power = 1;
  let plain = true;
  let prev = 0;
  let start = 0;
  let digits = 0;
  let lastSeparator = -1;
  for (let i = 0; i <= host.length; i++) {
    const c = i < host.length ? host.charCodeAt(i) : 46;
    if (c !== 46 && c !== 45) {
      hash = (Math.imul(hash, 131) + c) | 0;
      power = Math.imul(power, 131);
      // What skeletonOf folds: non-ASCII, 0 and 1, rn, nn, vv, cl (skeleton.ts mayFold); and xn--.
      if (c > 127 || c === 48 || c === 49 || (c === 110 && (prev === 114 || prev === 110)) || (c === 118 && prev === 118) || (c === 108 && prev === 99)) plain = false;
      if (c >= 48 && c <= 57) {
        if (c >= 51 && c <= 55 && c !== 54) digits |= DIGIT_LEET;
        if (i === start || i + 1 === host.length || host.charCodeAt(i + 1) === 46 || host.charCodeAt(i + 1) === 45) digits |= DIGIT_AT_EDGE;
      }
      prev = c;
      continue;
    }
    if (i > start) {
      if (count === scan.start.length) grow();
      scan.start[count] = start;
      scan.end[count] = i;
      scan.label[count] = label;
      scan.part[count] = part++;
      scan.hash[count] = hash;
      scan.power[count] = power;
      scan.key[count] = -2;
      scan.digits[count] = digits;
      count++;
    }
    // "xn--" anywhere (an IDN label, as isPlainHost asks).
    if (c === 45 && i >= 2 && host.charCodeAt(i + 1) === 45 && host.charCodeAt(i - 1) === 110 && host.charCodeAt(i - 2) === 120) plain = false;
    if (i < host.length) lastSeparator = i;
    if (c === 46) {
      if (label < MAX_DOTS) scan.dots[label] = i;
      label++;
      part = 0;
    }
    hash = 0;
    power = 1;
    digits = 0;
    prev = c;
    start = i + 1;
  }
  scan.host = host;
  scan.plain = plain;
  scan.count = count;
  scan.labels = label;
  scan.lastSeparator = lastSeparator;
  return scan;
}

/** The scan last made (its `host` says of which host). */
export function lastScan(): HostScan {
  return scan;
}
