import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPageBootstrap } from '@/lib/browser/page-bootstrap';

/**
 * The script declared for every page and frame at document_start (wxt.config.ts adds it to the
 * manifest's content_scripts). A plain script on purpose: WXT's content-script wrapper and the
 * webextension-polyfill cost milliseconds on every page the user opens (`npm run bench:page`), and
 * this one touches no extension API until a page has a field that may be sensitive.
 * The logic is lib/browser/page-bootstrap.ts.
 */

interface RuntimeApi {
  runtime: { id?: string; sendMessage(message: object): Promise<unknown> };
}

export default defineUnlistedScript(() => {
  startPageBootstrap({
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
