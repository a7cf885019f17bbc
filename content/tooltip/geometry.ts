// Where a term is drawn. Terms are StaticRanges (no geometry of their own, and the page may change under them), so
// every measurement goes through a live Range made on the spot.
import type { Term } from '../terms';

/** A live Range for a term's StaticRange. Undefined once the text is gone. */
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

export interface Viewport {
  width: number;
  height: number;
}

export function viewport(): Viewport {
  return {
    width: window.innerWidth || document.documentElement.clientWidth,
    height: window.innerHeight || document.documentElement.clientHeight,
  };
}

/** The term's bounding box in viewport coordinates, or undefined once its text is gone. */
export function termRect(term: Term): DOMRect | undefined {
  return liveRange(term)?.getBoundingClientRect();
}

function fullyVisible(rect: DOMRect, view: Viewport = viewport()): boolean {
  return rect.top >= 0 && rect.bottom <= view.height && rect.left >= 0 && rect.right <= view.width;
}

/** Brings the term to the middle of the viewport if it is not fully visible (nested scrollers first). */
export function scrollTermIntoView(term: Term): void {
  const range = liveRange(term);
  if (!range) return;
  if (fullyVisible(range.getBoundingClientRect())) return;
  const container = term.range.startContainer.parentElement;
  // `nearest` scrolls the nearest scrollable ancestors just enough; the window is then centred on the term.
  // Instant, not smooth: the tooltip is positioned right after and must not chase a moving target.
  container?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const rect = range.getBoundingClientRect();
  const view = viewport();
  if (!fullyVisible(rect, view))
    window.scrollBy({ top: rect.top - view.height / 2 + rect.height / 2, behavior: 'instant' });
}
