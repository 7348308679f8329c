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
