// Giving the page its turn between two slices of our work.

/** A highlight changed since the last slice: the browser repaints the page in its next frame. */
let repaintPending = false;
/** The longest anything here waits for the page's next frame (a hidden tab renders none). */
const FRAME_WAIT_MS = 100;

/**
 * Runs `run` in a task of its own after the page's next rendering frame and the timers the page had queued by
 * then, or FRAME_WAIT_MS from now at most.
 */
export function afterNextFrame(run: () => void): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    // A hidden tab draws no frame: a callback left waiting for one would stay registered, one per yield, until the
    // tab is shown again (tests/e2e/soak.test.ts).
    cancelAnimationFrame(frame);
    run();
  };
  const timer = setTimeout(go, FRAME_WAIT_MS);
  const frame = requestAnimationFrame(() => setTimeout(go, 0));
}

/**
 * Says that the highlights changed (content/paint-window.ts): the next yield waits until the page has drawn the frame
 * and run the timers it had queued, so that our next slice never follows the repaint directly. On a large page the
 * repaint is long (docs/performance.md#yielding-to-the-pages-timers), and a slice right behind it would
 * make one gap of the page's own timers out of both.
 */
export function repaintComing(): void {
  repaintPending = true;
}

/**
 * Lets the page run before the next slice: a timer of our own, queued behind the timers the page has already set.
 * Not scheduler.yield(): its continuations outrank the page's own tasks, so a page's timers did not run once during
 * a long scan of a large page (tests/e2e/hostile.test.ts). Not a message-channel task either: Chromium ran
 * two of them back to back ahead of a page timer that was due, which with the repaint after them made long gaps in
 * the page's heartbeat (figures: docs/performance.md#yielding-to-the-pages-timers); timers run in the order they
 * fall due. The cost is
 * the browsers' 4 ms clamp on nested timers: idle time the page can use, not work.
 */
export function yieldToPage(): Promise<void> {
  if (repaintPending) {
    repaintPending = false;
    return new Promise<void>((resolve) => afterNextFrame(resolve));
  }
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}
