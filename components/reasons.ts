import { i18n } from '#i18n';
import type { ReasonCode, Verdict } from '@/lib/verdict';

/** One plain-words sentence per reason code; `target` is the imitated (or official) name. */
export function reasonText(code: ReasonCode, target: string): string {
  switch (code) {
    case 'homoglyph':
      return i18n.t('reason_homoglyph', [target]);
    case 'typo':
      return i18n.t('reason_typo', [target]);
    case 'embedding':
      return i18n.t('reason_embedding', [target]);
    case 'combosquat':
      return i18n.t('reason_combosquat', [target]);
    case 'tld-swap':
      return i18n.t('reason_tldSwap', [target]);
    case 'brand-token':
      return i18n.t('reason_brandToken', [target]);
    case 'free-hosting':
      return i18n.t('reason_freeHosting', [target]);
    case 'idn':
      return i18n.t('reason_idn');
    case 'userinfo':
      return i18n.t('reason_userinfo', [target]);
    case 'split-name':
      return i18n.t('reason_splitName', [target]);
    case 'blocked':
      return i18n.t('reason_blocked');
    case 'brand-content':
      return i18n.t('reason_brandContent', [target]);
    case 'sensitive-form':
      return i18n.t('reason_sensitiveForm');
    case 'sensitive-input':
      return i18n.t('reason_sensitiveInput');
    case 'listed':
      return i18n.t('reason_listed', [target]);
    case 'login-host':
      return i18n.t('reason_loginHost');
    case 'professional-only':
      return i18n.t('reason_professionalOnly');
    case 'policy-official':
      return i18n.t('reason_policyOfficial');
  }
}

/** The name shown for what a verdict is about: the imitated address first (people know "ameli.fr"). */
export function targetLabel(v: Pick<Verdict, 'target' | 'organization' | 'host'>): string | null {
  return v.target ?? v.organization?.name ?? null;
}
