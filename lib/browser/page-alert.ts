import { i18n } from '#i18n';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';

/**
 * The in-page warning of the content script: a banner at the top of the page and a modal dialog
 * for held submits / typed numbers. One closed shadow root (page scripts cannot reach our nodes),
 * every string set with textContent (page text is never parsed as HTML), styles inside the shadow
 * root, host pinned with !important (a shadow :host !important beats the page's own rules), the
 * host put back if the page removes it, and in the browser's top layer (above anything the page
 * lays over the window) once the page has covered what we show. Our buttons act on trusted (user) events only.
 */

export interface AlertSubject {
  /** Official domain the page imitates, e.g. "ameli.fr". */
  target: string;
  /** Organisation name when known. */
  orgName: string | null;
}

export type DialogKind = 'held' | 'typed';

const CSS = `
:host{position:sticky!important;top:0!important;left:0!important;right:0!important;width:auto!important;height:auto!important;margin:0!important;padding:0!important;border:0!important;background:transparent!important;transform:none!important;filter:none!important;contain:none!important;z-index:2147483647!important;pointer-events:none!important;display:block!important;visibility:visible!important;opacity:1!important}
.w{font:16px/1.45 system-ui,sans-serif;color:#1b1b1b}
.b{pointer-events:auto;background:#fff4f4;border-bottom:4px solid #b3001b;box-shadow:0 2px 12px #0004;padding:12px 16px;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center}
.x{flex:1 1 320px}
.t{font-weight:700;font-size:18px;color:#8a0015}
p{margin:0 0 8px}
a,button{font:inherit;font-weight:700;border-radius:6px;padding:9px 16px;cursor:pointer;text-decoration:none;border:2px solid #1b1b1b;background:#fff;color:#1b1b1b}
a{background:#1d4f91;border-color:#1d4f91;color:#fff}
.p{background:#1b1b1b;color:#fff}
.m{position:fixed;inset:0 0 auto 0;width:auto;max-width:none;max-height:none;margin:0;padding:0;border:0;background:transparent;color:inherit;overflow:visible;pointer-events:none}
.m::backdrop{background:transparent}
.o{pointer-events:auto;position:fixed;inset:0;background:#0009;display:flex;align-items:center;justify-content:center;padding:16px}
.d{background:#fff;max-width:34rem;box-sizing:border-box;border-radius:10px;border-top:8px solid #b3001b;padding:22px}
.r{display:flex;flex-wrap:wrap;gap:10px;margin-top:16px}
:focus-visible{outline:3px solid #0b5cd5;outline-offset:2px}
`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Runs `fn` only for real user activations (a page script's el.click() is not trusted). */
function trusted(fn: () => void): (e: Event) => void {
  return (e) => {
    if (!e.isTrusted) return;
    e.preventDefault();
    fn();
  };
}

function officialLink(target: string): HTMLAnchorElement {
  const a = el('a', undefined, i18n.t('banner_official', [target]));
  a.href = `https://${target}/`;
  a.target = '_top';
  a.rel = 'noopener noreferrer';
  return a;
}

export class PageAlert {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private root: HTMLElement | null = null;
  private watcher: MutationObserver | null = null;
  private bannerHidden = false;
  private subject: AlertSubject | null = null;
  private proceeded = false;
  private dialog: { kind: DialogKind; allowProceed: boolean; onCancel: () => void; onProceed: () => void } | null = null;
  private returnFocus: Element | null = null;
  private keepOnTop: ReturnType<typeof setInterval> | null = null;
  /** The page covered what we show once: it stays in the top layer from then on. */
  private covered = false;
  /** Our own modal dialog, for when a page's modal dialog makes the rest of the document inert. */
  private modal: HTMLDialogElement | null = null;
  private container: HTMLElement | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

  private async ensure(): Promise<void> {
    if (this.ui) return;
    this.ui = await createShadowRootUi<void>(this.ctx, {
      name: 'vigie-sante-alert',
      position: 'inline',
      // First child of <html>, in the flow and sticky: the banner takes its own height at the top
      // (the page starts below it instead of under it) and stays in view while scrolling.
      anchor: () => document.documentElement,
      append: 'first',
      mode: 'closed',
      isolateEvents: true,
      css: CSS,
      // Called again each time the host is put back (WXT's mount): the same nodes, once.
      onMount: (container) => {
        if (!this.root || !this.modal) {
          this.root = el('div', 'w');
          this.modal = el('dialog', 'm');
          // Escape must not close it while the page's modal would make us inert again.
          this.modal.addEventListener('cancel', (e) => e.preventDefault());
        }
        this.container = container;
        container.replaceChildren(this.root, this.modal);
        this.render();
      },
    });
    this.ui.mount();
    // Put the host back if the page removes it (or rewrites <html>'s children), and take off the
    // `inert` a page may set on it (styles cannot hide it, see CSS, but inert would kill our buttons).
    const host = this.ui.shadowHost;
    this.watcher = new MutationObserver(() => {
      if (host.hasAttribute('inert')) host.removeAttribute('inert');
      if (this.ui && !host.isConnected && document.documentElement) {
        this.ui.mount();
        this.syncTopLayer();
      }
    });
    this.watcher.observe(document, { childList: true, subtree: false });
    this.watcher.observe(document.documentElement, { childList: true });
    this.watcher.observe(host, { attributes: true, attributeFilter: ['inert'] });
    // A page script may close the popover (hidePopover works on any element): back on top at once.
    this.ui.shadowHost.addEventListener('toggle', () => this.syncTopLayer());
    this.ctx.onInvalidated(() => {
      this.watcher?.disconnect();
      if (this.keepOnTop !== null) clearInterval(this.keepOnTop);
    });
  }

  /**
   * Keeps what we show above the page. Banner and dialog live in the page's flow (the banner takes its
   * own space at the top) until the page covers them, for instance with a sheet laid over the window
   * at the highest z-index; from then on our host is a popover in the browser's top layer, above every
   * element of the page whatever its z-index, over the top of the page. When something is drawn, and
   * twice a second while it is shown, we check that the point where it is drawn is ours, and show our
   * popover again (the last shown is the topmost) if not: a page may close it (hidePopover works on
   * any element) or show a popover of its own later.
   */
  private syncTopLayer(): void {
    const host = this.ui?.shadowHost as HTMLElement | undefined;
    if (!host || typeof host.showPopover !== 'function') return;
    const shown = host.isConnected && (this.dialog !== null || (!this.bannerHidden && this.subject !== null));
    if (shown) this.keepOnTop ??= setInterval(() => this.raiseIfCovered(), 500);
    else if (this.keepOnTop !== null) {
      clearInterval(this.keepOnTop);
      this.keepOnTop = null;
    }
    if (shown && this.covered) {
      if (host.matches(':popover-open')) return;
      host.setAttribute('popover', 'manual');
      try {
        host.showPopover();
      } catch {
        // not in a document that can show it: what we show stays in the page's order
      }
      return;
    }
    if (host.hasAttribute('popover')) {
      if (host.matches(':popover-open')) host.hidePopover();
      host.removeAttribute('popover');
    }
  }

  /** After drawing: top layer as things stand, then at once the check that what we drew is seen. */
  private keepAbove(): void {
    this.syncTopLayer();
    this.syncModal();
    this.raiseIfCovered();
  }

  /**
   * A page's modal dialog (showModal) makes everything outside it inert, the top layer included: our
   * buttons would be drawn but dead. While one is open, what we show goes into a modal dialog of our
   * own, shown after the page's (the last shown modal is the one not inert); when the page's closes,
   * back in place. (The page's own dialogs only: ours lives in our closed shadow root.)
   */
  private syncModal(raise = false): void {
    const { modal, root, container } = this;
    if (!modal || !root || !container || typeof modal.showModal !== 'function') return;
    const shown = this.dialog !== null || (!this.bannerHidden && this.subject !== null);
    if (shown && pageHasModal()) {
      if (modal.open && !raise) return;
      if (root.parentNode !== modal) modal.append(root);
      try {
        if (modal.open) modal.close();
        modal.showModal();
      } catch {
        // not connected, or the browser refuses: what we show stays where it was
      }
    } else if (modal.open || root.parentNode === modal) {
      container.insertBefore(root, modal);
      modal.close();
    }
  }

  private raiseIfCovered(): void {
    const host = this.ui?.shadowHost as HTMLElement | undefined;
    if (!host || !host.isConnected) return;
    const point = this.dialog ? { x: innerWidth / 2, y: innerHeight / 2 } : this.bannerMiddle();
    this.syncModal();
    if (!point || document.elementFromPoint(point.x, point.y) === host) return;
    // A later modal of the page's is above ours: ours again, after it.
    if (this.modal?.open) return this.syncModal(true);
    this.covered = true;
    if (host.matches(':popover-open')) host.hidePopover(); // the toggle event shows it again, on top
    else this.syncTopLayer();
  }

  /** The middle of the banner in the window, or null when it is not drawn. */
  private bannerMiddle(): { x: number; y: number } | null {
    const banner = this.root?.querySelector('.b');
    const r = banner?.getBoundingClientRect();
    return r && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  }

  /** Shows (or updates) the banner. `proceeded`: the user chose to continue past the full-page warning. */
  async showBanner(subject: AlertSubject, proceeded: boolean): Promise<void> {
    this.subject = subject;
    this.proceeded = proceeded;
    await this.ensure();
    this.render();
  }

  /** Opens the modal. Only one at a time: a second request replaces the first's callbacks. */
  async openDialog(
    subject: AlertSubject,
    kind: DialogKind,
    allowProceed: boolean,
    onCancel: () => void,
    onProceed: () => void,
  ): Promise<void> {
    this.subject = subject;
    this.dialog = { kind, allowProceed, onCancel, onProceed };
    this.returnFocus = document.activeElement;
    await this.ensure();
    this.render();
  }

  private closeDialog(proceed: boolean): void {
    const d = this.dialog;
    this.dialog = null;
    this.render();
    if (this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    if (d) (proceed ? d.onProceed : d.onCancel)();
  }

  private render(): void {
    const root = this.root;
    const s = this.subject;
    if (!root || !s) return;
    root.replaceChildren();
    const who = s.orgName ?? s.target;

    if (!this.bannerHidden) {
      const banner = el('div', 'b');
      banner.setAttribute('role', 'region');
      banner.setAttribute('aria-label', i18n.t('banner_region'));
      const txt = el('div', 'x');
      const title = el('p', 't', i18n.t('banner_title', [s.target]));
      title.setAttribute('role', 'alert');
      txt.append(title, el('p', undefined, this.proceeded ? i18n.t('banner_bodyProceeded', [who]) : i18n.t('banner_body', [who])));
      const hide = el('button', undefined, i18n.t('banner_hide'));
      hide.type = 'button';
      hide.addEventListener(
        'click',
        trusted(() => {
          this.bannerHidden = true;
          this.render();
        }),
      );
      banner.append(txt, officialLink(s.target), hide);
      root.append(banner);
    }

    const d = this.dialog;
    if (!d) return this.keepAbove();
    const ov = el('div', 'o');
    const dlg = el('div', 'd');
    dlg.setAttribute('role', 'alertdialog');
    dlg.setAttribute('aria-modal', 'true');
    // A typed number has not been sent: the title says where the user is, not that something was blocked.
    const title = el('p', 't', d.kind === 'typed' ? i18n.t('banner_title', [s.target]) : i18n.t('banner_guardTitle'));
    title.id = 'vs-t';
    const body = el('p', undefined, d.kind === 'typed' ? i18n.t('banner_guardTyped', [s.target]) : i18n.t('banner_guardBody', [s.target]));
    body.id = 'vs-b';
    dlg.setAttribute('aria-labelledby', 'vs-t');
    dlg.setAttribute('aria-describedby', 'vs-b');
    const row = el('div', 'r');
    const cancel = el('button', 'p', d.kind === 'typed' ? i18n.t('banner_guardUnderstood') : i18n.t('banner_guardCancel'));
    cancel.type = 'button';
    cancel.addEventListener('click', trusted(() => this.closeDialog(false)));
    row.append(cancel, officialLink(s.target));
    if (d.kind === 'held' && d.allowProceed) {
      const go = el('button', undefined, i18n.t('banner_guardProceed'));
      go.type = 'button';
      go.addEventListener('click', trusted(() => this.closeDialog(true)));
      row.append(go);
    }
    dlg.append(title, body, el('p', undefined, i18n.t('banner_guardAdvice')), row);
    // Keyboard: Escape cancels, Tab stays inside the dialog.
    dlg.addEventListener('keydown', (e) => {
      if (!e.isTrusted) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        this.closeDialog(false);
      } else if (e.key === 'Tab') {
        // Keep focus in the dialog: wrap around at both ends.
        const items = row.querySelectorAll<HTMLElement>('button, a');
        const first = items[0]!;
        const last = items[items.length - 1]!;
        const active = (dlg.getRootNode() as ShadowRoot).activeElement;
        if (e.shiftKey ? active === first : active === last) {
          e.preventDefault();
          (e.shiftKey ? last : first).focus();
        }
      }
    });
    ov.append(dlg);
    root.append(ov);
    this.keepAbove();
    cancel.focus();
  }
}

/** Whether the page shows a modal dialog (its own: ours are in a closed shadow root). */
function pageHasModal(): boolean {
  try {
    return document.querySelector('dialog:modal') !== null;
  } catch {
    return false; // a browser without :modal
  }
}
