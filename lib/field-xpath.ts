import { foldWords } from './text-fold';
import {
  BORN_ON,
  CANDIDATE_SELECTORS,
  READ_AT_LOAD_SELECTORS,
  TEXT_CAP,
  WORD_STEMS,
  hasWordStarting,
  holdsField,
  mayBeIbanPlaceholder,
  mayBeNirPlaceholder,
  mayBeSensitiveAutocomplete,
} from './page-fields';

/**
 * The page guard's question "may a field of this page ask for sensitive data?", answered through one
 * XPath query so that the script holds no element: only attribute and text nodes.
 *
 * Why: in our isolated world, the first element the script holds makes the browser build the whole
 * element bindings (HTMLElement, Element and their hundreds of members): 2–3 ms of main-thread time
 * on every page that has a field at all, a search box is enough. Attribute and text nodes cost a
 * tenth of that (`npm run bench:page`). The query is short on purpose: Chromium compiles an XPath
 * at about 0.3 µs per character, and every page pays it once.
 *
 * The answer is a superset of `mayAskSensitive` (lib/page-fields.ts): `false` only where that test
 * says false too; `true` where it may say true (then it decides); `null` where this one cannot tell.
 * - Fields: every input, select and textarea (the candidates are among them).
 * - Their attributes, read as `describeField` reads them: type, autocomplete, placeholder; name, id,
 *   aria-label, placeholder and title as text (a textarea's type, which `describeField` ignores, can
 *   only add a "maybe").
 * - Other text: every text `labelText` may read, and more: every label of the document (the field's
 *   labels and wrapping label are among them), the elements aria-labelledby names, and the four
 *   nearest preceding siblings of the field and of its parent that are text or have at most three
 *   child elements (`labelText` also wants a label-like tag). Their text nodes come back in document
 *   order; the 200 characters read from each text node on hold the 200 characters `labelText` reads
 *   from each such source (they start at its first text node), maybe with more after them. More text
 *   only adds matches.
 * - Keywords are matched per text with the same folding and word-start rule. `describeField` joins
 *   a field's texts, so a "né(e) le" pattern may run across two of them, or lose the end of its last
 *   word to a cap: a text holding a word that starts a pattern and another starting with the rest of
 *   one, or a pattern whose last word is cut short, count as a match.
 * test/e2e/field-xpath.test.ts compares both tests in real Chromium, on fixtures and random forms.
 */

const FIELDS = '(//input|//select|//textarea)';
export const FIELD_TEXT_XPATH =
  `${FIELDS}/@*|(//label|(${FIELDS}|${FIELDS}/..)/preceding-sibling::node()[position()<5][not(*[4])]|id(${FIELDS}/@aria-labelledby))/descendant-or-self::text()`;

const ORDERED_SNAPSHOT = 7; // XPathResult.ORDERED_NODE_SNAPSHOT_TYPE
const ATTRIBUTE_NODE = 2;
const TEXT_NODE = 3;
/** Past this many nodes the precise test costs no more: let it decide. */
const NODE_CAP = 300;

// Derived from BORN_ON (page-fields.ts), written out so that the always-on page guard computes nothing
// at load (test/page-fields.test.ts derives them again):
/** A pattern's first word… */
export const BORN_OPENERS = ['ne', 'nee'];
/** …and what may start another text: the rest of a pattern, from its second word on. */
export const BORN_CLOSERS = ['le', 'e le'];
/** Whole patterns whose last word may go on ("né le" + "mon…" read as "né lemon"). */
export const BORN_OPEN_ENDED = [' ne le', ' nee le', ' ne e le', ' nee e le'];

interface Scan {
  sensitive: boolean;
  opens: boolean;
  closes: boolean;
}

function readText(scan: Scan, text: string): void {
  const words = foldWords(text);
  if (!words) return;
  for (const stem of WORD_STEMS) if (hasWordStarting(words, stem)) return void (scan.sensitive = true);
  const padded = ` ${words}`;
  if (BORN_OPEN_ENDED.some((p) => padded.includes(p))) return void (scan.sensitive = true);
  if (BORN_OPENERS.some((w) => hasWordStarting(words, w))) scan.opens = true;
  if (BORN_CLOSERS.some((w) => words.startsWith(w))) scan.closes = true;
}

function readAttribute(scan: Scan, name: string, raw: string): void {
  const value = raw.slice(0, TEXT_CAP);
  switch (name) {
    case 'type':
      scan.sensitive = value.toLowerCase() === 'password';
      break;
    case 'autocomplete':
      scan.sensitive = mayBeSensitiveAutocomplete(value.toLowerCase());
      break;
    case 'placeholder':
      if (mayBeIbanPlaceholder(value) || mayBeNirPlaceholder(value)) scan.sensitive = true;
      else readText(scan, value);
      break;
    case 'name':
    case 'id':
    case 'aria-label':
    case 'title':
      readText(scan, value);
  }
}

export function xpathMayAskSensitive(doc: Document): boolean | null {
  // Unprefixed names match the elements of HTML documents only.
  if (typeof doc.evaluate !== 'function' || doc.contentType !== 'text/html') return null;
  let nodes: XPathResult;
  try {
    nodes = doc.evaluate(FIELD_TEXT_XPATH, doc, null, ORDERED_SNAPSHOT, null);
  } catch {
    return null;
  }
  const n = nodes.snapshotLength;
  if (n > NODE_CAP) return null;
  const scan: Scan = { sensitive: false, opens: false, closes: false };
  const texts: string[] = [];
  for (let i = 0; i < n && !scan.sensitive; i++) {
    const node = nodes.snapshotItem(i)!;
    if (node.nodeType === ATTRIBUTE_NODE) readAttribute(scan, (node as Attr).name, (node as Attr).value);
    else if (node.nodeType === TEXT_NODE) texts.push((node as Text).data);
    else return null;
  }
  for (let i = 0; i < texts.length && !scan.sensitive; i++) {
    let text = texts[i]!;
    for (let j = i + 1; j < texts.length && text.length < TEXT_CAP; j++) text += texts[j];
    readText(scan, text.slice(0, TEXT_CAP));
  }
  return scan.sensitive || (scan.opens && scan.closes);
}

/** What the page guard makes of a document's fields (pageFieldLook). */
export const FieldLook = {
  /** No field may ask for sensitive data. */
  Nothing: 0,
  /** One may: the page UI is to look closer. */
  Ui: 1,
  /** No field to read now (none, or only search boxes and email/URL fields): read when the user goes into one. */
  AtFocus: 2,
} as const;
export type FieldLook = (typeof FieldLook)[keyof typeof FieldLook];

/**
 * The page guard's question on a document, cheapest first, holding no element. At load: no candidate
 * field but search boxes and email/URL fields (node list lengths, READ_AT_LOAD_SELECTORS): nothing
 * to read now, the fields are read when the user goes into one (`focused`) — a search box is the most
 * common field of the web and never the place for a NIR, a card or an IBAN, nor an email or URL field,
 * whose value the browser checks. Then XPath. Where XPath says maybe, or cannot tell, the page UI takes
 * the precise look (`mayAskSensitive`, lib/page-fields.ts), so the always-on script carries none of it.
 */
export function pageFieldLook(doc: Document, focused: boolean): FieldLook {
  if (!holdsField(doc, focused ? CANDIDATE_SELECTORS : READ_AT_LOAD_SELECTORS)) return focused ? FieldLook.Nothing : FieldLook.AtFocus;
  return xpathMayAskSensitive(doc) === false ? FieldLook.Nothing : FieldLook.Ui;
}

/** The same question on a page's shadow root (no XPath there): any candidate field but a search box. */
export function rootFieldLook(root: DocumentFragment): FieldLook {
  return holdsField(root, READ_AT_LOAD_SELECTORS) ? FieldLook.Ui : FieldLook.Nothing;
}
