/**
 * Polynomial string hashes (mod 2^32) that let the typo detector look up every one-character deletion
 * of a name without building the strings: hash(s without s[i]) = prefix(i) · B^(n-1-i) + suffix(i+1).
 * Collisions are harmless: every hit is confirmed with a real edit distance.
 */
const B = 131;

export function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, B) + s.charCodeAt(i)) >>> 0;
  return h;
}

// Reused buffers: the hot path allocates nothing.
let prefix = new Uint32Array(65);
let suffix = new Uint32Array(66);
let powers = new Uint32Array(66);
let out = new Uint32Array(64);
powers[0] = 1;
for (let i = 1; i < powers.length; i++) powers[i] = Math.imul(powers[i - 1]!, B) >>> 0;

/**
 * Hashes of each one-character deletion of `s`, in order, in a shared buffer (valid until the next call):
 * `deletionHashes(s)[i]` is `hashString(s without s[i])` for i < s.length.
 */
export function deletionHashes(s: string): Uint32Array {
  const n = s.length;
  if (n + 2 > suffix.length) {
    prefix = new Uint32Array(n + 1);
    suffix = new Uint32Array(n + 2);
    out = new Uint32Array(n);
    const p = new Uint32Array(n + 2);
    p[0] = 1;
    for (let i = 1; i < p.length; i++) p[i] = Math.imul(p[i - 1]!, B) >>> 0;
    powers = p;
  }
  // prefix[i] = hash(s[0..i)), suffix[i] = hash(s[i..n))
  prefix[0] = 0;
  for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i]!, B) + s.charCodeAt(i)) >>> 0;
  suffix[n] = 0;
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(s.charCodeAt(i), powers[n - 1 - i]!) + suffix[i + 1]!) >>> 0;
  for (let i = 0; i < n; i++) out[i] = (Math.imul(prefix[i]!, powers[n - 1 - i]!) + suffix[i + 1]!) >>> 0;
  return out;
}
