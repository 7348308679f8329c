import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { fieldTestsScript, fixturePages, judgeAll, ORDINARY_FORMS, randomForms } from './field-cases';
import { startServer, type FixtureServer } from './server';

/**
 * Smoke test of the Firefox build: firefox-esr driven over WebDriver BiDi, the build installed as a
 * temporary add-on, every host name resolved to 127.0.0.1 by a pref.
 */
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXT = resolve(process.env.E2E_FIREFOX_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/firefox-mv2'));
const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(SHOTS, { recursive: true });

let browser: Browser;
let srv: FixtureServer;
const url = (host: string, path = '/') => `http://${host}:${srv.port}${path}`;

beforeAll(async () => {
  if (!existsSync(resolve(EXT, 'manifest.json'))) throw new Error(`no Firefox build at ${EXT}: run \`npx wxt build -b firefox\``);
  srv = await startServer();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'network.proxy.type': 0,
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
      'intl.locale.requested': 'fr',
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  await browser.installExtension(EXT);
  await new Promise((r) => setTimeout(r, 1500)); // let the background page load the list
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function open(u: string): Promise<Page> {
  const p = await browser.newPage();
  await p.goto(u).catch(() => undefined); // our redirect aborts the original navigation
  return p;
}

async function waitForUrl(p: Page, re: RegExp, ms = 10_000): Promise<string> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // page.url() is not updated for moz-extension:// documents over BiDi: ask the page itself.
    const href = await p.evaluate(() => location.href).catch(() => p.url());
    if (re.test(href)) return href;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`address never matched ${re}: ${await p.evaluate(() => location.href).catch(() => p.url())}`);
}

describe('Vigie Santé in Firefox (smoke)', () => {
  it('a lookalike goes to the warning page naming ameli.fr; "continue" works and is remembered', async () => {
    const p = await open(url('ameli-remboursement.fr', '/ff'));
    await waitForUrl(p, /^moz-extension:\/\/[^/]+\/warning\.html#id=/);
    await p.waitForSelector('h1');
    expect(await p.$eval('h1', (h) => h.textContent)).toMatch(/n'est pas ameli\.fr|is not ameli\.fr/);
    await p.screenshot({ path: resolve(SHOTS, 'firefox-warning.png') });
    const buttons = await p.$$('button');
    let clicked = false;
    for (const b of buttons) {
      const t = await b.evaluate((e) => e.textContent ?? '');
      if (/^(Continuer quand même|Continue anyway)/.test(t)) {
        await b.click();
        clicked = true;
        break;
      }
    }
    expect(clicked).toBe(true);
    await waitForUrl(p, /^http:\/\/ameli-remboursement\.fr:\d+\/ff$/);
    const q = await open(url('ameli-remboursement.fr', '/ff2'));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await q.evaluate(() => location.href)).toBe(url('ameli-remboursement.fr', '/ff2'));
    await Promise.all([p.close(), q.close()]);
  });

  /** Whether our banner host (closed shadow root, the first child of <html>) shows up within 10 s. */
  async function bannerShown(p: Page | Frame): Promise<boolean> {
    const end = Date.now() + 10_000;
    while (Date.now() < end) {
      if (await p.evaluate(() => [...document.documentElement.children].some((e) => e.tagName.includes('-')))) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  }

  it('impersonating page: the page UI is injected (banner above the page, not over it) and the submit is stopped', async () => {
    const p = await open(url('mon-espace-securise.com', '/ff-login'));
    expect(await bannerShown(p)).toBe(true);
    const hit = await p.evaluate(() => {
      const r = document.querySelector('#nir')!.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.id;
    });
    expect(hit).toBe('nir');
    await p.screenshot({ path: resolve(SHOTS, 'firefox-banner.png') });
    await p.type('#nir', '185057800608436');
    await p.click('#go');
    await new Promise((r) => setTimeout(r, 1500));
    expect(srv.submissions.filter((x) => x.host === 'mon-espace-securise.com')).toEqual([]);
    expect(await p.evaluate(() => location.href)).toBe(url('mon-espace-securise.com', '/ff-login'));
    await p.close();
  });

  it('the same page, hiding its parsing events from other scripts, still gets the banner', async () => {
    const p = await open(url('espace-hostile.example', '/ff-login'));
    expect(await bannerShown(p)).toBe(true);
    await p.close();
  });

  it('a page that lays a sheet over everything at the highest z-index cannot cover our warning', async () => {
    const p = await open(url('espace-hostile.example', '/ff-login?cover'));
    expect(await bannerShown(p)).toBe(true);
    await new Promise((r) => setTimeout(r, 1200)); // the covered banner moves to the top layer
    expect(await p.evaluate(() => document.elementFromPoint(innerWidth / 2, 30)?.tagName ?? '')).toContain('-');
    await p.type('#nir', '185057800608491'); // a valid NIR typed: the warning opens at once
    await new Promise((r) => setTimeout(r, 700));
    expect(await p.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName ?? '')).toContain('-');
    await p.close();
  });

  it("a page's modal dialog does not leave our banner under it, inert", async () => {
    const p = await open(url('mon-espace-securise.com', '/ff-modal'));
    expect(await bannerShown(p)).toBe(true);
    await p.evaluate(() => {
      const d = document.createElement('dialog');
      d.textContent = 'Veuillez patienter';
      document.body.append(d);
      d.showModal();
    });
    await new Promise((r) => setTimeout(r, 1200));
    expect(await p.evaluate(() => document.elementFromPoint(innerWidth / 2, 30)?.tagName ?? '')).toContain('-');
    await p.close();
  });

  it('a kit whose form is in a closed shadow root gets the banner at the first focus into it', async () => {
    const p = await open(url('portail-adherents.example', '/?mode=closed'));
    await new Promise((r) => setTimeout(r, 700));
    expect(await p.evaluate(() => [...document.documentElement.children].some((e) => e.tagName.includes('-')))).toBe(false);
    await p.evaluate(() => ((window as unknown as { kitRoot: ShadowRoot }).kitRoot.getElementById('nir') as HTMLInputElement).focus());
    expect(await bannerShown(p)).toBe(true);
    await p.close();
  });

  it('a kit that frames its form from another address: the framed form gets the banner and is held', async () => {
    const p = await open(url('espace-remboursement-info.example', '/ff'));
    let frame: Frame | undefined;
    for (const end = Date.now() + 10_000; !frame && Date.now() < end; await new Promise((r) => setTimeout(r, 100))) frame = p.frames().find((f) => f.url().includes('formulaire-cdn.example'));
    expect(frame).toBeDefined();
    expect(await bannerShown(frame!)).toBe(true);
    // (Frame locators are not in Firefox ESR's WebDriver BiDi: the page's own script fills and clicks.)
    await frame!.evaluate(() => {
      (document.getElementById('nir') as HTMLInputElement).value = '1234';
      (document.getElementById('go') as HTMLButtonElement).click();
    });
    await frame!.evaluate(() => (document.getElementById('f') as HTMLFormElement).requestSubmit());
    await new Promise((r) => setTimeout(r, 1500));
    expect(srv.submissions.filter((x) => x.host === 'formulaire-cdn.example')).toEqual([]);
    await p.close();
  });

  it.each(['/ff', '/ff?blank'])('a kit whose form is in a frame with no address of its own (%s): banner in the frame, submit held', async (path) => {
    const p = await open(url('espace-cadre-vide.example', path));
    let frame: Frame | undefined;
    for (const end = Date.now() + 10_000; !frame && Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      frame = p.frames().find((f) => f !== p.mainFrame());
      if (frame && !(await frame.evaluate(() => !!document.getElementById('nir')).catch(() => false))) frame = undefined;
    }
    expect(frame).toBeDefined();
    await frame!.evaluate(() => (document.getElementById('nir') as HTMLInputElement).focus());
    expect(await bannerShown(frame!)).toBe(true);
    await frame!.evaluate(() => {
      (document.getElementById('nir') as HTMLInputElement).value = '1234';
      (document.getElementById('f') as HTMLFormElement).requestSubmit();
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(srv.submissions.filter((x) => x.host === 'espace-cadre-vide.example')).toEqual([]);
    await p.close();
  });

  it('the official site and an ordinary site are left alone', async () => {
    for (const host of ['www.ameli.fr', 'recettes.example']) {
      const p = await open(url(host));
      await new Promise((r) => setTimeout(r, 1000));
      expect(await p.evaluate(() => location.href)).toBe(url(host));
      await p.close();
    }
  });

  it("the page guard's XPath shortcut never says no where the precise test says yes (Gecko's XPath)", async () => {
    const p = await browser.newPage();
    await p.setContent('<!doctype html><title>field tests</title>');
    await p.addScriptTag({ content: await fieldTestsScript() });
    const ordinary = await p.evaluate(judgeAll, ORDINARY_FORMS);
    expect(ordinary).toEqual(ORDINARY_FORMS.map(() => ({ precise: false, xpath: false })));
    const forms = [...fixturePages().map((f) => f.html), ...randomForms(2000, 7)];
    const verdicts = await p.evaluate(judgeAll, forms);
    expect(forms.filter((_, i) => verdicts[i]!.precise && verdicts[i]!.xpath === false).slice(0, 5)).toEqual([]);
    expect(verdicts.filter((v) => v.precise).length).toBeGreaterThan(500);
    await p.close();
  });
});
