import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { request } from '@/lib/browser/rpc';
import { listStatusSchema, verdictSchema } from '@/lib/messages';
import { invalidVerdict } from '@/lib/tab-state';
import '@/components/styles.css';
import './popup.css';

async function main() {
  const root = document.getElementById('app')!;
  render(<Popup verdict={null} listStatus={null} version="" />, root);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const [verdict, listStatus] = await Promise.all([
    tab?.id != null ? request(verdictSchema, { type: 'getTabVerdict', tabId: tab.id }) : null,
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
