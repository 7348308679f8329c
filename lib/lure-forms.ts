/**
 * The spellings of a lure word that a phisher writes next to a brand: the list keeps one form of each
 * word ("assure", "attestation"), kits write it feminine or plural ("ameli-assuree",
 * "attestations-ameli") or misspelt by one doubled or undoubled letter ("ameli-rembourssement").
 * These forms only ever count next to a brand: a lure word alone flags nothing.
 */

/** Shorter words get no misspelt forms: "aide" doubled is too close to other words. */
const MIN_MISSPELT_LENGTH = 7;
/** Feminine and plural endings, added to words of four or more letters ("info" → "infos"). */
const ENDINGS = ['s', 'e', 'es'];
const MIN_INFLECTED_LENGTH = 4;

/** Every form of `word` (lower-case ASCII letters, maybe hyphens): itself, inflected, one letter doubled or undoubled. */
export function lureWordForms(word: string): string[] {
  const forms = new Set([word]);
  const letters = word.replace(/-/g, '');
  if (letters.length >= MIN_INFLECTED_LENGTH && /[a-z]$/.test(word)) {
    // (Folded, "assuré" is "assure": its feminine is "assuree".) A plural in the list ("plaintes")
    // stands for its singular instead.
    if (!word.endsWith('s')) for (const end of ENDINGS) forms.add(word + end);
    else if (letters.length > MIN_INFLECTED_LENGTH) forms.add(word.slice(0, -1));
  }
  if (letters.length >= MIN_MISSPELT_LENGTH && !word.includes('-')) {
    for (let i = 0; i < word.length; i++) {
      const c = word[i]!;
      if (c === word[i + 1]) forms.add(word.slice(0, i) + word.slice(i + 1)); // "conexion"
      else if (c !== word[i - 1]) forms.add(word.slice(0, i + 1) + c + word.slice(i + 1)); // "rembourssement"
    }
  }
  return [...forms];
}
