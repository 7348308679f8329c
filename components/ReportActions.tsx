import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { REPORT_SERVICES, falsePositiveReportUrl, type ReportService } from '@/lib/report-links';

const LABEL: Record<ReportService['id'], () => string> = {
  'phishing-initiative': () => i18n.t('common_report_phishingInitiative'),
  pharos: () => i18n.t('common_report_pharos'),
  'signal-spam': () => i18n.t('common_report_signalSpam'),
};

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Report buttons. None of these services documents a prefill parameter, so the address is copied
 * to the clipboard (and said so) and the service opens in a new tab. Nothing is sent by us.
 */
export function ReportActions(props: { url: string; host: string | null; target: string | null; version: string }) {
  const [note, setNote] = useState<string | null>(null);
  const open = async (s: ReportService) => {
    const ok = s.copyUrl ? await copy(props.url) : true;
    setNote(ok ? i18n.t('common_copied') : i18n.t('common_copyFailed', [props.url]));
    window.open(s.url, '_blank', 'noopener');
  };
  return (
    <div class="report">
      <p>{i18n.t('common_reportIntro')}</p>
      <ul class="report-buttons">
        {REPORT_SERVICES.map((s) => (
          <li key={s.id}>
            <button type="button" class="button" onClick={() => void open(s)}>
              {LABEL[s.id]()} <span class="visually-hidden">{i18n.t('common_newTab')}</span>
            </button>
          </li>
        ))}
      </ul>
      <p class="report-note" role="status" aria-live="polite">
        {note}
      </p>
      <p>
        <a href={falsePositiveReportUrl(props.host, props.target, props.version)} target="_blank" rel="noopener noreferrer">
          {i18n.t('common_falsePositive')}
        </a>
        <br />
        <small>{i18n.t('common_falsePositiveNote')}</small>
      </p>
    </div>
  );
}
