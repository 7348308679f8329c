/**
 * Text as words for keyword matching: invisible characters dropped, camelCase split, lower case,
 * accents removed, œ/æ spelled out, every run of other characters one space, trimmed ("N° de Sécu" → "n de secu", "numSecu" →
 * "num secu").
 *
 * One pass over the characters, without regular expressions or Unicode normalisation for the
 * common letters: it runs in the script every page loads, where each regular expression and the
 * first `normalize()` cost a fresh compilation (about a tenth of a millisecond each, measured with
 * Chromium's tracing). Rare letters outside the table take the `normalize('NFD')` route, so the
 * result is exactly that of the straightforward definition (test/text-fold.test.ts compares them).
 */

// Built at the first letter outside ASCII: the always-on page guard folds text, and most pages never
// need the table.
let folded: Record<string, string> | null = null;
const foldedTable = (): Record<string, string> =>
  (folded ??= {
    à: 'a', á: 'a', â: 'a', ã: 'a', ä: 'a', å: 'a',
    ç: 'c',
    è: 'e', é: 'e', ê: 'e', ë: 'e',
    ì: 'i', í: 'i', î: 'i', ï: 'i',
    ñ: 'n',
    ò: 'o', ó: 'o', ô: 'o', õ: 'o', ö: 'o',
    ù: 'u', ú: 'u', û: 'u', ü: 'u',
    ý: 'y', ÿ: 'y',
    œ: 'oe', æ: 'ae',
  });

const isLowerAscii = (c: number) => c >= 97 && c <= 122;
const isUpperAscii = (c: number) => c >= 65 && c <= 90;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Soft hyphen, zero-width space/joiners, word joiner and invisible operators, byte-order mark: kits put them inside words. */
const isInvisible = (c: number) => c === 0xad || (c >= 0x200b && c <= 0x200d) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff;

/** Letters and digits of a non-ASCII character once lower-cased and stripped of accents ('' if none). */
function foldRare(ch: string): string {
  const lower = ch.toLowerCase();
  const table = foldedTable()[lower];
  if (table !== undefined) return table;
  let out = '';
  for (const d of lower.normalize('NFD')) {
    const c = d.charCodeAt(0);
    if (c >= 0x300 && c <= 0x36f) continue; // combining accent
    if (d === 'œ') out += 'oe';
    else if (d === 'æ') out += 'ae';
    else if (isLowerAscii(c) || isDigit(c)) out += d;
    else out += ' ';
  }
  return out;
}

export function foldWords(s: string, max = 2000): string {
  const n = Math.min(s.length, max);
  let out = '';
  let pendingSpace = false;
  const emit = (t: string) => {
    if (pendingSpace && out) out += ' ';
    pendingSpace = false;
    out += t;
  };
  let afterLower = false; // the last visible character was a-z (camelCase split)
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isLowerAscii(c) || isDigit(c)) emit(s[i]!);
    else if (isUpperAscii(c)) {
      if (afterLower) pendingSpace = true;
      emit(String.fromCharCode(c + 32));
    } else if (c < 128) pendingSpace = true;
    else if (isInvisible(c)) continue; // "Num\u200Béro", "Crypto\u00ADgramme": one word, as it reads
    else {
      const f = foldRare(s[i]!);
      // A folded piece may hold separators of its own (a letter that decomposes into a symbol).
      for (let j = 0; j < f.length; j++) {
        if (f[j] === ' ') pendingSpace = true;
        else emit(f[j]!);
      }
    }
    afterLower = isLowerAscii(c);
  }
  return out;
}
