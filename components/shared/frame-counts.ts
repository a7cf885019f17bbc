// A tab's counts are its frames' counts added up: the popup and the side panel list the terms of every frame, as the
// badge counts them (a page's frames each report their own).
import type { PageTerms } from '../../core/messages';

/** Entry id → occurrences over the frames that highlight (a frame switched off has none to show). */
export function tabCounts(frames: Iterable<PageTerms>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const frame of frames) {
    if (!frame.active) continue;
    for (const [id, n] of Object.entries(frame.counts)) if (n > 0) counts[id] = (counts[id] ?? 0) + n;
  }
  return counts;
}
