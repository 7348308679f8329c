import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BORN_ON,
  CANDIDATE_SELECTOR,
  CANDIDATE_SELECTORS,
  CAPTCHA_RESPONSE,
  READ_AT_LOAD_SELECTORS,
  SEARCH_LIKE,
  SKIPPED_TYPES,
  WATCHED_ATTRIBUTES,
  describeField,
  hasSensitiveKeyword,
  isCandidateField,
  mayAskSensitive,
  mayBeSensitive,
  watchFields,
} from '../lib/page-fields';
import { fieldSensitiveKinds, FIELD_KEYWORD_PATTERNS } from '../lib/page-signals';
import { foldWords } from '../lib/text-fold';
import { SENSITIVE_PHRASES as PHRASES } from './helpers/field-phrases';
import { BORN_CLOSERS, BORN_OPEN_ENDED, BORN_OPENERS, FieldLook, pageFieldLook, rootFieldLook, xpathMayAskSensitive } from '../lib/field-xpath';
import { prng } from './helpers/prng';

const windows: Window[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

function load(html: string): Document {
  const win = new Window({ url: 'https://neutral-site.example/', settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  windows.push(win);
  win.document.write(html);
  return win.document as unknown as Document;
}

const fixture = (name: string) => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), 'utf8');

describe('mayAskSensitive: the page guard test every page runs', () => {
  it.each([
    ['a recipe search box after "pommes" (not "mm")', '<h1>Recettes</h1><p>Une tarte aux pommes simple.</p><form><input name="q"><button>OK</button></form>'],
    ['a newsletter form', '<form><label>Votre adresse e-mail<input type=email name=email></label><button>Je m’abonne</button></form>'],
    ['a contact form', '<form><label>Nom<input name=nom></label><label>Prénom<input name=prenom></label><label>Téléphone<input type=tel name=tel></label><textarea name=message></textarea></form>'],
    ['a shop', '<form role=search><input type=search placeholder="Rechercher un produit, une marque…"></form><label>Quantité<input type=number value=1></label><label>Code postal<input name=cp></label>'],
    ['the welcome page of a town hall', '<p>Accueil – Succès – Commune de Sainte-Cécile</p><form><input name=recherche placeholder="Que cherchez-vous ?"></form>'],
    ['hidden and button fields only', '<form><input type=hidden name=nir value=1><input type=submit value="Numéro de sécurité sociale"></form>'],
    ['no field at all', '<article><h1>Carte Vitale : ce qui change</h1><p>Le numéro de sécurité sociale…</p></article>'],
    ['a chat box', '<form><textarea id=input name=message placeholder="Écrivez votre message…" aria-label="Votre message"></textarea><button>Envoyer</button></form>'],
    ['a shop\'s after-sales box asking for the order number', '<form><label for=m>Votre demande</label><textarea id=m name=demande placeholder="Précisez votre numéro de commande et le produit concerné"></textarea></form>'],
    ['a blog\'s comment box', '<h3>Laisser un commentaire</h3><form><label for=c>Commentaire</label><textarea id=c name=comment rows=5></textarea></form>'],
    ['a hidden textarea named like a NIR (a framework\'s state)', '<textarea hidden name=nir></textarea><textarea aria-hidden=true aria-label="Numéro de sécurité sociale"></textarea>'],
  ])('%s → no', (_name, html) => {
    expect(mayAskSensitive(load(html))).toBe(false);
  });

  it.each(['fake-ameli-login.html', 'fake-mutuelle-card.html', 'fake-iban-remboursement.html', 'news-carte-vitale-scam.html', 'forum-ameli-mgen.html', 'comparator-mutuelles.html', 'hospital-preadmission.html'])(
    '%s (asks for a NIR, card, IBAN, password or birth date) → yes',
    (file) => {
      expect(mayAskSensitive(load(fixture(file)))).toBe(true);
    },
  );

  it.each([
    ['a chat box asking for the NIR', '<form><textarea name=message placeholder="Votre numéro de sécurité sociale (15 chiffres)" maxlength=15 inputmode=numeric></textarea></form>'],
    ['a chat box asking for the card', '<form><textarea aria-label="Numéro de carte bancaire, date d\'expiration et cryptogramme"></textarea></form>'],
    ['a textarea labelled for an IBAN', '<form><label for=r>Votre IBAN pour le remboursement</label><textarea id=r></textarea></form>'],
  ])('%s → yes (a textarea counts like an input)', (_name, html) => {
    expect(mayAskSensitive(load(html))).toBe(true);
  });

  it('lets no field go that the precise classification would report (every field of every fixture)', () => {
    let sensitive = 0;
    for (const file of ['fake-ameli-login.html', 'fake-mutuelle-card.html', 'fake-iban-remboursement.html', 'news-carte-vitale-scam.html', 'forum-ameli-mgen.html', 'comparator-mutuelles.html', 'hospital-preadmission.html']) {
      for (const el of load(fixture(file)).querySelectorAll('input, select, textarea')) {
        if (!fieldSensitiveKinds(el).length) continue;
        sensitive++;
        expect(isCandidateField(el) && mayBeSensitive(describeField(el)), `${file}: ${el.outerHTML}`).toBe(true);
      }
    }
    expect(sensitive).toBeGreaterThan(10);
  });
});

describe('hasSensitiveKeyword', () => {
  // Every alternative of the precise patterns, written as people write labels.
  const words = readFileSync('/usr/share/dict/french', 'utf8').split('\n').filter(Boolean);
  /** A reproducible sequence of integers below n. */
  const rng = (seed: number) => {
    const next = prng(seed);
    return (n: number) => Math.floor(next() * n);
  };

  it('is true wherever a precise pattern matches: each phrase alone, and between random French words', () => {
    const rand = rng(7);
    let matched = 0;
    for (const phrase of PHRASES) {
      const alone = foldWords(phrase);
      expect(FIELD_KEYWORD_PATTERNS.some((p) => p.test(alone)), phrase).toBe(true);
      for (let k = 0; k < 200; k++) {
        const text = foldWords(`${words[rand(words.length)]} ${phrase} ${words[rand(words.length)]}`);
        if (FIELD_KEYWORD_PATTERNS.some((p) => p.test(text))) {
          matched++;
          expect(hasSensitiveKeyword(text), text).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(PHRASES.length * 150);
  });

  it('is true wherever a precise pattern matches, over 60,000 random sequences of French words', () => {
    const rand = rng(99);
    // Half of the words hold a stem somewhere ("pommes", "expérience", "assurance"): the near misses.
    const near = words.filter((w) => /nir|nss|s[eé]cu|insee|assur|immatric|vital|identif|cart|card|cc|cb|exp|validit|mm|cv|csc|crypt|iban|rib|naiss|birth|dob|bday|n[ée]e?/i.test(w));
    const pick = () => (rand(2) ? near[rand(near.length)] : words[rand(words.length)]);
    let hits = 0;
    for (let k = 0; k < 60_000; k++) {
      const text = foldWords(Array.from({ length: 1 + rand(5) }, pick).join(rand(3) ? ' ' : '-'));
      if (FIELD_KEYWORD_PATTERNS.some((p) => p.test(text))) {
        hits++;
        expect(hasSensitiveKeyword(text), text).toBe(true);
      }
    }
    expect(hits).toBeGreaterThan(10);
  });

  it('looks at word starts only', () => {
    for (const t of ['une tarte aux pommes', 'accueil', 'succes', 'commune', 'recettes de saison', 'adresse e mail', 'rechercher'])
      expect(hasSensitiveKeyword(t), t).toBe(false);
    for (const t of ['pommes mm aa', 'numero de secu', 'ne le', 'date ne e le 1er'])
      expect(hasSensitiveKeyword(t), t).toBe(true);
  });
});

describe('pageFieldLook: the page guard as it runs (lib/field-xpath.ts)', () => {
  const look = (html: string, focused = false) => pageFieldLook(load(html), focused);

  it('leaves a page with no field, or only search boxes and email/URL fields, to the first focus', () => {
    for (const html of [
      '<h1>Recettes</h1><p>Une tarte aux pommes.</p>',
      '<form><input type=hidden name=t><button>OK</button></form>',
      '<form><input name="q"><button>OK</button></form>',
      '<form><input name=s><input type=search></form>',
      '<input type=search><input type=email name=newsletter><input type=url name=site>',
      // reCAPTCHA's response box, on every page of some sites.
      '<form><input name=q></form><div class=grecaptcha-badge><textarea id=g-recaptcha-response name=g-recaptcha-response style="display: none;"></textarea></div>',
    ]) {
      expect(look(html), html).toBe(FieldLook.AtFocus);
      // At the focus, fields are read (XPath: in happy-dom it cannot tell, so the page UI is asked).
      expect(look(html, true), html).toBe(/<input(?! type=hidden)/.test(html) ? FieldLook.Ui : FieldLook.Nothing);
    }
  });

  it('asks for a closer look where a field is not a search box', () => {
    for (const html of [
      '<form><input name="q"><label>Numéro de sécurité sociale<input name=x></label></form>',
      '<form><input name=nom></form>',
      // A textarea is read at load, even next to search boxes only: its description may change once the user is in it.
      '<form><input name="q"><textarea name=message placeholder="Écrivez votre message…"></textarea></form>',
      ...['fake-ameli-login.html', 'forum-ameli-mgen.html'].map(fixture),
    ]) {
      const doc = load(html);
      expect(xpathMayAskSensitive(doc)).toBe(null); // no XPath in happy-dom: the page UI decides
      expect(pageFieldLook(doc, false)).toBe(FieldLook.Ui);
    }
  });

  it('reads a shadow root by its fields alone: any but a search box asks for a closer look', () => {
    const doc = load('<div id=a></div><div id=b></div>');
    const a = doc.getElementById('a')!.attachShadow({ mode: 'open' });
    a.innerHTML = '<input type=search id=q>';
    const b = doc.getElementById('b')!.attachShadow({ mode: 'open' });
    b.innerHTML = '<label for=n>Numéro de sécurité sociale</label><input id=n>';
    expect(rootFieldLook(a)).toBe(FieldLook.Nothing);
    expect(rootFieldLook(b)).toBe(FieldLook.Ui);
  });
});

describe('the page guard\'s constants, written out so that it builds nothing at load', () => {
  it('CANDIDATE_SELECTORS skip exactly SKIPPED_TYPES, hidden fields and aria-hidden ones', () => {
    const shown = ':not([hidden]):not([aria-hidden=true])';
    expect(CANDIDATE_SELECTORS).toEqual([`input${SKIPPED_TYPES.map((t) => `:not([type=${t}])`).join('')}${shown}`, 'select:not([hidden])', `textarea${shown}`]);
    expect(CANDIDATE_SELECTOR).toBe(CANDIDATE_SELECTORS.join(', '));
    // And hold exactly what isCandidateField accepts.
    const doc = load(
      '<input name=a><input type=hidden name=b><input type=password name=c><input hidden name=d><input aria-hidden=true name=e><select name=f></select>' +
        '<select hidden name=g></select><textarea name=h></textarea><textarea hidden name=i></textarea><textarea aria-hidden=true name=j></textarea><textarea type=hidden name=k></textarea>',
    );
    const names = (els: Iterable<Element>) => [...els].map((e) => e.getAttribute('name'));
    expect(names(doc.querySelectorAll(CANDIDATE_SELECTOR))).toEqual(names([...doc.querySelectorAll('input, select, textarea')].filter(isCandidateField)));
    expect(names(doc.querySelectorAll(CANDIDATE_SELECTOR))).toEqual(['a', 'c', 'f', 'h', 'k']);
  });

  it('READ_AT_LOAD_SELECTORS are CANDIDATE_SELECTORS without the SEARCH_LIKE fields and captcha response boxes', () => {
    const [input, select, textarea] = CANDIDATE_SELECTORS;
    expect(READ_AT_LOAD_SELECTORS).toEqual([`${input}${SEARCH_LIKE.map((c) => `:not(${c})`).join('')}`, select, `${textarea}:not(${CAPTCHA_RESPONSE})`]);
    const doc = load(
      '<form role=search><input name=q><input type=hidden name=x><input name=nom><input type=search><select name=q></select><textarea name=message></textarea>' +
        '<textarea id=g-recaptcha-response-100000 name=g-recaptcha-response style="display:none"></textarea><textarea name=h-captcha-response style="display: none;"></textarea></form>',
    );
    expect([...doc.querySelectorAll(READ_AT_LOAD_SELECTORS.join(', '))].map((e) => e.getAttribute('name') ?? e.tagName)).toEqual(['nom', 'q', 'message']);
    // Still candidates: read at the first focus, as search boxes are.
    expect(doc.querySelectorAll(CANDIDATE_SELECTOR).length).toBe(7);
  });

  it('the watched attributes: those of form controls only last, each once', () => {
    expect(WATCHED_ATTRIBUTES.slice(3)).toEqual(['placeholder', 'maxlength', 'inputmode', 'pattern', 'autocomplete']);
    expect(new Set(WATCHED_ATTRIBUTES).size).toBe(WATCHED_ATTRIBUTES.length);
  });

  it('the "né(e) le" word lists are those BORN_ON makes', () => {
    const bornWords = BORN_ON.map((p) => p.trim().split(' '));
    expect(BORN_OPENERS).toEqual([...new Set(bornWords.map((w) => w[0]!))]);
    expect(BORN_CLOSERS).toEqual([...new Set(bornWords.flatMap((w) => w.slice(1).map((_, i) => w.slice(i + 1).join(' '))))]);
    expect(BORN_OPEN_ENDED).toEqual(BORN_ON.map((p) => p.trimEnd()));
  });
});
