// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { parse } from 'yaml';
import type { Verdict } from '@/lib/verdict';
import type { ListStatus, WarningInfo } from '@/lib/messages';

// The real French strings, with Chrome-style $1 substitutions (what users read).
const fr = parse(readFileSync(resolve(__dirname, '../components/locales/fr.yml'), 'utf8')) as Record<string, string>;
vi.mock('#i18n', () => ({
  i18n: {
    t: (key: string, subs?: string[]) => {
      const msg = fr[key];
      if (msg === undefined) throw new Error(`missing fr key ${key}`);
      return msg.replace(/\$(\d)/g, (_, i) => subs?.[Number(i) - 1] ?? '');
    },
  },
}));

const { StatusCard } = await import('@/components/StatusCard');
const { ReasonList } = await import('@/components/ReasonList');
const { HelpLinks } = await import('@/components/HelpLinks');
const { BreachExplainer } = await import('@/components/BreachExplainer');
const { ListStatusView, formatDate } = await import('@/components/ListStatus');
const { WarningView } = await import('@/components/WarningView');
const { Popup } = await import('@/components/Popup');
const { OptionsView } = await import('@/components/OptionsView');
const { REASON_CODES } = await import('@/lib/verdict');
const { reasonText } = await import('@/components/reasons');

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.appendChild(root);
  render(node, root);
  return root;
}
afterEach(() => {
  document.body.innerHTML = '';
});

const ameliOrg = { id: 'assurance-maladie', name: 'Assurance Maladie (ameli, CPAM)' };
const lookalike: Verdict = {
  url: 'http://ameli-remboursement.fr/connexion',
  host: 'ameli-remboursement.fr',
  verdict: 'lookalike',
  target: 'ameli.fr',
  reasons: ['combosquat'],
  organization: ameliOrg,
};

describe('StatusCard', () => {
  const cases: [string, Verdict, RegExp, RegExp | null][] = [
    ['official', { url: 'https://www.ameli.fr/', host: 'www.ameli.fr', verdict: 'official', target: 'ameli.fr', reasons: ['listed'], organization: ameliOrg }, /Site officiel de Assurance Maladie/, null],
    ['lookalike', lookalike, /Danger : ce site imite ameli\.fr/, /Ne saisissez aucune information/],
    ['suspicious', { ...lookalike, verdict: 'suspicious', reasons: ['brand-content', 'sensitive-form'] }, /Prudence : ce site ressemble à ameli\.fr/, /se présente comme ameli\.fr/],
    // Unknown is never called safe.
    ['unknown', { url: 'https://example.org/', host: 'example.org', verdict: 'unknown', target: null, reasons: [] }, /Aucun lien avec un organisme de santé connu/, /ne prouve pas que le site est sûr/],
    ['invalid', { url: 'chrome://newtab/', host: null, verdict: 'invalid', target: null, reasons: [] }, /n'est pas un site web analysé/, null],
  ];
  it.each(cases)('%s', (_n, verdict, heading, body) => {
    const el = mount(<StatusCard verdict={verdict} />);
    expect(el.querySelector('h2')!.textContent).toMatch(heading);
    if (body) expect(el.textContent).toMatch(body);
    expect(el.querySelector('h2')!.textContent).not.toMatch(/sûr|sécurisé|fiable/); // the headline never says "safe"
  });
  it('links to the real site on danger', () => {
    const el = mount(<StatusCard verdict={lookalike} />);
    const a = el.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://ameli.fr/');
    expect(a.textContent).toBe('Le vrai site : ameli.fr');
  });
  it('shows a loading state', () => {
    expect(mount(<StatusCard verdict={null} />).textContent).toMatch(/Analyse en cours/);
  });
});

describe('reasons', () => {
  it('every reason code has a French sentence naming the target where relevant', () => {
    for (const code of REASON_CODES) {
      const text = reasonText(code, 'ameli.fr');
      expect(text.length, code).toBeGreaterThan(10);
      expect(text, code).not.toMatch(/\$\d|undefined/);
    }
    expect(reasonText('typo', 'ameli.fr')).toBe("L'adresse imite ameli.fr, à une ou deux lettres près.");
    expect(reasonText('homoglyph', 'ameli.fr')).toBe('Des caractères déguisés imitent ameli.fr.');
  });
  it('lists each reason once', () => {
    const el = mount(<ReasonList verdict={{ ...lookalike, reasons: ['typo', 'idn', 'typo'] }} />);
    expect([...el.querySelectorAll('li')].map((l) => l.textContent)).toEqual([
      "L'adresse imite ameli.fr, à une ou deux lettres près.",
      'L\'adresse utilise des caractères inhabituels (accents ou autres alphabets).',
    ]);
  });
});

describe('HelpLinks', () => {
  it('ships only the addresses supported by the research notes (context.md §c), one line each', () => {
    const el = mount(<HelpLinks />);
    const hrefs = [...el.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://www.cybermalveillance.gouv.fr/',
      'https://17cyber.gouv.fr/',
      'https://www.33700.fr/',
      'https://www.internet-signalement.gouv.fr/',
      'https://www.signal-spam.fr/',
      'https://phishing-initiative.eu/',
      'https://www.service-public.fr/particuliers/vosdroits/R46526',
      'https://www.ameli.fr/assure/droits-demarches/principes/attention-appels-courriels-sms-frauduleux',
      'tel:3646',
      'tel:+33805805817',
    ]);
    for (const a of el.querySelectorAll('a[target=_blank]')) expect(a.getAttribute('rel')).toContain('noopener');
    expect(el.textContent).toMatch(/0 805 805 817/);
  });
});

describe('BreachExplainer', () => {
  it('states what was and was not exposed', () => {
    const t = mount(<BreachExplainer />).textContent!;
    expect(t).toMatch(/Viamedis et Almerys/);
    expect(t).toMatch(/février 2024/);
    expect(t).toMatch(/33 millions/);
    expect(t).toMatch(/numéro de sécurité sociale \(NIR\)/);
    expect(t).toMatch(/Coordonnées bancaires, données médicales, remboursements, adresse postale/);
    expect(t).toMatch(/peut donc quand même être une arnaque/);
  });
});

describe('ListStatusView', () => {
  const status: ListStatus = { version: 12, generatedAt: '2026-11-20T10:00:00Z', expiresAt: '2027-02-20T00:00:00Z', source: 'bundled', organizations: 77, expired: false };
  it('compact line and full status, with the sync slots', () => {
    expect(mount(<ListStatusView status={status} compact />).textContent).toMatch(/Version 12, du 20 novembre 2026/);
    expect(formatDate('2026-12-01T12:00:00.000Z')).toBe('1er décembre 2026');
    expect(formatDate('2026-12-11T12:00:00.000Z')).toBe('11 décembre 2026');
    const full = mount(<ListStatusView status={{ ...status, expired: true, lastError: 'HTTP 503', stale: true, lastCheck: '2026-11-23T08:00:00Z' }} />).textContent!;
    expect(full).toMatch(/77 organismes/);
    expect(full).toMatch(/dépassé sa date de validité/);
    expect(full).toMatch(/HTTP 503/);
    expect(full).toMatch(/Dernière vérification/);
  });
});

describe('WarningView', () => {
  const info: WarningInfo = { id: 'i', url: lookalike.url, verdict: lookalike, allowProceed: true, remembered: true, subFrame: false };
  const props = { version: '0.1.0', breachHref: 'chrome-extension://x/options.html#fuite', onBack: () => {}, onProceed: async () => true };

  it('names the imitated site, says what to do, and offers the real address', () => {
    const el = mount(<WarningView info={info} {...props} />);
    expect(el.querySelector('h1')!.textContent).toBe("Ce site n'est pas ameli.fr");
    expect(el.textContent).toMatch(/Ne saisissez aucune information/);
    expect(el.textContent).toMatch(/ameli-remboursement\.fr/);
    const buttons = [...el.querySelectorAll('button, a.button')].map((b) => b.textContent!.trim());
    expect(buttons[0]).toBe('Retour en sécurité');
    expect(buttons).toContain('Aller sur le vrai site : ameli.fr');
    expect(buttons).toContain('Continuer quand même vers ameli-remboursement.fr');
    expect(el.querySelector('a[href="https://ameli.fr/"]')).not.toBeNull();
    // Headings are in order and every button has an accessible name.
    expect([...el.querySelectorAll('h1, h2')].map((h) => h.tagName)).toEqual(['H1', 'H2', 'H2', 'H2', 'H2']);
    for (const b of el.querySelectorAll('button')) expect(b.textContent!.trim().length).toBeGreaterThan(3);
  });
  it('"continue" calls the background, and says so when it is refused', async () => {
    const onProceed = vi.fn(async () => false);
    const el = mount(<WarningView info={info} {...props} onProceed={onProceed} />);
    const cont = [...el.querySelectorAll('button')].find((b) => b.textContent!.startsWith('Continuer'))!;
    cont.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(onProceed).toHaveBeenCalledTimes(1);
    expect(el.querySelector('[role=alert]')!.textContent).toMatch(/Impossible de continuer/);
  });
  it('hides "continue" when the administrator forbids it; says when it is not remembered', () => {
    let el = mount(<WarningView info={{ ...info, allowProceed: false }} {...props} />);
    expect([...el.querySelectorAll('button')].some((b) => b.textContent!.startsWith('Continuer'))).toBe(false);
    expect(el.textContent).toMatch(/ne permet pas de continuer/);
    el = mount(<WarningView info={{ ...info, remembered: false }} {...props} />);
    expect(el.textContent).toMatch(/l'avertissement reviendra/);
  });
  it('report buttons copy the address and say so; false-positive link carries the host only', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const el = mount(<WarningView info={{ ...info, url: 'http://ameli-remboursement.fr/c?token=secret' }} {...props} />);
    const pi = [...el.querySelectorAll('button')].find((b) => b.textContent!.includes('Phishing Initiative'))!;
    pi.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(writeText).toHaveBeenCalledWith('http://ameli-remboursement.fr/c?token=secret');
    expect(open).toHaveBeenCalledWith('https://phishing-initiative.eu/', '_blank', 'noopener');
    expect(el.querySelector('[role=status]')!.textContent).toMatch(/Adresse copiée/);
    const fp = [...el.querySelectorAll('a')].find((a) => a.textContent!.includes('légitime'))!;
    const href = fp.getAttribute('href')!;
    expect(href.startsWith('https://github.com/vigie-sante/vigie-sante/issues/new?')).toBe(true);
    expect(decodeURIComponent(href)).toContain('ameli-remboursement.fr');
    expect(decodeURIComponent(href)).not.toContain('token=secret');
  });
  it('a forged or stale warning shows no "continue"', () => {
    const el = mount(<WarningView info={null} {...props} />);
    expect(el.textContent).toMatch(/n'est plus valide/);
    expect([...el.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Retour en sécurité']);
  });
});

describe('Popup', () => {
  it('status first, the rest folded; report only for web pages that are not official', () => {
    const el = mount(<Popup verdict={lookalike} listStatus={null} version="0.1.0" />);
    expect(el.querySelector('.status')).not.toBeNull();
    const summaries = [...el.querySelectorAll('details > summary')].map((s) => s.textContent);
    expect(summaries).toEqual(['Signaler ce site', "La fuite de données de 2024 : ce qu'il faut savoir", 'Les bons réflexes', 'Aide officielle']);
    for (const d of el.querySelectorAll('details')) expect(d.hasAttribute('open')).toBe(false);
    const official = mount(<Popup verdict={{ ...lookalike, verdict: 'official', reasons: ['listed'] }} listStatus={null} version="0.1.0" />);
    expect([...official.querySelectorAll('summary')].map((s) => s.textContent)).not.toContain('Signaler ce site');
  });
});

describe('OptionsView', () => {
  const base = {
    exceptions: [{ host: 'ameli-remboursement.fr', addedAt: Date.UTC(2026, 10, 20), verdict: 'lookalike' as const, target: 'ameli.fr' }],
    settings: {
      settings: { allowProceed: true, allowUserExceptions: true, extraOfficialDomains: ['intranet.example.fr'], blockedDomains: [], listUrl: 'https://l.example/list.json', reportUrl: null, syncIntervalMinutes: 360 },
      locked: ['extraOfficialDomains'],
    },
    listStatus: null,
    showOfficialBadge: true,
    onShowOfficialBadge: () => {},
  };
  it('lists exceptions with a named remove button', () => {
    const onRemove = vi.fn();
    const el = mount(<OptionsView {...base} onRemove={onRemove} />);
    const btn = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Retirer ameli-remboursement.fr')!;
    btn.click();
    expect(onRemove).toHaveBeenCalledWith('ameli-remboursement.fr');
    expect(el.textContent).toMatch(/imite ameli\.fr · ajouté le 20 novembre 2026/);
  });
  it('shows administrator-locked settings read-only with a lock label', () => {
    const el = mount(<OptionsView {...base} onRemove={() => {}} />);
    const locked = [...el.querySelectorAll('dl.admin-settings .locked')];
    expect(locked).toHaveLength(1);
    expect(locked[0]!.textContent).toMatch(/Sites officiels ajoutés.*intranet\.example\.fr.*Fixé par votre administrateur/);
    expect(el.querySelectorAll('dl.admin-settings input')).toHaveLength(0);
    expect(el.querySelector('#fuite')).not.toBeNull();
  });
  it('says when the administrator disabled exceptions', () => {
    const el = mount(
      <OptionsView {...base} settings={{ ...base.settings, settings: { ...base.settings.settings, allowUserExceptions: false }, locked: ['allowUserExceptions'] }} onRemove={() => {}} />,
    );
    expect(el.textContent).toMatch(/désactivé les exceptions/);
  });
});
