// Stepping through the page's terms in document order (the next-term / previous-term commands and the popup's
// "reveal"), and the "current term" mark those steps leave.
import type { Term } from './terms';
import { CURRENT_HIGHLIGHT } from '../core/page-names';
import { liveRange, sameTerm } from './hover';

function viewportHeight(): number {
  return window.innerHeight || document.documentElement.clientHeight;
}

/** Position of `current` in `ordered`, or -1. Tries the remembered position first (terms are often unchanged). */
function positionOf(ordered: readonly Term[], current: Term | undefined, hint: number): number {
  if (!current) return -1;
  if (sameTerm(ordered[hint], current)) return hint;
  return ordered.findIndex((t) => sameTerm(t, current));
}

/**
 * Where a step lands when there is no current term (or it has gone): the first term at or below the top of the
 * viewport going forwards, the last one above its bottom going backwards, so the first step stays where the
 * reader is looking instead of jumping to the top of the page.
 */
function fromViewport(ordered: readonly Term[], direction: 1 | -1): number {
  const height = viewportHeight();
  const tops = (t: Term) => liveRange(t)?.getBoundingClientRect();
  if (direction === 1) {
    const i = ordered.findIndex((t) => (tops(t)?.bottom ?? -1) > 0);
    return i === -1 ? 0 : i;
  }
  for (let i = ordered.length - 1; i >= 0; i--) {
    const rect = tops(ordered[i]!);
    if (rect && rect.top < height) return i;
  }
  return ordered.length - 1;
}

export interface StepResult {
  term: Term;
  /** Position in document order, from 0. */
  position: number;
  total: number;
}

/**
 * The term one step from `current` in `direction`, wrapping around at either end. With `entryId`, only terms of
 * that entry count (the popup's "reveal": next occurrence of one entry).
 */
export function stepFrom(
  ordered: readonly Term[],
  current: Term | undefined,
  hint: number,
  direction: 1 | -1,
  entryId?: string,
): StepResult | undefined {
  const total = ordered.length;
  if (total === 0) return undefined;
  const at = positionOf(ordered, current, hint);
  // Without a current term the viewport's first (last) term is itself the first step.
  let i = at === -1 ? fromViewport(ordered, direction) - direction : at;
  for (let n = 0; n < total; n++) {
    i = (i + direction + total) % total;
    const term = ordered[i]!;
    if (!entryId || term.entryId === entryId) return { term, position: i, total };
  }
  return undefined;
}

/** Brings the term to the middle of the viewport if it is not fully visible (nested scrollers first). */
export function scrollTermIntoView(term: Term): void {
  const range = liveRange(term);
  if (!range) return;
  const visible = (r: DOMRect) => r.top >= 0 && r.bottom <= viewportHeight() && r.left >= 0 && r.right <= window.innerWidth;
  if (visible(range.getBoundingClientRect())) return;
  const container = term.range.startContainer.parentElement;
  // `nearest` scrolls the nearest scrollable ancestors just enough; the window is then centred on the term.
  // Instant, not smooth: the tooltip is positioned right after and must not chase a moving target.
  container?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const rect = range.getBoundingClientRect();
  if (!visible(rect)) window.scrollBy({ top: rect.top - viewportHeight() / 2 + rect.height / 2, behavior: 'instant' });
}

/** Marks `term` as the keyboard's current term (or clears the mark). */
export function markCurrent(term: Term | undefined): void {
  if (!term) {
    CSS.highlights.delete(CURRENT_HIGHLIGHT);
    return;
  }
  const highlight = new Highlight(term.range);
  // Drawn over the ordinary term highlight.
  highlight.priority = 1;
  CSS.highlights.set(CURRENT_HIGHLIGHT, highlight);
}
