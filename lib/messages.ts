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

// ---------------------------------------------------------------------------------------------
// Extension shell (background ↔ content script, warning page, popup, options). Added by the shell.

/** Background → content script: answer to `frameHello`, `pageSignals` and `userProceed`. */
export const frameStateSchema = z.object({
  /** Combined verdict for the sender's frame (its URL verdict plus the page signals reported so far). */
  verdict: verdictSchema,
  /** The user chose "Continuer quand même" for this host: lookalike + proceeded → guard forms. */
  proceeded: z.boolean(),
  /** The administrator allows "continue anyway" (the in-page warning hides it otherwise). */
  allowProceed: z.boolean(),
});
export type FrameState = z.infer<typeof frameStateSchema>;

/** Warning page → background: "which warning am I showing?" The tab comes from the sender, `id` from the page's hash. */
export const getWarningSchema = z.object({ type: z.literal('getWarning'), id: z.string().max(64) });
/** Warning page → background: the user clicked "Continuer quand même". */
export const warningProceedSchema = z.object({ type: z.literal('warningProceed'), id: z.string().max(64) });
/** Warning page → background: the user clicked "Retour en sécurité". */
export const warningBackSchema = z.object({ type: z.literal('warningBack'), id: z.string().max(64) });

/** Background → warning page: the pending warning of the sender's tab (null when there is none). */
export const warningInfoSchema = z.object({
  id: z.string(),
  /** The address that was blocked (a frame's address when a sub-frame was the lookalike). */
  url: z.string(),
  verdict: verdictSchema,
  /** The administrator allows "continue anyway". */
  allowProceed: z.boolean(),
  /** Proceeding is remembered for the host (false when the administrator disabled user exceptions). */
  remembered: z.boolean(),
  /** True when the lookalike was inside a frame of another page. */
  subFrame: z.boolean(),
});
export type WarningInfo = z.infer<typeof warningInfoSchema>;

export const okSchema = z.object({ ok: z.boolean() });

/** Options page / popup → background. */
export const getSettingsSchema = z.object({ type: z.literal('getSettings') });
export const getListStatusSchema = z.object({ type: z.literal('getListStatus') });
/** Options page → background: remove one of the user's exceptions. */
export const removeExceptionSchema = z.object({ type: z.literal('removeException'), host: z.string().min(1).max(253) });

/** Effective settings (administrator policy merged over defaults) and which keys the administrator locked. */
export const settingsInfoSchema = z.object({
  settings: z.object({
    allowProceed: z.boolean(),
    allowUserExceptions: z.boolean(),
    extraOfficialDomains: z.array(z.string()),
    blockedDomains: z.array(z.string()),
    listUrl: z.string().nullable(),
    reportUrl: z.string().nullable(),
    syncIntervalMinutes: z.number().nullable(),
  }),
  /** Keys set by the administrator (managed storage): shown read-only with a lock. */
  locked: z.array(z.string()),
});
export type SettingsInfo = z.infer<typeof settingsInfoSchema>;

/** The list in use. The sync fields are optional until synchronisation reports them. */
export const listStatusSchema = z.object({
  version: z.number(),
  generatedAt: z.string(),
  expiresAt: z.string(),
  source: z.enum(['bundled', 'synced']),
  organizations: z.number().int().nonnegative(),
  expired: z.boolean(),
  lastCheck: z.string().nullable().optional(),
  lastError: z.string().nullable().optional(),
  stale: z.boolean().optional(),
});
export type ListStatus = z.infer<typeof listStatusSchema>;

/**
 * Content script → background: the brand data to look for in the page (lib/brand-matcher.ts
 * `BrandMatcherData`, built once per list in the background). Ask only when the page has
 * something worth checking; the reply is the data object itself.
 */
export const getBrandDataSchema = z.object({ type: z.literal('getBrandData') });

/**
 * Content script → background: inject the page UI (banner, dialog, brand analysis) into the sender's
 * frame. Sent only by frames that need it (flagged page, or sensitive fields on an unknown page).
 */
export const loadPageUiSchema = z.object({ type: z.literal('loadPageUi') });
