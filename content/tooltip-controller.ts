// When a tooltip opens and closes: hover intent, taps, the keyboard commands, Esc, scrolling and navigation.
// Wired by entrypoints/content.ts; everything stops with the signal (one abort() removes the host and listeners).
//
// WCAG 1.4.13 (content on hover): it opens after a rest of `hoverDelayMs`, stays open while the pointer is on
// the term or on the tooltip (so it can be read and its buttons used), closes ~300 ms after the pointer has
// left both, and Esc dismisses it without moving the pointer (and it does not reopen until the pointer leaves).
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Glossary } from '../glossary/types';
import type { Preferences } from '../settings';
import type { OpenOverviewRequest } from '../core/messages';
import type { Term, TermIndex } from './terms';
import { liveRange, sameTerm, watchHover, type HoverTarget } from './hover';
import { markCurrent, scrollTermIntoView, stepFrom } from './keyboard';
import { watchTaps } from './touch';
import { createTooltipView, type TooltipState } from './tooltip';

/** After the pointer leaves both term and tooltip: long enough to cross the gap between them. */
export const CLOSE_DELAY_MS = 300;
/** Live regions announce changes, not content that arrives with them: the text is set a moment after mounting. */
const ANNOUNCE_DELAY_MS = 150;

export interface InitTooltipsOptions {
  ctx: ContentScriptContext;
  signal: AbortSignal;
  index: TermIndex;
  glossary: Glossary;
  /** Read at the moment of use, so changed preferences apply to the next tooltip without re-initialising. */
  getPreferences: () => Pick<Preferences, 'hoverDelayMs' | 'theme'>;
}

export interface Tooltips {
  /** next-term / previous-term: step in document order, scroll to it, mark it, open its tooltip, announce it. */
  step(direction: 1 | -1): void;
  /** The popup's "show on page": the next occurrence of one entry, same behaviour as a step. */
  reveal(entryId: string): void;
  close(): void;
}

type OpenedBy = 'hover' | 'tap' | 'keyboard';

export function initTooltips({ ctx, signal, index, glossary, getPreferences }: InitTooltipsOptions): Tooltips {
  let open: (TooltipState & { by: OpenedBy }) | undefined;
  let openTimer = 0;
  let closeTimer = 0;
  let announceTimer = 0;
  /** Where the keyboard is: steps continue from here (also moved by hover and taps). */
  let current: Term | undefined;
  let currentHint = 0;
  /** Dismissed with Esc while the pointer rests on it: not reopened until the pointer leaves. */
  let suppressed: Term | undefined;

  const cancelOpen = () => {
    clearTimeout(openTimer);
    openTimer = 0;
  };
  const cancelClose = () => {
    clearTimeout(closeTimer);
    closeTimer = 0;
  };

  const view = createTooltipView({
    ctx,
    signal,
    glossary,
    theme: () => getPreferences().theme,
    onRequestClose: () => close(),
    onSelectRelated: (entryId) => {
      if (open) show({ ...open, entryId, focus: true, announcement: '' });
    },
    onOpenOverview: (entryId) => {
      const message: OpenOverviewRequest = { type: 'rls-lens:open-overview', entryId };
      browser.runtime.sendMessage(message).catch(() => {
        // The background restarted or the extension was updated: nothing useful to do from the page.
      });
    },
  });

  function show(state: NonNullable<typeof open>): void {
    cancelOpen();
    cancelClose();
    clearTimeout(announceTimer);
    open = state;
    if (state.by !== 'keyboard') markCurrent(undefined);
    const announcement = state.announcement;
    void view.show({ ...state, announcement: '' }).then(() => {
      if (!announcement) return;
      announceTimer = window.setTimeout(() => {
        // Not `focus` again: the reader may already have tabbed to a button.
        if (open === state) void view.show({ ...state, focus: false, announcement });
      }, ANNOUNCE_DELAY_MS);
    });
  }

  function close(): void {
    cancelOpen();
    cancelClose();
    clearTimeout(announceTimer);
    if (!open) return;
    open = undefined;
    markCurrent(undefined);
    view.hide();
  }

  function openTerm(term: Term, by: OpenedBy, extra: Partial<TooltipState> = {}): void {
    current = term;
    show({ term, entryId: term.entryId, by, ...extra });
  }

  function onHover(target: HoverTarget): void {
    if (target.kind === 'ui') {
      cancelClose();
      cancelOpen();
      return;
    }
    cancelOpen();
    if (target.kind === 'none' || !sameTerm(target.term, suppressed)) suppressed = undefined;
    if (target.kind === 'term') {
      if (open && sameTerm(target.term, open.term)) {
        cancelClose();
        return;
      }
      if (suppressed) return;
      const { term, x, y } = target;
      openTimer = window.setTimeout(() => openTerm(term, 'hover', { point: { x, y } }), getPreferences().hoverDelayMs);
    }
    // Leaving what was open: only a tooltip the pointer opened goes away with the pointer.
    if (open?.by === 'hover' && !closeTimer) closeTimer = window.setTimeout(close, CLOSE_DELAY_MS);
  }

  function goTo(direction: 1 | -1, entryId?: string): void {
    const ordered = index.ordered();
    const found = stepFrom(ordered, current, currentHint, direction, entryId);
    if (!found) return;
    const { term, position, total } = found;
    currentHint = position;
    scrollTermIntoView(term);
    markCurrent(term);
    const text = liveRange(term)?.toString() ?? '';
    const entry = glossary.entries.find((e) => e.id === term.entryId);
    const announcement = `${entry?.term ?? text}: term ${position + 1} of ${total} on this page. Escape closes.`;
    openTerm(term, 'keyboard', { focus: true, announcement });
  }

  watchHover({ signal, index, isOwnUi: view.isOwnUi, onChange: onHover });
  watchTaps({
    signal,
    index,
    isOwnUi: view.isOwnUi,
    openTerm: () => open?.term,
    onTap: (term, point) => openTerm(term, 'tap', { point }),
    onOutside: close,
  });

  // Esc anywhere, including inside the tooltip: a capturing window listener runs before the shadow root's
  // key isolation stops the event.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !open) return;
      suppressed = open.term;
      close();
    },
    { capture: true, signal },
  );
  // Leaving the page (including bfcache) or a history navigation in a single-page app: the term is stale.
  window.addEventListener('pagehide', close, { signal });
  window.addEventListener('popstate', close, { signal });
  // The engine replaced or dropped terms: a tooltip whose text left the page closes.
  index.onChange(() => {
    if (open && !liveRange(open.term)) close();
  }, signal);
  signal.addEventListener('abort', close);

  return {
    step: (direction) => goTo(direction),
    reveal: (entryId) => goTo(1, entryId),
    close,
  };
}
