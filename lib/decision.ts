import { orgById, type BrandMatcherData } from './brand-matcher';
import { isStateReservedHost } from './detectors/suffix-guard';
import type { SensitiveKind } from './messages';
import type { ReasonCode, Verdict } from './verdict';

/**
 * The combined decision (DESIGN.md "Data flow"): URL verdict + page signals → verdict shown to the user.
 * - official and invalid never change: page content can never make an official site suspicious.
 * - unknown escalates to suspicious only when the page presents itself as a listed organisation AND
 *   asks for a NIR, card, IBAN or password. A brand alone, or a sensitive field alone, changes nothing.
 *   A birth date alone does not escalate: every quote form asks for it.
 * - lookalike stays lookalike; lookalike and suspicious gain the page reasons (`brand-content`,
 *   `sensitive-form`, `sensitive-input`) so the UI can block submits and explain why.
 * - A host the user (or the administrator's policy via the exception list) chose to trust is not
 *   escalated by content; URL verdicts are left as they are. Nor is a name only the State can hold
 *   (gouv.fr, see suffix-guard.ts): a government site that names ameli and asks for a NIR is no fake.
 */

export interface PageSignalsInput {
  brandOrgIds: readonly string[];
  sensitive: readonly SensitiveKind[];
  sensitiveInput?: boolean;
}

export interface CombineOptions {
  /** The user chose "continue" for this host (or it is in their exceptions). */
  exceptionForHost: boolean;
  /** Org id → name and primary domain (the same data the content script got). */
  matcher: BrandMatcherData | null;
}

const ESCALATING: ReadonlySet<SensitiveKind> = new Set(['nir', 'card-number', 'card-expiry', 'card-cvv', 'iban', 'password']);

function withReasons(v: Verdict, add: ReasonCode[]): Verdict {
  const reasons = [...v.reasons];
  for (const r of add) if (!reasons.includes(r)) reasons.push(r);
  return { ...v, reasons };
}

export function combineVerdict(urlVerdict: Verdict, signals: PageSignalsInput, opts: CombineOptions): Verdict {
  const kind = urlVerdict.verdict;
  if (kind === 'official' || kind === 'invalid') return urlVerdict;

  const pageReasons: ReasonCode[] = [];
  if (signals.brandOrgIds.length) pageReasons.push('brand-content');
  if (signals.sensitive.length) pageReasons.push('sensitive-form');
  if (signals.sensitiveInput) pageReasons.push('sensitive-input');

  if (kind === 'lookalike' || kind === 'suspicious') return withReasons(urlVerdict, pageReasons);

  // unknown
  if (opts.exceptionForHost || !opts.matcher || isStateReservedHost(urlVerdict.host)) return urlVerdict;
  if (!signals.sensitive.some((k) => ESCALATING.has(k))) return urlVerdict;
  for (const id of signals.brandOrgIds) {
    const org = orgById(opts.matcher, id);
    const target = org?.domains[0];
    if (!org || !target) continue;
    return {
      url: urlVerdict.url,
      host: urlVerdict.host,
      verdict: 'suspicious',
      target,
      reasons: pageReasons,
      organization: { id: org.id, name: org.name },
    };
  }
  return urlVerdict;
}

/** Whether submits of sensitive forms are held and typed numbers checked on this page. */
export function shouldGuardForms(verdict: Pick<Verdict, 'verdict'>, state: { proceeded: boolean }): boolean {
  return verdict.verdict === 'suspicious' || (verdict.verdict === 'lookalike' && state.proceeded);
}
