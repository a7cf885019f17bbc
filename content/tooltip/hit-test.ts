// Pointer position → term. The page is never edited to know where terms are, so the term under the pointer is found
// from the text under it: caretPositionFromPoint gives a (text node, offset), the engine's index gives the term whose
// range holds that point, and the range's own client rects confirm it (the caret snaps to the nearest text, so a
// pointer in a margin or between lines would otherwise "hit" the closest word).
import type { Term, TermIndex } from '../terms';
import { pointInTerm } from './geometry';

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
