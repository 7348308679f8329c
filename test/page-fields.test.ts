import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { describeField, hasSensitiveKeyword, isCandidateField, mayAskSensitive, mayBeSensitive } from '../lib/page-fields';
import { fieldSensitiveKinds, FIELD_KEYWORD_PATTERNS } from '../lib/page-signals';
import { foldWords } from '../lib/text-fold';
import { SENSITIVE_PHRASES as PHRASES } from './helpers/field-phrases';
import { pageMayAskSensitive, xpathMayAskSensitive } from '../lib/field-xpath';

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
  ])('%s → no', (_name, html) => {
    expect(mayAskSensitive(load(html))).toBe(false);
  });

  it.each(['fake-ameli-login.html', 'fake-mutuelle-card.html', 'fake-iban-remboursement.html', 'news-carte-vitale-scam.html', 'forum-ameli-mgen.html', 'comparator-mutuelles.html', 'hospital-preadmission.html'])(
    '%s (asks for a NIR, card, IBAN, password or birth date) → yes',
    (file) => {
      expect(mayAskSensitive(load(fixture(file)))).toBe(true);
    },
  );

  it('lets no field go that the precise classification would report (every field of every fixture)', () => {
    let sensitive = 0;
    for (const file of ['fake-ameli-login.html', 'fake-mutuelle-card.html', 'fake-iban-remboursement.html', 'news-carte-vitale-scam.html', 'forum-ameli-mgen.html', 'comparator-mutuelles.html', 'hospital-preadmission.html']) {
      for (const el of load(fixture(file)).querySelectorAll('input, select')) {
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
  /** mulberry32: a reproducible sequence. */
  const rng = (seed: number) => (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
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

describe('pageMayAskSensitive: the guard as it runs (XPath first, lib/field-xpath.ts)', () => {
  it('falls back to the precise test where the DOM has no XPath (happy-dom), with the same answers', () => {
    const pages = [
      '<form><input name="q"></form>',
      '<form><label>Numéro de sécurité sociale<input name=x></label></form>',
      ...['fake-ameli-login.html', 'news-carte-vitale-scam.html', 'forum-ameli-mgen.html'].map(fixture),
    ];
    for (const html of pages) {
      const doc = load(html);
      expect(xpathMayAskSensitive(doc)).toBe(null);
      expect(pageMayAskSensitive(doc)).toBe(mayAskSensitive(doc));
    }
  });
});
