import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { watchForSensitiveFields } from '@/lib/browser/page-bootstrap';

/**
 * Declared for every page and frame at document_idle (wxt.config.ts): looks for fields that may ask
 * for a NIR, card, IBAN, password or birth date, now and for five minutes, and only then asks the
 * background for the page UI (lib/browser/page-bootstrap.ts). It touches no extension API before.
 */

interface RuntimeApi {
  runtime: { id?: string; sendMessage(message: object): Promise<unknown> };
}

export default defineUnlistedScript(() => {
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
