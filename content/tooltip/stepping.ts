// Stepping through the frame's terms in document order (the next-term / previous-term commands, the popup's and the
// side panel's reveals, routed over the tab's frames by the background), and the "current term" mark steps leave.
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
 * Where a step starts when there is no current term (or it has gone): the first term whose box ends below the top of
 * the viewport going forwards, the last one that starts above its bottom going backwards, so the first step stays
 * where the reader is looking instead of jumping to the top of the page. -1 when every term is above the viewport
 * (going forwards) or below it (backwards).
 */
function inView(ordered: readonly Term[], direction: 1 | -1, geometry: StepGeometry): number {
  if (direction === 1) return ordered.findIndex((t) => (geometry.rectOf(t)?.bottom ?? -1) > 0);
  const { height } = geometry.viewport();
  for (let i = ordered.length - 1; i >= 0; i--) {
    const rect = geometry.rectOf(ordered[i]!);
    if (rect && rect.top < height) return i;
  }
  return -1;
}

export interface StepResult {
  term: Term;
  /** Position in document order, from 0. */
  position: number;
  total: number;
}

/**
 * The term one step from `current` in `direction` within this frame (of `entryId` only, for a reveal), never
 * wrapping: a tab's steps go through all its frames (background/frame-steps.ts), so at this frame's last (first) term
 * the result is undefined and the step goes on in the next (previous) frame, which starts from its `edge`: its first
 * (last) term. A tab of one frame wraps that way too.
 */
export function stepWithin(
  ordered: readonly Term[],
  current: Term | undefined,
  hint: number,
  direction: 1 | -1,
  from: 'current' | 'edge',
  entryId?: string,
  geometry: StepGeometry = PAGE_GEOMETRY,
): StepResult | undefined {
  const total = ordered.length;
  if (total === 0) return undefined;
  let i: number;
  if (from === 'edge') i = direction === 1 ? -1 : total;
  else {
    const at = positionOf(ordered, current, hint);
    const seen = at === -1 ? inView(ordered, direction, geometry) : -1;
    if (at !== -1) i = at;
    else if (seen !== -1) i = seen - direction;
    // Every term is behind the reader in that direction: the step goes on in the next frame.
    else i = direction === 1 ? total : -1;
  }
  for (i += direction; i >= 0 && i < total; i += direction) {
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
