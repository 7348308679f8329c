import confusables from './data/confusables.json';
import { decodePunycodeLabel } from './punycode';

/**
 * Skeleton of a hostname label: what a reader sees, reduced to plain ASCII, so that `аmeli` (Cyrillic а),
 * `amélі`, `arneli` and `ame1i` all read as `ameli`. Both sides (brands and visited hosts) go through the
 * same function, so over-eager folding (rn→m in a brand) cancels out.
 */
const CONFUSABLE: Readonly<Record<string, string>> = confusables;

// Letters that NFD does not decompose but readers take for the plain letter.
// ӏ (Cyrillic palochka) is listed as "i" by UTS #39 but reads as "l" in most URL fonts, as Chromium notes.
// Chromium's extra map for Cyrillic and Greek letters that UTS #39 leaves alone: к→k, н→h, т→t, в/ь→b…
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  'к': 'k', 'н': 'h', 'т': 't', 'ь': 'b', 'в': 'b', 'ш': 'w', 'щ': 'w', 'ω': 'w', 'м': 'm', 'є': 'e',
  'ӏ': 'l', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ŧ': 't', 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'ı': 'i' };

// ASCII sequences that pass for another letter in most fonts (applied after Unicode folding).
const ASCII_LOOKALIKES: ReadonlyArray<readonly [string, string]> = [
  ['nn', 'm'], // before rn: "cybernnalveillance" must read "cybermalveillance"
  ['rn', 'm'],
  ['vv', 'w'],
  ['cl', 'd'],
];
// 0→o and 1→l only for runs of 0/1 that are not part of a larger number: g00gle, ame1i, but 2024, 17cyber stay.
const DIGIT_LOOKALIKE_RUN = /(?<![2-9])[01]+(?![2-9])/g;
const toLetters = (run: string) => run.replaceAll('0', 'o').replaceAll('1', 'l');

const NEEDS_UNICODE_FOLD = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}/gu;

/** Folds a Unicode label to its ASCII reading (confusables + accents), without the ASCII lookalike step. */
export function foldUnicode(label: string): string {
  if (!NEEDS_UNICODE_FOLD.test(label)) return label;
  let out = '';
  for (const ch of label) out += EXTRA_FOLDS[ch] ?? CONFUSABLE[ch] ?? ch;
  return out.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Skeleton of an ASCII-or-Unicode label (already lower case). */
/** Whether a label could change under skeletonOf: non-ASCII, 0/1, or one of the letter pairs. */
export function mayFold(label: string): boolean {
  let prev = 0;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c > 127 || c === 48 || c === 49) return true;
    // rn, nn, vv, cl
    if ((c === 110 && (prev === 114 || prev === 110)) || (c === 118 && prev === 118) || (c === 108 && prev === 99)) return true;
    prev = c;
  }
  return false;
}

export function skeletonOf(label: string): string {
  if (!mayFold(label)) return label; // most labels: one scan, no allocation
  let s = foldUnicode(label);
  // Digits first, so that a sequence they complete is folded too ("lc1" → "lcl" → "ld", like "lcl").
  if (s.includes('0') || s.includes('1')) s = s.replace(DIGIT_LOOKALIKE_RUN, toLetters);
  for (let i = 0; i < ASCII_LOOKALIKES.length; i++) {
    const [from, to] = ASCII_LOOKALIKES[i]!;
    if (s.includes(from)) s = s.replaceAll(from, to);
  }
  return s;
}

/**
 * Other plausible readings of a label when one character sequence can be read two ways: "1" as "i"
 * (`serv1ce-publ1c`) rather than "l", and "rnn" as "mn" (`rnnt` for mnt) rather than "rm". Empty for
 * almost every label, so the homoglyph detector pays nothing for them.
 */
export function alternativeSkeletons(label: string): string[] {
  const out: string[] = [];
  if (label.includes('1')) out.push(skeletonOf(foldUnicode(label).replace(/(?<![2-9])1(?![2-9])/g, 'i')));
  if (label.includes('rnn')) out.push(skeletonOf(foldUnicode(label).replaceAll('rn', 'm')));
  return out;
}

/** Unicode form of a label from the URL parser ("xn--…" decoded), or the label itself. */
export function unicodeLabel(label: string): string {
  return label.startsWith('xn--') ? (decodePunycodeLabel(label.slice(4)) ?? label) : label;
}

/** Whether the label still holds characters outside [a-z0-9-] once decoded (an IDN label). */
export function isIdnLabel(label: string): boolean {
  return label.startsWith('xn--') && NEEDS_UNICODE_FOLD.test(unicodeLabel(label));
}
