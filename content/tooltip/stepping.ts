// Stepping through the page's terms in document order (the next-term / previous-term commands and the popup's
// "reveal"), and the "current term" mark those steps leave.
import { CURRENT_HIGHLIGHT } from '../../core/page-names';
import type { Term } from '../terms';
import { termRect, viewport, type Viewport } from './geometry';
import { sameTerm } from './hit-test';

/** Position of `current` in `ordered`, or -1. Tries the remembered position first (terms are often unchanged). */
function positionOf(ordered: readonly Term[], current: Term | undefined, hint: number): number {
  if (!current) return -1;
  if (sameTerm(ordered[hint], current)) return hint;
  return ordered.findIndex((t) => sameTerm(t, current));
}

/** How stepping measures the page: the real viewport and ranges by default, stand-ins in tests. */
export interface StepGeometry {
  rectOf(term: Term): { top: number; bottom: number } | undefined;
  viewport(): Viewport;
}
const PAGE_GEOMETRY: StepGeometry = { rectOf: termRect, viewport };

/**
 * Where a step lands when there is no current term (or it has gone): the first term whose box ends below the top of
 * the viewport going forwards, the last one that starts above its bottom going backwards, so the first step stays
 * where the reader is looking instead of jumping to the top of the page.
 */
function fromViewport(ordered: readonly Term[], direction: 1 | -1, geometry: StepGeometry): number {
  if (direction === 1) {
    const i = ordered.findIndex((t) => (geometry.rectOf(t)?.bottom ?? -1) > 0);
    return i === -1 ? 0 : i;
  }
  const { height } = geometry.viewport();
  for (let i = ordered.length - 1; i >= 0; i--) {
    const rect = geometry.rectOf(ordered[i]!);
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
  geometry: StepGeometry = PAGE_GEOMETRY,
): StepResult | undefined {
  const total = ordered.length;
  if (total === 0) return undefined;
  const at = positionOf(ordered, current, hint);
  // Without a current term the viewport's first (last) term is itself the first step.
  let i = at === -1 ? fromViewport(ordered, direction, geometry) - direction : at;
  for (let n = 0; n < total; n++) {
    i = (i + direction + total) % total;
    const term = ordered[i]!;
    if (!entryId || term.entryId === entryId) return { term, position: i, total };
  }
  return undefined;
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
