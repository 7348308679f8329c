import { i18n } from '#i18n';

/** The reflexes (context.md §d), short. */
export function Reflexes() {
  const items = [
    i18n.t('common_reflex1'),
    i18n.t('common_reflex2'),
    i18n.t('common_reflex3'),
    i18n.t('common_reflex4'),
    i18n.t('common_reflex5'),
    i18n.t('common_reflex6'),
    i18n.t('common_reflex7'),
  ];
  return (
    <ul class="reflexes">
      {items.map((t) => (
        <li key={t}>{t}</li>
      ))}
    </ul>
  );
}
