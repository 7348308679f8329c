import { describe, expect, it } from 'vitest';
import { TabStateStore, type CombineFn, type PageSignals } from '@/lib/tab-state';
import { badgeFor, BADGE_GREEN, BADGE_RED, type BadgeStrings } from '@/lib/badge';
import type { Verdict } from '@/lib/verdict';
import { buildBrandMatcherData } from '@/lib/brand-matcher';
import { combineVerdict } from '@/lib/decision';
import { testList } from './fixtures/brand-test-list';

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

describe('a form framed inside a page (the page names the organisation, the frame asks for the data)', () => {
  const matcher = buildBrandMatcherData(testList);
  const realCombine: CombineFn = (u, signals, o) => (signals ? combineVerdict(u, signals, { ...o, matcher }) : u);
  const store = (trusted: string[] = []) => new TabStateStore(realCombine, (_t, host) => trusted.includes(host ?? ''), (u) => u.startsWith(WARN));
  const TOP = 'https://espace-sante-info.example/';
  const FORM = 'https://forms-cdn.example/f';
  const sig = (brandOrgIds: string[], sensitive: PageSignals['sensitive'], sensitiveInput = false): PageSignals => ({ brandOrgIds, sensitive, sensitiveInput });
  const setup = (s: TabStateStore, top: Verdict = v(TOP, 'unknown')) => {
    s.commitFrame(1, 0, TOP, top);
    s.commitFrame(1, 4, FORM, v(FORM, 'unknown'));
  };

  it('an unknown page presenting itself as ameli makes its framed NIR form suspicious, naming ameli.fr', () => {
    const s = store();
    setup(s);
    s.setSignals(1, 4, FORM, v(FORM, 'unknown'), sig([], ['nir', 'password']));
    expect(s.topUnread(1)).toBe(true);
    expect(s.frameVerdict(1, 4)?.verdict).toBe('unknown'); // the page was not read yet
    s.setSignals(1, 0, TOP, v(TOP, 'unknown'), sig(['assurance-maladie'], []));
    expect(s.topUnread(1)).toBe(false);
    expect(s.frameVerdict(1, 4)).toMatchObject({ verdict: 'suspicious', target: 'ameli.fr', host: 'forms-cdn.example', reasons: ['brand-content', 'sensitive-form'] });
    expect(s.frameVerdict(1, 0)?.verdict).toBe('unknown'); // the page itself asks for nothing
    expect(s.tabVerdict(1)?.verdict).toBe('suspicious');
    expect(s.framesWithFields(1)).toEqual([4]);
  });

  it('a flagged page flags its framed sensitive form too, even after "continue"', () => {
    const s = store(['ameli-remboursement.example']);
    const top = 'https://ameli-remboursement.example/';
    s.commitFrame(1, 0, top, v(top, 'lookalike', 'ameli.fr', { organization: { id: 'assurance-maladie', name: 'Assurance Maladie' } }));
    s.commitFrame(1, 4, FORM, v(FORM, 'unknown'));
    s.setSignals(1, 4, FORM, v(FORM, 'unknown'), sig([], ['card-number'], true));
    expect(s.frameVerdict(1, 4)).toMatchObject({ verdict: 'suspicious', target: 'ameli.fr', reasons: ['brand-content', 'sensitive-form', 'sensitive-input'], organization: { id: 'assurance-maladie' } });
  });

  it('nothing changes without sensitive fields in the frame, without a name on the page, or on a page the user trusts', () => {
    const s = store();
    setup(s);
    s.setSignals(1, 0, TOP, v(TOP, 'unknown'), sig(['assurance-maladie'], []));
    expect(s.frameVerdict(1, 4)?.verdict).toBe('unknown'); // the frame reported nothing
    s.setSignals(1, 4, FORM, v(FORM, 'unknown'), sig([], ['birth-date']));
    expect(s.frameVerdict(1, 4)?.verdict).toBe('unknown'); // a birth date alone never escalates

    const noName = store();
    setup(noName);
    noName.setSignals(1, 0, TOP, v(TOP, 'unknown'), sig([], []));
    noName.setSignals(1, 4, FORM, v(FORM, 'unknown'), sig([], ['nir']));
    expect(noName.frameVerdict(1, 4)?.verdict).toBe('unknown');

    const trusted = store(['espace-sante-info.example']);
    setup(trusted);
    trusted.setSignals(1, 0, TOP, v(TOP, 'unknown'), sig(['assurance-maladie'], []));
    trusted.setSignals(1, 4, FORM, v(FORM, 'unknown'), sig([], ['nir']));
    expect(trusted.topUnread(1)).toBe(false);
    expect(trusted.frameVerdict(1, 4)?.verdict).toBe('unknown');
  });

  it('an official page framing a form elsewhere (a white-label member area) flags nothing', () => {
    const s = store();
    setup(s, v('https://www.ameli.fr/', 'official', 'ameli.fr'));
    s.setSignals(1, 0, 'https://www.ameli.fr/', v('https://www.ameli.fr/', 'official', 'ameli.fr'), sig(['assurance-maladie'], []));
    s.setSignals(1, 4, FORM, v(FORM, 'unknown'), sig([], ['nir', 'password']));
    expect(s.frameVerdict(1, 4)?.verdict).toBe('unknown');
    expect(s.topUnread(1)).toBe(false);
  });

  it('a framed official site stays official', () => {
    const s = store();
    setup(s);
    s.commitFrame(1, 5, 'https://assure.ameli.fr/', v('https://assure.ameli.fr/', 'official', 'ameli.fr'));
    s.setSignals(1, 0, TOP, v(TOP, 'unknown'), sig(['assurance-maladie'], []));
    s.setSignals(1, 5, 'https://assure.ameli.fr/', v('https://assure.ameli.fr/', 'official', 'ameli.fr'), sig([], ['password']));
    expect(s.frameVerdict(1, 5)?.verdict).toBe('official');
  });
});
