import { parse } from 'tldts';

/**
 * Turns any string a browser may navigate to into the parts the detectors need, or says why it cannot
 * be judged. Hostnames come out lower-case, without trailing dot, punycode for IDN (what the URL
 * parser gives), with userinfo and port dropped: `https://ameli.fr@evil.example` is evil.example.
 */
export type NormalizedUrl =
  | { kind: 'invalid'; host: string | null; why: string }
  | {
      kind: 'host';
      host: string;
      /** What the host is: a named host under a public suffix, an IP, or something local. */
      hostType: 'domain' | 'ip' | 'local';
      /** Registrable domain (eTLD+1, private suffixes such as netlify.app count as suffixes). */
      domain: string | null;
      /** Public suffix, e.g. "fr", "gouv.fr", "netlify.app". */
      suffix: string | null;
      /** The label left of the suffix ("ameli" for www.ameli.fr). */
      sld: string | null;
      /** Labels left of the registrable domain ("www"), joined with dots; "" when none. */
      subdomain: string;
      /** Whether the suffix comes from the PSL private section (hosting platforms). */
      privateSuffix: boolean;
      /**
       * What the address put before "@" (user name, then password), decoded, lower case: the browser
       * ignores it, a phisher puts an official name there (`https://ameli.fr@evil.example`). Absent when none.
       */
      userinfo?: string[];
    };

const MAX_INPUT = 8192;
/** What a host name is made of once the URL parser has put it in ASCII (IDN as xn--): letters, digits, dot, hyphen, underscore. */
const HOST_CHARS = /^[a-z0-9._-]+$/;
const WEB_SCHEME = /^https?:\/\//i;
const ANY_SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Fast path for the common shape, http(s)://host[:port][/?#…] with a lower-case ASCII host: the host
 * the URL parser would give, or null to let the parser decide (userinfo, upper case, IDN, odd IPv4
 * spellings such as 0x7f.1, percent-escapes, backslashes…).
 */
function simpleHost(input: string): string | null {
  const start = input.startsWith('https://') ? 8 : input.startsWith('http://') ? 7 : -1;
  if (start < 0) return null;
  let i = start;
  let numeric = true; // only characters that could spell an IPv4 address in some base: let the parser decide
  let prev = 46; // '.'
  for (; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const letter = c >= 97 && c <= 122;
    if (letter || (c >= 48 && c <= 57)) {
      if (letter && c > 102 && c !== 120) numeric = false; // beyond 'f', and not the 'x' of 0x
    } else if (c === 45) {
      if (prev === 46) return null; // label starting with '-'
    } else if (c === 46) {
      if (prev === 46 || prev === 45) return null; // empty label, or label ending with '-'
    } else break;
    prev = c;
  }
  const end = i;
  if (end === start || prev === 45) return null;
  if (i < input.length && input.charCodeAt(i) === 58) {
    // :port, digits only, then the end of the authority
    let digits = 0;
    for (i++; i < input.length && input.charCodeAt(i) >= 48 && input.charCodeAt(i) <= 57; i++) digits++;
    if (digits === 0 || digits > 5 || Number(input.slice(i - digits, i)) > 65535) return null;
  }
  if (i < input.length) {
    const c = input.charCodeAt(i);
    if (c !== 47 && c !== 63 && c !== 35) return null; // '/', '?', '#'
  }
  if (numeric) return null;
  const host = input.slice(start, end);
  // An xn-- label must be valid Punycode, which only the URL parser checks ("xn--ameli-remboursement.fr" is no address).
  if (host.includes('xn--')) return null;
  return prev === 46 ? host.slice(0, -1) : host;
}

/**
 * The host normalizeUrl would give `raw`, when raw has the common shape simpleHost reads (no
 * surrounding space, not too long); null otherwise (then only normalizeUrl can tell). Lets the engine
 * settle most hosts before looking up their public suffix.
 */
export function plainWebHost(raw: string): string | null {
  const n = raw.length;
  if (n === 0 || n > MAX_INPUT || raw.charCodeAt(0) <= 32 || raw.charCodeAt(n - 1) <= 32) return null;
  return simpleHost(raw);
}

const TLDTS_OPTIONS = {
  allowPrivateDomains: true,
  // Hosts reach tldts already canonical (URL parser or the strict fast-path pattern) and IPs are
  // recognised before the call, so tldts's own checks would be work done twice.
  detectIp: false,
  extractHostname: false,
  validateHostname: false,
  mixedInputs: false,
} as const;

/**
 * Schemes a browser or a mail/SMS link uses for something other than a web page: "tel:3646" and
 * "javascript:1" are not the host "tel" on port 3646. Other names before ":digits" are read as
 * host and port (localhost:8080, intranet:8443).
 */
const NON_WEB_SCHEMES = new Set([
  'about', 'blob', 'callto', 'chrome', 'chrome-extension', 'data', 'edge', 'fax', 'file', 'filesystem', 'ftp', 'geo',
  'intent', 'javascript', 'magnet', 'mailto', 'market', 'moz-extension', 'news', 'sip', 'sips', 'skype', 'sms',
  'tel', 'urn', 'view-source', 'webcal', 'ws', 'wss',
]);

/** The host of an input simpleHost did not take (see normalizeUrl). */
function hostFromInput(input: string): { host: string; userinfo?: string[] } | { invalid: string; host?: string } {
  // Control characters make a line garbage (the URL parser would quietly drop some of them).
  if (/[\u0000-\u001f\u007f]/.test(input)) return { invalid: 'control characters' };

  let candidate = input;
  // A blob: URL belongs to the page that made it: "blob:https://evil.example/uuid" is evil.example's
  // (how a kit serves a whole page from script). Judged as that origin.
  if (/^blob:/i.test(candidate) && WEB_SCHEME.test(candidate.slice(5))) candidate = candidate.slice(5);
  if (!WEB_SCHEME.test(candidate)) {
    const scheme = ANY_SCHEME.exec(candidate);
    // "localhost:8080" and "ameli.fr:443" parse as a scheme; a real scheme has no dot and is not all digits after ':'.
    const looksLikeHostPort = scheme && !NON_WEB_SCHEMES.has(scheme[1]!.toLowerCase()) && /^[^:/]+:\d+(?:[/?#]|$)/.test(candidate);
    if (scheme && !looksLikeHostPort) return { invalid: `not a web URL (${scheme[1]!.toLowerCase()}:)` };
    // Without a scheme, a name without a dot followed by words is what a browser searches for, not an
    // address ("Mozilla/5.0 (Windows…" in a log); "ameli.fr/mon compte" is still read.
    if (/\s/.test(candidate) && !/^[^/\s]*\.[^/\s]*(?:[/?#]|$)/.test(candidate)) return { invalid: 'a search, not an address' };
    if (candidate.startsWith('//')) candidate = 'http:' + candidate;
    // A path alone ("/PortailAS/appmanager" in a log) names no host: the URL parser would take its first segment for one.
    else if (candidate.startsWith('/') || candidate.startsWith('\\')) return { invalid: 'a path, not an address' };
    else candidate = 'http://' + candidate;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { invalid: 'unparseable URL' };
  }
  if (!url.hostname) return { invalid: 'no host' };
  // The parser accepts hosts no DNS name can be ('""', "(null)", "-"): log junk, not a site.
  if (!url.hostname.startsWith('[') && (!HOST_CHARS.test(url.hostname) || !/[a-z0-9]/.test(url.hostname))) return { invalid: 'not a host name', host: url.hostname };
  if (!url.username && !url.password) return { host: url.hostname };
  const userinfo = [url.username, url.password].map(decodedPart).filter((part) => part.length > 0);
  return userinfo.length ? { host: url.hostname, userinfo } : { host: url.hostname };
}

/** A user name or password as the URL parser keeps it (percent-encoded), decoded and lower-cased; "" when undecodable. */
function decodedPart(raw: string): string {
  try {
    return decodeURIComponent(raw).trim().toLowerCase();
  } catch {
    return '';
  }
}

export function normalizeUrl(raw: string): NormalizedUrl {
  if (typeof raw !== 'string') return { kind: 'invalid', host: null, why: 'not a string' };
  const input = raw.length > 0 && raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
  if (!input) return { kind: 'invalid', host: null, why: 'empty' };
  if (input.length > MAX_INPUT) return { kind: 'invalid', host: null, why: 'too long' };

  const simple = simpleHost(input);
  if (simple) return normalizePlainHost(simple);
  const found = hostFromInput(input);
  if ('invalid' in found) return { kind: 'invalid', host: found.host ?? null, why: found.invalid };
  let host = found.host;
  while (host.endsWith('.')) host = host.slice(0, -1);
  if (!host) return { kind: 'invalid', host: null, why: 'no host' };
  if (host.includes('..')) return { kind: 'invalid', host, why: 'empty label in host' };

  const n = host.startsWith('[') || IPV4.test(host) ? local(host, 'ip') : !host.includes('.') || host === 'localhost' || host.endsWith('.localhost') ? local(host, 'local') : withSuffix(host);
  if (found.userinfo) n.userinfo = found.userinfo;
  return n;
}

/** normalizeUrl for a host plainWebHost (or simpleHost) gave. */
export function normalizePlainHost(simple: string): Extract<NormalizedUrl, { kind: 'host' }> {
  // Lower-case [a-z0-9.-], no empty label, no trailing dot, and a letter beyond 'f' (no IPv4): only
  // the checks below that such a host can fail.
  if (!simple.includes('.') || simple === 'localhost' || simple.endsWith('.localhost')) return local(simple, 'local');
  return withSuffix(simple);
}

/** A named host cut at its public suffix. */
function withSuffix(host: string): Extract<NormalizedUrl, { kind: 'host' }> {
  const info = parse(host, TLDTS_OPTIONS);
  if (!info.domain || !info.publicSuffix || !info.domainWithoutSuffix) {
    // A bare suffix (co.uk, netlify.app) or a host under an unknown TLD (intranet names like host.corp).
    return local(host, info.publicSuffix && info.isIcann !== null ? 'domain' : 'local');
  }
  return {
    kind: 'host',
    host,
    hostType: 'domain',
    domain: info.domain,
    suffix: info.publicSuffix,
    sld: info.domainWithoutSuffix,
    subdomain: info.subdomain ?? '',
    privateSuffix: info.isPrivate === true,
  };
}

function local(host: string, hostType: 'ip' | 'local' | 'domain'): Extract<NormalizedUrl, { kind: 'host' }> {
  return { kind: 'host', host, hostType, domain: null, suffix: null, sld: null, subdomain: '', privateSuffix: false };
}

/**
 * Site builders that name each user's site by a path rather than a subdomain, and the path segments
 * that come before the site's own name: sites.google.com/view/NAME (and the older /site/NAME).
 */
const PATH_HOSTS: ReadonlyMap<string, readonly string[]> = new Map([['sites.google.com', ['view', 'site']]]);
const PATH_HOST_LENGTHS = new Set([...PATH_HOSTS.keys()].map((h) => h.length));
const SITE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * For a URL on such a builder, its site read as a host on a hosting platform would be
 * ("ameli-aide.sites.google.com" under the suffix sites.google.com); null for any other URL.
 */
export function pathHostedSite(host: string, raw: string): Extract<NormalizedUrl, { kind: 'host' }> | null {
  if (!PATH_HOST_LENGTHS.has(host.length)) return null; // most hosts: no string hashed
  const before = PATH_HOSTS.get(host);
  if (!before) return null;
  let path: string;
  try {
    const input = raw.trim().replace(/^blob:/i, '');
    path = new URL(WEB_SCHEME.test(input) ? input : `http://${input.replace(/^\/\//, '')}`).pathname;
  } catch {
    return null;
  }
  const [, first, second] = path.split('/');
  if (!first || !second || !before.includes(first.toLowerCase())) return null;
  let name: string;
  try {
    name = decodeURIComponent(second).toLowerCase();
  } catch {
    return null;
  }
  if (!SITE_NAME.test(name)) return null;
  const site = `${name}.${host}`;
  return { kind: 'host', host: site, hostType: 'domain', domain: site, suffix: host, sld: name, subdomain: '', privateSuffix: true };
}

const TRANSLATE_PROXY = '.translate.goog';

/**
 * The site Google Translate's proxy shows at `host` (`www-ameli-fr.translate.goog` shows www.ameli.fr:
 * a dot of the original is written "-", a hyphen "--"), or null for any other host.
 */
export function translateProxySite(host: string): string | null {
  if (!host.endsWith(TRANSLATE_PROXY)) return null;
  const label = host.slice(0, -TRANSLATE_PROXY.length);
  if (!label || label.includes('.') || !label.includes('-')) return null;
  const site = label.replace(/--/g, '\u0000').replace(/-/g, '.').replace(/\u0000/g, '-');
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(site) ? site : null;
}
