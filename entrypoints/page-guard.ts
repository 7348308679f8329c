import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { relaySubmits, watchForSensitiveFields } from '@/lib/browser/page-bootstrap';

/**
 * The page guard, declared for every page and frame at document_start (wxt.config.ts adds it to the
 * manifest's content_scripts), in one script: each always-on script costs its own injection and
 * compilation on every page the user opens (`npm run bench:page`).
 * - Now: capture-phase submit/click/input/keydown listeners, attached before any page script can attach its
 *   own, which the page UI arms when a frame is flagged.
 * - Once the document is parsed, and for five minutes after: whether a field may ask for a NIR, card,
 *   IBAN, password or birth date; only then is the page UI asked for.
 * It touches no extension API before that (lib/browser/page-bootstrap.ts). A plain script on purpose:
 * WXT's content-script wrapper and the webextension-polyfill cost milliseconds on every page.
 */

interface RuntimeApi {
  runtime: { id?: string; sendMessage(message: object): Promise<unknown> };
}

export default defineUnlistedScript(() => {
  relaySubmits(window);
  watchForSensitiveFields({
    win: window,
    async requestUi() {
      // Firefox has a promise-based `browser`; Chrome's MV3 `chrome` returns promises too. Looked
      // up only now: the first access to the extension API is the expensive part.
      const g = globalThis as unknown as { browser?: RuntimeApi; chrome?: RuntimeApi };
      try {
        const api = (g.browser?.runtime?.id ? g.browser : g.chrome)!;
        const reply = (await api.runtime.sendMessage({ type: 'loadPageUi' })) as { ok?: unknown } | null;
        return reply?.ok === true;
      } catch {
        return false; // extension updated or removed: this orphaned script stays quiet
      }
    },
  });
});
