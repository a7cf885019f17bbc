// What the engine knows about the terms currently highlighted in this document. The hover, keyboard and popup
// features read it; only the engine (content/scan + content/highlights) writes it.

export interface Term {
  /** The term's text in the page. StaticRange: the page may change under it; the engine replaces stale ones. */
  readonly range: StaticRange;
  readonly entryId: string;
  /** The surface form found (an index into `glossary.forms`): the tooltip quotes the article's sentence using it. */
  readonly form: number;
}

export interface TermIndex {
  /** The term whose range contains the boundary point (node, offset), if any. O(terms in that text node). */
  at(node: Node, offset: number): Term | undefined;
  /** Every term, in document order (computed lazily after a change). */
  ordered(): readonly Term[];
  /** Entry id → how many times it is highlighted. */
  counts(): Record<string, number>;
  /** Called (coalesced, at most once per animation frame) after terms are added or removed. */
  onChange(listener: () => void, signal: AbortSignal): void;
}
