import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtBrowser } from './chromium';
import { startServer, type FixtureServer } from './server';

// Only used inside functions evaluated in the browser (extension pages, the service worker).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(SHOTS, { recursive: true });

let b: ExtBrowser;
let srv: FixtureServer;
const url = (host: string, path = '/') => `http://${host}:${srv.port}${path}`;

beforeAll(async () => {
  srv = await startServer();
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
  await srv?.close();
});

/**
 * Fails a step that hangs with its name, well before the test's own timeout (an `evaluate` or a new
 * tab has no timeout of its own), so that a stall in a loaded CI run says where it happened.
 */
function step<T>(label: string, work: Promise<T>, ms = 20_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`step hung for ${ms} ms: ${label}`)), ms);
  });
  return Promise.race([work, hung]).finally(() => clearTimeout(timer));
}

const newTab = () => step('open a new tab', b.context.newPage());

async function extPage(path: string): Promise<Page> {
  const p = await newTab();
  await p.goto(`chrome-extension://${b.extensionId}/${path}`);
  return p;
}

/** The tab id of the (only) tab whose address matches a Chrome match pattern, seen from an extension page. */
async function tabIdOf(ext: Page, pattern: string): Promise<number> {
  return step(`tabs.query ${pattern}`, ext.evaluate(async (pat) => {
    const tabs = await chrome.tabs.query({ url: pat });
    if (tabs.length !== 1) throw new Error(`expected one tab for ${pat}, got ${tabs.length}`);
    return tabs[0]!.id!;
  }, pattern));
}

const getTabVerdict = (ext: Page, tabId: number) =>
  step('getTabVerdict', ext.evaluate((id) => chrome.runtime.sendMessage({ type: 'getTabVerdict', tabId: id }), tabId));

/** Polls the address (waitForURL rejects when our redirect aborts the navigation it was watching). */
async function waitForWarning(p: Page): Promise<void> {
  await expect.poll(() => p.url(), { timeout: 10_000, interval: 100 }).toMatch(/^chrome-extension:\/\/[a-p]{32}\/warning\.html#id=/);
  await p.waitForLoadState('load');
}

/** The tab showing `host` is suspicious for imitating ameli.fr with a sensitive form (getTabVerdict, from the popup). */
async function expectEscalated(host: string): Promise<void> {
  const ext = await extPage('popup.html');
  const tabId = await tabIdOf(ext, `*://${host}/*`);
  expect(await getTabVerdict(ext, tabId)).toMatchObject({
    verdict: 'suspicious',
    target: 'ameli.fr',
    reasons: expect.arrayContaining(['brand-content', 'sensitive-form']),
  });
  await ext.close();
}

/** Whether our in-page UI's host (a custom element, first child of <html>) is in the page. Runs in the page. */
const ourHostShown = () => [...document.documentElement.children].some((e) => e.tagName.includes('-'));
const bannerShown = (p: Page) => p.evaluate(ourHostShown);
const waitForBanner = (p: Page) => p.waitForFunction(ourHostShown, null, { timeout: 10_000 });

/** After a moment, nothing was posted from `host` and the tab is still on `path` there. */
async function expectNothingSent(p: Page, host: string, path: string): Promise<void> {
  await p.waitForTimeout(1500);
  expect(srv.submissions.filter((s) => s.host === host)).toEqual([]);
  expect(p.url()).toBe(url(host, path));
}

async function gotoAndSettle(p: Page, u: string): Promise<void> {
  await p.goto(u, { waitUntil: 'load' }).catch(() => undefined); // a redirect to the warning page aborts the original load
  await p.waitForLoadState('load', { timeout: 20_000 });
  await p.waitForTimeout(300);
}

describe('Vigie Santé in Chromium', () => {
  it('sends a lookalike to the warning page, which names ameli.fr', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('ameli-remboursement.fr', '/connexion'));
    await waitForWarning(p);
    await p.getByRole('heading', { level: 1 }).waitFor();
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe("Ce site n'est pas ameli.fr");
    expect(await p.textContent('body')).toContain('ameli-remboursement.fr');
    expect(await p.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(srv.submissions).toEqual([]);
    await p.screenshot({ path: resolve(SHOTS, 'warning.png'), fullPage: true });
    // 200 % zoom on a 1100 px window = 550 CSS px: everything reflows, nothing scrolls sideways.
    await p.setViewportSize({ width: 550, height: 900 });
    expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await p.screenshot({ path: resolve(SHOTS, 'warning-200pct.png') });
    // Keyboard: the primary action has the focus, and Tab reaches the real site next.
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Retour en sécurité');
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Aller sur le vrai site : ameli.fr');
    // The popup (as a page) and getTabVerdict from an extension page see the lookalike.
    const ext = await extPage('popup.html');
    const tabId = await tabIdOf(ext, `chrome-extension://${b.extensionId}/warning.html*`);
    const v = await getTabVerdict(ext, tabId);
    expect(v, JSON.stringify(v)).toEqual({
      url: url('ameli-remboursement.fr', '/connexion'),
      host: 'ameli-remboursement.fr',
      verdict: 'lookalike',
      target: 'ameli.fr',
      reasons: expect.arrayContaining(['combosquat']),
      organization: expect.objectContaining({ id: 'assurance-maladie' }),
    });
    await ext.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
    await ext.getByText('Danger : ce site imite ameli.fr').waitFor();
    await ext.setViewportSize({ width: 380, height: 700 });
    await ext.screenshot({ path: resolve(SHOTS, 'popup-danger.png'), fullPage: true });
    await ext.close();
    await p.close();
  });

  it('an address that shows www.ameli.fr before "@" goes to the warning page, which says why and names the real host', async () => {
    const p = await newTab();
    const address = `http://www.ameli.fr@depot-fichiers.example:${srv.port}/espace`;
    await gotoAndSettle(p, address);
    await waitForWarning(p);
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe("Ce site n'est pas ameli.fr");
    const body = await p.textContent('body');
    expect(body).toContain('depot-fichiers.example');
    expect(body).toContain('le navigateur ignore tout ce qui précède « @ »');
    const ext = await extPage('popup.html');
    const tabId = await tabIdOf(ext, `chrome-extension://${b.extensionId}/warning.html*`);
    expect(await getTabVerdict(ext, tabId)).toMatchObject({ url: address, host: 'depot-fichiers.example', verdict: 'lookalike', target: 'ameli.fr', reasons: ['embedding', 'userinfo'] });
    await ext.close();
    await p.close();
  });

  it('"Continuer quand même" works and is remembered for that host', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('ameli-remboursement.fr', '/continue'));
    await waitForWarning(p);
    await p.getByRole('button', { name: /^Continuer quand même vers ameli-remboursement\.fr/ }).click();
    await p.waitForURL(url('ameli-remboursement.fr', '/continue'), { timeout: 10_000 });
    expect(await p.title()).toBe('ameli - Remboursement en attente');
    // The page the user chose to visit is still guarded (its state pushed by the background as it
    // committed): the banner shows, and a filled NIR form is not sent without confirmation.
    await waitForBanner(p);
    await p.fill('input[name="nir"]', '1 85 05 78 006 084 36').catch(() => undefined);
    await p.click('button[type="submit"]', { timeout: 3000 }).catch(() => undefined);
    await p.waitForTimeout(1000);
    expect(srv.submissions.filter((s) => s.host === 'ameli-remboursement.fr')).toEqual([]);
    expect(p.url()).toBe(url('ameli-remboursement.fr', '/continue'));
    // Second visit, new tab: no warning page.
    const q = await newTab();
    await gotoAndSettle(q, url('ameli-remboursement.fr', '/again'));
    await q.waitForTimeout(1000);
    expect(q.url()).toBe(url('ameli-remboursement.fr', '/again'));
    // The exception is listed in the options page.
    const opt = await extPage('options.html');
    await opt.getByText('ameli-remboursement.fr', { exact: true }).waitFor();
    await opt.screenshot({ path: resolve(SHOTS, 'options.png'), fullPage: true });
    // Another lookalike host is still warned.
    await gotoAndSettle(q, url('ameli-vitale-remboursement.fr'));
    await waitForWarning(q);
    await Promise.all([p.close(), q.close(), opt.close()]);
  });

  it('the first navigation after a service-worker restart is still checked', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('recettes.example', '/before-restart'));
    // The ServiceWorker CDP domain is scoped to the page's origin: use an extension page.
    const ext = await extPage('options.html');
    const cdp = await b.context.newCDPSession(ext);
    await cdp.send('ServiceWorker.enable');
    const stopped = new Promise<boolean>((r) => {
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
        if (e.versions.some((v) => v.scriptURL.includes(b.extensionId) && v.runningStatus === 'stopped')) r(true);
      });
      setTimeout(() => r(false), 5000);
    });
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(await stopped).toBe(true); // really stopped: the next navigation event has to start it again
    await ext.close();
    await gotoAndSettle(p, url('ameli-connexion-remboursement.fr', '/restart'));
    await waitForWarning(p);
    await p.getByRole('heading', { level: 1, name: "Ce site n'est pas ameli.fr" }).waitFor();
    await p.close();
  });

  it('"Retour en sécurité" leaves the warning page for a safe place', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('recettes.example'));
    await gotoAndSettle(p, url('mgen-remboursement.fr'));
    await waitForWarning(p);
    await p.getByRole('button', { name: 'Retour en sécurité' }).click();
    await p.waitForURL(url('recettes.example'), { timeout: 10_000 });
    await p.close();
  });

  it('official site: no warning, green check, getTabVerdict says official', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('www.ameli.fr'));
    await p.waitForTimeout(500);
    expect(p.url()).toBe(url('www.ameli.fr'));
    const ext = await extPage('popup.html');
    const tabId = await tabIdOf(ext, '*://www.ameli.fr/*');
    expect(await getTabVerdict(ext, tabId)).toMatchObject({ host: 'www.ameli.fr', verdict: 'official', target: 'ameli.fr', reasons: ['listed'] });
    const badge = await ext.evaluate(async (id) => [await chrome.action.getBadgeText({ tabId: id }), await chrome.action.getTitle({ tabId: id })], tabId);
    expect(badge[0]).toBe('✓');
    expect(badge[1]).toMatch(/^Site officiel : Assurance Maladie/);
    await ext.goto(`chrome-extension://${b.extensionId}/popup.html?tabId=${tabId}`);
    await ext.getByText(/Site officiel de Assurance Maladie/).waitFor();
    await ext.setViewportSize({ width: 380, height: 600 });
    await ext.screenshot({ path: resolve(SHOTS, 'popup-official.png'), fullPage: true });
    await Promise.all([p.close(), ext.close()]);
  });

  it('ordinary site and a news article about ameli: nothing shown, forms work', async () => {
    for (const host of ['recettes.example', 'actu-sante.example']) {
      const p = await newTab();
      await gotoAndSettle(p, url(host));
      await p.waitForTimeout(500);
      expect(p.url()).toBe(url(host));
      const ext = await extPage('popup.html');
      const tabId = await tabIdOf(ext, `*://${host}/*`);
      expect(await getTabVerdict(ext, tabId)).toMatchObject({ verdict: 'unknown', target: null, reasons: [] });
      expect(await ext.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
      // No element was added to the page.
      expect(await p.evaluate(() => [...document.querySelectorAll('body > *')].filter((e) => !e.hasAttribute('data-fixture')).length)).toBe(0);
      await Promise.all([p.close(), ext.close()]);
    }
  });

  it('popup content: status, breach, reflexes, help, list version, options', async () => {
    const ext = await extPage('popup.html');
    await ext.setViewportSize({ width: 380, height: 900 });
    const text = async () => (await ext.textContent('body')) ?? '';
    await ext.getByRole('heading', { level: 1, name: 'Vigie Santé' }).waitFor();
    for (const summary of ["La fuite de données de 2024 : ce qu'il faut savoir", 'Les bons réflexes', 'Aide officielle'])
      await ext.getByText(summary, { exact: true }).click();
    const t = await text();
    expect(t).toMatch(/Viamedis et Almerys/);
    expect(t).toMatch(/Plus de 33 millions de personnes/);
    expect(t).toMatch(/Coordonnées bancaires, données médicales/);
    expect(t).toMatch(/17Cyber/);
    expect(t).toMatch(/Info Escroqueries 0 805 805 817/);
    expect(t).toMatch(/Liste des sites officiels : Version \d+, du /);
    expect(await ext.getByRole('link', { name: 'Options et exceptions' }).count()).toBe(1);
    await ext.screenshot({ path: resolve(SHOTS, 'popup.png'), fullPage: true });
    await ext.close();
  });

  it('getTabVerdict from an extension page returns exactly the contract shape', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('recettes.example', '/contract'));
    const ext = await extPage('popup.html');
    const tabId = await tabIdOf(ext, '*://recettes.example/contract');
    const v = (await getTabVerdict(ext, tabId)) as Record<string, unknown>;
    expect(Object.keys(v).sort()).toEqual(['host', 'reasons', 'target', 'url', 'verdict']);
    expect(v).toEqual({ url: url('recettes.example', '/contract'), host: 'recettes.example', verdict: 'unknown', target: null, reasons: [] });
    // A malformed request gets no answer.
    expect(await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'getTabVerdict', tabId: 'x' }).catch((e: unknown) => String(e)))).not.toMatchObject({ verdict: expect.anything() });
    await Promise.all([p.close(), ext.close()]);
  });

  it('impersonating page on a neutral domain: banner, and the submit is stopped', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('mon-espace-securise.com', '/login'));
    expect(p.url()).toBe(url('mon-espace-securise.com', '/login')); // not a URL lookalike: no full-page warning
    // The content script adds its warning outside the page's own elements (closed shadow root).
    await p.waitForFunction(() => [...document.querySelectorAll('html > *, body > *')].some((e) => !e.hasAttribute('data-fixture') && !['HEAD', 'BODY', 'SCRIPT'].includes(e.tagName)), null, { timeout: 10_000 });
    await p.screenshot({ path: resolve(SHOTS, 'banner.png'), fullPage: true });
    // The banner takes only its own space: the page stays visible and usable below it (what is at
    // the NIR field's place is the field itself, not our element covering the page).
    const layout = await p.evaluate(() => {
      const ours = [...document.documentElement.children].find((e) => e.tagName.includes('-')) as HTMLElement;
      const r = document.querySelector('#nir')!.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { hostHeight: ours.getBoundingClientRect().height, viewport: window.innerHeight, hit: hit?.id || hit?.tagName };
    });
    expect(layout.hit).toBe('nir');
    expect(layout.hostHeight).toBeGreaterThan(40); // the banner is there
    expect(layout.hostHeight).toBeLessThan(layout.viewport / 2);
    await p.fill('#nir', '185057800608491'); // a valid NIR (the field takes 15 characters): the warning opens at once
    await p.waitForTimeout(300);
    await p.screenshot({ path: resolve(SHOTS, 'banner-typed.png'), fullPage: true });
    // Ours in the middle of the window, and still in the page's flow: nothing covered it, so it did
    // not move to the top layer (where the banner would lie over the top of the page).
    expect(
      await p.evaluate(() => {
        const ours = document.documentElement.firstElementChild!;
        return [document.elementFromPoint(innerWidth / 2, innerHeight / 2) === ours, ours.matches(':popover-open')];
      }),
    ).toEqual([true, false]);
    await p.click('#go', { timeout: 3000 }).catch(() => undefined); // our warning may cover the button: that is fine
    await expectNothingSent(p, 'mon-espace-securise.com', '/login');
    await expectEscalated('mon-espace-securise.com');
    await p.close();
  });

  it('a flagged page whose form lives in a web component (open shadow root): the submit is stopped', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('ameli-dupont.fr', '/'));
    expect(p.url()).toBe(url('ameli-dupont.fr', '/')); // suspicious, not a lookalike: banner, no full-page warning
    await waitForBanner(p);
    // Playwright's selectors reach into open shadow roots, as a user's clicks and keys do.
    await p.fill('login-box #nir', '1 85 05 78 006 084 91'); // a valid NIR: the warning opens at once
    await p.waitForTimeout(300);
    await p.screenshot({ path: resolve(SHOTS, 'shadow-form-typed.png'), fullPage: true });
    await p.click('login-box #go', { timeout: 3000 }).catch(() => undefined); // our warning may cover the button: that is fine
    // The page's own script clicking its button (a composed click, retargeted to the host on the way out).
    await p.evaluate(() => (document.querySelector('login-box')!.shadowRoot!.getElementById('go') as HTMLButtonElement).click());
    await expectNothingSent(p, 'ameli-dupont.fr', '/');
    await p.close();
  });

  it('the same web-component form sent by its own script (a submit that never leaves its shadow root) is stopped too', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('ameli-dupont.fr', '/'));
    await waitForBanner(p);
    await p.fill('login-box #nir', '1234'); // not a valid NIR: no warning opens while typing
    // Enter in a field sends a click to the form's button, which is held; a kit's script (a "Valider"
    // that is a plain div, or Enter in a form without a button) submits without any click.
    await p.evaluate(() => document.querySelector('login-box')!.shadowRoot!.querySelector('form')!.requestSubmit());
    await p.press('login-box #nir', 'Enter');
    await expectNothingSent(p, 'ameli-dupont.fr', '/');
    await p.close();
  });

  it('an impersonating kit on a neutral address whose form is a web component: the banner comes when a field is focused', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('portail-adherents.example', '/'));
    await p.waitForTimeout(700);
    expect(await bannerShown(p)).toBe(false); // nothing the document's queries can see asks for anything
    await p.click('login-box #nir');
    await waitForBanner(p);
    await expectEscalated('portail-adherents.example');
    await p.close();
  });

  it('a kit whose only field is named like a search box: read at the first focus, before anything is typed', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('recherche-assure.example', '/'));
    await p.waitForTimeout(700);
    expect(await bannerShown(p)).toBe(false); // search boxes alone are not read at load
    await p.click('#nir');
    await waitForBanner(p);
    await expectEscalated('recherche-assure.example');
    await p.close();
  });

  it('a fake chat assistant whose one textarea starts asking for the NIR 2.7 s after load: banner naming axa.fr, typed NIR warned, sending held', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('aide-en-ligne.example', '/'));
    expect(await bannerShown(p)).toBe(false); // a message box asks for nothing
    await waitForBanner(p); // the script relabels the box: read again, the page is escalated
    const ext = await extPage('popup.html');
    const tabId = await tabIdOf(ext, '*://aide-en-ligne.example/*');
    expect(await getTabVerdict(ext, tabId)).toMatchObject({
      verdict: 'suspicious',
      target: 'axa.fr',
      reasons: expect.arrayContaining(['brand-content', 'sensitive-form']),
    });
    await ext.close();
    await p.screenshot({ path: resolve(SHOTS, 'chat-kit-banner.png'), fullPage: true });
    // A valid NIR typed into the box opens the warning at once; neither the button nor the kit's own
    // requestSubmit() sends it.
    await p.fill('#input', '185057800608491');
    await p.waitForTimeout(300);
    expect(await p.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName.includes('-') ?? false)).toBe(true);
    await p.screenshot({ path: resolve(SHOTS, 'chat-kit-typed.png') });
    await p.click('#go', { timeout: 3000 }).catch(() => undefined); // our warning may cover the button: that is fine
    await p.evaluate(() => (document.getElementById('f') as HTMLFormElement).requestSubmit());
    await expectNothingSent(p, 'aide-en-ligne.example', '/');
    // Enter in the box, which the kit's script answers with requestSubmit(), is held too.
    await gotoAndSettle(p, url('aide-en-ligne.example', '/?entree'));
    await waitForBanner(p);
    await p.fill('#input', '1 85 05');
    await p.press('#input', 'Enter');
    await expectNothingSent(p, 'aide-en-ligne.example', '/?entree');
    // The same kit changing the box's aria-label alone (label-like attributes are not watched): the
    // fields are read again when the user goes into one, before anything is typed.
    await gotoAndSettle(p, url('aide-en-ligne.example', '/?aria'));
    await p.waitForTimeout(3000);
    await p.click('#input');
    await waitForBanner(p);
    await p.close();
  });

  it('an honest contact page with a message box (its placeholder changed by a script) gets nothing, and its form is sent', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('kine-tilleuls.example', '/'));
    await p.waitForTimeout(2000); // past the script's change and the field watch's throttle
    expect(await bannerShown(p)).toBe(false);
    const ext = await extPage('popup.html');
    const tabId = await tabIdOf(ext, '*://kine-tilleuls.example/*');
    expect(await getTabVerdict(ext, tabId)).toMatchObject({ verdict: 'unknown', target: null, reasons: [] });
    await ext.close();
    await p.fill('#nom', 'Camille Martin');
    await p.fill('#msg', 'Bonjour, je souhaite un rendez-vous mardi. Commande de semelles n° 2024-118734.');
    await p.click('#go');
    await expect.poll(() => srv.submissions.filter((s) => s.host === 'kine-tilleuls.example').length, { timeout: 5000 }).toBe(1);
    await p.close();
  });

  it('a kit that frames its form from another address: the page names ameli, the framed form is held', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('espace-remboursement-info.example', '/'));
    const frame = () => p.frames().find((f) => f.url().includes('formulaire-cdn.example'));
    await expect.poll(() => !!frame(), { timeout: 10_000 }).toBe(true);
    // The frame asks for a NIR but names nobody; the page around it says it is ameli: the frame is warned.
    await frame()!.waitForFunction(ourHostShown, null, { timeout: 10_000 });
    expect(await bannerShown(p)).toBe(false); // the page itself asks for nothing
    await p.screenshot({ path: resolve(SHOTS, 'framed-form.png'), fullPage: true });
    await frame()!.fill('#nir', '1234');
    await frame()!.click('#go', { timeout: 3000 }).catch(() => undefined);
    await frame()!.evaluate(() => (document.getElementById('f') as HTMLFormElement).requestSubmit());
    await p.waitForTimeout(1500);
    expect(srv.submissions.filter((s) => s.host === 'formulaire-cdn.example')).toEqual([]);
    await expectEscalated('espace-remboursement-info.example');
    // The same form framed by an ordinary page (a club's sign-up) is left alone and sent.
    await gotoAndSettle(p, url('club-randonnee.example', '/'));
    await expect.poll(() => !!frame(), { timeout: 10_000 }).toBe(true);
    await frame()!.waitForSelector('#nir');
    await p.waitForTimeout(700);
    expect(await frame()!.evaluate(ourHostShown)).toBe(false);
    await frame()!.fill('#nir', '1234');
    await frame()!.click('#go');
    await expect.poll(() => srv.submissions.filter((s) => s.host === 'formulaire-cdn.example').length, { timeout: 5000 }).toBe(1);
    await p.close();
  });

  it.each(['/', '/?blank', '/?data'])('a kit whose form is in a frame with no address of its own (%s): the frame is warned and its submit held', async (path) => {
    const p = await newTab();
    await gotoAndSettle(p, url('espace-cadre-vide.example', path));
    const frame = () => p.frames().find((f) => f !== p.mainFrame() && f.parentFrame() === p.mainFrame());
    await expect.poll(() => !!frame(), { timeout: 10_000 }).toBe(true);
    await frame()!.waitForSelector('#nir');
    await frame()!.focus('#nir');
    await frame()!.waitForFunction(ourHostShown, null, { timeout: 10_000 });
    await frame()!.fill('#nir', '1234');
    await frame()!.click('#go', { timeout: 3000 }).catch(() => undefined);
    await frame()!.evaluate(() => (document.getElementById('f') as HTMLFormElement).requestSubmit());
    await p.waitForTimeout(1500);
    expect(srv.submissions.filter((s) => s.host === 'espace-cadre-vide.example')).toEqual([]);
    await p.close();
  });

  it('a kit whose "button" is a styled div calling form.submit() (no submit event): the click, and Enter, are held', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('bouton-div.example', '/'));
    await waitForBanner(p);
    await p.fill('#nir', '1234');
    await p.click('#go span', { timeout: 3000 }).catch(() => undefined);
    await expectNothingSent(p, 'bouton-div.example', '/');
    // Enter in the field, which the page's script answers with form.submit(), is held too.
    await gotoAndSettle(p, url('bouton-div.example', '/?entree'));
    await waitForBanner(p);
    await p.fill('#nir', '1234');
    await p.press('#nir', 'Enter');
    await expectNothingSent(p, 'bouton-div.example', '/?entree');
    await p.close();
  });

  it('a kit shown from a blob: address the page made (HTML smuggling): banner, and the submit is held', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('chargement-blob.example', '/'));
    await expect.poll(() => p.url(), { timeout: 10_000 }).toMatch(/^blob:/);
    await p.waitForSelector('#nir', { timeout: 10_000 });
    await waitForBanner(p);
    await p.fill('#nir', '1234');
    await p.click('#go', { timeout: 3000 }).catch(() => undefined);
    await p.waitForTimeout(1500);
    expect(srv.submissions.filter((s) => s.host === 'chargement-blob.example')).toEqual([]);
    await p.close();
  });

  it('a loader page that writes the kit over itself (document.open): banner, and the submit is held', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('chargement-espace.example', '/'));
    await p.waitForSelector('#nir', { timeout: 10_000 });
    await waitForBanner(p);
    await p.fill('#nir', '1234');
    await p.click('#go', { timeout: 3000 }).catch(() => undefined);
    await p.evaluate(() => (document.getElementById('f') as HTMLFormElement).requestSubmit());
    await expectNothingSent(p, 'chargement-espace.example', '/');
    await p.close();
  });

  it('a kit whose form is in a closed shadow root: banner at the first focus, submits held', async () => {
    const p = await newTab();
    type KitWindow = Window & { kitRoot: ShadowRoot };
    const focusField = () => p.evaluate(() => ((window as unknown as KitWindow).kitRoot.getElementById('nir') as HTMLInputElement).focus());
    // On a neutral address: found at the first focus, then escalated.
    await gotoAndSettle(p, url('portail-adherents.example', '/?mode=closed'));
    expect(await p.evaluate(() => document.querySelector('login-box')!.shadowRoot)).toBeNull();
    await p.waitForTimeout(700);
    expect(await bannerShown(p)).toBe(false);
    await focusField();
    await waitForBanner(p);
    await expectEscalated('portail-adherents.example');
    // On a flagged address: a submit by the kit's script is held, and so is a click on its button.
    await gotoAndSettle(p, url('ameli-dupont.fr', '/?mode=closed'));
    await focusField();
    await p.keyboard.type('1234');
    await p.evaluate(() => (window as unknown as KitWindow).kitRoot.querySelector('form')!.requestSubmit());
    await p.evaluate(() => ((window as unknown as KitWindow).kitRoot.getElementById('go') as HTMLButtonElement).click());
    await expectNothingSent(p, 'ameli-dupont.fr', '/?mode=closed');
    await p.close();
  });

  it("a page's modal dialog (which makes the rest of the page inert) does not make our banner inert", async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('mon-espace-securise.com', '/modal'));
    await waitForBanner(p);
    await p.evaluate(() => {
      const d = document.createElement('dialog');
      d.id = 'kit-modal';
      d.textContent = 'Veuillez patienter';
      document.body.append(d);
      d.showModal();
    });
    await p.waitForTimeout(700);
    // Ours is above the page's modal and takes the pointer there; the keyboard reaches our buttons.
    expect(await p.evaluate(() => document.elementFromPoint(innerWidth / 2, 30)?.tagName ?? '')).toContain('-');
    await p.screenshot({ path: resolve(SHOTS, 'banner-over-page-modal.png') });
    await p.keyboard.press('Tab'); // from our official-site link to "Masquer cet avertissement"
    await p.keyboard.press('Enter');
    await p.waitForTimeout(300);
    // Hidden by the user: the page's own modal is usable again.
    expect(await p.evaluate(() => { const d = document.getElementById('kit-modal')!.getBoundingClientRect(); return document.elementFromPoint(d.left + d.width / 2, d.top + d.height / 2)?.id; })).toBe('kit-modal');
    await p.close();
  });

  it('a page that lays a sheet over everything at the highest z-index cannot cover our warning', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('espace-hostile.example', '/login?cover'));
    await waitForBanner(p);
    // The banner, covered in the page's flow, moves to the top layer within the next check.
    await p.waitForTimeout(1200);
    expect(await p.evaluate(() => document.elementFromPoint(innerWidth / 2, 30)?.tagName ?? '')).toContain('-');
    await p.screenshot({ path: resolve(SHOTS, 'banner-over-cover.png') });
    await p.fill('#nir', '185057800608491'); // a valid NIR typed (the field takes 15 characters): the warning opens at once
    await p.waitForTimeout(500);
    const topmost = await p.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName ?? '');
    await p.screenshot({ path: resolve(SHOTS, 'warning-over-cover.png') });
    expect(topmost).toContain('-'); // our host, not the page's sheet
    // The page closes our popover and shows a sheet of its own in the top layer: ours comes back on top.
    await p.evaluate(() => {
      (document.documentElement.firstElementChild as HTMLElement).hidePopover();
      const own = document.createElement('div');
      own.setAttribute('popover', 'manual');
      own.style.cssText = 'inset:0;width:100vw;height:100vh;margin:0;background:#fff';
      document.body.append(own);
      own.showPopover();
    });
    await p.waitForTimeout(1200);
    expect(await p.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName ?? '')).toContain('-');
    await p.close();
  });

  it('a page script cannot hide, restyle, disable, remove, click or read our banner', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('espace-hostile.example', '/login'));
    await waitForBanner(p);
    /** What the page sees of our host: its height, whether the point at its middle is ours, its attributes. Runs in the page. */
    const seen = () => {
      const host = [...document.documentElement.children].find((e) => e.tagName.includes('-')) as HTMLElement | undefined;
      if (!host) return null;
      const r = host.getBoundingClientRect();
      const atMiddle = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { height: Math.round(r.height), ours: atMiddle === host, inert: host.inert, shadowRoot: host.shadowRoot === null ? null : 'open' };
    };
    const before = await p.evaluate(seen);
    expect(before).toMatchObject({ ours: true, inert: false, shadowRoot: null });
    expect(before!.height).toBeGreaterThan(40);
    // Restyled with the page's strongest rules, hidden and made inert.
    await p.evaluate(() => {
      const host = [...document.documentElement.children].find((e) => e.tagName.includes('-')) as HTMLElement;
      host.setAttribute('style', 'display:none!important;visibility:hidden!important;opacity:0!important;clip-path:inset(50%)!important;max-height:0!important;overflow:hidden!important;translate:0 -500px!important;scale:0!important;zoom:0.01!important;content-visibility:hidden!important');
      const sheet = document.createElement('style');
      sheet.textContent = `${host.localName}{display:none!important} html>:first-child{height:0!important;overflow:hidden!important}`;
      document.head.append(sheet);
      host.hidden = true;
      host.inert = true;
    });
    await p.waitForTimeout(300);
    expect(await p.evaluate(seen)).toEqual(before);
    // Clicks and keys a script makes are not the user's: nothing is dismissed.
    await p.evaluate(() => {
      const host = [...document.documentElement.children].find((e) => e.tagName.includes('-')) as HTMLElement;
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      host.click();
    });
    await p.waitForTimeout(300);
    expect(await p.evaluate(seen)).toEqual(before);
    // Removed, or <html>'s children rewritten: put back at once.
    await p.evaluate(() => ([...document.documentElement.children].find((e) => e.tagName.includes('-')) as HTMLElement).remove());
    await p.waitForTimeout(300);
    expect(await p.evaluate(seen)).toEqual(before);
    await p.evaluate(() => document.documentElement.replaceChildren(document.head, document.body));
    await p.waitForTimeout(300);
    expect(await p.evaluate(seen)).toEqual(before);
    // The dialog a typed NIR opens comes back with its host too.
    await p.fill('#nir', '185057800608491');
    await p.waitForTimeout(300);
    const ourAtCentre = () => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName.includes('-') ?? false;
    expect(await p.evaluate(ourAtCentre)).toBe(true);
    await p.evaluate(() => ([...document.documentElement.children].find((e) => e.tagName.includes('-')) as HTMLElement).remove());
    await p.waitForTimeout(1200);
    expect(await p.evaluate(ourAtCentre)).toBe(true);
    await p.screenshot({ path: resolve(SHOTS, 'warning-after-removal.png') });
    await p.close();
  });

  it('the same page, hiding its parsing events from other scripts, still gets the banner', async () => {
    const p = await newTab();
    await gotoAndSettle(p, url('espace-hostile.example', '/login'));
    await waitForBanner(p);
    await p.close();
  });
});
