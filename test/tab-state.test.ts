import { describe, expect, it } from 'vitest';
import { TabStateStore, type CombineFn } from '@/lib/tab-state';
import { badgeFor, BADGE_GREEN, BADGE_RED, type BadgeStrings } from '@/lib/badge';
import type { Verdict } from '@/lib/verdict';

const v = (url: string, verdict: Verdict['verdict'], target: string | null = null, extra: Partial<Verdict> = {}): Verdict => ({
  url,
  host: new URL(url).hostname,
  verdict,
  target,
  reasons: [],
  ...extra,
});
const passthrough: CombineFn = (u, s) => (s?.sensitive.length && u.verdict === 'unknown' ? { ...u, verdict: 'suspicious', target: 'ameli.fr' } : u);
const WARN = 'chrome-extension://id/warning.html';
const mk = (proceeded = () => false) => new TabStateStore(passthrough, proceeded, (u) => u.startsWith(WARN));

describe('TabStateStore', () => {
  it('a new top document resets the tab and remembers the last safe page', () => {
    const s = mk();
    s.commitFrame(1, 0, 'https://www.ameli.fr/', v('https://www.ameli.fr/', 'official', 'ameli.fr'));
    s.commitFrame(1, 2, 'https://ads.example/', v('https://ads.example/', 'unknown'));
    s.commitFrame(1, 0, 'https://ameli-x.fr/', v('https://ameli-x.fr/', 'lookalike', 'ameli.fr'));
    expect(Object.keys(s.get(1)!.frames)).toEqual(['0']);
    expect(s.get(1)!.lastSafeUrl).toBe('https://www.ameli.fr/');
    expect(s.tabVerdict(1)?.verdict).toBe('lookalike');
  });
  it('the warning page keeps the warned verdict as the tab verdict', () => {
    const s = mk();
    s.setWarning(1, v('https://ameli-x.fr/', 'lookalike', 'ameli.fr'));
    s.commitFrame(1, 0, WARN + '#id=1', v('https://x.example/', 'invalid'));
    expect(s.tabVerdict(1)).toMatchObject({ verdict: 'lookalike', host: 'ameli-x.fr' });
    s.clearWarning(1);
    expect(s.tabVerdict(1)).toBeNull();
  });
  it('signals are combined per frame; severe sub-frames escalate the tab, official ones do not', () => {
    const s = mk();
    s.commitFrame(1, 0, 'https://news.example/', v('https://news.example/', 'unknown'));
    s.commitFrame(1, 3, 'https://www.ameli.fr/', v('https://www.ameli.fr/', 'official', 'ameli.fr'));
    expect(s.tabVerdict(1)?.verdict).toBe('unknown');
    s.setSignals(1, 4, 'https://f.example/', v('https://f.example/', 'unknown'), { brandOrgIds: ['a'], sensitive: ['nir'], sensitiveInput: false });
    expect(s.tabVerdict(1)).toMatchObject({ verdict: 'suspicious', host: 'f.example' });
    // A frame navigating elsewhere loses its old signals.
    s.commitFrame(1, 4, 'https://g.example/', v('https://g.example/', 'unknown'));
    expect(s.tabVerdict(1)?.verdict).toBe('unknown');
  });
  it('serialises and restores', () => {
    const s = mk();
    s.commitFrame(9, 0, 'https://www.ameli.fr/', v('https://www.ameli.fr/', 'official', 'ameli.fr'));
    const t = mk();
    t.load(JSON.parse(JSON.stringify(s.toJSON())));
    t.load({ bad: {}, '3': null, '4': { frames: 'x' } } as never);
    expect(t.tabVerdict(9)?.verdict).toBe('official');
    expect(t.get(3)).toBeUndefined();
    s.replaceTab(10, 9);
    expect(s.get(9)).toBeUndefined();
    expect(s.tabVerdict(10)?.verdict).toBe('official');
    s.removeTab(10);
    expect(s.tabVerdict(10)).toBeNull();
  });
});

describe('badgeFor', () => {
  const strings: BadgeStrings = {
    defaultTitle: 'Vigie Santé',
    official: (o) => `Site officiel : ${o}`,
    professionalOnly: (o) => `Pro : ${o}`,
    danger: (t) => `Attention : ce site imite ${t}`,
    dangerUnnamed: 'Attention',
  };
  const cases: [string, Verdict | null, boolean, { text: string; color?: string; title: string }][] = [
    ['nothing known', null, true, { text: '', title: 'Vigie Santé' }],
    ['unknown', v('https://a.example/', 'unknown'), true, { text: '', title: 'Vigie Santé' }],
    ['invalid', { url: 'x', host: null, verdict: 'invalid', target: null, reasons: [] }, true, { text: '', title: 'Vigie Santé' }],
    [
      'official with organisation',
      v('https://www.ameli.fr/', 'official', 'ameli.fr', { organization: { id: 'am', name: 'Assurance Maladie' } }),
      true,
      { text: '✓', color: BADGE_GREEN, title: 'Site officiel : Assurance Maladie' },
    ],
    ['official, check hidden by the user', v('https://www.ameli.fr/', 'official', 'ameli.fr'), false, { text: '', title: 'Vigie Santé' }],
    [
      'professional portal',
      v('https://pro.example.fr/', 'official', 'example.fr', { organization: { id: 'v', name: 'Viamedis', professionalOnly: true } }),
      true,
      { text: '✓', title: 'Pro : Viamedis' },
    ],
    ['lookalike', v('https://ameli-x.fr/', 'lookalike', 'ameli.fr'), true, { text: '!', color: BADGE_RED, title: 'Attention : ce site imite ameli.fr' }],
    ['suspicious, even with the check hidden', v('https://x.example/', 'suspicious', 'mgen.fr'), false, { text: '!', color: BADGE_RED, title: 'Attention : ce site imite mgen.fr' }],
    ['blocked without target', v('https://x.example/', 'lookalike', null), true, { text: '!', title: 'Attention' }],
  ];
  it.each(cases)('%s', (_name, verdict, show, expected) => {
    expect(badgeFor(verdict, { showOfficialBadge: show, strings })).toMatchObject(expected);
  });
});
