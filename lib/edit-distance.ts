/**
 * Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring),
 * bounded: returns max + 1 as soon as the distance must exceed `max`. Transpositions count as one edit,
 * which is how people mistype (`aemli`). Rows live in reused buffers: this runs on the hot path.
 */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

export function boundedOsaDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (a === b) return 0;
  // One edit at most (the common case on the hot path): compare around the first difference, no table.
  if (max === 1) return withinOneEdit(a, b) ? 1 : 2;
  if (max <= 0) return max + 1;
  // A shared head and tail cost nothing: measure only what lies between them.
  let from = 0;
  while (from < la && from < lb && a.charCodeAt(from) === b.charCodeAt(from)) from++;
  let endA = la;
  let endB = lb;
  while (endA > from && endB > from && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  if (from > 0 || endA < la) return middleDistance(a.slice(from, endA), b.slice(from, endB), max);
  return middleDistance(a, b, max);
}

function middleDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return la + lb <= max ? la + lb : max + 1;
  if (lb + 1 > rowA.length) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
    rowC = new Int32Array(lb + 1);
  }
  let prevPrev = rowA;
  let prev = rowB;
  let curr = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    curr[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prevPrev[j - 2]! + 1);
      curr[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prevPrev;
    prevPrev = prev;
    prev = curr;
    curr = t;
  }
  return prev[lb]! <= max ? prev[lb]! : max + 1;
}

/** Whether a[from..] and b[from + shift..] (shift -1, 0 or 1) are the same characters to the end of both. */
function sameTail(a: string, from: number, b: string, shift: number): boolean {
  if (a.length - from !== b.length - from - shift) return false;
  for (let i = from; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i + shift)) return false;
  return true;
}

/**
 * Whether two different strings are one OSA edit apart: one substitution, insertion, deletion, or swap
 * of two adjacent characters. Everything before the first difference is shared; one edit at that spot
 * must make the rest line up.
 */
function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  const n = la < lb ? la : lb;
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (sameTail(a, i + 1, b, 0)) return true; // substitution at i
    return i + 1 < la && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameTail(a, i + 2, b, 0);
  }
  if (la === lb + 1) return sameTail(a, i + 1, b, -1); // a has one extra character at i
  if (lb === la + 1) return sameTail(a, i, b, 1); // b has one extra character at i
  return false;
}

/** All strings obtained by deleting exactly one character (the deletion neighbourhood of radius 1). */
export function deletions1(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}
