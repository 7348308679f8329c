import { i18n } from '#i18n';
import type { UserException } from '@/lib/exceptions';
import type { ListStatus, SettingsInfo } from '@/lib/messages';
import { BreachExplainer } from './BreachExplainer';
import { HelpLinks } from './HelpLinks';
import { ListStatusView, formatDate } from './ListStatus';
import { Reflexes } from './Reflexes';

export interface OptionsViewProps {
  exceptions: UserException[];
  settings: SettingsInfo | null;
  listStatus: ListStatus | null;
  showOfficialBadge: boolean;
  onRemove: (host: string) => void;
  onShowOfficialBadge: (value: boolean) => void;
}

type AdminKey = keyof SettingsInfo['settings'];
const ADMIN_KEYS: { key: AdminKey; label: () => string }[] = [
  { key: 'allowProceed', label: () => i18n.t('options_setting_allowProceed') },
  { key: 'allowUserExceptions', label: () => i18n.t('options_setting_allowUserExceptions') },
  { key: 'extraOfficialDomains', label: () => i18n.t('options_setting_extraOfficialDomains') },
  { key: 'blockedDomains', label: () => i18n.t('options_setting_blockedDomains') },
  { key: 'listUrl', label: () => i18n.t('options_setting_listUrl') },
  { key: 'reportUrl', label: () => i18n.t('options_setting_reportUrl') },
  { key: 'syncIntervalMinutes', label: () => i18n.t('options_setting_syncIntervalMinutes') },
];

function showValue(v: unknown): string {
  if (v === true) return i18n.t('options_yes');
  if (v === false) return i18n.t('options_no');
  if (Array.isArray(v)) return v.length ? v.join(', ') : i18n.t('options_none');
  if (v === null || v === undefined || v === '') return i18n.t('options_none');
  return String(v);
}

export function OptionsView(p: OptionsViewProps) {
  const exceptionsDisabled = p.settings?.settings.allowUserExceptions === false;
  const locked = new Set(p.settings?.locked ?? []);
  return (
    <main class="options">
      <h1>{i18n.t('options_title')}</h1>

      <section aria-labelledby="exceptions-title">
        <h2 id="exceptions-title">{i18n.t('options_exceptionsTitle')}</h2>
        <p>{i18n.t('options_exceptionsIntro')}</p>
        {exceptionsDisabled && <p class="warning-text">{i18n.t('options_exceptionsDisabled')}</p>}
        {p.exceptions.length === 0 ? (
          <p class="muted">{i18n.t('options_exceptionsEmpty')}</p>
        ) : (
          <ul class="exceptions">
            {p.exceptions.map((e) => (
              <li key={e.host}>
                <span class="exception-host">{e.host}</span>{' '}
                <span class="muted">
                  {[
                    e.target ? i18n.t('options_exceptionImitates', [e.target]) : null,
                    e.addedAt ? i18n.t('options_exceptionAdded', [formatDate(new Date(e.addedAt).toISOString())]) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>{' '}
                <button type="button" class="button button-quiet" onClick={() => p.onRemove(e.host)}>
                  {i18n.t('options_remove', [e.host])}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{i18n.t('options_settingsTitle')}</h2>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={p.showOfficialBadge}
            onChange={(e) => p.onShowOfficialBadge((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {i18n.t('options_showOfficialBadge')}
        </label>
      </section>

      {p.settings && (
        <section aria-labelledby="admin-title">
          <h2 id="admin-title">{i18n.t('options_adminTitle')}</h2>
          <p>{i18n.t('options_adminIntro')}</p>
          <dl class="admin-settings">
            {ADMIN_KEYS.map(({ key, label }) => (
              <div key={key} class={locked.has(key) ? 'locked' : undefined}>
                <dt>{label()}</dt>
                <dd>
                  {showValue(p.settings!.settings[key])}
                  {locked.has(key) ? (
                    <span class="lock">
                      {' '}
                      <span aria-hidden="true">🔒</span> {i18n.t('common_locked')}
                    </span>
                  ) : (
                    <span class="muted"> ({i18n.t('options_default')})</span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section aria-labelledby="list-title">
        <h2 id="list-title">{i18n.t('common_listTitle')}</h2>
        {/* ListStatus comes from the background; synchronisation fills lastCheck / lastError / stale. */}
        <ListStatusView status={p.listStatus} />
      </section>

      <section id="fuite" aria-labelledby="breach-title">
        <h2 id="breach-title">{i18n.t('common_breachTitle')}</h2>
        <BreachExplainer />
        <h2>{i18n.t('common_reflexesTitle')}</h2>
        <Reflexes />
        <h2>{i18n.t('common_helpTitle')}</h2>
        <HelpLinks />
      </section>
    </main>
  );
}
