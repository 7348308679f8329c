/**
 * Which one-letter replacements are plausible slips rather than another name: a key next to the right
 * one (QWERTY, QWERTZ or AZERTY), one vowel for another, a letter that looks the same in many fonts
 * (ameIi.fr arrives lower-cased as ameii.fr) or the digit that spells it (4meli), or one flipped bit
 * (bitsquatting). Used by the typo detector on short brands, where an arbitrary replaced letter mostly
 * spells some other real name (mammut for matmut, cardio for cardif).
 */
const LAYOUTS: readonly (readonly string[])[] = [
  ['1234567890-', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  ['1234567890-', 'qwertzuiop', 'asdfghjkl', 'yxcvbnm'],
  ['1234567890-', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'],
];
const VOWELS = 'aeiouy';
// Digits written for the letter they look like ("leet": 4meli, m4cif) count as look-alikes too.
const LOOK_ALIKE = ['il1j', 'o0', 'mn', 'uv', 'ce', 'gq', 'bd', 'sz5', 'g9', 'b68', 'a4', 'e3', 't7'];
const SIZE = 128;

function buildTable(): Uint8Array {
  const table = new Uint8Array(SIZE * SIZE);
  const mark = (a: string, b: string) => {
    if (a === b) return;
    table[a.charCodeAt(0) * SIZE + b.charCodeAt(0)] = 1;
    table[b.charCodeAt(0) * SIZE + a.charCodeAt(0)] = 1;
  };
  for (const rows of LAYOUTS) {
    // Staggered rows: a key touches its row neighbours, and two keys in the row above and below.
    rows.forEach((row, r) => {
      for (let c = 0; c < row.length; c++) {
        const here = row[c]!;
        for (const [dr, dc] of [[0, 1], [-1, 0], [-1, 1], [1, -1], [1, 0]] as const) {
          const other = rows[r + dr]?.[c + dc];
          if (other) mark(here, other);
        }
      }
    });
  }
  for (const group of [VOWELS, ...LOOK_ALIKE]) for (const a of group) for (const b of group) mark(a, b);
  const hostChars = 'abcdefghijklmnopqrstuvwxyz0123456789-';
  for (const a of hostChars) for (let bit = 0; bit < 7; bit++) {
    const flipped = String.fromCharCode(a.charCodeAt(0) ^ (1 << bit));
    if (hostChars.includes(flipped)) mark(a, flipped);
  }
  return table;
}
const PLAUSIBLE = buildTable();

/** Whether typing `typed` where `meant` was intended is a plausible slip (see above). */
export function isPlausibleReplacement(meant: number, typed: number): boolean {
  return meant < SIZE && typed < SIZE && PLAUSIBLE[meant * SIZE + typed] === 1;
}
