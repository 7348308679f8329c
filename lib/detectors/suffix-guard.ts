import type { Brand } from '../engine-index';
import type { HostView } from '../host-view';

/**
 * A French organisation's name, or a near miss of it, under a foreign country's domain (`allianz.com.br`,
 * `abril.com.br`, `satis.fi`) is far more often a local namesake or a sister company than a fake aimed at
 * French users; fakes keep the brand's own suffix or use a generic or cheap one (.com, .net, .info, .xyz,
 * .co, .me, .tk…). Used by the weaker, name-only detectors (typo, tld-swap); embedding and
 * combosquatting apply under every suffix.
 */
const FRANCE_OR_GENERIC_CCTLDS = new Set([
  'fr', 're', 'yt', 'pm', 'wf', 'tf', 'nc', 'pf', 'gp', 'mq', 'gf', 'bl', 'mf', // France and overseas
  'eu', 'be', 'ch', 'lu', 'mc', // French-speaking neighbours
  'co', 'io', 'me', 'cc', 'ws', 'tk', 'ml', 'ga', 'cf', 'gq', 'to', 'ly', 'su', 'la', 'cx', 'nu', 'tv', 'in', // sold as generic
]);

export function suffixTargetsFrance(view: HostView, brand: Brand): boolean {
  return brand.suffixes.includes(view.suffix) || !isForeignCountrySuffix(view.suffix);
}

/** Whether a public suffix ends with the code of a country other than France (and not one sold as generic). */
export function isForeignCountrySuffix(suffix: string): boolean {
  const last = suffix.slice(suffix.lastIndexOf('.') + 1);
  return last.length === 2 && !FRANCE_OR_GENERIC_CCTLDS.has(last);
}
