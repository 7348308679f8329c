/**
 * False-positive regression guard (anchors b.1: eth-phishing-detect's test-lists). Popular sites are
 * never flagged, sites that merely talk about ameli are never flagged, first names and common words
 * near brand names stay unknown, and every official host of the bundled list is official.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../lib/engine';
import { defaultList } from '../lib/default-list';
import type { VerdictKind } from '../lib/verdict';
import { FP_ALLOW, homeUrl, popularFr, scanFalsePositives, topDomains, topSites } from './corpus/measure';

const engine = createEngine(defaultList);
const classify = (u: string) => engine.classify(u);

describe('popular sites are never flagged', () => {
  const top = [...new Set([...topDomains(), ...topSites()])];
  const scanTop = scanFalsePositives(top, classify);
  const scanFr = scanFalsePositives(popularFr(), classify);
  const fmt = (s: typeof scanTop) => s.flagged.map((f) => `${f.domain} → ${f.verdict} (${f.target})`).join(', ') || 'none';
  console.log(
    `False positives: top domains + top-sites ${scanTop.flagged.length}/${scanTop.total} (${((scanTop.flagged.length / scanTop.total) * 100).toFixed(3)}%, ` +
      `${scanTop.official} official): ${fmt(scanTop)}\n` +
      `False positives: popular French sites ${scanFr.flagged.length}/${scanFr.total} (${scanFr.official} official): ${fmt(scanFr)}\n` +
      `False-positive rate over both: ${scanTop.flagged.length + scanFr.flagged.length}/${scanTop.total + scanFr.total} = ` +
      `${(((scanTop.flagged.length + scanFr.flagged.length) / (scanTop.total + scanFr.total)) * 100).toFixed(3)}%`,
  );

  it('the fixtures are loaded (15k+ top domains, 500 top-sites, ~350 French sites)', () => {
    expect(topDomains().length).toBeGreaterThan(15000);
    expect(topSites().length).toBe(500);
    expect(popularFr().length).toBeGreaterThan(300);
  });

  it('flags no top domain except the commented allow-set', () => {
    expect(scanTop.flagged.filter((f) => !FP_ALLOW.has(f.domain))).toEqual([]);
  });

  it('keeps the allow-set honest: every entry is still flagged, and names a listed target', () => {
    for (const [domain] of FP_ALLOW) {
      const v = engine.classify(homeUrl(domain));
      expect(['lookalike', 'suspicious'], domain).toContain(v.verdict);
    }
  });

  it('flags no popular French site', () => {
    expect(scanFr.flagged).toEqual([]);
  });
});

type Expect = VerdictKind | 'flagged' | 'not-official' | 'quiet';

/**
 * Traps: [url, expected, why]. `flagged` = lookalike or suspicious; `not-official` = anything but official;
 * `quiet` = unknown or invalid (nothing shown; DESIGN.md leaves the choice to the engine).
 * Hostnames here need not exist: they test the rule, not the web.
 */
const TRAPS: [string, Expect, string][] = [
  // --- Sites that only mention a brand in the path, query or fragment: the host decides, nothing else.
  ['https://www.lemonde.fr/ameli-arnaque', 'unknown', 'news article about ameli'],
  ['https://www.lemonde.fr/economie/article/2024/02/08/viamedis-almerys-ameli-fr-piratage.html', 'unknown', 'brand words in path'],
  ['https://example.com/?next=ameli.fr', 'unknown', 'redirect parameter naming ameli.fr'],
  ['https://news.google.com/search?q=ameli.fr', 'unknown', 'search query'],
  ['https://www.google.com/search?q=ameli+remboursement+carte+vitale', 'unknown', 'search query with lure words'],
  ['https://fr.wikipedia.org/wiki/Assurance_maladie_en_France', 'unknown', 'encyclopedia'],
  ['https://www.service-public.fr/particuliers/vosdroits/F34800#ameli.fr', 'official', 'official site, fragment mentions ameli'],
  ['https://www.quechoisir.org/actualite-arnaque-a-la-carte-vitale-n12345/', 'unknown', 'consumer article about the scam'],
  ['https://www.mutuelle-land.com/actualite-sante/attention-aux-faux-mails-au-nom-de-l-assurance-maladie_129508.html', 'unknown', 'comparator article cited in context.md'],
  ['https://www.facebook.com/ameli.fr/', 'unknown', 'social page: facebook.com is not listed, and not an imitation'],
  ['https://twitter.com/Assur_Maladie', 'unknown', 'social account'],
  // --- Comparators, brokers and health sites near the topic.
  ['https://www.lesfurets.com/mutuelle-sante', 'unknown', 'comparator'],
  ['https://www.lelynx.fr/mutuelle-sante/', 'unknown', 'comparator'],
  ['https://www.assurland.com/mutuelle-sante/', 'unknown', 'comparator'],
  ['https://www.hyperassur.com/', 'unknown', 'comparator'],
  ['https://www.meilleurtaux.com/comparateur-assurance/mutuelle-sante/', 'unknown', 'comparator'],
  ['https://www.doctolib.fr/', 'unknown', 'appointment booking, not an insurer'],
  ['https://www.vidal.fr/', 'unknown', 'drug reference'],
  ['https://www.passeportsante.net/', 'unknown', 'health magazine; "sante" is a lure word, but there is no brand'],
  ['https://www.santemagazine.fr/', 'unknown', 'health magazine'],
  ['https://www.mutuelle.fr/', 'unknown', 'the generic word "mutuelle" alone names no organisation'],
  ['https://www.comparateur-mutuelle.fr/', 'unknown', 'generic words only'],
  // --- "amélioration" starts with "ameli": a very common French word. Substring matching would flag these.
  ['https://www.amelioration-habitat.fr/', 'unknown', '"amélioration": common word starting with ameli'],
  ['https://ameliorer-sa-maison.fr/', 'unknown', '"améliorer"'],
  ['https://www.amelioration-continue.com/', 'unknown', '"amélioration continue"'],
  ['https://camelia.fr/', 'unknown', 'flower / first name containing "ameli"; two edits away'],
  ['https://www.camelia-fleurs.fr/', 'unknown', 'contains "ameli" inside a word'],
  ['https://www.pamela-mode.fr/', 'unknown', 'first name'],
  // First name next to ameli: "amelie-poulain" is one edit away only inside one token, and is joined to a
  // word that is not a lure. Flagging every Amélie in France would drown the real signal.
  ['https://www.amelie-poulain.fr/', 'unknown', 'first name + surname, not a lure'],
  ['https://www.amelie-nothomb.com/', 'unknown', 'first name + surname'],
  // But amelie.fr itself is one edit from ameli.fr, and Assurance Maladie cites it by name as a domain to
  // distrust (research/context.md, "not ameli-vital.fr, ameli-frconnect.fr, ameli.com or amelie.fr").
  ['https://amelie.fr/', 'flagged', 'cited by Assurance Maladie as a lookalike'],
  ['https://ameli-vital.fr/', 'flagged', 'cited by Assurance Maladie'],
  ['https://ameli-frconnect.fr/', 'flagged', 'cited by Assurance Maladie'],
  ['https://ameli.com/', 'flagged', 'cited by Assurance Maladie; used as sender domain in 2026'],
  ['https://www.ameli-remboursement.com/', 'lookalike', 'brand + lure'],
  ['https://assure-ameli.fr/', 'lookalike', 'brand + lure ("assure")'],
  ['https://ameli.fr.espace-assure.info/', 'lookalike', 'non-tail embedding'],
  ['https://assure.ameli.fr.remboursement-89eur.com/', 'lookalike', 'lure subject line turned into a host'],
  // --- Towns, words and companies next to listed brands.
  ['https://www.malakoff.fr/', 'unknown', 'the town of Malakoff (Hauts-de-Seine), not Malakoff Humanis'],
  ['https://www.ville-malakoff.fr/', 'unknown', 'town'],
  ['https://www.agen.fr/', 'unknown', 'town of Agen: one edit from "mgen", a short brand (never edit distance)'],
  ['https://harmonie.fr/', 'unknown', 'common word; the brand is harmonie-mutuelle / harmonie-et-moi'],
  ['https://www.ecole-harmonie.fr/', 'unknown', 'music school'],
  ['https://www.harmonie-municipale-lyon.fr/', 'unknown', 'brass band'],
  ['https://www.medecin-generaliste.fr/', 'unknown', '"généraliste" contains "generali"'],
  ['https://www.generaliste.fr/', 'unknown', '"généraliste" (GP)'],
  ['https://www.generalisation.com/', 'unknown', 'word containing "generali"'],
  ['https://www.mail.com/', 'unknown', 'one edit from "maif", a short brand'],
  ['https://www.maid.fr/', 'unknown', 'one edit from "maif"'],
  ['https://www.msn.com/', 'unknown', 'one edit from "msa", a short brand'],
  ['https://www.axe.com/', 'unknown', 'one edit from "axa"'],
  ['https://www.taxation.fr/', 'unknown', 'contains "axa" inside a word'],
  ['https://www.laxatif.fr/', 'unknown', 'contains "axa"-like letters inside a word'],
  ['https://www.mmafighting.com/', 'unknown', '"mma" (mixed martial arts) glued into a word'],
  ['https://mma-fight.com/', 'unknown', '"mma" (mixed martial arts) next to an ordinary word'],
  ['https://ufc-mma.com/', 'unknown', '"mma" (mixed martial arts) after another short name'],
  ['https://mma.com/', 'unknown', 'a three-letter name under another suffix: too many namesakes'],
  ['https://www.alain.fr/', 'unknown', 'first name one edit from "alan" (short brand)'],
  ['https://www.catalan.fr/', 'unknown', 'contains "alan" inside a word'],
  ['https://www.aprilia.com/', 'unknown', 'motorcycles: "april" + two letters'],
  ['https://www.almeria.es/', 'unknown', 'Spanish town, two substitutions from "almerys"'],
  ['https://www.macintosh.fr/', 'unknown', 'starts with "mac", not "macif"'],
  ['https://www.cafe.fr/', 'unknown', 'one edit from "caf", a short brand'],
  ['https://www.cafpi.fr/', 'unknown', 'mortgage broker: "caf" + letters glued'],
  ['https://www.vitale.com/', 'unknown', 'the brand is "carte-vitale"; "vitale" alone is a word'],
  ['https://www.energie-vitale.fr/', 'unknown', 'wellness site using the word "vitale"'],
  ['https://www.carte-grise.fr/', 'unknown', '"carte" alone is a word'],
  ['https://www.sante-mutuelle-conseil.fr/', 'unknown', 'generic words only'],
  // --- Given names that are also brands (alan, april): alone in a host they name a person or a date.
  ['https://alan-turing.org/', 'unknown', 'person named Alan; alan.com is the insurer'],
  ['https://www.alan-walker.com/', 'unknown', 'musician'],
  ['https://april-fools.com/', 'unknown', 'the month'],
  ['https://alan.fr/', 'suspicious', 'the brand alone under .fr still counts (tld-swap)'],
  ['https://alan-remboursement.fr/', 'lookalike', 'given-name brand + lure word'],
  ['https://april-espace-client.com/', 'lookalike', 'given-name brand + lure words'],
  ['https://mutuelle-mma-sante.com/', 'lookalike', 'short brand (MMA, an insurer) between lure words'],
  // --- Organisations whose name is, or sits next to, ordinary words and other companies' names.
  ['https://mutex-lock.io/', 'unknown', '"mutex" (the insurer\'s label) is a programming word'],
  ['https://mutex.com/', 'unknown', 'an ordinary word under another suffix'],
  ['https://eca-assurances.com/', 'unknown', 'another insurer one letter from ca-assurances.com'],
  ['https://abeille.fr/', 'unknown', '"abeille" (bee) alone is not Abeille Assurances'],
  ['https://gpm-calculator.com/', 'unknown', '"gpm" (gallons per minute) next to an ordinary word'],
  ['https://www.viasante.fr/', 'official', "Viasanté's current site, beside mutuelle-viasante.fr"],
  ['https://viasante-remboursement.com/', 'lookalike', 'brand + lure'],
  ['https://camieg-remboursement.fr/', 'lookalike', 'brand + lure'],
  ['https://complementaire-sante-solidaire-gouv.fr/', 'lookalike', 'the official address with a hyphen for a dot'],
  // --- The group's own companies abroad: brand + a country's commercial suffix (com.au, com.br, com.mx).
  ['https://www.groupama.com/', 'official', "the Groupama group's own site (named so in its AMF filing)"],
  ['https://www.swisslife.com/', 'official', 'the Swiss Life group'],
  ['https://www.swisslife.ch/', 'official', 'Swiss Life in Switzerland'],
  ['https://www.groupama.net/', 'flagged', 'not one of the group\'s addresses: a TLD swap'],
  ['https://www.allianz.com.au/', 'unknown', 'Allianz Australia: allianz.com is listed, com.au is a public suffix'],
  ['https://www.allianz.com.br/', 'unknown', 'Allianz Brazil'],
  ['https://www.axa.com.mx/', 'unknown', 'AXA Mexico'],
  ['https://www.generali.com.ar/', 'unknown', 'Generali Argentina'],
  ['https://www.allianz-arena.de/', 'unknown', 'stadium in Munich: a brand name alone under a foreign country code'],
  ['https://www.generali-arena.at/', 'unknown', 'stadium in Vienna'],
  ['https://allianz.com.co/', 'lookalike', 'com.co is sold as generic: still an embedding'],
  ['https://almerys.com.fr/', 'lookalike', "com.fr is France's own commercial suffix: reads almerys.com"],
  ['https://alan.github.io/', 'unknown', "a person's page on a hosting platform"],
  ['https://alan-connexion.github.io/', 'lookalike', 'given name + lure word on a hosting platform'],
  ['https://www-allianz.com.au/', 'lookalike', 'not the registrable name alone: www- glued in front'],
  ['https://allianz.com.au.secure-login.net/', 'lookalike', 'com.au here is inside another address'],
  ['https://allianzcom.au/', 'lookalike', 'brand glued to its suffix'],
  ['https://ameli.fr.it/', 'lookalike', 'fr.it (an Italian province) is a public suffix, but only com/net/org read as a country copy'],
  ['https://ameli-dupont.github.io/', 'flagged', 'brand on a hosting platform counts under any suffix'],
  // --- Other names one arbitrary letter from a short brand.
  ['https://www.mammut.com/', 'unknown', 'outdoor brand: t → m in matmut is no slip'],
  ['https://www.cardio.fr/', 'unknown', 'common word: f → o in cardif'],
  ['https://www.iteris.com/', 'unknown', 'company: l → r in itelis'],
  ['https://matnut.fr/', 'lookalike', 'a neighbouring key (AZERTY, QWERTY) is a slip'],
  ['https://cardjf.fr/', 'lookalike', 'neighbouring key'],
  // --- Other organisations whose name is an ordinary word + an acronym (mutuelle-umc is listed).
  ['https://www.mutuelle-mcd.fr/', 'unknown', 'Mutuelle MCD: a slip inside a three-letter acronym spells another mutuelle'],
  ['https://www.mutuelle-ufr.fr/', 'unknown', 'Mutuelle UFR'],
  ['https://www.mutuelle-mmj.fr/', 'unknown', 'Mutuelle MMJ (two letters from "mgc" in mutuellemgc)'],
  ['https://www.mutuelle-smi.fr/', 'unknown', 'Mutuelle SMI'],
  ['https://mutuele-umc.fr/', 'lookalike', 'the slip is in the ordinary word: the acronym is intact'],
  ['https://gan-asurances.fr/', 'lookalike', 'same, for gan-assurances'],
  ['https://www.groupe-pasteur-mutualite.fr/', 'unknown', '"mutualité" ends a mutuelle\'s name: not a tail embedding of mutualite.fr'],
  ['https://mutualite.fr.espace-adherent.com/', 'lookalike', 'the whole address inside another still counts'],
  // Glued words meeting on a pair the skeleton reads as one letter (nn→m, vv→w, cl→d).
  ['https://connexionneoliane.fr/', 'lookalike', 'connexion + neoliane: "nn" is not read as m at the junction'],
  ['https://gouvviamedis.net/', 'lookalike', 'gouv + viamedis: "vv" is not read as w there'],
  ['https://mutuellemgclogin.fr/', 'lookalike', 'mutuellemgc + login: "cl" is not read as d there'],
  ['https://channel-info.com/', 'unknown', 'a pair inside an ordinary word'],
  ['https://modernmutuelle.fr/', 'unknown', 'modern + a lure word, no brand'],
  ['https://annonces-neoliane.fr/', 'flagged', 'brand with a neutral word: brand token only'],
  ['https://amelie-photographe.fr/', 'unknown', 'a first name one slip from ameli, with an ordinary word'],
  ['https://amelie-remboursement.fr/', 'suspicious', 'the same first name next to a lure word: a weak signal'],
  ['https://societe-generale-connexion.fr/', 'unknown', 'a real word one slip from generali, even next to a lure word'],
  ['https://mysanteclair.fr/', 'suspicious', 'a possessive glued to a long brand: a brand token, like myameli.fr, not two typed slips'],
  ['https://masanteclair.fr/', 'suspicious', 'same with "ma"'],
  ['https://maswisslife.fr/', 'lookalike', 'but one slip from the official myswisslife.fr is still a typo'],
  ['https://impots.gouv-remboursement.fr/', 'lookalike', 'the address cut inside its own suffix (gouv.fr), then a lure'],
  ['https://www-impots-gouv.fr/', 'lookalike', 'www.impots.gouv.fr with hyphens for its dots'],
  ['https://impots.gouvernement.fr/', 'unknown', '"gouvernement" is not the gouv of gouv.fr'],
  ['https://www.simulateur-impots-gouv.fr/', 'flagged', 'the address at the tail of another name: weaker, still flagged'],
  // --- Non-web input and userinfo tricks.
  ['https://ameli.fr@evil.example/', 'not-official', 'userinfo trick: the host is evil.example'],
  ['https://ameli.fr:secret@203.0.113.7/', 'not-official', 'userinfo trick to an IP'],
  ['about:blank', 'invalid', 'not a web URL'],
  ['file:///C:/ameli.fr.html', 'invalid', 'local file'],
  ['data:text/html,<h1>ameli.fr</h1>', 'invalid', 'data URL'],
  ['http://localhost:3000/ameli', 'quiet', 'local development server'],
  ['http://intranet/ameli', 'quiet', 'single-label intranet host'],
];

describe('traps: mentions, first names, common words, towns', () => {
  it.each(TRAPS)('%s → %s (%s)', (url, want) => {
    const got = engine.classify(url).verdict;
    if (want === 'flagged') expect(['lookalike', 'suspicious']).toContain(got);
    else if (want === 'not-official') expect(got).not.toBe('official');
    else if (want === 'quiet') expect(['unknown', 'invalid']).toContain(got);
    else expect(got).toBe(want);
  });
});

describe('every official host of the bundled list is official', () => {
  const hosts: [string, string][] = [];
  for (const org of defaultList.organizations) {
    for (const d of org.domains) hosts.push([`https://${d}/`, org.id], [`https://www.${d}/`, org.id]);
    for (const h of org.loginHosts) hosts.push([`https://${h}/`, org.id], [`https://${h.toUpperCase()}./connexion?ref=ameli.com`, org.id]);
  }

  it.each(hosts)('%s is official (%s)', (url, orgId) => {
    const v = engine.classify(url);
    expect(v.verdict).toBe('official');
    expect(defaultList.organizations.find((o) => o.id === orgId)!.domains).toContain(v.target);
  });
});

/**
 * The verdict must name the organisation really imitated (DESIGN.md: "always name the impersonated
 * organisation"). An exact short brand + lure keyword, or a listed name under another suffix, must not
 * be explained as a two-edit typo of some longer brand. [url, acceptable targets, may it be unknown?]
 */
const TARGETS: [string, string[], boolean][] = [
  ['https://axa-mutuelle.org/', ['axa.fr', 'axa.com'], false], // not amae-mutuelle.fr
  ['https://mutuelle-axa.fr/', ['axa.fr', 'axa.com'], false],
  ['https://mutuelle-gmf.org/', ['gmf.fr'], false], // not mutuelle-gsmc.fr
  ['https://mutuelle-mgas.org/', ['mgas.fr'], false], // not mutuelle-miasc.fr
  ['https://mutuelle-mgp.org/', ['mgp.fr'], false], // not mutuellemgc.fr
  ['https://maif-remboursement.com/', ['maif.fr'], false],
  ['https://compte-maif.fr/', ['maif.fr'], false],
  // maif is a listed brand of its own: maif.com is MAIF's name under .com, never a typo of macif.
  ['https://maif.com/', ['maif.fr'], true],
  ['https://maif.netlify.app/', ['maif.fr'], true],
  ['https://macif-remboursement.fr/', ['macif.fr'], false],
  ['https://mgen-mutuelle.com/', ['mgen.fr'], false],
  ['https://ameli-remboursement.com/', ['ameli.fr'], false],
];

describe('verdicts name the organisation really imitated', () => {
  it.each(TARGETS)('%s → %j', (url, targets, mayBeUnknown) => {
    const v = engine.classify(url);
    if (mayBeUnknown && v.verdict === 'unknown') return;
    expect(['lookalike', 'suspicious']).toContain(v.verdict);
    expect(targets).toContain(v.target);
  });
});
