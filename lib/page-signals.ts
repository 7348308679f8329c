import { CHROME_WORDS, matchBrands, normalizeText, type BrandMatcherData } from './brand-matcher';
import type { SensitiveKind } from './messages';
import { describeField, FIELD_CAP, hasSensitiveKeyword, isCandidateField, mayBeNirPlaceholder, mayBeSensitive, watchFields } from './page-fields';

export { FIELD_CAP, isCandidateField, watchFields };

/**
 * Page signals over a DOM we are handed (the live page in the content script, happy-dom in tests):
 * which sensitive fields the page asks for, and which listed organisation it presents itself as.
 *
 * Brand mention alone never flags anything (DESIGN.md: DOM signals are escalation, not evidence).
 * Two levels of brand evidence:
 * - identity: where a page says what it is: og:site_name / application-name, a logo (alt text, file
 *   name, or an image hot-linked from the official domain), a favicon from the official domain, and a
 *   title part / heading made of a brand plus page chrome only ("Connexion - ameli", "Mon compte
 *   Harmonie Mutuelle"). Reported whenever present.
 * - mention: a brand inside a sentence ("Compte ameli bloqué", "Renouvellement de votre carte Vitale").
 *   Reported only when the page also asks for a NIR, a card or an IBAN AND uses a lure word (frais,
 *   remboursement, renouvellement…): a hospital form that says "carte Vitale" next to a NIR field,
 *   or a forum thread about ameli with a login box, stays quiet.
 * A page naming more than two organisations at identity level is a comparison or news page, not an
 * impersonation: nothing is reported.
 *
 * Cost is bounded: at most FIELD_CAP fields, a few headings and images, every text truncated; never
 * the whole body text.
 */

export interface PageSignals {
  brandOrgIds: string[];
  sensitive: SensitiveKind[];
}

const IMAGE_CAP = 40;
const HEADING_CAP = 4;
const FORM_CAP = 8;
const TEXT_CAP = 200;
const MAX_ORGS = 2;

export const KIND_ORDER: readonly SensitiveKind[] = ['nir', 'card-number', 'card-expiry', 'card-cvv', 'iban', 'password', 'birth-date'];

/** Kinds that make a mention-level brand count (the data fake sites are after). */
const HIGH_VALUE: ReadonlySet<SensitiveKind> = new Set(['nir', 'card-number', 'card-expiry', 'card-cvv', 'iban']);

// Field descriptors are normalised (lower case, no accents, punctuation → space), so "N° de sécu" is
// "n de secu" and "numSecu" is "num secu". Whole words only.
const NIR_STRONG =
  /\b(?:nir|nss|securite sociale|secu|numero insee|n insee|assure social|numero d assure social|n d immatriculation securite|numero (?:de )?(?:la )?carte vitale|n (?:de )?carte vitale|(?:n|no|num|numero) (?:de )?ss|social security)\b/;
const NIR_WEAK = /\b(?:carte vitale|assure|assuree|numero d assure|n d assure|immatriculation|identifiant)\b/;
const CARD_NUMBER =
  /\b(?:numero (?:de )?(?:la |votre )?carte(?: bancaire| de credit| bleue| de paiement)?|n (?:de )?carte(?: bancaire)?|carte bancaire|card ?number|card num|cc ?num(?:ber)?|ccnum|credit card|numero cb)\b/;
const CARD_NOT = /\b(?:vitale|tiers payant|adherent|fidelite|cadeau|gift|identite|sejour|grise)\b/;
const CARD_EXPIRY = /\b(?:expiration|expiry|expire|exp|ccexp|expdate|(?:date|fin) de validite|(?<!\b(?:jj|dd) )mm (?:aa|yy|aaaa))\b/;
const CARD_CVV = /\b(?:cv[vc]2?|csc|cryptogramme|code de securite|security code)\b/;
// A NIR written out as an example or a mask: its grouping 1-2-2-2-3-3(-2) ("1 85 05 78 006 084 36",
// "_ __ __ __ ___ ___ __", "2 85 05 2A 006 084"), or 13 or 15 digits run together.
const NIR_PLACEHOLDER =
  /^\s*(?:[1-478x_#*•][ .-][\dx_#*•]{2}[ .-][\dx_#*•]{2}[ .-](?:[\dx_#*•]{2}|2[ab])[ .-][\dx_#*•]{3}[ .-][\dx_#*•]{3}(?:[ .-][\dx_#*•]{2})?|[1-478]\d{12}(?:\d{2})?)\s*$/i;
const IBAN = /\b(?:iban|rib|bic iban)\b/;
// A password field a kit left as plain text (masked by CSS, or not at all).
const PASSWORD = /\b(?:mot de passe|mdp|password|passwd|pwd)\b/;
// Place / country / name of birth are not the date.
const BIRTH_NOT = /\b(?:lieu|pays|ville|departement|commune|nom) de naissance\b/;
const BIRTH = /\b(?:naissance|nee? le|ne e le|birth(?:day|date)?|dob|bday)\b/;

/** Every field keyword pattern (tests check that lib/page-fields.ts lets nothing they match go). */
export const FIELD_KEYWORD_PATTERNS: readonly RegExp[] = [NIR_STRONG, NIR_WEAK, CARD_NUMBER, CARD_EXPIRY, CARD_CVV, IBAN, PASSWORD, BIRTH];

const LURE =
  /\b(?:rembours\w*|renouvel\w*|frais|mise a jour|mettre a jour|expir\w*|suspen\w*|indemnisation|regularis\w*|verifi\w*|confirm\w*|(?:re)?activ(?:er|ation)|command(?:e|er)|nouvelle carte|livraison|(?:de)?bloque\w*|dossier|paiement|payer)\b/;

function attr(el: Element, name: string): string {
  const v = el.getAttribute(name);
  return v ? v.slice(0, TEXT_CAP) : '';
}

function text(el: Element | null | undefined): string {
  return el ? (el.textContent ?? '').slice(0, TEXT_CAP) : '';
}

/** Sensitive kinds one field asks for (usually zero or one). */
export function fieldSensitiveKinds(el: Element): SensitiveKind[] {
  if (!isCandidateField(el)) return [];
  const f = describeField(el);
  // The page guard's test (lib/field-prefilter.ts): most fields stop here, without a regular expression.
  if (!mayBeSensitive(f)) return [];
  const kinds = new Set<SensitiveKind>();
  const { type, autocomplete: ac, words: d } = f;
  if (type === 'password' || /\b(current|new)-password\b/.test(ac)) kinds.add('password');
  if (/\bcc-number\b/.test(ac)) kinds.add('card-number');
  if (/\bcc-exp(-month|-year)?\b/.test(ac)) kinds.add('card-expiry');
  if (/\bcc-csc\b/.test(ac)) kinds.add('card-cvv');
  if (/\bbday(-day|-month|-year)?\b/.test(ac)) kinds.add('birth-date');
  if (kinds.size) return KIND_ORDER.filter((k) => kinds.has(k));

  const ibanPlaceholder = /^\s*FR\s?\d{2}/i.test(f.placeholder);
  if (!ibanPlaceholder && !mayBeNirPlaceholder(f.placeholder) && !hasSensitiveKeyword(d)) return [];

  if (NIR_STRONG.test(d)) kinds.add('nir');
  else if (NIR_WEAK.test(d) && !(BIRTH.test(d) && !BIRTH_NOT.test(d)) && looksLikeNirInput(el)) kinds.add('nir');
  else if (NIR_PLACEHOLDER.test(f.placeholder)) kinds.add('nir');
  if (!kinds.has('nir')) {
    if (CARD_NUMBER.test(d) && !CARD_NOT.test(d)) kinds.add('card-number');
    else if (CARD_EXPIRY.test(d)) kinds.add('card-expiry');
    else if (CARD_CVV.test(d)) kinds.add('card-cvv');
  }
  if (IBAN.test(d) || ibanPlaceholder) kinds.add('iban');
  if (PASSWORD.test(d)) kinds.add('password');
  if (BIRTH.test(d) && !BIRTH_NOT.test(d)) kinds.add('birth-date');
  return KIND_ORDER.filter((k) => kinds.has(k));
}

/** maxlength 13 or 15 (21 with spaces), or a digit pattern of that length, or a numeric keyboard. */
function looksLikeNirInput(el: Element): boolean {
  const max = Number(el.getAttribute('maxlength'));
  if (max === 13 || max === 15 || max === 21) return true;
  const pattern = el.getAttribute('pattern') ?? '';
  if (/\{1[35]\}|\{13,15\}/.test(pattern)) return true;
  const mode = (el.getAttribute('inputmode') ?? '').toLowerCase();
  return (mode === 'numeric' || mode === 'decimal') && (max === 0 || (max >= 13 && max <= 21));
}

/** The sensitive fields of `root`, and the forms (or, for stray fields, the fields' parents) that hold them. */
export function collectSensitive(root: Document | Element | DocumentFragment): { kinds: SensitiveKind[]; containers: Element[] } {
  const kinds = new Set<SensitiveKind>();
  const containers: Element[] = [];
  const fields = root.querySelectorAll('input, select, textarea');
  const n = Math.min(fields.length, FIELD_CAP);
  for (let i = 0; i < n; i++) {
    const el = fields[i]!;
    const k = fieldSensitiveKinds(el);
    if (!k.length) continue;
    for (const x of k) kinds.add(x);
    const box = el.closest('form') ?? el.parentElement;
    if (box && !containers.includes(box) && containers.length < FORM_CAP) containers.push(box);
  }
  return { kinds: KIND_ORDER.filter((k) => kinds.has(k)), containers };
}

/** True when the words a brand match left over are page chrome, digits or tiny words ("Connexion - ameli"). */
function chromeOnly(rest: string[]): boolean {
  return rest.every((w) => CHROME_WORDS.has(w) || w.length <= 2 || /^\d+$/.test(w));
}

/** Between a name and its tagline in a logo's text: a dash, bar or colon set apart by spaces. */
const TAGLINE_SEPARATOR = /\s[|\-–—:·•]\s/;

/** Whether an element is, or sits in, something named or placed as a logo (its class, id, or the page header). */
function looksLikeLogo(el: Element): boolean {
  for (let e: Element | null = el, depth = 0; e && depth < 3; e = e.parentElement, depth++) {
    if (/logo|brand|marque/i.test(`${attr(e, 'class')} ${attr(e, 'id')}`)) return true;
  }
  return el.closest('header, [role="banner"]') !== null;
}

class Evidence {
  identity: string[] = [];
  mention: string[] = [];
  lure = false;
  /** The page declared another site name (og:site_name "Facebook"): what it says about a brand is a mention. */
  other = false;
  add(list: 'identity' | 'mention', ids: string[]): void {
    const to = this.other ? 'mention' : list;
    for (const id of ids) if (!this[to].includes(id)) this[to].push(id);
  }
  /**
   * A site-name slot (og:site_name, logo): acronyms and common-word names count there when alone, or
   * alone before a tagline ("MSA – La sécurité sociale agricole").
   */
  identitySlot(s: string, m: BrandMatcherData): void {
    if (!s) return;
    const r = matchBrands(s, m, { identity: true });
    const alone = chromeOnly(r.rest);
    this.add(alone ? 'identity' : 'mention', r.ids);
    if (alone) this.add('identity', r.strictIds);
    this.add('mention', r.genericIds);
    if (alone) return;
    const [name, tagline] = s.split(TAGLINE_SEPARATOR, 2);
    if (tagline === undefined || !name) return;
    const head = matchBrands(name, m, { identity: true });
    if (chromeOnly(head.rest)) this.add('identity', [...head.ids, ...head.strictIds]);
  }
  /** A title part or heading: identity when it is only the brand and chrome, otherwise a mention. */
  headingSlot(s: string, m: BrandMatcherData): void {
    if (!s) return;
    const r = matchBrands(s, m);
    this.add(chromeOnly(r.rest) ? 'identity' : 'mention', r.ids);
    const lured = LURE.test(normalizeText(s));
    // "Renouvellement de votre carte Vitale": a common-word phrase counts only with its own lure word.
    if (lured) {
      this.add('mention', r.genericIds);
      this.lure = true;
    }
  }
}

/** Official domain → org id, to recognise logos and favicons hot-linked from the real site. */
const domainIndex = new WeakMap<BrandMatcherData, Map<string, string>>();
function orgForHost(host: string, m: BrandMatcherData): string | undefined {
  let idx = domainIndex.get(m);
  if (!idx) {
    idx = new Map();
    for (const o of m.orgs) for (const d of o.domains) idx.set(d, o.id);
    domainIndex.set(m, idx);
  }
  for (let h = host.toLowerCase(); h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const id = idx.get(h);
    if (id) return id;
  }
  return undefined;
}

function hostOf(url: string, base: string): string | null {
  try {
    const u = new URL(url, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.hostname : null;
  } catch {
    return null;
  }
}

function fileName(src: string): string {
  const path = src.split(/[?#]/)[0] ?? '';
  return path.slice(path.lastIndexOf('/') + 1).slice(0, 120);
}

function meta(doc: Document, selector: string): string {
  const el = doc.querySelector(selector);
  return el ? attr(el, 'content') : '';
}

function brandEvidence(doc: Document, m: BrandMatcherData, containers: Element[]): Evidence {
  const ev = new Evidence();
  const base = doc.baseURI || 'about:blank';
  const siteName = meta(doc, 'meta[property="og:site_name"]') + ' ' + meta(doc, 'meta[name="application-name"]');
  ev.identitySlot(siteName, m);
  // A social network or news site showing an organisation's page ("Assurance Maladie | LinkedIn", with
  // LinkedIn's own sign-in form) declares its own name: the rest of its content cannot make it the
  // organisation. Impersonating kits copy the real site's markup, so they rarely declare another name.
  ev.other = siteName.trim() !== '' && ev.identity.length + ev.mention.length === 0;

  for (const t of [doc.title.slice(0, TEXT_CAP), meta(doc, 'meta[property="og:title"]')])
    for (const part of t.split(/\s[|\-–—:·•»]+\s|[|–—·•»]/)) ev.headingSlot(part.trim(), m);

  // The page header / banner text: "ameli.fr | Mon compte" is identity, a menu of topics is not.
  ev.headingSlot(text(doc.querySelector('header, [role="banner"]')), m);

  const headings = doc.querySelectorAll('h1, h2');
  for (let i = 0; i < Math.min(headings.length, HEADING_CAP); i++) ev.headingSlot(text(headings[i]), m);

  // Headings inside (or just before) the forms that ask for sensitive data: "Connectez-vous à votre compte ameli".
  for (const box of containers) {
    const inner = box.querySelectorAll('h1, h2, h3, h4, legend, [role="heading"]');
    for (let i = 0; i < Math.min(inner.length, 3); i++) ev.headingSlot(text(inner[i]), m);
    let prev = box.previousElementSibling;
    for (let n = 0; prev && n < 3; n++, prev = prev.previousElementSibling)
      if (/^H[1-4]$/.test(prev.tagName)) {
        ev.headingSlot(text(prev), m);
        break;
      }
  }

  // Logos: images in the page header or named/described as a logo; their alt text and file name.
  const images = doc.getElementsByTagName('img');
  for (let i = 0; i < Math.min(images.length, IMAGE_CAP); i++) {
    const img = images[i]!;
    const src = img.getAttribute('src') ?? '';
    const alt = attr(img, 'alt');
    const looksLogo =
      /logo|brand|marque/i.test(`${alt} ${src.slice(0, 300)} ${attr(img, 'class')} ${attr(img, 'id')}`) ||
      img.closest('header, nav, [role="banner"]') !== null;
    if (!looksLogo) continue;
    const host = src ? hostOf(src, base) : null;
    const hot = host ? orgForHost(host, m) : undefined;
    if (hot && !ev.identity.includes(hot)) ev.identity.push(hot);
    ev.identitySlot(alt, m);
    ev.identitySlot(fileName(src).replace(/%[0-9a-f]{2}/gi, ' '), m);
  }
  // Logos drawn in SVG or given a name for screen readers: their accessible name (aria-label, or the
  // SVG's own <title>). Links only when named as a logo (a menu link labelled "Mon compte ameli" is not).
  const graphics = doc.querySelectorAll('svg, [role="img"], a[aria-label]');
  for (let i = 0; i < Math.min(graphics.length, IMAGE_CAP); i++) {
    const el = graphics[i]!;
    const link = el.tagName.toLowerCase() === 'a';
    if (link ? !/logo|brand|marque/i.test(`${attr(el, 'class')} ${attr(el, 'id')}`) : !looksLikeLogo(el)) continue;
    const svgTitle = el.tagName.toLowerCase() === 'svg' ? el.querySelector('title') : null;
    ev.identitySlot(attr(el, 'aria-label') || text(svgTitle), m);
  }
  const icons = doc.querySelectorAll('link[rel~="icon"]');
  for (let i = 0; i < Math.min(icons.length, 4); i++) {
    const host = hostOf(icons[i]!.getAttribute('href') ?? '', base);
    const hot = host ? orgForHost(host, m) : undefined;
    // Assets served by the official site itself are identity even under another declared name.
    if (hot && !ev.identity.includes(hot)) ev.identity.push(hot);
  }
  return ev;
}


/**
 * Signals for one document. `matcher` may be null (the content script only asks for it once a page
 * has a sensitive field): brands are then not looked at.
 */
export function collectPageSignals(doc: Document, matcher: BrandMatcherData | null): PageSignals {
  const { kinds, containers } = collectSensitive(doc);
  if (!matcher) return { brandOrgIds: [], sensitive: kinds };
  const ev = brandEvidence(doc, matcher, containers);
  if (ev.identity.length > MAX_ORGS) return { brandOrgIds: [], sensitive: kinds };
  let ids = ev.identity;
  if (ev.lure && kinds.some((k) => HIGH_VALUE.has(k))) {
    const all = [...ids, ...ev.mention.filter((id) => !ids.includes(id))];
    if (all.length <= MAX_ORGS) ids = all;
  }
  return { brandOrgIds: ids, sensitive: kinds };
}
