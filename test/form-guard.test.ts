import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { installFormGuard, looksLikeSensitiveValue, textHoldsSensitiveValue, type HeldSubmit } from '../lib/form-guard';

const windows: HappyWindow[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

function setup(html: string, guarded = true) {
  const win = new HappyWindow({ url: 'https://neutral-site.example/', settings: { disableJavaScriptEvaluation: true } });
  windows.push(win);
  win.document.write(html);
  const doc = win.document as unknown as Document;
  const held: HeldSubmit[] = [];
  const typed: Element[] = [];
  let isGuarded = guarded;
  const guard = installFormGuard(win as unknown as Window, {
    isGuarded: () => isGuarded,
    onHold: (h) => held.push(h),
    onSensitiveInput: (f) => typed.push(f),
  });
  const pageSubmits: string[] = [];
  doc.querySelectorAll('form').forEach((f) =>
    f.addEventListener('submit', (e) => {
      e.preventDefault(); // the page "sends" with fetch; we only count
      pageSubmits.push(f.id);
    }),
  );
  return { win, doc, held, typed, guard, pageSubmits, setGuarded: (g: boolean) => (isGuarded = g) };
}

const LOGIN = `<form id=f><label for=n>Numéro de sécurité sociale</label><input id=n><input id=p type=password>
  <button id=b>Valider</button></form><form id=news><input id=mail type=email><button id=nb>OK</button></form>`;

function type(doc: Document, id: string, value: string) {
  const el = doc.getElementById(id) as HTMLInputElement;
  el.value = value;
  el.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('input', { bubbles: true }));
}

describe('installFormGuard', () => {
  // happy-dom does not retarget events leaving a shadow root; the retargeting itself is checked in
  // Chromium (test/e2e/chromium.test.ts, "web component"). Here: the fields and button of such a form are read.
  it('guards a form built inside an open shadow root (a web component): its fields are read, its button held', () => {
    const { win, doc, held, typed } = setup('<div id=host></div>');
    const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<form><label for=n>Numéro de sécurité sociale</label><input id=n><button id=b>Valider</button></form>';
    const field = root.getElementById('n') as HTMLInputElement;
    field.value = '1 85 05 78 006 084 91';
    field.dispatchEvent(new (win as unknown as typeof globalThis).Event('input', { bubbles: true, composed: true }));
    expect(typed).toEqual([field]);
    (root.getElementById('b') as HTMLButtonElement).click();
    expect(held).toHaveLength(1);
    expect(held[0]!.submitter?.id).toBe('b');
  });

  it('stops the submit of a filled sensitive form before page handlers, then releases it once', () => {
    const { doc, held, guard, pageSubmits } = setup(LOGIN);
    type(doc, 'p', 'secret');
    (doc.getElementById('b') as HTMLButtonElement).click();
    expect(held).toHaveLength(1);
    expect(held[0]!.form?.id).toBe('f');
    expect(pageSubmits).toEqual([]);
    guard.release(held[0]!);
    expect(pageSubmits).toEqual(['f']);
    // The bypass was one-shot: the next attempt is held again.
    (doc.getElementById('b') as HTMLButtonElement).click();
    expect(held).toHaveLength(2);
    expect(pageSubmits).toEqual(['f']);
  });

  it('stops a programmatic/Enter submit (requestSubmit) too', () => {
    const { doc, held, pageSubmits } = setup(LOGIN);
    type(doc, 'n', '1 85 05 78 006 084 91');
    (doc.getElementById('f') as HTMLFormElement).requestSubmit();
    expect(held).toHaveLength(1);
    expect(pageSubmits).toEqual([]);
  });

  it('lets empty sensitive forms and ordinary forms through', () => {
    const { doc, held, pageSubmits } = setup(LOGIN);
    (doc.getElementById('b') as HTMLButtonElement).click();
    type(doc, 'mail', 'a@b.example');
    (doc.getElementById('nb') as HTMLButtonElement).click();
    expect(held).toEqual([]);
    expect(pageSubmits).toEqual(['f', 'news']);
  });

  it('does nothing while the page is not guarded', () => {
    const { doc, held, typed, pageSubmits } = setup(LOGIN, false);
    type(doc, 'n', '185057800608491');
    (doc.getElementById('b') as HTMLButtonElement).click();
    expect(held).toEqual([]);
    expect(typed).toEqual([]);
    expect(pageSubmits).toEqual(['f']);
  });

  it('holds a click on a form-less "send" button next to a filled card field', () => {
    const { doc, held } = setup('<div><input id=c autocomplete="cc-number"><span role=button id=go>Payer</span></div>');
    type(doc, 'c', '4111 1111 1111 1111');
    (doc.getElementById('go') as HTMLElement).click();
    expect(held).toHaveLength(1);
    expect(held[0]!.form).toBeNull();
  });

  it.each([
    ['a link whose script submits', '<a href="#" id=go>Valider</a>'],
    ['an element with an inline handler', '<span onclick="send()" id=go>Valider</span>'],
    ['a div shown with a hand cursor (a script listens on it)', '<div class=btn style="cursor:pointer"><span id=go>Valider</span></div>'],
  ])('holds a click on %s in a filled sensitive form (form.submit() fires no submit event)', (_what, button) => {
    const { doc, held } = setup(`<form id=f><label for=n>Numéro de sécurité sociale</label><input id=n>${button}</form>`);
    type(doc, 'n', '1234');
    (doc.getElementById('go') as HTMLElement).click();
    expect(held).toHaveLength(1);
    expect(held[0]!.form?.id).toBe('f');
  });

  it('holds Enter in a field of a filled sensitive form (a script may answer it with form.submit()), not elsewhere', () => {
    const { win, doc, held } = setup(`<form id=f><label for=n>Numéro de sécurité sociale</label><input id=n><textarea id=t></textarea></form>
      <form id=g><input id=q name=q></form>`);
    const G = win as unknown as typeof globalThis;
    const press = (id: string, init: KeyboardEventInit = {}) => {
      const e = new G.KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init });
      doc.getElementById(id)!.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(press('n')).toBe(false); // nothing typed yet
    type(doc, 'n', '1234');
    expect(press('n', { key: 'a' })).toBe(false);
    expect(press('n', { isComposing: true })).toBe(false); // an input method choosing a word
    expect(press('t')).toBe(false); // a new line in a text area
    type(doc, 'q', 'vacances');
    expect(press('q')).toBe(false); // another form, with nothing sensitive
    expect(held).toEqual([]);
    expect(press('n')).toBe(true);
    expect(held).toHaveLength(1);
    expect(held[0]!.form?.id).toBe('f');
  });

  // A fake chat assistant: one textarea, described as asking for the NIR (or the card) by its script.
  const CHAT = `<form id=f><textarea id=t name=message placeholder="Votre numéro de sécurité sociale (15 chiffres)" maxlength=15></textarea>
    <button id=b>Envoyer</button></form>`;
  const CONTACT = `<form id=c><label for=m>Votre message</label><textarea id=m name=message placeholder="Précisez votre numéro de commande"></textarea>
    <button id=cb>Envoyer</button></form>`;

  it('holds the submit of a filled textarea that asks for sensitive data, by its button or by script; a message box goes', () => {
    const { doc, held, pageSubmits } = setup(CHAT + CONTACT);
    type(doc, 't', '1234');
    (doc.getElementById('b') as HTMLButtonElement).click();
    (doc.getElementById('f') as HTMLFormElement).requestSubmit();
    expect(held.map((h) => h.form?.id)).toEqual(['f', 'f']);
    type(doc, 'm', 'Commande 2024-118734 : colis non reçu');
    (doc.getElementById('cb') as HTMLButtonElement).click();
    expect(held).toHaveLength(2);
    expect(pageSubmits).toEqual(['c']);
  });

  it('holds a click on a form-less chat widget\'s send button next to a filled sensitive textarea', () => {
    const { doc, held } = setup('<div class=chat><div class=composer><textarea id=t aria-label="Numéro de carte bancaire"></textarea></div><span role=button id=go>➤</span></div>');
    type(doc, 't', '4970');
    (doc.getElementById('go') as HTMLElement).click();
    expect(held).toHaveLength(1);
    expect(held[0]!.form).toBeNull();
  });

  it('holds Enter in a filled textarea that asks for sensitive data (a chat box sends on Enter); elsewhere Enter is a new line', () => {
    const { win, doc, held } = setup(CHAT + CONTACT);
    const G = win as unknown as typeof globalThis;
    const press = (id: string) => {
      const e = new G.KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      doc.getElementById(id)!.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(press('t')).toBe(false); // nothing typed yet
    type(doc, 'm', 'Bonjour,');
    expect(press('m')).toBe(false); // a new line in a message
    type(doc, 't', '1 85 05');
    expect(press('t')).toBe(true);
    expect(held.map((h) => h.form?.id)).toEqual(['f']);
  });

  it('warns when a valid NIR, card or IBAN is typed into a textarea, alone or within a message', () => {
    const { doc, typed } = setup(CHAT + CONTACT + '<textarea id=u></textarea><textarea id=v></textarea>');
    type(doc, 't', '1 85 05 78 006 084 92'); // wrong key
    expect(typed).toEqual([]);
    type(doc, 't', '185057800608491');
    type(doc, 'm', 'Bonjour, ma carte : 4970 1012 3456 7893, expire le 09/27, code 123.');
    type(doc, 'u', 'Voici mon RIB FR76 3000 6000 0112 3456 7890 189');
    type(doc, 'v', 'Commande 2024-118734, livraison prévue le 12/05, appelez-moi au 06 12 34 56 78');
    expect(typed.map((e) => e.id)).toEqual(['t', 'm', 'u']);
  });

  it('does not hold clicks into the fields, their labels or plain text of a filled sensitive form', () => {
    const { doc, held } = setup(`<form id=f style="cursor:pointer"><label id=l for=n style="cursor:pointer">Numéro de sécurité sociale</label>
      <input id=n style="cursor:pointer"><p id=t>Saisissez votre numéro.</p></form>`);
    type(doc, 'n', '1234');
    for (const id of ['l', 'n', 't']) (doc.getElementById(id) as HTMLElement).click();
    expect(held).toEqual([]);
  });

  it('warns once per field when a valid NIR / card / IBAN is typed, not for near misses', () => {
    const { doc, typed } = setup('<input id=x><input id=y>');
    type(doc, 'x', '1 85 05 78 006 084 92'); // wrong key
    expect(typed).toEqual([]);
    type(doc, 'x', '1 85 05 78 006 084 91');
    type(doc, 'x', '1 85 05 78 006 084 91 ');
    expect(typed.map((e) => e.id)).toEqual(['x']);
    type(doc, 'y', 'FR76 3000 6000 0112 3456 7890 189');
    expect(typed.map((e) => e.id)).toEqual(['x', 'y']);
  });

  it('dispose removes every listener', () => {
    const { doc, held, guard, pageSubmits } = setup(LOGIN);
    guard.dispose();
    type(doc, 'p', 'secret');
    (doc.getElementById('b') as HTMLButtonElement).click();
    expect(held).toEqual([]);
    expect(pageSubmits).toEqual(['f']);
  });
});

describe('textHoldsSensitiveValue (what is typed into a textarea)', () => {
  it.each<[string, boolean]>([
    ['185057800608491', true],
    ['1 85 05 78 006 084 91', true],
    ['Mon numéro de sécu est le 1 85 05 78 006 084 91.', true],
    ['Ma carte : 4970 1012 3456 7893, exp 09/27, cryptogramme 123', true],
    // Pasted run on with the expiry and the code, the card is not seen; typed, it is a whole run as its last digit comes.
    ['4970 1012 3456 7893 0927 123', false],
    ['Carte 4970 1012 3456 7893', true],
    ['4970101234567893\n09/27\n123', true],
    ['iban fr76 3000 6000 0112 3456 7890 189 merci', true],
    ['1 85 05 78 006 084 92', false], // wrong key
    ['Commande 2024-118734, livraison le 12/05/2025, tél. 06 12 34 56 78', false],
    ['ref 9185057800608491x', false], // inside a longer word
    ['Fixe 01 23 45 67 89 ou portable 06 12 34 56 78, domicile 04 78 12 34 56 06 98 76 54 32', false], // phone numbers: no stretch from the middle of a run
    ['Bonjour, je souhaite un rendez-vous mardi à 14 h.', false],
    ['', false],
  ])('%j → %s', (text, out) => {
    expect(textHoldsSensitiveValue(text)).toBe(out);
  });

  it('reads only the start of a long text, in time linear in its length', () => {
    expect(textHoldsSensitiveValue(`${'x '.repeat(500)}185057800608491`)).toBe(true);
    expect(textHoldsSensitiveValue(`${'x '.repeat(1000)}185057800608491`)).toBe(false);
    const t0 = performance.now();
    for (const junk of ['1 '.repeat(5000), 'a'.repeat(5000), `1 ${'a'.repeat(5000)}`, '1.'.repeat(5000)]) expect(textHoldsSensitiveValue(junk)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(50); // a pattern tried from every letter of a 2,000-letter word took 2.5 ms per keystroke
  });
});

describe('looksLikeSensitiveValue', () => {
  it.each<[string, boolean]>([
    ['185057800608491', true],
    ['4111111111111111', true],
    ['DE89370400440532013000', true],
    ['0612345678', false], // phone number
    ['hello world 1234', false],
    ['x'.repeat(5000), false],
  ])('%s → %s', (v, out) => {
    expect(looksLikeSensitiveValue(v)).toBe(out);
  });
});
