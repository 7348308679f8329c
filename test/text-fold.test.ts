import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldWords } from '../lib/text-fold';

/** The straightforward definition foldWords must match exactly. */
function reference(s: string, max = 2000): string {
  return s
    .slice(0, max)
    .replace(/[\u00ad\u200b-\u200d\u2060-\u2064\ufeff]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

describe('foldWords', () => {
  it.each([
    ['N° de Sécu', 'n de secu'],
    ['numSecu', 'num secu'],
    ['  Date de naissance (JJ/MM/AAAA) : ', 'date de naissance jj mm aaaa'],
    ['Né(e) le', 'ne e le'],
    ['ŒUVRE Cœur æther', 'oeuvre coeur aether'],
    ['İstanbul', 'istanbul'],
    ['ÇA VA ? Oui.', 'ca va oui'],
    ['ccNumber', 'cc number'],
    ['ABCdef', 'abcdef'],
    ['aBcD', 'a bc d'],
    ['', ''],
    ['—…«»', ''],
    ['x\u0301y', 'xy'], // a lone combining accent is dropped
    ['ﬁn', 'n'], // a ligature is not a letter of a-z (NFD keeps it)
    ['Ⅻ 𝐀 ß ø', ''],
    ['Num\u200béro de ca\u200brte', 'numero de carte'], // invisible characters inside words
    ['Crypto\u00adgramme', 'cryptogramme'],
    ['num\u2060Secu\ufeff', 'num secu'],
  ])('%j → %j', (input, expected) => {
    expect(foldWords(input)).toBe(expected);
    expect(reference(input)).toBe(expected);
  });

  it('gives exactly what the regular-expression definition gives, on the French dictionary in every case form', () => {
    const words = readFileSync('/usr/share/dict/french', 'utf8').split('\n');
    expect(words.length).toBeGreaterThan(100_000);
    let checked = 0;
    for (let i = 0; i < words.length; i += 11) {
      const w = words[i]!;
      const variants = [w, w.toUpperCase(), w[0]?.toUpperCase() + w.slice(1), `${w}-${words[(i * 31) % words.length]}`, `x${w.toUpperCase()}y`];
      for (const v of variants) expect(foldWords(v), v).toBe(reference(v));
      checked += variants.length;
    }
    expect(checked).toBeGreaterThan(30_000);
  });

  it('gives exactly what the regular-expression definition gives on random Unicode text', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const ranges = [[0x20, 0x7e], [0xa0, 0x24f], [0x300, 0x36f], [0x370, 0x3ff], [0x400, 0x4ff], [0x1e00, 0x1eff], [0xfb00, 0xfb06], [0xd800, 0xdfff], [0x2000, 0x206f]];
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      const len = 1 + Math.floor(rand() * 12);
      for (let j = 0; j < len; j++) {
        const [lo, hi] = ranges[Math.floor(rand() * ranges.length)]!;
        s += String.fromCharCode(lo! + Math.floor(rand() * (hi! - lo! + 1)));
      }
      expect(foldWords(s), JSON.stringify(s)).toBe(reference(s));
    }
  });

  it('stops at max characters like the definition', () => {
    const s = 'Sécurité sociale '.repeat(200);
    expect(foldWords(s, 600)).toBe(reference(s, 600));
    expect(foldWords(s).length).toBeLessThanOrEqual(2000);
  });
});
