// When a tooltip opens and closes, as a pure state machine: hover intent, Esc suppression and the close delay. No
// DOM here: the caller feeds it what is under the pointer and what the reader did, and it answers with `open` and
// `close` calls, so the rules can be tested with fake timers.
//
// WCAG 1.4.13 (content on hover): a hovered term opens after a rest of `hoverDelay()`; the tooltip stays open while
// the pointer is on the term or on the tooltip (so it can be read and its buttons used), closes CLOSE_DELAY_MS
// after the pointer has left both, and Esc dismisses it without moving the pointer — it does not reopen until the
// pointer has left that term. Tooltips opened by a tap or the keyboard stay until dismissed.
//
// The reader's trigger preference decides what a mouse or pen does: `hover` as above; `alt-hover` the same, but only
// while Alt (Option on a Mac) is held — pressing it while resting on a term opens that term at once, and releasing
// it closes nothing (the tooltip then follows the pointer rules above); `click` opens nothing on hover. Taps and the
// keyboard open tooltips in every mode.

import type { TooltipTrigger } from '../../settings';

/** After the pointer leaves both term and tooltip: long enough to cross the gap between them. */
export const CLOSE_DELAY_MS = 300;

export type OpenedBy = 'hover' | 'tap' | 'keyboard';

/** How a click or tap reached a term. */
export interface ClickInput {
  /** `mouse`, `pen` or `touch`, from the pointerdown that began the click. */
  pointerType: string;
  altKey: boolean;
}

/**
 * Whether a click on a term opens its tooltip. A tap always does: a finger has no hover and no Alt key. A mouse or
 * pen click does in `hover` mode (as it always has) and in `click` mode, and in `alt-hover` mode only with Alt held:
 * the reader chose to keep tooltips away unless they ask with Alt.
 */
export function clickOpens(trigger: TooltipTrigger, input: ClickInput): boolean {
  if (input.pointerType === 'touch') return true;
  return trigger !== 'alt-hover' || input.altKey;
}

/** What is under the pointer: a term (with where the pointer is), the tooltip itself, or neither. */
export type PointerTarget<T> = { kind: 'term'; term: T; x: number; y: number } | { kind: 'ui' } | { kind: 'none' };

interface Timers {
  set(run: () => void, ms: number): number;
  clear(id: number): void;
}

export interface TooltipMachineOptions<T> {
  /** Two values for the same term (the engine may hand out new objects for the same text). */
  same(a: T | undefined, b: T | undefined): boolean;
  /** Read when a hover starts, so a changed preference applies to the next one. */
  hoverDelay(): number;
  /** Read at every pointer and modifier change, so a changed preference applies at once. */
  trigger(): TooltipTrigger;
  /** The pointer is still on this term (the page may have scrolled under a resting pointer). */
  stillUnder(term: T, point: { x: number; y: number }): boolean;
  open(term: T, by: OpenedBy, point?: { x: number; y: number }): void;
  close(): void;
  timers?: Timers;
}

export interface TooltipMachine<T> {
  /** What is under the pointer changed (mouse or pen). */
  pointer(target: PointerTarget<T>): void;
  /** Alt (Option) went down or up; or the window lost focus (up: its keyup will never come). */
  modifier(held: boolean): void;
  /** Opens at once (a tap, a step, a reveal); the caller decides what `by` means for closing. */
  openNow(term: T, by: OpenedBy, point?: { x: number; y: number }): void;
  /** Esc: closes, and keeps a still-hovered term from reopening. False when nothing was open. */
  escape(): boolean;
  close(): void;
  /** The open term and how it was opened, if any. */
  current(): { term: T; by: OpenedBy } | undefined;
  /** Cancels pending timers. */
  dispose(): void;
}

const GLOBAL_TIMERS: Timers = {
  set: (run, ms) => globalThis.setTimeout(run, ms) as unknown as number,
  clear: (id) => globalThis.clearTimeout(id),
};

export function createTooltipMachine<T>(options: TooltipMachineOptions<T>): TooltipMachine<T> {
  const { same, timers = GLOBAL_TIMERS } = options;
  let opened: { term: T; by: OpenedBy } | undefined;
  let openTimer = 0;
  let closeTimer = 0;
  /** Dismissed with Esc while the pointer rests on it: not reopened until the pointer leaves. */
  let suppressed: T | undefined;
  /** The last thing the pointer was reported on: where a modifier press opens. */
  let under: PointerTarget<T> = { kind: 'none' };
  let held = false;
  /** A resting pointer may open a tooltip in this mode, with the modifier as it is now. */
  const hoverOpens = () => {
    const trigger = options.trigger();
    return trigger === 'hover' || (trigger === 'alt-hover' && held);
  };

  const cancelOpen = () => {
    if (openTimer) timers.clear(openTimer);
    openTimer = 0;
  };
  const cancelClose = () => {
    if (closeTimer) timers.clear(closeTimer);
    closeTimer = 0;
  };

  /** Closes what is open; a hover waiting to open another term keeps waiting (the pointer moved on to it). */
  const closeOpened = () => {
    cancelClose();
    if (!opened) return;
    opened = undefined;
    options.close();
  };
  const close = () => {
    cancelOpen();
    closeOpened();
  };

  const openNow = (term: T, by: OpenedBy, point?: { x: number; y: number }) => {
    cancelOpen();
    cancelClose();
    opened = { term, by };
    options.open(term, by, point);
  };

  return {
    pointer(target) {
      under = target;
      if (target.kind === 'ui') {
        cancelClose();
        cancelOpen();
        return;
      }
      cancelOpen();
      if (target.kind === 'none' || !same(target.term, suppressed)) suppressed = undefined;
      if (target.kind === 'term') {
        if (opened && same(target.term, opened.term)) {
          cancelClose();
          return;
        }
        if (suppressed !== undefined) return;
        const { term, x, y } = target;
        if (hoverOpens()) {
          openTimer = timers.set(() => {
            openTimer = 0;
            openNow(term, 'hover', { x, y });
          }, options.hoverDelay());
        }
      }
      // Leaving what was open: only a tooltip the pointer opened goes away with the pointer.
      if (opened?.by === 'hover' && !closeTimer) {
        closeTimer = timers.set(() => {
          closeTimer = 0;
          closeOpened();
        }, CLOSE_DELAY_MS);
      }
    },
    modifier(down) {
      if (down === held) return;
      held = down;
      if (options.trigger() !== 'alt-hover') return;
      // Released: a hover still waiting to open was waiting for the modifier; what is open stays open.
      if (!down) return cancelOpen();
      if (under.kind !== 'term' || (opened && same(under.term, opened.term))) return;
      const { term, x, y } = under;
      if (!options.stillUnder(term, { x, y })) return;
      // A key press is a request, not a pointer passing by: it opens at once, even a term dismissed with Esc.
      suppressed = undefined;
      openNow(term, 'hover', { x, y });
    },
    openNow,
    escape() {
      if (!opened) return false;
      suppressed = opened.term;
      close();
      return true;
    },
    close,
    current: () => opened,
    dispose() {
      cancelOpen();
      cancelClose();
    },
  };
}
