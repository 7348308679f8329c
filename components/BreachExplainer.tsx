import { i18n } from '#i18n';

/** The 2024 Viamedis / Almerys breach in plain French (facts: ../shared/research/context.md §a). */
export function BreachExplainer() {
  return (
    <div class="breach">
      <p>{i18n.t('common_breachWhat')}</p>
      <h3>{i18n.t('common_breachExposedTitle')}</h3>
      <p>{i18n.t('common_breachExposed')}</p>
      <h3>{i18n.t('common_breachNotExposedTitle')}</h3>
      <p>{i18n.t('common_breachNotExposed')}</p>
      <h3>{i18n.t('common_breachWhyTitle')}</h3>
      <p>
        <strong>{i18n.t('common_breachWhy')}</strong>
      </p>
      <p>{i18n.t('common_breachCheck')}</p>
    </div>
  );
}
