import { describe, expect, it } from 'vitest';
import { createEngine } from '../../lib/engine';
import { toContractJson, type VerdictKind } from '../../lib/verdict';
import { testList } from './test-list';
import { defaultList } from '../../lib/default-list';

const engine = createEngine(testList);
const bundled = createEngine(defaultList);

type Row = [input: string, verdict: VerdictKind, target: string | null, reason?: string];

/** The rows' verdicts, targets and (when given) one reason each, on the test list or another engine. */
function check(rows: Row[], on = engine) {
  it.each(rows)('%s → %s (%s)', (input, verdict, target, reason) => {
    const v = on.classify(input);
    expect(v.verdict).toBe(verdict);
    expect(v.target).toBe(target);
    if (reason) expect(v.reasons).toContain(reason);
    if (verdict === 'unknown' || verdict === 'invalid') expect(v.reasons).toEqual([]);
  });
}

describe('official: exact registrable domain or a subdomain, never a substring', () => {
  check([
    ['https://ameli.fr/', 'official', 'ameli.fr', 'listed'],
    ['https://www.ameli.fr/assure/remboursements', 'official', 'ameli.fr', 'listed'],
    ['https://assure.ameli.fr/PortailAS/appmanager', 'official', 'ameli.fr', 'login-host'],
    ['HTTPS://WWW.AMELI.FR.', 'official', 'ameli.fr', 'listed'],
    ['https://ameli.fr:443/', 'official', 'ameli.fr', 'listed'],
    ['https://harmonie-et-moi.fr/', 'official', 'harmonie-et-moi.fr', 'listed'],
    ['https://authentification.harmonie-mutuelle.fr/auth', 'official', 'harmonie-mutuelle.fr', 'login-host'],
    ['https://pro.viamedis.net/', 'official', 'viamedis.net', 'professional-only'],
    ['https://17cyber.gouv.fr/', 'official', '17cyber.gouv.fr', 'listed'],
    ['ameli.fr', 'official', 'ameli.fr', 'listed'],
    ['//ameli.fr/x', 'official', 'ameli.fr', 'listed'],
  ]);
  it('names the organisation', () => {
    expect(engine.classify('https://assure.ameli.fr/').organization).toEqual({ id: 'ameli', name: 'Assurance Maladie' });
    expect(engine.classify('https://pro.viamedis.net/').organization).toEqual({ id: 'viamedis', name: 'Viamedis', professionalOnly: true });
  });
});

describe('userinfo and other URL tricks are judged on the real host', () => {
  check([
    ['https://ameli.fr:secret@ameli-remboursement.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://user:pass@evil.example/', 'unknown', null],
    ['https://jean@ameli.fr/', 'official', 'ameli.fr', 'listed'],
    ['https://ameli.fr@ameli.fr/', 'official', 'ameli.fr', 'listed'],
    ['https://medium.com/@ameli/post', 'unknown', null],
    ['https://evil.example/?next=ameli.fr@x', 'unknown', null],
    ['https://evil.example/https://ameli.fr/', 'unknown', null],
    ['https://evil.example/?redirect=ameli.fr', 'unknown', null],
    ['https://www.lemonde.fr/ameli-arnaque-sms', 'unknown', null],
    ['https://evil.example#ameli.fr', 'unknown', null],
  ]);
});

describe('an official name before "@", which the browser ignores, is an imitation', () => {
  check([
    ['https://ameli.fr@evil.example/login', 'lookalike', 'ameli.fr', 'userinfo'],
    ['http://ameli.fr%2Flogin@[2001:db8::1]/', 'lookalike', 'ameli.fr', 'userinfo'], // read up to a path
    ['http://www.ameli.fr@185.234.72.19/assure/index.php', 'lookalike', 'ameli.fr', 'embedding'],
    ['https://assure.ameli.fr:443@adherent-login.example/', 'lookalike', 'ameli.fr', 'userinfo'], // ":443" is read as a password
    ['https://AMELI.FR@evil.example/', 'lookalike', 'ameli.fr', 'userinfo'],
    ['https://ameli%2Efr@evil.example/', 'lookalike', 'ameli.fr', 'userinfo'],
    ['https://x:www.mgen.fr@evil.example/', 'lookalike', 'mgen.fr', 'userinfo'],
    ['https://ameli-remboursement.net@evil.example/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://ameli@evil.example/', 'suspicious', 'ameli.fr', 'userinfo'], // read as ameli.evil.example
    ['https://ameli.com@evil.example/', 'suspicious', 'ameli.fr', 'tld-swap'],
    ['https://www.ameli.fr@ameli-remboursement.com/', 'lookalike', 'ameli.fr', 'combosquat'], // the host's own verdict is kept
  ]);
  it('keeps the real host, and says the name was put before "@"', () => {
    const v = engine.classify('https://www.ameli.fr@evil.example/');
    expect(v.host).toBe('evil.example');
    expect(v.reasons).toEqual(['embedding', 'userinfo']);
    expect(v.organization?.id).toBe('ameli');
  });
});

describe('homoglyphs: disguised characters that read as a brand', () => {
  check([
    ['https://arneli.fr/', 'lookalike', 'ameli.fr', 'homoglyph'],
    ['https://ame1i.fr/', 'lookalike', 'ameli.fr', 'homoglyph'],
    ['https://аmeli.fr/', 'lookalike', 'ameli.fr', 'homoglyph'], // Cyrillic а
    ['https://xn--meli-43d.fr/', 'lookalike', 'ameli.fr', 'homoglyph'], // same, punycode
    ['https://amélі.com/', 'lookalike', 'ameli.fr', 'homoglyph'], // accent + Cyrillic і
    ['https://améli.fr/', 'lookalike', 'ameli.fr', 'homoglyph'],
    ['https://rnaif.fr/', 'lookalike', 'maif.fr', 'homoglyph'],
    ['https://rngen.fr/', 'lookalike', 'mgen.fr', 'homoglyph'],
    ['https://malakoffhurnanis.com/', 'lookalike', 'malakoffhumanis.com', 'homoglyph'],
    ['https://anneli.fr/', 'lookalike', 'ameli.fr', 'homoglyph'], // m→nn
    ['https://cniӏ.fr/', 'lookalike', 'cnil.fr', 'homoglyph'], // Cyrillic palochka reads as l
    ['https://viaмedis.fr/', 'lookalike', 'viamedis.fr', 'homoglyph'], // Cyrillic м, outside UTS #39 (Chromium's extra map)
    ['https://serv1ce-publ1c.fr/', 'lookalike', 'service-public.fr', 'homoglyph'], // "1" read as "i"
    ['https://rnnt.fr/', 'lookalike', 'mnt.fr', 'homoglyph'], // "rnn" read as "mn" (m→rn in mnt)
    ['https://harrnonie-mutuelle.com/', 'lookalike', 'harmonie-mutuelle.fr', 'homoglyph'],
    ['https://harrnonie-mutuelle.fr/', 'lookalike', 'harmonie-mutuelle.fr', 'homoglyph'],
    ['https://viarnedis.fr/', 'lookalike', 'viamedis.fr', 'homoglyph'],
    ['https://ameIi.fr/', 'lookalike', 'ameli.fr', 'typo'], // capital I is lower-cased to i by the URL parser: a typo then
  ]);
  // On the bundled list: Cyrillic letters of minority languages outside UTS #39, as a red team wrote them.
  check(
    [
      ['https://арԍіѕ.com/', 'lookalike', 'apgis.com', 'homoglyph'], // whole name in Cyrillic, Komi ԍ for g (outside UTS #39)
      ['https://xn--80a6aydd82g.com/', 'lookalike', 'apgis.com', 'homoglyph'], // same, punycode
      ['https://klԑsia.fr/', 'lookalike', 'klesia.fr', 'homoglyph'], // Cyrillic reversed ze for e
    ],
    bundled,
  );
  it('marks IDN hosts', () => expect(engine.classify('https://аmeli.fr/').reasons).toContain('idn'));
  it('reports the punycode host', () => expect(engine.classify('https://аmeli.fr/').host).toBe('xn--meli-43d.fr'));
});

describe('typos on brands of 5+ characters', () => {
  check([
    ['https://amel.fr/', 'lookalike', 'ameli.fr', 'typo'], // omission
    ['https://amelli.fr/', 'lookalike', 'ameli.fr', 'typo'], // repetition
    ['https://amelia.fr/', 'lookalike', 'ameli.fr', 'typo'], // insertion
    ['https://amzli.fr/', 'lookalike', 'ameli.fr', 'typo'], // replacement (AZERTY neighbour)
    ['https://aemli.fr/', 'lookalike', 'ameli.fr', 'typo'], // transposition
    ['https://ame-li.fr/', 'lookalike', 'ameli.fr', 'typo'], // hyphenation
    ['https://ameli.com/', 'suspicious', 'ameli.fr', 'tld-swap'],
    ['https://harmoniemutuelle.fr/', 'lookalike', 'harmonie-mutuelle.fr', 'typo'],
    ['https://harmonie-mutuele.fr/', 'lookalike', 'harmonie-mutuelle.fr', 'typo'],
    ['https://harmonie-mutuel.com/', 'lookalike', 'harmonie-mutuelle.fr', 'typo'], // two edits on a long brand
    ['https://malakofhumanis.com/', 'lookalike', 'malakoffhumanis.com', 'typo'],
    ['https://viamedls.fr/', 'lookalike', 'viamedis.fr', 'typo'],
    ['https://vimaedis.net/', 'lookalike', 'viamedis.fr', 'typo'],
    ['https://xameli.fr/', 'lookalike', 'ameli.fr', 'typo'], // an added first letter still shows the whole brand
    ['https://am.eli.fr/', 'lookalike', 'ameli.fr', 'typo'], // a dot slipped inside the name
    ['https://wwwameli.fr/', 'lookalike', 'ameli.fr', 'typo'], // the dot after www left out
    ['https://wwwmaif.fr/', 'lookalike', 'maif.fr', 'typo'], // (no edit inside the name: four letters are enough)
    ['https://wwwamelie.fr/', 'unknown', null], // www glued to another name
    ['https://www-ameli.com/', 'suspicious', 'ameli.fr', 'brand-token'], // a hyphen is not a left-out dot
    ['https://service-pubic.fr/', 'lookalike', 'service-public.fr', 'typo'], // a name made of ordinary words is distinctive as a whole
  ]);
});

describe('short brands: never edit distance', () => {
  check([
    ['https://mait.fr/', 'unknown', null],
    ['https://maaf.fr/', 'unknown', null],
    ['https://mgem.fr/', 'unknown', null],
    ['https://axe.fr/', 'unknown', null],
    ['https://taxa.com/', 'unknown', null],
    ['https://alain.fr/', 'unknown', null],
    ['https://plan.com/', 'unknown', null],
    ['https://18cyber.gouv.fr/', 'unknown', null], // numbered variants are unrelated sites
  ]);
});

describe('typo false-positive exclusions', () => {
  check([
    ['https://www.meli.com/', 'unknown', null], // Mercado Libre: only the first letter differs from ameli
    ['https://meli.la/', 'unknown', null],
    ['https://zmeli.fr/', 'lookalike', 'ameli.fr', 'typo'], // a changed first letter still reads as the brand
    // On 5-6 letter brands a replaced letter must be a plausible slip (neighbouring key, vowel, look-alike, bit flip)
    ['https://bmeli.fr/', 'unknown', null], // a → b: none of those
    ['https://ameki.fr/', 'lookalike', 'ameli.fr', 'typo'], // neighbouring key
    ['https://amoli.fr/', 'lookalike', 'ameli.fr', 'typo'], // vowel
    ['https://amelj.fr/', 'lookalike', 'ameli.fr', 'typo'], // looks alike
    ['https://amdli.fr/', 'lookalike', 'ameli.fr', 'typo'], // neighbouring key and one bit
    ['https://amexi.fr/', 'unknown', null], // l → x: another name more often than a slip
    ['https://viamedia.fr/', 'lookalike', 'viamedis.fr', 'typo'], // longer brands: any replacement
    ['https://viamedis2.fr/', 'lookalike', 'viamedis.fr', 'typo'], // an added digit is a typo; only numbered pairs (site45/site35) are namesakes
    ['https://amelli.com.br/', 'unknown', null], // a French brand's typo under a foreign country's domain
    ['https://amelli.fi/', 'unknown', null],
    ['https://amelli.com/', 'lookalike', 'ameli.fr', 'typo'],
    ['https://amelli.eu/', 'lookalike', 'ameli.fr', 'typo'],
    ['https://yarmonie-mutuelle.fr/', 'lookalike', 'harmonie-mutuelle.fr', 'typo'], // first letter counts on long brands
    // A digit for the letter it looks like ("leet") is a plausible slip on a five-letter brand…
    ['https://4meli.fr/', 'lookalike', 'ameli.fr', 'typo'],
    ['https://m4cif.fr/', 'lookalike', 'macif.fr', 'typo'],
    ['https://4meli-connexion.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    // …an arbitrary digit is not, and short brands never get edit distance: a digit there is only
    // read as its letter (3, 4, 5, 7 standing alone between letters), a disguise, not a slip.
    ['https://am8li.fr/', 'unknown', null],
    ['https://m4if.fr/', 'suspicious', 'maif.fr', 'brand-token'],
    ['https://m4if-connexion.com/', 'lookalike', 'maif.fr', 'combosquat'],
    ['https://mg3n-remboursement.fr/', 'lookalike', 'mgen.fr', 'combosquat'],
    ['https://c4f.fr/', 'unknown', null], // three letters: with a lure word only (caf is not on the test list)
    ['https://ameli-rembour5ement.com/', 'lookalike', 'ameli.fr', 'combosquat'], // the lure word disguised
    ['https://maif365.fr/', 'suspicious', 'maif.fr', 'brand-token'], // a number, not a letter: the brand is plain
    ['https://web3-connexion.com/', 'unknown', null],
    ['https://pl4n3t.com/', 'unknown', null],
  ]);
});

describe('target embedding', () => {
  check([
    ['https://ameli.fr.secure-x.example/', 'lookalike', 'ameli.fr', 'embedding'],
    ['https://ameli-fr.example/', 'lookalike', 'ameli.fr', 'embedding'],
    ['https://amelifr-compte.example/', 'lookalike', 'ameli.fr', 'embedding'],
    ['https://www-ameli-fr.example/', 'lookalike', 'ameli.fr', 'embedding'],
    ['https://login.ameli.fr.example.net/', 'lookalike', 'ameli.fr', 'embedding'],
    ['https://amelifr.com/', 'lookalike', 'ameli.fr', 'embedding'],
    ['https://ameli.fr-securite.com/', 'lookalike', 'ameli.fr', 'embedding'],
    ['https://maif.fr.online-claims.net/', 'lookalike', 'maif.fr', 'embedding'], // short brands: embedding counts
    ['https://axa-fr.info/', 'lookalike', 'axa.fr', 'embedding'],
    ['https://harmonie-mutuelle-fr.com/', 'lookalike', 'harmonie-mutuelle.fr', 'embedding'],
    ['https://harmonie-mutuellefr.net/', 'lookalike', 'harmonie-mutuelle.fr', 'embedding'], // glued across a two-word brand
    ['https://lcl.fr.srv-4821.com/', 'lookalike', 'lcl.fr', 'embedding'], // "lcl" reads "ld" once folded: still found
    ['https://17cyber.gouv.fr.evil.com/', 'lookalike', '17cyber.gouv.fr', 'embedding'],
    ['https://justice.gouv.fr.evil.com/', 'lookalike', 'justice.gouv.fr', 'embedding'],
    ['https://justicegouvfr.com/', 'lookalike', 'justice.gouv.fr', 'embedding'], // a common word glued to its suffix
    ['https://www-ameli.fr/', 'suspicious', 'ameli.fr', 'embedding'], // tail embedding: weaker
    // The whole official address with a hyphen for a dot, on the rest of its own suffix.
    ['https://justice-gouv.fr/', 'lookalike', 'justice.gouv.fr', 'embedding'], // even for an ordinary word
    ['https://17cyber-gouv.fr/', 'lookalike', '17cyber.gouv.fr', 'embedding'],
    ['https://www-justice-gouv.fr/', 'lookalike', 'justice.gouv.fr', 'embedding'], // the same after a hyphenated www
    ['https://x-justice-gouv.fr/', 'unknown', null], // an ordinary word at the tail still ends a name
    // The address cut inside its own suffix and carried on after a hyphen.
    ['https://justice.gouv-remboursement.fr/', 'lookalike', 'justice.gouv.fr', 'embedding'],
    ['https://mon.justice.gouv-paiement.fr/', 'lookalike', 'justice.gouv.fr', 'embedding'],
    ['https://17cyber.gouv-aide-victimes.com/', 'lookalike', '17cyber.gouv.fr', 'embedding'],
    ['https://impots.gouvernement.fr/', 'unknown', null], // not its suffix's label
    ['https://justice.gouvernance-info.fr/', 'unknown', null],
    ['https://justice-fr.fr/', 'unknown', null], // not its suffix
    ['https://securite-maif.fr/', 'lookalike', 'maif.fr', 'combosquat'], // tail + lure word
  ]);
});

describe('combosquatting: brand + lure keyword from the list', () => {
  check([
    ['https://ameli-remboursement.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://espace-ameli.net/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://moncompteameli.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    // A brand of two words with a dot for its hyphen.
    ['https://harmonie.mutuelle-espace.com/', 'lookalike', 'harmonie-mutuelle.fr', 'combosquat'],
    ['https://www.harmonie.mutuelle-remboursement.net/', 'lookalike', 'harmonie-mutuelle.fr', 'combosquat'],
    ['https://harmonie.mutuelle-dupont.com/', 'suspicious', 'harmonie-mutuelle.fr', 'brand-token'], // "mutuelle" is its own word here, not a lure
    ['https://m.gen-info.fr/', 'unknown', null], // a mobile subdomain: mgen has no hyphen to stand for
    ['https://am.eli-compte.com/', 'unknown', null],
    ['https://ameliremboursement.info/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://ameli.remboursement-info.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://compte-ameli-securite.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://carte-vitale-renouvellement.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://cartevitale-mise-a-jour.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://assurance-maladie-paiement.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://maif-espace-client.com/', 'lookalike', 'maif.fr', 'combosquat'],
    ['https://axa-remboursement.com/', 'lookalike', 'axa.fr', 'combosquat'],
    ['https://mgen-connexion.fr/', 'lookalike', 'mgen.fr', 'combosquat'],
    ['https://compte-carte-vitale-ameli.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://assurance-maladie-ameli.com/', 'lookalike', 'ameli.fr', 'combosquat'], // two names of one organisation
    ['https://axa-remboursement-maif.com/', 'lookalike', 'axa.fr', 'combosquat'], // the first brand is named
    ['https://harmonie-mutuelle-espace.com/', 'lookalike', 'harmonie-mutuelle.fr', 'combosquat'],
    ['https://ameli-remboursement2024.com/', 'lookalike', 'ameli.fr', 'combosquat'], // numbers do not hide a lure word
    ['https://ameli24-securite.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://ameliremboursement2.info/', 'lookalike', 'ameli.fr', 'combosquat'],
    // A possessive glued to the brand, next to a lure word: how a personal space is named.
    ['https://myameli-compte.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://securelogin-ameli.com/', 'lookalike', 'ameli.fr', 'combosquat'], // lure words glued together
    ['https://ameli-comptesecure.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://monmgen-connexion.fr/', 'lookalike', 'mgen.fr', 'combosquat'],
    ['https://mesameli-espace.info/', 'lookalike', 'ameli.fr', 'combosquat'],
    // Two names of one organisation, one with a number stuck to it.
    ['https://ameli-cartevitale2026.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://carte-vitale-ameli2025.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
    // Lure words written feminine, plural or with one letter doubled or dropped (lure-forms.ts).
    ['https://ameli-assuree.com/espace', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://ameli-assurees.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://ameli-rembourssement.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://ameli-conexion.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://paiements-maif.fr/', 'lookalike', 'maif.fr', 'combosquat'],
    // Traps: a neutral word stays neutral whatever its ending, and a lure form alone flags nothing.
    ['https://ameli-dupontes.fr/', 'suspicious', 'ameli.fr', 'brand-token'],
    ['https://assurees-et-clientes.fr/', 'unknown', null],
    ['https://rembourssement.fr/', 'unknown', null],
  ]);
});

describe('a brand cut by the dot before a country TLD (split-name.ts)', () => {
  check(
    [
      ['https://ame.li/', 'lookalike', 'ameli.fr', 'split-name'],
      ['https://assure.ame.li/PortailAS/appmanager/PortailAS/assure', 'lookalike', 'ameli.fr', 'split-name'],
      ['https://pec.viamed.is/', 'lookalike', 'viamedis.fr', 'split-name'],
      ['https://mon-espace.groupa.ma/', 'lookalike', 'groupama.fr', 'split-name'],
      ['https://espace-client.genera.li/', 'lookalike', 'generali.fr', 'split-name'],
      ['https://diot-sia.ci/espace-assure', 'lookalike', 'diot-siaci.com', 'split-name'], // a hyphenated name
      ['https://mon.apic.il/', 'lookalike', 'apicil.com', 'split-name'],
      // Traps: a short brand cut so is any two letters; the whole name under a foreign country's TLD is
      // a namesake's (suffix-guard.ts); a cut that spells nothing.
      ['https://m.sa/', 'unknown', null],
      ['https://www.generali.li/', 'unknown', null],
      ['https://ame.fr/', 'unknown', null],
      ['https://amel.is/', 'unknown', null],
    ],
    bundled,
  );
});

describe("the first label of an organisation's own login host next to its brand (bundled list)", () => {
  check(
    [
      ['https://declare-ameli.fr/arret-de-travail', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://authentification-harmonie-mutuelle.fr/', 'lookalike', 'harmonie-mutuelle.fr', 'combosquat'],
      ['https://extranet-malakoffhumanis.com/espaceClient/', 'lookalike', 'malakoffhumanis.com', 'combosquat'],
      // Trap: another organisation's login word is a neutral word next to this brand.
      ['https://declare-maif.fr/', 'suspicious', 'maif.fr', 'brand-token'],
    ],
    bundled,
  );
});

describe('lure words of the bundled list, in the forms kits write them (lure-forms.ts)', () => {
  check(
    [
      ['https://mgen-adherente.fr/', 'lookalike', 'mgen.fr', 'combosquat'],
      ['https://attestations-ameli.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://macif-societaires.help/', 'lookalike', 'macif.fr', 'combosquat'],
      ['https://matmut-societaire.fr/', 'lookalike', 'matmut.fr', 'combosquat'],
      ['https://viamedis-decompte.help/', 'lookalike', 'viamedis.fr', 'combosquat'],
      ['https://almerys-rgpd-dedommagement.eu/', 'lookalike', 'almerys.com', 'combosquat'],
      ['https://caf-allocataires.com/', 'lookalike', 'caf.fr', 'combosquat'],
      ['https://viamedis-breach-compensation.com/claim', 'lookalike', 'viamedis.fr', 'combosquat'],
      // A brand that starts with a possessive, glued to lure words, is still that brand, not a possessive
      // before lure words (corpus regression: "mon" + "espacesanteacces").
      ['https://monespacesanteacces.com/', 'lookalike', 'monespacesante.fr', 'combosquat'],
      // A lone digit 1 for an i, in the brand and in the lure word.
      ['https://ma1f-soc1eta1re.fr/', 'lookalike', 'maif.fr', 'combosquat'],
      ['https://harmon1e-mutue11e-remb0ursement.com/', 'lookalike', 'harmonie-mutuelle.fr', 'combosquat'],
      // Traps: the words alone, or next to a name that is no brand.
      ['https://decompte-facile.fr/', 'unknown', null],
      ['https://web1-connexion.fr/', 'unknown', null],
      ['https://www.1und1.de/', 'unknown', null],
      ['https://societaires-assurances-mutuelles.org/', 'unknown', null],
      ['https://compensation-carbone.fr/', 'unknown', null],
      ['https://maif-amicale-sportive.fr/', 'suspicious', 'maif.fr', 'brand-token'], // neutral words only: a brand token
      // A two-letter subdomain is a language version, not the lure word "fr"; a brand spelled exactly next
      // to a short piece is a brand with a word, not a slip of a longer brand (myswisslife) or of itself.
      ['https://fr.swisslife-am.com/fr/', 'suspicious', 'swisslife.fr', 'brand-token'],
      ['https://fr.ameli-x.com/', 'suspicious', 'ameli.fr', 'brand-token'],
    ],
    bundled,
  );
});

describe('stacked tricks: a slip in the brand AND its suffix inside another address, or a lure word', () => {
  check([
    ['https://amelli.fr.secure-x.example/', 'lookalike', 'ameli.fr', 'embedding'],
    ['https://aemli-fr.com/', 'lookalike', 'ameli.fr', 'embedding'],
    ['https://www.amelli-fr.com/', 'lookalike', 'ameli.fr', 'embedding'],
    ['https://mon.amelli.fr.evil.com/', 'lookalike', 'ameli.fr', 'embedding'],
    ['https://ameil.fr-securite.com/', 'lookalike', 'ameli.fr', 'typo'],
    ['https://harmonie-mutuele.fr.secure.com/', 'lookalike', 'harmonie-mutuelle.fr', 'embedding'], // a slip in a two-piece brand
    ['https://harmonie-mutuele-fr.com/', 'lookalike', 'harmonie-mutuelle.fr', 'typo'],
    ['https://maccif.fr.login.com/', 'lookalike', 'macif.fr', 'embedding'],
    ['https://viamedls.net.dossier-tp.com/', 'lookalike', 'viamedis.fr', 'embedding'], // any of the brand's suffixes
    ['https://amelli-remboursement.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://remboursement-aemli.net/', 'lookalike', 'ameli.fr', 'typo'],
    ['https://espace-harmonie-mutuele.com/', 'lookalike', 'harmonie-mutuelle.fr', 'combosquat'],
    ['https://moncompte-amelli.info/', 'lookalike', 'ameli.fr', 'combosquat'], // glued lure words
    ['https://amelli-remboursement.netlify.app/', 'lookalike', 'ameli.fr', 'free-hosting'],
    ['https://xn--amlli-remboursement-czb.com/', 'lookalike', 'ameli.fr', 'idn'], // accent + slip + lure word
    // Traps: the second trick is missing, or the misspelt piece is a real word or first name.
    ['https://amelli-dupont.fr/', 'unknown', null], // a slip next to a neutral word
    ['https://amelli.evil.com/', 'unknown', null], // a slip, then no suffix of the brand
    // A first name one slip from a brand: alone a person's name, next to a lure word or in an address a
    // weak signal (context.md cites amelie.fr among the lookalikes of ameli.fr).
    ['https://amelie-remboursement.com/', 'suspicious', 'ameli.fr', 'combosquat'],
    ['https://amelie-fr.com/', 'suspicious', 'ameli.fr', 'embedding'],
    ['https://amelie-poulain.fr/', 'unknown', null],
    ['https://www.amelie-nothomb.com/', 'unknown', null],
    ['https://amelie.com/', 'unknown', null],
    ['https://generale-assurance-espace.fr/', 'unknown', null], // a real word one letter from generali
    ['https://humains-compte.fr/', 'unknown', null],
    ['https://meli-fr.com/', 'unknown', null], // only the first letter dropped (Mercado Libre)
    ['https://maf-fr.com/', 'unknown', null], // short brands: never edit distance, stacked or not
    ['https://mgem-remboursement.com/', 'unknown', null],
    ['https://ameli-remboursement.com/', 'lookalike', 'ameli.fr', 'combosquat'], // spelled exactly: the combination detector's
  ]);
  it('names both tricks', () => {
    expect(engine.classify('https://aemli-fr.com/').reasons).toEqual(['embedding', 'typo']);
    expect(engine.classify('https://amelli-remboursement.com/').reasons).toEqual(['combosquat', 'typo']);
    expect(engine.classify('https://amelli-remboursement.netlify.app/').reasons).toEqual(['combosquat', 'typo', 'free-hosting']);
  });
});

describe('brand token alone, TLD swap, free hosting: weaker signals', () => {
  check([
    ['https://ameli-dupont.fr/', 'suspicious', 'ameli.fr', 'brand-token'],
    // A possessive or an article before a brand: a brand token (organisations name their own portals
    // so: mysanteclair.fr); with a lure word glued after it, a combination.
    ['https://monameli.fr/', 'suspicious', 'ameli.fr', 'brand-token'],
    ['https://myameli.com/', 'suspicious', 'ameli.fr', 'brand-token'],
    ['https://monamelicompte.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://lamacif.fr/', 'suspicious', 'macif.fr', 'brand-token'],
    ['https://monmaif.fr/', 'suspicious', 'maif.fr', 'brand-token'],
    ['https://moncompteameli.fr/', 'lookalike', 'ameli.fr', 'combosquat'], // with a lure word
    ['https://monaco.fr/', 'unknown', null],
    ['https://mondial.fr/', 'unknown', null],
    ['https://ameli2024.com/', 'suspicious', 'ameli.fr', 'brand-token'],
    // A number on both sides: the same with or without a subdomain (the shortcut once let the bare name go).
    ['https://12ameli34.com/', 'suspicious', 'ameli.fr', 'brand-token'],
    ['https://x.12ameli34.com/', 'suspicious', 'ameli.fr', 'brand-token'],
    // Glued to ordinary words, as ameli-france is hyphenated: still the brand's name…
    ['https://amelifrance.net/', 'suspicious', 'ameli.fr', 'brand-token'],
    ['https://groupeameli.fr/', 'suspicious', 'ameli.fr', 'brand-token'],
    ['https://mgenfrance.com/', 'suspicious', 'mgen.fr', 'brand-token'],
    // …a combination when a lure word is among them…
    ['https://amelifranceinfo.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://franceremboursementameli.com/', 'lookalike', 'ameli.fr', 'combosquat'],
    // …and nothing when the brand's letters run into a word, for a given name, or abroad.
    ['https://camelfrance.fr/', 'unknown', null],
    ['https://amelioration.fr/', 'unknown', null],
    ['https://alanfrance.fr/', 'unknown', null],
    ['https://amelifrance.de/', 'unknown', null],
    ['https://carte-vitale.fr/', 'suspicious', 'ameli.fr', 'brand-token'],
    ['https://maif.com/', 'unknown', null], // four letters alone under another suffix: namesakes (ocso.com)
    ['https://maif.live/', 'suspicious', 'maif.fr', 'tld-swap'], // …but not under a cheap, much abused TLD
    ['https://mgen.online/', 'suspicious', 'mgen.fr', 'tld-swap'],
    ['https://mgen.info/', 'suspicious', 'mgen.fr', 'tld-swap'],
    ['https://axa.xyz/', 'unknown', null], // three letters alone: never
    ['https://maif.de/', 'unknown', null],
    ['https://maif.netlify.app/', 'suspicious', 'maif.fr', 'free-hosting'], // not a typo of a longer brand
    // A site builder that names sites by path: the name is read as on any hosting platform, but the
    // verdict stays suspicious (a "continue" would be remembered for the whole platform's host).
    ['https://sites.google.com/view/ameli-remboursement', 'suspicious', 'ameli.fr', 'combosquat'],
    ['https://sites.google.com/site/ameli-compte/accueil?x=1', 'suspicious', 'ameli.fr', 'free-hosting'],
    ['https://sites.google.com/view/ameli', 'suspicious', 'ameli.fr', 'free-hosting'],
    // Google Translate's proxy shows another site: judged as that site, but a real one proxied is not official.
    ['https://ameli--remboursement-com.translate.goog/espace', 'lookalike', 'ameli.fr', 'combosquat'],
    ['https://arneli-fr.translate.goog/', 'lookalike', 'ameli.fr', 'homoglyph'],
    ['https://www-ameli-fr.translate.goog/?_x_tr_sl=fr&_x_tr_tl=en', 'unknown', null],
    ['https://www-lemonde-fr.translate.goog/', 'unknown', null],
    ['https://sites.google.com/view/recettes-de-mamie', 'unknown', null],
    ['https://sites.google.com/view/alan-turing', 'unknown', null], // a given name alone names a person
    ['https://sites.google.com/', 'unknown', null],
    ['https://sites.google.com/a/ameli-compte/', 'unknown', null], // not where a site's name goes
    ['https://docs.google.com/view/ameli-remboursement', 'unknown', null], // not a site builder
    ['https://viamedis.info/', 'suspicious', 'viamedis.fr', 'tld-swap'],
    ['https://alan.fr/', 'suspicious', 'alan.com', 'tld-swap'], // a short name alone still counts under .fr
    ['https://generali.com.br/', 'unknown', null], // a sister company abroad, not a fake aimed at French users
    ['https://generali.de/', 'unknown', null],
    ['https://generali-remboursement.de/', 'lookalike', 'generali.fr', 'combosquat'], // lure words count everywhere
    ['https://viamedis.com/', 'suspicious', 'viamedis.fr', 'tld-swap'],
    ['https://ameli.netlify.app/', 'suspicious', 'ameli.fr', 'free-hosting'],
    ['https://ameli-remboursement.netlify.app/', 'lookalike', 'ameli.fr', 'free-hosting'],
    ['https://compte-ameli.blogspot.com/', 'lookalike', 'ameli.fr', 'free-hosting'],
    ['https://ameli.github.io/', 'suspicious', 'ameli.fr', 'free-hosting'],
    ['https://lcl.netlify.app/', 'suspicious', 'lcl.fr', 'free-hosting'], // short brands count on hosting platforms
    ['https://1cl.fr/', 'lookalike', 'lcl.fr', 'homoglyph'],
    ['https://lc1.com/', 'lookalike', 'lcl.fr', 'homoglyph'],
    ['https://axa.com/', 'unknown', null], // three letters alone: too many namesakes
    ['https://maif.net/', 'unknown', null],
    ['https://mgen.gouv.fr/', 'unknown', null],
    ['https://axa-dupont.fr/', 'unknown', null],
  ]);
});

describe('blocked hosts', () => {
  check([
    ['https://ameli-vital.fr/', 'lookalike', 'ameli.fr', 'blocked'],
    ['https://www.ameli-vital.fr/form', 'lookalike', 'ameli.fr', 'blocked'],
    ['https://phish.example.net/', 'lookalike', null, 'blocked'], // resembles nothing listed: no target to name
    ['https://example.net/', 'unknown', null],
    // A documented fake the detectors let go as a namesake (a first name one letter from ameli) still names what it imitates.
    ['https://amelie.fr/', 'lookalike', 'ameli.fr', 'blocked'],
    ['https://espace.amelie.fr/connexion', 'lookalike', 'ameli.fr', 'blocked'],
    ['https://amelie.com/', 'unknown', null], // not blocked: the namesake rule stands
  ]);
});

describe('false-positive traps stay unknown', () => {
  check([
    ['https://camelia.fr/', 'unknown', null],
    ['https://amelie-poulain.fr/', 'unknown', null],
    ['https://amelie.com/', 'unknown', null], // a first name one letter from ameli: a namesake (the real list blocks amelie.fr, a documented fake)
    ['https://avril.fr/', 'unknown', null], // the month, one letter from april
    ['https://general.com/', 'unknown', null], // a word one letter from generali
    ['https://intercale.fr/', 'unknown', null],
    ['https://harmonie.fr/', 'unknown', null],
    ['https://justice-avocats.fr/', 'unknown', null], // common word behind an official domain
    ['https://malakoff.fr/', 'unknown', null], // the town
    ['https://maison.fr/', 'unknown', null],
    ['https://ld.fr/', 'unknown', null], // the folded reading of "lcl" is not a brand by itself
    ['https://hemer.de/', 'unknown', null], // nor is the folded reading of a brand with "nn"
    ['https://mutuelles.fr/', 'unknown', null], // "mutuelle-sg" is too little of a name for typos
    ['https://alan-turing.org/', 'unknown', null], // a given name that is also a brand names a person when alone
    ['https://www.google.com/search?q=ameli.fr', 'unknown', null],
    ['https://fr.wikipedia.org/wiki/Assurance_maladie', 'unknown', null],
    ['https://www.mutuelle-comparateur.fr/', 'unknown', null],
    ['https://secure.example.com/', 'unknown', null],
    ['https://espace-client.orange.fr/', 'unknown', null],
    // Names only the State can hold (gouv.fr): unlisted, but nobody else could have registered them.
    ['https://ameli.gouv.fr/', 'unknown', null],
    ['https://www.ameli-remboursement.gouv.fr/', 'unknown', null],
    ['https://viamedls.gouv.fr/', 'unknown', null],
    ['https://17cyber-signalement.gouv.fr/', 'unknown', null],
    // …while the same words under a suffix anyone can buy are still read.
    ['https://ameli-gouv.fr/', 'suspicious', 'ameli.fr', 'brand-token'],
    ['https://ameli.gouv.fr.secure-x.example/', 'lookalike', 'ameli.fr'],
  ]);
});

describe('not judgeable or not a named site', () => {
  check([
    ['about:blank', 'invalid', null],
    ['data:text/html,<h1>ameli</h1>', 'invalid', null],
    ['javascript:alert(1)', 'invalid', null],
    ['file:///home/me/ameli.html', 'invalid', null],
    ['chrome://settings', 'invalid', null],
    ['', 'invalid', null],
    ['   ', 'invalid', null],
    ['not a url at all', 'invalid', null],
    ['http://', 'invalid', null],
    ['https://a..b.fr/', 'invalid', null],
    ['x'.repeat(10000), 'invalid', null],
    ['https://ameli\u0000.fr/', 'invalid', null],
    ['http://127.0.0.1:8080/ameli', 'unknown', null],
    ['http://[::1]/', 'unknown', null],
    ['http://0x7f.1/', 'unknown', null],
    ['http://localhost:3000/', 'unknown', null],
    ['http://intranet/', 'unknown', null],
    ['https://netlify.app/', 'unknown', null],
  ]);
  it('never throws on odd input', () => {
    for (const s of ['%', 'http://%zz', 'https://xn--.fr', 'https://xn--zz.fr', '\uD800', 'https://' + 'a.'.repeat(200) + 'fr', 'ht!tp://x', '::::']) {
      expect(() => engine.classify(s)).not.toThrow();
    }
  });
});

describe('contract projection', () => {
  it('prints exactly url, host, verdict, target, reasons', () => {
    const line = toContractJson(engine.classify('https://ameli-remboursement.com/x'));
    expect(Object.keys(JSON.parse(line))).toEqual(['url', 'host', 'verdict', 'target', 'reasons']);
  });
});

describe('namesakes: only skip the typo detector', () => {
  const bare = createEngine(testList, {}, { typo: [], commonBrands: [] });
  it('without the namesake data the same words would be typos', () => {
    for (const host of ['general.com', 'intercale.fr', 'amelie.com']) expect(bare.classify(`https://${host}/`).reasons).toContain('typo');
  });
  it('a namesake with a lure word is still a combination', () => {
    expect(engine.classify('https://avril-remboursement.fr/').verdict).toBe('unknown'); // not a brand token either
    expect(engine.classify('https://generali-remboursement.fr/').verdict).toBe('lookalike');
  });
});

describe('administrator options', () => {
  const managed = createEngine(testList, {
    extraOfficialDomains: ['mutuelle-entreprise.example', 'ameli-partner.example'],
    blockedDomains: ['bad.example.org'],
  });
  it('extraOfficialDomains are official', () => {
    const v = managed.classify('https://portail.mutuelle-entreprise.example/');
    expect(v.verdict).toBe('official');
    expect(v.reasons).toEqual(['policy-official']);
    expect(managed.classify('https://ameli-partner.example/').verdict).toBe('official');
  });
  it('an official entry below a registrable domain covers that host only', () => {
    const deep = createEngine(testList, { extraOfficialDomains: ['sante.groupe-exemple.fr'] });
    expect(deep.classify('https://www.sante.groupe-exemple.fr/').verdict).toBe('official');
    expect(deep.classify('https://groupe-exemple.fr/').verdict).toBe('unknown');
    expect(deep.classify('https://ameli.fr/').verdict).toBe('official');
  });
  it('a blocked host is lookalike even under gouv.fr', () => {
    const e = createEngine(testList, { blockedDomains: ['ameli.gouv.fr'] });
    expect(e.classify('https://ameli.gouv.fr/').verdict).toBe('lookalike');
    expect(e.classify('https://ameli.gouv.fr/').reasons).toContain('blocked');
  });
  it('blockedDomains are lookalike', () => {
    expect(managed.classify('https://x.bad.example.org/').verdict).toBe('lookalike');
    expect(managed.classify('https://x.bad.example.org/').reasons).toEqual(['blocked']);
  });
  // Plain words in the two-label shapes that most of the web has, and that the engine settles before
  // looking up the public suffix: the administrator's entries still count there.
  it('plain-word entries of the administrator count in the shortest host shapes too', () => {
    const words = createEngine(testList, { extraOfficialDomains: ['tartempion.fr', 'www.quelconque.com'], blockedDomains: ['plainword.com', 'www.nimporte.fr'] });
    expect(words.classify('https://tartempion.fr/')).toMatchObject({ verdict: 'official', reasons: ['policy-official'] });
    expect(words.classify('https://www.tartempion.fr/')).toMatchObject({ verdict: 'official', target: 'tartempion.fr' });
    expect(words.classify('https://www.quelconque.com/').verdict).toBe('official');
    expect(words.classify('https://quelconque.com/').verdict).toBe('unknown');
    expect(words.classify('https://plainword.com/')).toMatchObject({ verdict: 'lookalike', reasons: ['blocked'] });
    expect(words.classify('https://www.plainword.com/')).toMatchObject({ verdict: 'lookalike', reasons: ['blocked'] });
    expect(words.classify('https://www.nimporte.fr/').verdict).toBe('lookalike');
    expect(words.classify('https://nimporte.fr/').verdict).toBe('unknown');
    expect(createEngine(testList).classify('https://plainword.com/').verdict).toBe('unknown');
  });
});

describe('a name of ordinary words next to a lure word (bundled list): suspicious, never lookalike', () => {
  it.each([
    ['https://securite-sociale-remboursement.com/', 'suspicious', 'securite-sociale.fr'],
    ['https://remboursement-securite-sociale.fr/', 'suspicious', 'securite-sociale.fr'],
    ['https://securite-sociale-mise-a-jour.com/', 'suspicious', 'securite-sociale.fr'],
    ['https://complementaire-sante-solidaire-demande.com/', 'suspicious', 'complementaire-sante-solidaire.gouv.fr'],
    ['https://ca-assurances-remboursement.com/', 'suspicious', 'ca-assurances.com'],
    ['https://securitesociale-remboursement.fr/', 'suspicious', 'securite-sociale.fr'], // its words glued
    ['https://remboursement-securitesociale.com/', 'suspicious', 'securite-sociale.fr'],
    // Traps: the words alone, with neutral or ordinary words, or one word of the name only.
    ['https://guide-securite-sociale.fr/', 'unknown', null],
    ['https://securite-sociale-info.fr/', 'unknown', null], // "info" is a lure word, and what guides are called
    ['https://complementaire-sante-solidaire-sante.fr/', 'unknown', null],
    ['https://complementaire-sante-solidaire.fr/', 'unknown', null],
    ['https://sociale-remboursement.fr/', 'unknown', null],
    ['https://mutex-remboursement.com/', 'unknown', null], // one ordinary word is not a name
    ['https://securitesociale-info.fr/', 'unknown', null],
    ['https://justice-remboursement.fr/', 'unknown', null],
  ] as const)('%s → %s', (url, verdict, target) => {
    const v = bundled.classify(url);
    expect(v.verdict).toBe(verdict);
    expect(v.target).toBe(target);
    if (verdict === 'suspicious') expect(v.reasons).toContain('combosquat');
  });

  it.each([
    // Such a name's exact address in other characters is a disguise of it, under its own suffix only.
    ['https://xn--mutualit-i1a.fr/', 'lookalike', 'mutualite.fr'],
    ['https://sécurité-sociale.fr/', 'lookalike', 'securite-sociale.fr'],
    ['https://mutualité.com/', 'unknown', null],
    ['https://sécurité.fr/', 'unknown', null],
  ] as const)('%s → %s (homoglyph of an ordinary-word name)', (url, verdict, target) => {
    const v = bundled.classify(url);
    expect(v.verdict).toBe(verdict);
    expect(v.target).toBe(target);
  });
});

describe('real kits of public blocklists (heldout set 6): vitale, two names glued, lure words of kits, ii for li', () => {
  check(
    [
      // "vitale", the token of half the real kits, next to a lure word; alone or with ordinary words it is an ordinary word.
      ['https://renouvellement-vitale.com/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://vitale-info.com/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://connexion-vitale.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://vitalerenouvellement.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://vitale.fr/', 'unknown', null],
      ['https://energie-vitale.fr/', 'unknown', null],
      ['https://pizzeria-vitale.fr/', 'unknown', null],
      ['https://www.sesam-vitale.fr/insi', 'official', 'sesam-vitale.fr', 'listed'],
      ['https://portail-support.sesam-vitale.fr/', 'official', 'sesam-vitale.fr', 'professional-only'],
      // Two names of one organisation glued, maybe with words or a number.
      ['https://amelivitale.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://cartevitaleameli.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://cpamameli2025.com/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://amelicpaminfo.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://axamaif.fr/', 'unknown', null], // two organisations: not this rule
      // Lure words of real kits' addresses.
      ['https://ameli-traitementdossier.example.mx/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://amelirenouv.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://nouvellecartevitale.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://remplacementcartevitale.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://amelimaladie.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://ameli-gestion.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://axa-assistance.fr/', 'unknown', null], // AXA Assistance is real: "assistance" is no lure word
      // A lure word misspelt once (a letter dropped from a long word, two swapped), "vos"/"votre" as possessives,
      // and a second name of the organisation glued to an ordinary word elsewhere in the host.
      ['https://ameli-renouvellment.info/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://ameli-acceuil.net/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://ameli-vosdroits.com/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://votreespacecartevitale.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://ameli-assurancevitale.com/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://vosges-ameli.fr/', 'suspicious', 'ameli.fr'], // a department, not "vos"
      // "cnam" next to a lure word (fifteen real kits); the Conservatoire national des arts et métiers' own addresses are nothing.
      ['https://cnam-assures.com/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://cnam.portail-droit.com/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://portaileleve.cnam.fr/', 'unknown', null],
      ['https://cnam-bretagne.fr/', 'unknown', null],
      ['https://cnam.com/', 'unknown', null],
      // The card's name as kits abbreviate it, and "assu".
      ['https://infosrenouvcvitale.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://assu-vitale.info/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://demandescartevitales.fr/', 'lookalike', 'ameli.fr', 'combosquat'],
      // The product names stay brand tokens: their own words are no combination ("maladie" and "carte" are lure words).
      ['https://assurance-maladie.com/', 'suspicious', 'assurance-maladie.fr', 'tld-swap'],
      ['https://carte-vitale.fr/', 'suspicious', 'ameli.fr', 'brand-token'],
      ['https://compte-ameli.com/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://secur-ameli.com/', 'lookalike', 'ameli.fr', 'combosquat'],
      ['https://assurance-ameli-recouvrement.net/', 'lookalike', 'ameli.fr', 'combosquat'],
      // An l written as an i before another i.
      ['https://ameiicompte.fr/', 'lookalike', 'ameli.fr', 'homoglyph'],
      ['https://mesdroits-ameii.com/', 'lookalike', 'ameli.fr', 'homoglyph'],
      ['https://hawaii.com/', 'unknown', null],
      ['https://skiing.fr/', 'unknown', null],
      // The public bodies' other real addresses are not flagged (their acronyms are no tokens).
      ['https://www.carsat-bretagne.fr/home.html', 'unknown', null],
      ['https://www.cnav.fr/', 'unknown', null],
      ['https://www.cnaf.fr/', 'unknown', null],
      ['http://www.codage.ext.cnamts.fr/codif/tips//telecharge/index_tele.php?p_site=AMELI', 'unknown', null],
    ],
    bundled,
  );
});
