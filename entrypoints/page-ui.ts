import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { BrandMatcherData } from '@/lib/brand-matcher';
import { getBridge } from '@/lib/browser/page-bridge';
import { PageAlert, type AlertSubject } from '@/lib/browser/page-alert';
import type { FrameState } from '@/lib/messages';
import { collectPageSignals } from '@/lib/page-signals';

/**
 * Page UI: injected by the background (scripting.executeScript) only into frames that need it — a
 * flagged page, or an unknown page asking for sensitive data — next to the content script, whose
 * bridge it attaches to (same isolated world). It does the heavy page-side work: brand analysis
 * (brand data asked from the background once) and the in-page banner / dialog.
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

export default defineUnlistedScript(() => {
  const bridge = getBridge();
  // Without the content script (or after an extension update left it orphaned) there is nothing to serve.
  if (!bridge || bridge.ctx.isInvalid) return;
  const alert = new PageAlert(bridge.ctx);
  let matcher: Promise<BrandMatcherData | null> | null = null;

  bridge.attach({
    onState(s) {
      const who = subjectOf(s);
      const v = s.verdict.verdict;
      if (who && (v === 'suspicious' || (v === 'lookalike' && s.proceeded))) void alert.showBanner(who, v === 'lookalike');
    },
    hold(held, s) {
      const who = subjectOf(s);
      // A flagged verdict always names its target; without one we could not explain a block.
      if (!who) return bridge.release(held);
      void alert.openDialog(who, 'held', s.allowProceed, () => {}, () => bridge.release(held));
    },
    typed(s) {
      const who = subjectOf(s);
      if (who) void alert.openDialog(who, 'typed', false, () => {}, () => {});
    },
    scan(kinds) {
      matcher ??= bridge.send({ type: 'getBrandData' }).then(asMatcher);
      void matcher.then((m) => {
        if (!m) return;
        const signals = collectPageSignals(document, m);
        // No organisation impersonated: the decision cannot change, so nothing is sent.
        if (!signals.brandOrgIds.length) return;
        void bridge.report(signals.brandOrgIds, signals.sensitive.length ? signals.sensitive : kinds);
      });
    },
  });
});
