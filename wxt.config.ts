import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Locales live with the views that use them; WXT generates _locales/ from them.
  i18n: { localesDir: resolve(import.meta.dirname, 'components/locales') },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // storage: exceptions, settings, last good list; webNavigation: judge every navigation (all frames)
    // before the page is used; tabs: read a tab's address for the popup after a restart and send a tab
    // to the warning page; alarms: periodic list synchronisation.
    permissions: ['storage', 'webNavigation', 'tabs', 'alarms'],
  },
});
