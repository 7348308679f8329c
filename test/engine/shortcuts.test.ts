import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultList } from '../../lib/default-list';
import { createEngine } from '../../lib/engine';
import type { VigieList } from '../../lib/list-schema';
import { buildCorpus } from '../corpus/fuzzers';
import { homeUrl, topDomains } from '../corpus/measure';
import { testList } from './test-list';
import { prng } from '../helpers/prng';

/**
 * The engine settles most hosts before its detectors run (quick-reject.ts, and the brand-shape filter
 * before the embedding and combination detectors). Those shortcuts exist for speed only: with them or
 * without them, every verdict must be the same, reasons and target included. Checked on generated
 * lookalikes, popular sites, dictionary words and random mutations of all of these (digits, hyphens,
 * dots, prefixes, suffixes: the shapes where a shortcut once let a brand through, such as 12ameli34.com).
 */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-.';
const PREFIXES = ['www.', 'm.', 'espace-', 'mon', 'secure.', 'login-', '12', 'x'];
const SUFFIXES = ['.com', '.fr', '.net', '.netlify.app', '.com.fr', '.gouv.fr', '.co.uk', '.blogspot.com', '.xyz', '2024.com', '-fr.com'];

/** `count` random edits of the given hosts, as URLs (some without scheme, upper case or with a port). */
function mutations(hosts: readonly string[], count: number, seed: number): string[] {
  const rnd = prng(seed);
  const pick = <T,>(xs: ArrayLike<T>): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let h = pick(hosts);
    for (let e = 1 + Math.floor(rnd() * 3); e > 0; e--) {
      const at = Math.floor(rnd() * (h.length + 1));
      const r = rnd();
      if (r < 0.3) h = h.slice(0, at) + pick(ALPHABET) + h.slice(at);
      else if (r < 0.5) h = h.slice(0, at) + h.slice(at + 1);
      else if (r < 0.75) h = h.slice(0, at) + pick(ALPHABET) + h.slice(at + 1);
      else if (r < 0.88) h = pick(PREFIXES) + h;
      else h = h.replace(/\.[^.]*$/, '') + pick(SUFFIXES);
    }
    const form = rnd();
    out.push(form < 0.85 ? `https://${h}/` : form < 0.93 ? h : ` HTTP://${h.toUpperCase()}:8080/a `);
  }
  return out;
}

function differences(list: VigieList, inputs: readonly string[], options = {}): string[] {
  const fast = createEngine(list, options);
  const thorough = createEngine(list, { ...options, noShortcuts: true });
  const out: string[] = [];
  for (const input of inputs) {
    const a = JSON.stringify(fast.classify(input));
    const b = JSON.stringify(thorough.classify(input));
    if (a !== b) out.push(`${input}\n  with shortcuts:    ${a}\n  without shortcuts: ${b}`);
  }
  return out;
}

const hostOf = (url: string) => url.replace(/^https?:\/\//, '').replace(/[/?#].*$/, '');

describe.each([
  ['bundled list', defaultList],
  ['test list', testList],
])('the shortcuts never change a verdict, on the %s', (_, list) => {
  const corpus = buildCorpus(list).map((v) => v.url);
  const popular = topDomains().map(homeUrl);
  const words = readFileSync('/usr/share/dict/french', 'utf8').split('\n').filter((w, i) => w && i % 7 === 0).map((w) => w.toLowerCase());

  it('on generated lookalikes and popular sites', () => {
    expect(differences(list, [...corpus, ...popular]).slice(0, 10)).toEqual([]);
  }, 120_000);

  it('on random mutations of lookalikes, popular sites and dictionary words', () => {
    const hosts = [...corpus.map(hostOf), ...popular.map(hostOf), ...words.map((w) => `${w}.fr`)];
    expect(differences(list, mutations(hosts, 150_000, 42)).slice(0, 10)).toEqual([]);
  }, 120_000);

  it("with an administrator's extra official and blocked domains", () => {
    const options = { extraOfficialDomains: ['portail.entreprise.fr', 'intranet-sante.fr'], blockedDomains: ['ameli-secure.com', 'evil.example'] };
    const hosts = [...corpus.map(hostOf), 'portail.entreprise.fr', 'intranet-sante.fr', 'ameli-secure.com', 'evil.example'];
    expect(differences(list, mutations(hosts, 40_000, 7), options).slice(0, 10)).toEqual([]);
  }, 120_000);
});
