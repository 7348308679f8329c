import { defaultList } from '../lib/default-list';
import { describe, expect, it } from 'vitest';
import { buildBrandMatcherData, findBrandMentions, matchBrands, normalizeText } from '../lib/brand-matcher';
import { testList } from './fixtures/brand-test-list';

const data = buildBrandMatcherData(testList);

describe('normalizeText', () => {
  it.each([
    ['Sécurité Sociale', 'securite sociale'],
    ["L'Assurance Maladie", 'l assurance maladie'],
    ['logo-ameli.svg', 'logo ameli svg'],
    // Read as a reader sees it: Greek or Cyrillic look-alikes inside a Latin word, invisible characters.
    ['Amеli - Mon compte', 'ameli mon compte'], // Cyrillic е
    ['АМЕLI', 'ameli'], // Cyrillic А, М, Е
    ['Harmοnie Mutuelle', 'harmonie mutuelle'], // Greek ο
    ['am\u00ADeli', 'ameli'], // soft hyphen
    ['ame\u200Bli\u200D', 'ameli'], // zero-width space and joiner
    ['Аха, привет', ''], // a word wholly in Cyrillic is left alone (not "axa")
    ['Москва Amеli', 'ameli'], // the Latin word is read, the Russian one dropped as before
    ['numSecuSociale', 'num secu sociale'],
    ['  Œuvre   ', 'oeuvre'],
  ])('%s → %s', (input, out) => {
    expect(normalizeText(input)).toBe(out);
  });
});

describe('buildBrandMatcherData', () => {
  const byId = Object.fromEntries(data.orgs.map((o) => [o.id, o]));
  it('keeps distinctive names and brand tokens, "-" as space, accents stripped', () => {
    expect(byId['assurance-maladie']!.variants).toEqual(expect.arrayContaining(['ameli', 'compte ameli', 'assurance maladie', 'cpam']));
    expect(byId['malakoff-humanis']!.variants).toEqual(expect.arrayContaining(['malakoff humanis', 'humanis', 'malakoffhumanis']));
  });
  it('drops a single common word that is not the whole name ("harmonie")', () => {
    const hm = byId['harmonie-mutuelle']!;
    const all = [...hm.variants, ...(hm.strict ?? []), ...(hm.generic ?? [])];
    expect(all).not.toContain('harmonie');
    expect(byId['harmonie-mutuelle']!.variants).toContain('harmonie mutuelle');
  });
  it('makes short acronyms and common-word names strict, common-word brand phrases generic', () => {
    expect(byId['mma']!.strict).toEqual(['mma']);
    expect(byId['mma']!.variants).toEqual([]);
    expect(byId['alan']!.strict).toEqual(['alan']);
    expect(byId['mon-espace-sante']!.strict).toContain('mon espace sante');
    expect(byId['assurance-maladie']!.generic).toEqual(['carte vitale']);
  });
  it('drops name parts made of common words ("portail des professionnels de santé")', () => {
    expect(byId['viamedis']!.variants).toContain('viamedis');
    expect(byId['viamedis']!.variants).not.toContain('portail des professionnels de sante');
    expect(byId['viamedis']!.generic ?? []).not.toContain('portail des professionnels de sante');
    // Empty lists are left out of the wire format.
    expect(byId['viamedis']).not.toHaveProperty('strict');
  });
  it('keeps primary domain first', () => {
    expect(byId['assurance-maladie']!.domains[0]).toBe('ameli.fr');
  });
});

describe('findBrandMentions', () => {
  it.each<[string, string[]]>([
    ['Connexion - ameli', ['assurance-maladie']],
    ['ameli.fr : mon compte', ['assurance-maladie']],
    ["L'Assurance Maladie", ['assurance-maladie']],
    ['Espace adhérent Harmonie Mutuelle', ['harmonie-mutuelle']],
    ['logo_malakoff_humanis.png', ['malakoff-humanis']],
    ['Bienvenue chez MGEN et Harmonie Mutuelle', ['mgen', 'harmonie-mutuelle']],
    // Whole words only: substrings never match.
    ['Camelia fleurs', []],
    ['amelie poulain', []],
    ['Harmonie municipale de Lyon', []],
    ['Orchestre Harmonie', []],
    // Short acronyms and common-word names never count in running text.
    ['MMA : le combat de la soirée', []],
    ['Alan Turing', []],
    // The NIR label is not the "Sécurité sociale" organisation.
    ['Numéro de sécurité sociale', []],
    ['N° de sécu', []],
    // Generic phrases are not reported as mentions by this helper.
    ['Arnaque à la carte Vitale', []],
    ['', []],
  ])('%s', (text, ids) => {
    expect(findBrandMentions(text, data)).toEqual(ids);
  });

  it('huge input costs a bounded amount and still works on the head', () => {
    const text = 'ameli ' + 'x '.repeat(1_000_000);
    const t0 = performance.now();
    expect(findBrandMentions(text, data)).toEqual(['assurance-maladie']);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});

describe('matchBrands', () => {
  it('reports strict ids only in identity mode, and only then', () => {
    expect(matchBrands('MMA', data).strictIds).toEqual([]);
    expect(matchBrands('MMA', data, { identity: true }).strictIds).toEqual(['mma']);
    expect(matchBrands('Alan', data, { identity: true }).strictIds).toEqual(['alan']);
  });
  it('reports generic ids and the uncovered words', () => {
    const m = matchBrands('Renouvellement de votre carte Vitale', data);
    expect(m.genericIds).toEqual(['assurance-maladie']);
    expect(m.ids).toEqual([]);
    expect(m.rest).toEqual(['renouvellement', 'de', 'votre']);
  });
  it('leaves nothing but page chrome around a brand in a login title', () => {
    expect(matchBrands('Connexion à mon compte ameli', data).rest).toEqual(['connexion', 'a', 'mon']);
  });
});

describe('real list', () => {
  // Measured on the curated list so the content-script payload stays small.
  const list = defaultList;
  it('matcher data is under 20 KB of JSON and keeps every organisation with a usable name', () => {
    const real = buildBrandMatcherData(list);
    expect(JSON.stringify(real).length).toBeLessThan(20_000);
    expect(real.orgs.length).toBeGreaterThan(list.organizations.length * 0.9);
    expect(findBrandMentions('Connexion - ameli', real)).toEqual(['assurance-maladie']);
  });
});
