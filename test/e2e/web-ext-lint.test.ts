import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Store readiness: the Firefox build must pass `web-ext lint` with no error, warning or notice.
const firefoxBuild = resolve(import.meta.dirname, '../../.output/firefox-mv2');

describe('web-ext lint on the Firefox build', () => {
  it('reports nothing', () => {
    expect(existsSync(resolve(firefoxBuild, 'manifest.json')), 'run `wxt build -b firefox` first').toBe(true);
    const out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', firefoxBuild, '--output', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(out.slice(out.indexOf('{')));
    const messages = [...report.errors, ...report.warnings, ...report.notices].map((m: { code: string; file?: string }) => `${m.code} ${m.file ?? ''}`);
    expect(messages).toEqual([]);
  }, 120_000);
});
