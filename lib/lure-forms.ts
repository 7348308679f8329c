/**
 * The spellings of a lure word that a phisher writes next to a brand. The list keeps one form of each
 * word ("assure", "attestation"); kits write it feminine or plural ("ameli-assuree",
 * "attestations-ameli"), or misspelt by one doubled or undoubled letter ("ameli-rembourssement").
 * These forms only ever count next to a brand: a lure word alone flags nothing.
 */

/** Feminine and plural endings, added to words of four or more letters ("info" → "infos"). */
const ENDINGS = ['s', 'e', 'es'];
const MIN_INFLECTED_LENGTH = 4;
/** Shorter pieces are not read as misspelt: "aide" doubled is too close to other words. */
export const MIN_MISSPELT_LENGTH = 7;

/** `word` (lower-case ASCII letters, maybe hyphens) and its feminine and plural forms. */
export function lureWordForms(word: string): string[] {
  const forms = [word];
  if (word.replace(/-/g, '').length < MIN_INFLECTED_LENGTH || !/[a-z]$/.test(word)) return forms;
  // (Folded, "assuré" is "assure": its feminine is "assuree".) A plural in the list ("plaintes")
  // stands for its singular instead.
  if (!word.endsWith('s')) for (const end of ENDINGS) forms.push(word + end);
  else if (word.length > MIN_INFLECTED_LENGTH + 1) forms.push(word.slice(0, -1));
  return forms;
}

/** A letter dropped anywhere is read only in words this long: shorter ones are too close to other words. */
export const MIN_DROPPED_LENGTH = 9;

/**
 * Whether `piece` is a word of `words` misspelt once as kits do: one letter doubled or one doubled
 * letter written once ("rembourssement", "conexion"), two letters swapped ("acceuil", "actaulisation"),
 * or, in a word of nine letters or more, any letter dropped ("renouvellment", "actalisation"). Asked
 * only of a piece next to a brand that found no lure word, so that the index holds one form per word
 * and ordinary hosts never pay for this.
 */
export function isMisspeltWord(piece: string, words: ReadonlySet<string>, dropped: ReadonlySet<string>): boolean {
  const n = piece.length;
  // (A form of a word is no misspelling of another form: "maladie" inside the brand "assurance-maladie".)
  if (n < MIN_MISSPELT_LENGTH || words.has(piece)) return false;
  for (let i = 0; i < n; i++) {
    const c = piece[i]!;
    if (c === piece[i + 1]) {
      if (words.has(piece.slice(0, i) + piece.slice(i + 1))) return true;
    } else {
      if (c !== piece[i - 1] && words.has(piece.slice(0, i + 1) + c + piece.slice(i + 1))) return true;
      if (i + 1 < n && words.has(piece.slice(0, i) + piece[i + 1] + c + piece.slice(i + 2))) return true;
    }
  }
  return n + 1 >= MIN_DROPPED_LENGTH && dropped.has(piece);
}

/** Every word of `words` of MIN_DROPPED_LENGTH letters or more, with one letter dropped (the index keeps them: one lookup per piece). */
export function droppedLetterForms(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    if (w.length < MIN_DROPPED_LENGTH) continue;
    for (let i = 0; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1));
  }
  return out;
}
