import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { createEngine } from '@/lib/engine';
import { combineVerdict } from '@/lib/decision';
import { DEFAULT_POLICY_SETTINGS, mergeSettings } from '@/lib/policy';
import { onManagedPolicyChanged, readManagedPolicy } from '@/lib/browser/managed';
import { createShell } from '@/lib/browser/shell';
import { pushFrameState, requestBrandSurvey } from '@/lib/browser/page-bridge';
import { loadCurrentList, startListSync } from '@/lib/browser/sync-runner';
import { reportWarning, startSocReporting } from '@/lib/browser/soc';
import type { SettingsInfo } from '@/lib/messages';

/** Administrator policy (managed storage) merged over defaults; a missing or broken policy means defaults. */
async function loadPolicy(): Promise<SettingsInfo> {
  // (No managed storage, no policy installed, Firefox without a policies.json entry: no policy.)
  const { policy } = await readManagedPolicy();
  const { settings, locked } = mergeSettings(DEFAULT_POLICY_SETTINGS, null, policy);
  return {
    settings: {
      allowProceed: settings.allowProceed,
      allowUserExceptions: settings.allowUserExceptions,
      extraOfficialDomains: settings.extraOfficialDomains,
      blockedDomains: settings.blockedDomains,
      listUrl: settings.listUrl,
      reportUrl: settings.reportUrl,
      syncIntervalMinutes: settings.syncIntervalMinutes,
    },
    locked: [...locked].map(String),
  };
}

export default defineBackground(() => {
  const shell = createShell({
    // The last good signed list from storage (never older than the bundled one), loaded before any verdict.
    loadCurrentList,
    // Only when the administrator set reportUrl: {url, verdict, target, reasons, time, version}, queued.
    onWarningShown: (verdict) => void reportWarning(verdict),
    loadPolicy,
    createEngine,
    // The banner/dialog script goes only into the frames that ask for it (page-guard.js stays tiny).
    injectPageUi: async (tabId, frameId) => {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/page-ui.js'] });
    },
    // A flagged frame is told at once (the page guard asks nothing on its own until a field appears).
    pushFrameState: async (tabId, frameId, state) => {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        func: pushFrameState,
        args: [state],
        injectImmediately: true,
      });
    },
    // A sub-frame asks for sensitive data: the top page is asked what it presents itself as.
    surveyTopFrame: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: requestBrandSurvey, injectImmediately: true });
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/page-ui.js'] });
    },
    // A frame with no page signals keeps its URL verdict.
    combine: (v, signals, opts) => (signals ? combineVerdict(v, signals, opts) : v),
    badgeStrings: () => ({
      defaultTitle: i18n.t('extName'),
      official: (org) => i18n.t('common_badgeOfficial', [org]),
      professionalOnly: (org) => i18n.t('common_badgeProfessional', [org]),
      danger: (target) => i18n.t('common_badgeDanger', [target]),
      dangerUnnamed: i18n.t('common_badgeDangerUnnamed'),
    }),
  });

  // Listeners are registered synchronously on every service-worker start, so the events that woke
  // it are delivered; each handler waits for the list and engine (`shell.ready`) before judging.
  const frames = { url: [{ schemes: ['http', 'https'] }] };
  browser.webNavigation.onBeforeNavigate.addListener((d) => void shell.onBeforeNavigate(d), frames);
  browser.webNavigation.onCommitted.addListener((d) => void shell.onCommitted(d));
  browser.webNavigation.onCompleted.addListener((d) => void shell.onCompleted(d));
  browser.tabs.onRemoved.addListener((tabId) => shell.onTabRemoved(tabId));
  browser.tabs.onReplaced.addListener((added, removed) => shell.onTabReplaced(added, removed));
  browser.runtime.onMessage.addListener((message, sender) => shell.onMessage(message, sender));
  shell.watchStorage();
  // Signed list sync on install, startup and every syncIntervalMinutes (alarms); a new list rebuilds the engine.
  startListSync({ onListChanged: () => void shell.reload(), onStatusChanged: () => void shell.reload() });
  startSocReporting();

  // A new administrator policy rebuilds the engine (extra official / blocked domains may change),
  // and so does the slow first answer of storage.managed when it differs from the policy used meanwhile.
  onManagedPolicyChanged(() => void shell.reload());
});
