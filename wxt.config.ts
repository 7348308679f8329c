import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

// Public half of the key that fixes the Chromium extension id (jhkohliimpmbdcncgdkobpgofojmbpob), so that
// enterprise policies can name it. The private half never enters the repository.
const manifestKey = readFileSync(resolve(import.meta.dirname, 'lib/data/manifest-key.txt'), 'utf8').trim();

/**
 * Our views never render raw HTML (page text must never become markup), so Preact's
 * dangerouslySetInnerHTML path is turned into plain text at build time. This also keeps the Firefox
 * build free of innerHTML assignments, which `web-ext lint` (and store review) flag.
 */
function preactWithoutRawHtml(): Plugin {
  return {
    name: 'vigie:preact-without-raw-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/node_modules\/preact\/dist\/preact\.(module\.)?m?js/.test(id)) return null;
      const out = code.replace(/(\w+)\.innerHTML=(\w+)\.__html/g, '$1.textContent=$2.__html').replace(/(\w+)\.innerHTML=""/g, '$1.textContent=""');
      if (/\.innerHTML=/.test(out)) throw new Error(`${id}: an innerHTML assignment is left; update preactWithoutRawHtml`);
      return { code: out, map: null };
    },
  };
}

/** Scripts built without the webextension-polyfill (see the vite:build:extendConfig hook). */
const PLAIN_API_SCRIPTS = new Set(['page-guard', 'page-ui']);

// See https://wxt.dev/api/config.html
export default defineConfig({
  hooks: {
    // The page UI only reads synchronous values of the extension API (runtime.id, i18n.getMessage,
    // runtime.getURL) and sends its messages through Chrome's promise-returning `chrome` or Firefox's
    // `browser`: it does not need the webextension-polyfill (a fifth of its size), so WXT's own
    // utilities get the plain global there instead.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => PLAIN_API_SCRIPTS.has(e.name))) return;
      // WXT's UI helpers import wait-element for autoMount, which these scripts never call (lib/browser/no-auto-mount.ts).
      const noAutoMount = resolve(import.meta.dirname, 'lib/browser/no-auto-mount.ts');
      config.resolve = {
        ...config.resolve,
        alias: {
          ...(config.resolve?.alias as Record<string, string>),
          'wxt/browser': '@wxt-dev/browser',
          '@1natsu/wait-element/detectors': noAutoMount,
          '@1natsu/wait-element': noAutoMount,
        },
      };
    },
    // The page guard is one plain script (built as an unlisted script) declared here, so every page
    // pays neither WXT's content-script wrapper nor the webextension-polyfill (milliseconds per
    // page, `npm run bench:page`): submit listeners at document_start, the field check once parsed.
    'build:manifestGenerated': (_wxt, manifest) => {
      const everywhere = { matches: ['<all_urls>'], all_frames: true, match_about_blank: true, match_origin_as_fallback: true };
      manifest.content_scripts = [...(manifest.content_scripts ?? []), { ...everywhere, js: ['page-guard.js'], run_at: 'document_start' }];
    },
  },
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Locales live with the views that use them; WXT generates _locales/ from them.
  i18n: { localesDir: resolve(import.meta.dirname, 'components/locales') },
  vite: () => ({
    // (No compile hint on the page guard: most of its code only runs on a page with a form, so V8's
    // lazy compilation costs less main-thread time overall than compiling it all up front.)
    plugins: [preactWithoutRawHtml(), preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // storage: exceptions, settings, last good list; webNavigation: judge every navigation (all frames)
    // before the page is used; tabs: read a tab's address for the popup after a restart and send a tab
    // to the warning page; alarms: periodic list synchronisation; scripting: inject the warning UI
    // only into pages that need it (the content script on every page stays tiny).
    permissions: ['storage', 'webNavigation', 'tabs', 'alarms', 'scripting'],
    // The content script must run wherever a fake page can be; the background fetches the signed list
    // from the administrator's listUrl (any host) and posts SOC reports to reportUrl.
    host_permissions: ['<all_urls>'],
    ...(browser === 'firefox'
      ? // Firefox: a fixed id, needed for policies.json (3rdparty) and managed storage.
        // It collects nothing ("none"): SOC reports go only to an endpoint the administrator configures.
        {
          browser_specific_settings: {
            gecko: { id: 'vigie-sante@vigie-sante.github.io', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { key: manifestKey, storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
