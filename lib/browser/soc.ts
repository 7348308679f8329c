import { browser } from 'wxt/browser';
import { buildReport, SocReporter } from '../soc-report';
import type { Verdict } from '../verdict';
import { socQueueStore } from './list-store';
import { loadEffectiveSettings } from './managed';

/**
 * SOC reporting glue (policy `reportUrl`). `reportWarning` is called by the background each time
 * it shows a warning; without a reportUrl it does nothing and stores nothing.
 */

export const SOC_RETRY_ALARM = 'vigie-soc-retry';

const reporter = new SocReporter({ store: socQueueStore, now: () => Date.now(), random: Math.random });

async function flush(reportUrl: string): Promise<void> {
  const r = await reporter.flush((u, i) => fetch(u, i), reportUrl);
  const next = (await reporter.snapshot()).nextAttemptAt;
  if (r.remaining > 0 && next !== null) await browser.alarms.create(SOC_RETRY_ALARM, { when: Math.max(next, Date.now() + 60_000) });
}

/** Queue and send a report for a warning that was just shown. Never throws. */
export async function reportWarning(verdict: Pick<Verdict, 'url' | 'verdict' | 'target' | 'reasons'>): Promise<void> {
  try {
    const { settings } = await loadEffectiveSettings();
    if (!settings.reportUrl) return;
    const report = buildReport(verdict, Date.now(), browser.runtime.getManifest().version);
    if (!report) return;
    await reporter.enqueue(report);
    await flush(settings.reportUrl);
  } catch (e) {
    console.warn('[vigie] SOC report:', e);
  }
}

/** Call once, synchronously, in the background's main function: retries queued reports. */
export function startSocReporting(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SOC_RETRY_ALARM) void retry();
  });
  void retry();
}

async function retry(): Promise<void> {
  try {
    const { settings } = await loadEffectiveSettings();
    if (!settings.reportUrl) {
      // The administrator removed the endpoint: drop what was queued for it.
      if ((await reporter.snapshot()).queue.length) await reporter.clear();
      return;
    }
    await flush(settings.reportUrl);
  } catch (e) {
    console.warn('[vigie] SOC retry:', e);
  }
}
