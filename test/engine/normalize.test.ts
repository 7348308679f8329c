import { describe, expect, it } from 'vitest';
import { normalizeUrl, pathHostedSite } from '../../lib/normalize';

describe('normalizeUrl', () => {
  it.each([
    ['https://ameli.fr/', 'ameli.fr', 'ameli.fr', 'fr', ''],
    ['HTTPS://WWW.AMELI.FR./x', 'www.ameli.fr', 'ameli.fr', 'fr', 'www'],
    ['https://user:pw@www.ameli.fr:8443/?q=1#f', 'www.ameli.fr', 'ameli.fr', 'fr', 'www'],
    ['https://ameli.fr@evil.example/', 'evil.example', 'evil.example', 'example', ''],
    ['ameli.fr', 'ameli.fr', 'ameli.fr', 'fr', ''],
    ['ameli.fr:443/path', 'ameli.fr', 'ameli.fr', 'fr', ''],
    ['//ameli.fr/x', 'ameli.fr', 'ameli.fr', 'fr', ''],
    ['https://17cyber.gouv.fr/', '17cyber.gouv.fr', '17cyber.gouv.fr', 'gouv.fr', ''],
    ['https://a.b.example.co.uk/', 'a.b.example.co.uk', 'example.co.uk', 'co.uk', 'a.b'],
    ['https://ameli.netlify.app/', 'ameli.netlify.app', 'ameli.netlify.app', 'netlify.app', ''],
    ['https://x.ameli.blogspot.com/', 'x.ameli.blogspot.com', 'ameli.blogspot.com', 'blogspot.com', 'x'],
    ['https://amélі.fr/', 'xn--aml-cma005b.fr', 'xn--aml-cma005b.fr', 'fr', ''],
    ['https://xn--amli-bpa.fr/', 'xn--amli-bpa.fr', 'xn--amli-bpa.fr', 'fr', ''],
  ])('%s', (input, host, domain, suffix, subdomain) => {
    const n = normalizeUrl(input);
    expect(n.kind).toBe('host');
    if (n.kind !== 'host') return;
    expect(n.host).toBe(host);
    expect(n.domain).toBe(domain);
    expect(n.suffix).toBe(suffix);
    expect(n.subdomain).toBe(subdomain);
  });

  it.each([
    ['https://ameli.fr@evil.example/', ['ameli.fr']],
    ['https://WWW.Ameli.FR:s%C3%A9same@185.234.72.19/', ['www.ameli.fr', 'sésame']],
    ['https://ameli%2Efr@evil.example/', ['ameli.fr']],
    ['https://:pw@evil.example/', ['pw']],
    ['https://%E0%A4%A@evil.example/', undefined], // undecodable: dropped, the host is still read
    ['https://evil.example/a@b', undefined],
    ['https://ameli.fr/', undefined],
  ])('keeps what %s puts before "@", decoded', (input, userinfo) => {
    const n = normalizeUrl(input);
    expect(n.kind).toBe('host');
    if (n.kind === 'host') expect(n.userinfo).toEqual(userinfo);
  });

  it('marks hosting platforms as private suffixes', () => {
    const n = normalizeUrl('https://ameli.netlify.app/');
    expect(n.kind === 'host' && n.privateSuffix).toBe(true);
    const m = normalizeUrl('https://ameli.fr/');
    expect(m.kind === 'host' && m.privateSuffix).toBe(false);
  });

  it.each([
    ['http://127.0.0.1/', 'ip'],
    ['http://0x7f.1/', 'ip'],
    ['http://2130706433/', 'ip'],
    ['http://[2001:db8::1]/', 'ip'],
    ['http://localhost:8080/', 'local'],
    ['http://printer/', 'local'],
    ['http://app.localhost/', 'local'],
    ['localhost:8080', 'local'], // a name then ":digits" is a host and port, unless the name is a known scheme (tel:3646)
    ['intranet:8443/x', 'local'],
  ])('%s is %s (no registrable domain)', (input, hostType) => {
    const n = normalizeUrl(input);
    expect(n.kind).toBe('host');
    if (n.kind === 'host') {
      expect(n.hostType).toBe(hostType);
      expect(n.domain).toBeNull();
    }
  });

  it.each(['""', '(null)', '-', '/PortailAS/appmanager', '\\\\x', 'http://a"b.fr/', 'tel:3646', 'sms:38660', 'javascript:1', 'data:1', 'about:blank', 'data:,x', 'javascript:void(0)', 'file:///etc/hosts', 'mailto:a@ameli.fr', 'chrome-extension://abc/x.html', 'blob:null/1', 'blob:ameli.fr/1', 'blob:blob:https://ameli.fr/1', 'ftp://ameli.fr/', '', ' ', 'http://', 'http:// ameli.fr', 'https://a..fr/', 'https://ameli.fr\u0007/', 'https://xn--ameli-remboursement.fr/', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', 'GET /assure HTTP/1.1'])(
    '%j is invalid',
    (input) => expect(normalizeUrl(input).kind).toBe('invalid'),
  );

  it.each([
    ['blob:https://ameli-remboursement.com/4f1c-9a2e', 'ameli-remboursement.com'],
    ['BLOB:http://www.ameli.fr/x', 'www.ameli.fr'],
  ])('a blob: URL (%s) is judged as the origin that made it', (input, host) => {
    const n = normalizeUrl(input);
    expect(n.kind === 'host' && n.host).toBe(host);
  });

  it.each([
    ['https://sites.google.com/view/ameli-aide', 'ameli-aide.sites.google.com'],
    ['sites.google.com/site/MGEN-Adherent/page', 'mgen-adherent.sites.google.com'],
    ['https://sites.google.com/view/%61meli', 'ameli.sites.google.com'],
    ['https://sites.google.com/view/', null],
    ['https://sites.google.com/view/%E0%A4%A', null], // a broken escape
    ['https://sites.google.com/view/a_b', null],
    ['https://sites.google.com/view/-ameli', null],
    [`https://sites.google.com/view/${'a'.repeat(64)}`, null],
    ['https://sites.google.com/ac-paris.fr/ecole', null],
  ])('a site on a builder that names sites by path (%s) reads as %s', (input, site) => {
    const n = pathHostedSite('sites.google.com', input);
    expect(n?.host ?? null).toBe(site);
    if (n) expect([n.suffix, n.privateSuffix, n.domain]).toEqual(['sites.google.com', true, site]);
  });

  it('fast path and full URL parser agree on the host', () => {
    const samples = ['https://www.ameli.fr/', 'http://a-b.c-d.fr:80/x', 'https://ameli.fr.', 'https://x1.y2.com?q', 'https://face.be/', 'https://cafe.fr#x'];
    for (const s of samples) {
      const n = normalizeUrl(s);
      expect(n.kind === 'host' && n.host).toBe(new URL(s).hostname.replace(/\.$/, ''));
    }
  });
});

describe('fast path agrees with the URL parser', () => {
  it.each([
    'https://www.ameli.fr/', 'http://a-b.c-d.fr:80/x', 'https://ameli.fr.', 'https://x1.y2.com?q', 'https://face.be/', 'https://cafe.fr#x',
    'https://ab.cd', 'https://0x7f.1/', 'https://1.2.3.4/', 'https://user:pw@ameli.fr/', 'https://ameli.fr:80@evil.example/',
    'https://ameli.fr\\evil.example/', 'https://AMELI.fr/', 'https://am%65li.fr/', 'https://ameli.fr:99999/', 'https://-ameli.fr/',
    'https://ameli-.fr/', 'https://a..b.fr/', 'https://ameli.fr:/x', 'http://ameli.fr?x', 'https://xn--meli-43d.fr/',
  ])('%s', (input) => {
    const n = normalizeUrl(input);
    let expected: string | null = null;
    try {
      expected = new URL(input).hostname.replace(/\.$/, '');
    } catch {
      expected = null;
    }
    if (n.kind === 'host') expect(n.host).toBe(expected);
    else expect(expected === null || expected.includes('..') || expected === '').toBe(true);
  });
});
