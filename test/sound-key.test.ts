import { describe, expect, it } from 'vitest';
import { soundKey } from '../lib/sound-key';
import { defaultList } from '../lib/default-list';
import { createEngine } from '../lib/engine';

describe('sound keys', () => {
  it.each([
    ['viamedice', 'viamedis'],
    ['almerice', 'almerys'],
    ['santeclere', 'santeclair'],
    ['jenerali', 'generali'],
    ['swislyfe', 'swisslife'],
    ['matmutte', 'matmut'],
    ['clesia', 'klesia'],
    ['ossiane', 'ociane'],
    ['harmonnie', 'harmonie'],
    ['photo', 'foto'],
    ['bateau', 'bato'],
  ])('%s sounds like %s', (a, b) => {
    expect(soundKey(a)).toBe(soundKey(b));
  });

  it.each([
    ['generali', 'general'],
    ['macif', 'maif'],
    ['ameli', 'amelie' + 'x'],
    ['klesia', 'kelsia'],
    ['chat', 'kat'], // ch stays ch
  ])('%s does not sound like %s', (a, b) => {
    expect(soundKey(a)).not.toBe(soundKey(b));
  });
});

describe('brands misspelt by ear (bundled list)', () => {
  const engine = createEngine(defaultList);
  it.each([
    ['https://jenerali.fr/', 'lookalike', 'generali.fr'],
    ['https://viamedice-tiers-payant.fr/', 'lookalike', 'viamedis.fr'],
    ['https://matmutte-societaire.fr/', 'lookalike', 'matmut.fr'],
    ['https://swislyfe-sante.fr/', 'lookalike', 'swisslife.fr'],
    ['https://almerice-indemnisation.fr/', 'lookalike', 'almerys.com'],
    // Traps: dictionary words that sound like a brand are namesakes (alliance, audience, massif).
    ['https://www.alliance.fr/', 'unknown', null],
    ['https://www.audience.com/', 'unknown', null],
    ['https://massif.fr/', 'unknown', null],
    ['https://clesia-prevoyance.fr/', 'unknown', null], // a neutral word next to it: nothing to stack on
  ] as const)('%s → %s', (url, verdict, target) => {
    const v = engine.classify(url);
    expect(v.verdict).toBe(verdict);
    expect(v.target).toBe(target);
  });
});
