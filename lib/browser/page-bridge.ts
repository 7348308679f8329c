import type { FormGuardHandlers } from '../form-guard';

/**
 * The meeting point of what runs in a frame's isolated world (page scripts cannot see it):
 * - the page guard (entrypoints/page-guard.ts → lib/browser/page-bootstrap.ts), declared for every
 *   page at document_start and kept tiny: it listens for submits from the first moment and looks
 *   for fields that may be sensitive, and that is all it does on an ordinary page;
 * - the page UI (entrypoints/page-ui.ts → lib/browser/frame-guard.ts), injected by the background
 *   only into frames that need it (flagged address, or a field that may be sensitive): the frame's
 *   verdict, the form guard's logic, brand analysis, banner and dialog;
 * - the background itself, which leaves a flagged frame's state here (`pushFrameState`).
 * Whoever runs first creates the slot; the order does not matter.
 */
export interface FrameSlot {
  /** Capture-phase submit/click/input/keydown listeners are attached (by the page guard, else the UI). */
  listening?: boolean;
  /** Attaches them again (a no-op while they are there): after a page's document.open() erased them. */
  relisten?: () => void;
  /** The form guard's handlers, set when the page UI has loaded; the listeners forward to them. */
  handlers?: FormGuardHandlers;
  /** The page UI is running in this frame. */
  uiLoaded?: boolean;
  /** Open shadow roots of the page where the user focused a field (the page's web components). */
  shadowRoots?: ShadowRoot[];
  /** Called by the page guard when it finds one after the page UI has loaded. */
  onShadowRoot?: () => void;
  /** State left by the background (checked like any reply before use). */
  pushed?: unknown;
  onPush?: (state: unknown) => void;
  /** The background asked which listed organisation this page presents itself as (requestBrandSurvey). */
  surveyAsked?: boolean;
  onSurvey?: () => void;
}

/** Symbol.for: the same key in every script of the extension's isolated world of a frame. */
export const FRAME_SLOT_KEY = Symbol.for('vigie-sante.frame');

export function frameSlot(win: object = globalThis): FrameSlot {
  const g = win as Record<symbol, FrameSlot | undefined>;
  return (g[FRAME_SLOT_KEY] ??= {});
}

/**
 * Runs in the frame's isolated world through scripting.executeScript({ func, args: [state] }): it is
 * serialised, so it stays self-contained (no closure, no import; the key is spelled again).
 */
export function pushFrameState(state: unknown): void {
  const g = globalThis as unknown as Record<symbol, { pushed?: unknown; onPush?: (s: unknown) => void } | undefined>;
  const slot = (g[Symbol.for('vigie-sante.frame')] ??= {});
  slot.pushed = state;
  slot.onPush?.(state);
}

/**
 * Runs in the top frame's isolated world (scripting.executeScript({ func })), before the page UI is
 * injected or once it runs: asks it to report what the page presents itself as. Self-contained, as
 * pushFrameState.
 */
export function requestBrandSurvey(): void {
  const g = globalThis as unknown as Record<symbol, { surveyAsked?: boolean; onSurvey?: () => void } | undefined>;
  const slot = (g[Symbol.for('vigie-sante.frame')] ??= {});
  slot.surveyAsked = true;
  slot.onSurvey?.();
}
