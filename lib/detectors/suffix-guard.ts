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

/**
 * Top-level domains sold cheaply and over-represented in phishing: dnstwist's abused_tlds (minus the
 * generic com, net, eu, cn, cc, app; ../shared/research/anchors.md) and a few of the same kind. A short
 * brand alone there (`maif.live`, `mgen.online`) is read as a TLD swap, as it would be under .fr: its
 * namesakes elsewhere (a company called MGEN abroad) register .com, not .live.
 */
const ABUSED_TLDS = new Set([
  'ga', 'gq', 'tk', 'ml', 'cf', 'info', 'ooo', 'xyz', 'online', 'site', 'wang', 'work', 'rest', 'buzz', 'top', 'fit',
  'click', 'live', 'icu', 'shop', 'store', 'support', 'vip', 'cyou', 'cfd', 'sbs', 'bond', 'lat', 'quest', 'website', 'space',
]);

export function isAbusedSuffix(suffix: string): boolean {
  return ABUSED_TLDS.has(suffix);
}

export function suffixTargetsFrance(view: HostView, brand: Brand): boolean {
  return brand.suffixes.includes(view.suffix) || !isForeignCountrySuffix(view.suffix);
}

/** Whether a public suffix ends with the code of a country other than France (and not one sold as generic). */
export function isForeignCountrySuffix(suffix: string): boolean {
  const last = suffix.slice(suffix.lastIndexOf('.') + 1);
  return last.length === 2 && !FRANCE_OR_GENERIC_CCTLDS.has(last);
}

/**
 * Public suffixes whose names only the French State can hold: Afnic delegates gouv.fr to the
 * government's own services, so a name there (francetravail.gouv.fr, moncompte-formation.gouv.fr) may
 * be unlisted but cannot be a fake someone registered. Nothing in such a name is a sign of imitation;
 * only the list's blocked hosts still count there.
 */
const RESERVED_TO_THE_STATE = new Set(['gouv.fr']);
const RESERVED_LENGTHS = new Set([...RESERVED_TO_THE_STATE].map((s) => s.length));

export function isReservedToTheState(suffix: string | null): boolean {
  return suffix !== null && RESERVED_LENGTHS.has(suffix.length) && RESERVED_TO_THE_STATE.has(suffix); // (most suffixes: no string hashed)
}

/** The same test on a host name: it ends with a State-reserved suffix (below it, not the suffix itself). */
export function isStateReservedHost(host: string | null | undefined): boolean {
  if (!host) return false;
  for (const suffix of RESERVED_TO_THE_STATE) if (host.length > suffix.length + 1 && host.endsWith(suffix) && host.charCodeAt(host.length - suffix.length - 1) === 46) return true;
  return false;
}
