import type { Verdict } from './verdict';

/** What the toolbar button shows for a tab. Pure: strings come from the caller (i18n). */
export interface Badge {
  text: string;
  /** Background colour; contrast with white text ≥ 4.5:1 for both. */
  color: string;
  /** Tooltip / accessible name of the toolbar button. */
  title: string;
}

export interface BadgeStrings {
  defaultTitle: string;
  official: (organisation: string) => string;
  professionalOnly: (organisation: string) => string;
  danger: (target: string) => string;
  dangerUnnamed: string;
}

export const BADGE_GREEN = '#1a7336'; // 5.9:1 with white
export const BADGE_RED = '#b3261e'; // 6.5:1 with white

export function badgeFor(v: Verdict | null, opts: { showOfficialBadge: boolean; strings: BadgeStrings }): Badge {
  const s = opts.strings;
  const none: Badge = { text: '', color: BADGE_GREEN, title: s.defaultTitle };
  if (!v) return none;
  switch (v.verdict) {
    case 'official': {
      if (!opts.showOfficialBadge) return none;
      const name = v.organization?.name ?? v.target ?? v.host ?? '';
      const title = v.organization?.professionalOnly ? s.professionalOnly(name) : s.official(name);
      return { text: '✓', color: BADGE_GREEN, title };
    }
    case 'lookalike':
    case 'suspicious': {
      const target = v.target ?? v.organization?.name;
      return { text: '!', color: BADGE_RED, title: target ? s.danger(target) : s.dangerUnnamed };
    }
    default:
      return none;
  }
}
