/**
 * `npm start`: runs the built extension (.output/chrome-mv3, bundled list) in Debian's Chromium against a
 * local demo site. Every hostname is mapped to that site, so the official ameli, a lookalike, an
 * impersonating page on a neutral domain and an ordinary site can be visited without the internet.
 * With a display: a normal browser window opens on those pages (close it to stop).
 * Without one: headless visits, one line per page with the verdict, screenshots in .output/demo/.
 */
import { chromium, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumArgs } from '../../test/e2e/chromium';
import { startServer } from '../../test/e2e/server';

const root = resolve(import.meta.dirname, '../..');
const extension = join(root, '.output/chrome-mv3');
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(join(extension, 'manifest.json'))) throw new Error('no build in .output/chrome-mv3: run `npm run build` first');
if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (apt-get install chromium, or set CHROME_PATH)`);

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const server = await startServer();
const at = (host: string, path = '/') => `http://${host}:${server.port}${path}`;
const pages = [
  { name: 'official', url: at('www.ameli.fr'), what: 'le vrai site ameli.fr' },
  { name: 'lookalike', url: at('ameli-remboursement.fr', '/connexion'), what: 'un faux site (sosie) : page d\'avertissement' },
  { name: 'impersonation', url: at('mon-espace-securise.com', '/login'), what: 'une page qui imite ameli sur un autre domaine : bandeau' },
  { name: 'ordinary', url: at('www.exemple-ordinaire.fr'), what: 'un site ordinaire : rien' },
];

const profile = mkdtempSync(join(tmpdir(), 'vigie-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: false, // --headless=new below when there is no display: the old headless mode has no extensions
  args: [...chromiumArgs({ extensionDir: extension, headless }), '--lang=fr'],
  viewport: headless ? { width: 1100, height: 900 } : null,
  // The extension speaks the browser's language: show the French one (English browsers get English).
  env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
  locale: 'fr-FR',
});
const cleanup = async () => {
  await context.close().catch(() => undefined);
  await server.close();
  rmSync(profile, { recursive: true, force: true });
};

const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
await new Promise((r) => setTimeout(r, 500)); // let the background register its listeners and load the list

console.log(`Vigie Santé ${headless ? '(headless: no display)' : ''} — extension ${extensionId}, demo site on port ${server.port}`);
if (!headless) {
  for (const p of pages) await (await context.newPage()).goto(p.url).catch(() => undefined);
  console.log('Pages ouvertes :\n' + pages.map((p) => `  ${p.url}  — ${p.what}`).join('\n') + '\nFermez le navigateur pour arrêter.');
  await new Promise<void>((r) => context.on('close', () => r()));
  await cleanup();
} else {
  const out = join(root, '.output/demo');
  mkdirSync(out, { recursive: true });
  const popup: Page = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  for (const p of pages) {
    const tab = await context.newPage();
    await tab.goto(p.url).catch(() => undefined);
    await tab.waitForTimeout(1500); // the content script waits for an idle moment before it looks at the page
    const tabId: number = await popup.evaluate(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async (u) => (await (globalThis as any).chrome.tabs.query({})).find((t: { url?: string; pendingUrl?: string }) => (t.url ?? t.pendingUrl ?? '').includes(u))?.id,
      new URL(p.url).hostname,
    );
    const verdict =
      tabId === undefined
        ? { verdict: 'warning page', url: tab.url() }
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        : await popup.evaluate((id) => (globalThis as any).chrome.runtime.sendMessage({ type: 'getTabVerdict', tabId: id }), tabId);
    await tab.screenshot({ path: join(out, `${p.name}.png`) });
    console.log(`${p.name.padEnd(14)} ${p.url}\n  ${p.what}\n  → ${JSON.stringify(verdict)}`);
    await tab.close();
  }
  console.log(`Screenshots: ${out}`);
  await cleanup();
}
