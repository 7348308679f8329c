import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIST_URL,
  DEFAULT_POLICY_SETTINGS,
  mergeSettings,
  normaliseDomain,
  normaliseEndpointUrl,
  parseManagedPolicy,
  POLICY_KEYS,
} from '../lib/policy';
import schema from '../public/managed_schema.json';

const KEY_A = Buffer.alloc(32, 7).toString('base64');
const KEY_B = Buffer.alloc(32, 9).toString('base64');

describe('normaliseDomain', () => {
  it.each([
    ['Example.COM', 'example.com'],
    ['  mutuelle.fr ', 'mutuelle.fr'],
    ['*.intranet.example.fr', 'intranet.example.fr'],
    ['example.fr.', 'example.fr'],
    ['https://portail.mutuelle.fr/', 'portail.mutuelle.fr'],
    ['Bücher.de', 'xn--bcher-kva.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ])('%s → %s', (input, out) => expect(normaliseDomain(input)).toBe(out));

  it.each(['', 'localhost', 'example', '192.168.1.10', 'example.com/path', 'https://example.com/login', 'example.com:8443', 'user@example.com', 'exa mple.com', '-bad.example.com', 'example..com'])(
    'rejects %j',
    (input) => expect(normaliseDomain(input)).toBeNull(),
  );
});

describe('normaliseEndpointUrl', () => {
  it.each([
    ['https://lists.example.fr/vigie.json', 'https://lists.example.fr/vigie.json'],
    ['http://127.0.0.1:8080/list.json', 'http://127.0.0.1:8080/list.json'],
    ['http://localhost/list.json', 'http://localhost/list.json'],
  ])('accepts %s', (input, out) => expect(normaliseEndpointUrl(input)).toBe(out));
  it.each(['http://lists.example.fr/vigie.json', 'ftp://example.fr/x', 'not a url', 'https://user:pw@example.fr/', 'javascript:alert(1)'])(
    'rejects %s',
    (input) => expect(normaliseEndpointUrl(input)).toBeNull(),
  );
});

describe('parseManagedPolicy', () => {
  it('accepts a complete valid policy', () => {
    const { policy, warnings } = parseManagedPolicy({
      listUrl: 'https://lists.example.fr/vigie.json',
      listPublicKeys: [KEY_A, KEY_B],
      extraOfficialDomains: ['Mutuelle-Entreprise.fr', '*.intranet.example.fr'],
      blockedDomains: ['ameli-remboursement.example'],
      allowProceed: false,
      allowUserExceptions: false,
      reportUrl: 'https://soc.example.fr/vigie',
      syncIntervalMinutes: 60,
    });
    expect(warnings).toEqual([]);
    expect(policy).toEqual({
      listUrl: 'https://lists.example.fr/vigie.json',
      listPublicKeys: [KEY_A, KEY_B],
      extraOfficialDomains: ['mutuelle-entreprise.fr', 'intranet.example.fr'],
      blockedDomains: ['ameli-remboursement.example'],
      allowProceed: false,
      allowUserExceptions: false,
      reportUrl: 'https://soc.example.fr/vigie',
      syncIntervalMinutes: 60,
    });
  });

  it('drops bad values one by one and keeps the good ones', () => {
    const { policy, warnings } = parseManagedPolicy({
      listUrl: 'http://lists.example.fr/vigie.json', // http off loopback
      listPublicKeys: [KEY_A, 'not-base64!', Buffer.alloc(31).toString('base64'), KEY_A],
      extraOfficialDomains: ['ok.example.fr', 42, 'bad domain'],
      blockedDomains: 'ameli.example', // not an array
      allowProceed: 'no',
      allowUserExceptions: 0, // registry DWORD
      reportUrl: 12,
      syncIntervalMinutes: 1, // below the floor
      colour: 'red',
    });
    expect(policy).toEqual({ listPublicKeys: [KEY_A], extraOfficialDomains: ['ok.example.fr'], allowUserExceptions: false });
    const joined = warnings.join('\n');
    for (const word of ['listUrl', 'listPublicKeys[1]', 'listPublicKeys[2]', 'extraOfficialDomains[1]', 'extraOfficialDomains[2]', 'blockedDomains', 'allowProceed', 'reportUrl', 'syncIntervalMinutes', '"colour"'])
      expect(joined).toContain(word);
    expect(warnings).toHaveLength(10);
  });

  it('accepts arrays given as JSON strings and numeric strings for the interval', () => {
    const { policy, warnings } = parseManagedPolicy({ blockedDomains: '["a.example.com","b.example.com"]', syncIntervalMinutes: '120' });
    expect(warnings).toEqual([]);
    expect(policy).toEqual({ blockedDomains: ['a.example.com', 'b.example.com'], syncIntervalMinutes: 120 });
  });

  it.each([[0], [14], [10081], [60.5], [Number.NaN]])('rejects syncIntervalMinutes %s', (v) => {
    expect(parseManagedPolicy({ syncIntervalMinutes: v }).policy).toEqual({});
  });

  it.each([[undefined], [null], [{}]])('no policy (%j) is an empty policy without warnings', (raw) => {
    expect(parseManagedPolicy(raw)).toEqual({ policy: {}, warnings: [] });
  });

  it.each([['string'], [[1, 2]], [7]])('a non-object policy (%j) is ignored with a warning', (raw) => {
    const r = parseManagedPolicy(raw);
    expect(r.policy).toEqual({});
    expect(r.warnings).toHaveLength(1);
  });

  it('an empty reportUrl means not configured', () => {
    expect(parseManagedPolicy({ reportUrl: '' })).toEqual({ policy: {}, warnings: [] });
  });
});

describe('mergeSettings', () => {
  it('user settings apply when there is no policy', () => {
    const { settings, locked } = mergeSettings(DEFAULT_POLICY_SETTINGS, { allowProceed: false, syncIntervalMinutes: 60 }, {});
    expect(settings.allowProceed).toBe(false);
    expect(settings.syncIntervalMinutes).toBe(60);
    expect(settings.listUrl).toBe(DEFAULT_LIST_URL);
    expect(locked.size).toBe(0);
  });

  it('the policy always wins and locks its keys', () => {
    const { settings, locked } = mergeSettings(
      DEFAULT_POLICY_SETTINGS,
      { allowProceed: true, blockedDomains: ['user.example.com'], reportUrl: 'https://user.example/' },
      { allowProceed: false, blockedDomains: ['corp.example.com'] },
    );
    expect(settings.allowProceed).toBe(false);
    expect(settings.blockedDomains).toEqual(['corp.example.com']);
    expect(settings.reportUrl).toBe('https://user.example/'); // not locked: the user's value stands
    expect([...locked].sort()).toEqual(['allowProceed', 'blockedDomains']);
  });

  it('a policy false/empty value still wins over a user true/non-empty value', () => {
    const { settings, locked } = mergeSettings({ a: true, list: ['x'] }, { a: true, list: ['y'] }, { a: false, list: [] });
    expect(settings).toEqual({ a: false, list: [] });
    expect(locked).toEqual(new Set(['a', 'list']));
  });

  it('ignores keys not in the defaults and does not mutate inputs', () => {
    const defaults = { a: 1 };
    const user = { a: 2, evil: 3 } as unknown as Partial<typeof defaults>;
    const { settings } = mergeSettings(defaults, user, null);
    expect(settings).toEqual({ a: 2 });
    expect(defaults).toEqual({ a: 1 });
  });
});

describe('public/managed_schema.json', () => {
  it('declares exactly the eight DESIGN.md keys', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    expect(schema.type).toBe('object');
  });
  it('has the types the parser expects', () => {
    const p = schema.properties as Record<string, { type: string; items?: { type: string } }>;
    expect(p.listUrl!.type).toBe('string');
    expect(p.reportUrl!.type).toBe('string');
    expect(p.allowProceed!.type).toBe('boolean');
    expect(p.allowUserExceptions!.type).toBe('boolean');
    expect(p.syncIntervalMinutes!.type).toBe('integer');
    for (const k of ['listPublicKeys', 'extraOfficialDomains', 'blockedDomains']) expect(p[k]).toMatchObject({ type: 'array', items: { type: 'string' } });
  });
});
