// The highlight layer: owns the CSS Custom Highlight registered for the page's terms and the index the hover,
// keyboard and popup features read. The page's DOM is never touched: ranges live in CSS.highlights only.

import type { Unit, UnitTerm } from './blocks';
import type { Term, TermIndex } from './terms';

export type HighlightStyle = 'underline' | 'tint' | 'both';

/** Every highlight this extension registers has a name starting with this. */
export const HIGHLIGHT_PREFIX = 'rls-lens';
/** Registered under a name per style: the manifest CSS styles each name, so no page style sheet is needed. */
export const highlightName = (style: HighlightStyle) => `${HIGHLIGHT_PREFIX}-${style}`;

interface IndexedTerm extends Term {
  readonly nodes: readonly Node[];
}

export class HighlightLayer implements TermIndex {
  private readonly units = new Map<Unit, IndexedTerm[]>();
  private readonly byNode = new Map<Node, IndexedTerm[]>();
  private readonly highlight = new Highlight();
  private name: string;
  private firstOnly: boolean;
  private orderCache: IndexedTerm[] | null = null;
  private changed = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly entryIds: readonly string[],
    options: { style: HighlightStyle; firstOnly: boolean },
  ) {
    this.name = highlightName(options.style);
    this.firstOnly = options.firstOnly;
    CSS.highlights.set(this.name, this.highlight);
  }

  commitUnit = (unit: Unit, unitTerms: UnitTerm[]): void => {
    const old = this.units.get(unit);
    if (!old && unitTerms.length === 0) return;
    if (old) this.forget(old);
    if (unitTerms.length === 0) {
      this.units.delete(unit);
    } else {
      const terms = unitTerms.map(({ range, entry, spans }) => ({
        range,
        entryId: this.entryIds[entry]!,
        nodes: spans ?? [range.startContainer],
      }));
      this.units.set(unit, terms);
      for (const term of terms) {
        for (const node of term.nodes) {
          const list = this.byNode.get(node);
          if (list) list.push(term);
          else this.byNode.set(node, [term]);
        }
        if (!this.firstOnly) this.highlight.add(term.range);
      }
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

  /** End of a burst of scanning: refresh first-occurrence mode and tell listeners once. */
  settled = (): void => {
    if (!this.changed) return;
    this.changed = false;
    if (this.firstOnly) this.showFirstOnly();
    for (const listener of this.listeners) listener();
  };

  private forget(terms: IndexedTerm[]): void {
    for (const term of terms) {
      this.highlight.delete(term.range);
      for (const node of term.nodes) {
        const list = this.byNode.get(node);
        if (!list) continue;
        const at = list.indexOf(term);
        if (at !== -1) list.splice(at, 1);
        if (list.length === 0) this.byNode.delete(node);
      }
    }
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
    this.byNode.clear();
    this.orderCache = null;
    this.listeners.clear();
  }

  at(node: Node, offset: number): Term | undefined {
    const list = this.byNode.get(node);
    if (!list) return undefined;
    return list.find(({ range }) => {
      if (node === range.startContainer && offset < range.startOffset) return false;
      if (node === range.endContainer && offset > range.endOffset) return false;
      return true;
    });
  }

  ordered(): readonly Term[] {
    if (!this.orderCache) {
      const all: IndexedTerm[] = [];
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
