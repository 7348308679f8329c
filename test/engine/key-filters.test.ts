import { getPublicSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import { defaultList } from '../../lib/default-list';
import { splitGlued } from '../../lib/detectors/combosquat';
import { mayBeKey, windowKey } from '../../lib/detectors/windows';
import {
  EDGE_BRAND_HEAD,
  EDGE_BRAND_TAIL,
  EDGE_GLUED_HEAD,
  EDGE_GLUED_TAIL,
  EDGE_KEYWORD_HEAD,
  EDGE_KEYWORD_TAIL,
  KEY_BRAND,
  KEY_EMBEDDABLE,
  KEY_GLUED,
  KEY_KEYWORD,
  buildIndex,
  type Brand,
  type EngineIndex,
} from '../../lib/engine-index';
import { makeToken, type Token } from '../../lib/host-view';
import { testList } from './test-list';

const suffixOf = (d: string) => getPublicSuffix(d, { allowPrivateDomains: true }) ?? d;

// The detectors skip a map lookup when these filters say no: they may only say no for strings that are
// no key. Every key must pass its filter, and be found from its pieces' hashes (windows.ts) whole and
// cut into 2 or 3 pieces in every way.
function kinds(index: EngineIndex): [string, Iterable<string>, number, number, number][] {
  return [
    ['brand', index.brandsBySkeleton.keys(), KEY_BRAND, EDGE_BRAND_HEAD, EDGE_BRAND_TAIL],
    ['keyword', index.keywords, KEY_KEYWORD, EDGE_KEYWORD_HEAD, EDGE_KEYWORD_TAIL],
    ['embeddable', index.embeddableBySkeleton.keys(), KEY_EMBEDDABLE, EDGE_BRAND_HEAD, EDGE_BRAND_TAIL],
    ['glued', index.gluedTargets.keys(), KEY_GLUED, EDGE_GLUED_HEAD, EDGE_GLUED_TAIL],
  ];
}

const tokens = (pieces: string[]): Token[] => pieces.map((skel, part) => makeToken(skel, 0, part));

/** Reference: splitGlued as first written (every brand length, longest first, head before tail). */
function splitGluedReference(piece: string, index: EngineIndex): Brand | null {
  if (piece.length < 6) return null;
  const lengths = [...new Set([...index.brandsBySkeleton.keys()].map((k) => k.length))].sort((a, b) => b - a);
  const isSequence = (s: string, depth = 0): boolean =>
    index.keywords.has(s) || (depth < 3 && [...index.keywords].some((k) => k.length < s.length && s.startsWith(k) && isSequence(s.slice(k.length), depth + 1)));
  for (const len of lengths) {
    if (len >= piece.length || len < 4) continue;
    const head = index.brandsBySkeleton.get(piece.slice(0, len));
    if (head && isSequence(piece.slice(len))) return head[0]!;
    const tail = index.brandsBySkeleton.get(piece.slice(piece.length - len));
    if (tail && isSequence(piece.slice(0, piece.length - len))) return tail[0]!;
  }
  return null;
}

describe.each([
  ['bundled list', defaultList],
  ['test list', testList],
])('key filters on the %s', (_, list) => {
  const index = buildIndex(list, {}, suffixOf);

  it('let every key through, and find it whole and cut into pieces by the hashes of its pieces', () => {
    const wrong: string[] = [];
    // (A kind's length bit is also its bit in the key table.)
    const found = (t: Token[], kindBit: number, key: string) => {
      const entry = windowKey(t, 0, t.length - 1, index);
      return entry >= 0 && index.keyTable.keys[entry] === key && (index.keyTable.kinds[entry]! & kindBit) !== 0;
    };
    for (const [kind, keys, lengthBit, head, tail] of kinds(index)) {
      for (const key of keys) {
        if (!mayBeKey(key, index, lengthBit, head, tail)) wrong.push(`${kind} ${key}`);
        if (!found(tokens([key]), lengthBit, key)) wrong.push(`${kind} ${key} (lookup)`);
        for (let a = 1; a < key.length; a++) {
          if (!found(tokens([key.slice(0, a), key.slice(a)]), lengthBit, key)) wrong.push(`${kind} ${key} /${a}`);
          for (let b = a + 1; b < key.length; b++) {
            if (!found(tokens([key.slice(0, a), key.slice(a, b), key.slice(b)]), lengthBit, key)) wrong.push(`${kind} ${key} /${a}/${b}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('find no key in windows that spell none', () => {
    // Keys with a letter changed, cut in two: the hashes differ, or the comparison catches a collision.
    const wrong: string[] = [];
    for (const key of index.keyTable.keys) {
      const changed = key.slice(0, -1) + (key.endsWith('z') ? 'y' : 'z');
      if (index.keyTable.keys.includes(changed)) continue;
      const t = tokens([changed.slice(0, 1), changed.slice(1)]);
      if (windowKey(t, 0, 1, index) >= 0) wrong.push(changed);
    }
    expect(wrong).toEqual([]);
  });

  it('find glued brands as the plain search over every brand length does', () => {
    const brands = [...index.brandsBySkeleton.keys()];
    // The list's own lure words, and every 13th of the other forms the index adds (lure-forms.ts):
    // all of them times every brand would take a minute.
    const own = new Set(list.keywords.map((k) => k.replace(/-/g, '')));
    const keywords = [...index.keywords].filter((k, i) => own.has(k) || i % 13 === 0);
    const pieces = new Set<string>();
    for (const b of brands)
      for (const k of keywords) {
        pieces.add(b + k).add(k + b).add(k + b + k).add(b + k + k);
        pieces.add(b.slice(1) + k).add(k + b.slice(0, -1));
      }
    for (const a of brands) for (const b of brands) pieces.add(a + b);
    const wrong: string[] = [];
    for (const piece of pieces) {
      const want = splitGluedReference(piece, index);
      const got = splitGlued(piece, index);
      if (got !== want) wrong.push(`${piece}: ${got?.token} ≠ ${want?.token}`);
    }
    expect(pieces.size).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  }, 20_000);
});

describe('official and blocked lookups behind their filter', () => {
  it('still find every official domain and every blocked host, and their subdomains', async () => {
    const { createEngine } = await import('../../lib/engine');
    const policy = { extraOfficialDomains: ['portail.entreprise.fr', 'intranet.example.com'], blockedDomains: ['evil-ameli.com', 'bad.example', 'Phish.Example.'] };
    const wrong: string[] = [];
    for (const list of [defaultList, testList]) {
      const engine = createEngine(list, policy);
      const official = [...list.organizations.flatMap((o) => o.domains), ...policy.extraOfficialDomains];
      const blocked = [...list.blocked, 'evil-ameli.com', 'bad.example', 'phish.example'];
      for (const d of official) for (const url of [`https://${d}/`, `https://www.${d}/x`]) if (engine.classify(url).verdict !== 'official') wrong.push(url);
      for (const h of blocked)
        for (const url of [`https://${h}/`, `https://a.b.${h}/`]) {
          const v = engine.classify(url);
          if (v.verdict !== 'official' && !v.reasons.includes('blocked')) wrong.push(url);
        }
    }
    expect(wrong).toEqual([]);
  });
});
