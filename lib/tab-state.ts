import type { PageSignalsMessage } from './messages';
import { SEVERITY, type Verdict } from './verdict';

/**
 * Pure per-tab state: for each frame, its URL verdict and the page signals its content script
 * reported; the tab's verdict is derived from them. No browser API here: the background feeds
 * navigation events and messages in, and persists `toJSON()` in session storage.
 */

export type PageSignals = Omit<PageSignalsMessage, 'type'>;

/** Combines a URL verdict with page signals (lib/decision.ts `combineVerdict` in production). */
export type CombineFn = (urlVerdict: Verdict, signals: PageSignals | null, opts: { exceptionForHost: boolean }) => Verdict;

export interface FrameState {
  url: string;
  urlVerdict: Verdict;
  signals: PageSignals | null;
}

export interface TabState {
  frames: Record<string, FrameState>;
  /** The lookalike verdict shown by our warning page while it occupies the tab. */
  warning: Verdict | null;
  /** Last top-frame address we did not warn about ("Retour en sécurité" goes there). */
  lastSafeUrl: string | null;
}

const emptyTab = (): TabState => ({ frames: {}, warning: null, lastSafeUrl: null });

export function invalidVerdict(url = ''): Verdict {
  return { url, host: null, verdict: 'invalid', target: null, reasons: [] };
}

export class TabStateStore {
  private tabs = new Map<number, TabState>();

  constructor(
    private combine: CombineFn,
    /** Whether the user proceeded on this host in this tab (user exception or one-time pass). */
    private proceeded: (tabId: number, host: string | null) => boolean,
    /** Whether a URL is our own warning page (its commit must not erase the warning). */
    private isWarningPage: (url: string) => boolean,
  ) {}

  get(tabId: number): TabState | undefined {
    return this.tabs.get(tabId);
  }

  /** A frame committed a new document: forget its old signals; a new top document resets the tab. */
  commitFrame(tabId: number, frameId: number, url: string, urlVerdict: Verdict): void {
    if (frameId === 0 && this.isWarningPage(url)) {
      // Our warning page replaced the lookalike: keep the warning as the tab's verdict.
      const tab = this.tabs.get(tabId) ?? emptyTab();
      tab.frames = {};
      this.tabs.set(tabId, tab);
      return;
    }
    if (frameId === 0) {
      const prev = this.tabs.get(tabId);
      const tab = emptyTab();
      const safe = urlVerdict.verdict === 'official' || urlVerdict.verdict === 'unknown';
      tab.lastSafeUrl = safe && /^https?:/i.test(url) ? url : (prev?.lastSafeUrl ?? null);
      tab.frames['0'] = { url, urlVerdict, signals: null };
      this.tabs.set(tabId, tab);
      return;
    }
    const tab = this.tabs.get(tabId) ?? emptyTab();
    tab.frames[String(frameId)] = { url, urlVerdict, signals: null };
    this.tabs.set(tabId, tab);
  }

  /** We sent the tab to the warning page for this verdict. */
  setWarning(tabId: number, verdict: Verdict): void {
    const tab = this.tabs.get(tabId) ?? emptyTab();
    tab.warning = verdict;
    this.tabs.set(tabId, tab);
  }

  clearWarning(tabId: number): void {
    const tab = this.tabs.get(tabId);
    if (tab) tab.warning = null;
  }

  /**
   * Page signals from a frame's content script. `url`/`urlVerdict` are used when the frame was not
   * seen committing (e.g. after a service-worker restart, or for about:blank-like frames).
   */
  setSignals(tabId: number, frameId: number, url: string, urlVerdict: Verdict, signals: PageSignals): void {
    const tab = this.tabs.get(tabId) ?? emptyTab();
    const key = String(frameId);
    const frame = tab.frames[key];
    if (!frame || frame.url !== url) tab.frames[key] = { url, urlVerdict, signals };
    else frame.signals = signals;
    this.tabs.set(tabId, tab);
  }

  tabIds(): number[] {
    return [...this.tabs.keys()];
  }

  removeTab(tabId: number): void {
    this.tabs.delete(tabId);
  }

  replaceTab(addedTabId: number, removedTabId: number): void {
    const tab = this.tabs.get(removedTabId);
    this.tabs.delete(removedTabId);
    if (tab) this.tabs.set(addedTabId, tab);
  }

  /**
   * The combined verdict of one frame, or null when we know nothing about it. A sub-frame that asks
   * for sensitive data inside a page is also judged by that page: what the user sees is the page's
   * name around the frame's form (a kit that frames its form from another address). See framedBy.
   */
  frameVerdict(tabId: number, frameId: number): Verdict | null {
    const tab = this.tabs.get(tabId);
    const frame = tab?.frames[String(frameId)];
    if (!tab || !frame) return null;
    const own = this.combine(frame.urlVerdict, frame.signals, {
      exceptionForHost: this.proceeded(tabId, frame.urlVerdict.host),
    });
    const top = frameId === 0 ? undefined : tab.frames['0'];
    if (!top || own.verdict !== 'unknown' || !frame.signals?.sensitive.length) return own;
    return this.framedBy(tabId, frame, top) ?? own;
  }

  /**
   * An unknown sub-frame with sensitive fields, inside a top page that is flagged (its address, or its
   * content with its own fields) or that presents itself as a listed organisation: suspicious, naming
   * what the page imitates, so the frame's submits are held. The page's own verdict is unchanged.
   */
  private framedBy(tabId: number, frame: FrameState, top: FrameState): Verdict | null {
    // (A page the user chose to trust is not escalated by its content, nor are its frames by it.)
    const trusted = this.proceeded(tabId, top.urlVerdict.host);
    const page = this.combine(top.urlVerdict, top.signals, { exceptionForHost: trusted });
    if ((page.verdict === 'suspicious' || page.verdict === 'lookalike') && page.target) {
      const v = frame.urlVerdict;
      const reasons: Verdict['reasons'] = ['brand-content', 'sensitive-form'];
      if (frame.signals?.sensitiveInput) reasons.push('sensitive-input');
      return { url: v.url, host: v.host, verdict: 'suspicious', target: page.target, reasons, ...(page.organization ? { organization: page.organization } : {}) };
    }
    // The page names an organisation but asks for nothing itself: its name, the frame's fields.
    const brands = top.signals?.brandOrgIds ?? [];
    if (trusted || page.verdict !== 'unknown' || !brands.length || !frame.signals) return null;
    const joined = this.combine(frame.urlVerdict, { ...frame.signals, brandOrgIds: brands }, { exceptionForHost: this.proceeded(tabId, frame.urlVerdict.host) });
    return joined.verdict === 'suspicious' ? joined : null;
  }

  /** Whether the top frame is an unknown page whose content was not read yet (see framedBy). */
  topUnread(tabId: number): boolean {
    const top = this.tabs.get(tabId)?.frames['0'];
    return !!top && top.urlVerdict.verdict === 'unknown' && !top.signals && !this.proceeded(tabId, top.urlVerdict.host);
  }

  /** Sub-frames whose verdict depends on the top frame's (those that reported sensitive fields). */
  framesWithFields(tabId: number): number[] {
    const tab = this.tabs.get(tabId);
    if (!tab) return [];
    return Object.entries(tab.frames)
      .filter(([key, f]) => key !== '0' && !!f.signals?.sensitive.length)
      .map(([key]) => Number(key));
  }

  /**
   * The tab's verdict: the warning shown, else the top frame's combined verdict, escalated to a
   * sub-frame's when that one is more severe and not merely official/unknown (a fake form in a frame).
   */
  tabVerdict(tabId: number): Verdict | null {
    const tab = this.tabs.get(tabId);
    if (!tab) return null;
    if (tab.warning) return tab.warning;
    let best = this.frameVerdict(tabId, 0);
    for (const key of Object.keys(tab.frames)) {
      if (key === '0') continue;
      const v = this.frameVerdict(tabId, Number(key));
      if (!v || SEVERITY[v.verdict] < SEVERITY.suspicious) continue;
      if (!best || SEVERITY[v.verdict] > SEVERITY[best.verdict]) best = v;
    }
    return best;
  }

  toJSON(): Record<string, TabState> {
    return Object.fromEntries([...this.tabs].map(([id, t]) => [String(id), t]));
  }

  /** Restores a `toJSON()` snapshot; malformed entries are dropped. */
  load(snapshot: Record<string, unknown>): void {
    for (const [id, value] of Object.entries(snapshot)) {
      const tabId = Number(id);
      if (!Number.isInteger(tabId) || !value || typeof value !== 'object') continue;
      const t = value as Partial<TabState>;
      if (!t.frames || typeof t.frames !== 'object') continue;
      this.tabs.set(tabId, {
        frames: t.frames as Record<string, FrameState>,
        warning: t.warning ?? null,
        lastSafeUrl: typeof t.lastSafeUrl === 'string' ? t.lastSafeUrl : null,
      });
    }
  }
}
