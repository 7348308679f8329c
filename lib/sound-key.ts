/**
 * How a French reader would say a name, as a key: two spellings with one key sound alike
 * ("viamedice" and "viamedis", "jenerali" and "generali", "santeclere" and "santeclair"). A kit that
 * misspells a brand by ear slips past edit distance (two or three letters change) but not past this.
 * Coarse on purpose, and only ever compared with the keys of typo-eligible brands; real words with a
 * brand's key are namesakes (lib/data/namesakes.json), as for typos.
 *
 * One pass over the name: ph → f; qu, q, ck, c (but before e, i, y, or in ch) → k; c before e, i, y
 * → s; gu before e, i, y → g; g before e, i, y → j; x → ks; y → i; z → s; eau, au → o; ai, ei (not
 * before a vowel) → e; a silent h dropped; doubled letters once; then a final e, and after it a final
 * s, t, x or d, dropped. It runs on many hosts (every name the typo search looks at), so the key is
 * written into a shared buffer and hashed; a string is made only when the hash matches a brand's.
 */
const isSoft = (c: number) => c === 101 || c === 105 || c === 121; // e, i, y
const isVowel = (c: number) => c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;

let out = new Uint8Array(64);
let length = 0;

function put(c: number): void {
  if (length === 0 || out[length - 1] !== c) out[length++] = c;
}

/** Writes the key of `name` into the buffer (its first `max` characters only, when given); returns its length. */
function fill(name: string, max = Infinity): number {
  const n = name.length;
  if (out.length < 2 * n + 2) out = new Uint8Array(2 * n + 2);
  length = 0;
  for (let i = 0; i < n && length < max; i++) {
    const c = name.charCodeAt(i);
    const next = i + 1 < n ? name.charCodeAt(i + 1) : 0;
    switch (c) {
      case 112: // p
        if (next === 104) {
          put(102);
          i++;
        } else put(c);
        break;
      case 113: // q
        put(107);
        if (next === 117) i++;
        break;
      case 99: // c
        if (next === 107) {
          put(107);
          i++;
        } else if (next === 104) put(99);
        else put(isSoft(next) ? 115 : 107);
        break;
      case 103: // g
        if (next === 117 && i + 2 < n && isSoft(name.charCodeAt(i + 2))) {
          put(103);
          i++;
        } else put(isSoft(next) ? 106 : 103);
        break;
      case 120: // x
        put(107);
        put(115);
        break;
      case 121: // y
        put(105);
        break;
      case 122: // z
        put(115);
        break;
      case 104: // h: kept after c and s only
        if (length > 0 && (out[length - 1] === 99 || out[length - 1] === 115)) put(c);
        break;
      case 97: // a
      case 101: // e
        if (c === 101 && next === 97 && i + 2 < n && name.charCodeAt(i + 2) === 117) {
          put(111); // eau
          i += 2;
        } else if (c === 97 && next === 117) {
          put(111); // au
          i++;
        } else if ((next === 105 || next === 121) && !isVowel(i + 2 < n ? name.charCodeAt(i + 2) : 0)) {
          put(101); // ai, ei
          i++;
        } else put(c);
        break;
      default:
        put(c);
    }
  }
  if (length >= max) return length;
  if (length > 4 && out[length - 1] === 101) length--;
  if (length > 4) {
    const last = out[length - 1];
    if (last === 115 || last === 116 || last === 120 || last === 100) length--;
  }
  return length;
}

function hashOfBuffer(): number {
  let h = 0;
  for (let i = 0; i < length; i++) h = (Math.imul(h, 131) + out[i]!) >>> 0;
  return h;
}

export function soundKey(name: string): string {
  fill(name);
  return String.fromCharCode(...out.subarray(0, length));
}

/** The hash of soundKey(name) (string-hash.ts hashString of it), and the key's length via soundKeyLength(). */
export function soundHash(name: string): number {
  fill(name);
  return hashOfBuffer();
}

/** The length of the key soundHash last read. */
export function soundKeyLength(): number {
  return length;
}

/**
 * The first two characters of soundKey(name) as one number (c0 * 256 + c1), read from the first
 * letters only: a cheap gate before the whole key (keys of five or more characters have two).
 */
export function soundHead(name: string): number {
  fill(name, 2);
  return length < 2 ? -1 : out[0]! * 256 + out[1]!;
}
