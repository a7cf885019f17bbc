// The highlight layer: owns the CSS Custom Highlight registered for the page's terms and the index the hover,
// keyboard and popup features read. The page's DOM is never touched: ranges live in CSS.highlights only.
// The index holds every term; which ranges are in the highlight at a time is the paint window's business
// (content/paint-window.ts: on a page with many terms, only those near the viewport).

import { unitOf, type Unit, type UnitTerm } from './blocks';
import { highlightName, type HighlightStyle } from '../core/page-names';
import { PaintWindow } from './paint-window';
import type { Term, TermIndex } from './terms';

export class HighlightLayer implements TermIndex {
  /** Terms by the block unit that owns their text: the hit-test finds a node's unit and looks only there. */
  private readonly units = new Map<Unit, UnitTerm[]>();
  private readonly highlight = new Highlight();
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

  constructor(options: { style: HighlightStyle; firstOnly: boolean; hidden?: boolean }) {
    this.name = highlightName(options.style);
    this.firstOnly = options.firstOnly;
    this.hidden = options.hidden ?? false;
    this.paint = new PaintWindow(this.highlight);
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
    for (const listener of this.listeners) listener();
  };

  private showFirstOnly(): void {
    this.highlight.clear();
    const seen = new Set<string>();
    for (const term of this.ordered()) {
      if (seen.has(term.entryId)) continue;
      seen.add(term.entryId);
      this.highlight.add(term.range);
    }
  }

  /** Puts the highlight in the page's registry, or takes it out, as the layer's terms and privacy say. */
  private register(): void {
    const wanted = this.hasTerms && !this.hidden;
    if (wanted === this.registered) return;
    this.registered = wanted;
    if (wanted) CSS.highlights.set(this.name, this.highlight);
    else if (CSS.highlights.get(this.name) === this.highlight) CSS.highlights.delete(this.name);
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
    this.highlight.clear();
    this.paint.suspend(firstOnly);
    if (firstOnly) this.showFirstOnly();
  }

  /** Removes every range and the registration itself. */
  destroy(): void {
    this.paint.clear();
    this.highlight.clear();
    if (this.registered && CSS.highlights.get(this.name) === this.highlight) CSS.highlights.delete(this.name);
    this.registered = false;
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
