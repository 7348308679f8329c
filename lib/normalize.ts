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
    };

const MAX_INPUT = 8192;
const WEB_SCHEME = /^https?:\/\//i;
const ANY_SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Fast path for the common shape: http(s)://host[:port][/?#…], lower-case ASCII host, no userinfo.
const SIMPLE = /^https?:\/\/([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)\.?(?::\d{1,5})?(?:[/?#]|$)/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV4_LIKE = /^[0-9.]+$|^0x|\.0x|^[0-9a-fx.]+$/i;

const TLDTS_OPTIONS = {
  allowPrivateDomains: true,
  // Hosts reach tldts already canonical (URL parser or the strict fast-path pattern) and IPs are
  // recognised before the call, so tldts's own checks would be work done twice.
  detectIp: false,
  extractHostname: false,
  validateHostname: false,
  mixedInputs: false,
} as const;

function hostFromInput(input: string): { host: string } | { invalid: string; host?: string } {
  const simple = SIMPLE.exec(input);
  if (simple && !simple[1]!.includes('..') && !IPV4_LIKE.test(simple[1]!)) return { host: simple[1]! };

  let candidate = input;
  if (!WEB_SCHEME.test(candidate)) {
    const scheme = ANY_SCHEME.exec(candidate);
    // "localhost:8080" and "ameli.fr:443" parse as a scheme; a real scheme has no dot and is not all digits after ':'.
    const looksLikeHostPort = scheme && /^[^:/]+:\d+(?:[/?#]|$)/.test(candidate);
    if (scheme && !looksLikeHostPort) return { invalid: `not a web URL (${scheme[1]!.toLowerCase()}:)` };
    if (candidate.startsWith('//')) candidate = 'http:' + candidate;
    else candidate = 'http://' + candidate;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { invalid: 'unparseable URL' };
  }
  if (!url.hostname) return { invalid: 'no host' };
  return { host: url.hostname };
}

export function normalizeUrl(raw: string): NormalizedUrl {
  if (typeof raw !== 'string') return { kind: 'invalid', host: null, why: 'not a string' };
  const input = raw.trim();
  if (!input) return { kind: 'invalid', host: null, why: 'empty' };
  if (input.length > MAX_INPUT) return { kind: 'invalid', host: null, why: 'too long' };
  // Whitespace or control characters inside the authority make it garbage, not a URL.
  if (/[\u0000-\u001f\u007f]/.test(input)) return { kind: 'invalid', host: null, why: 'control characters' };

  const found = hostFromInput(input);
  if ('invalid' in found) return { kind: 'invalid', host: found.host ?? null, why: found.invalid };
  let host = found.host;
  while (host.endsWith('.')) host = host.slice(0, -1);
  if (!host) return { kind: 'invalid', host: null, why: 'no host' };
  if (host.includes('..')) return { kind: 'invalid', host, why: 'empty label in host' };

  if (host.startsWith('[') || IPV4.test(host)) return local(host, 'ip');
  if (!host.includes('.') || host === 'localhost' || host.endsWith('.localhost')) return local(host, 'local');
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

function local(host: string, hostType: 'ip' | 'local' | 'domain'): NormalizedUrl {
  return { kind: 'host', host, hostType, domain: null, suffix: null, sld: null, subdomain: '', privateSuffix: false };
}
