/**
 * A dnstwist-style lookalike generator, written for this project (no code taken from dnstwist).
 *
 * Given the bundled list it produces labelled lookalike URLs for every domain of every organisation,
 * each with the minimum verdict DESIGN.md "Verdicts" promises for it. The recall test, the corpus
 * report and the benchmark all use it. Output is deterministic (no randomness, stable order),
 * deduplicated, and never contains a host that is itself official for any organisation.
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import type { VigieList } from '../../lib/list-schema';

/** Edit-distance fuzzers: DESIGN.md never applies edit distance to brands shorter than 5 characters. */
const TYPO_FUZZER_NAMES = ['omission', 'insertion', 'replacement', 'repetition', 'transposition', 'hyphenation', 'vowel-swap', 'addition'] as const;

export const FUZZERS = [
  ...TYPO_FUZZER_NAMES,
  'homoglyph-ascii',
  'homoglyph-unicode',
  'homoglyph-accent',
  'tld-swap',
  'embedding',
  'embedding-tail',
  'combosquat',
  'subdomain-dot',
  'free-hosting',
  'free-hosting-combo',
  'stacked-typo',
] as const;
export type FuzzerName = (typeof FUZZERS)[number];

export const TYPO_FUZZERS: ReadonlySet<FuzzerName> = new Set(TYPO_FUZZER_NAMES);

export const MIN_TYPO_LENGTH = 5;
/** Lure words combined with each brand (see the combination fuzzer). */
const COMBO_WORDS = 90;

export type Expectation = 'lookalike' | 'suspicious';

export interface Variant {
  /** What to classify. */
  url: string;
  /** The ASCII (punycode) host of the variant. */
  host: string;
  /** Whether `url` spells an IDN host in Unicode (the same host also appears in punycode). */
  unicodeForm: boolean;
  fuzzer: FuzzerName;
  /** The official registrable domain the variant was derived from. */
  source: string;
  orgId: string;
  /** The weakest verdict that counts as caught. */
  expect: Expectation;
  /** The imitated name is shorter than MIN_TYPO_LENGTH (reported apart: fewer detectors apply). */
  short: boolean;
}

// ---------------------------------------------------------------------------------------------
// Character tables

/** Keyboard rows; neighbours are taken on a staggered layout (same row ±1, row above i/i+1, row below i-1/i). */
const KEYBOARDS: Record<string, string[]> = {
  qwerty: ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  azerty: ['1234567890', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'],
};

function buildNeighbours(): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const rows of Object.values(KEYBOARDS)) {
    rows.forEach((row, r) => {
      [...row].forEach((ch, c) => {
        const set = out.get(ch) ?? new Set<string>();
        const add = (rr: number, cc: number) => {
          const k = rows[rr]?.[cc];
          if (k && k !== ch) set.add(k);
        };
        add(r, c - 1);
        add(r, c + 1);
        add(r - 1, c);
        add(r - 1, c + 1);
        add(r + 1, c - 1);
        add(r + 1, c);
        out.set(ch, set);
      });
    });
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}
const NEIGHBOURS = buildNeighbours();

const VOWELS = 'aeiouy';
const ADDITION_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** ASCII lookalike substitutions, both directions where both read naturally. */
const ASCII_GLYPHS: [string, string][] = [
  ['m', 'rn'],
  ['rn', 'm'],
  ['m', 'nn'],
  ['l', '1'],
  ['i', '1'],
  ['o', '0'],
  ['d', 'cl'],
  ['cl', 'd'],
  ['w', 'vv'],
  ['vv', 'w'],
];

/**
 * Cyrillic and Greek letters that render like a Latin lower-case letter (UTS #39 confusables, plus
 * palochka ӏ for l and Cyrillic к for k, which Chromium's extra map also treats as lookalikes).
 */
const UNICODE_GLYPHS: Record<string, string[]> = {
  a: ['\u0430', '\u03b1'], // а α
  c: ['\u0441'], // с (Greek lunate sigma ϲ is mapped to σ by IDNA, so it is not used)
  d: ['\u0501'], // ԁ
  e: ['\u0435'], // е
  h: ['\u04bb'], // һ
  i: ['\u0456', '\u03b9'], // і ι
  j: ['\u0458'], // ј
  k: ['\u043a'], // к
  l: ['\u04cf'], // ӏ
  o: ['\u043e', '\u03bf'], // о ο
  p: ['\u0440', '\u03c1'], // р ρ
  q: ['\u051b'], // ԛ
  s: ['\u0455'], // ѕ
  u: ['\u03c5'], // υ
  v: ['\u03bd'], // ν
  w: ['\u051d'], // ԝ
  x: ['\u0445'], // х
  y: ['\u0443'], // у
};
/** Whole-script Cyrillic: only letters whose Cyrillic twin is a near-perfect match. */
const CYRILLIC_WHOLE: Record<string, string> = {
  a: '\u0430',
  c: '\u0441',
  e: '\u0435',
  i: '\u0456',
  j: '\u0458',
  o: '\u043e',
  p: '\u0440',
  s: '\u0455',
  x: '\u0445',
  y: '\u0443',
  h: '\u04bb',
};

/** Accented letters AFNIC accepts in .fr names (the ones a French reader will not notice). */
const FR_ACCENTS: Record<string, string[]> = {
  a: ['à', 'á', 'â', 'ä'],
  c: ['ç'],
  e: ['è', 'é', 'ê', 'ë'],
  i: ['î', 'ï'],
  o: ['ô', 'ö'],
  u: ['ù', 'û', 'ü'],
  y: ['ÿ'],
};

/**
 * Suffixes nobody outside the State can register under: a typo of impots.gouv.fr has to live under
 * another suffix, so same-suffix variants (typos, homoglyphs, tail embedding) use plain "fr" instead.
 */
const RESTRICTED_SUFFIXES: Record<string, string> = { 'gouv.fr': 'fr' };

/** Real public suffixes commonly used for lookalikes (all are in the PSL). */
export const SWAP_TLDS = ['com', 'net', 'org', 'info', 'eu', 'fr', 'online', 'site', 'xyz', 'top', 'app', 'co', 'com.fr', 'be', 'shop', 'live'];

/** Neutral, lure-free registrable domains to embed targets in. */
const NEUTRAL_HOSTS = ['srv-4821.com', 'h7k2p.net', 'cdn-node.info', 'zeta-web.xyz', 'q9host.online', 'ovh-vps88.site'];
const NEUTRAL_WORDS = ['srv', 'web', 'node', 'zone', 'fr', 'net'];

/** Free hosting / site builders. Their suffixes are private PSL entries, except 000webhostapp.com. */
export const FREE_HOSTS = [
  'netlify.app',
  'web.app',
  'firebaseapp.com',
  'github.io',
  'blogspot.com',
  'wixsite.com',
  '000webhostapp.com',
  'vercel.app',
  'pages.dev',
  'herokuapp.com',
  'weebly.com',
  'glitch.me',
];

/** Paths cycled over variants so that URLs look like real lures (the verdict must not depend on them). */
const PATHS = ['/', '/connexion', '/espace-assure/login.php?ref=sms', '/remboursement/', '/carte-vitale/commande', '/?id=AML-591783'];

// ---------------------------------------------------------------------------------------------
// Label-level fuzzers. Each takes the name (registrable domain minus its public suffix) and returns
// candidate names; invalid labels are filtered later.

function omission(name: string): string[] {
  return [...name].map((_, i) => name.slice(0, i) + name.slice(i + 1));
}

function insertion(name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < name.length; i++) {
    for (const n of NEIGHBOURS.get(name[i]!) ?? []) {
      out.push(name.slice(0, i) + n + name.slice(i)); // before
      out.push(name.slice(0, i + 1) + n + name.slice(i + 1)); // after
    }
  }
  return out;
}

function replacement(name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < name.length; i++)
    for (const n of NEIGHBOURS.get(name[i]!) ?? []) out.push(name.slice(0, i) + n + name.slice(i + 1));
  return out;
}

function repetition(name: string): string[] {
  return [...name].flatMap((c, i) => (c === '-' ? [] : [name.slice(0, i + 1) + c + name.slice(i + 1)]));
}

function transposition(name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < name.length; i++)
    if (name[i] !== name[i + 1]) out.push(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2));
  return out;
}

function hyphenation(name: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < name.length; i++) if (name[i - 1] !== '-' && name[i] !== '-') out.push(name.slice(0, i) + '-' + name.slice(i));
  return out;
}

function vowelSwap(name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < name.length; i++)
    if (VOWELS.includes(name[i]!)) for (const v of VOWELS) if (v !== name[i]) out.push(name.slice(0, i) + v + name.slice(i + 1));
  return out;
}

function addition(name: string): string[] {
  return [...ADDITION_CHARS].map((c) => name + c);
}

/** Every single substitution, then all of them at once (the "2-level" dnstwist idea, bounded). */
function substitutions(name: string, table: [string, string][]): string[] {
  const out: string[] = [];
  for (const [from, to] of table) {
    let at = name.indexOf(from);
    let all = name;
    let count = 0;
    while (at !== -1) {
      out.push(name.slice(0, at) + to + name.slice(at + from.length));
      count++;
      at = name.indexOf(from, at + 1);
    }
    if (count > 1) {
      all = name.split(from).join(to);
      out.push(all);
    }
  }
  return out;
}

function homoglyphAscii(name: string): string[] {
  return substitutions(name, ASCII_GLYPHS);
}

function homoglyphUnicode(name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < name.length; i++)
    for (const g of UNICODE_GLYPHS[name[i]!] ?? []) out.push(name.slice(0, i) + g + name.slice(i + 1));
  // Whole-script Cyrillic, only when every letter has a twin (a mixed label is a different attack).
  const letters = [...name].filter((c) => /[a-z]/.test(c));
  if (letters.length && letters.every((c) => CYRILLIC_WHOLE[c])) out.push([...name].map((c) => CYRILLIC_WHOLE[c] ?? c).join(''));
  // Two substitutions at once (first and last substitutable letter), as attackers often do.
  const idx = [...name].map((c, i) => (UNICODE_GLYPHS[c] ? i : -1)).filter((i) => i >= 0);
  if (idx.length >= 2) {
    const a = idx[0]!;
    const b = idx[idx.length - 1]!;
    out.push(name.slice(0, a) + UNICODE_GLYPHS[name[a]!]![0] + name.slice(a + 1, b) + UNICODE_GLYPHS[name[b]!]![0] + name.slice(b + 1));
  }
  return out;
}

function homoglyphAccent(name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < name.length; i++) for (const g of FR_ACCENTS[name[i]!] ?? []) out.push(name.slice(0, i) + g + name.slice(i + 1));
  return out;
}

/** ame.li.fr: a dot inside the name. The registrable domain changes (li.fr), but a reader sees "ameli.fr". */
function subdomainDot(name: string): string[] {
  const out: string[] = [];
  for (let i = 2; i < name.length - 1; i++) if (name[i - 1] !== '-' && name[i] !== '-') out.push(name.slice(0, i) + '.' + name.slice(i));
  return out;
}

// ---------------------------------------------------------------------------------------------

const LABEL_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Valid ASCII host (each label LDH, no "--" in positions 3-4 unless it is real punycode). */
function validAsciiHost(host: string): boolean {
  if (!host || host.length > 253) return false;
  return host.split('.').every((l) => LABEL_RE.test(l) && (l.slice(2, 4) !== '--' || l.startsWith('xn--')));
}

function toAscii(host: string): string {
  return domainToASCII(host);
}

interface Candidate {
  host: string; // may be Unicode
  fuzzer: FuzzerName;
  expect: Expectation;
  path?: string;
  /** Set when the imitated token is a brand of its own (combos), not the domain name. */
  short?: boolean;
}

interface Target {
  domain: string; // registrable, e.g. harmonie-mutuelle.fr
  name: string; // harmonie-mutuelle
  suffix: string; // fr
  orgId: string;
}

/** Candidates for one official registrable domain. `brands` are the organisation's brand tokens. */
export function fuzzDomain(
  domain: string,
  brands: readonly string[],
  keywords: readonly string[],
  { nameIsBrand = true }: { nameIsBrand?: boolean } = {},
): Candidate[] {
  const p = parse(domain, { allowPrivateDomains: true });
  const name = p.domainWithoutSuffix;
  const suffix = p.publicSuffix;
  if (!name || !suffix) return [];
  const short = name.replace(/-/g, '').length < MIN_TYPO_LENGTH;
  const sameSuffix = RESTRICTED_SUFFIXES[suffix] ?? suffix;
  const out: Candidate[] = [];
  const add = (fuzzer: FuzzerName, expect: Expectation, names: string[], sfx = sameSuffix) => {
    for (const n of names) out.push({ host: `${n}.${sfx}`, fuzzer, expect });
  };

  // Typos: only for names of 5+ characters (DESIGN.md: never edit distance on short brands).
  if (!short && nameIsBrand) {
    add('omission', 'lookalike', omission(name));
    add('insertion', 'lookalike', insertion(name));
    add('replacement', 'lookalike', replacement(name));
    add('repetition', 'lookalike', repetition(name));
    add('transposition', 'lookalike', transposition(name));
    add('hyphenation', 'lookalike', hyphenation(name));
    add('vowel-swap', 'lookalike', vowelSwap(name));
    add('addition', 'lookalike', addition(name));
  }
  // Homoglyphs are skeleton matches, not edits: expected for every length.
  if (nameIsBrand) {
    add('homoglyph-ascii', 'lookalike', homoglyphAscii(name));
    add('homoglyph-unicode', 'lookalike', homoglyphUnicode(name));
    add('homoglyph-accent', 'lookalike', homoglyphAccent(name));
  }

  // TLD swap: same name, another real suffix. A weaker signal (suspicious at least).
  if (nameIsBrand) for (const t of SWAP_TLDS) if (t !== suffix) out.push({ host: `${name}.${t}`, fuzzer: 'tld-swap', expect: 'suspicious' });

  // Embedding. Non-tail (the target is followed by more tokens) is a strong imitation. The whole
  // official domain is embedded, so this applies even when the name alone is a common word.
  const sfxToken = suffix.replace(/\./g, '-');
  const sfxGlued = suffix.replace(/\./g, '');
  NEUTRAL_HOSTS.forEach((n, i) => {
    out.push({ host: `${domain}.${n}`, fuzzer: 'embedding', expect: 'lookalike' });
    if (i < 2) out.push({ host: `login.${domain}.${n}`, fuzzer: 'embedding', expect: 'lookalike' });
    if (i < 2) out.push({ host: `www.${domain}-${n}`, fuzzer: 'embedding', expect: 'lookalike' }); // ameli.fr-srv-4821.com
  });
  for (const t of ['com', 'net', 'info']) {
    out.push({ host: `${name}-${sfxToken}.${t}`, fuzzer: 'embedding', expect: 'lookalike' }); // ameli-fr.com
    out.push({ host: `www-${name}-${sfxToken}.${t}`, fuzzer: 'embedding', expect: 'lookalike' }); // www-ameli-fr.com
    out.push({ host: `${name}-${sfxToken}-${NEUTRAL_WORDS[0]}.${t}`, fuzzer: 'embedding', expect: 'lookalike' });
    // Glued forms ("amelifr") are only unambiguous for names of 5+ characters.
    if (!short) {
      out.push({ host: `${name}${sfxGlued}.${t}`, fuzzer: 'embedding', expect: 'lookalike' }); // amelifr.com
      out.push({ host: `${name}${sfxGlued}-${NEUTRAL_WORDS[1]}.${t}`, fuzzer: 'embedding', expect: 'lookalike' });
    }
  }
  // The whole address with a hyphen for its first dot, on what is left of its suffix (impots-gouv.fr),
  // or on its own suffix again (ameli-fr.fr).
  const suffixRest = suffix.includes('.') ? suffix.slice(suffix.indexOf('.') + 1) : suffix;
  out.push({ host: `${name}-${suffix.includes('.') ? suffix.slice(0, suffix.indexOf('.')) : suffix}.${suffixRest}`, fuzzer: 'embedding', expect: 'lookalike' });
  if (suffix.includes('.')) {
    const firstLabel = suffix.slice(0, suffix.indexOf('.'));
    // The same after a hyphenated www (www-justice-gouv.fr), and the address cut inside its own
    // suffix, carried on after a hyphen (impots.gouv-remboursement.fr).
    out.push({ host: `www-${name}-${firstLabel}.${suffixRest}`, fuzzer: 'embedding', expect: 'lookalike' });
    out.push({ host: `${name}.${firstLabel}-${keywords[0] ?? NEUTRAL_WORDS[0]}.fr`, fuzzer: 'embedding', expect: 'lookalike' });
    out.push({ host: `${name}.${firstLabel}-${NEUTRAL_WORDS[1]}.com`, fuzzer: 'embedding', expect: 'lookalike' });
  }
  // Embedded domain + a lure keyword (amelifr-compte.com, ameli-fr-remboursement.net).
  for (const [i, kw] of keywords.slice(0, 3).entries()) {
    const t = ['com', 'net', 'info'][i]!;
    out.push({ host: `${name}-${sfxToken}-${kw}.${t}`, fuzzer: 'embedding', expect: 'lookalike' });
    if (!short) out.push({ host: `${name}${sfxGlued}-${kw}.${t}`, fuzzer: 'embedding', expect: 'lookalike' });
  }
  // Tail embedding: the target ends the host on its own suffix (www-ameli.fr, x-ameli.fr): weaker.
  if (nameIsBrand) for (const w of ['www', 'web', 'my', 'fr']) out.push({ host: `${w}-${name}.${sameSuffix}`, fuzzer: 'embedding-tail', expect: 'suspicious' });

  // Combosquatting: brand + lure keyword, hyphenated or glued, prefix or suffix, on cycled TLDs.
  const tokens = [...new Set(nameIsBrand ? [name, ...brands] : brands)];
  let k = 0;
  let first = 0;
  for (const b of tokens) {
    const bShort = b.replace(/-/g, '').length < MIN_TYPO_LENGTH;
    // At most COMBO_WORDS lure words per brand, each brand starting where the last one stopped: every
    // word is used, and the corpus (and the bench's mix drawn from it) keeps its size as the list grows.
    const count = Math.min(COMBO_WORDS, keywords.length);
    for (let j = 0; j < count; j++) {
      const kw = keywords[(first + j) % keywords.length]!;
      if (b.includes(kw) || kw.includes(b)) continue;
      const t = ['com', 'fr', 'net', 'info', 'online', 'org'][k++ % 6];
      out.push({ host: `${b}-${kw}.${t}`, fuzzer: 'combosquat', expect: 'lookalike', short: bShort });
      out.push({ host: `${kw}-${b}.${t}`, fuzzer: 'combosquat', expect: 'lookalike', short: bShort });
      if (!bShort && !b.includes('-') && !kw.includes('-')) {
        out.push({ host: `${b}${kw}.${t}`, fuzzer: 'combosquat', expect: 'lookalike', short: bShort });
        out.push({ host: `${kw}${b}.${t}`, fuzzer: 'combosquat', expect: 'lookalike', short: bShort });
      }
    }
    first = (first + count) % Math.max(1, keywords.length);
    // A brand of two words with a dot for its hyphen, then a lure word (harmonie.mutuelle-espace.com).
    const words = b.split('-');
    if (words.length === 2 && words.every(Boolean)) {
      for (const kw of keywords.slice(0, 2)) if (!b.includes(kw)) out.push({ host: `${words[0]}.${words[1]}-${kw}.com`, fuzzer: 'combosquat', expect: 'lookalike', short: bShort });
    }
  }

  // Free hosting: the brand alone (suspicious at least), brand + lure (lookalike).
  FREE_HOSTS.forEach((h, i) => {
    for (const b of tokens) {
      const path = h === 'wixsite.com' ? '/espace-assure' : undefined;
      const bShort = b.replace(/-/g, '').length < MIN_TYPO_LENGTH;
      out.push({ host: `${b}.${h}`, fuzzer: 'free-hosting', expect: 'suspicious', path, short: bShort });
      out.push({ host: `${b}-${sfxToken}.${h}`, fuzzer: 'free-hosting', expect: 'suspicious', path, short: bShort });
      const kw = keywords[(i + b.length) % Math.max(1, keywords.length)];
      if (kw && !b.includes(kw) && !kw.includes(b)) {
        out.push({ host: `${b}-${kw}.${h}`, fuzzer: 'free-hosting-combo', expect: 'lookalike', path, short: bShort });
        out.push({ host: `${kw}-${b}.${h}`, fuzzer: 'free-hosting-combo', expect: 'lookalike', path, short: bShort });
      }
    }
  });

  if (!short && nameIsBrand) add('subdomain-dot', 'suspicious', subdomainDot(name));

  // Two tricks stacked: a slip in the name AND the name's own suffix inside another address, or a lure
  // word next to it (amelli-fr.com, aemli.fr.srv-4821.com, amelli-remboursement.net). A few slips of
  // each kind per name, each in three settings.
  if (!short && nameIsBrand) {
    const slips = [...omission(name).slice(0, 2), ...transposition(name).slice(0, 2), ...repetition(name).slice(0, 2), ...replacement(name).slice(0, 2)];
    slips.forEach((slip, i) => {
      const kw = keywords[i % Math.max(1, keywords.length)];
      out.push({ host: `${slip}-${sfxToken}.${['com', 'net', 'info'][i % 3]}`, fuzzer: 'stacked-typo', expect: 'lookalike' });
      out.push({ host: `${slip}.${suffix}.${NEUTRAL_HOSTS[i % NEUTRAL_HOSTS.length]}`, fuzzer: 'stacked-typo', expect: 'lookalike' });
      if (kw && !slip.includes(kw)) out.push({ host: i % 2 ? `${kw}-${slip}.com` : `${slip}-${kw}.fr`, fuzzer: 'stacked-typo', expect: 'lookalike' });
    });
  }
  return out;
}

export interface CorpusOptions {
  /** Limit the number of variants per (domain, fuzzer), keeping a deterministic spread. */
  maxPerFuzzer?: number;
}

/**
 * The corpus over the whole list: every organisation, every domain. Variants whose host is, or is
 * under, any listed official domain are dropped; so are duplicates (first fuzzer wins).
 */
export function buildCorpus(list: VigieList, options: CorpusOptions = {}): Variant[] {
  const official = new Set<string>();
  for (const org of list.organizations) for (const d of org.domains) official.add(d);
  const isOfficial = (asciiHost: string) => {
    const labels = asciiHost.split('.');
    for (let i = 0; i < labels.length - 1; i++) if (official.has(labels.slice(i).join('.'))) return true;
    return false;
  };
  const seen = new Set<string>();
  const out: Variant[] = [];
  let pathIdx = 0;
  for (const org of list.organizations) {
    for (const domain of org.domains) {
      // `commonWord` (an optional list field): the organisation's domain name is an ordinary word
      // (justice.gouv.fr, impots.gouv.fr), so only its brands and its whole domain identify it.
      const nameIsBrand = (org as { commonWord?: unknown }).commonWord !== true;
      const cands = fuzzDomain(domain, org.brands, list.keywords, { nameIsBrand });
      const name = parse(domain, { allowPrivateDomains: true }).domainWithoutSuffix ?? domain;
      const short = name.replace(/-/g, '').length < MIN_TYPO_LENGTH;
      const perFuzzer = new Map<FuzzerName, Candidate[]>();
      for (const c of cands) {
        const arr = perFuzzer.get(c.fuzzer) ?? [];
        arr.push(c);
        perFuzzer.set(c.fuzzer, arr);
      }
      for (const [, arr0] of perFuzzer) {
        let arr = arr0;
        if (options.maxPerFuzzer && arr.length > options.maxPerFuzzer) {
          const step = arr.length / options.maxPerFuzzer;
          arr = Array.from({ length: options.maxPerFuzzer }, (_, i) => arr0[Math.floor(i * step)]!);
        }
        for (const c of arr) {
          const ascii = toAscii(c.host);
          if (!validAsciiHost(ascii)) continue;
          if (ascii === domain || isOfficial(ascii)) continue;
          if (seen.has(ascii)) continue;
          seen.add(ascii);
          const path = c.path ?? PATHS[pathIdx++ % PATHS.length]!;
          const base = { host: ascii, fuzzer: c.fuzzer, source: domain, orgId: org.id, expect: c.expect, short: c.short ?? short };
          out.push({ ...base, url: `https://${ascii}${path}`, unicodeForm: false });
          // IDN: also the Unicode spelling, as a user would see it in a link.
          if (ascii.includes('xn--')) {
            const uni = domainToUnicode(ascii);
            if (uni && uni !== ascii) out.push({ ...base, url: `https://${uni}${path}`, unicodeForm: true });
          }
        }
      }
    }
  }
  return out;
}
