// Mounting the tooltip. The host element exists in the page only while a tooltip is open.
//
// Isolation, and why each piece is there:
// - WXT createShadowRootUi: a shadow root, so page selectors ([role=tooltip], *) never match our elements; it
//   renders in onMount and unrenders in onRemove, and removes itself when the content script is invalidated.
//   In a release build the root is *closed* and its host a plain <div> (issue 18): a page script, or a session-replay
//   recorder in it, sees an empty div at the end of <body> while a card is open, never the card's text or a name
//   that says RLS Lens. The test build (core/build-mode.ts) opens it under a named host so tests can read the card.
// - Styles are a constructed stylesheet adopted by the shadow root. CSSOM is not subject to a page's CSP
//   (style-src), unlike <style>/<link>; both Chromium and Firefox accept shadowRoot.adoptedStyleSheets from a
//   content script (only document.adoptedStyleSheets is off limits in Firefox). If adopting ever throws, a
//   <style> element is the fallback (today both browsers exempt content-script <style> from page CSP too).
// - :host { all: initial !important } and the other :host rules: an inner-context !important beats the page's
//   !important on the host, so `* { display: inline !important }` cannot reach the tooltip through its host.
// - popover="manual": the tooltip renders in the top layer, above any z-index, unclipped by overflow and
//   unaffected by transforms on the page's ancestors.
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PROBES } from '../../core/build-mode';
import { scopedContext } from '../context-links';
import { TOOLTIP_HOST } from '../../core/page-names';
import { Tooltip } from '../../components/tooltip/tooltip';
import entryCss from '../../components/tooltip/entry-details.css?inline';
import tooltipCss from '../../components/tooltip/tooltip.css?inline';
import hiddenCss from '../../components/tooltip/visually-hidden.css?inline';
import comfortCss from '../../components/tooltip/card-comfort.css?inline';
import type { Glossary } from '../../glossary/types';
import type { CardTextSize, Theme } from '../../settings';
import type { Term } from '../terms';
import { follow, type Following } from './placement';
import { quoteFor } from './quote';
import { hostParent } from './top-layer';

export interface TooltipState {
  /** The term pointed at; its surface form picks the quote (content/tooltip/quote.ts). */
  term: Term;
  /** The entry shown: the term's, or a related entry chosen in the tooltip. */
  entryId: string;
  /** Pointer position when opened by pointer: picks the line box of a term that wraps. */
  point?: { x: number; y: number };
  /** Opened from the keyboard: move focus into the tooltip (and give it back on close). */
  focus?: boolean;
  announcement?: string;
}

export interface TooltipViewOptions {
  ctx: ContentScriptContext;
  signal: AbortSignal;
  glossary: Glossary;
  theme(): Theme;
  /** Reading comfort, read at every draw: a changed preference shows on the next draw (`show` again redraws). */
  comfort?(): { textSize: CardTextSize; highContrast: boolean };
  /** The tooltip asks to close: its close button, or its term scrolled away / removed. */
  onRequestClose(): void;
  onSelectRelated(entryId: string): void;
  onOpenOverview(entryId: string): void;
  /** The reader marked the entry "I know this" (its terms are drawn quieter). */
  isKnown(entryId: string): boolean;
  onKnow(entryId: string, known: boolean): void;
}

export interface TooltipView {
  show(state: TooltipState): Promise<void>;
  hide(): void;
  /** The event happened in the tooltip (its host is the target the page sees). */
  isOwnUi(event: Event): boolean;
  /** The term of an entry (announcements name it); undefined while the UI is not loaded. */
  termOf(entryId: string): string | undefined;
}

const CSS_TEXT = `${tooltipCss}\n${entryCss}\n${hiddenCss}\n${comfortCss}`;

function adoptStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS_TEXT);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = CSS_TEXT;
    shadow.prepend(style);
  }
}

export function createTooltipView(options: TooltipViewOptions): TooltipView {
  const { ctx, signal, glossary } = options;
  const entries = new Map(glossary.entries.map((e) => [e.id, e]));
  let ui: ShadowRootContentScriptUi<void> | undefined;
  let creating: Promise<ShadowRootContentScriptUi<void>> | undefined;
  let open: TooltipState | undefined;
  let following: Following | undefined;
  let returnFocus: HTMLElement | undefined;
  /** Bumped by every show and hide: a show still waiting for the UI to be created gives way to a later call. */
  let generation = 0;
  const tooltipEl: { current: HTMLDivElement | null } = { current: null };
  const arrowEl: { current: HTMLDivElement | null } = { current: null };
  const bodyEl: { current: HTMLDivElement | null } = { current: null };

  const draw = (container: HTMLElement) => {
    const entry = open && entries.get(open.entryId);
    if (!open || !entry) return;
    render(
      <Tooltip
        entry={entry}
        quote={quoteFor(glossary, open.term.form, open.entryId)}
        glossary={glossary}
        theme={options.theme()}
        {...options.comfort?.()}
        announcement={open?.announcement ?? ''}
        onSelectRelated={options.onSelectRelated}
        onOpenOverview={options.onOpenOverview}
        known={options.isKnown(entry.id)}
        onKnow={options.onKnow}
        onClose={options.onRequestClose}
        tooltipRef={tooltipEl}
        arrowRef={arrowEl}
        bodyRef={bodyEl}
      />,
      container,
    );
  };

  const getUi = () =>
    (creating ??= createShadowRootUi<void>(scopedContext(ctx, signal), {
      name: PROBES ? TOOLTIP_HOST : 'div',
      position: 'inline',
      // Last in <body> (<html> for framesets): the top layer frees it from the body's transforms and clipping,
      // and a DOM ancestry that matches the drawing order keeps tools like axe-core able to measure contrast.
      // While the term is in a fullscreen element, last in that element (top-layer.ts).
      anchor: () => hostParent(open?.term.range.startContainer ?? null),
      append: 'last',
      mode: PROBES ? 'open' : 'closed',
      // Keys typed in the tooltip are ours: page shortcuts must not fire while the reader is in it.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container) => draw(container),
      onRemove: () => {
        if (ui) render(null, ui.uiContainer);
      },
    }).then((created) => {
      adoptStyles(created.shadow);
      ui = created;
      return created;
    }));

  const hide = () => {
    generation++;
    following?.stop();
    following = undefined;
    const hadFocus = ui?.shadowHost.isConnected && ui.shadow.activeElement !== null;
    open = undefined;
    ui?.remove();
    // Focus was in the tooltip: give it back where it came from rather than dropping it on <body>.
    if (hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = undefined;
  };
  signal.addEventListener('abort', hide);

  /**
   * The page entered or left fullscreen while a card is open: the host moves into (or out of) the fullscreen
   * element (top-layer.ts), and its popover, hidden by the move, is shown again above it, with the focus it had.
   */
  const relocate = () => {
    if (!ui || !open || !ui.shadowHost.isConnected) return;
    const parent = hostParent(open.term.range.startContainer);
    if (ui.shadowHost.parentNode === parent) return;
    const hadFocus = ui.shadow.activeElement !== null;
    parent.append(ui.shadowHost);
    const floating = tooltipEl.current;
    if (floating && !floating.matches(':popover-open')) {
      try {
        floating.showPopover();
      } catch {
        // No popover support: the :host rules still put it above the page.
      }
    }
    if (hadFocus) floating?.focus({ preventScroll: true });
    void following?.update();
  };
  document.addEventListener('fullscreenchange', relocate, { signal });

  return {
    async show(state) {
      const mine = ++generation;
      const created = await getUi();
      if (mine !== generation || signal.aborted || ctx.isInvalid) return;
      const sameAnchor = open?.term === state.term;
      open = state;
      if (created.shadowHost.isConnected) {
        draw(created.uiContainer);
        // Another term (a step, a look-up) may be in or out of a fullscreen element: the popover below is shown
        // again if the move hid it.
        const parent = hostParent(state.term.range.startContainer);
        if (created.shadowHost.parentNode !== parent) parent.append(created.shadowHost);
      } else created.mount();
      const floating = tooltipEl.current;
      if (!floating) return;
      if (!floating.matches(':popover-open')) {
        try {
          floating.showPopover();
        } catch {
          // No popover support: the :host rules (fixed, max z-index) still put it above the page.
        }
      }
      if (state.focus) {
        const active = document.activeElement;
        if (active instanceof HTMLElement && active !== created.shadowHost) returnFocus = active;
        floating.focus({ preventScroll: true });
      }
      if (sameAnchor && following) {
        await following.update();
        return;
      }
      following?.stop();
      following = follow(state.term, state.point, { floating, arrow: arrowEl.current, body: bodyEl.current }, () => {
        if (open) options.onRequestClose(); // scrolled out of view, or the text is gone
      });
    },
    hide,
    isOwnUi: (event) => !!ui && event.composedPath().includes(ui.shadowHost),
    termOf: (entryId) => entries.get(entryId)?.term,
  };
}
