// Where the mouse or pen is: at most one hit test per animation frame, and a report only when what is under the
// pointer changes. Touch is left to taps.ts (a finger has no hover).
import type { Term, TermIndex } from '../terms';
import { sameTerm, termAtPoint } from './hit-test';
import type { PointerTarget } from './state';

type HoverTarget = PointerTarget<Term>;

export interface WatchHoverOptions {
  signal: AbortSignal;
  index: TermIndex;
  /** The event came from the extension's own UI (the tooltip host). */
  isOwnUi(event: Event): boolean;
  /** Called when what is under the pointer changes (not on every move). */
  onChange(target: HoverTarget): void;
}

export function watchHover({ signal, index, isOwnUi, onChange }: WatchHoverOptions): void {
  // composedPath() is empty once dispatch is over, so whether the event came from our UI is decided in the
  // handler, and only coordinates wait for the frame.
  let pending: { x: number; y: number; own: boolean } | undefined;
  let frame = 0;
  let last: HoverTarget = { kind: 'none' };

  const report = (target: HoverTarget) => {
    const same =
      target.kind === last.kind &&
      (target.kind !== 'term' || (last.kind === 'term' && sameTerm(target.term, last.term)));
    // No cursor change and no mark of any kind on the page: the moment a reader rests on a term is theirs (issue 18).
    if (same) return;
    last = target;
    onChange(target);
  };

  const check = () => {
    frame = 0;
    const event = pending;
    pending = undefined;
    if (!event) return;
    if (event.own) report({ kind: 'ui' });
    else {
      const term = termAtPoint(index, event.x, event.y);
      report(term ? { kind: 'term', term, x: event.x, y: event.y } : { kind: 'none' });
    }
  };

  const onMove = (event: PointerEvent) => {
    if (event.pointerType === 'touch') return;
    pending = { x: event.clientX, y: event.clientY, own: isOwnUi(event) };
    if (!frame) frame = requestAnimationFrame(check);
  };
  // The pointer left the window: nothing is under it any more.
  const onOut = (event: PointerEvent) => {
    if (event.pointerType !== 'touch' && !event.relatedTarget) {
      pending = undefined;
      report({ kind: 'none' });
    }
  };

  window.addEventListener('pointermove', onMove, { passive: true, capture: true, signal });
  document.addEventListener('pointerout', onOut, { passive: true, signal });
  signal.addEventListener('abort', () => {
    if (frame) cancelAnimationFrame(frame);
  });
}
