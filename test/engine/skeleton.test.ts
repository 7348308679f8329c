import { describe, expect, it } from 'vitest';
import { boundedOsaDistance } from '../../lib/edit-distance';
import { decodePunycodeLabel, hostToUnicode } from '../../lib/punycode';
import { foldUnicode, skeletonOf } from '../../lib/skeleton';

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
