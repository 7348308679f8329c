import { fieldSensitiveKinds, FIELD_CAP } from './page-signals';
import { isLuhnCard, isValidIban, isValidNir } from './validators';

/**
 * Form guard over a window it is handed (the page in the content script, happy-dom in tests).
 * While `isGuarded()` is true:
 * - submitting a form that holds a filled sensitive field (input, select or textarea) is stopped in
 *   the capture phase, before any page handler runs, and `onHold` is called; `release(held)`
 *   re-submits it once (requestSubmit, so the page's own validation and handlers run) and
 *   `drop(held)` forgets it;
 * - a click on a submit-like button whose form/container holds a filled sensitive field is stopped
 *   the same way (pages that send with fetch() on click never fire "submit");
 * - typing a value that validates as a NIR, a card number or an IBAN (in a textarea: among other
 *   words) calls `onSensitiveInput` once per field. The value is only tested, never kept.
 * Listeners are installed at once (document_start), so nothing can slip through before the verdict
 * arrives; they do nothing while the page is not guarded.
 */

export interface HeldSubmit {
  form: HTMLFormElement | null;
  /** The button that was clicked or that submitted the form. */
  submitter: HTMLElement | null;
}

export interface FormGuardOptions {
  isGuarded: () => boolean;
  onHold: (held: HeldSubmit) => void;
  onSensitiveInput: (field: Element) => void;
}

/** The capture-phase listeners of the guard, to be attached to a window (see `installFormGuard`). */
export interface FormGuardHandlers {
  submit: (e: Event) => void;
  click: (e: Event) => void;
  input: (e: Event) => void;
  keydown: (e: Event) => void;
}

export interface FormGuard {
  release: (held: HeldSubmit) => void;
  dispose: () => void;
}

export interface SubmitListeners {
  detach(): void;
  /**
   * Attaches the same listeners again: a no-op while they are there (the same function, type and
   * phase), and what puts them back after a page's document.open(), which erases every listener of
   * the window (a frame a page writes itself, about:blank, starts that way).
   */
  relisten(): void;
}

const SUBMIT_EVENTS = ['submit', 'click', 'input', 'keydown'] as const;

/** Attaches `handlers` to `win` in the capture phase. */
export function listenForSubmits(win: Window, handlers: FormGuardHandlers): SubmitListeners {
  // One listener for the four event types, which calls the handler of the event's type (a small
  // always-on script: see entrypoints/page-guard.ts).
  const listener = (e: Event) => handlers[e.type as keyof FormGuardHandlers](e);
  // (Index loops: no iterator for the page guard to set up on every page.)
  const relisten = () => {
    for (let i = 0; i < 4; i++) win.addEventListener(SUBMIT_EVENTS[i]!, listener, true);
  };
  relisten();
  return {
    detach() {
      for (let i = 0; i < 4; i++) win.removeEventListener(SUBMIT_EVENTS[i]!, listener, true);
    },
    relisten,
  };
}

// What a click may send a form through: buttons, and a kit's links and inline-handler elements
// (an <a> or <div> whose script calls form.submit(), which fires no submit event).
const SUBMIT_LIKE = 'button, input[type="submit"], input[type="image"], [role="button"], a[href], [onclick]';
const FIELD_LIKE = 'input, select, textarea, label, option';
/** How far up from the click a hand cursor is looked for (a kit's "button": a styled div or span). */
const POINTER_DEPTH = 4;

/**
 * The element a click may submit through: a submit-like element, or the one the page gives a hand
 * cursor (a div or span a script listens on; the cursor is inherited, so the element it is set on,
 * below the form), never a field or its label.
 */
function submitLikeOf(t: Element): Element | null {
  if (typeof t.closest !== 'function' || t.closest(FIELD_LIKE)) return null;
  const button = t.closest(SUBMIT_LIKE);
  if (button) return button;
  const view = t.ownerDocument?.defaultView;
  if (!view) return null;
  const pointer = (el: Element) => view.getComputedStyle(el).cursor === 'pointer';
  let el: Element | null = t;
  for (let i = 0; el && i < POINTER_DEPTH && el.tagName !== 'FORM' && el.tagName !== 'BODY'; i++, el = el.parentElement) {
    if (!pointer(el)) return null;
    if (!el.parentElement || !pointer(el.parentElement)) return el;
  }
  return null;
}

/** Whether a field has something typed in it (we read the length only). */
function filled(el: Element): boolean {
  const v = (el as HTMLInputElement).value;
  return typeof v === 'string' && v.trim().length > 0;
}

/** Whether `box` (a form, or the container of a form-less widget) holds a filled sensitive field. */
export function holdsFilledSensitiveField(box: Element): boolean {
  const fields = box.querySelectorAll('input, select, textarea');
  const n = Math.min(fields.length, FIELD_CAP);
  for (let i = 0; i < n; i++) {
    const f = fields[i]!;
    if (filled(f) && fieldSensitiveKinds(f).length) return true;
  }
  return false;
}

/** The container a submit-like button acts for: its form, else the nearest ancestor holding fields (5 levels). */
function containerOf(button: Element): Element | null {
  const form = (button as HTMLButtonElement).form ?? button.closest('form');
  if (form) return form;
  let el = button.parentElement;
  for (let i = 0; el && i < 5; i++, el = el.parentElement) if (el.querySelector('input, textarea')) return el;
  return null;
}

/**
 * The element the event really happened on. Clicks and input cross a shadow root retargeted to its
 * host; a form built inside a page's open shadow root (a web component) must still be guarded.
 */
function innerTarget(e: Event): EventTarget | null {
  const path = typeof e.composedPath === 'function' ? e.composedPath() : [];
  return path[0] ?? e.target;
}

/** Typed values worth an immediate warning. Cheap length gate first. */
export function looksLikeSensitiveValue(value: string): boolean {
  const len = value.length;
  if (len < 13 || len > 42) return false;
  return isValidNir(value) || isLuhnCard(value) || isValidIban(value);
}

/**
 * Whether free text (a textarea) holds a valid NIR, card number or IBAN among other words ("Mon
 * numéro : 1 85 05 78 006 084 91, merci"): each run of words holding a digit, parted by spaces or dots
 * only, is tested as a whole (typed after other words, a number is such a run as its last digit comes).
 * The first 2,000 characters only: a message is short, and a pasted book is no form answer.
 */
export function textHoldsSensitiveValue(text: string): boolean {
  // (From word starts only: a long word without digits is then read once, not once per letter.)
  return (text.slice(0, 2000).match(/(?<![\w-])[\w-]*\d[\w-]*(?:[ .\u00a0\u202f]+[\w-]*\d[\w-]*)*/g) ?? []).some(looksLikeSensitiveValue);
}

/** The guard on `win`, listening from now on. */
export function installFormGuard(win: Window, opts: FormGuardOptions): FormGuard {
  const guard = createFormGuard(opts);
  const listeners = listenForSubmits(win, guard.handlers);
  return { release: guard.release, dispose: listeners.detach };
}

/**
 * The guard's logic without listeners: the page guard (entrypoints/page-guard.ts) listens from
 * document_start and forwards to these handlers once the page UI has loaded them.
 */
export function createFormGuard(opts: FormGuardOptions): { handlers: FormGuardHandlers; release: (held: HeldSubmit) => void } {
  // One-shot permission: the next submit/click of this form or button goes through.
  const bypass = new WeakSet<object>();
  const warnedFields = new WeakSet<Element>();

  const onSubmit = (e: Event) => {
    if (!opts.isGuarded()) return;
    const form = e.target as HTMLFormElement;
    if (!form || form.tagName !== 'FORM') return;
    if (bypass.has(form)) {
      bypass.delete(form);
      return;
    }
    if (!holdsFilledSensitiveField(form)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    opts.onHold({ form, submitter: ((e as SubmitEvent).submitter as HTMLElement | null) ?? null });
  };

  const onClick = (e: Event) => {
    if (!opts.isGuarded()) return;
    const t = innerTarget(e) as Element | null;
    const button = t ? submitLikeOf(t) : null;
    if (!button) return;
    if (button.tagName === 'BUTTON' && (button.getAttribute('type') ?? 'submit').toLowerCase() === 'reset') return;
    if (bypass.has(button)) {
      bypass.delete(button);
      return;
    }
    const box = containerOf(button);
    if (!box || !holdsFilledSensitiveField(box)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    opts.onHold({ form: box.tagName === 'FORM' ? (box as HTMLFormElement) : null, submitter: button as HTMLElement });
  };

  // Enter in a field: a page script may answer it with form.submit(), which fires no submit event.
  // In a textarea Enter is a new line, unless the textarea itself asks for a NIR, a card… (a fake
  // chat box, whose script sends on Enter): then it is held like Enter in an input.
  const onKeydown = (e: Event) => {
    const k = e as KeyboardEvent;
    if (k.key !== 'Enter' || k.isComposing || !opts.isGuarded()) return;
    const t = innerTarget(e) as HTMLInputElement | null;
    if (!t || (t.tagName !== 'INPUT' && !(t.tagName === 'TEXTAREA' && filled(t) && fieldSensitiveKinds(t).length))) return;
    const box = containerOf(t);
    if (!box || !holdsFilledSensitiveField(box)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    opts.onHold({ form: box.tagName === 'FORM' ? (box as HTMLFormElement) : null, submitter: null });
  };

  const onInput = (e: Event) => {
    if (!opts.isGuarded()) return;
    const t = innerTarget(e) as HTMLInputElement | null;
    if (!t || (t.tagName !== 'INPUT' && t.tagName !== 'TEXTAREA') || warnedFields.has(t)) return;
    if (typeof t.value === 'string' && (t.tagName === 'TEXTAREA' ? textHoldsSensitiveValue(t.value) : looksLikeSensitiveValue(t.value))) {
      warnedFields.add(t);
      opts.onSensitiveInput(t);
    }
  };

  return {
    handlers: { submit: onSubmit, click: onClick, input: onInput, keydown: onKeydown },
    release(held) {
      const { form, submitter } = held;
      // Replay what the user did: a click on the button (its own handlers run, then the form's
      // submission), or requestSubmit (validation and submit handlers run) when there was no button.
      const targets = [form, submitter].filter((x): x is HTMLElement => !!x && x.isConnected);
      for (const t of targets) bypass.add(t);
      try {
        if (submitter && submitter.isConnected) submitter.click();
        else if (form && form.isConnected) {
          if (typeof form.requestSubmit === 'function') form.requestSubmit();
          else form.submit();
        }
      } finally {
        // Dispatch is synchronous; if nothing fired (invalid fields), never leave the form unguarded.
        for (const t of targets) bypass.delete(t);
      }
    },
  };
}
