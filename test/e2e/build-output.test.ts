import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// What every page pays for is decided by the build (wxt.config.ts): which scripts the manifest declares
// for all pages, when they run, their size, and that none carries V8's eager-compile hint (measured by
// `npm run bench:page`: the page guard's form code runs on pages with a form only, so lazy compilation
// costs less main-thread time overall).
const builds = { chrome: '../../.output/chrome-mv3', firefox: '../../.output/firefox-mv2' } as const;

interface ContentScript {
  matches: string[];
  js?: string[];
  run_at?: string;
  all_frames?: boolean;
}

describe.each(Object.entries(builds))('always-on scripts of the %s build', (_name, dir) => {
  const root = resolve(import.meta.dirname, dir);
  const manifestPath = resolve(root, 'manifest.json');

  it('declares exactly one always-on script, the page guard, at document_start in every frame', () => {
    expect(existsSync(manifestPath), 'build both targets first (npm run test:e2e does)').toBe(true);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts: ContentScript[] };
    const everywhere = manifest.content_scripts.filter((c) => c.matches.includes('<all_urls>'));
    expect(everywhere.map((c) => [c.js, c.run_at, c.all_frames])).toEqual([
      [['page-guard.js'], 'document_start', true],
    ]);
  });

  it.each(['page-guard.js'])('%s is compiled lazily and stays small', (file) => {
    const code = readFileSync(resolve(root, file), 'utf8');
    expect(code.startsWith('//# allFunctionsCalledOnLoad')).toBe(false);
    expect(code.length).toBeLessThan(7.5 * 1024);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(3.5 * 1024);
    // Plain scripts: the webextension-polyfill stays out.
    expect(code).not.toContain('This script should only be loaded in a browser extension'); // the polyfill's guard
  });

  it('the page UI, injected only where needed, has no eager-compile hint (most of its code never runs)', () => {
    expect(readFileSync(resolve(root, 'page-ui.js'), 'utf8').startsWith('//# allFunctionsCalledOnLoad')).toBe(false);
  });

  it('the page UI stays under 15 KB gzipped, without the webextension-polyfill', () => {
    const code = readFileSync(resolve(root, 'page-ui.js'), 'utf8');
    expect(code).not.toContain('This script should only be loaded in a browser extension');
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(15 * 1024);
  });
});
