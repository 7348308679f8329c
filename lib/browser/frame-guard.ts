import { createFormGuard, listenForSubmits, type HeldSubmit } from '../form-guard';
import type { FrameState, SensitiveKind } from '../messages';
import { isFieldTag } from '../page-fields';
import { KIND_ORDER, collectSensitive, watchFields } from '../page-signals';
import type { Verdict } from '../verdict';
import { frameSlot } from './page-bridge';

/**
 * The frame guard: the logic of the page UI (entrypoints/page-ui.ts), which the background injects
 * only into frames that need it — a flagged address (as soon as it commits, with its state pushed),
 * or a page whose fields may be sensitive (asked by the page guard, lib/browser/page-bootstrap.ts).
 * - The frame's verdict: pushed by the background, else asked once (`frameHello`).
 * - The form guard: its handlers go to the page guard's listeners, attached since document_start.
 * - Sensitive fields (now and added later): on an unknown page, whether it imitates a listed
 *   organisation is asked of the UI (brand analysis) and reported; on a flagged page the fields are
 *   reported so the verdict gains `sensitive-form`.
 * - A flagged frame (suspicious, or a lookalike the user chose to visit) shows the banner; a held
 *   submit or a typed NIR / card / IBAN opens the dialog.
 * Nothing typed is kept or sent: only field kinds and a `sensitiveInput: true` flag. Replies from
 * the background are checked by hand (zod stays out of this bundle).
 */

export interface FrameGuardUi {
  /** The frame state changed and the frame is guarded: show or update the banner. */
  onState(state: FrameState): void;
  /** A submit was held: ask the user; `release` lets it through. */
  hold(held: HeldSubmit, state: FrameState, release: () => void): void;
  /** A valid NIR / card / IBAN was typed on a guarded page. */
  typed(state: FrameState): void;
  /** Unknown page asking for sensitive data: ids of the listed organisations it presents itself as. */
  brandsOf(): Promise<string[]>;
}

export interface FrameGuardEnv {
  win: Window;
  /** Sends a message to the background; null when it cannot answer (restart, extension updated). */
  send(message: object): Promise<unknown>;
  ui: FrameGuardUi;
  watchMs?: number;
  throttleMs?: number;
}

const VERDICTS = ['official', 'lookalike', 'suspicious', 'unknown', 'invalid'];
const isStr = (x: unknown): x is string => typeof x === 'string';
const isStrArray = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);

export function asVerdict(x: unknown): Verdict | null {
  const v = x as Verdict | null;
  if (!v || typeof v !== 'object' || !VERDICTS.includes(v.verdict) || !isStr(v.url) || !isStrArray(v.reasons)) return null;
  if (v.target !== null && !isStr(v.target)) return null;
  if (v.host !== null && !isStr(v.host)) return null;
  if (v.organization !== undefined && (!v.organization || !isStr(v.organization.name) || !isStr(v.organization.id))) return null;
  return v;
}

export function asFrameState(x: unknown): FrameState | null {
  const s = x as FrameState | null;
  if (!s || typeof s !== 'object' || typeof s.proceeded !== 'boolean' || typeof s.allowProceed !== 'boolean') return null;
  const verdict = asVerdict(s.verdict);
  return verdict ? { verdict, proceeded: s.proceeded, allowProceed: s.allowProceed } : null;
}

/** Flagged frames: submits of sensitive forms are held and typed numbers checked (lib/decision.ts shouldGuardForms). */
export const isGuardedState = (s: FrameState | null): s is FrameState =>
  !!s && !!s.verdict.target && (s.verdict.verdict === 'suspicious' || (s.verdict.verdict === 'lookalike' && s.proceeded));

const settled = (v: string | undefined) => v === 'official' || v === 'invalid';

/** Starts the frame guard (once per frame: a second call returns null). */
export function startFrameGuard(env: FrameGuardEnv): { dispose(): void } | null {
  const { win, ui } = env;
  const doc = win.document;
  const slot = frameSlot(win);
  if (slot.uiLoaded) return null;
  slot.uiLoaded = true;

  let state: FrameState | null = null;
  let disposed = false;
  let lastBrands: string[] = [];
  let lastKinds: SensitiveKind[] = [];
  let lastSent = '';
  let typedReported = false;
  let stopWatch: (() => void) | null = null;
  // A sub-frame reports its sensitive fields even without a name of its own (see scan).
  const framed = win.top !== win;
  const domReady = new Promise<void>((resolve) => {
    if (doc.readyState !== 'loading') resolve();
    else doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });

  const guard = createFormGuard({
    isGuarded: () => !disposed && isGuardedState(state),
    onHold: (held) => {
      if (state) ui.hold(held, state, () => guard.release(held));
    },
    onSensitiveInput: () => {
      if (state) ui.typed(state);
      if (!typedReported) {
        typedReported = true;
        void report(lastBrands, lastKinds);
      }
    },
  });
  slot.handlers = guard.handlers;
  // No page guard in this frame (a page open before the extension was installed): listen ourselves.
  let detach: (() => void) | null = null;
  if (!slot.listening) {
    slot.listening = true;
    const listeners = listenForSubmits(win, guard.handlers);
    detach = listeners.detach;
    slot.relisten = listeners.relisten;
  }

  function apply(reply: unknown): void {
    const s = asFrameState(reply);
    if (!s || disposed) return;
    state = s;
    const v = s.verdict.verdict;
    if (settled(v) || v === 'suspicious') stopWatch?.();
    if (isGuardedState(s)) ui.onState(s);
  }

  async function report(brandOrgIds: string[], sensitive: SensitiveKind[]): Promise<void> {
    lastBrands = brandOrgIds;
    lastKinds = sensitive;
    const msg = { type: 'pageSignals', brandOrgIds, sensitive, sensitiveInput: typedReported };
    const key = JSON.stringify(msg);
    if (key === lastSent) return;
    lastSent = key;
    apply(await env.send(msg));
  }

  /** The document's sensitive fields, and those of the page's shadow roots the page guard found. */
  function sensitiveKinds(): SensitiveKind[] {
    const { kinds } = collectSensitive(doc);
    const roots = slot.shadowRoots ?? [];
    if (!roots.length) return kinds;
    const all = new Set(kinds);
    for (const root of roots) for (const k of collectSensitive(root).kinds) all.add(k);
    return KIND_ORDER.filter((k) => all.has(k));
  }

  async function scan(): Promise<void> {
    const v = state?.verdict.verdict;
    if (disposed || !v || settled(v) || !doc.documentElement) return;
    // The page may have rewritten its document (document.open) since: our listeners with it.
    slot.relisten?.();
    const kinds = sensitiveKinds();
    if (!kinds.length) return;
    if (v === 'unknown') {
      // A birth date alone never escalates (every quote form asks for it).
      if (!kinds.some((k) => k !== 'birth-date')) return;
      const brands = await ui.brandsOf();
      // No organisation impersonated: the decision cannot change, so nothing is sent; except from a
      // sub-frame, which the page around it may name (a form framed from another address).
      if ((brands.length || framed) && !disposed) await report(brands, kinds);
    } else {
      // Already flagged by its address: report the fields so the verdict gains `sensitive-form`.
      await report(lastBrands, kinds);
    }
  }

  const known: Promise<void> =
    slot.pushed !== undefined ? Promise.resolve(apply(slot.pushed)) : env.send({ type: 'frameHello' }).then(apply);
  slot.onPush = apply;

  /** The background asked (a sub-frame asks for sensitive data here): which organisation does this page say it is? */
  async function survey(): Promise<void> {
    slot.surveyAsked = false;
    if (disposed || state?.verdict.verdict !== 'unknown' || !doc.documentElement) return;
    const brands = await ui.brandsOf();
    if (brands.length && !disposed) await report(brands, sensitiveKinds());
  }
  const onSurvey = () => void Promise.all([known, domReady]).then(survey);
  slot.onSurvey = onSurvey;
  const onShadowRoot = () => void known.then(scan);
  slot.onShadowRoot = onShadowRoot;
  void Promise.all([known, domReady]).then(() => {
    if (slot.surveyAsked) void survey();
    const v = state?.verdict.verdict;
    if (disposed || !v || settled(v)) return;
    void scan();
    if (v === 'suspicious') return;
    const stopFields = watchFields(doc, () => void scan(), { throttleMs: env.throttleMs ?? 500, maxMs: env.watchMs ?? 5 * 60_000 });
    // Labels are not watched (lib/page-fields.ts WATCHED_ATTRIBUTES): the fields are read again when
    // the user goes into one, before anything is typed.
    const onFocus = (e: Event) => {
      if (isFieldTag((e.composedPath()[0] as Element | undefined)?.tagName)) void scan();
    };
    win.addEventListener('focusin', onFocus, true);
    stopWatch = () => {
      stopFields();
      win.removeEventListener('focusin', onFocus, true);
    };
  });

  return {
    dispose() {
      disposed = true;
      stopWatch?.();
      detach?.();
      if (slot.handlers === guard.handlers) slot.handlers = undefined;
      if (slot.onPush === apply) slot.onPush = undefined;
      if (slot.onShadowRoot === onShadowRoot) slot.onShadowRoot = undefined;
      if (slot.onSurvey === onSurvey) slot.onSurvey = undefined;
      slot.uiLoaded = false;
      if (detach) slot.listening = false;
    },
  };
}
