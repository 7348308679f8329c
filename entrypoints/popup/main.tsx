import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { request } from '@/lib/browser/rpc';
import { listStatusSchema, verdictSchema } from '@/lib/messages';
import { invalidVerdict } from '@/lib/tab-state';
import { setDocumentLanguage } from '@/components/lang';
import '@/components/styles.css';
import './popup.css';

setDocumentLanguage();

async function main() {
  const root = document.getElementById('app')!;
  render(<Popup verdict={null} listStatus={null} version="" />, root);
  // popup.html?tabId=N shows another tab's status (the popup opened as a page, e.g. for diagnostics).
  const forced = Number(new URLSearchParams(location.search).get('tabId') ?? NaN);
  const tabId = Number.isInteger(forced) && forced >= 0 ? forced : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  const [verdict, listStatus] = await Promise.all([
    tabId != null ? request(verdictSchema, { type: 'getTabVerdict', tabId }) : null,
    request(listStatusSchema, { type: 'getListStatus' }),
  ]);
  render(
    <Popup
      verdict={verdict ?? invalidVerdict('')}
      listStatus={listStatus}
      version={browser.runtime.getManifest().version}
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />,
    root,
  );
}

void main();
