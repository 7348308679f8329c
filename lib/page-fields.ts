import { foldWords } from './text-fold';

/**
 * What a form field says about itself, and a cheap test of whether it can be sensitive at all.
 *
 * This module is in the page guard, the script every page runs (entrypoints/page-guard.ts), so it
 * holds no regular expression: on an ordinary page (a search box, a newsletter form) the guard only
 * needs "no field here can be a NIR, card, IBAN, password or birth date" and stops. The precise
 * classification (lib/page-signals.ts `fieldSensitiveKinds`) starts from the same description and
 * the same test, so a field this test lets go can never be reported sensitive there.
 */

export const FIELD_CAP = 200;
export const TEXT_CAP = 200;
const LABEL_CAP = 600;

// Arrays, not sets: this module is in the always-on page guard, where every built-in used at load
// costs its first use on each page (see entrypoints/page-guard.ts).
export const SKIPPED_TYPES: readonly string[] = ['hidden', 'submit', 'button', 'reset', 'image', 'checkbox', 'radio', 'file', 'range', 'color'];
export const LABEL_LIKE: readonly string[] = ['LABEL', 'SPAN', 'P', 'B', 'STRONG', 'EM', 'I', 'SMALL', 'FONT', 'DIV', 'TD', 'TH', 'DT', 'DD', 'LEGEND', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI'];

/**
 * Every keyword pattern of lib/page-signals.ts (NIR, card, IBAN, birth date) holds a word that starts
 * with one of these stems ("carte vitale": cart, "mm aa": mm, "cvv2": cv, "n° ss": ss), or is "né(e) le". A field
 * whose words hold none of them asks for nothing we guard. Word starts only: "pommes" is not "mm",
 * "accueil" is not "cc".
 */
export const WORD_STEMS = ['nir', 'nss', 'ss', 'secu', 'insee', 'assur', 'immatric', 'vital', 'identif', 'cart', 'card', 'cc', 'cb', 'exp', 'validit', 'mm', 'cv', 'csc', 'crypt', 'iban', 'rib', 'passe', 'passw', 'mdp', 'pwd', 'naiss', 'birth', 'dob', 'bday'];
export const BORN_ON = [' ne le ', ' nee le ', ' ne e le ', ' nee e le '];

/** Whether a word of `words` (folded, lib/text-fold.ts) starts with `prefix`. */
export function hasWordStarting(words: string, prefix: string): boolean {
  for (let i = words.indexOf(prefix); i >= 0; i = words.indexOf(prefix, i + 1)) if (i === 0 || words.charCodeAt(i - 1) === 32) return true;
  return false;
}

/** `words`: folded words (lib/text-fold.ts). */
export function hasSensitiveKeyword(words: string): boolean {
  for (const stem of WORD_STEMS) if (hasWordStarting(words, stem)) return true;
  if (!words.includes('le')) return false;
  const padded = ` ${words} `;
  return BORN_ON.some((p) => padded.includes(p));
}

function attr(el: Element, name: string): string {
  const v = el.getAttribute(name);
  return v ? v.slice(0, TEXT_CAP) : '';
}

function text(el: Element | null | undefined): string {
  return el ? (el.textContent ?? '').slice(0, TEXT_CAP) : '';
}

/** The first `max` ids of an id-reference list (whitespace separated). */
function idRefs(list: string, max: number): string[] {
  const ids: string[] = [];
  let cur = '';
  for (let i = 0; i <= list.length && ids.length < max; i++) {
    const c = i < list.length ? list.charCodeAt(i) : 32;
    if (c === 32 || c === 9 || c === 10 || c === 12 || c === 13) {
      if (cur) ids.push(cur);
      cur = '';
    } else cur += list[i];
  }
  return ids;
}

/** Text that labels a field: label[for] / wrapping label, aria-labelledby, aria-label, placeholder, title, and text just before it. */
export function labelText(el: Element): string {
  const doc = el.ownerDocument;
  const parts: string[] = [attr(el, 'aria-label'), attr(el, 'placeholder'), attr(el, 'title')];
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length) for (let i = 0; i < Math.min(labels.length, 3); i++) parts.push(text(labels[i]));
  else parts.push(text(el.closest('label')));
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) for (const id of idRefs(labelledBy, 3)) {
    const ref = doc.getElementById(id);
    if (ref) parts.push(text(ref));
  }
  // Unlabelled fields: the nearest text before the field, then before its parent (one level).
  let node: Node | null = el;
  for (let level = 0; level < 2 && node; level++) {
    let sib: Node | null = node.previousSibling;
    let got = '';
    for (let n = 0; sib && n < 4 && got.trim().length < 3; n++, sib = sib.previousSibling) {
      // Only small label-like elements: textContent of a big sibling (the page's <main>) would cost
      // as much as reading the whole page.
      if (sib.nodeType === 3 || (sib.nodeType === 1 && LABEL_LIKE.includes((sib as Element).tagName) && (sib as Element).childElementCount <= 3))
        got = (sib.textContent ?? '').slice(0, TEXT_CAP);
    }
    if (got.trim()) {
      parts.push(got);
      break;
    }
    node = node.parentNode;
  }
  return parts.join(' ');
}

/**
 * Whether a form control is worth looking at (hidden fields and buttons are not). A textarea counts
 * like a text input: a kit may ask for the NIR or the card in one (a fake chat assistant's box).
 */
export function isCandidateField(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'SELECT') return !el.hasAttribute('hidden');
  return (
    (tag === 'TEXTAREA' || (tag === 'INPUT' && !SKIPPED_TYPES.includes((el.getAttribute('type') ?? 'text').toLowerCase()))) &&
    !el.hasAttribute('hidden') &&
    el.getAttribute('aria-hidden') !== 'true'
  );
}

export interface FieldDescription {
  /** type attribute, lower case ("text" when absent); "textarea" for a textarea (its type attribute means nothing). */
  type: string;
  /** autocomplete attribute, lower case. */
  autocomplete: string;
  placeholder: string;
  /** name, id and label text as folded words (lib/text-fold.ts). */
  words: string;
}

export function describeField(el: Element): FieldDescription {
  return {
    type: el.tagName === 'TEXTAREA' ? 'textarea' : (el.getAttribute('type') ?? 'text').toLowerCase(),
    autocomplete: (el.getAttribute('autocomplete') ?? '').toLowerCase(),
    placeholder: attr(el, 'placeholder'),
    words: `${foldWords(`${attr(el, 'name')} ${attr(el, 'id')}`)} ${foldWords(labelText(el), LABEL_CAP)}`,
  };
}

/** The autocomplete tokens that name a sensitive value all contain one of these. */
const AUTOCOMPLETE_HINTS = ['password', 'cc-', 'bday'];
export const mayBeSensitiveAutocomplete = (ac: string): boolean => AUTOCOMPLETE_HINTS.some((h) => ac.includes(h));

/** A placeholder that starts like a French IBAN ("FR76 …"). */
export const mayBeIbanPlaceholder = (placeholder: string): boolean => placeholder.trimStart().slice(0, 2).toLowerCase() === 'fr';

/**
 * A placeholder that may be a NIR written out ("1 85 05 78 006 084 36", "_ __ __ __ ___ ___ __"): 13
 * to 15 digits or mask characters (x, _, #, *, •; a or b for Corsica), with only spaces, dots or
 * hyphens between them. A superset of page-signals.ts NIR_PLACEHOLDER, which decides. No regular
 * expression: the always-on page guard reads it.
 */
export const mayBeNirPlaceholder = (placeholder: string): boolean => {
  let marks = 0;
  for (let i = 0; i < placeholder.length; i++) {
    const c = placeholder.charCodeAt(i);
    const lower = c | 32;
    if ((c >= 48 && c <= 57) || lower === 120 || lower === 97 || lower === 98 || c === 95 || c === 35 || c === 42 || c === 0x2022) marks++;
    else if (c !== 32 && c !== 46 && c !== 45) return false;
  }
  return marks >= 13 && marks <= 15;
};

/** False when the field certainly asks for nothing sensitive; true when it needs the precise look. */
export function mayBeSensitive(d: FieldDescription): boolean {
  return d.type === 'password' || mayBeSensitiveAutocomplete(d.autocomplete) || mayBeIbanPlaceholder(d.placeholder) || mayBeNirPlaceholder(d.placeholder) || hasSensitiveKeyword(d.words);
}

/**
 * The fields `isCandidateField` accepts, as selectors, one per kind (input, select, textarea): hidden
 * inputs and buttons are never held. A browser answers a single selector far faster than a list of
 * them (on a 10,000-node page, 0.1 ms for the three queries, 0.24 ms for inputs and selects as one
 * list, 0.38 ms with textareas), and the page guard makes these queries on every page.
 * Written out (the always-on page guard builds nothing at load); a test checks them against SKIPPED_TYPES.
 */
const SHOWN = ':not([hidden]):not([aria-hidden=true])';
const CANDIDATE_INPUT =
  `input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]):not([type=checkbox]):not([type=radio]):not([type=file]):not([type=range]):not([type=color])${SHOWN}`;
const CANDIDATE_SELECT = 'select:not([hidden])';
const CANDIDATE_TEXTAREA = `textarea${SHOWN}`;
export const CANDIDATE_SELECTORS: readonly string[] = [CANDIDATE_INPUT, CANDIDATE_SELECT, CANDIDATE_TEXTAREA];
/** The same as one selector, for a walk over the fields in document order. */
export const CANDIDATE_SELECTOR = `${CANDIDATE_INPUT}, ${CANDIDATE_SELECT}, ${CANDIDATE_TEXTAREA}`;

/**
 * The candidate fields the page guard reads at load: all but those no sensitive value is typed into on
 * an honest page, which it only reads once the user focuses one (lib/browser/page-bootstrap.ts): search
 * boxes (type=search, or named as search engines name them) and fields whose type makes the browser
 * refuse a NIR, a card number or an IBAN (email, url): SEARCH_LIKE; and the response box reCAPTCHA
 * and hCaptcha add to pages, a textarea hidden by its style (some sites carry it on every page):
 * CAPTCHA_RESPONSE. Other textareas are read at load: a kit may change what one asks for once the
 * user is in it, and no focus would come to read it then. Written out (a test builds them again).
 */
export const SEARCH_LIKE = ['[type=search]', '[type=email]', '[type=url]', '[name=q]', '[name=s]', '[name=query]', '[name=search]', '[name=recherche]', '[name=keywords]'];
export const CAPTCHA_RESPONSE = '[name$=captcha-response]';
export const READ_AT_LOAD_SELECTORS: readonly string[] = [
  `${CANDIDATE_INPUT}:not([type=search]):not([type=email]):not([type=url]):not([name=q]):not([name=s]):not([name=query]):not([name=search]):not([name=recherche]):not([name=keywords])`,
  CANDIDATE_SELECT,
  `${CANDIDATE_TEXTAREA}:not([name$=captcha-response])`,
];

/**
 * Whether any field of `root` may ask for sensitive data (the page guard's test, on every page).
 * A page without a candidate field is settled without holding a single element.
 */
export function mayAskSensitive(root: Document | Element | DocumentFragment): boolean {
  const fields = root.querySelectorAll(CANDIDATE_SELECTOR);
  const n = Math.min(fields.length, FIELD_CAP);
  for (let i = 0; i < n; i++) {
    const el = fields[i]!;
    if (isCandidateField(el) && mayBeSensitive(describeField(el))) return true;
  }
  return false;
}

/**
 * The attributes of a field that `describeField`, `isCandidateField` and page-signals.ts
 * `fieldSensitiveKinds` read and a script may change after load: a field whose type, name, placeholder
 * or length a kit changes is read again. Only these, so a page pays nothing for its other attribute
 * changes (class, style…). The first three are on elements of every kind: their change counts on a
 * field only. The last five, placeholder to autocomplete, are carried by form controls only: their
 * change counts without a look at the element (in the page guard, holding an element costs the whole
 * element bindings). The label-like ones (aria-label, aria-labelledby, id, title, aria-hidden) are not
 * watched: carousels and menus turn them all the time, and every change observed on the document
 * costs a call into our script. A field's label is read again when the user goes into a field, before
 * anything is typed (lib/browser/page-bootstrap.ts, lib/browser/frame-guard.ts).
 */
export const WATCHED_ATTRIBUTES: readonly string[] = ['type', 'name', 'hidden', 'placeholder', 'maxlength', 'inputmode', 'pattern', 'autocomplete'];
/** What can make a field one to read at all (a hidden field shown, a search box renamed): the first three. */
const NARROW_ATTRIBUTES = ['type', 'name', 'hidden'];

/** Whether `root` holds a field that one of `selectors` matches (lengths only: no element held). */
export function holdsField(root: ParentNode, selectors: readonly string[]): boolean {
  for (let i = 0; i < selectors.length; i++) if (root.querySelectorAll(selectors[i]!).length) return true;
  return false;
}

/** Whether a tag name is a form field's (candidate or not). */
export const isFieldTag = (tag: string | undefined) => tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';

/**
 * Calls `onChange` (throttled) when form fields are added or changed after load, e.g. a NIR field a
 * script injects one second later, or a chat box whose placeholder becomes "Votre numéro de sécurité
 * sociale". Stops at the first change after `maxMs`, or when the returned function is called.
 * With `wide`, the attributes that only describe a field are watched once it returns true (it is asked
 * at the start and after each call): the page guard watches them once a page has fields to read, so
 * that a page without any (a search box whose placeholder a script animates) pays nothing for them.
 */
export function watchFields(
  doc: Document,
  onChange: () => void,
  opts: { throttleMs?: number; maxMs?: number; wide?: () => boolean } = {},
): () => void {
  const win = doc.defaultView;
  if (!win || typeof win.MutationObserver !== 'function') return () => {};
  const throttleMs = opts.throttleMs ?? 500;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const relevant = (records: MutationRecord[]): boolean => {
    for (const r of records) {
      if (r.type === 'attributes') {
        if (WATCHED_ATTRIBUTES.indexOf(r.attributeName!) > 2 || isFieldTag((r.target as Element).tagName)) return true;
        continue;
      }
      for (let i = 0; i < r.addedNodes.length; i++) {
        const n = r.addedNodes[i]!;
        if (n.nodeType !== 1) continue;
        const el = n as Element;
        if (isFieldTag(el.tagName) || el.tagName === 'FORM') return true;
        if (el.firstElementChild && el.querySelector('input, select, textarea')) return true;
      }
    }
    return false;
  };
  // A deadline read when the page changes, rather than a timer: the guard sets nothing up it can avoid.
  const deadline = opts.maxMs ? Date.now() + opts.maxMs : Infinity;
  const wideNow = () => !opts.wide || opts.wide();
  let wide = wideNow();
  // The document itself, not <html>: holding no element keeps the page guard cheap (in the isolated
  // world, the first element held costs the whole element bindings), and <html> may be replaced.
  const observe = () =>
    observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: (wide ? WATCHED_ATTRIBUTES : NARROW_ATTRIBUTES) as string[] });
  const observer = new win.MutationObserver((records) => {
    if (stopped || timer !== null || !relevant(records)) return;
    if (Date.now() > deadline) return stop();
    timer = setTimeout(() => {
      timer = null;
      if (stopped) return;
      onChange();
      if (!stopped && !wide && (wide = wideNow())) {
        // Observed anew with the wide filter (happy-dom, unlike browsers, keeps the first filter of a node observed again).
        observer.disconnect();
        observe();
      }
    }, throttleMs);
  });
  observe();
  function stop(): void {
    stopped = true;
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
  }
  return stop;
}
