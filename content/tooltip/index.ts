// The tooltip feature, wired: the pointer, taps, Esc and the keyboard steps feed the state machine (state.ts); what it
// opens is drawn by the view (view.tsx), which loads on first use (lazy-view.ts): this file and everything it
// imports is in every frame's content script, the view and the glossary's text are not. Everything stops with the
// signal: one abort() removes the host and the listeners (switching highlighting off removes the tooltip too).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  sendToExtension,
  type MessageOf,
  type OccurrenceRef,
  type Place,
  type StepAnswer,
  type ToPage,
} from '../../core/messages';
import type { Preferences } from '../../settings';
import type { Term, TermIndex } from '../terms';
import { liveRange, pointInTerm, scrollTermIntoView } from './geometry';
import { sameTerm } from './hit-test';
import { watchHover } from './pointer';
import { clickOpens, createTooltipMachine, type OpenedBy } from './state';
import { findOccurrence } from '../snippets';
import { markCurrent, stepWithin, type StepResult } from './stepping';
import { watchTaps } from './taps';
import { stepAnnouncement } from './announcement';
import { lazyTooltipView } from './lazy-view';
import type { TooltipState } from './view';
import { onLocationChange } from './location-change';

/** A keyboard step, announced once its tooltip is shown: "Ferritin: term 3 of 12 on this page." */
interface Step {
  position: number;
  total: number;
  /** The term's text on the page, should the entry's term be unknown. */
  text: string;
}

/** Live regions announce changes, not content that arrives with them: the text is set a moment after mounting. */
const ANNOUNCE_DELAY_MS = 150;

export interface TooltipsOptions {
  ctx: ContentScriptContext;
  signal: AbortSignal;
  index: TermIndex;
  /** Read at the moment of use, so changed preferences apply to the next tooltip without re-initialising. */
  getPreferences: () => Pick<
    Preferences,
    'hoverDelayMs' | 'theme' | 'trigger' | 'privateReading' | 'knownTerms' | 'cardTextSize' | 'highContrast'
  >;
  /** A tooltip opened by the pointer (hover or tap): the reader is in this frame now. */
  onPointerOpen?: () => void;
}

export interface Tooltips {
  /**
   * next-term / previous-term, and the popup's "show on page" (with an entry id): one step in this frame in document
   * order; scroll to it, mark it, open its tooltip, announce it. `moved: false` at the frame's last (first) term.
   */
  step(request: Omit<MessageOf<ToPage, 'rls-lens:step'>, 'type'>): StepAnswer;
  /** The side panel's snippet: that occurrence, if it is still there, same behaviour as a step. */
  reveal(occurrence: OccurrenceRef, place?: Place): StepAnswer;
  /** The reader went on in another frame: close the tooltip and the current-term mark. */
  leave(): void;
  /**
   * Private reading on or off. On, nothing is drawn in the page: an opened term's card goes to the side panel
   * (one runtime message), no tooltip host is made, no current-term mark is registered, no tap is prevented.
   */
  setPrivate(on: boolean): void;
  /**
   * The preferences changed: an open card is drawn again, where it is (its "I know this" follows the known terms,
   * its text size and contrast the reader's choice).
   */
  refresh(): void;
  /**
   * The selection's look-up (the context menu, background/selection-menu.ts): the entry's card beside `range`,
   * with the keyboard focus in it, as a step opens one. False, and nothing drawn, when reading privately.
   */
  lookUp(entryId: string, range: StaticRange): boolean;
}

export function startTooltips({ ctx, signal, index, getPreferences, onPointerOpen }: TooltipsOptions): Tooltips {
  let privately = getPreferences().privateReading;
  /** The current-term mark, in the page's registry only when the reader does not read privately. */
  const mark = (term: Term | undefined) => markCurrent(privately ? undefined : term);
  /** What the view shows (the machine knows only the term and how it was opened). */
  let shown: TooltipState | undefined;
  let announceTimer = 0;
  /** Where the keyboard is: steps continue from here (also moved by hover and taps). */
  let current: Term | undefined;
  let currentHint = 0;
  /** Extra state for the next open (the keyboard's focus), and the step to announce with it. */
  let pending: Partial<TooltipState> = {};
  let pendingStep: Step | undefined;

  const view = lazyTooltipView({
    ctx,
    signal,
    theme: () => getPreferences().theme,
    comfort: () => ({ textSize: getPreferences().cardTextSize, highContrast: getPreferences().highContrast }),
    onRequestClose: () => machine.close(),
    onSelectRelated: (entryId) => {
      if (shown) show({ ...shown, entryId, focus: true, announcement: '' });
    },
    onOpenOverview: (entryId) => sendToExtension<'rls-lens:open-overview'>({ type: 'rls-lens:open-overview', entryId }),
    isKnown: (entryId) => getPreferences().knownTerms.includes(entryId),
    // The background writes the preferences; the change comes back to every frame through the settings watch.
    onKnow: (entryId, known) => sendToExtension<'rls-lens:know'>({ type: 'rls-lens:know', entryId, known }),
  });

  function show(state: TooltipState, step?: Step): void {
    clearTimeout(announceTimer);
    // A card opening, counted once by My terms: not a card that already shows this entry (a tap on its term again).
    const opened = shown?.entryId !== state.entryId;
    shown = state;
    if (privately) {
      // The side panel (if open) shows the card, and counts it; the page gets nothing.
      sendToExtension<'rls-lens:card'>({ type: 'rls-lens:card', entryId: state.entryId, opened });
      return;
    }
    if (opened) sendToExtension<'rls-lens:looked-up'>({ type: 'rls-lens:looked-up', entryId: state.entryId });
    void view.show({ ...state, announcement: '' }).then(() => {
      if (!step) return;
      // The entry's term comes with the view (the glossary's text is not in the content script).
      const name = view.termOf(state.entryId) ?? step.text;
      const announcement = stepAnnouncement(name, step.position + 1, step.total);
      announceTimer = window.setTimeout(() => {
        // Not `focus` again: the reader may already have tabbed to a button.
        if (shown === state) void view.show({ ...state, focus: false, announcement });
      }, ANNOUNCE_DELAY_MS);
    });
  }

  const machine = createTooltipMachine<Term>({
    same: sameTerm,
    hoverDelay: () => getPreferences().hoverDelayMs,
    trigger: () => getPreferences().trigger,
    stillUnder: (term, { x, y }) => pointInTerm(term, x, y),
    open(term: Term, by: OpenedBy, point) {
      current = term;
      if (by !== 'keyboard') {
        mark(undefined);
        onPointerOpen?.();
      }
      const extra = pending;
      const step = pendingStep;
      pending = {};
      pendingStep = undefined;
      show({ term, entryId: term.entryId, point, ...extra }, step);
    },
    close() {
      clearTimeout(announceTimer);
      shown = undefined;
      mark(undefined);
      view.hide();
    },
  });

  /** `place`: the terms of the frames before this one and of the whole tab, so the announcement counts them all. */
  function goTo(found: StepResult | undefined, place?: Place): StepAnswer {
    if (!found) return { moved: false };
    const { term, position } = found;
    currentHint = position;
    scrollTermIntoView(term);
    mark(term);
    const at = (place?.before ?? 0) + position + 1;
    // The frame's own count wins when the tab's is behind (a report still on its way).
    const total = Math.max(place?.total ?? 0, (place?.before ?? 0) + found.total);
    pending = { focus: true };
    pendingStep = { position: at - 1, total, text: liveRange(term)?.toString() ?? '' };
    machine.openNow(term, 'keyboard');
    return { moved: true, entryId: term.entryId, position: at, total };
  }

  watchHover({ signal, index, isOwnUi: view.isOwnUi, onChange: machine.pointer });
  watchTaps({
    signal,
    index,
    isOwnUi: view.isOwnUi,
    openTerm: () => machine.current()?.term,
    onTap: (term, point, input) => {
      if (!clickOpens(getPreferences().trigger, input)) return false;
      machine.openNow(term, 'tap', point);
      // Privately, the click goes on as any click does: a prevented default is something a page can read.
      return !privately;
    },
    onOutside: machine.close,
  });
  // Esc anywhere, including inside the tooltip: a capturing window listener runs before the shadow root's key
  // isolation stops the event. Alt is only watched, never prevented: it is the menu key on Windows and Linux.
  // (AltGr reports `AltGraph` and types characters: it is not the modifier.)
  const onKey = (event: KeyboardEvent) => {
    if (event.type === 'keydown' && event.key === 'Escape') machine.escape();
    else if (event.key === 'Alt' && !event.repeat) machine.modifier(event.type === 'keydown');
  };
  window.addEventListener('keydown', onKey, { capture: true, signal });
  window.addEventListener('keyup', onKey, { capture: true, signal });
  // Alt+Tab and the like: the keyup goes to another window.
  window.addEventListener('blur', () => machine.modifier(false), { signal });
  // Leaving the page (including bfcache) or a navigation in a single-page app: the term is stale.
  window.addEventListener('pagehide', machine.close, { signal });
  onLocationChange(machine.close, signal);
  // The engine replaced or dropped terms: a tooltip whose text left the page closes.
  index.onChange(() => {
    const open = machine.current();
    if (open && !liveRange(open.term)) machine.close();
  }, signal);
  signal.addEventListener('abort', () => {
    machine.close();
    machine.dispose();
  });

  return {
    step: ({ direction, from = 'current', entryId, place }) =>
      goTo(stepWithin(index.ordered(), current, currentHint, direction, from, entryId), place),
    reveal: (occurrence, place) => goTo(findOccurrence(index.ordered(), occurrence), place),
    leave: () => machine.close(),
    setPrivate(on) {
      if (on === privately) return;
      machine.close();
      privately = on;
    },
    refresh() {
      // Straight to the view: drawing the same card again is not a new look-up, and takes no focus.
      if (shown && !privately) void view.show({ ...shown, focus: false, announcement: '' });
    },
    lookUp(entryId, range) {
      if (privately) return false;
      // Not a highlighted term: no surface form to quote from (quoteFor then gives the entry's card quote).
      const term: Term = { range, entryId, form: -1 };
      const rect = liveRange(term)?.getBoundingClientRect();
      if (!rect || (rect.width === 0 && rect.height === 0)) {
        // Words selected in the open card itself: the page's selection points at the card's host, which has no
        // size. The card shows the entry, as a related entry's button does.
        if (!shown) return false;
        show({ ...shown, entryId, focus: true, announcement: '' });
        return true;
      }
      pending = { focus: true };
      machine.openNow(term, 'keyboard');
      return true;
    },
  };
}
