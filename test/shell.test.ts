import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createEngine } from '@/lib/engine';
import { defaultList } from '@/lib/default-list';
import { verdictSchema, type SettingsInfo } from '@/lib/messages';
import { combineVerdict } from '@/lib/decision';
import type { ShellDeps } from '@/lib/browser/shell';
import { SEVERITY, type Verdict } from '@/lib/verdict';

// The real decision (lib/decision.ts has its own tests); without page signals the URL verdict stands.
const combine: ShellDeps['combine'] = (v, s, o) => (s ? combineVerdict(v, s, o) : v);

const EXT = 'chrome-extension://test-extension-id';
const popupSender = { id: 'test-extension-id', url: `${EXT}/popup.html` };
const contentSender = (tabId: number, url: string, frameId = 0) => ({
  id: 'test-extension-id',
  url,
  frameId,
  tab: { id: tabId } as never,
});
const warningSender = (tabId: number) => ({ id: 'test-extension-id', url: `${EXT}/warning.html#id=x`, tab: { id: tabId } as never });

async function makeShell(
  policy: Partial<SettingsInfo['settings']> = {},
  locked: string[] = [],
  onWarningShown?: (v: Verdict) => void,
  extra: Partial<ShellDeps> = {},
) {
  const { createShell, DEFAULT_SETTINGS } = await import('@/lib/browser/shell');
  const shell = createShell({
    onWarningShown,
    loadCurrentList: async () => ({ list: defaultList, source: 'bundled' }),
    loadPolicy: async () => ({ settings: { ...DEFAULT_SETTINGS, ...policy }, locked }),
    createEngine,
    combine,
    badgeStrings: () => ({
      defaultTitle: 'Vigie Santé',
      official: (o) => `Site officiel : ${o}`,
      professionalOnly: (o) => `Site officiel (pro) : ${o}`,
      danger: (t) => `Attention : ce site imite ${t}`,
      dangerUnnamed: 'Attention',
    }),
    ...extra,
  });
  await shell.ready;
  return shell;
}

const nav = (tabId: number, url: string, frameId = 0) => ({ tabId, frameId, url });

describe('background shell', () => {
  let update: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
    update = vi.fn(async () => ({}) as never);
    fakeBrowser.tabs.update = update as never;
    fakeBrowser.tabs.remove = vi.fn(async () => undefined) as never;
  });

  it('sends a lookalike top-frame navigation to the warning page, keyed by a random id', async () => {
    const shell = await makeShell();
    await shell.onBeforeNavigate(nav(7, 'http://ameli-remboursement.fr/connexion'));
    expect(update).toHaveBeenCalledTimes(1);
    const [tabId, props] = update.mock.calls[0]!;
    expect(tabId).toBe(7);
    expect(props.url).toMatch(new RegExp(`^${EXT}/warning\\.html#id=[0-9a-f-]{36}&url=`));
    // The warning page gets the record from the background, not from its hash.
    const id = new URLSearchParams(props.url.split('#')[1]).get('id');
    const info = await shell.onMessage({ type: 'getWarning', id }, warningSender(7));
    expect(info).toMatchObject({ url: 'http://ameli-remboursement.fr/connexion', allowProceed: true, remembered: true, subFrame: false });
    expect((info as { verdict: Verdict }).verdict).toMatchObject({ verdict: 'lookalike', target: 'ameli.fr' });
    // A forged id, or another tab, gets nothing.
    expect(await shell.onMessage({ type: 'getWarning', id: 'forged' }, warningSender(7))).toBeNull();
    expect(await shell.onMessage({ type: 'getWarning', id }, warningSender(8))).toBeNull();
    // The tab's verdict while the warning is shown is the lookalike one, even after a stray
    // about:blank commit arriving late.
    await shell.onCommitted(nav(7, 'about:blank'));
    await shell.onCommitted(nav(7, props.url));
    const tv = await shell.onMessage({ type: 'getTabVerdict', tabId: 7 }, popupSender);
    expect(tv).toEqual(verdictSchema.parse(tv));
    expect(tv).toMatchObject({ verdict: 'lookalike', host: 'ameli-remboursement.fr', target: 'ameli.fr' });
  });

  it('judges tabs already open when the worker starts (fresh install, or a navigation that raced the start)', async () => {
    const fake = await fakeBrowser.tabs.create({ url: 'https://ameli-remboursement.fr/deja-ouvert' });
    const official = await fakeBrowser.tabs.create({ url: 'https://www.ameli.fr/' });
    const shell = await makeShell();
    await vi.waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0]![0]).toBe(fake.id);
    expect(await shell.onMessage({ type: 'getTabVerdict', tabId: official.id! }, popupSender)).toMatchObject({ verdict: 'official' });
  });

  it('a policy or list that arrives later and makes an open page a lookalike sends that tab to the warning; others stay', async () => {
    let blocked: string[] = [];
    const shell = await makeShell({}, [], undefined, {
      loadPolicy: async () => ({ settings: { ...(await import('@/lib/browser/shell')).DEFAULT_SETTINGS, blockedDomains: blocked }, locked: [] }),
    });
    const open = await fakeBrowser.tabs.create({ url: 'https://portail-adherent.example/login' });
    const other = await fakeBrowser.tabs.create({ url: 'https://recettes.example/' });
    await shell.onCommitted(nav(open.id!, 'https://portail-adherent.example/login'));
    await shell.onCommitted(nav(other.id!, 'https://recettes.example/'));
    expect(update).not.toHaveBeenCalled();
    // storage.managed's slow first answer (or an administrator's change) blocks the open page's domain.
    blocked = ['portail-adherent.example'];
    await shell.reload();
    await vi.waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0]![0]).toBe(open.id);
    await shell.reload(); // a second reload does not warn the tab again while its warning is shown
    await new Promise((r) => setTimeout(r, 50));
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('does not warn for official, ordinary and non-web navigations', async () => {
    const shell = await makeShell();
    for (const url of ['https://www.ameli.fr/assure', 'https://example.org/', 'about:blank', 'chrome://newtab/', 'data:text/html,x'])
      await shell.onBeforeNavigate(nav(3, url));
    expect(update).not.toHaveBeenCalled();
    await shell.onCommitted(nav(3, 'https://www.ameli.fr/assure'));
    expect(await shell.onMessage({ type: 'getTabVerdict', tabId: 3 }, popupSender)).toMatchObject({
      verdict: 'official',
      target: 'ameli.fr',
      organization: { id: 'assurance-maladie' },
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('✓');
    // The user turns the green check off in the options: open tabs follow.
    shell.watchStorage();
    await fakeBrowser.storage.local.set({ userSettings: { showOfficialBadge: false } });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe(''));
    await fakeBrowser.storage.local.set({ userSettings: { showOfficialBadge: true } });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('✓'));
    expect(await fakeBrowser.action.getTitle({ tabId: 3 })).toMatch(/^Site officiel : Assurance Maladie/);
    await shell.onCommitted(nav(3, 'https://example.org/'));
    expect(await shell.onMessage({ type: 'getTabVerdict', tabId: 3 }, popupSender)).toMatchObject({ verdict: 'unknown' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
  });

  it('"continue anyway" remembers the host, navigates to the original address and stops warning', async () => {
    const shell = await makeShell();
    const url = 'http://ameli-remboursement.fr/connexion?x=1';
    await shell.onBeforeNavigate(nav(5, url));
    const id = new URLSearchParams(update.mock.calls[0]![1].url.split('#')[1]).get('id');
    update.mockClear();
    expect(await shell.onMessage({ type: 'warningProceed', id }, warningSender(5))).toEqual({ ok: true });
    expect(update).toHaveBeenCalledWith(5, { url });
    const stored = await fakeBrowser.storage.local.get('userExceptions');
    expect(stored.userExceptions).toEqual([
      expect.objectContaining({ host: 'ameli-remboursement.fr', verdict: 'lookalike', target: 'ameli.fr' }),
    ]);
    update.mockClear();
    await shell.onBeforeNavigate(nav(5, url));
    await shell.onCommitted(nav(5, url));
    await shell.onBeforeNavigate(nav(9, 'https://ameli-remboursement.fr/')); // other tab too: it is remembered
    expect(update).not.toHaveBeenCalled();
    // Still dangerous for the badge and the content script, which guards forms.
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('!');
    const fs = await shell.onMessage({ type: 'frameHello' }, contentSender(5, url));
    expect(fs).toMatchObject({ proceeded: true, allowProceed: true, verdict: { verdict: 'lookalike' } });
    // Removing the exception brings the warning back.
    expect(await shell.onMessage({ type: 'removeException', host: 'ameli-remboursement.fr' }, { id: 'test-extension-id', url: `${EXT}/options.html` })).toEqual({ ok: true });
    await shell.onBeforeNavigate(nav(5, url));
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('administrator policy: no proceed at all, or proceed without remembering', async () => {
    let shell = await makeShell({ allowProceed: false }, ['allowProceed']);
    await shell.onBeforeNavigate(nav(1, 'http://ameli-remboursement.fr/'));
    let id = new URLSearchParams(update.mock.calls[0]![1].url.split('#')[1]).get('id');
    expect(await shell.onMessage({ type: 'getWarning', id }, warningSender(1))).toMatchObject({ allowProceed: false });
    expect(await shell.onMessage({ type: 'warningProceed', id }, warningSender(1))).toEqual({ ok: false });
    expect(await shell.onMessage({ type: 'getSettings' }, popupSender)).toMatchObject({ settings: { allowProceed: false }, locked: ['allowProceed'] });

    fakeBrowser.reset();
    fakeBrowser.tabs.update = update as never;
    update.mockClear();
    vi.resetModules();
    shell = await makeShell({ allowUserExceptions: false }, ['allowUserExceptions']);
    await shell.onBeforeNavigate(nav(1, 'http://ameli-remboursement.fr/'));
    id = new URLSearchParams(update.mock.calls[0]![1].url.split('#')[1]).get('id');
    expect(await shell.onMessage({ type: 'getWarning', id }, warningSender(1))).toMatchObject({ allowProceed: true, remembered: false });
    expect(await shell.onMessage({ type: 'warningProceed', id }, warningSender(1))).toEqual({ ok: true });
    expect((await fakeBrowser.storage.local.get('userExceptions')).userExceptions ?? []).toEqual([]);
    update.mockClear();
    await shell.onBeforeNavigate(nav(1, 'http://ameli-remboursement.fr/')); // same tab: one-time pass
    expect(update).not.toHaveBeenCalled();
    await shell.onBeforeNavigate(nav(2, 'http://ameli-remboursement.fr/')); // another tab: warned again
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('a lookalike inside a sub-frame sends the whole tab to the warning; continue returns to the top page', async () => {
    const shell = await makeShell();
    await shell.onCommitted(nav(4, 'https://blog.example.org/article'));
    await shell.onBeforeNavigate(nav(4, 'https://ameli-remboursement.fr/login', 3));
    expect(update).toHaveBeenCalledTimes(1);
    const id = new URLSearchParams(update.mock.calls[0]![1].url.split('#')[1]).get('id');
    expect(await shell.onMessage({ type: 'getWarning', id }, warningSender(4))).toMatchObject({ subFrame: true, url: 'https://ameli-remboursement.fr/login' });
    update.mockClear();
    await shell.onMessage({ type: 'warningProceed', id }, warningSender(4));
    expect(update).toHaveBeenCalledWith(4, { url: 'https://blog.example.org/article' });
  });

  it('"back to safety" goes to the last safe page, else to the imitated organisation\'s real site', async () => {
    const shell = await makeShell();
    await shell.onCommitted(nav(6, 'https://mail.example.net/inbox'));
    await shell.onBeforeNavigate(nav(6, 'http://ameli-remboursement.fr/'));
    let id = new URLSearchParams(update.mock.calls[0]![1].url.split('#')[1]).get('id');
    update.mockClear();
    expect(await shell.onMessage({ type: 'warningBack', id }, warningSender(6))).toEqual({ ok: true });
    expect(update).toHaveBeenCalledWith(6, { url: 'https://mail.example.net/inbox' });

    update.mockClear();
    await shell.onBeforeNavigate(nav(10, 'http://ameli-remboursement.fr/'));
    id = new URLSearchParams(update.mock.calls[0]![1].url.split('#')[1]).get('id');
    update.mockClear();
    await shell.onMessage({ type: 'warningBack', id }, warningSender(10));
    expect(update).toHaveBeenCalledWith(10, { url: 'https://ameli.fr/' });
  });

  it('page signals reach the tab verdict and the badge', async () => {
    const shell = await makeShell();
    const url = 'http://mon-espace-securise.com/login';
    await shell.onCommitted(nav(11, url));
    expect(await shell.onMessage({ type: 'getTabVerdict', tabId: 11 }, popupSender)).toMatchObject({ verdict: 'unknown' });
    const reply = await shell.onMessage(
      { type: 'pageSignals', brandOrgIds: ['assurance-maladie'], sensitive: ['nir'], sensitiveInput: false },
      contentSender(11, url),
    );
    expect(reply).toMatchObject({ verdict: { verdict: 'suspicious', reasons: ['brand-content', 'sensitive-form'] }, proceeded: false });
    const tv = await shell.onMessage({ type: 'getTabVerdict', tabId: 11 }, popupSender);
    expect(tv).toEqual({
      url,
      host: 'mon-espace-securise.com',
      verdict: 'suspicious',
      target: 'ameli.fr',
      reasons: ['brand-content', 'sensitive-form'],
      organization: { id: 'assurance-maladie', name: expect.stringMatching(/^Assurance Maladie/) },
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 11 })).toBe('!');
    // A suspicious sub-frame raises the tab verdict; an official one does not lower it.
    await shell.onCommitted(nav(12, 'https://example.org/'));
    await shell.onCommitted(nav(12, 'https://www.ameli.fr/', 2));
    expect(await shell.onMessage({ type: 'getTabVerdict', tabId: 12 }, popupSender)).toMatchObject({ verdict: 'unknown' });
    await shell.onMessage({ type: 'pageSignals', brandOrgIds: ['mgen'], sensitive: ['card-number'] }, contentSender(12, 'https://forms.example.com/f', 4));
    const v12 = (await shell.onMessage({ type: 'getTabVerdict', tabId: 12 }, popupSender)) as Verdict;
    expect(SEVERITY[v12.verdict]).toBe(SEVERITY.suspicious);
  });

  it('tells the SOC hook about each warning shown: the full page, and a banner once page signals escalate', async () => {
    const shown: Verdict[] = [];
    const shell = await makeShell({}, [], (v) => shown.push(v));
    await shell.onBeforeNavigate(nav(21, 'http://ameli-remboursement.fr/connexion'));
    expect(shown.map((v) => [v.host, v.verdict])).toEqual([['ameli-remboursement.fr', 'lookalike']]);
    const url = 'http://mon-espace-securise.com/login';
    await shell.onCommitted(nav(22, url));
    const signals = { type: 'pageSignals', brandOrgIds: ['assurance-maladie'], sensitive: ['nir'], sensitiveInput: false };
    await shell.onMessage(signals, contentSender(22, url));
    await shell.onMessage(signals, contentSender(22, url)); // the same page reporting again is not a new warning
    expect(shown.map((v) => [v.host, v.verdict])).toEqual([
      ['ameli-remboursement.fr', 'lookalike'],
      ['mon-espace-securise.com', 'suspicious'],
    ]);
    await shell.onCommitted(nav(23, 'https://www.lemonde.fr/'));
    await shell.onMessage({ type: 'pageSignals', brandOrgIds: [], sensitive: ['password'], sensitiveInput: false }, contentSender(23, 'https://www.lemonde.fr/'));
    expect(shown).toHaveLength(2);
  });

  it('ignores malformed messages and wrong senders (returns undefined, never throws)', async () => {
    const shell = await makeShell();
    const cases: [unknown, object][] = [
      [null, popupSender],
      ['getTabVerdict', popupSender],
      [{ type: 'nope' }, popupSender],
      [{ type: 'getTabVerdict' }, popupSender],
      [{ type: 'getTabVerdict', tabId: -1 }, popupSender],
      [{ type: 'getTabVerdict', tabId: '3' }, popupSender],
      // getTabVerdict from a web page's content script, another extension, or a web origin
      [{ type: 'getTabVerdict', tabId: 1 }, contentSender(1, 'https://evil.example/')],
      [{ type: 'getTabVerdict', tabId: 1 }, { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' }],
      [{ type: 'getTabVerdict', tabId: 1 }, { id: 'test-extension-id', url: 'https://evil.example/' }],
      // content-script messages from an extension page or without a tab
      [{ type: 'frameHello' }, popupSender],
      [{ type: 'pageSignals', brandOrgIds: [], sensitive: [] }, { id: 'test-extension-id', url: 'https://x.example/' }],
      [{ type: 'pageSignals', brandOrgIds: 'x', sensitive: [] }, contentSender(1, 'https://x.example/')],
      [{ type: 'pageSignals', brandOrgIds: [], sensitive: ['ssn'] }, contentSender(1, 'https://x.example/')],
      // warning-page messages from a content script, or from another extension page
      [{ type: 'warningProceed', id: 'x' }, contentSender(1, 'https://ameli-remboursement.fr/')],
      [{ type: 'warningProceed', id: 'x' }, popupSender],
      [{ type: 'getWarning', id: 'x'.repeat(65) }, warningSender(1)],
      [{ type: 'removeException', host: 'a.fr' }, contentSender(1, 'https://a.fr/')],
      [{ type: 'getSettings' }, contentSender(1, 'https://a.fr/')],
    ];
    for (const [msg, sender] of cases) expect(shell.onMessage(msg, sender as never), JSON.stringify(msg)).toBeUndefined();
  });

  it('loadPageUi injects the page UI into the sender\'s own frame only, and only for content scripts', async () => {
    const injectPageUi = vi.fn(async () => undefined);
    const shell = await makeShell({}, [], undefined, { injectPageUi });
    expect(await shell.onMessage({ type: 'loadPageUi' }, contentSender(7, 'https://mon-espace.example/', 3))).toEqual({ ok: true });
    expect(injectPageUi.mock.calls).toEqual([[7, 3]]);
    // Not from an extension page, not malformed, and a failed injection is reported, not thrown.
    expect(shell.onMessage({ type: 'loadPageUi' }, popupSender as never)).toBeUndefined();
    expect(await shell.onMessage({ type: 'loadPageUi', tabId: 1 }, contentSender(7, 'https://x.example/'))).toEqual({ ok: true }); // extra keys are stripped by zod
    injectPageUi.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await shell.onMessage({ type: 'loadPageUi' }, contentSender(8, 'https://y.example/'))).toEqual({ ok: false });
    expect(injectPageUi).toHaveBeenCalledTimes(3);
    // An official page (or a non-web one) gets no UI: the page guard stops there.
    expect(await shell.onMessage({ type: 'loadPageUi' }, contentSender(9, 'https://www.ameli.fr/assure/'))).toEqual({ ok: false });
    expect(await shell.onMessage({ type: 'loadPageUi' }, contentSender(9, 'https://connexion.harmonie-mutuelle.fr/', 2))).toEqual({ ok: false });
    expect(injectPageUi).toHaveBeenCalledTimes(3);
    // A frame with no address of its own (srcdoc, about:blank written by the page, data:) is judged as its
    // origin, else as the tab's page: guarded on a kit, left alone on an official page.
    const blank = (tabId: number, frameId: number, url: string, extra: object) => ({ ...contentSender(tabId, url, frameId), ...extra });
    expect(await shell.onMessage({ type: 'loadPageUi' }, blank(10, 4, 'about:srcdoc', { origin: 'https://kit.example' }))).toEqual({ ok: true });
    expect(await shell.onMessage({ type: 'loadPageUi' }, blank(11, 5, 'about:blank', { tab: { id: 11, url: 'https://kit.example/login' } }))).toEqual({ ok: true });
    expect(await shell.onMessage({ type: 'loadPageUi' }, blank(15, 9, 'data:text/html,<form>', { origin: 'null', tab: { id: 15, url: 'https://kit.example/' } }))).toEqual({ ok: true });
    expect(injectPageUi.mock.calls.slice(3)).toEqual([[10, 4], [11, 5], [15, 9]]);
    expect(await shell.onMessage({ type: 'loadPageUi' }, blank(12, 6, 'about:srcdoc', { origin: 'https://www.ameli.fr' }))).toEqual({ ok: false });
    expect(await shell.onMessage({ type: 'loadPageUi' }, blank(13, 7, 'about:blank', { origin: 'null', tab: { id: 13, url: 'https://www.ameli.fr/' } }))).toEqual({ ok: false });
    expect(await shell.onMessage({ type: 'loadPageUi' }, blank(14, 8, 'about:blank', { origin: 'null' }))).toEqual({ ok: false }); // nothing to judge it by
    expect(injectPageUi).toHaveBeenCalledTimes(6);
    // Without the dependency (tests, other hosts) the message is ignored.
    const bare = await makeShell();
    expect(bare.onMessage({ type: 'loadPageUi' }, contentSender(7, 'https://x.example/'))).toBeUndefined();
  });

  it('a flagged frame gets its state pushed, then the page UI, as soon as it commits; others get nothing', async () => {
    const calls: string[] = [];
    const pushed: unknown[] = [];
    const pushFrameState = vi.fn(async (tabId: number, frameId: number, state: unknown) => {
      calls.push(`push ${tabId}/${frameId}`);
      pushed.push(state);
    });
    const injectPageUi = vi.fn(async (tabId: number, frameId: number) => void calls.push(`ui ${tabId}/${frameId}`));
    const shell = await makeShell({}, [], undefined, { pushFrameState, injectPageUi });
    // Ordinary, official, and a lookalike the user has not chosen to visit (it goes to the warning page).
    await shell.onCommitted(nav(3, 'https://www.lemonde.fr/'));
    await shell.onCommitted(nav(3, 'https://www.ameli.fr/'));
    await shell.onCommitted(nav(4, 'https://ameli-remboursement.fr/x'));
    expect(calls).toEqual([]);
    // The user continued: the same address now commits as a guarded frame (a sub-frame here).
    await shell.onMessage({ type: 'userProceed', url: 'https://ameli-remboursement.fr/x' }, contentSender(4, 'https://ameli-remboursement.fr/x'));
    await shell.onCommitted(nav(4, 'https://ameli-remboursement.fr/x', 2));
    expect(calls).toEqual(['push 4/2', 'ui 4/2']);
    expect(pushed[0]).toMatchObject({ verdict: { verdict: 'lookalike', target: 'ameli.fr' }, proceeded: true, allowProceed: true });
    // A failing injection (a page the browser protects) is not an error for the navigation.
    pushFrameState.mockRejectedValueOnce(new Error('Cannot access'));
    await expect(shell.onCommitted(nav(4, 'https://ameli-remboursement.fr/y', 3))).resolves.toBeUndefined();
  });

  it('userProceed takes the host from the sender, never from the message', async () => {
    const shell = await makeShell();
    const url = 'https://ameli-remboursement.fr/x';
    await shell.onMessage({ type: 'userProceed', url: 'https://www.ameli.fr/' }, contentSender(2, url));
    const stored = (await fakeBrowser.storage.local.get('userExceptions')).userExceptions as { host: string }[];
    expect(stored.map((e) => e.host)).toEqual(['ameli-remboursement.fr']);
  });

  it('state survives a service-worker restart (session storage), and unknown tabs are judged by their address', async () => {
    let shell = await makeShell();
    await shell.onBeforeNavigate(nav(20, 'http://ameli-remboursement.fr/'));
    const id = new URLSearchParams(update.mock.calls[0]![1].url.split('#')[1]).get('id');
    await new Promise((r) => setTimeout(r, 10));
    vi.resetModules(); // "restart": a new shell over the same storage
    shell = await makeShell();
    expect(await shell.onMessage({ type: 'getWarning', id }, warningSender(20))).toMatchObject({ url: 'http://ameli-remboursement.fr/' });
    expect(await shell.onMessage({ type: 'getTabVerdict', tabId: 20 }, popupSender)).toMatchObject({ verdict: 'lookalike' });
    // The fake browser's default tab 0 has no address we know: the contract shape is still returned.
    const v = await shell.onMessage({ type: 'getTabVerdict', tabId: 999 }, popupSender);
    expect(v).toEqual({ url: '', host: null, verdict: 'invalid', target: null, reasons: [] });
  });
});
