import { i18n } from '#i18n';

/**
 * The pages are written with lang="fr"; when the browser shows our English strings, say so, so that
 * screen readers pronounce them in English. (default_locale is fr: any other UI language gets French.)
 */
export function setDocumentLanguage(): void {
  const ui = i18n.t('@@ui_locale') || 'fr';
  document.documentElement.lang = ui.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
