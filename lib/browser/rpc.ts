import { browser } from 'wxt/browser';
import type { z } from 'zod';

/** Sends a message to the background and validates the reply; null when there is none or it is malformed. */
export async function request<S extends z.ZodType>(schema: S, message: unknown): Promise<z.infer<S> | null> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    const parsed = schema.safeParse(reply);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
