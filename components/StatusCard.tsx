import { i18n } from '#i18n';
import type { Verdict } from '@/lib/verdict';
import { officialUrl } from '@/lib/report-links';
import { ReasonList } from './ReasonList';
import { targetLabel } from './reasons';

/** The current site's status, as the popup shows it. `null` = still loading. */
export function StatusCard({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) {
    return (
      <section class="status status-loading" aria-busy="true">
        <p>{i18n.t('popup_loading')}</p>
      </section>
    );
  }
  const host = verdict.host ? <p class="status-host">{verdict.host}</p> : null;
  switch (verdict.verdict) {
    case 'official': {
      const name = verdict.organization?.name ?? verdict.target ?? verdict.host ?? '';
      return (
        <section class="status status-official" aria-labelledby="status-title">
          <h2 id="status-title">
            <span class="status-icon" aria-hidden="true">
              ✓
            </span>{' '}
            {verdict.organization?.professionalOnly
              ? i18n.t('popup_statusOfficialPro', [name])
              : i18n.t('popup_statusOfficial', [name])}
          </h2>
          {host}
        </section>
      );
    }
    case 'lookalike':
    case 'suspicious': {
      const target = targetLabel(verdict);
      const official = officialUrl(verdict.target);
      const title = !target
        ? i18n.t('popup_statusDangerUnnamed')
        : verdict.verdict === 'lookalike'
          ? i18n.t('popup_statusLookalike', [target])
          : i18n.t('popup_statusSuspicious', [target]);
      return (
        <section class="status status-danger" aria-labelledby="status-title" role="alert">
          <h2 id="status-title">
            <span class="status-icon" aria-hidden="true">
              !
            </span>{' '}
            {title}
          </h2>
          {host}
          <p>
            <strong>{i18n.t('popup_statusDangerHint')}</strong>
          </p>
          <ReasonList verdict={verdict} />
          {official && (
            <p>
              <a class="button button-primary" href={official} target="_blank" rel="noopener noreferrer">
                {i18n.t('popup_officialLink', [verdict.target!])}
              </a>
            </p>
          )}
        </section>
      );
    }
    case 'unknown':
      return (
        <section class="status status-unknown" aria-labelledby="status-title">
          <h2 id="status-title">{i18n.t('popup_statusUnknown')}</h2>
          {host}
          <p>{i18n.t('popup_statusUnknownHint')}</p>
        </section>
      );
    default:
      return (
        <section class="status status-unknown" aria-labelledby="status-title">
          <h2 id="status-title">{i18n.t('popup_statusInvalid')}</h2>
        </section>
      );
  }
}
