import { i18n } from '#i18n';
import type { ListStatus } from '@/lib/messages';

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
  // French writes the first day of a month as an ordinal: "1er décembre".
  return text.startsWith('1 ') ? `1er${text.slice(1)}` : text;
}

function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
}

/** The list in use. `compact` = one line (popup); otherwise the full status (options). */
export function ListStatusView({ status, compact = false }: { status: ListStatus | null; compact?: boolean }) {
  if (!status) return null;
  const version = i18n.t('common_listVersion', [String(status.version), formatDate(status.generatedAt)]);
  if (compact) {
    return (
      <p class="list-status-compact">
        {i18n.t('common_listTitle')} : {version}
      </p>
    );
  }
  return (
    <dl class="list-status">
      <dt class="visually-hidden">{i18n.t('common_listTitle')}</dt>
      <dd>
        {version} ({status.source === 'synced' ? i18n.t('common_listSourceSynced') : i18n.t('common_listSourceBundled')})
      </dd>
      <dd>{i18n.t('common_listOrganizations', [String(status.organizations)])}</dd>
      <dd class={status.expired ? 'warning-text' : undefined}>
        {status.expired
          ? i18n.t('common_listExpired', [formatDate(status.expiresAt)])
          : i18n.t('common_listValidUntil', [formatDate(status.expiresAt)])}
      </dd>
      {status.lastCheck && <dd>{i18n.t('common_listLastCheck', [formatDateTime(status.lastCheck)])}</dd>}
      {status.lastError && <dd class="warning-text">{i18n.t('common_listLastError', [status.lastError])}</dd>}
      {status.stale && <dd class="warning-text">{i18n.t('common_listStale')}</dd>}
    </dl>
  );
}
