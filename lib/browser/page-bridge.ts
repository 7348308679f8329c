import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HeldSubmit } from '@/lib/form-guard';
import type { FrameState, SensitiveKind } from '@/lib/messages';

/**
 * The meeting point of the two page-side scripts of a frame, which share the extension's isolated
 * world (page scripts cannot see it):
 * - the content script (entrypoints/content.ts), injected into every page at document_start and kept
 *   tiny: form guard, sensitive-field probe, the frame's verdict;
 * - the page UI (entrypoints/page-ui.ts), injected by the background into the frames that need it
 *   (flagged page, or sensitive fields on an unknown page): banner/dialog, brand analysis.
 * The content script owns the state and the held submit; the UI attaches and is told what to show.
 */
export interface PageUi {
  /** The frame state changed (show or update the banner when the page is flagged). */
  onState(state: FrameState): void;
  /** A submit was held on a guarded page: ask the user. */
  hold(held: HeldSubmit, state: FrameState): void;
  /** A valid NIR / card / IBAN was typed on a guarded page. */
  typed(state: FrameState): void;
  /** Unknown page with sensitive fields: look for an impersonated organisation and report it. */
  scan(kinds: SensitiveKind[]): void;
}

export interface PageBridge {
  readonly ctx: ContentScriptContext;
  /** Sends a message to the background; null when it cannot answer (restart, extension updated). */
  send(message: object): Promise<unknown>;
  /** Reports page signals (deduplicated) and applies the background's answer. */
  report(brandOrgIds: string[], sensitive: SensitiveKind[]): Promise<void>;
  /** Lets a held submit go through (the user confirmed). */
  release(held: HeldSubmit): void;
  /** Called once by the page UI when it has loaded. */
  attach(ui: PageUi): void;
}

/** Registry key in the isolated world's global (Symbol.for: the same in both scripts of the frame). */
export const BRIDGE_KEY = Symbol.for('vigie-sante.page-bridge');

export function getBridge(): PageBridge | undefined {
  return (globalThis as unknown as Record<symbol, PageBridge | undefined>)[BRIDGE_KEY];
}

export function setBridge(bridge: PageBridge): void {
  (globalThis as unknown as Record<symbol, PageBridge | undefined>)[BRIDGE_KEY] = bridge;
}
