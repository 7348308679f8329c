import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { relaySubmits } from '@/lib/browser/page-bootstrap';

/**
 * Declared for every page and frame at document_start (wxt.config.ts adds it to the manifest's
 * content_scripts): capture-phase submit/click/input listeners, attached before any page script can
 * attach its own, which the page UI arms when a frame is flagged (lib/browser/page-bootstrap.ts).
 * A plain script on purpose: WXT's content-script wrapper and the webextension-polyfill cost
 * milliseconds on every page the user opens (`npm run bench:page`).
 */
export default defineUnlistedScript(() => {
  relaySubmits(window);
});
