import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { SENSITIVE_PHRASES } from '../helpers/field-phrases';
import { prng } from '../helpers/prng';

/**
 * Material for comparing the page guard's two tests in a real browser: the precise `mayAskSensitive`
 * (lib/page-fields.ts) and its XPath shortcut `xpathMayAskSensitive` (lib/field-xpath.ts), which must
 * never say "no" where the precise one says "yes".
 */

/** Both tests as one script for a page: it defines `globalThis.fieldTests`. */
export async function fieldTestsScript(): Promise<string> {
  const root = resolve(import.meta.dirname, '../..');
  const out = await build({
    stdin: {
      contents: `import { xpathMayAskSensitive } from './lib/field-xpath'; import { mayAskSensitive } from './lib/page-fields';
        globalThis.fieldTests = { xpathMayAskSensitive, mayAskSensitive };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  return out.outputFiles[0]!.text;
}

export interface Verdicts {
  precise: boolean;
  xpath: boolean | null;
}

/** Runs in the page: both tests on each HTML text, parsed as a document of its own. */
export function judgeAll(htmls: string[]): Verdicts[] {
  const t = (globalThis as unknown as { fieldTests: { xpathMayAskSensitive(d: Document): boolean | null; mayAskSensitive(d: Document): boolean } }).fieldTests;
  return htmls.map((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return { precise: t.mayAskSensitive(doc), xpath: t.xpathMayAskSensitive(doc) };
  });
}

export const fixturePages = (): { name: string; html: string }[] => {
  const dir = resolve(import.meta.dirname, '../fixtures/pages');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((name) => ({ name, html: readFileSync(resolve(dir, name), 'utf8') }));
};

/** Ordinary forms: no field asks for anything we guard, and the XPath test must see it on its own. */
export const ORDINARY_FORMS = [
  '<h1>Recettes de saison</h1><p>Une tarte aux pommes simple.</p><form><input name="q"><button>OK</button></form>',
  '<form><label>Votre adresse e-mail<input type=email name=email></label><button>Je m’abonne</button></form>',
  '<form><label for=n>Nom</label><input id=n name=nom><label for=p>Prénom</label><input id=p name=prenom><label for=t>Téléphone</label><input id=t type=tel name=tel><textarea name=message></textarea></form>',
  '<form role=search><input type=search placeholder="Rechercher un produit, une marque…"></form><label>Quantité<input type=number value=1></label><label>Code postal<input name=cp></label>',
  '<p>Accueil – Succès – Commune de Sainte-Cécile</p><form><input name=recherche placeholder="Que cherchez-vous ?"></form>',
  '<header><nav><a href=/>Accueil</a></nav><form action=/search><input type=hidden name=csrf_token value=x><input name=query aria-label="Rechercher sur le site"></form></header>',
  '<div class=newsletter><h2>Restez informé</h2><p>Recevez nos actualités chaque semaine.</p><div><input type=email placeholder="votre@email.fr"></div></div>',
  '<div id=messages><p>Bonjour, comment puis-je vous aider ?</p></div><form><textarea id=input name=message placeholder="Écrivez votre message…" aria-label="Votre message"></textarea><button>Envoyer</button></form>',
  '<form><label for=m>Votre demande</label><textarea id=m name=demande placeholder="Précisez votre numéro de commande et le produit concerné"></textarea><button>Envoyer</button></form>',
];

/** A reproducible sequence of integers below n. */
function rng(seed: number): (n: number) => number {
  const next = prng(seed);
  return (n) => Math.floor(next() * n);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Random forms: labels people write (sensitive phrases, their near misses, ordinary French words)
 * put in every place `describeField` reads (attributes, labels, aria-labelledby, text before the
 * field or its parent, nested markup, long text cut at 200 characters, a "né(e) le" split across two
 * places) and dressed as pages dress them (case, camelCase, accents, typographic punctuation, rare
 * letters); fields of every kind (inputs, selects, textareas), some hidden.
 */
export function randomForms(count: number, seed: number): string[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;
  const words = readFileSync('/usr/share/dict/french', 'utf8').split('\n').filter((w) => w && !w.includes("'"));
  const NEAR_MISSES = ['pommes', 'accueil', 'succès', 'commune', 'Le nom', 'né', 'le', 'Né(e)', 'le 01/01/1990', 'personne', 'e-mail', 'Lettre', 'Expérience', 'carton', 'vitalité', 'rib', 'Nirvana', 'Secundo'];
  const TYPOGRAPHY = [' ', '\u00a0', '\u202f', '’', '«\u00a0', ' – ', '…', '°', ' : ', '-', '_', '.'];
  const RARE = ['ǹ', 'İ', 'Ｎ', 'œ', 'Æ', 'ß', 'ﬁ', 'ɪ', 'ī', '\u0301', 'ａ'];

  const dress = (text: string): string => {
    switch (rand(8)) {
      case 0:
        return text.toUpperCase();
      case 1: // camelCase identifier
        return text
          .split(/[\s'’()/°.-]+/)
          .filter(Boolean)
          .map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w.toLowerCase()))
          .join('');
      case 2:
        return text.replace(/ /g, () => pick(TYPOGRAPHY));
      case 3: // a rare letter somewhere
        return text.slice(0, rand(text.length + 1)) + pick(RARE) + text.slice(rand(text.length + 1));
      case 4: // cut by the 200-character cap, near the phrase
        return 'x'.repeat(190 + rand(12)) + ' ' + text;
      default:
        return text;
    }
  };
  const text = (): string => {
    const r = rand(10);
    const base = r < 4 ? pick(SENSITIVE_PHRASES) : r < 7 ? pick(NEAR_MISSES) : pick(words);
    const around = rand(3) ? '' : `${pick(words)} `;
    return dress(around + base + (rand(3) ? '' : ` ${pick(words)}`));
  };

  let ids = 0;
  const field = (): { before: string; html: string; after: string } => {
    const id = `f${ids++}`;
    const attrs: string[] = [];
    let before = '';
    let after = '';
    const kind = rand(20);
    if (kind === 0) attrs.push(`type=${pick(['hidden', 'HIDDEN', 'submit', 'checkbox', 'radio', 'button'])}`);
    else if (kind === 1) attrs.push(pick(['hidden', 'aria-hidden=true', 'aria-hidden=false']));
    else if (kind < 5) attrs.push(`type=${pick(['text', 'email', 'tel', 'number', 'date', 'search', 'Password', 'PASSWORD', 'password', 'Text'])}`);
    if (!rand(6)) attrs.push(`autocomplete="${pick(['off', 'name', 'email', 'cc-number', 'CC-EXP', 'bday-day', 'new-password', 'username', 'tel'])}"`);
    let labelled = false;
    for (let k = 0; k < 1 + rand(3); k++) {
      const t = escapeHtml(text());
      switch (rand(11)) {
        case 0:
          attrs.push(`name="${t}"`);
          break;
        case 1:
          attrs.push(`id="${t}"`);
          break;
        case 2:
          attrs.push(`aria-label="${t}"`);
          break;
        case 3:
          attrs.push(`placeholder="${rand(8) ? t : pick(['FR76 3000 …', ' fr', 'Fr', 'france', '1 85 05 78 006 084 36', '_ __ __ __ ___ ___ __', '06 12 34 56 78', '185057800608436', 'xx-xx'])}"`);
          break;
        case 4:
          attrs.push(`title="${t}"`);
          break;
        case 5:
          if (!labelled) {
            labelled = true;
            attrs.push(`id=${id}`);
            after += `<label for=${id}>${t}</label>`;
          }
          break;
        case 6:
          attrs.push(`aria-labelledby="${rand(2) ? 'nobody ' : ''}${id}l"`);
          after += `<span id=${id}l>${t}</span>`;
          break;
        case 7:
          before += t;
          break;
        case 8:
          before += `<span>${t.slice(0, 1)}<b>${t.slice(1)}</b></span>`;
          break;
        case 9:
          before += `<${pick(['div', 'td', 'p', 'section', 'label', 'strong'])}>${t}</${pick(['div', 'td', 'p', 'section', 'label', 'strong'])}>`;
          break;
        default:
          before += `<div>${'<i>·</i>'.repeat(rand(6))}${t}</div>`;
      }
    }
    const tag = rand(12); // 0: select, 1: textarea, else input
    const html =
      tag > 1 ? `<input ${attrs.join(' ')}>` : tag === 1 ? `<textarea ${attrs.join(' ')}></textarea>` : `<select ${attrs.join(' ')}><option>1</option></select>`;
    // Sometimes the field sits in a wrapper: what came "before" is then its parent's sibling, or a wrapping label.
    switch (rand(4)) {
      case 0:
        return { before: '', html: `${before}<div>${html}</div>`, after };
      case 1:
        return { before: '', html: `<label>${before}${html}</label>`, after };
      default:
        return { before, html, after };
    }
  };

  const forms: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    for (let k = 0; k < 1 + rand(3); k++) {
      const f = field();
      parts.push(f.before + f.html + f.after);
    }
    forms.push(`<h1>${escapeHtml(pick(words))}</h1><form>${parts.join(rand(2) ? '' : '<br>')}</form>`);
  }
  return forms;
}
