// When a time slice of the scanner stops. Reading the clock after every node would cost more than the nodes (each
// reading is a call into the page in Firefox's content scripts), so the clock is read after some *work*: a node
// counts 1, a term 8 (a range and a highlight entry), 64 characters 1 (the matcher's search). How much work goes
// between two readings adapts to how fast this frame runs it, between MIN_CHECK and MAX_CHECK: the first slices run
// cold code, later ones run hot (docs/performance.md#cold-first-slices).
// A coarse clock (Firefox reads whole milliseconds) only lets the interval grow while readings show no time passing,
// and the deadline itself is still checked at every reading.

const SLICE_MS = 8;
const [MIN_CHECK, MAX_CHECK, TERM_WORK, CHARS_PER_WORK] = [8, 256, 8, 64];

/** What a slice has done so far (also the detail of its rls-lens:scan measure). */
export interface SliceStats {
  nodes: number;
  chars: number;
  matches: number;
}

export class SliceClock {
  private every = MIN_CHECK * 2;
  private deadline = 0;
  private last = 0;
  private next = 0;

  /** Starts a slice now; returns its start time. */
  start(stats: SliceStats): number {
    const now = performance.now();
    this.deadline = now + SLICE_MS;
    this.last = now;
    this.next = work(stats) + this.every;
    return now;
  }

  /** Whether the slice's time is up (reads the clock only when enough work was done since the last reading). */
  due(stats: SliceStats): boolean {
    const done = work(stats);
    if (done < this.next) return false;
    const now = performance.now();
    if (now > this.deadline) return true;
    // Under a millisecond since the last reading: read less often; over two: more often.
    const spent = now - this.last;
    this.last = now;
    if (spent < 1) this.every = Math.min(this.every * 2, MAX_CHECK);
    else if (spent > 2) this.every = Math.max(this.every >> 1, MIN_CHECK);
    this.next = done + this.every;
    return false;
  }
}

const work = (stats: SliceStats) => stats.nodes + stats.matches * TERM_WORK + stats.chars / CHARS_PER_WORK;
