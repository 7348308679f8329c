import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultList } from '../../lib/default-list';
import { createEngine } from '../../lib/engine';
import { foldUnicode } from '../../lib/skeleton';

// Every French word (Debian's wfrench, installed by .ci/run) as a site name, under .fr and .com: ordinary
// words near a brand (avril, général, intercale, humains…) must never be flagged on their own.
const DICTIONARY = '/usr/share/dict/french';

describe('French dictionary words as site names', () => {
  it('are never lookalike or suspicious on the bundled list', () => {
    const words = new Set(
      readFileSync(DICTIONARY, 'utf8')
        .split('\n')
        .map((w) => foldUnicode(w.trim().toLowerCase()))
        .filter((w) => /^[a-z]{3,}$/.test(w)),
    );
    expect(words.size).toBeGreaterThan(100_000);
    const engine = createEngine(defaultList);
    const flagged: string[] = [];
    for (const w of words)
      for (const tld of ['fr', 'com']) {
        const v = engine.classify(`https://www.${w}.${tld}/`);
        if (v.verdict === 'lookalike' || v.verdict === 'suspicious') flagged.push(`${w}.${tld} → ${v.verdict} ${v.target} ${v.reasons}`);
      }
    expect(flagged).toEqual([]);
  }, 180_000);
});
