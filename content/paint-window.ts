// Paint only where the reader looks. A page with thousands of terms would hand the browser thousands of highlight
// ranges to paint (and to re-check on every paint); registering only the ranges near the viewport keeps that to a
// few hundred, and the rest are added as the reader scrolls, in one batch per frame.
//
// How: every block unit that holds terms is observed with one IntersectionObserver whose margin reaches WINDOW_SCREENS
// screens above and below the viewport (in a frame too: the implicit root is the top-level viewport). A unit's
// ranges are in the highlight while it is inside that window; the observer's callback, which the browser runs at
// most once per rendering frame, adds and removes them all at once. Nothing else changes: the highlight layer
// still knows every term, so hit-testing, counts, stepping and the popup see them all.
//
// Units committed while the scan runs are painted (few terms) or observed (many) in batches, at most every BATCH_MS
// and when the scan settles, not one by one: every change to the highlight makes the browser paint again, which on a
// large page costs more than the change, whatever the size of the change, and each observe() makes it render a
// frame and recompute every observed unit's intersection (figures: docs/performance.md#paint-window-batches). A unit committed again (its text changed) is repainted at once: no flicker.
//
// Pages with few terms (fewer than WINDOWED_FROM) register everything at once, as before: no observer at all.
// A unit whose element has no box of its own but whose text is drawn (display: contents) is always in the window.
import { repaintComing } from './yield-to-page';
import type { Unit, UnitTerm } from './blocks';

const WINDOWED_FROM = 1000;
const WINDOW_SCREENS = 2;
/**
 * Above this many ranges leaving in one batch, the highlight is rebuilt from what stays instead: Firefox's
 * Highlight.delete costs time in proportion to the ranges registered, adding is cheap in both browsers
 * (docs/performance.md#paint-window-batches).
 */
const REBUILD_FROM = 32;
const BATCH_MS = 200;

interface Entry {
  unit: Unit;
  terms: readonly UnitTerm[];
  /** Its ranges are in the highlight. */
  painted: boolean;
}

/**
 * Where painted ranges go: a Highlight, or the highlight layer's pair (the ordinary one and the faint one for terms
 * the reader knows), which picks by the term.
 */
export interface RangeSink {
  add(range: AbstractRange, term: UnitTerm): unknown;
  delete(range: AbstractRange, term: UnitTerm): unknown;
  clear(): void;
}

export type ObserverFactory = (
  callback: IntersectionObserverCallback,
  options: IntersectionObserverInit,
) => IntersectionObserver;

const browserObserver: ObserverFactory = (callback, options) => new IntersectionObserver(callback, options);

/** The element whose box stands for a unit: the unit itself, or a shadow root's host. */
const elementOf = (unit: Unit): Element =>
  unit.nodeType === Node.ELEMENT_NODE ? (unit as Element) : (unit as ShadowRoot).host;

export class PaintWindow {
  private readonly entries = new Map<Element, Entry>();
  private observer: IntersectionObserver | null = null;
  private termCount = 0;
  /** Paint nothing through the window (first-occurrence mode draws its own few ranges). */
  private suspended = false;
  /** Units to observe, and units to paint, with the next batch. */
  private readonly waiting = new Set<Element>();
  private readonly toPaint = new Set<Entry>();
  private batchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly highlight: RangeSink,
    private readonly createObserver: ObserverFactory = browserObserver,
    private readonly windowedFrom = WINDOWED_FROM,
  ) {}

  /** Whether only the ranges near the viewport are registered (the page has many terms). */
  get windowed(): boolean {
    return this.observer !== null;
  }

  /** The unit now holds `terms` (none: forget it). */
  set(unit: Unit, terms: readonly UnitTerm[]): void {
    const element = elementOf(unit);
    const old = this.entries.get(element);
    const wasPainted = old?.painted === true;
    if (old) {
      this.termCount -= old.terms.length;
      if (wasPainted) this.unpaint(old);
    }
    if (terms.length === 0) {
      if (old) {
        this.entries.delete(element);
        this.waiting.delete(element);
        this.observer?.unobserve(element);
      }
      return;
    }
    // A unit that was in the window stays painted with its new terms; a new one waits for the observer.
    const entry: Entry = { unit, terms, painted: false };
    this.entries.set(element, entry);
    this.termCount += terms.length;
    if (!this.observer && this.termCount >= this.windowedFrom) this.startWindow();
    if (wasPainted) this.paint(entry);
    else if (!this.observer) {
      this.toPaint.add(entry);
      this.soon();
    } else if (!old) {
      this.waiting.add(element);
      this.soon();
    }
  }

  /** Paints and observes what waits for a batch, now (the scan settled). */
  flush(): void {
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    for (const entry of this.toPaint)
      if (this.entries.get(elementOf(entry.unit)) === entry && !entry.painted) this.paint(entry);
    if (this.toPaint.size > 0) repaintComing();
    this.toPaint.clear();
    if (this.observer) for (const element of this.waiting) this.observer.observe(element);
    this.waiting.clear();
  }

  /** Something waits for the next batch: it is due within BATCH_MS. */
  private soon(): void {
    this.batchTimer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  /** Stops drawing through the window (true) or draws again what it should (false). */
  suspend(suspended: boolean): void {
    if (suspended === this.suspended) return;
    this.suspended = suspended;
    for (const entry of this.entries.values()) {
      if (suspended) entry.painted = false;
      else if (!this.observer) this.paint(entry);
    }
    // Windowed: the observer reports every unit's state again when observed anew.
    if (!suspended && this.observer) for (const element of this.entries.keys()) this.reobserve(element);
  }

  /** Paints what is painted again, from scratch: the sink's choice of highlight for a term changed. */
  repaint(): void {
    if (this.suspended) return;
    this.highlight.clear();
    for (const entry of this.entries.values()) if (entry.painted) this.paint(entry);
  }

  clear(): void {
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    this.waiting.clear();
    this.toPaint.clear();
    this.observer?.disconnect();
    this.observer = null;
    this.entries.clear();
    this.termCount = 0;
  }

  private startWindow(): void {
    const margin = `${WINDOW_SCREENS * 100}% 0px`;
    this.observer = this.createObserver((records) => this.onIntersections(records), { rootMargin: margin });
    // Everything painted so far stays until the first report, which removes what is outside the window; what was
    // waiting to be painted is the observer's to paint now.
    this.toPaint.clear();
    for (const element of this.entries.keys()) this.observer.observe(element);
  }

  private reobserve(element: Element): void {
    this.observer!.unobserve(element);
    this.observer!.observe(element);
  }

  /** One batch: the browser reports every unit that entered or left the window since the last frame. */
  private onIntersections(records: IntersectionObserverEntry[]): void {
    const leaving: Entry[] = [];
    let leavingRanges = 0;
    for (const record of records) {
      const entry = this.entries.get(record.target);
      if (!entry) continue;
      const inside = record.isIntersecting || this.drawnWithoutBox(record);
      if (inside && !entry.painted) this.paint(entry);
      else if (!inside && entry.painted) {
        leaving.push(entry);
        leavingRanges += entry.terms.length;
      }
    }
    if (leavingRanges <= REBUILD_FROM || this.suspended) {
      for (const entry of leaving) this.unpaint(entry);
      return;
    }
    for (const entry of leaving) entry.painted = false;
    this.highlight.clear();
    for (const entry of this.entries.values()) if (entry.painted) this.paint(entry);
  }

  /** A unit with no box of its own whose text is still drawn (display: contents), read once it reports no box. */
  private drawnWithoutBox(record: IntersectionObserverEntry): boolean {
    const { width, height } = record.boundingClientRect;
    return width === 0 && height === 0 && getComputedStyle(record.target).display === 'contents';
  }

  private paint(entry: Entry): void {
    if (this.suspended) return;
    for (const term of entry.terms) this.highlight.add(term.range, term);
    entry.painted = true;
  }

  private unpaint(entry: Entry): void {
    if (!this.suspended) for (const term of entry.terms) this.highlight.delete(term.range, term);
    entry.painted = false;
  }
}
