import { describe, expect, it } from 'vitest';
import { buildBrandMatcherData } from '../lib/brand-matcher';
import { combineVerdict, shouldGuardForms, type PageSignalsInput } from '../lib/decision';
import type { Verdict, VerdictKind } from '../lib/verdict';
import { testList } from './fixtures/brand-test-list';

const matcher = buildBrandMatcherData(testList);

function v(verdict: VerdictKind, extra: Partial<Verdict> = {}): Verdict {
  const host = 'espace-assure.example';
  return { url: `https://${host}/login`, host, verdict, target: null, reasons: [], ...extra };
}
const sig = (brandOrgIds: string[], sensitive: PageSignalsInput['sensitive'], sensitiveInput = false): PageSignalsInput => ({
  brandOrgIds,
  sensitive,
  sensitiveInput,
});
const noExc = { exceptionForHost: false, matcher };

describe('combineVerdict', () => {
  it('unknown + brand identity + NIR → suspicious naming the organisation and its official domain', () => {
    expect(combineVerdict(v('unknown'), sig(['assurance-maladie'], ['nir', 'password']), noExc)).toEqual({
      url: 'https://espace-assure.example/login',
      host: 'espace-assure.example',
      verdict: 'suspicious',
      target: 'ameli.fr',
      reasons: ['brand-content', 'sensitive-form'],
      organization: { id: 'assurance-maladie', name: 'Assurance Maladie (ameli, CPAM)' },
    });
  });

  it.each<[string, Verdict, PageSignalsInput, VerdictKind, string | null, string[]]>([
    ['brand alone on unknown: nothing', v('unknown'), sig(['assurance-maladie'], []), 'unknown', null, []],
    ['sensitive alone on unknown: nothing', v('unknown'), sig([], ['nir', 'card-number']), 'unknown', null, []],
    ['brand + birth date only: nothing (quote forms)', v('unknown'), sig(['mgen'], ['birth-date']), 'unknown', null, []],
    ['brand + password → suspicious', v('unknown'), sig(['mgen'], ['password']), 'suspicious', 'mgen.fr', ['brand-content', 'sensitive-form']],
    ['brand + IBAN → suspicious', v('unknown'), sig(['harmonie-mutuelle'], ['iban']), 'suspicious', 'harmonie-mutuelle.fr', ['brand-content', 'sensitive-form']],
    ['first known org is the target', v('unknown'), sig(['no-such-org', 'mgen', 'assurance-maladie'], ['card-number']), 'suspicious', 'mgen.fr', ['brand-content', 'sensitive-form']],
    ['unknown org ids only: nothing', v('unknown'), sig(['no-such-org'], ['card-number']), 'unknown', null, []],
    [
      'official never escalates',
      v('official', { target: 'ameli.fr', reasons: ['listed'] }),
      sig(['mgen'], ['nir', 'card-number'], true),
      'official',
      'ameli.fr',
      ['listed'],
    ],
    ['invalid stays invalid', v('invalid', { host: null }), sig(['mgen'], ['nir']), 'invalid', null, []],
    [
      'lookalike stays lookalike, gains page reasons',
      v('lookalike', { target: 'ameli.fr', reasons: ['typo'] }),
      sig(['assurance-maladie'], ['nir'], true),
      'lookalike',
      'ameli.fr',
      ['typo', 'brand-content', 'sensitive-form', 'sensitive-input'],
    ],
    [
      'suspicious + sensitive field → adds sensitive-form, keeps its target',
      v('suspicious', { target: 'mgen.fr', reasons: ['tld-swap'] }),
      sig([], ['password']),
      'suspicious',
      'mgen.fr',
      ['tld-swap', 'sensitive-form'],
    ],
    [
      'suspicious with nothing on the page stays as it was',
      v('suspicious', { target: 'mgen.fr', reasons: ['brand-token'] }),
      sig([], []),
      'suspicious',
      'mgen.fr',
      ['brand-token'],
    ],
    [
      'reasons are not duplicated',
      v('suspicious', { target: 'ameli.fr', reasons: ['brand-content', 'sensitive-form'] }),
      sig(['assurance-maladie'], ['nir']),
      'suspicious',
      'ameli.fr',
      ['brand-content', 'sensitive-form'],
    ],
  ])('%s', (_name, url, signals, verdict, target, reasons) => {
    const out = combineVerdict(url, signals, noExc);
    expect(out.verdict).toBe(verdict);
    expect(out.target).toBe(target);
    expect(out.reasons).toEqual(reasons);
  });

  it.each([
    ['mesdemarches.gouv.fr', 'unknown'], // only the State holds gouv.fr names
    ['www.services.gouv.fr', 'unknown'],
    ['gouv.fr.espace-assure.example', 'suspicious'], // the suffix spelled at the start is nothing
    ['espace-gouv.fr', 'suspicious'], // a name ending in "gouv" under .fr is anyone's
  ])('a government site (%s) that names an organisation and asks for a NIR → %s', (host, verdict) => {
    const url = v('unknown', { host, url: `https://${host}/demarche` });
    expect(combineVerdict(url, sig(['assurance-maladie'], ['nir']), noExc).verdict).toBe(verdict);
  });

  it('a host the user trusts is not escalated by content', () => {
    expect(combineVerdict(v('unknown'), sig(['mgen'], ['nir']), { exceptionForHost: true, matcher }).verdict).toBe('unknown');
  });

  it('without matcher data nothing can be named, so nothing escalates', () => {
    expect(combineVerdict(v('unknown'), sig(['mgen'], ['nir']), { exceptionForHost: false, matcher: null }).verdict).toBe('unknown');
  });

  it('does not mutate its input', () => {
    const url = v('suspicious', { target: 'mgen.fr', reasons: ['tld-swap'] });
    combineVerdict(url, sig(['mgen'], ['nir']), noExc);
    expect(url.reasons).toEqual(['tld-swap']);
  });
});

describe('shouldGuardForms', () => {
  it.each<[VerdictKind, boolean, boolean]>([
    ['suspicious', false, true],
    ['suspicious', true, true],
    ['lookalike', false, false], // the full-page warning is in front; nothing to guard yet
    ['lookalike', true, true],
    ['official', true, false],
    ['unknown', true, false],
    ['invalid', false, false],
  ])('%s, proceeded=%s → %s', (verdict, proceeded, guard) => {
    expect(shouldGuardForms({ verdict }, { proceeded })).toBe(guard);
  });
});
