// Tap (or click) on a term → its tooltip; tap anywhere else → close.
//
// Why `click` and not pointerup: `click` is the event whose default action follows links, submits, toggles
// labels. Deciding there lets us cancel exactly the activation we replace and nothing else. The rule:
// - a term in plain text: open the tooltip and preventDefault(), so the tap does nothing else the browser
//   would do for it (page click handlers still run: we never stopPropagation, the page keeps working);
// - a term inside a link, button, label, summary… : do nothing. The reader tapped a control; the control wins
//   and the page navigates or toggles as it always did. Such terms are reachable with the step command.
// - a tap that ended a text selection (mouse drag) is not a request for a tooltip;
// - a click the trigger preference does not want (a mouse click in Alt+hover mode, without Alt) is left alone.
// Closing on "tap elsewhere" uses pointerdown so the tooltip is gone before whatever the tap starts.
import type { Term, TermIndex } from '../terms';
import { pointInTerm } from './geometry';
import { inInteractive, termAtPoint } from './hit-test';
import type { ClickInput } from './state';

export interface WatchTapsOptions {
  signal: AbortSignal;
  index: TermIndex;
  isOwnUi(event: Event): boolean;
  /** The term whose tooltip is open, if any. */
  openTerm(): Term | undefined;
  /** A term was clicked or tapped; true when that opened its tooltip (the click then does nothing else). */
  onTap(term: Term, point: { x: number; y: number }, input: ClickInput): boolean;
  onOutside(): void;
}

export function watchTaps({ signal, index, isOwnUi, openTerm, onTap, onOutside }: WatchTapsOptions): void {
  // A click's own pointerType is not reliable in every browser version: the pointerdown that began it says.
  let pointerType = 'mouse';
  const onPointerDown = (event: PointerEvent) => {
    pointerType = event.pointerType;
    if (isOwnUi(event)) return;
    const open = openTerm();
    if (open && !pointInTerm(open, event.clientX, event.clientY)) onOutside();
  };

  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.defaultPrevented || isOwnUi(event)) return;
    // A keyboard "click" (Enter on a focused link) has no pointer position worth testing.
    if (event.detail === 0 && event.clientX === 0 && event.clientY === 0) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const term = termAtPoint(index, event.clientX, event.clientY);
    if (!term || inInteractive(term)) return;
    if (onTap(term, { x: event.clientX, y: event.clientY }, { pointerType, altKey: event.altKey }))
      event.preventDefault();
  };

  window.addEventListener('pointerdown', onPointerDown, { capture: true, passive: true, signal });
  // Capture phase, so the decision is made before page handlers that might navigate on click.
  window.addEventListener('click', onClick, { capture: true, signal });
}
