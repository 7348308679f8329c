import { describe, expect, it } from 'vitest';
import { droppedLetterForms, isMisspeltWord, lureWordForms } from '../lib/lure-forms';

describe('lure word forms', () => {
  it.each([
    ['assure', ['assure', 'assures', 'assuree', 'assurees']],
    ['adherent', ['adherent', 'adherents', 'adherente', 'adherentes']],
    ['plaintes', ['plaintes', 'plainte']],
    ['mise-a-jour', ['mise-a-jour', 'mise-a-jours', 'mise-a-joure', 'mise-a-joures']],
    ['rib', ['rib']], // no endings under four letters
  ])('%s: %j', (word, forms) => {
    expect(lureWordForms(word)).toEqual(forms);
  });
});

describe('misspelt lure words', () => {
  const words = new Set(['remboursement', 'connexion', 'attestation', 'aide', 'renouvellement', 'accueil', 'actualisation', 'maladie', 'maladiee']);
  it.each([
    ['rembourssement', true], // a letter doubled
    ['remboursementt', true],
    ['conexion', true], // a doubled letter written once
    ['atestation', true],
    ['remboursement', false], // the word itself is not a misspelling of it
    ['maladie', false], // nor a form of another word's (maladiee)
    ['rembourxement', false], // a letter changed
    ['remboursemen', true], // a letter dropped, in a long word
    ['renouvellment', true],
    ['acceuil', true], // two letters swapped
    ['actaulisation', true],
    ['aceuil', false], // a letter dropped in a short word
    ['aidde', false], // too short to read so
    ['assurance', false],
  ])('%s → %s', (piece, expected) => {
    expect(isMisspeltWord(piece, words, droppedLetterForms(words))).toBe(expected);
  });
});
