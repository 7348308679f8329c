import { render } from 'preact';
import { i18n } from '#i18n';
import { OptionsView } from '@/components/OptionsView';
import { request } from '@/lib/browser/rpc';
import { userExceptions, userSettings } from '@/lib/browser/storage';
import { listStatusSchema, okSchema, settingsInfoSchema, type ListStatus, type SettingsInfo } from '@/lib/messages';
import type { UserException } from '@/lib/exceptions';
import { setDocumentLanguage } from '@/components/lang';
import '@/components/styles.css';
import './options.css';

setDocumentLanguage();

document.title = i18n.t('options_pageTitle');
const root = document.getElementById('app')!;
let state: { exceptions: UserException[]; settings: SettingsInfo | null; listStatus: ListStatus | null; showOfficialBadge: boolean } = {
  exceptions: [],
  settings: null,
  listStatus: null,
  showOfficialBadge: true,
};

function draw() {
  render(
    <OptionsView
      {...state}
      // Removal goes through the background, which owns the cached copy used for verdicts.
      onRemove={(host) => void request(okSchema, { type: 'removeException', host })}
      onShowOfficialBadge={(value) => void userSettings.getValue().then((s) => userSettings.setValue({ ...s, showOfficialBadge: value }))}
    />,
    root,
  );
}

async function load() {
  const [exceptions, us, settings, listStatus] = await Promise.all([
    userExceptions.getValue(),
    userSettings.getValue(),
    request(settingsInfoSchema, { type: 'getSettings' }),
    request(listStatusSchema, { type: 'getListStatus' }),
  ]);
  state = { exceptions, settings, listStatus, showOfficialBadge: us.showOfficialBadge };
  draw();
  if (location.hash === '#fuite') document.getElementById('fuite')?.scrollIntoView();
}

userExceptions.watch((v) => {
  state = { ...state, exceptions: v ?? [] };
  draw();
});
draw();
void load();
