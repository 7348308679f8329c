import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFrameGuard, type FrameGuardUi } from '../lib/browser/frame-guard';
import { frameSlot, pushFrameState } from '../lib/browser/page-bridge';
import { relaySubmits, watchForSensitiveFields } from '../lib/browser/page-bootstrap';
import type { FrameState } from '../lib/messages';
import type { Verdict } from '../lib/verdict';

const windows: HappyWindow[] = [];
const stops: (() => void)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0)) s();
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

function page(html: string) {
  const win = new HappyWindow({ url: 'https://mon-espace-securise.example/login', settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  windows.push(win);
  win.document.write(html);
  return win as unknown as Window;
}

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

const verdict = (v: Verdict['verdict'], target: string | null = 'ameli.fr'): Verdict => ({
  url: 'https://mon-espace-securise.example/login',
  host: 'mon-espace-securise.example',
  verdict: v,
  target,
  reasons: v === 'unknown' || v === 'official' ? [] : ['brand-content', 'sensitive-form'],
  ...(target ? { organization: { id: 'assurance-maladie', name: 'Assurance Maladie' } } : {}),
});
const state = (v: Verdict['verdict'], proceeded = false): FrameState => ({ verdict: verdict(v, v === 'unknown' ? null : 'ameli.fr'), proceeded, allowProceed: true });

const ORDINARY = '<h1>Recettes</h1><p>Une tarte aux pommes simple.</p><form><input name="q"><button>OK</button></form>';
const NIR_FORM = '<title>ameli</title><form id=f><label for=n>Numéro de sécurité sociale</label><input id=n name=n><button id=b>Valider</button></form>';

function typeInto(win: Window, id: string, value: string) {
  const el = win.document.getElementById(id) as HTMLInputElement;
  el.value = value;
  el.dispatchEvent(new (win as unknown as typeof globalThis).Event('input', { bubbles: true }));
}

describe('page guard (every page)', () => {
  it('on an ordinary page, attaches its listeners and asks for nothing', async () => {
    const win = page(ORDINARY);
    const requestUi = vi.fn(async () => true);
    stops.push(relaySubmits(win), watchForSensitiveFields({ win, requestUi, throttleMs: 10 }));
    await tick(50);
    expect(requestUi).not.toHaveBeenCalled();
    expect(frameSlot(win).listening).toBe(true);
    // Still nothing when unrelated content arrives.
    win.document.body.insertAdjacentHTML('beforeend', '<form><label>Votre e-mail<input type=email></label></form>');
    await tick(50);
    expect(requestUi).not.toHaveBeenCalled();
  });

  it("finds a field in a page's open shadow root when it is focused, and only then asks for the page UI", async () => {
    const win = page('<h1>Mon compte</h1><div id=host></div><div id=other></div>');
    const requestUi = vi.fn(async () => true);
    stops.push(watchForSensitiveFields({ win, requestUi, throttleMs: 10 }));
    const root = win.document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<label for=n>Numéro de sécurité sociale</label><input id=n>';
    const plain = win.document.getElementById('other')!.attachShadow({ mode: 'open' });
    plain.innerHTML = '<input type=search id=q placeholder=Rechercher>';
    await tick(50);
    expect(requestUi).not.toHaveBeenCalled(); // the document's queries do not see into shadow roots
    const focus = (el: Element) => el.dispatchEvent(new (win as unknown as typeof globalThis).FocusEvent('focusin', { bubbles: true, composed: true }));
    focus(plain.getElementById('q')!);
    expect(requestUi).not.toHaveBeenCalled(); // a search box in a web component asks for nothing
    focus(root.getElementById('n')!);
    expect(requestUi).toHaveBeenCalledTimes(1);
    expect(frameSlot(win).shadowRoots).toEqual([plain, root]);
  });

  it("hears the submits of a shadow root's form once a field of it was focused (submit events stay inside)", async () => {
    const win = page('<h1>Mon compte</h1><div id=host></div>');
    stops.push(relaySubmits(win), watchForSensitiveFields({ win, requestUi: async () => true, throttleMs: 10 }));
    const submit = vi.fn();
    frameSlot(win).handlers = { submit, click: () => {}, input: () => {}, keydown: () => {} };
    const root = win.document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<form id=f><label for=p>Mot de passe</label><input id=p type=password></form>';
    const form = root.getElementById('f')!;
    const G = win as unknown as typeof globalThis;
    const fire = () => form.dispatchEvent(new G.Event('submit', { bubbles: true, cancelable: true }));
    fire();
    expect(submit).not.toHaveBeenCalled(); // the window never hears it
    root.getElementById('p')!.dispatchEvent(new G.FocusEvent('focusin', { bubbles: true, composed: true }));
    root.getElementById('p')!.dispatchEvent(new G.FocusEvent('focusin', { bubbles: true, composed: true }));
    fire();
    expect(submit).toHaveBeenCalledTimes(1); // once: focusing again adds no second listener
    expect((submit.mock.calls[0]![0] as Event).target).toBe(form);
  });

  it('a page focusing decoy web components first cannot keep the real one from being checked', async () => {
    const win = page('<h1>Mon compte</h1>' + '<div class=decoy></div>'.repeat(12) + '<div id=host></div>');
    const requestUi = vi.fn(async () => true);
    stops.push(watchForSensitiveFields({ win, requestUi, throttleMs: 10 }));
    const G = win as unknown as typeof globalThis;
    const focus = (el: Element) => el.dispatchEvent(new G.FocusEvent('focusin', { bubbles: true, composed: true }));
    for (const d of win.document.querySelectorAll('.decoy')) {
      const r = d.attachShadow({ mode: 'open' });
      r.innerHTML = '<input name=q>';
      focus(r.querySelector('input')!);
    }
    const root = win.document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<label for=n>Numéro de sécurité sociale</label><input id=n>';
    focus(root.getElementById('n')!);
    expect(requestUi).toHaveBeenCalledTimes(1);
    expect(frameSlot(win).shadowRoots!.length).toBeLessThanOrEqual(8);
  });

  it('asks for the page UI once when a field may be sensitive, now or added later', async () => {
    const now = page(NIR_FORM);
    const r1 = vi.fn(async () => true);
    stops.push(watchForSensitiveFields({ win: now, requestUi: r1, throttleMs: 10 }));
    await tick(50);
    expect(r1).toHaveBeenCalledTimes(1);

    const later = page(ORDINARY);
    const r2 = vi.fn(async () => true);
    stops.push(watchForSensitiveFields({ win: later, requestUi: r2, throttleMs: 10 }));
    await tick(30);
    later.document.body.insertAdjacentHTML('beforeend', '<div><label>Date de naissance<input name=dob></label><input type=password></div>');
    await tick(60);
    expect(r2).toHaveBeenCalledTimes(1);
    later.document.body.insertAdjacentHTML('beforeend', '<input type=password name=p2>');
    await tick(60);
    expect(r2).toHaveBeenCalledTimes(1);
  });

  it('reads a field again when a script changes what it asks for, not when it changes its look', async () => {
    // A search box (read at the first focus only) that the kit renames and relabels after load.
    const win = page('<form><input id=q name=q placeholder=Rechercher><button>OK</button></form>');
    const requestUi = vi.fn(async () => true);
    stops.push(watchForSensitiveFields({ win, requestUi, throttleMs: 10 }));
    await tick(30);
    const box = win.document.getElementById('q')!;
    box.setAttribute('class', 'step-2');
    box.setAttribute('style', 'display:block');
    await tick(50);
    expect(requestUi).not.toHaveBeenCalled();
    box.setAttribute('placeholder', 'Votre numéro de sécurité sociale');
    box.setAttribute('name', 'nss');
    await tick(50);
    expect(requestUi).toHaveBeenCalledTimes(1);
  });

  it('starts once the document is parsed, even when the page later tries to keep DOMContentLoaded from us', async () => {
    for (const pageStopsIt of [false, true]) {
      const win = page(NIR_FORM);
      let ready = 'loading';
      Object.defineProperty(win.document, 'readyState', { get: () => ready, configurable: true });
      const requestUi = vi.fn(async () => true);
      // Declared at document_start: the guard's listener is there before any page script's.
      stops.push(watchForSensitiveFields({ win, requestUi, throttleMs: 10 }));
      if (pageStopsIt) {
        const swallow = (e: Event) => e.stopImmediatePropagation();
        win.addEventListener('DOMContentLoaded', swallow, true);
        win.document.addEventListener('DOMContentLoaded', swallow, true);
      }
      await tick(30);
      expect(requestUi).not.toHaveBeenCalled(); // still parsing
      ready = 'interactive';
      const Event = (win as unknown as typeof globalThis).Event;
      win.document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }));
      await tick(5);
      expect(requestUi, pageStopsIt ? 'heard before the page could stop it' : 'heard').toHaveBeenCalledTimes(1);
      win.document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }));
      await tick(30);
      expect(requestUi, 'once only').toHaveBeenCalledTimes(1);
    }
  });

  it('stopped before the document is parsed, it never starts', async () => {
    const win = page(NIR_FORM);
    let ready = 'loading';
    Object.defineProperty(win.document, 'readyState', { get: () => ready, configurable: true });
    const requestUi = vi.fn(async () => true);
    const stop = watchForSensitiveFields({ win, requestUi, throttleMs: 10 });
    stop();
    ready = 'interactive';
    win.document.dispatchEvent(new (win as unknown as typeof globalThis).Event('DOMContentLoaded', { bubbles: true }));
    await tick(30);
    expect(requestUi).not.toHaveBeenCalled();
  });

  it('stops when no UI will come (official page): later fields ask nothing', async () => {
    const win = page(NIR_FORM);
    const requestUi = vi.fn(async () => false);
    stops.push(watchForSensitiveFields({ win, requestUi, throttleMs: 10 }));
    await tick(50);
    win.document.body.insertAdjacentHTML('beforeend', '<input type=password>');
    await tick(60);
    expect(requestUi).toHaveBeenCalledTimes(1);
  });

  it('leaves the page to the page UI when the background already put it there (flagged address)', async () => {
    const win = page(NIR_FORM);
    frameSlot(win).uiLoaded = true;
    const requestUi = vi.fn(async () => true);
    stops.push(watchForSensitiveFields({ win, requestUi, throttleMs: 10 }));
    win.document.body.insertAdjacentHTML('beforeend', '<input type=password>');
    await tick(60);
    expect(requestUi).not.toHaveBeenCalled();
  });

  it('forwards submits to the form guard once loaded, and never attaches twice', async () => {
    const win = page(NIR_FORM);
    const slot = frameSlot(win);
    slot.listening = true; // the page UI got there first and listens itself
    stops.push(relaySubmits(win));
    const submit = vi.fn();
    slot.handlers = { submit, click: vi.fn(), input: vi.fn(), keydown: vi.fn() };
    (win.document.getElementById('f') as HTMLFormElement).requestSubmit();
    expect(submit).not.toHaveBeenCalled(); // nobody listens: the UI that claimed it does (see below)

    const win2 = page(NIR_FORM);
    stops.push(relaySubmits(win2));
    const submit2 = vi.fn((e: Event) => e.preventDefault());
    frameSlot(win2).handlers = { submit: submit2, click: vi.fn(), input: vi.fn(), keydown: vi.fn() };
    (win2.document.getElementById('f') as HTMLFormElement).requestSubmit();
    expect(submit2).toHaveBeenCalledTimes(1);
  });
});

describe('frame guard (page UI)', () => {
  function ui(brands: string[] = []) {
    return {
      onState: vi.fn(),
      hold: vi.fn(),
      typed: vi.fn(),
      brandsOf: vi.fn(async () => brands),
    } satisfies FrameGuardUi;
  }

  it('a pushed guarded state shows the banner and holds a filled sensitive submit until released', async () => {
    const win = page(NIR_FORM);
    stops.push(relaySubmits(win));
    // The background pushes the state before injecting the UI.
    const g = globalThis as unknown as Record<symbol, unknown>;
    const key = Symbol.for('vigie-sante.frame');
    const saved = g[key];
    g[key] = frameSlot(win);
    pushFrameState(state('lookalike', true));
    g[key] = saved;
    const send = vi.fn(async (m: object) => ((m as { type: string }).type === 'pageSignals' ? state('lookalike', true) : null));
    const u = ui();
    const guard = startFrameGuard({ win, send, ui: u })!;
    stops.push(() => guard.dispose());
    await tick();
    expect(u.onState).toHaveBeenCalled();
    expect(send.mock.calls.map((c) => (c[0] as { type: string }).type)).not.toContain('frameHello');
    // Fields reported so the verdict gains sensitive-form.
    expect(send).toHaveBeenCalledWith({ type: 'pageSignals', brandOrgIds: [], sensitive: ['nir'], sensitiveInput: false });

    let submitted = 0;
    win.document.getElementById('f')!.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted++;
    });
    typeInto(win, 'n', 'x');
    (win.document.getElementById('b') as HTMLButtonElement).click();
    expect(u.hold).toHaveBeenCalledTimes(1);
    expect(submitted).toBe(0);
    const release = u.hold.mock.calls[0]![2] as () => void;
    release();
    expect(submitted).toBe(1);
  });

  it('an unknown page asking for a NIR: brand analysis, report, then the suspicious state arms the guard', async () => {
    const win = page(NIR_FORM);
    stops.push(relaySubmits(win));
    const replies: Record<string, unknown> = { frameHello: state('unknown'), pageSignals: state('suspicious') };
    const send = vi.fn(async (m: object) => replies[(m as { type: string }).type] ?? null);
    const u = ui(['assurance-maladie']);
    const guard = startFrameGuard({ win, send, ui: u })!;
    stops.push(() => guard.dispose());
    await tick();
    expect(send.mock.calls.map((c) => c[0])).toEqual([
      { type: 'frameHello' },
      { type: 'pageSignals', brandOrgIds: ['assurance-maladie'], sensitive: ['nir'], sensitiveInput: false },
    ]);
    expect(u.onState).toHaveBeenCalledWith(expect.objectContaining({ verdict: expect.objectContaining({ verdict: 'suspicious' }) }));
    // A valid NIR typed now: the dialog opens at once, and the background learns only that it happened.
    typeInto(win, 'n', '1 85 05 78 006 084 91');
    expect(u.typed).toHaveBeenCalledTimes(1);
    await tick();
    const last = send.mock.calls.at(-1)![0] as Record<string, unknown>;
    expect(last).toEqual({ type: 'pageSignals', brandOrgIds: ['assurance-maladie'], sensitive: ['nir'], sensitiveInput: true });
    expect(JSON.stringify(send.mock.calls)).not.toContain('006');
  });

  // The blind test's fake chat assistant: one textarea, which the kit's script turns into a NIR field, then a card field.
  const CHAT = `<title>AXA Santé – Votre assistante virtuelle</title><header><svg role=img aria-label=AXA></svg></header>
    <form id=f><textarea id=t name=message placeholder="Écrivez votre message…" aria-label="Votre message"></textarea><button id=b>Envoyer</button></form>`;
  const ask = (win: Window, placeholder: string) => {
    const box = win.document.getElementById('t')!;
    box.setAttribute('placeholder', placeholder);
    box.setAttribute('aria-label', placeholder);
  };

  it('a chat box that starts asking for the NIR after load: reported with the brand, then its submit and typed NIR are guarded', async () => {
    const win = page(CHAT);
    stops.push(relaySubmits(win));
    const replies: Record<string, unknown> = { frameHello: state('unknown'), pageSignals: state('suspicious') };
    const send = vi.fn(async (m: object) => replies[(m as { type: string }).type] ?? null);
    const u = ui(['axa']);
    const guard = startFrameGuard({ win, send, ui: u, throttleMs: 10 })!;
    stops.push(() => guard.dispose());
    await tick();
    expect(send.mock.calls.map((c) => c[0])).toEqual([{ type: 'frameHello' }]); // a message box asks for nothing
    expect(u.brandsOf).not.toHaveBeenCalled();
    ask(win, 'Votre numéro de sécurité sociale (15 chiffres)');
    await tick(60);
    expect(send).toHaveBeenLastCalledWith({ type: 'pageSignals', brandOrgIds: ['axa'], sensitive: ['nir'], sensitiveInput: false });
    expect(u.onState).toHaveBeenCalledWith(expect.objectContaining({ verdict: expect.objectContaining({ verdict: 'suspicious' }) }));
    // Guarded now: sending the box is held, and a valid NIR typed into it opens the warning at once.
    let submitted = 0;
    win.document.getElementById('f')!.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted++;
    });
    typeInto(win, 't', '1 85 05');
    (win.document.getElementById('b') as HTMLButtonElement).click();
    expect(u.hold).toHaveBeenCalledTimes(1);
    expect(submitted).toBe(0);
    typeInto(win, 't', '185057800608491');
    expect(u.typed).toHaveBeenCalledTimes(1);
    await tick();
    expect(JSON.stringify(send.mock.calls)).not.toContain('0608');
  });

  it('a chat box relabelled by its aria-label alone (not watched): read again when the user goes into it', async () => {
    const win = page(CHAT);
    const replies: Record<string, unknown> = { frameHello: state('unknown'), pageSignals: state('suspicious') };
    const send = vi.fn(async (m: object) => replies[(m as { type: string }).type] ?? null);
    const guard = startFrameGuard({ win, send, ui: ui(['axa']), throttleMs: 10 })!;
    stops.push(() => guard.dispose());
    await tick();
    const box = win.document.getElementById('t')!;
    box.setAttribute('aria-label', 'Numéro de sécurité sociale');
    await tick(60);
    expect(send.mock.calls.map((c) => (c[0] as { type: string }).type)).toEqual(['frameHello']);
    box.dispatchEvent(new (win as unknown as typeof globalThis).FocusEvent('focusin', { bubbles: true, composed: true }));
    await tick();
    expect(send).toHaveBeenLastCalledWith({ type: 'pageSignals', brandOrgIds: ['axa'], sensitive: ['nir'], sensitiveInput: false });
  });

  it('on an address already flagged, a chat box that starts asking for the card is reported as a sensitive form', async () => {
    const win = page(CHAT);
    const send = vi.fn(async (_m: object) => state('lookalike', true));
    const guard = startFrameGuard({ win, send, ui: ui(), throttleMs: 10 })!;
    stops.push(() => guard.dispose());
    await tick();
    expect(send).toHaveBeenCalledTimes(1);
    ask(win, "Numéro de carte bancaire, date d'expiration et cryptogramme");
    await tick(60);
    expect(send).toHaveBeenLastCalledWith({ type: 'pageSignals', brandOrgIds: [], sensitive: ['card-number'], sensitiveInput: false });
  });

  it('an honest contact page whose message box changes its placeholder reports nothing', async () => {
    const win = page('<title>Contact – Cabinet des Tilleuls</title><form><label for=t>Message</label><textarea id=t name=message></textarea><button>Envoyer</button></form>');
    const send = vi.fn(async () => state('unknown'));
    const u = ui([]);
    const guard = startFrameGuard({ win, send, ui: u, throttleMs: 10 })!;
    stops.push(() => guard.dispose());
    await tick();
    ask(win, 'Précisez votre numéro de commande');
    await tick(60);
    expect(send).toHaveBeenCalledTimes(1); // frameHello only
    expect(u.brandsOf).not.toHaveBeenCalled();
  });

  it("reads the fields of the page's shadow roots the page guard found, at start and when one more is found", async () => {
    const win = page('<title>ameli</title><div id=a></div><div id=b></div>');
    const replies: Record<string, unknown> = { frameHello: state('unknown'), pageSignals: state('suspicious') };
    const send = vi.fn(async (m: object) => replies[(m as { type: string }).type] ?? null);
    const slot = frameSlot(win);
    const first = win.document.getElementById('a')!.attachShadow({ mode: 'open' });
    first.innerHTML = '<label for=d>Date de naissance</label><input id=d>';
    slot.shadowRoots = [first];
    const guard = startFrameGuard({ win, send, ui: ui(['assurance-maladie']) })!;
    stops.push(() => guard.dispose());
    await tick();
    expect(send.mock.calls.map((c) => (c[0] as { type: string }).type)).toEqual(['frameHello']); // a birth date alone never escalates
    const second = win.document.getElementById('b')!.attachShadow({ mode: 'open' });
    second.innerHTML = '<label for=n>Numéro de sécurité sociale</label><input id=n>';
    slot.shadowRoots.push(second);
    slot.onShadowRoot!();
    await tick();
    expect(send).toHaveBeenLastCalledWith({ type: 'pageSignals', brandOrgIds: ['assurance-maladie'], sensitive: ['nir', 'birth-date'], sensitiveInput: false });
  });

  it('an unknown page that imitates nobody sends nothing after frameHello; an official one is left alone', async () => {
    const win = page(NIR_FORM);
    const send = vi.fn(async () => state('unknown'));
    const u = ui([]);
    const g1 = startFrameGuard({ win, send, ui: u })!;
    stops.push(() => g1.dispose());
    await tick();
    expect(send).toHaveBeenCalledTimes(1);
    expect(u.brandsOf).toHaveBeenCalledTimes(1);

    const off = page(NIR_FORM);
    const sendOff = vi.fn(async () => ({ ...state('official'), verdict: { ...verdict('official'), reasons: [] } }));
    const u2 = ui(['assurance-maladie']);
    const g2 = startFrameGuard({ win: off, send: sendOff, ui: u2 })!;
    stops.push(() => g2.dispose());
    await tick();
    expect(sendOff).toHaveBeenCalledTimes(1);
    expect(u2.brandsOf).not.toHaveBeenCalled();
    expect(u2.onState).not.toHaveBeenCalled();
  });

  it('ignores malformed replies, and runs once per frame', async () => {
    const win = page(NIR_FORM);
    for (const bad of [null, 'x', { verdict: 'suspicious' }, { verdict: { verdict: 'nope', url: '', reasons: [], target: null, host: null }, proceeded: false, allowProceed: true }]) {
      const g = frameSlot(win);
      g.uiLoaded = false;
      const u = ui(['assurance-maladie']);
      const guard = startFrameGuard({ win, send: async () => bad, ui: u })!;
      await tick();
      expect(u.onState).not.toHaveBeenCalled();
      expect(u.brandsOf).not.toHaveBeenCalled();
      guard.dispose();
    }
    const first = startFrameGuard({ win, send: async () => state('unknown'), ui: ui() });
    expect(startFrameGuard({ win, send: async () => state('unknown'), ui: ui() })).toBeNull();
    first!.dispose();
  });

  it('listens by itself when the page guard is not in the frame (page open before the install)', async () => {
    const win = page(NIR_FORM);
    const u = ui();
    frameSlot(win).pushed = state('suspicious');
    const guard = startFrameGuard({ win, send: async () => state('suspicious'), ui: u })!;
    stops.push(() => guard.dispose());
    typeInto(win, 'n', 'x');
    (win.document.getElementById('b') as HTMLButtonElement).click();
    expect(u.hold).toHaveBeenCalledTimes(1);
  });
});
