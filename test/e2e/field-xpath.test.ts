import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from './chromium';
import { fieldTestsScript, fixturePages, judgeAll, ORDINARY_FORMS, randomForms } from './field-cases';

/**
 * The page guard asks XPath first (lib/field-xpath.ts) so that ordinary pages never make it hold an
 * element; the precise test (lib/page-fields.ts) decides otherwise. Here both run in real Chromium:
 * the XPath answer must never be "no" where the precise one is "yes".
 */
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
  await page.setContent('<!doctype html><title>field tests</title>');
  await page.addScriptTag({ content: await fieldTestsScript() });
});
afterAll(async () => {
  await browser?.close();
});

describe('XPath shortcut of the page guard (Chromium)', () => {
  it('rules out ordinary forms by itself', async () => {
    const verdicts = await page.evaluate(judgeAll, ORDINARY_FORMS);
    verdicts.forEach((v, i) => {
      expect(v.precise, ORDINARY_FORMS[i]).toBe(false);
      expect(v.xpath, ORDINARY_FORMS[i]).toBe(false);
    });
  });

  it('never says no where the precise test says yes: fixture pages', async () => {
    const pages = fixturePages();
    const verdicts = await page.evaluate(judgeAll, pages.map((p) => p.html));
    verdicts.forEach((v, i) => expect(v.xpath === false && v.precise, pages[i]!.name).toBe(false));
    expect(verdicts.filter((v) => v.precise).length).toBeGreaterThanOrEqual(6);
  });

  it('never says no where the precise test says yes: 6,000 random forms', async () => {
    const forms = randomForms(6000, 2024);
    const verdicts = await page.evaluate(judgeAll, forms);
    const missed = forms.filter((_, i) => verdicts[i]!.precise && verdicts[i]!.xpath === false);
    expect(missed.slice(0, 5)).toEqual([]);
    const yes = verdicts.filter((v) => v.precise).length;
    const no = verdicts.length - yes;
    const ruledOut = verdicts.filter((v) => !v.precise && v.xpath === false).length;
    // The material is worth something (both answers common), and the shortcut often suffices.
    expect(yes).toBeGreaterThan(1500);
    expect(no).toBeGreaterThan(1000);
    expect(ruledOut / no).toBeGreaterThan(0.5);
  });

  it('answers "cannot tell" for documents that are not HTML', async () => {
    const r = await page.evaluate(() => {
      const t = (globalThis as unknown as { fieldTests: { xpathMayAskSensitive(d: Document): boolean | null } }).fieldTests;
      const xml = new DOMParser().parseFromString('<html xmlns="http://www.w3.org/1999/xhtml"><body><form><input name="nir"/></form></body></html>', 'application/xhtml+xml');
      return t.xpathMayAskSensitive(xml);
    });
    expect(r).toBe(null);
  });
});
