// Reading order over a tab's frames: the top frame first, then each frame in document order, depth first (a frame's
// own frames come right after it, before its next sibling). The background steps in this order; the side panel
// lists occurrences in it. A frame's path is its index among its parent's frames at each level (content/
// frame-position.ts), so the order is the lexicographic order of the paths, a path before the paths it prefixes.
import type { FramePath } from './messages';

export function compareFramePaths(a: FramePath, b: FramePath): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
