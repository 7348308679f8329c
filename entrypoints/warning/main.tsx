import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { WarningView } from '@/components/WarningView';
import { request } from '@/lib/browser/rpc';
import { okSchema, warningInfoSchema, type WarningInfo } from '@/lib/messages';
import { setDocumentLanguage } from '@/components/lang';
import '@/components/styles.css';
import './warning.css';

setDocumentLanguage();

// The hash only carries the id of the pending warning; what is shown and where "continue" goes
// come from the background's record for this tab, so forged parameters achieve nothing.
const id = new URLSearchParams(location.hash.slice(1)).get('id') ?? '';
const root = document.getElementById('app')!;
const version = browser.runtime.getManifest().version;
const breachHref = browser.runtime.getURL('/options.html') + '#fuite';
document.title = i18n.t('warning_pageTitle');

function show(info: WarningInfo | null | undefined) {
  render(
    <WarningView
      info={info}
      version={version}
      breachHref={breachHref}
      onBack={() => {
        void request(okSchema, { type: 'warningBack', id }).then((r) => {
          if (!r?.ok) history.length > 1 ? history.back() : window.close();
        });
      }}
      onProceed={async () => (await request(okSchema, { type: 'warningProceed', id }))?.ok === true}
    />,
    root,
  );
}

show(undefined);
void request(warningInfoSchema.nullable(), { type: 'getWarning', id }).then((info) => show(info));
