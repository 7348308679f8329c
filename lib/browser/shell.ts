import { browser, type Browser } from 'wxt/browser';
import {
  frameHelloSchema,
  getBrandDataSchema,
  loadPageUiSchema,
  frameStateSchema,
  getListStatusSchema,
  getSettingsSchema,
  getTabVerdictSchema,
  getWarningSchema,
  listStatusSchema,
  okSchema,
  pageSignalsSchema,
  removeExceptionSchema,
  settingsInfoSchema,
  userProceedSchema,
  verdictSchema,
  warningBackSchema,
  warningInfoSchema,
  warningProceedSchema,
  type FrameState,
  type ListStatus,
  type SettingsInfo,
  type WarningInfo,
} from '../messages';
import { isExpired, type VigieList } from '../list-schema';
import { addException, hasException, normaliseHost, removeException, type UserException } from '../exceptions';
import { badgeFor, type BadgeStrings } from '../badge';
import { TabStateStore, invalidVerdict, type PageSignals } from '../tab-state';
import type { Verdict } from '../verdict';
import { buildBrandMatcherData, type BrandMatcherData } from '../brand-matcher';
import { shouldGuardForms } from '../decision';
import { pendingWarnings, tabStates, userExceptions, userSettings, type PendingWarning, type UserSettings } from './storage';

/**
 * The background's logic, wired to the browser but free of top-level side effects so it can be
 * tested with WXT's fake browser. entrypoints/background.ts registers the listeners synchronously
 * and forwards every event here; every handler first awaits `ready` (list + engine + policy), so
 * no navigation gets a verdict from a half-loaded state after a service-worker restart.
 */

export interface Classifier {
  classify(input: string): Verdict;
}

export interface LoadedList {
  list: VigieList;
  source: ListStatus['source'];
  /** Sync bookkeeping, when available (lib/list-sync.ts). */
  lastCheck?: string | null;
  lastError?: string | null;
  stale?: boolean;
}

export interface ShellDeps {
  /** The list to use now: the last good synced list, else the bundled one. */
  loadCurrentList(): Promise<LoadedList>;
  /** Effective settings (managed policy merged over defaults) and the keys the administrator locked. */
  loadPolicy(): Promise<SettingsInfo>;
  createEngine(list: VigieList, options: { extraOfficialDomains?: string[]; blockedDomains?: string[] }): Classifier;
  /** URL verdict + page signals (lib/decision.ts `combineVerdict`); `matcher` is the current list's brand data. */
  combine: (
    urlVerdict: Verdict,
    signals: PageSignals | null,
    opts: { exceptionForHost: boolean; matcher: BrandMatcherData | null },
  ) => Verdict;
  badgeStrings: () => BadgeStrings;
  /** Injects the page UI script into one frame (scripting.executeScript); absent in tests. */
  injectPageUi?: (tabId: number, frameId: number) => Promise<void>;
  /**
   * Hands a flagged frame its state as soon as it commits (scripting.executeScript of
   * page-bridge.ts `pushFrameState`): the page guard never asks on ordinary pages, so flagged ones
   * are told. Absent in tests.
   */
  pushFrameState?: (tabId: number, frameId: number, state: FrameState) => Promise<void>;
  /**
   * Asks the top frame's page UI (injected if need be) which listed organisation the page presents
   * itself as, and to report it (page-bridge.ts `requestBrandSurvey`): a sub-frame asked for
   * sensitive data inside it. Absent in tests.
   */
  surveyTopFrame?: (tabId: number) => Promise<void>;
  /** A warning was shown for `verdict` (full page, or an escalated in-page banner): SOC reporting hook. */
  onWarningShown?: (verdict: Verdict) => void;
  now?: () => number;
}

export const DEFAULT_SETTINGS: SettingsInfo['settings'] = {
  allowProceed: true,
  allowUserExceptions: true,
  extraOfficialDomains: [],
  blockedDomains: [],
  listUrl: null,
  reportUrl: null,
  syncIntervalMinutes: null,
};

type Sender = Browser.runtime.MessageSender;
type NavDetails = { tabId: number; frameId: number; url: string; parentFrameId?: number };

/** A pending warning is not re-issued for the same tab and address within this window (two events per navigation). */
const DEDUPE_MS = 3000;

export function createShell(deps: ShellDeps) {
  const now = deps.now ?? Date.now;
  const extOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  const warningPage = browser.runtime.getURL('/warning.html' as '/');

  let engine: Classifier | null = null;
  let loaded: LoadedList | null = null;
  let brandData: BrandMatcherData | null = null;
  let policy: SettingsInfo = { settings: DEFAULT_SETTINGS, locked: [] };
  let exceptions: UserException[] = [];
  let settings: UserSettings = { showOfficialBadge: true };
  let pending: Record<string, PendingWarning> = {};
  /** One-time passes ("continue" when the administrator disabled remembered exceptions): tabId → hosts. */
  const passes = new Map<number, Set<string>>();

  const isWarningPage = (url: string) => url.startsWith(warningPage);
  const proceeded = (tabId: number, host: string | null): boolean => {
    if (!host) return false;
    if (!policy.settings.allowProceed) return false;
    if (passes.get(tabId)?.has(normaliseHost(host))) return true;
    return policy.settings.allowUserExceptions && hasException(exceptions, host);
  };
  const store = new TabStateStore((v, s, o) => deps.combine(v, s, { ...o, matcher: brandData }), proceeded, isWarningPage);

  function classify(url: string): Verdict {
    if (!engine) return invalidVerdict(url);
    try {
      return engine.classify(url);
    } catch {
      return invalidVerdict(url);
    }
  }

  async function build(first: boolean): Promise<void> {
    const [l, p] = await Promise.all([deps.loadCurrentList(), deps.loadPolicy().catch(() => policy)]);
    engine = deps.createEngine(l.list, {
      extraOfficialDomains: p.settings.extraOfficialDomains,
      blockedDomains: p.settings.blockedDomains,
    });
    if (loaded?.list !== l.list) brandData = buildBrandMatcherData(l.list);
    loaded = l;
    policy = p;
    if (first) {
      const [ex, us, pw, ts] = await Promise.all([
        userExceptions.getValue(),
        userSettings.getValue(),
        pendingWarnings.getValue(),
        tabStates.getValue(),
      ]);
      exceptions = ex;
      settings = { ...settings, ...us };
      pending = pw;
      store.load(ts);
    }
  }

  let ready: Promise<void> = build(true).then(() => {
    void sweepOpenTabs();
  });

  /**
   * Tabs we hold no state for when the worker starts (the extension was just installed or enabled,
   * or a navigation raced the very first start) are judged by their current address, like a commit.
   */
  async function sweepOpenTabs(): Promise<void> {
    let tabs: Browser.tabs.Tab[] = [];
    try {
      tabs = await browser.tabs.query({});
    } catch {
      return;
    }
    for (const tab of tabs) {
      if (tab.id == null || tab.id < 0 || store.get(tab.id) || !tab.url || !/^https?:/i.test(tab.url)) continue;
      await onCommitted({ tabId: tab.id, frameId: 0, url: tab.url });
    }
  }

  /**
   * Rebuild the engine when the list or the policy changed. Handlers wait for the new one. A page
   * already open that the new list or policy makes a lookalike (a domain just blocked) gets the warning.
   */
  function reload(): Promise<void> {
    const previous = ready;
    ready = previous.catch(() => undefined).then(() => build(false));
    void ready.then(warnOpenLookalikes).catch(() => undefined);
    return ready;
  }

  async function warnOpenLookalikes(): Promise<void> {
    const tabs = await browser.tabs.query({});
    for (const tab of tabs) {
      if (tab.id == null || tab.id < 0 || !tab.url || !/^https?:/i.test(tab.url)) continue;
      const v = classify(tab.url);
      if (needsWarning(tab.id, v) && !pending[String(tab.id)]) await warn(tab.id, 0, tab.url, v, true);
    }
  }

  let persistQueued = false;
  function persistTabs(): void {
    if (persistQueued) return;
    persistQueued = true;
    queueMicrotask(() => {
      persistQueued = false;
      void tabStates.setValue(store.toJSON() as Record<string, unknown>).catch(() => undefined);
    });
  }
  function persistPending(): Promise<void> {
    return pendingWarnings.setValue(pending).catch(() => undefined);
  }

  async function updateBadge(tabId: number): Promise<void> {
    const badge = badgeFor(store.tabVerdict(tabId), { showOfficialBadge: settings.showOfficialBadge, strings: deps.badgeStrings() });
    const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    try {
      await Promise.all([
        action.setBadgeText({ tabId, text: badge.text }),
        action.setBadgeBackgroundColor({ tabId, color: badge.color }),
        action.setTitle({ tabId, title: badge.title }),
      ]);
      await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    } catch {
      // The tab may be gone already; a badge is never worth an error.
    }
  }

  async function topUrl(tabId: number): Promise<string | null> {
    const known = store.get(tabId)?.frames['0']?.url;
    if (known && !isWarningPage(known)) return known;
    try {
      return (await browser.tabs.get(tabId)).url ?? null;
    } catch {
      return null;
    }
  }

  /** Sends the tab to the warning page for `verdict` (the lookalike at `url`, in frame `frameId`). */
  async function warn(tabId: number, frameId: number, url: string, verdict: Verdict, committed = false): Promise<void> {
    const existing = pending[String(tabId)];
    // onBeforeNavigate fires more than once for one navigation; but once the lookalike has actually
    // committed, our earlier redirect lost the race and must be issued again.
    if (!committed && existing && existing.url === url && now() - existing.createdAt < DEDUPE_MS) return;
    const subFrame = frameId !== 0;
    const top = subFrame ? await topUrl(tabId) : null;
    const id = crypto.randomUUID();
    const w: PendingWarning = {
      id,
      tabId,
      url,
      verdict,
      returnUrl: subFrame && top && /^https?:/i.test(top) ? top : url,
      subFrame,
      previousSafeUrl: store.get(tabId)?.lastSafeUrl ?? null,
      createdAt: now(),
    };
    pending[String(tabId)] = w;
    store.setWarning(tabId, verdict);
    deps.onWarningShown?.(verdict);
    const hash = new URLSearchParams({ id, url }).toString();
    // Navigate first (every millisecond counts before the fake page can load), then persist.
    const navigated = browser.tabs.update(tabId, { url: `${warningPage}#${hash}` }).catch(() => undefined);
    persistTabs();
    await Promise.all([navigated, persistPending()]);
    void updateBadge(tabId);
  }

  function needsWarning(tabId: number, v: Verdict): boolean {
    return v.verdict === 'lookalike' && !proceeded(tabId, v.host);
  }

  async function onBeforeNavigate(d: NavDetails): Promise<void> {
    if (d.tabId < 0 || !/^https?:/i.test(d.url)) return;
    await ready;
    const v = classify(d.url);
    if (needsWarning(d.tabId, v)) await warn(d.tabId, d.frameId, d.url, v);
  }

  async function onCommitted(d: NavDetails): Promise<void> {
    if (d.tabId < 0) return;
    await ready;
    if (d.frameId === 0) surveyed.delete(d.tabId); // a new top document: not read yet
    if (isWarningPage(d.url)) {
      store.commitFrame(d.tabId, d.frameId, d.url, invalidVerdict(d.url));
      persistTabs();
      void updateBadge(d.tabId);
      return;
    }
    const web = /^https?:/i.test(d.url);
    // A stray non-web commit (about:blank, an error page) must not erase the warning being shown.
    if (!web && d.frameId === 0 && pending[String(d.tabId)]) return;
    const v = classify(d.url);
    // Catches what onBeforeNavigate cannot see: server redirects, restored sessions, bfcache.
    if (web && needsWarning(d.tabId, v)) {
      await warn(d.tabId, d.frameId, d.url, v, true);
      return;
    }
    if (d.frameId === 0) {
      store.clearWarning(d.tabId);
      if (pending[String(d.tabId)]) {
        delete pending[String(d.tabId)];
        void persistPending();
      }
    }
    store.commitFrame(d.tabId, d.frameId, d.url, v);
    persistTabs();
    if (d.frameId === 0 || SEVERITY_DANGER.has(v.verdict)) void updateBadge(d.tabId);
    if (web && SEVERITY_DANGER.has(v.verdict)) {
      const state = await frameState(d.tabId, d.frameId, d.url);
      // A proceeded lookalike or a suspicious address: the page UI goes in at once, with the state
      // already there, so forms are guarded and the banner shows without waiting for the page.
      if (shouldGuardForms(state.verdict, state)) {
        await deps.pushFrameState?.(d.tabId, d.frameId, state).catch(() => undefined);
        await deps.injectPageUi?.(d.tabId, d.frameId).catch(() => undefined);
      }
    }
  }

  async function onCompleted(d: NavDetails): Promise<void> {
    if (d.frameId !== 0 || d.tabId < 0) return;
    await ready;
    void updateBadge(d.tabId);
  }

  function onTabRemoved(tabId: number): void {
    surveyed.delete(tabId);
    store.removeTab(tabId);
    passes.delete(tabId);
    if (pending[String(tabId)]) {
      delete pending[String(tabId)];
      void persistPending();
    }
    persistTabs();
  }

  function onTabReplaced(addedTabId: number, removedTabId: number): void {
    store.replaceTab(addedTabId, removedTabId);
    persistTabs();
  }

  // ---------------------------------------------------------------------------------------------
  // Messages

  const fromExtensionPage = (s: Sender) =>
    s.id === browser.runtime.id && typeof s.url === 'string' && (s.url === extOrigin || s.url.startsWith(extOrigin + '/'));
  const fromContentScript = (s: Sender) =>
    s.id === browser.runtime.id &&
    typeof s.tab?.id === 'number' &&
    s.tab.id >= 0 &&
    typeof s.frameId === 'number' &&
    typeof s.url === 'string' &&
    !s.url.startsWith(extOrigin);
  /**
   * The address a content script's frame is judged by. A frame with no address of its own (about:blank
   * written by script, about:srcdoc, data:) holds a document its creator made: it is judged as its
   * origin when it has one (Chrome's `origin`), else as the tab's page, never as an "about:" or
   * "data:" address that would leave its form unguarded.
   */
  const addressOf = (s: Sender): string => {
    const url = s.url!;
    if (!/^(?:about|data):/i.test(url)) return url;
    const origin = (s as { origin?: unknown }).origin;
    if (typeof origin === 'string' && /^https?:\/\/[^/]+$/i.test(origin)) return `${origin}/`;
    return typeof s.tab?.url === 'string' && /^https?:/i.test(s.tab.url) ? s.tab.url : url;
  };
  const fromWarningPage = (s: Sender) =>
    fromExtensionPage(s) && typeof s.tab?.id === 'number' && isWarningPage(s.url ?? '');

  async function frameState(tabId: number, frameId: number, url: string): Promise<FrameState> {
    let v = store.frameVerdict(tabId, frameId);
    const known = store.get(tabId)?.frames[String(frameId)];
    if (!v || !known || hostOf(known.url) !== hostOf(url)) {
      // Not seen committing (restart, about:blank/srcdoc frames): judge the sender's own address.
      store.commitFrame(tabId, frameId, url, classify(url));
      persistTabs();
      v = store.frameVerdict(tabId, frameId)!;
    }
    return frameStateSchema.parse({
      verdict: v,
      proceeded: proceeded(tabId, v.host),
      allowProceed: policy.settings.allowProceed,
    });
  }

  /** Tabs whose top page was asked what it presents itself as (once per top document). */
  const surveyed = new Set<number>();

  /** Tells a sub-frame its state when the top page's report just flagged it (framed form). */
  async function pushIfFlagged(tabId: number, frameId: number, was: string | undefined): Promise<void> {
    const frame = store.get(tabId)?.frames[String(frameId)];
    const v = store.frameVerdict(tabId, frameId);
    if (!frame || !v || v.verdict === was || !SEVERITY_DANGER.has(v.verdict)) return;
    const state = await frameState(tabId, frameId, frame.url);
    if (!shouldGuardForms(state.verdict, state)) return;
    deps.onWarningShown?.(state.verdict);
    await deps.pushFrameState?.(tabId, frameId, state).catch(() => undefined);
  }

  async function tabVerdict(tabId: number): Promise<Verdict> {
    let v = store.tabVerdict(tabId);
    if (!v) {
      const url = await topUrl(tabId);
      const w = pending[String(tabId)];
      // The tab shows our warning page: its verdict is the warned one.
      v = url && w && isWarningPage(url) ? w.verdict : url ? classify(url) : invalidVerdict('');
    }
    return verdictSchema.parse(v);
  }

  async function grantProceed(tabId: number, v: Verdict): Promise<boolean> {
    if (!policy.settings.allowProceed || !v.host) return false;
    const host = normaliseHost(v.host);
    if (policy.settings.allowUserExceptions) {
      exceptions = addException(exceptions, {
        host,
        addedAt: now(),
        verdict: v.verdict,
        target: v.target,
        reasons: v.reasons,
      });
      await userExceptions.setValue(exceptions);
    } else {
      const set = passes.get(tabId) ?? new Set<string>();
      set.add(host);
      passes.set(tabId, set);
    }
    return true;
  }

  function warningInfo(w: PendingWarning): WarningInfo {
    return warningInfoSchema.parse({
      id: w.id,
      url: w.url,
      verdict: w.verdict,
      allowProceed: policy.settings.allowProceed,
      remembered: policy.settings.allowUserExceptions,
      subFrame: w.subFrame,
    });
  }

  function listStatus(): ListStatus {
    const l = loaded!;
    return listStatusSchema.parse({
      version: l.list.version,
      generatedAt: l.list.generatedAt,
      expiresAt: l.list.expiresAt,
      source: l.source,
      organizations: l.list.organizations.length,
      expired: isExpired(l.list, new Date(now())),
      lastCheck: l.lastCheck,
      lastError: l.lastError,
      stale: l.stale,
    });
  }

  /**
   * runtime.onMessage handler. Returns undefined (synchronously) for anything that is not ours or
   * comes from the wrong sender, so the message is ignored; otherwise a promise of a validated reply.
   */
  function onMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
    try {
      return route(message, sender);
    } catch {
      return undefined;
    }
  }

  function route(message: unknown, sender: Sender): Promise<unknown> | undefined {
    if (!message || typeof message !== 'object') return undefined;
    const type = (message as { type?: unknown }).type;
    switch (type) {
      case 'getTabVerdict': {
        const m = getTabVerdictSchema.safeParse(message);
        if (!m.success || !fromExtensionPage(sender)) return undefined;
        return ready.then(() => tabVerdict(m.data.tabId));
      }
      case 'frameHello': {
        if (!frameHelloSchema.safeParse(message).success || !fromContentScript(sender)) return undefined;
        const { tab, frameId } = sender as Required<Sender>;
        const url = addressOf(sender);
        return ready.then(() => frameState(tab.id!, frameId, url));
      }
      case 'pageSignals': {
        const m = pageSignalsSchema.safeParse(message);
        if (!m.success || !fromContentScript(sender)) return undefined;
        const { tab, frameId } = sender as Required<Sender>;
        const url = addressOf(sender);
        return ready.then(async () => {
          const { type: _t, ...signals } = m.data;
          const tabId = tab.id!;
          const before = store.frameVerdict(tabId, frameId)?.verdict;
          // Sub-frames judged by this page (a form framed inside it): their verdicts before this report.
          const framed = frameId === 0 ? store.framesWithFields(tabId).map((id) => [id, store.frameVerdict(tabId, id)?.verdict] as const) : [];
          store.setSignals(tabId, frameId, url, classify(url), signals);
          persistTabs();
          void updateBadge(tabId);
          const state = await frameState(tabId, frameId, url);
          // Page signals turned this frame into a warned one: the in-page banner is shown.
          if (state.verdict.verdict !== before && SEVERITY_DANGER.has(state.verdict.verdict)) deps.onWarningShown?.(state.verdict);
          // A sub-frame asks for sensitive data inside a page not read yet: what does the page say it is?
          if (frameId !== 0 && signals.sensitive.length && store.topUnread(tabId) && !surveyed.has(tabId)) {
            surveyed.add(tabId);
            void deps.surveyTopFrame?.(tabId).catch(() => undefined);
          }
          for (const [id, was] of framed) void pushIfFlagged(tabId, id, was);
          return state;
        });
      }
      case 'userProceed': {
        const m = userProceedSchema.safeParse(message);
        if (!m.success || !fromContentScript(sender)) return undefined;
        const { tab, frameId } = sender as Required<Sender>;
        const url = addressOf(sender);
        return ready.then(async () => {
          // The host comes from the sender's own address, never from the message.
          const v = store.frameVerdict(tab.id!, frameId) ?? classify(url);
          await grantProceed(tab.id!, v);
          void updateBadge(tab.id!);
          return frameState(tab.id!, frameId, url);
        });
      }
      case 'loadPageUi': {
        if (!loadPageUiSchema.safeParse(message).success || !fromContentScript(sender) || !deps.injectPageUi) return undefined;
        const { tab, frameId } = sender as Required<Sender>;
        const url = addressOf(sender);
        const inject = deps.injectPageUi;
        return ready.then(async () => {
          // Official (or not a web page): nothing to guard, so nothing to inject.
          const v = (await frameState(tab.id!, frameId, url)).verdict.verdict;
          if (v === 'official' || v === 'invalid') return { ok: false };
          // Only into the sender's own frame.
          return inject(tab.id!, frameId).then(
            () => ({ ok: true }),
            () => ({ ok: false }),
          );
        });
      }
      case 'getBrandData': {
        if (!getBrandDataSchema.safeParse(message).success || !fromContentScript(sender)) return undefined;
        return ready.then(() => brandData);
      }
      case 'getWarning': {
        const m = getWarningSchema.safeParse(message);
        if (!m.success || !fromWarningPage(sender)) return undefined;
        const tabId = sender.tab!.id!;
        return ready.then(() => {
          const w = pending[String(tabId)];
          return w && w.id === m.data.id ? warningInfo(w) : null;
        });
      }
      case 'warningProceed': {
        const m = warningProceedSchema.safeParse(message);
        if (!m.success || !fromWarningPage(sender)) return undefined;
        const tabId = sender.tab!.id!;
        return ready.then(async () => {
          const w = pending[String(tabId)];
          if (!w || w.id !== m.data.id) return okSchema.parse({ ok: false });
          if (!(await grantProceed(tabId, w.verdict))) return okSchema.parse({ ok: false });
          delete pending[String(tabId)];
          store.clearWarning(tabId);
          await persistPending();
          await browser.tabs.update(tabId, { url: w.returnUrl });
          return okSchema.parse({ ok: true });
        });
      }
      case 'warningBack': {
        const m = warningBackSchema.safeParse(message);
        if (!m.success || !fromWarningPage(sender)) return undefined;
        const tabId = sender.tab!.id!;
        return ready.then(async () => {
          const w = pending[String(tabId)];
          if (!w || w.id !== m.data.id) return okSchema.parse({ ok: false });
          delete pending[String(tabId)];
          store.clearWarning(tabId);
          await persistPending();
          // The last page we did not warn about, else the imitated organisation's real site, else close.
          const dest = w.previousSafeUrl ?? (w.verdict.target ? `https://${w.verdict.target}/` : null);
          if (dest) await browser.tabs.update(tabId, { url: dest });
          else await browser.tabs.remove(tabId);
          return okSchema.parse({ ok: true });
        });
      }
      case 'getSettings': {
        if (!getSettingsSchema.safeParse(message).success || !fromExtensionPage(sender)) return undefined;
        return ready.then(() => settingsInfoSchema.parse(policy));
      }
      case 'getListStatus': {
        if (!getListStatusSchema.safeParse(message).success || !fromExtensionPage(sender)) return undefined;
        return ready.then(() => listStatus());
      }
      case 'removeException': {
        const m = removeExceptionSchema.safeParse(message);
        if (!m.success || !fromExtensionPage(sender)) return undefined;
        return ready.then(async () => {
          exceptions = removeException(exceptions, m.data.host);
          await userExceptions.setValue(exceptions);
          return okSchema.parse({ ok: true });
        });
      }
      default:
        return undefined;
    }
  }

  /** Storage changed elsewhere (options page, another context): refresh the cached copies. */
  function watchStorage(): () => void {
    const un1 = userExceptions.watch((v) => {
      exceptions = v ?? [];
    });
    const un2 = userSettings.watch((v) => {
      settings = { ...settings, ...v };
      for (const tabId of store.tabIds()) void updateBadge(tabId); // e.g. the green check turned off
    });
    return () => {
      un1();
      un2();
    };
  }

  return {
    get ready() {
      return ready;
    },
    reload,
    onBeforeNavigate,
    onCommitted,
    onCompleted,
    onTabRemoved,
    onTabReplaced,
    onMessage,
    watchStorage,
    /** For tests and diagnostics. */
    _state: { store, get pending() { return pending; }, get exceptions() { return exceptions; } },
  };
}

const SEVERITY_DANGER = new Set(['lookalike', 'suspicious']);

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
