import type { browser as Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { setBridge, type PageUi } from '@/lib/browser/page-bridge';
import { installFormGuard, type HeldSubmit } from '@/lib/form-guard';
import type { FrameState, SensitiveKind } from '@/lib/messages';
import { collectSensitive, watchFields } from '@/lib/page-signals';
import type { Verdict } from '@/lib/verdict';

/**
 * Content script, injected into every page: it must stay tiny (it is parsed and run on every page
 * and frame), so it holds only what has to be there from the first moment:
 * - document_start: the submit/click/input guards (capture phase, before any page script) and
 *   `frameHello`, which asks the background for this frame's verdict;
 * - when the DOM is ready (at idle) and later (throttled MutationObserver, 5 minutes at most), a
 *   probe for sensitive fields. No field → nothing more happens, nothing is sent.
 * Everything else — brand analysis, the banner and dialog (shadow root, i18n) — is the page UI
 * (entrypoints/page-ui.ts), which the background injects only into frames that need it: a flagged
 * page, or an unknown page asking for a NIR / card / IBAN / password. A submit held meanwhile stays
 * held until the UI has loaded and the user has answered.
 * Nothing typed is kept or sent: only field kinds and a `sensitiveInput: true` flag.
 * zod is not imported here (bundle budget); replies from our own background are checked by hand.
 */

const WATCH_MS = 5 * 60_000;
/** The UI did not load (extension updated, injection refused): fall back to the browser's own dialog. */
const UI_TIMEOUT_MS = 4000;
const VERDICTS = ['official', 'lookalike', 'suspicious', 'unknown', 'invalid'];

const isStr = (x: unknown): x is string => typeof x === 'string';
const isStrArray = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);

function asVerdict(x: unknown): Verdict | null {
  const v = x as Verdict | null;
  if (!v || typeof v !== 'object' || !VERDICTS.includes(v.verdict) || !isStr(v.url) || !isStrArray(v.reasons)) return null;
  if (v.target !== null && !isStr(v.target)) return null;
  if (v.organization !== undefined && (!v.organization || !isStr(v.organization.name) || !isStr(v.organization.id))) return null;
  return v;
}

function asFrameState(x: unknown): FrameState | null {
  const s = x as FrameState | null;
  if (!s || typeof s !== 'object' || typeof s.proceeded !== 'boolean' || typeof s.allowProceed !== 'boolean') return null;
  const verdict = asVerdict(s.verdict);
  return verdict ? { verdict, proceeded: s.proceeded, allowProceed: s.allowProceed } : null;
}

/**
 * The browser's own extension API, not the webextension-polyfill wrapper: calls through the wrapper
 * cost several milliseconds per page (measured with `npm run bench:page`). Firefox has a promise-based
 * `browser`; Chrome's MV3 `chrome` returns promises too.
 */
const g = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
const api = (g.browser?.runtime?.id ? g.browser : g.chrome)!;

async function send(message: object): Promise<unknown> {
  try {
    return await api.runtime.sendMessage(message);
  } catch {
    return null; // background restarting or extension updated: stay quiet
  }
}

/** Flagged frames: submits of sensitive forms are held and typed numbers checked (lib/decision.ts shouldGuardForms). */
const guardedState = (s: FrameState | null): s is FrameState =>
  !!s && !!s.verdict.target && (s.verdict.verdict === 'suspicious' || (s.verdict.verdict === 'lookalike' && s.proceeded));

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: false,
  runAt: 'document_start',
  // WXT's legacy window.postMessage on start costs time on every page and tells the page we are here.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let state: FrameState | null = null;
    let ui: PageUi | null = null;
    let uiRequested = false;
    let held: HeldSubmit | null = null;
    let typedPending = false;
    let scanPending: SensitiveKind[] | null = null;
    let lastBrands: string[] = [];
    let lastKinds: SensitiveKind[] = [];
    let lastSent = '';
    let typedReported = false;
    let stopWatch: (() => void) | null = null;

    /** Asks the background to inject the page UI into this frame (once). */
    function needUi(): void {
      if (ui || uiRequested) return;
      uiRequested = true;
      void send({ type: 'loadPageUi' });
      ctx.setTimeout(() => {
        if (ui || !held || !state) return;
        // No UI: the browser's own dialog, so a held submit is never stuck without an explanation.
        const h = held;
        held = null;
        const t = api.i18n.getMessage as (key: string, subs?: string[]) => string;
        const msg = t('banner_guardBody', [state.verdict.target ?? '']);
        if (state.allowProceed && window.confirm(`${msg}\n\n${t('banner_guardProceed')} ?`)) guard.release(h);
      }, UI_TIMEOUT_MS);
    }

    const guard = installFormGuard(window, {
      isGuarded: () => guardedState(state),
      onHold: (h) => {
        held = h;
        if (ui && state) ui.hold(h, state);
        else needUi();
      },
      onSensitiveInput: () => {
        if (ui && state) ui.typed(state);
        else {
          typedPending = true;
          needUi();
        }
        if (!typedReported) {
          typedReported = true;
          void report(lastBrands, lastKinds);
        }
      },
    });
    ctx.onInvalidated(() => {
      guard.dispose();
      stopWatch?.();
    });

    function apply(reply: unknown): void {
      const s = asFrameState(reply);
      if (!s) return;
      state = s;
      const v = s.verdict.verdict;
      if (v === 'official' || v === 'invalid' || v === 'suspicious') stopWatch?.();
      if (guardedState(s)) {
        if (ui) ui.onState(s);
        else needUi();
      }
    }

    async function report(brandOrgIds: string[], sensitive: SensitiveKind[]): Promise<void> {
      lastBrands = brandOrgIds;
      lastKinds = sensitive;
      const msg = { type: 'pageSignals', brandOrgIds, sensitive, sensitiveInput: typedReported };
      const key = JSON.stringify(msg);
      if (key === lastSent) return;
      lastSent = key;
      apply(await send(msg));
    }

    setBridge({
      ctx,
      send,
      report,
      release: (h) => {
        if (held === h) held = null;
        guard.release(h);
      },
      attach(u) {
        if (ui) return;
        ui = u;
        if (state) u.onState(state);
        if (held && state) u.hold(held, state);
        if (typedPending && state) u.typed(state);
        typedPending = false;
        if (scanPending) u.scan(scanPending);
        scanPending = null;
      },
    });

    function scan(): void {
      const v = state?.verdict.verdict;
      if (!v || v === 'official' || v === 'invalid' || !document.documentElement) return;
      const { kinds } = collectSensitive(document);
      if (!kinds.length) return;
      if (v === 'unknown') {
        // A birth date alone never escalates (every quote form asks for it): no need for the UI.
        if (!kinds.some((k) => k !== 'birth-date')) return;
        // Whether the page imitates a listed organisation is the page UI's job.
        if (ui) ui.scan(kinds);
        else {
          scanPending = kinds;
          needUi();
        }
      } else {
        // Already flagged by its address: report the fields so the verdict gains `sensitive-form`.
        void report(lastBrands, kinds);
      }
    }

    api.runtime.onMessage.addListener((message: unknown) => {
      const m = message as { type?: unknown; verdict?: unknown } | null;
      if (!m || m.type !== 'verdictChanged' || !state) return undefined;
      const verdict = asVerdict(m.verdict);
      if (verdict) apply({ ...state, verdict });
      return undefined;
    });

    const hello = send({ type: 'frameHello' }).then(apply);
    const domReady = new Promise<void>((resolve) => {
      if (document.readyState !== 'loading') resolve();
      else document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
    });
    void Promise.all([hello, domReady]).then(() => {
      const v = state?.verdict.verdict;
      if (!v || v === 'official' || v === 'invalid') return;
      // WXT's idle callback is dropped if the extension is updated meanwhile.
      ctx.requestIdleCallback(
        () => {
          scan();
          if (state?.verdict.verdict !== 'suspicious') stopWatch = watchFields(document, scan, { throttleMs: 500, maxMs: WATCH_MS });
        },
        { timeout: 1000 },
      );
    });
  },
});
