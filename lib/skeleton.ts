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
// Chromium's extra map for Cyrillic and Greek letters that UTS #39 leaves alone: к→k, н→h, т→t, в/ь→b…,
// and Greek letters read as Latin in URL fonts (κlesia, μ for u as in "mμtuelle"), and two Cyrillic
// letters of minority languages drawn as g and ɛ (Komi ԍ in "арԍіѕ" for apgis, reversed ze ԑ).
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  'к': 'k', 'н': 'h', 'т': 't', 'ь': 'b', 'в': 'b', 'ш': 'w', 'щ': 'w', 'ω': 'w', 'м': 'm', 'є': 'e',
  'κ': 'k', 'ĸ': 'k', 'τ': 't', 'ε': 'e', 'β': 'b', 'μ': 'u', 'ԍ': 'g', 'ԑ': 'e',
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

/** The full fold: each character mapped, then decomposed, marks dropped, lower-cased. */
function foldSlowly(label: string): string {
  let out = '';
  for (const ch of label) out += EXTRA_FOLDS[ch] ?? CONFUSABLE[ch] ?? ch;
  return out.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/**
 * What foldUnicode gives for one character, for every character where it is plain ASCII whatever
 * surrounds it: the mapped ones (always ASCII) and accented Latin letters that decompose into one ASCII
 * letter followed by marks only (é → e). Lets most labels skip decomposition and the mark pattern.
 */
const FOLD_ONE = new Map<number, string>();
for (const ch of [...Object.keys(CONFUSABLE), ...Object.keys(EXTRA_FOLDS)]) {
  const mapped = EXTRA_FOLDS[ch] ?? CONFUSABLE[ch]!;
  const cp = ch.codePointAt(0)!;
  // One UTF-16 unit, not a surrogate: the loop below reads code units.
  if (ch.length === 1 && (cp < 0xd800 || cp > 0xdfff) && /^[\x00-\x7f]*$/.test(mapped)) FOLD_ONE.set(cp, mapped);
}
for (let cp = 0x80; cp <= 0x24f; cp++) {
  const ch = String.fromCodePoint(cp);
  if (FOLD_ONE.has(cp) || EXTRA_FOLDS[ch] !== undefined || CONFUSABLE[ch] !== undefined) continue;
  const d = ch.normalize('NFD');
  if (d.length > 1 && d.charCodeAt(0) < 128 && /^\p{M}+$/u.test(d.slice(1))) FOLD_ONE.set(cp, d[0]!);
}

/** Folds a Unicode label to its ASCII reading (confusables + accents), without the ASCII lookalike step. */
export function foldUnicode(label: string): string {
  if (!NEEDS_UNICODE_FOLD.test(label)) return label;
  // Character by character when each one folds to ASCII on its own (the same result: nothing is left
  // for decomposition to reorder or for the mark pattern to drop); otherwise the full fold.
  let out = '';
  let from = 0;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c < 128 && c !== 124) continue; // '|' is the one ASCII confusable
    const one = FOLD_ONE.get(c);
    if (one === undefined) return foldSlowly(label);
    out += label.slice(from, i) + one;
    from = i + 1;
  }
  return (out + label.slice(from)).toLowerCase();
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

/** Whether a host is plain: no xn-- label and nothing skeletonOf would change (see mayFold). */
export function isPlainHost(host: string): boolean {
  return !host.includes('xn--') && !mayFold(host);
}

export function skeletonOf(label: string): string {
  if (!mayFold(label)) return label; // most labels: one scan, no allocation
  return skeletonOfFolded(foldUnicode(label));
}

const isOther = (c: number) => c >= 50 && c <= 57; // 2-9

/**
 * s.replace(DIGIT_LOOKALIKE_RUN, toLetters) without the pattern: each run of 0/1 not preceded by 2-9
 * becomes letters, all of it when no 2-9 follows, else all but its last digit (the pattern's greedy
 * match backing off one digit); a run preceded by 2-9 is taken from its second digit.
 */
function digitRunsToLetters(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if ((c !== 48 && c !== 49) || (i > 0 && isOther(s.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < s.length && (s.charCodeAt(end) === 48 || s.charCodeAt(end) === 49)) end++;
    const take = end < s.length && isOther(s.charCodeAt(end)) ? end - i - 1 : end - i;
    if (take < 1) {
      i++;
      continue;
    }
    out += s.slice(from, i) + toLetters(s.slice(i, i + take));
    i += take;
    from = i;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** skeletonOf(label) given foldUnicode(label) (the same for every label). */
export function skeletonOfFolded(folded: string): string {
  let s = folded;
  // Digits first, so that a sequence they complete is folded too ("lc1" → "lcl" → "ld", like "lcl").
  if (s.includes('0') || s.includes('1')) s = digitRunsToLetters(s);
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

/** The string without its hyphens (the same string when it has none). */
export function withoutHyphens(s: string): string {
  let dash = s.indexOf('-');
  if (dash < 0) return s;
  let out = s.slice(0, dash);
  for (;;) {
    const next = s.indexOf('-', dash + 1);
    if (next < 0) return out + s.slice(dash + 1);
    out += s.slice(dash + 1, next);
    dash = next;
  }
}

/** Unicode form of a label from the URL parser ("xn--…" decoded), or the label itself. */
export function unicodeLabel(label: string): string {
  return label.startsWith('xn--') ? (decodePunycodeLabel(label.slice(4)) ?? label) : label;
}

/** Whether the label still holds characters outside [a-z0-9-] once decoded (an IDN label). */
export function isIdnLabel(label: string): boolean {
  return label.startsWith('xn--') && NEEDS_UNICODE_FOLD.test(unicodeLabel(label));
}

/** Whether the string holds a character outside ASCII. */
export function hasNonAscii(s: string): boolean {
  return NEEDS_UNICODE_FOLD.test(s);
}
