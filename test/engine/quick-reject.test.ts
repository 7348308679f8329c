import { readFileSync } from 'node:fs';
import { getPublicSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import { defaultList } from '../../lib/default-list';
import { detectCombosquat } from '../../lib/detectors/combosquat';
import { detectEmbedding } from '../../lib/detectors/embedding';
import { detectHomoglyph } from '../../lib/detectors/homoglyph';
import { certainlyUnrelated } from '../../lib/detectors/quick-reject';
import { detectStackedTypo } from '../../lib/detectors/stacked-typo';
import { detectTldSwap } from '../../lib/detectors/tld-swap';
import { detectTypo } from '../../lib/detectors/typo';
import { buildIndex } from '../../lib/engine-index';
import { viewHost } from '../../lib/host-view';
import { normalizeUrl } from '../../lib/normalize';
import { foldUnicode } from '../../lib/skeleton';
import { buildCorpus } from '../corpus/fuzzers';
import { testList } from './test-list';

const detectors = [detectHomoglyph, detectEmbedding, detectCombosquat, detectTypo, detectStackedTypo, detectTldSwap];
const suffixOf = (d: string) => getPublicSuffix(d, { allowPrivateDomains: true }) ?? d;

// The shortcut may only say "unrelated" where every detector, run in full, finds nothing.
function check(list: typeof defaultList, urls: string[]) {
  const index = buildIndex(list, {}, suffixOf);
  let shortcut = 0;
  const wrong: string[] = [];
  for (const url of urls) {
    const n = normalizeUrl(url);
    if (n.kind !== 'host' || n.hostType !== 'domain' || !certainlyUnrelated(n, index)) continue;
    shortcut++;
    const view = viewHost(n)!;
    for (const d of detectors) if (d(view, index)) wrong.push(`${url}: ${d.name}`);
  }
  return { shortcut, wrong };
}

describe('certainlyUnrelated (the shortcut before the detectors)', () => {
  it('never skips a host that a detector would flag: generated lookalikes of the whole list', () => {
    const urls = buildCorpus(defaultList).map((v) => v.url);
    const { wrong } = check(defaultList, urls);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('takes most popular sites, and skips nothing a detector would flag there either', () => {
    const urls = readFileSync('test/fixtures/top-domains.txt', 'utf8').split('\n').filter(Boolean).map((d) => `https://www.${d}/`);
    const { shortcut, wrong } = check(defaultList, urls);
    expect(wrong).toEqual([]);
    expect(shortcut / urls.length).toBeGreaterThan(0.5);
  });

  // Ordinary words are where the typo part of the shortcut (a brand of a nearby length using nearly the
  // same letters) does its work: none it takes may be one the typo detector would flag.
  it('skips nothing a detector would flag among dictionary words', () => {
    const words = new Set(
      readFileSync('/usr/share/dict/french', 'utf8')
        .split('\n')
        .map((w) => foldUnicode(w.trim().toLowerCase()))
        .filter((w) => /^[a-z-]{3,}$/.test(w)),
    );
    const urls = [...words].flatMap((w) => [`https://www.${w}.fr/`, `https://${w}.com/`]);
    const { shortcut, wrong } = check(defaultList, urls);
    expect(wrong).toEqual([]);
    expect(shortcut).toBeGreaterThan(10_000);
  }, 120_000);

  it('holds on a different list too', () => {
    const urls = buildCorpus(testList).map((v) => v.url);
    expect(check(testList, urls).wrong).toEqual([]);
  }, 60_000);
});
