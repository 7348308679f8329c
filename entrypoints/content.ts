import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { BrandMatcherData } from '@/lib/brand-matcher';
import { PageAlert, type AlertSubject } from '@/lib/browser/page-alert';
import { shouldGuardForms } from '@/lib/decision';
import { installFormGuard } from '@/lib/form-guard';
import type { FrameState, SensitiveKind } from '@/lib/messages';
import { collectPageSignals, collectSensitive, watchFields } from '@/lib/page-signals';
import type { Verdict } from '@/lib/verdict';

/**
 * Content script: page signals, in-page warning, form guard. Thin wiring over lib/.
 * - document_start: the submit/click/input guards are installed before any page script can submit,
 *   and `frameHello` asks the background for this frame's verdict. Nothing else runs yet.
 * - When the DOM is ready (at idle), sensitive fields are looked for. No field → nothing is sent.
 *   The brand data is requested only when a field worth impersonating for is present.
 * - A throttled MutationObserver catches fields added later (stops after 5 minutes or once flagged).
 * Nothing typed is kept or sent: only field kinds and a `sensitiveInput: true` flag.
 * zod is not imported here (bundle budget); replies from our own background are checked by hand.
 */

const WATCH_MS = 5 * 60_000;
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

function asMatcher(x: unknown): BrandMatcherData | null {
  const m = x as BrandMatcherData | null;
  const ok = m?.version === 1 && Array.isArray(m.orgs) && m.orgs.every((o) => isStr(o?.id) && isStrArray(o.domains) && isStrArray(o.variants));
  return ok ? m : null;
}

async function send(message: object): Promise<unknown> {
  try {
    return await browser.runtime.sendMessage(message);
  } catch {
    return null; // background restarting or extension updated: stay quiet
  }
}

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: false,
  runAt: 'document_start',
  main(ctx) {
    let state: FrameState | null = null;
    let matcher: Promise<BrandMatcherData | null> | null = null;
    let lastBrands: string[] = [];
    let lastKinds: SensitiveKind[] = [];
    let lastSent = '';
    let typedReported = false;
    let stopWatch: (() => void) | null = null;
    const alert = new PageAlert(ctx);

    const subject = (): AlertSubject | null => {
      const v = state?.verdict;
      return v?.target ? { target: v.target, orgName: v.organization?.name ?? null } : null;
    };
    const guarded = () => !!state && shouldGuardForms(state.verdict, state);

    const guard = installFormGuard(window, {
      isGuarded: guarded,
      onHold: (held) => {
        const s = subject();
        // A flagged verdict always names its target; without one we could not explain a block.
        if (!s || !state) return guard.release(held);
        void alert.openDialog(s, 'held', state.allowProceed, () => {}, () => guard.release(held));
      },
      onSensitiveInput: () => {
        const s = subject();
        if (s) void alert.openDialog(s, 'typed', false, () => {}, () => {});
        if (!typedReported) {
          typedReported = true;
          void report(lastBrands, lastKinds, true);
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
      const who = subject();
      if (who && (v === 'suspicious' || (v === 'lookalike' && s.proceeded))) void alert.showBanner(who, v === 'lookalike');
    }

    async function report(brandOrgIds: string[], sensitive: SensitiveKind[], sensitiveInput: boolean): Promise<void> {
      const msg = { type: 'pageSignals', brandOrgIds, sensitive, sensitiveInput };
      const key = JSON.stringify(msg);
      if (key === lastSent) return;
      lastSent = key;
      apply(await send(msg));
    }

    function getMatcher(): Promise<BrandMatcherData | null> {
      matcher ??= send({ type: 'getBrandData' }).then(asMatcher);
      return matcher;
    }

    async function scan(): Promise<void> {
      const v = state?.verdict.verdict;
      if (!v || v === 'official' || v === 'invalid' || !document.documentElement) return;
      const { kinds } = collectSensitive(document);
      if (!kinds.length) return;
      if (v === 'unknown') {
        // A birth date alone never escalates (every quote form asks for it): no need for brands.
        if (!kinds.some((k) => k !== 'birth-date')) return;
        const m = await getMatcher();
        if (!m) return;
        const signals = collectPageSignals(document, m);
        // No organisation impersonated: the decision cannot change, so nothing is sent.
        if (!signals.brandOrgIds.length) return;
        lastBrands = signals.brandOrgIds;
        lastKinds = signals.sensitive;
      } else {
        // Already flagged by its address: report the fields so the verdict gains `sensitive-form`.
        lastKinds = kinds;
      }
      await report(lastBrands, lastKinds, typedReported);
    }

    browser.runtime.onMessage.addListener((message: unknown) => {
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
          void scan();
          if (state?.verdict.verdict !== 'suspicious')
            stopWatch = watchFields(document, () => void scan(), { throttleMs: 500, maxMs: WATCH_MS });
        },
        { timeout: 1000 },
      );
    });
  },
});
