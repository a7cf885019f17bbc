// What happy-dom lacks and the engine uses: StaticRange, Highlight and the CSS.highlights registry. Small
// stand-ins with the same fields and Set semantics, so blocks, scan and highlights can be tested in a DOM
// implementation; what the browsers really draw is proven in tests/e2e.
class StaticRangeStandIn {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
  get collapsed() {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

export class HighlightStandIn extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

export const registry = new Map<string, HighlightStandIn>();

export function installHighlightStandIns(): void {
  const g = globalThis as Record<string, unknown>;
  g.StaticRange = StaticRangeStandIn;
  g.Highlight = HighlightStandIn;
  // happy-dom's window.CSS may be handed out anew on each read: the registry goes on a CSS of our own.
  const css = Object.create(globalThis.CSS ?? null) as Record<string, unknown>;
  css.highlights = registry;
  Object.defineProperty(globalThis, 'CSS', { value: css, configurable: true, writable: true });
}

/** The text a range covers (the stand-in has no toString). */
export function rangeText(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}
