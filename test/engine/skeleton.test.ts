import { describe, expect, it } from 'vitest';
import { boundedOsaDistance } from '../../lib/edit-distance';
import { decodePunycodeLabel, hostToUnicode } from '../../lib/punycode';
import { foldUnicode, skeletonOf } from '../../lib/skeleton';
import confusables from '../../lib/data/confusables.json';

describe('skeletonOf', () => {
  it.each([
    ['ameli', 'ameli'],
    ['аmeli', 'ameli'], // Cyrillic а
    ['amelі', 'ameli'], // Cyrillic і
    ['améli', 'ameli'],
    ['âmêlï', 'ameli'],
    ['arneli', 'ameli'],
    ['ame1i', 'ameli'],
    ['g0ogle', 'google'],
    ['g00gle', 'google'],
    ['ameli2024', 'ameli2024'], // numbers stay numbers
    ['17cyber', '17cyber'],
    ['ag2r', 'ag2r'],
    ['vvemind', 'wemind'],
    ['clomicile', 'domicile'],
    ['ɑmeli', 'ameli'], // Latin alpha
    ['mutuełłe', 'mutuelle'],
    ['œuvre', 'oeuvre'],
  ])('%s → %s', (input, expected) => expect(skeletonOf(input)).toBe(expected));

  it('leaves plain ASCII alone in foldUnicode', () => expect(foldUnicode('harmonie-mutuelle')).toBe('harmonie-mutuelle'));

  // foldUnicode and skeletonOf take shortcuts (characters folded one by one when each folds to ASCII on
  // its own, digit runs rewritten without the pattern): they must give what the plain definitions give.
  const EXTRA: Record<string, string> = { 'к': 'k', 'н': 'h', 'т': 't', 'ь': 'b', 'в': 'b', 'ш': 'w', 'щ': 'w', 'ω': 'w', 'м': 'm', 'є': 'e', 'κ': 'k', 'ĸ': 'k', 'τ': 't', 'ε': 'e', 'β': 'b', 'μ': 'u', 'ԍ': 'g', 'ԑ': 'e', 'ӏ': 'l', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ŧ': 't', 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'ı': 'i' };
  const plainFold = (label: string): string => {
    if (!/[^\x00-\x7f]/.test(label)) return label;
    let out = '';
    for (const ch of label) out += EXTRA[ch] ?? (confusables as Record<string, string>)[ch] ?? ch;
    return out.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  };
  const plainSkeleton = (label: string): string => {
    let s = plainFold(label).replace(/(?<![2-9])[01]+(?![2-9])/g, (run) => run.replaceAll('0', 'o').replaceAll('1', 'l'));
    for (const [from, to] of [['nn', 'm'], ['rn', 'm'], ['vv', 'w'], ['cl', 'd']] as const) s = s.replaceAll(from, to);
    return s;
  };
  it('folds every character and mixed strings as the plain definition does', () => {
    const wrong: string[] = [];
    const samples = ['a', 'Z', '|', 'é', 'ñ', 'Σ', 'ς', 'İ', '\u0301', '\ud800', 'ß', 'ﬁ', 'ǅ', 'ł', '1', '-', ...Object.keys(confusables)];
    for (let cp = 0; cp < 0x3000; cp++) {
      const c = String.fromCodePoint(cp);
      for (const s of [c, `a${c}b`, `${c}\u0301`, `Σ${c}`, `${c}${samples[cp % samples.length]}`]) if (foldUnicode(s) !== plainFold(s)) wrong.push(s);
    }
    expect(wrong).toEqual([]);
  });
  it('reads digit runs and letter pairs as the plain definition does', () => {
    const wrong: string[] = [];
    const alphabet = ['0', '1', '2', '9', 'a', 'c', 'l', 'r', 'n', 'v', '-'];
    const visit = (s: string, depth: number) => {
      if (skeletonOf(s) !== plainSkeleton(s)) wrong.push(s);
      if (depth > 0) for (const c of alphabet) visit(s + c, depth - 1);
    };
    visit('', 5);
    expect(wrong).toEqual([]);
  });
});

describe('boundedOsaDistance', () => {
  it.each([
    ['ameli', 'ameli', 1, 0],
    ['ameli', 'amel', 1, 1],
    ['ameli', 'amelli', 1, 1],
    ['ameli', 'amzli', 1, 1],
    ['ameli', 'aemli', 1, 1], // a transposition is one edit
    ['ameli', 'mealy', 1, 2], // beyond the bound: max + 1
    ['harmoniemutuelle', 'harmoniemutuel', 2, 2],
    ['', 'abc', 2, 3],
  ])('%s vs %s (max %i) = %i', (a, b, max, d) => expect(boundedOsaDistance(a, b, max)).toBe(d));

  // The bounded version takes shortcuts (one edit compared around the first difference, shared head and
  // tail skipped): on many random near pairs over small alphabets it must agree with the full table.
  it('agrees with the plain OSA table on random near pairs', () => {
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      return d[a.length]![b.length]!;
    };
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const alphabets = ['ab', 'abc', 'abcdefghijklmnopqrstuvwxyz0'];
    const wrong: string[] = [];
    for (let k = 0; k < 30_000; k++) {
      const alphabet = alphabets[k % alphabets.length]!;
      const pick = () => alphabet[Math.floor(rnd() * alphabet.length)]!;
      let a = '';
      for (let n = Math.floor(rnd() * 12); n > 0; n--) a += pick();
      let b = a;
      for (let e = Math.floor(rnd() * 4); e > 0; e--) {
        const p = Math.floor(rnd() * (b.length + 1));
        const t = rnd();
        if (t < 0.25) b = b.slice(0, p) + pick() + b.slice(p);
        else if (t < 0.5) b = b.slice(0, p) + b.slice(p + 1);
        else if (t < 0.75) b = b.slice(0, p) + pick() + b.slice(p + 1);
        else b = b.slice(0, p) + b.slice(p + 1, p + 2) + b.slice(p, p + 1) + b.slice(p + 2);
      }
      const exact = osa(a, b);
      for (const max of [0, 1, 2, 3]) {
        const want = exact <= max ? exact : max + 1;
        if (boundedOsaDistance(a, b, max) !== want) wrong.push(`${a}/${b}/${max}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('punycode', () => {
  it.each([
    ['xn--amli-bpa', 'aémli'],
    ['xn--mnchen-3ya', 'münchen'],
    ['xn--meli-43d', '\u0430meli'], // Cyrillic а + "meli"
  ])('%s decodes', (label, expected) => expect(decodePunycodeLabel(label.slice(4))).toBe(expected));
  it('returns null on garbage and keeps the label', () => {
    expect(decodePunycodeLabel('zz!')).toBeNull();
    expect(hostToUnicode('xn--zz!.fr')).toBe('xn--zz!.fr');
  });
});

describe('deletion hashes', () => {
  it('match the hashes of the deleted strings', async () => {
    const { deletionHashes, hashString } = await import('../../lib/string-hash');
    for (const s of ['ameli', 'harmoniemutuelle', 'a', 'x'.repeat(100), 'ameli']) {
      const got = [...deletionHashes(s).subarray(0, s.length)];
      const want = [...s].map((_, i) => hashString(s.slice(0, i) + s.slice(i + 1)));
      expect(got).toEqual(want);
    }
  });
});
