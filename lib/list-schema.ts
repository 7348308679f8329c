import { z } from 'zod';

/**
 * The public list format (DESIGN.md "List format"). Administrators write their own lists, so every
 * rejection names the field at fault. Unknown extra fields are kept (`loose`) but never change meaning.
 */

// Lower-case ASCII (punycode for IDN) hostname: labels of a-z0-9 and inner hyphens, at least one dot.
const HOSTNAME_RE = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const hostname = z.string().regex(HOSTNAME_RE, 'must be a lower-case hostname such as "ameli.fr" (punycode for IDN)');
const brandToken = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters/digits, words joined by "-" (e.g. "carte-vitale")');
const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const CATEGORIES = ['public', 'tiers-payant', 'insurer', 'care-network'] as const;

export const organizationSchema = z.looseObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lower-case slug'),
  name: z.string().min(1),
  category: z.enum(CATEGORIES),
  domains: z.array(hostname).min(1),
  brands: z.array(brandToken).default([]),
  loginHosts: z.array(hostname).default([]),
  professionalOnly: z.boolean().default(false),
  sources: z.array(z.url()).default([]),
});

export const listSchema = z
  .looseObject({
    schema: z.literal(1),
    version: z.number().int().nonnegative(),
    generatedAt: isoDate,
    expiresAt: isoDate,
    organizations: z.array(organizationSchema).min(1),
    blocked: z.array(hostname).default([]),
    keywords: z.array(brandToken).default([]),
  })
  .superRefine((list, ctx) => {
    const ids = new Set<string>();
    const owner = new Map<string, string>();
    list.organizations.forEach((org, i) => {
      if (ids.has(org.id)) ctx.addIssue({ code: 'custom', path: ['organizations', i, 'id'], message: `duplicate id "${org.id}"` });
      ids.add(org.id);
      org.domains.forEach((d, j) => {
        const prev = owner.get(d);
        if (prev && prev !== org.id)
          ctx.addIssue({ code: 'custom', path: ['organizations', i, 'domains', j], message: `"${d}" is already listed by "${prev}"` });
        owner.set(d, org.id);
      });
      org.loginHosts.forEach((h, j) => {
        if (!org.domains.some((d) => h === d || h.endsWith('.' + d)))
          ctx.addIssue({
            code: 'custom',
            path: ['organizations', i, 'loginHosts', j],
            message: `"${h}" is not under one of this organisation's domains`,
          });
      });
    });
    list.blocked.forEach((b, i) => {
      for (const [d, id] of owner)
        if (b === d || b.endsWith('.' + d))
          ctx.addIssue({ code: 'custom', path: ['blocked', i], message: `"${b}" is under "${d}", which "${id}" lists as official` });
    });
  });

export type VigieList = z.infer<typeof listSchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type Category = (typeof CATEGORIES)[number];

export class ListError extends Error {
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
    this.name = 'ListError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/** Validates an already-parsed value. Throws ListError naming the first bad field. */
export function validateList(value: unknown): VigieList {
  const result = listSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = formatPath(issue.path);
  throw new ListError(`invalid list: ${field || '(root)'}: ${issue.message}`, field || null);
}

/** Parses list JSON text (or bytes). Throws ListError on bad JSON or a bad field. */
export function parseList(text: string | Uint8Array): VigieList {
  const source = typeof text === 'string' ? text : new TextDecoder('utf-8', { fatal: false }).decode(text);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (e) {
    throw new ListError(`invalid list: not JSON (${(e as Error).message})`, null);
  }
  return validateList(value);
}

/** Whether the list's expiresAt is in the past at `now`. */
export function isExpired(list: VigieList, now: Date = new Date()): boolean {
  return Date.parse(list.expiresAt) < now.getTime();
}
