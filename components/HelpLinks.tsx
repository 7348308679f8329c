import { i18n } from '#i18n';
import { HELP_LINKS } from '@/lib/help-links';

/** Official help, one line each. Phone services are tel: links (useful on phones, readable everywhere). */
export function HelpLinks() {
  return (
    <ul class="help-links">
      {HELP_LINKS.map((l) => (
        <li key={l.id}>
          {l.href.startsWith('tel:') ? (
            <a href={l.href}>{l.name}</a>
          ) : (
            <a href={l.href} target="_blank" rel="noopener noreferrer">
              {l.name}
            </a>
          )}{' '}
          : {i18n.t(l.descKey)}
        </li>
      ))}
    </ul>
  );
}
