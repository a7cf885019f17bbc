// Mounting and positioning the tooltip. The host element exists in the page only while a tooltip is open.
//
// Isolation, and why each piece is there:
// - WXT createShadowRootUi: an open shadow root, so page selectors ([role=tooltip], *) never match our elements.
// - Styles are a constructed stylesheet adopted by the shadow root. CSSOM is not subject to a page's CSP
//   (style-src), unlike <style>/<link>; both Chromium and Firefox accept shadowRoot.adoptedStyleSheets from a
//   content script (only document.adoptedStyleSheets is off limits in Firefox). If adopting ever throws, a
//   <style> element is the fallback (today both browsers exempt content-script <style> from page CSP too).
// - :host { all: initial !important } and the other :host rules: an inner-context !important beats the page's
//   !important on the host, so `* { display: inline !important }` cannot reach the tooltip through its host.
// - popover="manual": the tooltip renders in the top layer, above any z-index, unclipped by overflow and
//   unaffected by transforms on the page's ancestors.
import { render } from 'preact';
import { arrow, autoUpdate, computePosition, flip, hide, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TOOLTIP_HOST } from '../core/page-names';
import type { Glossary } from '../glossary/types';
import type { Term } from './terms';
import { liveRange } from './hover';
import { Tooltip } from '../components/Tooltip';
import type { Theme } from '../settings';
import css from '../components/Tooltip.css?inline';


export interface TooltipState {
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
  /** The tooltip asks to close: its close button, or its term scrolled away / removed. */
  onRequestClose(): void;
  onSelectRelated(entryId: string): void;
  onOpenOverview(entryId: string): void;
}

export interface TooltipView {
  show(state: TooltipState): Promise<void>;
  hide(): void;
  isOpen(): boolean;
  /** The event happened in the tooltip (its host is the target the page sees). */
  isOwnUi(event: Event): boolean;
}

function adoptStyles(shadow: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.prepend(style);
  }
}

/** A Floating UI reference that follows the term's text (re-measured on every update: the page may reflow). */
function termReference(term: Term): VirtualElement {
  const rects = () => liveRange(term);
  return {
    getBoundingClientRect: () => rects()?.getBoundingClientRect() ?? new DOMRect(),
    getClientRects: () => rects()?.getClientRects() ?? ([] as unknown as DOMRectList),
    contextElement: term.range.startContainer.parentElement ?? undefined,
  };
}

export function createTooltipView(options: TooltipViewOptions): TooltipView {
  const { ctx, signal, glossary } = options;
  const entries = new Map(glossary.entries.map((e) => [e.id, e]));
  let ui: Awaited<ReturnType<typeof createShadowRootUi<void>>> | undefined;
  let creating: Promise<NonNullable<typeof ui>> | undefined;
  let open: TooltipState | undefined;
  let stopUpdates: (() => void) | undefined;
  let returnFocus: HTMLElement | undefined;
  /** Bumped by every show and hide: a show still waiting for the UI to be created gives way to a later call. */
  let generation = 0;
  const tooltipEl: { current: HTMLDivElement | null } = { current: null };
  const arrowEl: { current: HTMLDivElement | null } = { current: null };
  const bodyEl: { current: HTMLDivElement | null } = { current: null };

  const getUi = () =>
    (creating ??= createShadowRootUi<void>(ctx, {
      name: TOOLTIP_HOST,
      position: 'inline',
      // Last in <body> (<html> for framesets): the top layer frees it from the body's transforms and clipping,
      // and a DOM ancestry that matches the drawing order keeps tools like axe-core able to measure contrast.
      anchor: () => document.body ?? document.documentElement,
      append: 'last',
      mode: 'open',
      // Keys typed in the tooltip are ours: page shortcuts must not fire while the reader is in it.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: () => undefined,
      onRemove: () => {
        if (ui) render(null, ui.uiContainer);
      },
    }).then((created) => {
      adoptStyles(created.shadow);
      ui = created;
      return created;
    }));

  const draw = (state: TooltipState) => {
    const entry = entries.get(state.entryId);
    if (!ui || !entry) return;
    render(
      <Tooltip
        entry={entry}
        glossary={glossary}
        theme={options.theme()}
        announcement={state.announcement ?? ''}
        onSelectRelated={options.onSelectRelated}
        onOpenOverview={options.onOpenOverview}
        onClose={options.onRequestClose}
        tooltipRef={tooltipEl}
        arrowRef={arrowEl}
        bodyRef={bodyEl}
      />,
      ui.uiContainer,
    );
  };

  const place = async (state: TooltipState, floating: HTMLElement) => {
    const reference = termReference(state.term);
    const arrowElement = arrowEl.current;
    const { x, y, placement, middlewareData } = await computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom',
      middleware: [
        inline(state.point),
        offset(10),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableHeight }) => {
            bodyEl.current?.style.setProperty('--rls-max-height', `${Math.max(120, availableHeight)}px`);
          },
        }),
        ...(arrowElement ? [arrow({ element: arrowElement, padding: 10 })] : []),
        hide({ strategy: 'referenceHidden' }),
      ],
    });
    if (open !== state) return; // closed or replaced while measuring
    if (middlewareData.hide?.referenceHidden || !liveRange(state.term)) {
      options.onRequestClose(); // scrolled out of view, or the text is gone
      return;
    }
    Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
    const side = placement.split('-')[0] as 'top' | 'bottom' | 'left' | 'right';
    if (arrowElement && middlewareData.arrow) {
      const opposite = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' }[side];
      const { x: ax, y: ay } = middlewareData.arrow;
      Object.assign(arrowElement.style, {
        left: ax != null ? `${ax}px` : '',
        top: ay != null ? `${ay}px` : '',
        right: '',
        bottom: '',
        [opposite]: 'calc(-0.375em - 1px)',
      });
      arrowElement.dataset.side = side;
    }
  };

  const hide_ = () => {
    generation++;
    stopUpdates?.();
    stopUpdates = undefined;
    const hadFocus = ui?.shadowHost.isConnected && ui.shadow.activeElement !== null;
    open = undefined;
    ui?.remove();
    // Focus was in the tooltip: give it back where it came from rather than dropping it on <body>.
    if (hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = undefined;
  };

  signal.addEventListener('abort', hide_);

  return {
    async show(state) {
      const mine = ++generation;
      const created = await getUi();
      if (mine !== generation || signal.aborted || ctx.isInvalid) return;
      const sameAnchor = open?.term === state.term;
      open = state;
      if (!created.shadowHost.isConnected) created.mount();
      draw(state);
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
      if (!sameAnchor || !stopUpdates) {
        stopUpdates?.();
        stopUpdates = autoUpdate(termReference(state.term), floating, () => open && void place(open, floating), {
          animationFrame: false,
        });
      } else {
        await place(state, floating);
      }
    },
    hide: hide_,
    isOpen: () => open !== undefined,
    isOwnUi: (event) => !!ui && event.composedPath().includes(ui.shadowHost),
  };
}
