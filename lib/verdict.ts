/** One vocabulary everywhere (lib, CLI, messages, UI): see README "Verdicts". */
export const VERDICT_KINDS = ['official', 'lookalike', 'suspicious', 'unknown', 'invalid'] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** Stable machine codes explaining a verdict. Never rename one: other tools match on them. */
export const REASON_CODES = [
  // official
  'listed', // the registrable domain (or a parent of the host) is on the list
  'login-host', // the exact host is a known login / espace adhérent host
  'professional-only', // portal for health professionals, not for the insured
  'policy-official', // made official by the administrator (extraOfficialDomains)
  // URL detectors
  'blocked', // on the list's blocked hosts or the administrator's blockedDomains
  'homoglyph', // disguised characters: Unicode confusable, accent, rn→m, 1→l…
  'typo', // one or two edits away from a brand of 5+ characters
  'embedding', // a listed domain inside another address (ameli.fr.example, ameli-fr.example)
  'combosquat', // brand + lure keyword (ameli-remboursement.example)
  'tld-swap', // listed name under another suffix (ameli.com for ameli.fr)
  'brand-token', // a listed brand as a whole label or token, nothing more
  'free-hosting', // brand on a free hosting / site builder subdomain
  'idn', // the name uses non-ASCII characters
  'userinfo', // an official name put before "@" (https://ameli.fr@evil.example), which the browser ignores
  'split-name', // a brand cut by the dot before the TLD, so that no label holds it (ame.li, groupa.ma)
  // page signals (content script)
  'brand-content', // the page presents itself as a listed organisation
  'sensitive-form', // the page asks for NIR, card, IBAN, password or birth date
  'sensitive-input', // a valid NIR, card number or IBAN was typed on a flagged page
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Verdict {
  /** The input, as given. */
  url: string;
  /** Normalised hostname (lower case, punycode for IDN), or null when there is none. */
  host: string | null;
  verdict: VerdictKind;
  /** The official registrable domain that is matched (official) or imitated (others); null for unknown/invalid. */
  target: string | null;
  reasons: ReasonCode[];
  /** The organisation behind `target`, when known. Not part of the CLI line. */
  organization?: { id: string; name: string; professionalOnly?: boolean };
}

/** Severity order used to combine verdicts: higher wins. */
export const SEVERITY: Record<VerdictKind, number> = {
  invalid: 0,
  unknown: 1,
  official: 2,
  suspicious: 3,
  lookalike: 4,
};

/** The CLI / contract projection: exactly the keys DESIGN.md promises, in that order. */
export function toContractJson(v: Verdict): string {
  return JSON.stringify({ url: v.url, host: v.host, verdict: v.verdict, target: v.target, reasons: v.reasons });
}
