// Turning a DOM subtree into blocks of inline text the matcher can read, and matches back into ranges.
//
// A *unit* is a block-level element (or a shadow root) and the inline content it owns directly; nested blocks are
// units of their own. Within a unit, text nodes are joined into *segments* — runs of inline content not broken by a
// nested block, a <br> or a skipped element — so `<em>restless</em> legs` reads as one string. Block-ness comes
// from the tag name (computing styles for every element would cost more than the whole scan).

import type { Match } from '../core/matcher';
import { PAGE_PREFIX } from '../core/page-names';

/** How the scanner treats an element, decided by its tag name alone. */
export const enum Kind {
  /** Part of the surrounding line of text: `<em>restless</em> legs` reads as one string. */
  Inline = 0,
  /** Starts a new unit: a term never spans its boundary. */
  Block = 1,
  /** An empty element that breaks a line: ends a segment, owns nothing. */
  Break = 2,
  /** Never read: code, form controls, media, frames (they run their own script), SVG and MathML. */
  Skip = 3,
}

const KINDS = new Map<string, Kind>();
for (const name of [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'button',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'head',
  'title',
  'meta',
  'link',
  'datalist',
  'slot',
  'svg',
  'math',
])
  KINDS.set(name, Kind.Skip);
for (const name of [
  'html',
  'body',
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'caption',
  'ul',
  'output',
  'search',
  'colgroup',
])
  KINDS.set(name, Kind.Block);
KINDS.set('br', Kind.Break);
KINDS.set('hr', Kind.Break);

export type Unit = Element | ShadowRoot;

/** A match mapped back to the page. */
export interface UnitTerm {
  readonly range: StaticRange;
  readonly entryId: string;
  /** Index of the surface form found (`glossary.forms`): its context standing and its quote in the tooltip. */
  readonly form: number;
  /** Every text node the term touches, when it spans more than one (for hit-testing by node). */
  readonly spans?: Text[];
}

/** The only elements `attachShadow` accepts, besides custom elements (whose names have a hyphen). */
const SHADOW_HOSTS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

/** Whether an element can host a shadow root: asking only those saves a DOM call per <a>, <b>, <td>… */
export function mayHostShadow(name: string): boolean {
  return SHADOW_HOSTS.has(name) || name.includes('-');
}

/** Elements whose content the user edits; `contenteditable="false"` switches editing off again. */
export const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false" i])';
/** Every block-level tag, as a selector (for finding blocks inside added inline content). */
export const BLOCK_SELECTOR = [...KINDS]
  .filter(([, kind]) => kind === Kind.Block)
  .map(([name]) => name)
  .join(',');

/**
 * The element's kind. `editable`, when given, holds the editable elements of the subtree being walked (found once
 * with one selector query, far cheaper than reading an attribute of every element); without it the attribute is read.
 */
export function kindOf(el: Element, editable?: ReadonlySet<Element>, name = el.localName): Kind {
  const kind = KINDS.get(name);
  if (kind === Kind.Skip) return kind;
  if (editable ? editable.size > 0 && editable.has(el) : el.matches(EDITABLE_SELECTOR)) return Kind.Skip;
  if (kind === undefined) return name.startsWith(PAGE_PREFIX) ? Kind.Skip : Kind.Inline;
  return kind;
}

export const isSkipped = (el: Element) => kindOf(el) === Kind.Skip;
export const isBlock = (el: Element) => kindOf(el) === Kind.Block;

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

/** What turns one segment's text into terms: the matcher, filtered by the page's context (content/page-context.ts). */
export interface TermReader {
  /** The matches in `text` that may be terms on this page, left to right; `entry` is the form's index. */
  read(text: string): readonly Match[];
  /** The entry id of each form. */
  readonly entryIds: readonly string[];
}

/** Joins text nodes of one segment and maps matches in the joined string back to StaticRanges. */
export class Segment {
  private nodes: Text[] = [];
  private starts: number[] = [];
  private text = '';

  /** Adds a text node; returns its length (reading `data` once: each DOM read costs a call into the browser). */
  push(node: Text): number {
    const data = node.data;
    this.nodes.push(node);
    this.starts.push(this.text.length);
    this.text += data;
    return data.length;
  }

  clear(): void {
    this.nodes.length = 0;
    this.starts.length = 0;
    this.text = '';
  }

  /** Reads the segment's terms (matcher and page context in one pass), appends them to `out`, empties the segment. */
  flush(reader: TermReader, out: UnitTerm[]): number {
    const { text, nodes, starts } = this;
    let found = 0;
    // The shortest form has two letters: shorter text cannot hold a term.
    if (text.length > 1) {
      const { entryIds } = reader;
      for (const match of reader.read(text)) {
        const first = this.locate(match.start, false);
        const last = this.locate(match.end, true);
        const range = new StaticRange({
          startContainer: nodes[first]!,
          startOffset: match.start - starts[first]!,
          endContainer: nodes[last]!,
          endOffset: match.end - starts[last]!,
        });
        const form = match.entry;
        const entryId = entryIds[form]!;
        out.push(
          first === last ? { range, entryId, form } : { range, entryId, form, spans: nodes.slice(first, last + 1) },
        );
        found++;
      }
    }
    if (nodes.length) this.clear();
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
