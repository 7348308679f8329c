import { describe, expect, it } from 'vitest';
import { lureWordForms } from '../lib/lure-forms';

describe('lure word forms', () => {
  it.each([
    ['assure', ['assure', 'assures', 'assuree', 'assurees']],
    ['adherent', ['adherente', 'adherents', 'adherentes']],
    ['plaintes', ['plainte']],
    ['remboursement', ['rembourssement', 'remmboursement', 'remboursementt', 'remboursements']],
    ['connexion', ['conexion', 'connexxion']],
  ])('%s has its feminine, plural and misspelt forms', (word, wanted) => {
    const forms = lureWordForms(word);
    expect(forms[0]).toBe(word);
    for (const w of wanted) expect(forms).toContain(w);
  });

  it.each([
    ['aide', 'aidde'], // short words get no misspelt forms
    ['rib', 'ribs'], // nor inflections under four letters
    ['espace-client', 'espace-cliennt'], // nor misspelt forms across a hyphen
  ])('%s has no form %s', (word, unwanted) => {
    expect(lureWordForms(word)).not.toContain(unwanted);
  });

  it('never removes or changes more than one letter, and never adds more than two', () => {
    for (const word of ['remboursement', 'verification', 'attestation', 'prestations', 'mise-a-jour']) {
      for (const form of lureWordForms(word)) expect(Math.abs(form.length - word.length)).toBeLessThanOrEqual(2);
    }
  });
});
