/**
 * Recall of the engine on a generated lookalike corpus over the WHOLE bundled list (every organisation,
 * every domain), per fuzzer family. The table is printed so CI logs show it; thresholds were set after
 * measuring and are meant to fail when a detector regresses.
 */
import { describe, expect, it } from 'vitest';
import { domainToASCII } from 'node:url';
import { createEngine } from '../lib/engine';
import { defaultList } from '../lib/default-list';
import { validateList } from '../lib/list-schema';
import { buildCorpus, fuzzDomain, FUZZERS, type Variant } from './corpus/fuzzers';
import { formatRecallTable, measureRecall, totalRow } from './corpus/measure';

// ---------------------------------------------------------------------------------------------
// The generator itself, on a test-only list (so these cases survive list updates).

const testList = validateList({
  schema: 1,
  version: 1,
  generatedAt: '2026-01-01',
  expiresAt: '2027-01-01',
  keywords: ['compte', 'remboursement', 'moncompte', 'espace', 'carte-vitale'],
  organizations: [
    { id: 'cnam', name: 'Assurance Maladie', category: 'public', domains: ['ameli.fr'], brands: ['ameli', 'carte-vitale'] },
    { id: 'axa', name: 'AXA', category: 'insurer', domains: ['axa.fr'], brands: ['axa'] },
    // amelie.fr is official here only to prove that variants official for another org are dropped.
    { id: 'other', name: 'Other', category: 'insurer', domains: ['amelie.fr', 'harmonie-mutuelle.fr'], brands: ['harmonie-mutuelle'] },
  ],
});

describe('lookalike generator (test/corpus/fuzzers.ts)', () => {
  const corpus = buildCorpus(testList);
  const hosts = (f: string) => new Set(corpus.filter((v) => v.fuzzer === f).map((v) => v.host));

  it('is deterministic and deduplicated', () => {
    const again = buildCorpus(testList);
    expect(again.map((v) => v.url)).toEqual(corpus.map((v) => v.url));
    const keys = corpus.map((v) => `${v.host} ${v.unicodeForm}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['omission', 'amel.fr'],
    ['omission', 'aeli.fr'],
    ['insertion', 'a2meli.fr'],
    ['insertion', 'amelio.fr'], // "o" is a QWERTY/AZERTY neighbour of "i"
    ['insertion', 'aqmeli.fr'], // AZERTY: q sits right under a
    ['replacement', 'akeli.fr'],
    ['replacement', 'qmeli.fr'], // AZERTY: a → q
    ['repetition', 'amelli.fr'],
    ['transposition', 'aemli.fr'],
    ['hyphenation', 'ame-li.fr'],
    ['vowel-swap', 'amele.fr'],
    ['vowel-swap', 'omeli.fr'],
    ['addition', 'ameli1.fr'],
    ['homoglyph-ascii', 'arneli.fr'],
    ['homoglyph-ascii', 'ame1i.fr'],
    ['homoglyph-ascii', 'harrnonie-mutuelle.fr'],
    ['homoglyph-unicode', domainToASCII('аmeli.fr')], // Cyrillic а
    ['homoglyph-unicode', domainToASCII('аха.fr')], // whole-script Cyrillic
    ['homoglyph-accent', domainToASCII('améli.fr')],
    ['homoglyph-accent', domainToASCII('axà.fr')],
    ['tld-swap', 'ameli.com'],
    ['tld-swap', 'ameli.com.fr'],
    ['embedding', 'ameli.fr.srv-4821.com'],
    ['embedding', 'ameli-fr.com'],
    ['embedding', 'www-ameli-fr.com'],
    ['embedding', 'amelifr-web.com'],
    ['embedding', 'amelifr-compte.com'],
    ['embedding', 'ameli-fr-remboursement.net'],
    ['embedding', 'login.ameli.fr.h7k2p.net'],
    ['embedding-tail', 'www-ameli.fr'],
    ['combosquat', 'compte-ameli.*'],
    ['combosquat', 'ameli-remboursement.*'],
    ['combosquat', 'moncompteameli.*'],
    ['combosquat', 'carte-vitale-remboursement.*'],
    ['combosquat', 'axa-compte.*'],
    ['free-hosting', 'ameli.netlify.app'],
    ['free-hosting', 'harmonie-mutuelle.web.app'],
    ['free-hosting', 'ameli.github.io'],
    ['free-hosting', 'ameli.000webhostapp.com'],
    ['free-hosting-combo', 'remboursement-carte-vitale.blogspot.com'],
    ['subdomain-dot', 'ame.li.fr'],
    ['stacked-typo', 'aeli-fr.net'],
    ['stacked-typo', 'aemli.fr.zeta-web.xyz'],
    ['stacked-typo', 'aemli-fr.com'],
  ])('%s produces %s', (fuzzer, host) => {
    // "name.*": combosquats cycle over TLDs, so only the name is fixed.
    if (host.endsWith('.*')) expect([...hosts(fuzzer)].some((h) => h.startsWith(host.slice(0, -1))), host).toBe(true);
    else expect(hosts(fuzzer)).toContain(host);
  });

  it('keeps typos of a restricted suffix (gouv.fr) under a suffix an attacker can register', () => {
    const c = fuzzDomain('impots.gouv.fr', [], []);
    expect(c.filter((x) => x.fuzzer === 'omission').map((x) => x.host)).toContain('impts.fr');
    expect(c.some((x) => x.fuzzer === 'omission' && x.host.endsWith('.gouv.fr'))).toBe(false);
    expect(c.map((x) => x.host)).toContain('impots.com');
  });

  it('spells IDN variants both in punycode and in Unicode', () => {
    const idn = corpus.filter((v) => v.host === domainToASCII('améli.fr'));
    const puny = domainToASCII('améli.fr');
    expect(puny.startsWith('xn--')).toBe(true);
    expect(idn.map((v) => new URL(v.url).hostname)).toEqual([puny, puny]);
    expect(idn.some((v) => v.url.includes('améli.fr'))).toBe(true);
  });

  it('never returns an official domain (of any organisation) or a host under one', () => {
    const official = testList.organizations.flatMap((o) => o.domains);
    for (const v of corpus) for (const d of official) expect(v.host === d || v.host.endsWith('.' + d), v.url).toBe(false);
    // amelie.fr is an insertion/addition of ameli but official for "other": dropped.
    expect(corpus.find((v) => v.host === 'amelie.fr')).toBeUndefined();
  });

  it('applies no edit-distance fuzzer to short names (axa) but still homoglyphs, embedding, combos', () => {
    const axa = corpus.filter((v) => v.source === 'axa.fr');
    const fuzzers = new Set(axa.map((v) => v.fuzzer));
    for (const f of ['omission', 'insertion', 'replacement', 'repetition', 'transposition', 'hyphenation', 'vowel-swap', 'addition'])
      expect(fuzzers.has(f as never), f).toBe(false);
    for (const f of ['homoglyph-unicode', 'embedding', 'combosquat', 'tld-swap', 'free-hosting']) expect(fuzzers.has(f as never), f).toBe(true);
    expect(axa.every((v) => v.short)).toBe(true);
  });

  it('labels strong imitations lookalike and weaker ones suspicious', () => {
    const byFuzzer = new Map<string, Set<string>>();
    for (const v of corpus) byFuzzer.set(v.fuzzer, (byFuzzer.get(v.fuzzer) ?? new Set()).add(v.expect));
    expect(byFuzzer.get('homoglyph-unicode')).toEqual(new Set(['lookalike']));
    expect(byFuzzer.get('combosquat')).toEqual(new Set(['lookalike']));
    expect(byFuzzer.get('tld-swap')).toEqual(new Set(['suspicious']));
    expect(byFuzzer.get('embedding-tail')).toEqual(new Set(['suspicious']));
    expect(byFuzzer.get('free-hosting')).toEqual(new Set(['suspicious']));
  });

  it('skips keywords that contain the brand or are contained in it', () => {
    const c = fuzzDomain('ameli.fr', ['carte-vitale'], ['carte-vitale', 'carte']);
    expect(c.some((x) => x.host.startsWith('carte-vitale-carte'))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Recall of the engine on the corpus over the bundled list.

/**
 * Minimum recall per row, set a few points under what the engine measured on the bundled list (121
 * organisations, 89k variants: 98.8% overall) so list growth does not make them flaky, and never under
 * DESIGN.md's bar (0.95 for homoglyph / embedding / combosquat, 0.9 for typos of 5+ character brands).
 * The remaining typo misses are mostly deliberate: dictionary words one edit from a brand
 * (generale ← generali, humains ← humanis, hennir ← henner), first-letter omissions (meli ← ameli),
 * numbers (18cyber ← 17cyber).
 * Informational rows (reported, not asserted):
 * - tld-swap (short): "msa.com", "axa.net" are as likely someone else's as an imitation; DESIGN.md only
 *   allows the exact token, embedding and brand + keyword for brands under 5 characters.
 * Short names (< 5 chars: axa, msa, mgen, caf, lcl…) have no edit-distance rows at all.
 */
const THRESHOLDS: Record<string, number> = {
  omission: 0.92,
  insertion: 0.95,
  replacement: 0.95,
  repetition: 0.95,
  transposition: 0.95,
  hyphenation: 0.95,
  'vowel-swap': 0.95,
  addition: 0.94,
  'homoglyph-ascii': 0.97,
  'homoglyph-ascii (short)': 0.95,
  'homoglyph-unicode': 0.98,
  'homoglyph-unicode (short)': 0.98,
  'homoglyph-accent': 0.98,
  'homoglyph-accent (short)': 0.98,
  'tld-swap': 0.95,
  embedding: 0.98,
  'embedding (short)': 0.98,
  'embedding-tail': 0.97,
  'embedding-tail (short)': 0.95,
  combosquat: 0.98,
  'combosquat (short)': 0.98,
  'subdomain-dot': 0.95,
  'free-hosting': 0.97,
  'free-hosting (short)': 0.9,
  'free-hosting-combo': 0.98,
  'free-hosting-combo (short)': 0.98,
  // Misses by design: a slip inside a three-letter acronym next to ordinary words (mutuelle-umc →
  // mutuelle-ucm-fr.com) spells another organisation's name, as on short brands.
  'stacked-typo': 0.88,
};
const OVERALL_MIN = 0.97;

describe('engine recall on the generated corpus (bundled list)', () => {
  const engine = createEngine(defaultList);
  const corpus: Variant[] = buildCorpus(defaultList);
  const rows = measureRecall(corpus, (u) => engine.classify(u), defaultList);
  console.log(`Recall on ${corpus.length} generated lookalikes of ${defaultList.organizations.length} organisations:\n${formatRecallTable(rows)}`);
  for (const r of rows) if (r.recall < 1 && r.misses.length) console.log(`  ${r.group} misses, e.g.: ${r.misses.map((m) => `${m.url} → ${m.got}`).join(' | ')}`);

  it('covers every organisation and every domain of the list', () => {
    const sources = new Set(corpus.map((v) => v.source));
    for (const org of defaultList.organizations) for (const d of org.domains) expect(sources, d).toContain(d);
  });

  it.each(Object.entries(THRESHOLDS))('recall of %s ≥ %s', (group, min) => {
    const row = rows.find((r) => r.group === group);
    if (!row) return; // the list has no name of that length class today
    expect(row.recall, `${group}: ${row.caught}/${row.total}; misses e.g. ${row.misses.map((m) => m.url).join(' ')}`).toBeGreaterThanOrEqual(min);
  });

  it(`overall recall ≥ ${OVERALL_MIN}`, () => {
    expect(totalRow(rows).recall).toBeGreaterThanOrEqual(OVERALL_MIN);
  });

  it('names the imitated organisation on caught variants', () => {
    const all = totalRow(rows);
    expect(all.targetOk / all.caught).toBeGreaterThanOrEqual(0.97);
  });

  it('never calls a generated lookalike official', () => {
    expect(totalRow(rows).official).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Lure words of the documented campaigns (research/context.md §b): in the bundled list, so a brand
// next to one of them is a combination, hyphenated or glued.

describe('lure words of the documented campaigns make a combination (bundled list)', () => {
  const engine = createEngine(defaultList);
  it.each([
    ['https://ameli-frais.com/', 'ameli.fr'], // "frais" of the carte Vitale delivery
    ['https://ameli-livraison.com/', 'ameli.fr'],
    ['https://carte-vitale-expiration.com/', 'ameli.fr'],
    ['https://ameli-refund.com/', 'ameli.fr'],
    ['https://amelirembourse.com/', 'ameli.fr'], // "vous avez été remboursé"
    ['https://ameli-verif.com/', 'ameli.fr'],
    ['https://ameli-sms.com/', 'ameli.fr'],
    ['https://ameli-virement.com/', 'ameli.fr'],
    ['https://mgen-indemnite.fr/', 'mgen.fr'],
    ['https://c4f-connexion.com/', 'caf.fr'], // a three-letter brand with a digit for a letter, and a lure word
    ['https://ameli-help.com/', 'ameli.fr'], // the English words of the same lures
    ['https://updates-ameli.com/', 'ameli.fr'],
    ['https://ameli-mesdemarches.com/', 'ameli.fr'], // "Mes démarches", the ameli account's own menu
    ['https://mgen-demarches.fr/', 'mgen.fr'],
    ['https://ameli-documents.com/', 'ameli.fr'], // the ID documents the fake pages ask for
    ['https://ameli-declaration.com/', 'ameli.fr'],
    ['https://ameli-rib.com/', 'ameli.fr'], // bank details
    ['https://harmonie-mutuelle-coordonnees.com/', 'harmonie-mutuelle.fr'],
    ['https://cpam-notification.fr/', 'ameli.fr'],
    ['https://urssaf-cotisations.com/', 'urssaf.fr'],
    ['https://ameli-vitale.com/', 'ameli.fr'], // beside the documented ameli-vital.fr
  ])('%s → lookalike of %s', (url, target) => {
    const v = engine.classify(url);
    expect(v.verdict).toBe('lookalike');
    expect(v.target).toBe(target);
    expect(v.reasons).toContain('combosquat');
  });
});
