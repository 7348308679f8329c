import { z } from 'zod';
import { REASON_CODES, VERDICT_KINDS } from './verdict';

/**
 * Runtime messages between our own pages/scripts and the background. Every message is parsed with
 * these schemas before use (a hostile page can reach a content script, never the other way round,
 * but we still treat every message as untrusted input) and the background also checks the sender.
 */

export const verdictSchema = z.object({
  url: z.string(),
  host: z.string().nullable(),
  verdict: z.enum(VERDICT_KINDS),
  target: z.string().nullable(),
  reasons: z.array(z.enum(REASON_CODES)),
  organization: z
    .object({ id: z.string(), name: z.string(), professionalOnly: z.boolean().optional() })
    .optional(),
});

/** Popup (and held-out tests) → background. Contract: DESIGN.md. */
export const getTabVerdictSchema = z.object({ type: z.literal('getTabVerdict'), tabId: z.number().int().nonnegative() });

export type GetTabVerdictMessage = z.infer<typeof getTabVerdictSchema>;

/** Kinds of sensitive field a page can ask for (never their values). */
export const SENSITIVE_KINDS = ['nir', 'card-number', 'card-expiry', 'card-cvv', 'iban', 'password', 'birth-date'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

/** Content script → background, once per frame at start: "what do you know about my page?" */
export const frameHelloSchema = z.object({ type: z.literal('frameHello') });

/** Content script → background: what the page looks like (no typed values, no page text). */
export const pageSignalsSchema = z.object({
  type: z.literal('pageSignals'),
  /** Ids of listed organisations the page presents itself as (title, og:site_name, headings, logos). */
  brandOrgIds: z.array(z.string().max(64)).max(20),
  /** Sensitive fields present on the page. */
  sensitive: z.array(z.enum(SENSITIVE_KINDS)).max(SENSITIVE_KINDS.length),
  /** A value typed on a flagged page validated as a NIR / card / IBAN (the value itself is never sent). */
  sensitiveInput: z.boolean().default(false),
});

/** Content script → background: the user confirmed in our in-page warning (proceed on this host). */
export const userProceedSchema = z.object({ type: z.literal('userProceed'), url: z.string().max(4096) });

/** Background → content script: the verdict for the frame changed (e.g. after page signals). */
export const verdictChangedSchema = z.object({ type: z.literal('verdictChanged'), verdict: verdictSchema });

export type PageSignalsMessage = z.infer<typeof pageSignalsSchema>;
