/**
 * Renders the toolbar/store icons (public/icon/<size>.png) from the SVG below with Debian's Chromium, so
 * the artwork stays reviewable as text. Run: npx tsx lib/tools/gen-icons.ts
 */
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';

// A shield (protection) holding a cross (health) in the blue of French public services.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <path d="M64 6 L114 24 V60 C114 92 92 114 64 124 C36 114 14 92 14 60 V24 Z" fill="#1d4e89" stroke="#0b2a52" stroke-width="4"/>
  <path d="M54 34 H74 V54 H94 V74 H74 V94 H54 V74 H34 V54 H54 Z" fill="#ffffff"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  writeFileSync(new URL(`../../public/icon/${size}.png`, import.meta.url), await page.screenshot({ omitBackground: true }));
}
await browser.close();
console.log('wrote public/icon/{16,32,48,96,128}.png');
