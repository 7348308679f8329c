import { listenForSubmits, type FormGuardHandlers } from '../form-guard';
import { FieldLook, pageFieldLook, rootFieldLook } from '../field-xpath';
import { isFieldTag, watchFields } from '../page-fields';
import { frameSlot } from './page-bridge';

/**
 * The page guard: what every page and frame runs. Every page the user opens pays for it, so on an
 * ordinary page it does only this, in one small script (entrypoints/page-guard.ts, at document_start):
 * - `relaySubmits` attaches capture-phase submit/click/input/keydown listeners before any page script can;
 *   they do nothing until the page UI hands them the form guard;
 * - once the document is parsed, and for five minutes after as fields are added or their attributes
 *   change (throttled MutationObserver, lib/page-fields.ts `watchFields`),
 *   `watchForSensitiveFields` checks whether any field may ask for a NIR, card, IBAN, password or
 *   birth date (lib/field-xpath.ts, then lib/page-fields.ts; no regular expression); a field inside
 *   the page's own open shadow root (a web component) is checked when it gets the focus, and from
 *   then on its submits reach the form guard too.
 * Neither touches an extension API nor sends anything until such a field shows up; then the page UI
 * is asked for and takes over (verdict, brand analysis, warnings). A flagged address does not wait
 * for that: the background injects the page UI as soon as the frame commits.
 */

/** Attaches the forwarding listeners (once per frame); returns the detach function. */
export function relaySubmits(win: Window): () => void {
  const slot = frameSlot(win);
  if (slot.listening) return () => {};
  slot.listening = true;
  // Forward to the form guard once the page UI has loaded it; inert until then.
  const forward = (e: Event) => slot.handlers?.[e.type as keyof FormGuardHandlers](e);
  const listeners = listenForSubmits(win, { submit: forward, click: forward, input: forward, keydown: forward });
  slot.relisten = listeners.relisten;
  return () => {
    listeners.detach();
    slot.listening = false;
    slot.relisten = undefined;
  };
}

const MAX_SHADOW_ROOTS = 8;

export interface FieldWatchEnv {
  win: Window;
  /** Asks the background for the page UI; resolves false when none will come (official page, error). */
  requestUi(): Promise<boolean>;
  watchMs?: number;
  throttleMs?: number;
}

/** Asks for the page UI once a field may be sensitive (now, or added within `watchMs`); returns the stop function. */
export function watchForSensitiveFields(env: FieldWatchEnv): () => void {
  const { win } = env;
  const doc = win.document;
  const slot = frameSlot(win);
  let requested = false;
  let stopWatch: (() => void) | null = null;
  let stopped = false;
  const stop = () => {
    stopped = true;
    stopWatch?.();
  };

  // The page's only fields are search boxes (or email/URL fields): read them at the first focus into one.
  let atFocus = false;
  function check(focused = false): void {
    if (stopped || requested) return;
    if (slot.uiLoaded) return stop(); // the page UI watches from now on
    const look = pageFieldLook(doc, focused);
    atFocus = look === FieldLook.AtFocus;
    if (look !== FieldLook.Ui && !slot.shadowRoots?.some((root) => rootFieldLook(root) === FieldLook.Ui)) return;
    requested = true;
    stopWatch?.();
    slot.relisten?.(); // (a frame the page wrote itself lost them to document.open)
    // No UI coming (an official page, or the extension is gone): nothing more to do here.
    void env.requestUi().then((ok) => {
      if (!ok) stop();
    });
  }

  const run = () => {
    check();
    // What describes a field is watched once the page has fields to read (not only search boxes).
    if (!requested && !stopped) stopWatch = watchFields(doc, check, { throttleMs: env.throttleMs ?? 500, maxMs: env.watchMs ?? 5 * 60_000, wide: () => !atFocus });
  };
  // Declared at document_start, before any page script: a capture listener on the window, attached
  // first, hears DOMContentLoaded before any listener a page adds later and cannot be stopped by it.
  let waiting = false;
  const start = () => {
    if (!waiting) return;
    waiting = false;
    if (!stopped) run();
  };
  if (doc.readyState !== 'loading') run();
  else {
    waiting = true;
    win.addEventListener('DOMContentLoaded', start, true); // (`waiting` makes it once: no options object to read)
  }
  // Fields inside a page's own open shadow root (a web component) are out of reach of the document's
  // queries; focusing one is how they show up: focus events leave the shadow root, retargeted to its host.
  let relayed: WeakSet<ShadowRoot> | null = null; // made at the first focus into a shadow root
  const onFocus = (e: Event) => {
    const first = e.composedPath()[0] as Element | undefined;
    // Into a field: read them all now (search boxes too, and labels a script may have changed since,
    // which are not watched: lib/page-fields.ts WATCHED_ATTRIBUTES), before anything is typed.
    if (isFieldTag(first?.tagName)) check(true);
    let root = first?.getRootNode?.() as ShadowRoot | undefined;
    // A closed shadow root hides its nodes from us: a focus inside it reaches us as its host.
    const closed = !root?.host;
    if (closed) root = first ? (closedShadowRootOf(first) ?? undefined) : undefined;
    if (!root) return;
    const roots = (slot.shadowRoots ??= []);
    if (roots.includes(root)) return;
    // The latest few: a page that focuses decoy components first cannot push the real one out.
    if (roots.length >= MAX_SHADOW_ROOTS) roots.shift();
    roots.push(root);
    // Submit events do not leave a shadow root (not composed): an Enter in its form, or the page's
    // own requestSubmit(), is only heard there. Clicks and typing do leave it.
    relayed ??= new WeakSet();
    if (slot.listening && !relayed.has(root)) {
      relayed.add(root);
      root.addEventListener('submit', (ev) => slot.handlers?.submit(ev), true);
      // Nor do clicks and typing show their real target outside a closed root.
      if (closed) {
        root.addEventListener('click', (ev) => slot.handlers?.click(ev), true);
        root.addEventListener('input', (ev) => slot.handlers?.input(ev), true);
      }
    }
    if (slot.onShadowRoot) slot.onShadowRoot();
    else check();
  };
  win.addEventListener('focusin', onFocus, true);

  return () => {
    waiting = false;
    win.removeEventListener('focusin', onFocus, true);
    stop();
  };
}

interface ClosedRootApi {
  dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null };
}

/**
 * The closed shadow root of a custom element (`<login-box>`), which only extensions may open: Firefox
 * gives content scripts `element.openOrClosedShadowRoot`, Chrome `chrome.dom.openOrClosedShadowRoot`.
 * Asked only for custom elements, so a focus on an ordinary field touches no extension API.
 */
function closedShadowRootOf(el: Element): ShadowRoot | null {
  if (!el.tagName || !el.tagName.includes('-') || el.shadowRoot) return null;
  try {
    const own = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
    if (own !== undefined) return own;
    const g = globalThis as unknown as { browser?: ClosedRootApi; chrome?: ClosedRootApi };
    return (g.chrome?.dom ?? g.browser?.dom)?.openOrClosedShadowRoot?.(el) ?? null;
  } catch {
    return null; // extension gone, or an API that refuses: the form stays as unread as before
  }
}
