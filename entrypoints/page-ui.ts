import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BrandMatcherData } from '@/lib/brand-matcher';
import { startFrameGuard } from '@/lib/browser/frame-guard';
import { PageAlert, type AlertSubject } from '@/lib/browser/page-alert';
import type { FrameState } from '@/lib/messages';
import { collectPageSignals } from '@/lib/page-signals';

/**
 * Page UI: injected by the background (scripting.executeScript) only into frames that need it — a
 * flagged address, or a page whose fields may be sensitive (the page guard asked). It runs the frame
 * guard (lib/browser/frame-guard.ts) with the in-page banner / dialog (lib/browser/page-alert.ts)
 * and the brand analysis (brand data asked from the background once).
 */

const isStr = (x: unknown): x is string => typeof x === 'string';
const isStrArray = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);

function asMatcher(x: unknown): BrandMatcherData | null {
  const m = x as BrandMatcherData | null;
  const ok = m?.version === 1 && Array.isArray(m.orgs) && m.orgs.every((o) => isStr(o?.id) && isStrArray(o.domains) && isStrArray(o.variants));
  return ok ? m : null;
}

const subjectOf = (s: FrameState): AlertSubject | null =>
  s.verdict.target ? { target: s.verdict.target, orgName: s.verdict.organization?.name ?? null } : null;

/**
 * WXT's context, minus its "a newer copy of this script started" handshake: that runs through DOM
 * events a page can forge, and a hostile page must not be able to tear our warning down. The
 * context is still invalidated when the extension goes away (runtime.id gone).
 */
function createContext(): ContentScriptContext {
  // Defined on use: WXT's class reads build-time values that only exist in the built script.
  class PageUiContext extends ContentScriptContext {
    override stopOldScripts(): void {}
    override listenForNewerScripts(): void {}
  }
  return new PageUiContext('page-ui');
}

interface RuntimeApi {
  runtime: { id?: string; sendMessage(message: object): Promise<unknown> };
}

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as { browser?: RuntimeApi; chrome?: RuntimeApi };
  const api = (g.browser?.runtime?.id ? g.browser : g.chrome)!;
  const send = async (message: object): Promise<unknown> => {
    try {
      return await api.runtime.sendMessage(message);
    } catch {
      return null; // background restarting or extension updated: stay quiet
    }
  };
  let alert: PageAlert | null = null;
  const pageAlert = () => (alert ??= new PageAlert(createContext()));
  let matcher: Promise<BrandMatcherData | null> | null = null;

  startFrameGuard({
    win: window,
    send,
    ui: {
      onState(s) {
        const who = subjectOf(s);
        if (who) void pageAlert().showBanner(who, s.verdict.verdict === 'lookalike');
      },
      hold(_held, s, release) {
        const who = subjectOf(s);
        // A flagged verdict always names its target; without one we could not explain a block.
        if (!who) return release();
        void pageAlert().openDialog(who, 'held', s.allowProceed, () => {}, release);
      },
      typed(s) {
        const who = subjectOf(s);
        if (who) void pageAlert().openDialog(who, 'typed', false, () => {}, () => {});
      },
      async brandsOf() {
        matcher ??= send({ type: 'getBrandData' }).then(asMatcher);
        const m = await matcher;
        return m ? collectPageSignals(document, m).brandOrgIds : [];
      },
    },
  });
});
