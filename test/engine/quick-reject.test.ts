import { readFileSync } from 'node:fs';
import { getPublicSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import { defaultList } from '../../lib/default-list';
import { detectCombosquat } from '../../lib/detectors/combosquat';
import { detectEmbedding } from '../../lib/detectors/embedding';
import { detectHomoglyph } from '../../lib/detectors/homoglyph';
import { isBlocked } from '../../lib/detectors/blocked';
import { findOfficial } from '../../lib/detectors/official';
import { BeforeSuffix, certainlyUnrelated, unrelatedBeforeSuffix } from '../../lib/detectors/quick-reject';
import { detectStackedTypo } from '../../lib/detectors/stacked-typo';
import { detectTldSwap } from '../../lib/detectors/tld-swap';
import { detectTypo } from '../../lib/detectors/typo';
import { buildIndex } from '../../lib/engine-index';
import { viewHost } from '../../lib/host-view';
import { normalizeUrl, plainWebHost } from '../../lib/normalize';
import { foldUnicode, isPlainHost } from '../../lib/skeleton';
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

// The earlier shortcut, before the public suffix is looked up, may only say "unrelated" where the whole
// engine without it would say unknown: neither official nor blocked, and no detector finds anything.
function checkBeforeSuffix(list: typeof defaultList, urls: string[], options = {}) {
  const index = buildIndex(list, options, suffixOf);
  let taken = 0;
  const wrong: string[] = [];
  for (const url of urls) {
    const host = plainWebHost(url);
    if (host === null || unrelatedBeforeSuffix(host, isPlainHost(host), index) !== BeforeSuffix.Unrelated) continue;
    taken++;
    const n = normalizeUrl(url);
    if (n.kind !== 'host') {
      wrong.push(`${url}: ${n.kind}`);
      continue;
    }
    if (n.host !== host) wrong.push(`${url}: host ${n.host}`);
    if (findOfficial(n.host, n.domain, index)) wrong.push(`${url}: official`);
    if (isBlocked(n.host, n.domain, index)) wrong.push(`${url}: blocked`);
    const view = n.hostType === 'domain' ? viewHost(n) : null;
    if (view) for (const d of detectors) if (d(view, index)) wrong.push(`${url}: ${d.name}`);
  }
  return { taken, wrong };
}

describe('unrelatedBeforeSuffix (the shortcut before the public suffix is looked up)', () => {
  it('never settles a host that is official, blocked or flagged: generated lookalikes, and official and blocked hosts', () => {
    const urls = [
      ...buildCorpus(defaultList).map((v) => v.url),
      ...defaultList.organizations.flatMap((o) => o.domains.flatMap((d) => [`https://${d}/`, `https://www.${d}/`])),
      ...defaultList.blocked.flatMap((b) => [`https://${b}/`, `https://www.${b}/`]),
    ];
    const { taken, wrong } = checkBeforeSuffix(defaultList, urls);
    expect(wrong).toEqual([]);
    expect(taken).toBeLessThan(urls.length / 50);
  }, 120_000);

  it('settles most popular sites, and nothing there that the whole engine would flag', () => {
    const domains = readFileSync('test/fixtures/top-domains.txt', 'utf8').split('\n').filter(Boolean);
    const urls = domains.flatMap((d) => [`https://www.${d}/`, `https://${d}/x`]);
    const { taken, wrong } = checkBeforeSuffix(defaultList, urls);
    expect(wrong).toEqual([]);
    expect(taken / urls.length).toBeGreaterThan(0.6);
  });

  it("counts an administrator's plain-word entries, and holds on another list", () => {
    const options = { extraOfficialDomains: ['tartempion.fr', 'www.quelconque.com'], blockedDomains: ['plainword.com', 'www.nimporte.fr'] };
    const urls = ['tartempion.fr', 'quelconque.com', 'plainword.com', 'nimporte.fr'].flatMap((d) => [`https://${d}/`, `https://www.${d}/`]);
    expect(checkBeforeSuffix(defaultList, urls, options)).toEqual({ taken: 2, wrong: [] }); // quelconque.com, nimporte.fr
    expect(checkBeforeSuffix(testList, buildCorpus(testList).map((v) => v.url)).wrong).toEqual([]);
  }, 60_000);
});

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
