import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { WarningInfo } from '@/lib/messages';
import { officialUrl } from '@/lib/report-links';
import { ReasonList } from './ReasonList';
import { ReportActions } from './ReportActions';
import { targetLabel } from './reasons';

export interface WarningViewProps {
  /** undefined while loading; null when the background holds no warning for this tab and id. */
  info: WarningInfo | null | undefined;
  version: string;
  breachHref: string;
  onBack: () => void;
  /** Resolves false when the background refused (the page then says so). */
  onProceed: () => Promise<boolean>;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** Full-page warning: what is happening, what to do, in that order. */
export function WarningView({ info, version, breachHref, onBack, onProceed }: WarningViewProps) {
  const [failed, setFailed] = useState(false);
  if (info === undefined) return <main class="warning" aria-busy="true" />;
  if (info === null) {
    return (
      <main class="warning">
        <h1>{i18n.t('warning_noWarning')}</h1>
        <p>{i18n.t('warning_noWarningHint')}</p>
        <p>
          <button type="button" class="button button-primary" onClick={onBack}>
            {i18n.t('warning_back')}
          </button>
        </p>
      </main>
    );
  }
  const v = info.verdict;
  const target = targetLabel(v);
  const orgName = v.organization?.name ?? target;
  const official = officialUrl(v.target);
  const host = v.host ?? hostOf(info.url);
  return (
    <main class="warning">
      <div class="warning-head">
        <p class="warning-icon" aria-hidden="true">
          !
        </p>
        <h1>{target ? i18n.t('warning_title', [target]) : i18n.t('warning_titleUnnamed')}</h1>
      </div>
      <p class="lead">{orgName ? i18n.t('warning_lead', [orgName]) : i18n.t('warning_leadUnnamed')}</p>
      <p class="lead">
        <strong>{i18n.t('warning_doNotType')}</strong>
      </p>
      <p>
        {i18n.t('warning_visited')} <span class="blocked-host">{host}</span>
      </p>
      {info.subFrame && <p>{i18n.t('warning_subFrame')}</p>}
      <div class="actions">
        <button type="button" class="button button-primary" onClick={onBack} autoFocus>
          {i18n.t('warning_back')}
        </button>
        {official && v.target && (
          <a class="button" href={official}>
            {i18n.t('warning_goOfficial', [v.target])}
          </a>
        )}
      </div>

      <h2>{i18n.t('warning_whyTitle')}</h2>
      <ReasonList verdict={v} />

      <h2>{i18n.t('warning_alreadyTitle')}</h2>
      <p>{i18n.t('common_reflex7')}</p>

      <h2>{i18n.t('common_reportTitle')}</h2>
      <ReportActions url={info.url} host={host} target={v.target} version={version} />

      <p>
        <a href={breachHref} target="_blank" rel="noopener">
          {i18n.t('warning_breachLink')}
        </a>
      </p>

      <section class="continue" aria-labelledby="continue-title">
        <h2 id="continue-title">{i18n.t('warning_continueTitle')}</h2>
        {info.allowProceed ? (
          <>
            <p class="muted">{info.remembered ? i18n.t('warning_continueRemembered') : i18n.t('warning_continueOnce')}</p>
            <button
              type="button"
              class="button button-quiet"
              onClick={() => void onProceed().then((ok) => setFailed(!ok))}
            >
              {i18n.t('warning_continue', [host])}
            </button>
            {failed && (
              <p class="warning-text" role="alert">
                {i18n.t('warning_continueFailed')}
              </p>
            )}
          </>
        ) : (
          <p>{i18n.t('warning_continueForbidden')}</p>
        )}
      </section>
    </main>
  );
}
