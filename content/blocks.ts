// Turning a DOM subtree into blocks of inline text the matcher can read, and matches back into ranges.
//
// A *unit* is a block-level element (or a shadow root) and the inline content it owns directly; nested blocks are
// units of their own. Within a unit, text nodes are joined into *segments* — runs of inline content not broken by a
// nested block, a <br> or a skipped element — so `<em>restless</em> legs` reads as one string. Block-ness comes
// from the tag name (computing styles for every element would cost more than the whole scan).

import type { Matcher } from './match';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Elements whose content is never read: code, form controls, media, frames (they run their own script). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'button',
  'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio', 'img', 'picture', 'head', 'title', 'meta',
  'link', 'datalist', 'slot',
]);

/** Elements that start a new line of text: a term never spans their boundary. */
const BLOCKS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'caption', 'ul', 'output', 'search', 'colgroup',
]);

/** Empty elements that break a line: they end a segment but own no content. */
const BREAKS = new Set(['br', 'hr']);

/** Prefix of the extension's own UI elements (the tooltip host): never scanned. */
export const OWN_UI_PREFIX = 'rls-lens';

export type Unit = Element | ShadowRoot;

/** A match mapped back to the page. */
export interface UnitTerm {
  range: StaticRange;
  entry: number;
  /** Every text node the term touches, when it spans more than one (for hit-testing by node). */
  spans?: Text[];
}

export function isSkipped(el: Element): boolean {
  if (el.namespaceURI !== HTML_NS) return true; // svg text, MathML
  const name = el.localName;
  if (SKIPPED.has(name) || name.startsWith(OWN_UI_PREFIX)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export function isBlock(el: Element): boolean {
  return BLOCKS.has(el.localName);
}

export function isBreak(el: Element): boolean {
  return BREAKS.has(el.localName);
}

/** The unit that owns a node's inline content: its nearest block ancestor, or the shadow root / document above. */
export function unitOf(node: Node): Unit | null {
  for (let n: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE) {
      if (n !== node && isSkipped(n as Element)) return null;
      if (isBlock(n as Element)) return n as Element;
    } else if (n.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      return (n as ShadowRoot).host ? (n as ShadowRoot) : null;
    } else if (n.nodeType === Node.DOCUMENT_NODE) {
      return (n as Document).documentElement;
    }
  }
  return null;
}

/** True when a node or one of its ancestors is content the scanner must not read. */
export function isInsideSkipped(node: Node): boolean {
  for (let n: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && isSkipped(n as Element)) return true;
  }
  return false;
}

/** Joins text nodes of one segment and maps matches in the joined string back to StaticRanges. */
export class Segment {
  nodes: Text[] = [];
  starts: number[] = [];
  text = '';

  push(node: Text): void {
    this.nodes.push(node);
    this.starts.push(this.text.length);
    this.text += node.data;
  }

  /** Runs the matcher over the segment, appends its terms to `out`, and empties the segment. */
  flush(matcher: Matcher, out: UnitTerm[]): number {
    const { text, nodes } = this;
    let found = 0;
    if (text.length > 1) {
      for (const match of matcher.find(text)) {
        const first = this.locate(match.start, false);
        const last = this.locate(match.end, true);
        const startContainer = nodes[first]!;
        const endContainer = nodes[last]!;
        const range = new StaticRange({
          startContainer,
          startOffset: match.start - this.starts[first]!,
          endContainer,
          endOffset: match.end - this.starts[last]!,
        });
        out.push(first === last ? { range, entry: match.entry } : { range, entry: match.entry, spans: nodes.slice(first, last + 1) });
        found++;
      }
    }
    if (nodes.length) {
      this.nodes = [];
      this.starts = [];
      this.text = '';
    }
    return found;
  }

  /** Index of the text node holding a position of the joined string; an end position prefers the node it ends in. */
  private locate(position: number, isEnd: boolean): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const start = starts[mid]!;
      if (start < position || (!isEnd && start === position)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
