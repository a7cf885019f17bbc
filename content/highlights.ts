// The highlight layer: owns the CSS Custom Highlight registered for the page's terms and the index the hover,
// keyboard and popup features read. The page's DOM is never touched: ranges live in CSS.highlights only.
// The index holds every term; which ranges are in the highlight at a time is the paint window's business
// (content/paint-window.ts: on a page with many terms, only those near the viewport). Terms of the entries the reader
// marked "I know this" go to a second, faint highlight (FAINT_HIGHLIGHT), in the registry only while it holds any.

import { unitOf, type Unit, type UnitTerm } from './blocks';
import { FAINT_HIGHLIGHT, highlightName, type HighlightStyle } from '../core/page-names';
import { PaintWindow, type RangeSink } from './paint-window';
import type { Term, TermIndex } from './terms';

export class HighlightLayer implements TermIndex {
  /** Terms by the block unit that owns their text: the hit-test finds a node's unit and looks only there. */
  private readonly units = new Map<Unit, UnitTerm[]>();
  private readonly highlight = new Highlight();
  /** The terms of known entries: drawn quieter (content/highlights.css). */
  private readonly faint = new Highlight();
  private known: ReadonlySet<string>;
  private faintRegistered = false;
  /** Each range goes to the faint highlight or the ordinary one, by its entry. */
  private readonly sink: RangeSink = {
    add: (range, term) => {
      if (!this.known.has(term.entryId)) return this.highlight.add(range);
      this.faint.add(range);
      this.registerFaint();
    },
    delete: (range, term) => (this.known.has(term.entryId) ? this.faint : this.highlight).delete(range),
    clear: () => {
      this.highlight.clear();
      this.faint.clear();
    },
  };
  private name: string;
  private firstOnly: boolean;
  private orderCache: UnitTerm[] | null = null;
  private changed = false;
  private readonly listeners = new Set<() => void>();
  private readonly paint: PaintWindow;
  /** The highlight is in the page's registry: from the first term on (a page without terms gets no entry at all). */
  private registered = false;
  /** The layer has terms: the highlight belongs in the registry unless the reader reads privately. */
  private hasTerms = false;
  /** Private reading: the index works (hover, steps, the side panel) but nothing enters the page's registry. */
  private hidden: boolean;

  constructor(options: { style: HighlightStyle; firstOnly: boolean; hidden?: boolean; known?: readonly string[] }) {
    this.name = highlightName(options.style);
    this.firstOnly = options.firstOnly;
    this.hidden = options.hidden ?? false;
    this.known = new Set(options.known);
    this.paint = new PaintWindow(this.sink);
    // First-occurrence mode draws its few ranges itself (showFirstOnly).
    this.paint.suspend(this.firstOnly);
  }

  commitUnit = (unit: Unit, terms: UnitTerm[]): void => {
    const old = this.units.get(unit);
    if (!old && terms.length === 0) return;
    if (terms.length === 0) this.units.delete(unit);
    else this.units.set(unit, terms);
    if (!this.hasTerms) {
      this.hasTerms = true;
      this.register();
    }
    this.paint.set(unit, terms);
    this.changed = true;
    this.orderCache = null;
  };

  /** Drops units that left the document (their ranges point at detached nodes). */
  sweep = (): void => {
    for (const unit of this.units.keys()) {
      if (!unit.isConnected) {
        this.paint.set(unit, []);
        this.units.delete(unit);
        this.changed = true;
        this.orderCache = null;
      }
    }
  };

  /** Forgets every unit inside `root` (including a unit that is `root`). */
  forgetWithin = (root: Node): void => {
    for (const unit of this.units.keys()) {
      if (root === unit || root.contains(unit)) {
        this.paint.set(unit, []);
        this.units.delete(unit);
        this.changed = true;
        this.orderCache = null;
      }
    }
  };

  /** End of a burst of scanning: refresh first-occurrence mode and tell listeners once. */
  settled = (): void => {
    this.paint.flush();
    if (!this.changed) return;
    this.changed = false;
    if (this.firstOnly) this.showFirstOnly();
    this.registerFaint();
    for (const listener of this.listeners) listener();
  };

  private showFirstOnly(): void {
    this.sink.clear();
    const seen = new Set<string>();
    for (const term of this.ordered()) {
      if (seen.has(term.entryId)) continue;
      seen.add(term.entryId);
      this.sink.add(term.range, term);
    }
  }

  /** The faint highlight is in the registry while the ordinary one is and it holds a range (a page without a known term gets no entry). */
  private registerFaint(): void {
    const wanted = this.registered && this.faint.size > 0;
    if (wanted === this.faintRegistered) return;
    this.faintRegistered = wanted;
    if (wanted) CSS.highlights.set(FAINT_HIGHLIGHT, this.faint);
    else if (CSS.highlights.get(FAINT_HIGHLIGHT) === this.faint) CSS.highlights.delete(FAINT_HIGHLIGHT);
  }

  /** The entries the reader knows changed: their terms move to the faint highlight, or back. */
  setKnown(known: readonly string[]): void {
    const next = new Set(known);
    if (next.size === this.known.size && [...next].every((id) => this.known.has(id))) return;
    this.known = next;
    if (this.firstOnly) this.showFirstOnly();
    else this.paint.repaint();
    this.registerFaint();
  }

  /** Puts the highlight in the page's registry, or takes it out, as the layer's terms and privacy say. */
  private register(): void {
    const wanted = this.hasTerms && !this.hidden;
    if (wanted === this.registered) return;
    this.registered = wanted;
    if (wanted) CSS.highlights.set(this.name, this.highlight);
    else if (CSS.highlights.get(this.name) === this.highlight) CSS.highlights.delete(this.name);
    this.registerFaint();
  }

  setStyle(style: HighlightStyle): void {
    const name = highlightName(style);
    if (name === this.name) return;
    if (this.registered) CSS.highlights.delete(this.name);
    this.name = name;
    if (this.registered) CSS.highlights.set(name, this.highlight);
  }

  /** Private reading on (hidden) or off: the page's registry loses or regains the highlight, the index stays. */
  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    this.register();
  }

  setFirstOnly(firstOnly: boolean): void {
    if (firstOnly === this.firstOnly) return;
    this.firstOnly = firstOnly;
    this.sink.clear();
    this.paint.suspend(firstOnly);
    if (firstOnly) this.showFirstOnly();
    this.registerFaint();
  }

  /** Removes every range and the registration itself. */
  destroy(): void {
    this.paint.clear();
    this.sink.clear();
    if (this.registered && CSS.highlights.get(this.name) === this.highlight) CSS.highlights.delete(this.name);
    this.registered = false;
    this.registerFaint();
    this.hasTerms = false;
    this.units.clear();
    this.orderCache = null;
    this.listeners.clear();
  }

  at(node: Node, offset: number): Term | undefined {
    if (node.nodeType !== Node.TEXT_NODE) return undefined;
    const unit = unitOf(node);
    const terms = unit && this.units.get(unit);
    if (!terms) return undefined;
    return terms.find(({ range, spans }) => {
      if (node === range.startContainer)
        return offset >= range.startOffset && (node !== range.endContainer || offset <= range.endOffset);
      if (node === range.endContainer) return offset <= range.endOffset;
      return spans !== undefined && spans.includes(node as Text);
    });
  }

  ordered(): readonly Term[] {
    if (!this.orderCache) {
      const all: UnitTerm[] = [];
      for (const terms of this.units.values()) all.push(...terms);
      all.sort(compareTerms);
      this.orderCache = all;
    }
    return this.orderCache;
  }

  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const terms of this.units.values()) {
      for (const { entryId } of terms) counts[entryId] = (counts[entryId] ?? 0) + 1;
    }
    return counts;
  }

  onChange(listener: () => void, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener));
  }
}

function compareTerms(a: Term, b: Term): number {
  const x = a.range.startContainer;
  const y = b.range.startContainer;
  if (x === y) return a.range.startOffset - b.range.startOffset;
  const position = x.compareDocumentPosition(y);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}
