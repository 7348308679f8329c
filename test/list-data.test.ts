import { readFileSync } from 'node:fs';
import { getDomain, parse as parseHost } from 'tldts';
import { describe, expect, it } from 'vitest';
import { defaultList } from '../lib/default-list';
import { createEngine } from '../lib/engine';
import { ListError, parseList, type VigieList } from '../lib/list-schema';
import { buildFromYaml, buildList, OUTPUT_PATH, SOURCE_PATH, VALIDITY_DAYS } from '../lib/tools/build-list';
import { parse as parseYaml } from 'yaml';
import namesakes from '../lib/data/namesakes.json';

// The curated data itself (lib/data/organizations.yaml → default-list.json). Engine behaviour is
// tested elsewhere; here we guard the list against the mistakes that would ship a bad allowlist.

const yamlText = readFileSync(SOURCE_PATH, 'utf8');
const jsonText = readFileSync(OUTPUT_PATH, 'utf8');
const list = JSON.parse(jsonText) as VigieList;
const orgs = list.organizations;
const allDomains = orgs.flatMap((o) => o.domains);
const under = (host: string, domain: string) => host === domain || host.endsWith('.' + domain);
const isListed = (host: string) => allDomains.some((d) => under(host, d));
/** What the engine will also use as brand tokens: the label left of the public suffix. */
const sldLabel = (domain: string) => parseHost(domain, { allowPrivateDomains: true }).domainWithoutSuffix ?? '';

// Rows of research/domains.csv that were deliberately left out (LOW confidence, conflicting spellings,
// suspected lookalikes) plus hosts that must never become "official".
const EXCLUDED = [
  'mutuelle-almerys.com',
  'sp-sante.fr',
  'carte-blanche-partenaires.fr',
  'viamedis.com',
  'isante.fr',
  's2hgroup.com',
  'apreva.fr',
  'mutuelledesmotards.fr',
  'garance-mutuelle.fr',
  'cegema.com',
  'roederer.fr',
  'tp-eovi-mcd.net',
  'ism-tp.fr',
  'oxantis.net',
  'generation.fr',
  'ameli.com',
  'amelie.fr',
];

// research/context.md, "Known login / espace-adhérent hostnames".
const KNOWN_LOGIN_HOSTS = [
  'assure.ameli.fr',
  'declare.ameli.fr',
  'amelipro.ameli.fr',
  'harmonie-et-moi.fr',
  'authentification.harmonie-mutuelle.fr',
  'extranet.malakoffhumanis.com',
  'espace-rentiers.malakoffhumanis.com',
  'mon.apicil.com',
  'ensemble.aesio.fr',
  'portail-entreprise.aesio.fr',
  'assurance-sante.secure.lcl.fr',
  'ij-particulier.carcept-prev.fr',
  'justice.interiale.fr',
  'sante2.ocso.fr',
  'assure.hcrbienetre.fr',
  'pro.viamedis.net',
  'www.viamedis.net',
];

// Everyday words that must never be a brand token on their own; a domain whose label is one of them
// must be flagged commonWord so the engine does not run typo/combosquat detection on it.
const COMMON_WORDS = [
  'mutuelle', 'sante', 'generation', 'harmonie', 'assurance', 'assurances', 'retraite', 'france', 'carte',
  'vitale', 'service', 'public', 'espace', 'compte', 'mondiale', 'prevoyance', 'justice', 'interieur',
  'economie', 'impots', 'conso', 'mieux-etre', 'mutualite', 'cyber', 'malakoff', 'europe', 'familiale',
  'generale', 'bleue', '33700', 'ants',
];

describe('default list: source and generated JSON', () => {
  it('the committed JSON is exactly what the YAML produces', () => {
    expect(buildFromYaml(yamlText)).toBe(jsonText);
    expect(buildList(parseYaml(yamlText))).toEqual(list);
  });

  it('building is deterministic (no clock, no random order)', () => {
    expect(buildFromYaml(yamlText)).toBe(buildFromYaml(yamlText));
  });

  it('expiresAt is generatedAt + 180 days', () => {
    expect(Date.parse(list.expiresAt) - Date.parse(list.generatedAt)).toBe(VALIDITY_DAYS * 86_400_000);
  });

  it('the bundled module loads and validates the same list', () => {
    expect(defaultList).toEqual(list);
    expect(defaultList.schema).toBe(1);
  });

  it('a source without generatedAt or with a broken organisation is refused', () => {
    const src = parseYaml(yamlText) as Record<string, unknown>;
    expect(() => buildList({ ...src, generatedAt: undefined })).toThrow(/generatedAt/);
    expect(() => buildList({ ...src, organizations: [{ id: 'x', name: 'X', category: 'insurer', domains: ['X.FR'] }] })).toThrow(
      ListError,
    );
  });
});

describe('default list: content rules', () => {
  it('has at least 120 organisations, across every category', () => {
    expect(orgs.length).toBeGreaterThanOrEqual(120);
    for (const c of ['public', 'tiers-payant', 'insurer', 'care-network']) expect(orgs.some((o) => o.category === c)).toBe(true);
  });

  it('every domain is a registrable domain (eTLD+1, private suffixes on)', () => {
    const bad = allDomains.filter((d) => getDomain(d, { allowPrivateDomains: true }) !== d);
    expect(bad).toEqual([]);
  });

  it('no domain is listed twice, nor under another listed domain', () => {
    expect(new Set(allDomains).size).toBe(allDomains.length);
    const nested = allDomains.filter((d) => allDomains.some((p) => p !== d && under(d, p)));
    expect(nested).toEqual([]);
  });

  it('every login host sits under one of its own organisation\'s domains', () => {
    for (const o of orgs) for (const h of o.loginHosts) expect(o.domains.some((d) => under(h, d)), `${o.id}: ${h}`).toBe(true);
  });

  it('the known login hosts of research/context.md are all listed', () => {
    const hosts = new Set(orgs.flatMap((o) => o.loginHosts));
    expect(KNOWN_LOGIN_HOSTS.filter((h) => !hosts.has(h))).toEqual([]);
  });

  it('every organisation cites at least one http(s) source', () => {
    for (const o of orgs) {
      expect(o.sources.length, o.id).toBeGreaterThan(0);
      for (const s of o.sources) expect(['http:', 'https:']).toContain(new URL(s).protocol);
    }
  });

  it('organisation ids are unique slugs', () => {
    const ids = orgs.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('excluded LOW-confidence, conflicting and lookalike domains are not official', () => {
    expect(EXCLUDED.filter(isListed)).toEqual([]);
  });

  it('professional portals are flagged, the portals for the insured are not', () => {
    const pro = (d: string) => orgs.find((o) => o.domains.includes(d))?.professionalOnly;
    expect(pro('viamedis.net')).toBe(true);
    expect(pro('viamedispro.com')).toBe(true);
    expect(pro('ameli.fr')).toBe(false);
    expect(pro('harmonie-mutuelle.fr')).toBe(false);
  });

  // "vitale" alone is the token of half the real kits (renouvellement-vitale.com, vitale-info.com, heldout
  // set 6): it is the one bare common word allowed, read as an ordinary word (namesakes.json commonBrands:
  // no typo, no TLD swap, nothing with a neutral word; only next to a lure word).
  const COMMON_WORD_TOKENS = ['vitale', 'vitales', 'cnam'];
  it('brand tokens are at least 3 characters and never a bare common word (but vitale, read as one)', () => {
    for (const o of orgs)
      for (const b of o.brands) {
        expect(b.length, `${o.id}: ${b}`).toBeGreaterThanOrEqual(3);
        if (COMMON_WORD_TOKENS.includes(b)) expect(namesakes.commonBrands, b).toContain(b);
        else expect(COMMON_WORDS, `${o.id}: ${b}`).not.toContain(b);
        // (cnam is also the Conservatoire national des arts et métiers': read as an ordinary word too.)
      }
    const engine = createEngine(defaultList);
    for (const host of ['vitale.fr', 'vitale.com', 'energie-vitale.fr', 'force-vitale.fr', 'vitale-immobilier.fr', 'pizzeria-vitale.fr', 'vitales.fr', 'constantes-vitales.fr', 'vital.fr', 'cnam.fr', 'portaileleve.cnam.fr'])
      expect(engine.classify(`https://${host}/`).verdict, host).toBe('unknown');
  });

  it('domains whose label is a common word are marked commonWord', () => {
    for (const o of orgs)
      for (const d of o.domains)
        if (COMMON_WORDS.includes(sldLabel(d))) expect((o as Record<string, unknown>).commonWord, `${o.id}: ${d}`).toBe(true);
  });

  it('no brand token is claimed by two organisations', () => {
    const seen = new Map<string, string>();
    for (const o of orgs)
      for (const b of o.brands) {
        expect(seen.get(b) ?? o.id, `brand "${b}"`).toBe(o.id);
        seen.set(b, o.id);
      }
  });

  it('no lure keyword equals a brand or a domain label', () => {
    const tokens = new Set([...orgs.flatMap((o) => o.brands), ...allDomains.map(sldLabel)]);
    expect(list.keywords.filter((k) => tokens.has(k))).toEqual([]);
    expect(list.keywords).toContain('remboursement');
    expect(list.keywords).toContain('moncompte');
  });

  it('blocked hosts are real hostnames and none is official', () => {
    expect(list.blocked.length).toBeGreaterThan(0);
    for (const b of list.blocked) {
      expect(parseHost(b).isIcann, b).toBe(true);
      expect(isListed(b), b).toBe(false);
    }
  });

  it('every blocked host of the list names the organisation it imitates', () => {
    const engine = createEngine(list);
    for (const b of list.blocked) {
      const v = engine.classify(`https://${b}/`);
      expect(v.verdict, b).toBe('lookalike');
      expect(v.target, b).not.toBeNull();
      expect(v.organization?.id, b).toBeDefined();
    }
    expect(engine.classify('https://amelie.fr/').target).toBe('ameli.fr');
  });
});

describe('list schema: errors name the bad field', () => {
  const base = () => JSON.parse(jsonText) as Record<string, any>;
  const fieldOf = (doc: unknown): string | null => {
    try {
      parseList(JSON.stringify(doc));
    } catch (e) {
      expect(e).toBeInstanceOf(ListError);
      return (e as ListError).field;
    }
    return 'accepted';
  };

  it.each([
    ['missing version', (d: any) => delete d.version, 'version'],
    ['upper-case domain', (d: any) => (d.organizations[0].domains[0] = 'Ameli.fr'), 'organizations[0].domains[0]'],
    ['login host outside the organisation', (d: any) => (d.organizations[0].loginHosts = ['assure.ameli.fr.evil.example']), 'organizations[0].loginHosts[0]'],
    ['domain listed by two organisations', (d: any) => (d.organizations[1].domains = ['ameli.fr']), 'organizations[1].domains[0]'],
    ['blocked host under an official domain', (d: any) => (d.blocked = ['faux.ameli.fr']), 'blocked[0]'],
    ['unknown category', (d: any) => (d.organizations[2].category = 'bank'), 'organizations[2].category'],
  ])('%s', (_name, mutate, field) => {
    const doc = base();
    mutate(doc);
    expect(fieldOf(doc)).toBe(field);
  });

  it('the unmodified list is accepted', () => {
    expect(fieldOf(base())).toBe('accepted');
  });
});
