// Pointer → term. The page is never edited to know where terms are, so the term under the pointer is found from
// the text under it: caretPositionFromPoint gives a (text node, offset), the engine's index gives the term whose
// range holds that point, and the range's own client rects confirm it (the caret snaps to the nearest text, so
// a pointer in a margin or between lines would otherwise "hit" the closest word).
import { HOVER_ATTRIBUTE } from '../core/page-names';
import type { Term, TermIndex } from './terms';

/** A live Range for a term's StaticRange (StaticRange has no geometry). Undefined once the text is gone. */
export function liveRange(term: Term): Range | undefined {
  const { startContainer, startOffset, endContainer, endOffset } = term.range;
  if (!startContainer.isConnected || !endContainer.isConnected) return undefined;
  try {
    const range = document.createRange();
    range.setStart(startContainer, startOffset);
    range.setEnd(endContainer, endOffset);
    return range;
  } catch {
    return undefined; // offsets beyond a node that has since shrunk: the engine will replace the term
  }
}

/** Whether (x, y) lies inside one of the term's line boxes (a little slack for sub-pixel edges). */
export function pointInTerm(term: Term, x: number, y: number, slack = 1): boolean {
  const range = liveRange(term);
  if (!range) return false;
  for (const r of range.getClientRects()) {
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return true;
  }
  return false;
}

/**
 * Open shadow roots under the point, outermost first. caretPositionFromPoint only descends into the shadow roots
 * it is given; terms in a component's open shadow root (the engine walks those) are otherwise unreachable.
 */
function shadowRootsAt(x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let element = document.elementFromPoint(x, y);
  while (element?.shadowRoot && roots.length < 8) {
    roots.push(element.shadowRoot);
    const inner = element.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === element) break;
    element = inner;
  }
  return roots;
}

/** The term drawn at viewport point (x, y), if any. */
export function termAtPoint(index: TermIndex, x: number, y: number): Term | undefined {
  const roots = shadowRootsAt(x, y);
  const caret = document.caretPositionFromPoint(x, y, roots.length ? { shadowRoots: roots } : undefined);
  const node = caret?.offsetNode;
  if (!caret || !node || node.nodeType !== Node.TEXT_NODE) return undefined;
  // A caret after the term's last character (pointer over its right half) sits at the range's end: try the
  // character before it too, whatever the index's convention for end points.
  const candidates = [index.at(node, caret.offset), caret.offset > 0 ? index.at(node, caret.offset - 1) : undefined];
  return candidates.find((term) => term !== undefined && pointInTerm(term, x, y));
}

/** Two Term objects for the same text (the engine may hand out new objects for the same range). */
export function sameTerm(a: Term | undefined, b: Term | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.entryId === b.entryId &&
    a.range.startContainer === b.range.startContainer &&
    a.range.startOffset === b.range.startOffset &&
    a.range.endContainer === b.range.endContainer &&
    a.range.endOffset === b.range.endOffset
  );
}

/** Whether the term's text sits inside a link or another control a click would activate. */
export function inInteractive(term: Term): boolean {
  const start = term.range.startContainer;
  const element = start instanceof Element ? start : start.parentElement;
  return !!element?.closest('a[href], area[href], button, label, summary, select, [role="button"], [role="link"]');
}

export type HoverTarget = { kind: 'term'; term: Term; x: number; y: number } | { kind: 'ui' } | { kind: 'none' };

export interface WatchHoverOptions {
  signal: AbortSignal;
  index: TermIndex;
  /** The event came from the extension's own UI (the tooltip host). */
  isOwnUi(event: Event): boolean;
  /** Called when what is under the pointer changes (not on every move). */
  onChange(target: HoverTarget): void;
}

/**
 * Watches a mouse or pen pointer: at most one hit test per animation frame, only the latest position counts.
 * Touch is left to content/touch.ts (a finger has no hover).
 */
export function watchHover({ signal, index, isOwnUi, onChange }: WatchHoverOptions): void {
  // composedPath() is empty once dispatch is over, so whether the event came from our UI is decided in the
  // handler, and only coordinates wait for the frame.
  let pending: { x: number; y: number; own: boolean } | undefined;
  let frame = 0;
  let last: HoverTarget = { kind: 'none' };
  const root = document.documentElement;

  const report = (target: HoverTarget) => {
    const same =
      target.kind === last.kind && (target.kind !== 'term' || (last.kind === 'term' && sameTerm(target.term, last.term)));
    // The cursor shows "help" on plain terms; a term inside a link keeps the link's pointer.
    const help = target.kind === 'term' && !inInteractive(target.term);
    if (help !== root.hasAttribute(HOVER_ATTRIBUTE)) root.toggleAttribute(HOVER_ATTRIBUTE, help);
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
    root.removeAttribute(HOVER_ATTRIBUTE);
  });
}
