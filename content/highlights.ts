// The highlight layer: owns the CSS Custom Highlight registered for the page's terms and the index the hover,
// keyboard and popup features read. The page's DOM is never touched: ranges live in CSS.highlights only.

import { unitOf, type Unit, type UnitTerm } from './blocks';
import { highlightName, type HighlightStyle } from '../core/page-names';
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

  constructor(options: { style: HighlightStyle; firstOnly: boolean }) {
    this.name = highlightName(options.style);
    this.firstOnly = options.firstOnly;
    CSS.highlights.set(this.name, this.highlight);
  }

  commitUnit = (unit: Unit, terms: UnitTerm[]): void => {
    const old = this.units.get(unit);
    if (!old && terms.length === 0) return;
    if (old) this.forget(old);
    if (terms.length === 0) {
      this.units.delete(unit);
    } else {
      this.units.set(unit, terms);
      if (!this.firstOnly) for (const term of terms) this.highlight.add(term.range);
    }
    this.changed = true;
    this.orderCache = null;
  };

  /** Drops units that left the document (their ranges point at detached nodes). */
  sweep = (): void => {
    for (const [unit, terms] of this.units) {
      if (!unit.isConnected) {
        this.forget(terms);
        this.units.delete(unit);
        this.changed = true;
        this.orderCache = null;
      }
    }
  };

  /** Forgets every unit inside `root` (including a unit that is `root`). */
  forgetWithin = (root: Node): void => {
    for (const [unit, terms] of this.units) {
      if (root === unit || root.contains(unit)) {
        this.forget(terms);
        this.units.delete(unit);
        this.changed = true;
        this.orderCache = null;
      }
    }
  };

  /** End of a burst of scanning: refresh first-occurrence mode and tell listeners once. */
  settled = (): void => {
    if (!this.changed) return;
    this.changed = false;
    if (this.firstOnly) this.showFirstOnly();
    for (const listener of this.listeners) listener();
  };

  private forget(terms: UnitTerm[]): void {
    for (const term of terms) this.highlight.delete(term.range);
  }

  private showFirstOnly(): void {
    this.highlight.clear();
    const seen = new Set<string>();
    for (const term of this.ordered()) {
      if (seen.has(term.entryId)) continue;
      seen.add(term.entryId);
      this.highlight.add(term.range);
    }
  }

  setStyle(style: HighlightStyle): void {
    const name = highlightName(style);
    if (name === this.name) return;
    CSS.highlights.delete(this.name);
    this.name = name;
    CSS.highlights.set(name, this.highlight);
  }

  setFirstOnly(firstOnly: boolean): void {
    if (firstOnly === this.firstOnly) return;
    this.firstOnly = firstOnly;
    if (firstOnly) this.showFirstOnly();
    else {
      this.highlight.clear();
      for (const terms of this.units.values()) for (const term of terms) this.highlight.add(term.range);
    }
  }

  /** Removes every range and the registration itself. */
  destroy(): void {
    this.highlight.clear();
    if (CSS.highlights.get(this.name) === this.highlight) CSS.highlights.delete(this.name);
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
      if (node === range.startContainer) return offset >= range.startOffset && (node !== range.endContainer || offset <= range.endOffset);
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
