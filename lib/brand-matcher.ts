import { foldWords } from './text-fold';
import type { VigieList } from './list-schema';

/**
 * Brand mentions in page text. The background builds a compact `BrandMatcherData` from the list and
 * hands it to content scripts (which never load the list or the engine); `findBrandMentions` then
 * finds which organisations a short piece of page text names.
 *
 * Matching is whole-word on normalised text (lower case, accents stripped, punctuation → space), so
 * "camelia" never matches "ameli" and "ameli-vitale" does. Conservative by construction:
 * - a single common word (harmonie, alan, april, santé, mutuelle…) is never a variant on its own:
 *   such organisations are only recognised by their full name ("harmonie mutuelle");
 * - acronyms of 3 characters or fewer (axa, mma, gan, msa…) are "strict": they only count where a
 *   page states its identity (site name, logo), never in a headline or a sentence.
 */

export interface BrandMatcherOrg {
  id: string;
  /** Display name (from the list), for the in-page warning. */
  name: string;
  /** Official registrable domains; the first is the primary one (used as verdict target and link). */
  domains: string[];
  /** Normalised phrases matched anywhere we look. */
  variants: string[];
  /**
   * Normalised names that are too short or too common to trust in a sentence (acronyms of 3 characters
   * or fewer such as "mma"; full names made only of common words such as "alan", "april"). They only
   * count where a page states its identity (site name, logo) and nothing else is said there.
   * Omitted when empty (the data is sent to every frame that asks for it: keep it small).
   */
  strict?: string[];
  /**
   * Normalised brand phrases made only of common words ("carte vitale", "service public"): they name
   * a thing as much as an organisation, so they only ever count as a mention, never as identity.
   * Omitted when empty.
   */
  generic?: string[];
}

export interface BrandMatcherData {
  version: 1;
  orgs: BrandMatcherOrg[];
}

/** Words too common to identify an organisation on their own (normalised form). */
const GENERIC_WORDS = /* @__PURE__ */ new Set(
  (
    'la le les l de des du d et en a au aux un une mon ma mes votre vos ' +
    'mutuelle mutuelles mutualite mutualiste sante assurance assurances assureur maladie groupe groupement france ' +
    'francaise francais prevoyance vitale carte compte securite sociale social generale general famille familiale ' +
    'solidaire solidarite harmonie alan april service services public publique portail espace adherent adherents ' +
    'assure assures info infos nouvelle nouveau vie union avenir national nationale retraite entreprise entreprises ' +
    'pro plus direct one signal spam cyber interieur economie caisse centrale regionale reseau soins tiers payant ' +
    'partenaires partenaire professionnels particuliers bleue verte initiative fonction conseil gestion client clients ' +
    'ministere justice impots mieux etre europe'
  ).split(' '),
);

const MAX_VARIANT_WORDS = 6;

/**
 * Cyrillic and Greek letters that look like Latin ones. Phishing kits write "Amеli" with a Cyrillic е
 * so that the page names ameli to the eye but not to a text match.
 */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', з: '3', і: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't',
  у: 'y', х: 'x', ѕ: 's', ԁ: 'd', ӏ: 'l', һ: 'h', ԛ: 'q', ԝ: 'w', ү: 'y', ё: 'e',
  А: 'A', В: 'B', Е: 'E', З: '3', І: 'I', Ј: 'J', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T',
  У: 'Y', Х: 'X', Ѕ: 'S', Ү: 'Y', Ё: 'E',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

const isLatinLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
const isGreekOrCyrillic = (c: number) => c >= 0x370 && c <= 0x52f;
/** Invisible characters a kit slips inside a name ("am\u00ADeli"): soft hyphen, zero-width spaces and joiners, word joiner, BOM. */
const isInvisible = (c: number) => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

/**
 * The text as a reader sees it: invisible characters dropped, and in a word that mixes Latin letters
 * with Greek or Cyrillic ones, those read as the Latin letters they look like. A word wholly in Greek
 * or Cyrillic is left alone (Russian "аха" is not AXA).
 */
function asRead(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xad && (isInvisible(c) || isGreekOrCyrillic(c))) break;
  }
  if (i === s.length) return s; // the common case: nothing to do
  let out = '';
  let word = '';
  let latin = false;
  let other = false;
  const flush = () => {
    if (latin && other) for (const ch of word) out += LATIN_LOOKALIKES[ch] ?? ch;
    else out += word;
    word = '';
    latin = other = false;
  };
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (isInvisible(c)) continue;
    if (isLatinLetter(c)) latin = true;
    else if (isGreekOrCyrillic(c)) other = true;
    else {
      flush();
      out += ch;
      continue;
    }
    word += ch;
  }
  flush();
  return out;
}

/**
 * As read (see asRead), lower case, accents stripped, camelCase split, anything but a-z0-9 → single
 * spaces. Input capped.
 */
export function normalizeText(s: string, max = 2000): string {
  return foldWords(asRead(s.length > max ? s.slice(0, max) : s), max);
}

/**
 * Words a page uses around its own name in titles and headings ("Connexion - ameli", "Mon compte
 * ameli", "Espace adhérent | Harmonie Mutuelle"). A title part made only of a brand and these words is
 * the page saying who it is; anything else ("Compte ameli bloqué", "Arnaque à la carte Vitale") is a
 * mention.
 */
// Pure: bundlers drop it from the content script, which only classifies fields.
export const CHROME_WORDS = /* @__PURE__ */ new Set(
  // Words of one or two letters (le, la, de, fr…) are page chrome by definition: callers skip them.
  (
    'les des aux sur une mon mes votre vos notre nos compte comptes espace client clients adherent adherents ' +
    'assure assures particulier particuliers connexion connecter connectez vous identification authentification ' +
    'login accueil bienvenue portail site officiel officielle ligne services service securise securisee acces ' +
    'com net org gouv www logo img png svg jpg'
  ).split(' '),
);

interface VariantSets {
  variants: Set<string>;
  strict: Set<string>;
  generic: Set<string>;
}

const PORTAL_WORDS = /* @__PURE__ */ new Set(['mon', 'ma', 'mes', 'votre', 'vos', 'espace', 'compte', 'portail', 'client', 'service', 'services']);

/** `from`: where the phrase comes from; a full name or a brand token may stay even if made of common words. */
function addVariant(phrase: string, sets: VariantSets, from: 'name' | 'name-part' | 'brand' | 'domain'): void {
  const { variants, strict, generic } = sets;
  let words = normalizeText(phrase).split(' ').filter(Boolean);
  // "L'Assurance Maladie" → "assurance maladie": a leading article adds nothing and blocks matches.
  while (words.length > 1 && ['l', 'la', 'le', 'les'].includes(words[0]!)) words = words.slice(1);
  if (words.length === 0 || words.length > MAX_VARIANT_WORDS) return;
  const v = words.join(' ');
  if (words.every((w) => GENERIC_WORDS.has(w))) {
    // A name made of common words: kept when it is a real multi-word name ("assurance maladie",
    // "harmonie mutuelle"); strict when it is one word ("alan") or reads like page chrome
    // ("mon espace santé"). Other multi-word phrases of common words ("carte vitale") are generic;
    // a single common word that is not the whole name ("harmonie") is dropped.
    if (from !== 'name') {
      if (from === 'brand' && words.length > 1) generic.add(v);
      return;
    }
    if (words.length > 1 && !words.some((w) => PORTAL_WORDS.has(w))) variants.add(v);
    else strict.add(v);
    return;
  }
  if (words.length === 1 && (v.length <= 3 || /^\d+$/.test(v))) strict.add(v);
  else variants.add(v);
}

/** Builds the compact data sent to content scripts. Pure; deterministic for a given list. */
export function buildBrandMatcherData(list: Pick<VigieList, 'organizations'>): BrandMatcherData {
  const orgs: BrandMatcherOrg[] = [];
  for (const org of list.organizations) {
    const sets: VariantSets = { variants: new Set(), strict: new Set(), generic: new Set() };
    const { variants, strict, generic } = sets;
    // The name and its parts around " - " ("MSA - Mutualité sociale agricole"); parenthesised
    // remarks are dropped: they often name a parent group shared by several organisations.
    const name = org.name.replace(/\([^)]*\)/g, ' ');
    addVariant(name, sets, 'name');
    for (const part of name.split(/\s[-–—|:]\s/)) addVariant(part, sets, 'name-part');
    for (const b of org.brands ?? []) addVariant(b.replace(/-/g, ' '), sets, 'brand');
    // The domain's first label is how logos and asset files are often named (logo-malakoffhumanis.svg),
    // unless the list says that label is an ordinary word (mieux-etre.fr, justice.gouv.fr).
    if (!(org as { commonWord?: boolean }).commonWord)
      for (const d of org.domains) addVariant(d.split('.')[0]!.replace(/-/g, ' '), sets, 'domain');
    // A commonWord organisation whose name only repeats its ordinary domain label ("Sécurité sociale",
    // securite-sociale.fr) is named by that phrase in every guide: identity slots only.
    if ((org as { commonWord?: boolean }).commonWord)
      for (const d of org.domains) {
        const label = normalizeText(d.split('.')[0]!.replace(/-/g, ' '));
        if (variants.delete(label)) strict.add(label);
      }
    for (const v of variants) {
      strict.delete(v);
      generic.delete(v);
    }
    if (variants.size + strict.size + generic.size === 0) continue;
    const entry: BrandMatcherOrg = { id: org.id, name: org.name, domains: [...org.domains], variants: [...variants] };
    if (strict.size) entry.strict = [...strict];
    if (generic.size) entry.generic = [...generic];
    orgs.push(entry);
  }
  return { version: 1, orgs };
}

interface CompiledMatcher {
  /** phrase → org indexes, one map per kind of variant. */
  loose: Map<string, number[]>;
  strict: Map<string, number[]>;
  generic: Map<string, number[]>;
  maxWords: number;
  byId: Map<string, BrandMatcherOrg>;
}

const compiled = new WeakMap<BrandMatcherData, CompiledMatcher>();

function compile(data: BrandMatcherData): CompiledMatcher {
  let c = compiled.get(data);
  if (c) return c;
  c = { loose: new Map(), strict: new Map(), generic: new Map(), maxWords: 1, byId: new Map() };
  const add = (map: Map<string, number[]>, phrase: string, i: number) => {
    const arr = map.get(phrase);
    if (arr) arr.includes(i) || arr.push(i);
    else map.set(phrase, [i]);
    c!.maxWords = Math.max(c!.maxWords, phrase.split(' ').length);
  };
  data.orgs.forEach((org, i) => {
    c!.byId.set(org.id, org);
    for (const v of org.variants) add(c!.loose, v, i);
    for (const v of org.strict ?? []) add(c!.strict, v, i);
    for (const v of org.generic ?? []) add(c!.generic, v, i);
  });
  compiled.set(data, c);
  return c;
}

export function orgById(data: BrandMatcherData, id: string): BrandMatcherOrg | undefined {
  return compile(data).byId.get(id);
}

/** Phrases that name the NIR, not the organisation ("numéro de sécurité sociale"). */
const NIR_PHRASES = /\b(?:numero|num|no|n) (?:de )?(?:securite sociale|secu)\b/g;

export interface BrandMatch {
  /** Organisations named by a distinctive variant, in order of first appearance. */
  ids: string[];
  /** Organisations named only by a strict variant (short acronym or common-word name); identity mode only. */
  strictIds: string[];
  /** Organisations named only by a generic phrase ("carte vitale"): a mention at most. */
  genericIds: string[];
  /** The words of the text that no match covered (lets callers tell "Connexion - ameli" from a headline). */
  rest: string[];
}

/**
 * Which organisations `text` names. Callers pass short texts (titles, headings, alt texts): the input
 * is capped anyway. `identity: true` when the text is where a page states what it is (og:site_name,
 * application-name, logo): strict variants are looked up too.
 */
export function matchBrands(text: string, data: BrandMatcherData, opts: { identity?: boolean } = {}): BrandMatch {
  const c = compile(data);
  const words = normalizeText(text).replace(NIR_PHRASES, ' ').split(' ').filter(Boolean);
  const ids: number[] = [];
  const strictIds: number[] = [];
  const genericIds: number[] = [];
  const covered = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    let phrase = '';
    for (let n = 0; n < c.maxWords && i + n < words.length; n++) {
      phrase = n === 0 ? words[i]! : phrase + ' ' + words[i + n];
      const loose = c.loose.get(phrase);
      const strict = opts.identity ? c.strict.get(phrase) : undefined;
      if (loose) for (const h of loose) if (!ids.includes(h)) ids.push(h);
      const generic = c.generic.get(phrase);
      if (strict) for (const h of strict) if (!strictIds.includes(h)) strictIds.push(h);
      if (generic) for (const h of generic) if (!genericIds.includes(h)) genericIds.push(h);
      if (loose || strict || generic) covered.fill(1, i, i + n + 1);
    }
  }
  return {
    ids: ids.map((i) => data.orgs[i]!.id),
    strictIds: strictIds.filter((i) => !ids.includes(i)).map((i) => data.orgs[i]!.id),
    genericIds: genericIds.filter((i) => !ids.includes(i) && !strictIds.includes(i)).map((i) => data.orgs[i]!.id),
    rest: words.filter((_, i) => !covered[i]),
  };
}

/** Organisation ids named in `text` by a distinctive variant (whole words), in order of first appearance. */
export function findBrandMentions(text: string, data: BrandMatcherData): string[] {
  return matchBrands(text, data).ids;
}
