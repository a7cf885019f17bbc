// Where this frame sits among the tab's frames, asked only when a step is routed or a panel lists occurrences
// (never while the page loads). `window.parent.frames[i] === window` works across origins: a frame may not read its
// parent's document, but it may index its parent's frames and compare them, so no parent needs our help.

/** The parts of a window this needs (all readable across origins); stand-ins in unit tests. */
export interface FrameWindow {
  readonly parent: FrameWindow;
  readonly frames: { readonly length: number; readonly [index: number]: FrameWindow | undefined };
}

/** A frame deeper than this is not told apart from its ancestors any further (browsers stop nesting long before). */
const MAX_DEPTH = 32;

/**
 * The frame's index among its parent's frames at each level, from the top: [] for the top frame, [2, 0] for the
 * first frame inside the third frame of the top page. Browsers list a document's frames in document order. A frame
 * its parent does not list (one inside a shadow root) is placed after its listed siblings.
 */
export function framePath(win: FrameWindow = window as unknown as FrameWindow): number[] {
  const path: number[] = [];
  for (let w = win; w.parent !== w && path.length < MAX_DEPTH; w = w.parent) {
    const siblings = w.parent.frames;
    const count = siblings.length;
    let i = 0;
    while (i < count && siblings[i] !== w) i++;
    path.unshift(i);
  }
  return path;
}
