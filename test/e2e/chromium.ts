import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Only used inside functions evaluated in the browser (extension pages, the service worker).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The built extension (`wxt build`); E2E_EXTENSION_DIR overrides it. */
export const EXTENSION_DIR = resolve(process.env.E2E_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3'));

export interface ExtBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * Flags for Debian's Chromium on this kind of machine: no sandbox (root), no background traffic (the
 * network is closed), every host name resolved to the local test server, and the extension loaded
 * (`--headless=new`: the old headless mode has no extensions). Shared by the tests, the page benchmark
 * and `npm start`.
 */
export function chromiumArgs(opts: { extensionDir: string | null; headless: boolean }): string[] {
  return [
    ...(opts.headless ? ['--headless=new', '--disable-gpu'] : []),
    '--no-sandbox',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--host-resolver-rules=MAP * 127.0.0.1',
    ...(opts.extensionDir ? [`--disable-extensions-except=${opts.extensionDir}`, `--load-extension=${opts.extensionDir}`] : ['--disable-extensions']),
  ];
}

/** Chromium with the built extension, every host name resolved to 127.0.0.1. */
export async function launchWithExtension(extensionDir = EXTENSION_DIR): Promise<ExtBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension at ${extensionDir}: run \`npx wxt build\``);
  const profile = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // the real switch is --headless=new below: the old headless mode has no extensions
    args: [...chromiumArgs({ extensionDir, headless: true }), '--lang=fr'], // the UI follows the browser's language: test the French one
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
    viewport: { width: 1100, height: 900 },
    locale: 'fr-FR',
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  // On a fresh profile Chrome only learns which events the worker listens to once its script has run:
  // wait for that, as a user's first navigation after installing would.
  for (let i = 0; i < 100; i++) {
    if (await worker.evaluate(() => chrome.webNavigation.onBeforeNavigate.hasListeners()).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
