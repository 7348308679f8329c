import { listenForSubmits } from '../form-guard';
import { mayAskSensitive, watchFields } from '../page-fields';
import { frameSlot } from './page-bridge';

/**
 * The page guard: what every page and frame runs (entrypoints/page-guard.ts, document_start).
 * Every page the user opens pays for it, so on an ordinary page it only
 * - attaches capture-phase submit/click/input listeners before any page script can, which do
 *   nothing until the page UI hands them the form guard;
 * - once the DOM is ready (at idle), and for five minutes after (throttled MutationObserver), checks
 *   whether any field may ask for a NIR, card, IBAN, password or birth date (lib/page-fields.ts,
 *   no regular expression).
 * It touches no extension API and sends nothing until such a field shows up; then it asks the
 * background for the page UI, which takes over (verdict, brand analysis, warnings). A flagged
 * address does not wait for that: the background injects the page UI as soon as the frame commits.
 */

export interface PageBootstrapEnv {
  win: Window;
  /** Asks the background for the page UI; resolves false when none will come (official page, error). */
  requestUi(): Promise<boolean>;
  watchMs?: number;
  throttleMs?: number;
}

export function startPageBootstrap(env: PageBootstrapEnv): () => void {
  const { win } = env;
  const doc = win.document;
  const slot = frameSlot(win);
  let detach: (() => void) | null = null;
  if (!slot.listening) {
    slot.listening = true;
    // Forward to the form guard once the page UI has loaded it; inert until then.
    detach = listenForSubmits(win, {
      submit: (e) => slot.handlers?.submit(e),
      click: (e) => slot.handlers?.click(e),
      input: (e) => slot.handlers?.input(e),
    });
  }

  let requested = false;
  let stopWatch: (() => void) | null = null;
  let stopped = false;
  const stop = () => {
    stopped = true;
    stopWatch?.();
  };

  function check(): void {
    if (stopped || requested) return;
    if (slot.uiLoaded) return stop(); // the page UI watches from now on
    if (!doc.documentElement || !mayAskSensitive(doc)) return;
    requested = true;
    stopWatch?.();
    // No UI coming (an official page, or the extension is gone): nothing more to do here.
    void env.requestUi().then((ok) => {
      if (!ok) stop();
    });
  }

  // One idle callback, scheduled now (no DOMContentLoaded listener: every callback costs on every page).
  const run = () => {
    if (stopped) return;
    if (doc.readyState === 'loading') return void doc.addEventListener('DOMContentLoaded', run, { once: true });
    check();
    if (!requested && !stopped) stopWatch = watchFields(doc, check, { throttleMs: env.throttleMs ?? 500, maxMs: env.watchMs ?? 5 * 60_000 });
  };
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(run, { timeout: 1000 });
  else win.setTimeout(run, 0);

  return () => {
    stop();
    detach?.();
    if (detach) slot.listening = false;
  };
}
