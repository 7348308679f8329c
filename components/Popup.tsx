import { i18n } from '#i18n';
import type { ListStatus } from '@/lib/messages';
import type { Verdict } from '@/lib/verdict';
import { BreachExplainer } from './BreachExplainer';
import { HelpLinks } from './HelpLinks';
import { ListStatusView } from './ListStatus';
import { Reflexes } from './Reflexes';
import { ReportActions } from './ReportActions';
import { StatusCard } from './StatusCard';

export interface PopupProps {
  /** null while loading. */
  verdict: Verdict | null;
  listStatus: ListStatus | null;
  version: string;
  onOpenOptions?: () => void;
}

/** The toolbar popup: the site's status first, everything else folded (short at first sight). */
export function Popup({ verdict, listStatus, version, onOpenOptions }: PopupProps) {
  const web = verdict && /^https?:/i.test(verdict.url);
  return (
    <main>
      <header>
        <h1>{i18n.t('popup_title')}</h1>
      </header>
      <StatusCard verdict={verdict} />
      {web && verdict.verdict !== 'official' && (
        <details>
          <summary>
            <h2>{i18n.t('common_reportTitle')}</h2>
          </summary>
          <ReportActions url={verdict.url} host={verdict.host} target={verdict.target} version={version} />
        </details>
      )}
      <details>
        <summary>
          <h2>{i18n.t('common_breachTitle')}</h2>
        </summary>
        <BreachExplainer />
      </details>
      <details>
        <summary>
          <h2>{i18n.t('common_reflexesTitle')}</h2>
        </summary>
        <Reflexes />
      </details>
      <details>
        <summary>
          <h2>{i18n.t('common_helpTitle')}</h2>
        </summary>
        <HelpLinks />
      </details>
      <footer>
        <p class="muted">{i18n.t('popup_privacy')}</p>
        <ListStatusView status={listStatus} compact />
        <p>
          <a
            href="/options.html"
            target="_blank"
            onClick={(e) => {
              if (onOpenOptions) {
                e.preventDefault();
                onOpenOptions();
              }
            }}
          >
            {i18n.t('popup_options')}
          </a>
        </p>
      </footer>
    </main>
  );
}
